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
    /// Where the definition was read from (a file path, or "embedded").
    public var source: String
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

    /// The metadata field holding the committee, the status, by their types and ids.
    public var committeeFieldID: String? { metadata.first { $0.kind == .committee }?.id }
    public var statusFieldID: String? { metadata.first { $0.id == "status" }?.id }
    /// The status option that means the committee has decided its feedback.
    public static let decidedStatus = "beslutad"
    /// The date field of the committee meeting that decides the feedback.
    public var meetingDateFieldID: String? { metadata.first { $0.id == "meetingDate" && $0.kind == .date }?.id }
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
/// (status "beslutad" requires the meeting date and paragraph).
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

    public var columns: [ColumnDefinition] {
        if case .table(let columns) = kind { return columns }
        return []
    }

    public var options: [ChoiceOption] {
        if case .choice(let options) = kind { return options }
        return []
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
