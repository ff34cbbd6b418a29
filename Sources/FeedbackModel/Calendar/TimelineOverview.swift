/// The round's timeline as the start screen shows it: each phase past, current or to come,
/// and where today falls, with the days left to the deadline.
public struct TimelineOverview: Sendable, Equatable {
    /// Where a phase stands on `today`.
    public enum State: Sendable, Equatable {
        case past, current, upcoming
    }

    /// One phase and its state.
    public struct Row: Sendable, Equatable {
        public var phase: TimelinePhase
        public var state: State
        public var isDeadline: Bool { phase.id == Timeline.deadlineID }
    }

    public var today: SimpleDate
    public var rows: [Row]
    /// The index in `rows` before which the "today" line goes: after every phase that has
    /// begun by today (`rows.count` when all have).
    public var todayIndex: Int
    public var deadline: DeadlineStatus

    public init(form: FormDefinition, today: SimpleDate) {
        self.today = today
        rows = form.timeline.phases.map { phase in
            let state: State = phase.end < today ? .past : (phase.start <= today ? .current : .upcoming)
            return Row(phase: phase, state: state)
        }
        todayIndex = rows.lastIndex { $0.phase.start <= today }.map { $0 + 1 } ?? 0
        deadline = form.deadlineStatus(today: today)
    }

    /// "i dag 2027-04-02 · 14 dagar kvar" / "today 2027-04-02 · 14 days left".
    public func todayLine(_ language: Language) -> String {
        "\(language == .sv ? "i dag" : "today") \(today) · \(deadline.phrase(language))"
    }

    /// The timeline as plain lines: `✓` for a past phase, `▶` for a current one, and the
    /// "today" line (`▸`) in its place. Labels come from the form: print through `Sanitizer`.
    public func lines(_ language: Language) -> [String] {
        let width = rows.map { $0.phase.dates.count }.max() ?? 10
        func padded(_ s: String) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            if index == todayIndex { lines.append("▸ " + todayLine(language)) }
            let mark: String
            switch row.state {
            case .past: mark = "✓"
            case .current: mark = "▶"
            case .upcoming: mark = " "
            }
            lines.append("\(mark) \(padded(row.phase.dates))  \(row.phase.label[language])")
        }
        if todayIndex == rows.count { lines.append("▸ " + todayLine(language)) }
        return lines
    }
}
