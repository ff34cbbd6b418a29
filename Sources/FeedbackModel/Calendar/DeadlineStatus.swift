/// How today stands to the deadline: days left, the last day, or days past it.
public enum DeadlineStatus: Sendable, Equatable {
    /// The deadline is this many days (1 or more) ahead.
    case daysLeft(Int)
    /// Today is the deadline.
    case lastDay
    /// The deadline was this many days (1 or more) ago.
    case overdue(Int)

    public init(today: SimpleDate, deadline: SimpleDate) {
        let days = today.days(until: deadline)
        if days > 0 {
            self = .daysLeft(days)
        } else if days == 0 {
            self = .lastDay
        } else {
            self = .overdue(-days)
        }
    }

    public var isOverdue: Bool {
        if case .overdue = self { return true }
        return false
    }

    /// "12 dagar kvar", "1 dag kvar", "sista dagen i dag", "2 dagar sedan sista dag";
    /// "12 days left", "1 day left", "last day today", "2 days past the deadline".
    public func phrase(_ language: Language) -> String {
        switch (self, language) {
        case (.daysLeft(let n), .sv): return "\(Messages.n(n, .sv)) \(n == 1 ? "dag" : "dagar") kvar"
        case (.daysLeft(let n), .en): return "\(Messages.n(n, .en)) \(n == 1 ? "day" : "days") left"
        case (.lastDay, .sv): return "sista dagen i dag"
        case (.lastDay, .en): return "last day today"
        case (.overdue(let n), .sv): return "\(Messages.n(n, .sv)) \(n == 1 ? "dag" : "dagar") sedan sista dag"
        case (.overdue(let n), .en): return "\(Messages.n(n, .en)) \(n == 1 ? "day" : "days") past the deadline"
        }
    }
}

extension FormDefinition {
    /// How `today` stands to this form's deadline.
    public func deadlineStatus(today: SimpleDate) -> DeadlineStatus {
        DeadlineStatus(today: today, deadline: deadline)
    }
}
