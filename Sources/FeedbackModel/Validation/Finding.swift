/// One thing the validator has to say about a draft.
public struct Finding: Sendable, Equatable {
    public var severity: Severity
    /// A stable code (`required`, `maxChars`, `invalidAmount`, ...) that tools can rely on.
    public var code: String
    /// JSON Pointer to the value in the draft file.
    public var pointer: String
    /// Where the finding is, for the interface to jump to.
    public var target: FindingTarget
    public var message: Localized

    /// The section id, or nil for the metadata page.
    public var sectionID: String? { target.field.sectionID }
}

/// The exact place of a finding: a field, and in a table a row and cell, and in a text a
/// character offset (Unicode scalars after NFC).
public struct FindingTarget: Sendable, Equatable, Hashable {
    public var field: FieldPlace
    public var row: Int?
    /// The cell key: a column id, or `column/year` for plan-year amounts.
    public var cell: String?
    public var offset: Int?

    public init(field: FieldPlace, row: Int? = nil, cell: String? = nil, offset: Int? = nil) {
        self.field = field
        self.row = row
        self.cell = cell
        self.offset = offset
    }
}

extension Array where Element == Finding {
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
