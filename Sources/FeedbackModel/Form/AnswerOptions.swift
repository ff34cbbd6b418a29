/// What the board may answer to a committee's feedback, as the form declares it under
/// `answers:`: the judgements a heading can get, and for tables whose rows are objects that
/// may enter a plan (investments), the decision options for each row.
public struct AnswerOptions: Sendable, Equatable {
    /// The judgements of a heading, in the form's order (e.g. "beaktas i regionplanen").
    public var judgements: [ChoiceOption]
    /// The tables whose rows get a decision each.
    public var rows: [RowDecisions]

    public init(judgements: [ChoiceOption] = [], rows: [RowDecisions] = []) {
        self.judgements = judgements
        self.rows = rows
    }

    /// A form without `answers:`: the board cannot answer in the program.
    public var isEmpty: Bool { judgements.isEmpty }

    public func judgement(id: String) -> ChoiceOption? {
        judgements.first { $0.id == id }
    }

    /// The row decisions of a table field, if its rows get one.
    public func rowDecisions(section: String, field: String) -> RowDecisions? {
        rows.first { $0.sectionID == section && $0.fieldID == field }
    }
}

/// The decisions the board can give each row of one table (e.g. whether an investment object
/// enters the investment plan).
public struct RowDecisions: Sendable, Equatable {
    /// The section that holds the table.
    public var sectionID: String
    /// The table field.
    public var fieldID: String
    /// What is decided per row, e.g. "Investeringsplanen".
    public var label: Localized
    public var options: [ChoiceOption]

    public init(sectionID: String, fieldID: String, label: Localized, options: [ChoiceOption]) {
        self.sectionID = sectionID
        self.fieldID = fieldID
        self.label = label
        self.options = options
    }

    public func option(id: String) -> ChoiceOption? {
        options.first { $0.id == id }
    }
}
