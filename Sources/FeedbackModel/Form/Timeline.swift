/// The round's calendar from the form: its phases in date order (kickoff, PF decided by the
/// board, committee meetings, the deadline for the feedback, …). The form reader guarantees
/// a phase with id `deadline`, a single day equal to the form's `deadline`.
public struct Timeline: Sendable, Equatable {
    /// The id of the phase that is the committees' deadline.
    public static let deadlineID = "deadline"

    public var phases: [TimelinePhase]

    public init(phases: [TimelinePhase]) {
        self.phases = phases
    }

    /// The deadline phase, if the timeline has one.
    public var deadline: TimelinePhase? { phases.first { $0.id == Timeline.deadlineID } }

    /// The label of a timeline that is only a deadline (forms written before timelines).
    public static let standardDeadlineLabel = Localized(sv: "Sista dag för nämndernas återkoppling",
                                                        en: "Deadline for the committees' feedback")
}

/// One phase of a round: a single day or a run of days, with its label.
public struct TimelinePhase: Sendable, Equatable {
    public var id: String
    public var label: Localized
    public var start: SimpleDate
    /// The last day of the phase (the same as `start` for a single day).
    public var end: SimpleDate

    public init(id: String, label: Localized, start: SimpleDate, end: SimpleDate? = nil) {
        self.id = id
        self.label = label
        self.start = start
        self.end = end ?? start
    }

    public var isSingleDay: Bool { start == end }

    public func contains(_ date: SimpleDate) -> Bool { start <= date && date <= end }

    /// "2027-03-09" or "2027-03-18–2027-04-16".
    public var dates: String { isSingleDay ? start.description : "\(start)–\(end)" }
}
