/// What a draft took over from last year's feedback (`feedback new --from`), and which of the
/// carried parts the secretary has not yet edited or confirmed. Kept in the draft file only:
/// exports hold the committee's answer, not the state of the secretary's work.
public struct CarriedOver: Sendable, Equatable {
    /// The file the draft was started from.
    public var source: CarrySource
    /// Texts and metadata values carried over and not yet edited or confirmed.
    public var unconfirmed: Set<FieldPlace>
    /// Last year's texts and tables under headings (or fields) this form no longer has.
    public var notes: [CarriedNote]

    public init(source: CarrySource, unconfirmed: Set<FieldPlace> = [], notes: [CarriedNote] = []) {
        self.source = source
        self.unconfirmed = unconfirmed
        self.notes = notes
    }

    /// The mark shown on every carried part until it is edited or confirmed.
    public static let mark = Localized(sv: "från föregående år", en: "from last year")
}

/// The earlier export or draft a draft was started from.
public struct CarrySource: Sendable, Equatable {
    /// What kind of file it was.
    public enum Kind: String, Sendable, Equatable {
        case export, draft
    }

    public var kind: Kind
    /// The path it was read from, as given (the interface reads last year's text from it).
    public var path: String
    public var formID: String
    public var formVersion: Int
    /// Nil for a draft of a form this program does not know.
    public var planPeriod: PlanPeriod?
    public var committeeID: String?
    public var documentID: String
    public var revision: Int
    /// The export's content hash (exports only).
    public var contentSha256: String?

    public init(kind: Kind, path: String, formID: String, formVersion: Int, planPeriod: PlanPeriod?, committeeID: String?,
                documentID: String, revision: Int, contentSha256: String? = nil) {
        self.kind = kind
        self.path = path
        self.formID = formID
        self.formVersion = formVersion
        self.planPeriod = planPeriod
        self.committeeID = committeeID
        self.documentID = documentID
        self.revision = revision
        self.contentSha256 = contentSha256
    }

    /// The file name without its folder.
    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }
}

/// Last year's text under a heading or field this form no longer has, kept so nothing is lost.
public struct CarriedNote: Sendable, Equatable {
    /// Last year's section and field ids.
    public var sectionID: String
    public var fieldID: String
    /// Last year's heading number and title, when known.
    public var number: Int?
    public var title: Localized?
    /// The text (a table is written out row by row).
    public var text: String
    public var confirmed: Bool

    public init(sectionID: String, fieldID: String, number: Int?, title: Localized?, text: String, confirmed: Bool = false) {
        self.sectionID = sectionID
        self.fieldID = fieldID
        self.number = number
        self.title = title
        self.text = text
        self.confirmed = confirmed
    }

    /// "Rubrik 6 i 2027–2030, ”Nämndens synpunkter …”, finns inte i år" and the English.
    public func heading(_ language: Language, period: PlanPeriod?) -> String {
        let round = period.map { language == .sv ? " i \($0.label)" : " in \($0.label)" } ?? ""
        let name = title.map { language == .sv ? ", ”\($0[language])”" : ", “\($0[language])”" } ?? ", \(sectionID)"
        let number = self.number.map { String($0) } ?? "?"
        let field = fieldID == "text" ? "" : (language == .sv ? ", fältet \(fieldID)" : ", field \(fieldID)")
        return language == .sv
            ? "Rubrik \(number)\(round)\(name)\(field), finns inte i år"
            : "Heading \(number)\(round)\(name)\(field), not in this year's form"
    }
}

/// On a table row carried over from last year: whether it is confirmed, the values of last
/// year's row that have no place in this form (years outside the plan period, columns the
/// table no longer has), and the cells of years new to the plan period, left empty.
public struct RowCarry: Sendable, Equatable {
    public var confirmed: Bool
    public var kept: [KeptValue]
    /// Cell keys (`amounts/2031`) of plan years last year's row had no amount for.
    public var newYearCells: [String]

    public init(confirmed: Bool = false, kept: [KeptValue] = [], newYearCells: [String] = []) {
        self.confirmed = confirmed
        self.kept = kept
        self.newYearCells = newYearCells
    }

    /// The row's note: what was kept and what is new, in words ("" when there is nothing).
    public func note(columns: [ColumnDefinition], period: PlanPeriod, language: Language) -> String {
        func label(_ column: String) -> String { columns.first { $0.id == column }?.label[language] ?? column }
        var parts: [String] = []
        let years = kept.filter { $0.year != nil }
        if !years.isEmpty {
            let list = years.map { "\(label($0.column)) \($0.year ?? 0): \($0.value.displayText)" }.joined(separator: ", ")
            parts.append(language == .sv ? "Utanför planperioden \(period.label): \(list)."
                                         : "Outside the plan period \(period.label): \(list).")
        }
        let columnsGone = kept.filter { $0.year == nil }
        if !columnsGone.isEmpty {
            let list = columnsGone.map { "\($0.column): \($0.value.displayText)" }.joined(separator: ", ")
            parts.append(language == .sv ? "Kolumner som inte finns i år: \(list)." : "Columns not in this year's form: \(list).")
        }
        if !newYearCells.isEmpty {
            let list = newYearCells.map { key -> String in
                let parts = key.split(separator: "/")
                return parts.count == 2 ? "\(label(String(parts[0]))) \(parts[1])" : key
            }.joined(separator: ", ")
            parts.append(language == .sv ? "Nytt i planperioden, fyll i: \(list)." : "New in the plan period, to fill in: \(list).")
        }
        return parts.joined(separator: " ")
    }
}

/// A value of last year's row that this year's table has no cell for.
public struct KeptValue: Sendable, Equatable {
    public var column: String
    /// The year of a plan-year amount; nil for a column the table no longer has.
    public var year: Int?
    public var value: CellValue

    public init(column: String, year: Int?, value: CellValue) {
        self.column = column
        self.year = year
        self.value = value
    }
}

/// A part of a draft carried over from last year, for confirming it and for the warning.
public enum CarriedPart: Sendable, Hashable {
    /// A text or metadata value.
    case field(FieldPlace)
    /// A table row (the table's place and the row's index).
    case row(FieldPlace, Int)
    /// A note (its index in `CarriedOver.notes`).
    case note(Int)
}
