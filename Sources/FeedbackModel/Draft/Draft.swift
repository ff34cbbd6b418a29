/// A committee's feedback in progress: the metadata and the content of every section,
/// written against one version of one form.
public struct Draft: Sendable, Equatable {
    public var formID: String
    public var formVersion: Int
    /// A stable id for the document (a UUID), kept across saves and exports.
    public var documentID: String
    /// Counts the saves that changed the content.
    public var revision: Int
    public var created: Timestamp
    public var modified: Timestamp
    /// Metadata values by field id.
    public var metadata: [String: FieldValue]
    /// Section values by section id, then field id.
    public var sections: [String: [String: FieldValue]]
    /// The headings the secretary has marked as done ("klarmarkerade"), by section id.
    public var readySections: Set<String> = []
    /// What was carried over from last year's feedback; nil for a draft started empty.
    public var carriedOver: CarriedOver?

    public init(formID: String, formVersion: Int, documentID: String, revision: Int = 0,
                created: Timestamp, modified: Timestamp,
                metadata: [String: FieldValue] = [:], sections: [String: [String: FieldValue]] = [:]) {
        self.formID = formID
        self.formVersion = formVersion
        self.documentID = documentID
        self.revision = revision
        self.created = created
        self.modified = modified
        self.metadata = metadata
        self.sections = sections
    }

    /// A new, empty draft for a committee, with the form's default choices filled in.
    public static func new(form: FormDefinition, committee: String, documentID: String, now: Timestamp) -> Draft {
        var draft = Draft(formID: form.id, formVersion: form.version, documentID: documentID,
                          created: now, modified: now)
        for field in form.metadata {
            if field.kind == .committee {
                draft.metadata[field.id] = .text(committee)
            } else if let value = field.defaultValue {
                draft.metadata[field.id] = .text(value)
            }
        }
        return draft
    }

    /// The value at a place, nil when nothing has been entered.
    public func value(at place: FieldPlace) -> FieldValue? {
        switch place {
        case .metadata(let id): return metadata[id]
        case .section(let section, let field): return sections[section]?[field]
        }
    }

    public mutating func setValue(_ value: FieldValue?, at place: FieldPlace) {
        switch place {
        case .metadata(let id): metadata[id] = value
        case .section(let section, let field): sections[section, default: [:]][field] = value
        }
    }

    /// The text at a place ("" when empty or not text).
    public func text(at place: FieldPlace) -> String {
        if case .text(let s)? = value(at: place) { return s }
        return ""
    }

    /// The chosen committee's id.
    public func committeeID(in form: FormDefinition) -> String? {
        guard let id = form.committeeFieldID, case .text(let value)? = metadata[id] else { return nil }
        return value
    }

    /// The status option id (the status field's default when unset).
    public func status(in form: FormDefinition) -> String {
        if let id = form.statusFieldID, case .text(let value)? = metadata[id], !value.isEmpty { return value }
        return form.statusField?.defaultValue ?? ""
    }
}

/// Where a field lives in a draft.
public enum FieldPlace: Sendable, Hashable {
    case metadata(String)
    case section(String, String)

    /// The JSON Pointer of the value in the draft file.
    public var pointer: String {
        switch self {
        case .metadata(let id): return "/metadata/\(JSONPointer.escape(id))"
        case .section(let section, let field): return "/sections/\(JSONPointer.escape(section))/\(JSONPointer.escape(field))"
        }
    }

    public var sectionID: String? {
        if case .section(let id, _) = self { return id }
        return nil
    }
}

/// A field's value. Amounts the user typed that are not whole numbers are kept as text,
/// so nothing typed is lost; the validator reports them.
public enum FieldValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case table([TableRow])

    public var isEmpty: Bool {
        switch self {
        case .text(let s): return s.isEmpty
        case .integer: return false
        case .table(let rows): return rows.isEmpty
        }
    }

    public var rows: [TableRow] {
        if case .table(let rows) = self { return rows }
        return []
    }
}

/// A cell's value: text, or a whole number for amounts.
public enum CellValue: Sendable, Equatable {
    case text(String)
    case integer(Int)

    /// What the user sees and edits.
    public var displayText: String {
        switch self {
        case .text(let s): return s
        case .integer(let n): return AmountFormat.display(n)
        }
    }
}

/// One row of a table. Cells are keyed by column id; a plan-year column has one cell per
/// year, keyed `column/year` (e.g. `amounts/2028`).
public struct TableRow: Sendable, Equatable {
    public var cells: [String: CellValue]
    /// Set on a row carried over from last year (it moves with the row).
    public var carry: RowCarry?

    public init(cells: [String: CellValue] = [:], carry: RowCarry? = nil) {
        self.cells = cells
        self.carry = carry
    }

    public static func yearKey(_ column: String, _ year: Int) -> String { "\(column)/\(year)" }

    public subscript(key: String) -> CellValue? {
        get { cells[key] }
        set { cells[key] = newValue }
    }

    public var isEmpty: Bool {
        cells.values.allSatisfy { if case .text(let s) = $0 { return s.isEmpty } else { return false } }
    }
}

/// JSON Pointer (RFC 6901) escaping.
public enum JSONPointer {
    public static func escape(_ token: String) -> String {
        // Most tokens (ids, numbers) need nothing: one scan instead of two replacements.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

/// Reading and writing amounts the way Swedish users type them: "12 500", "-300", "1 200 000".
public enum AmountFormat {
    /// A whole number from typed text: digits with optional spaces (also no-break and thin
    /// spaces) between groups, an optional leading sign (`-`, `−`, `–` or `+`) and an optional
    /// unit "tkr". Nil otherwise; `read` says why.
    public static func parse(_ text: String) -> Int? {
        if case .amount(let n) = read(text) { return n }
        return nil
    }

    /// "12 500" — groups of three separated by a space, as Swedish amounts are written.
    public static func display(_ n: Int, separator: Character = " ") -> String {
        let digits = String(n.magnitude)
        var result = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { result.append(separator) }
            result.append(c)
        }
        return n < 0 ? "-" + result : result
    }
}
