import Foundation

/// A feedback form: what board staff define each year and every draft is written against.
public struct FormDefinition: Sendable {
    public var id: String
    public var version: Int
    public var title: Localized
    public var premises: Premises
    public var planPeriod: PlanPeriod
    /// The last day for the committees' feedback (the timeline's phase `deadline`).
    public var deadline: SimpleDate
    /// The round's phases and dates, in order; always holds the deadline.
    public var timeline: Timeline
    public var committees: [Committee]
    public var metadata: [FieldDefinition]
    public var conditions: [Condition]
    public var sections: [SectionDefinition]
    /// The heading whose text field takes imported text that no heading claimed
    /// (`fallbackSection:`); nil means the last heading with a text field.
    public var fallbackSectionID: String? = nil
    /// Where the definition was read from (a file path, or "embedded").
    public var source: String
    /// The title in the interface's top line (`shortTitle:`; the title when not given).
    public var shortTitle: Localized? = nil
    public var displayTitle: Localized { shortTitle ?? title }
    /// What a person must still review before the form goes out (`review:`, written by
    /// `feedback form next`; `feedback forms` lists it until the key is removed).
    public var review: [String] = []
    /// What the board may answer (`answers:`); empty when the form declares none.
    public var answers: AnswerOptions = AnswerOptions()

    public func committee(id: String) -> Committee? {
        committees.first { $0.id == id }
    }

    public func section(id: String) -> SectionDefinition? {
        sections.first { $0.id == id }
    }

    public func metadataField(id: String) -> FieldDefinition? {
        metadata.first { $0.id == id }
    }

    /// The metadata field holding the committee (the field of type committee).
    public var committeeFieldID: String? { metadata.first { $0.kind == .committee }?.id }
    /// The metadata field marked as the committee's case number, if any.
    public var caseNumberFieldID: String? { metadata.first { $0.caseNumber }?.id }
    /// The status field: the metadata choice field with an option marked `decided: true`.
    public var statusField: FieldDefinition? { metadata.first { $0.options.contains(where: \.decided) } }
    public var statusFieldID: String? { statusField?.id }
    /// The status option that means the committee has decided its feedback.
    public var decidedOption: ChoiceOption? { statusField?.options.first(where: \.decided) }
    /// Whether a status (an option id) is the decided one.
    public func isDecided(status: String?) -> Bool {
        guard let status, let decided = decidedOption else { return false }
        return status == decided.id
    }
    /// The label of a status option, or the id when the form does not know it.
    public func statusLabel(_ id: String, _ language: Language) -> String {
        statusField?.options.first { $0.id == id }?.label[language] ?? id
    }
    /// The fields the decided status requires (the conditions on the decided option).
    public var decisionFieldIDs: [String] {
        guard let status = statusFieldID, let decided = decidedOption?.id else { return [] }
        return conditions.filter { $0.field == status && $0.equals == decided }.flatMap(\.require)
    }
    /// The date field of the committee meeting that decides the feedback: the date field
    /// the decided status requires.
    public var meetingDateFieldID: String? {
        decisionFieldIDs.first { id in metadata.first { $0.id == id }?.kind == .date }
    }
    /// The metadata fields carried to next year's draft (`carry: true`).
    public var carriedMetadataIDs: [String] { metadata.filter(\.carry).map(\.id) }
    /// The heading that takes imported text no heading claimed, with its first text field:
    /// the form's `fallbackSection`, else the last heading with a text field.
    public var fallbackTextField: (section: SectionDefinition, field: FieldDefinition)? {
        let candidates = fallbackSectionID.flatMap { id in sections.filter { $0.id == id } } ?? sections.reversed()
        for section in candidates {
            if let field = section.fields.first(where: { $0.kind.isText }) { return (section, field) }
        }
        return nil
    }
    /// Every table field of the form, with its heading, in the form's order.
    public var tables: [(section: SectionDefinition, field: FieldDefinition)] {
        sections.flatMap { section in section.fields.filter { !$0.columns.isEmpty }.map { (section, $0) } }
    }
}

/// The planning premises (PF) that this form's feedback answers.
public struct Premises: Sendable, Equatable {
    public var title: String
    public var caseNumber: String

    public init(title: String, caseNumber: String) {
        self.title = title
        self.caseNumber = caseNumber
    }
}

/// The plan period: a run of consecutive years.
public struct PlanPeriod: Sendable, Equatable {
    public var firstYear: Int
    public var yearCount: Int

    public init(firstYear: Int, yearCount: Int) {
        self.firstYear = firstYear
        self.yearCount = yearCount
    }

    public var years: [Int] { Array(firstYear..<(firstYear + yearCount)) }
    public var lastYear: Int { firstYear + yearCount - 1 }
    public func contains(_ year: Int) -> Bool { year >= firstYear && year <= lastYear }
    /// "2028–2031"
    public var label: String { "\(firstYear)–\(lastYear)" }
}

/// A committee that may answer, from the form's list.
public struct Committee: Sendable, Equatable {
    public var id: String
    public var name: String
    public var nameEn: String

    public func name(_ language: Language) -> String { language == .sv ? name : nameEn }
}

/// A rule that holds only when another metadata field has a given value
/// (in the shipped form, the decided status requires the meeting date and paragraph).
public struct Condition: Sendable, Equatable {
    public var field: String
    public var equals: String
    public var require: [String]
    public var message: Localized
}

/// One of the form's headings.
public struct SectionDefinition: Sendable {
    public var id: String
    public var number: Int
    public var title: Localized
    public var shortTitle: Localized
    public var guidance: Localized
    public var fields: [FieldDefinition]

    public func field(id: String) -> FieldDefinition? {
        fields.first { $0.id == id }
    }
}

/// A choice's option: a stable id (what is stored and exported) and its labels.
public struct ChoiceOption: Sendable, Equatable {
    public var id: String
    public var label: Localized
    /// The status option that means the committee has decided (`decided: true`).
    public var decided: Bool = false
}

/// What kind of value a field holds.
public enum FieldKind: Sendable, Equatable {
    case longText
    case shortText
    /// ISO 8601 date.
    case date
    /// Integer amount in tkr.
    case amount
    case choice([ChoiceOption])
    /// A choice among the form's committees.
    case committee
    case table([ColumnDefinition])

    public var isText: Bool { self == .longText || self == .shortText }

    public var typeName: String {
        switch self {
        case .longText: return "longText"
        case .shortText: return "shortText"
        case .date: return "date"
        case .amount: return "amount"
        case .choice: return "choice"
        case .committee: return "committee"
        case .table: return "table"
        }
    }
}

/// A field of the metadata page or of a section.
public struct FieldDefinition: Sendable, Equatable {
    public var id: String
    public var label: Localized
    public var help: Localized?
    public var kind: FieldKind
    public var rules: FieldRules
    /// The option a new draft starts with (choices only).
    public var defaultValue: String?
    /// Whether this short text holds the committee's case number ("diarienummer"), the field an
    /// import offers a recognised "Dnr …" line for (the form file's `caseNumber: true`).
    public var caseNumber: Bool = false
    /// Whether next year's draft starts with this field's value (`carry: true`).
    public var carry: Bool = false
    /// For a table: two of its choice columns drawn as one matrix across committees in
    /// the board's report (`matrix: {rows: COLUMN, columns: COLUMN}`).
    public var matrix: TableMatrix? = nil

    public var columns: [ColumnDefinition] {
        if case .table(let columns) = kind { return columns }
        return []
    }

    public var options: [ChoiceOption] {
        if case .choice(let options) = kind { return options }
        return []
    }
}

/// A table's matrix: the choice column counted along the rows and the one along the columns.
public struct TableMatrix: Sendable, Equatable {
    public var rows: String
    public var columns: String

    public init(rows: String, columns: String) {
        self.rows = rows
        self.columns = columns
    }
}

/// What kind of value a table column holds.
public enum ColumnKind: Sendable, Equatable {
    case shortText
    case amount
    case choice([ChoiceOption])
    /// One integer amount (tkr) per year of the plan period.
    case planYears

    public var typeName: String {
        switch self {
        case .shortText: return "shortText"
        case .amount: return "amount"
        case .choice: return "choice"
        case .planYears: return "planYears"
        }
    }
}

/// A column of a table field.
public struct ColumnDefinition: Sendable, Equatable {
    public var id: String
    public var label: Localized
    public var help: Localized?
    public var kind: ColumnKind
    public var rules: FieldRules
    /// Whether the export adds up a plan-year column per year (investments: yes; the
    /// alternative cases of a sensitivity analysis: no).
    public var summable: Bool = true

    public var options: [ChoiceOption] {
        if case .choice(let options) = kind { return options }
        return []
    }
}

/// A rule's threshold, how serious breaking it is, and an optional message of its own.
public struct Rule<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value
    public var severity: Severity
    public var message: Localized?

    public init(_ value: Value, severity: Severity = .error, message: Localized? = nil) {
        self.value = value
        self.severity = severity
        self.message = message
    }
}

/// A regular expression a text must match, with the message shown when it does not.
public struct PatternRule: Sendable, Equatable {
    public var regex: String
    public var severity: Severity
    public var message: Localized
    let compiled: CompiledPattern

    public static func == (lhs: PatternRule, rhs: PatternRule) -> Bool {
        lhs.regex == rhs.regex && lhs.severity == rhs.severity && lhs.message == rhs.message
    }

    public func matches(_ text: String) -> Bool { compiled.matches(text) }
}

/// A compiled form pattern (see `PatternSyntax.swift` for the syntax): matched in time
/// linear in the text, whatever the pattern. Forms read from files compile their patterns at
/// once, to report a bad one with its line; the embedded form compiles each on first use.
final class CompiledPattern: @unchecked Sendable {
    private let pattern: String
    private var compiled: FormPattern?
    private let lock = NSLock()

    /// Parses, checks (`PatternSafety`) and compiles a pattern; the error says why not.
    init(_ pattern: String, limits: Limits = .standard) throws(PatternError) {
        self.pattern = pattern
        compiled = try FormPattern(pattern, limits: limits)
    }

    /// A pattern already known to be valid, compiled when first matched.
    init(valid pattern: String) {
        self.pattern = pattern
    }

    func matches(_ text: String) -> Bool {
        lock.lock()
        if compiled == nil { compiled = try? FormPattern(pattern) }
        let pattern = compiled
        lock.unlock()
        guard let pattern else { return true }
        return pattern.matches(text)
    }
}

/// The rules of a field or column; every rule is optional.
public struct FieldRules: Sendable, Equatable {
    public var required: Rule<Bool>?
    public var minChars: Rule<Int>?
    public var maxChars: Rule<Int>?
    public var minWords: Rule<Int>?
    public var maxWords: Rule<Int>?
    public var pattern: PatternRule?
    public var min: Rule<Int>?
    public var max: Rule<Int>?
    public var minDate: Rule<SimpleDate>?
    public var maxDate: Rule<SimpleDate>?
    public var minRows: Rule<Int>?
    public var maxRows: Rule<Int>?

    public init() {}

    public var isRequired: Bool { required?.value == true }
}
