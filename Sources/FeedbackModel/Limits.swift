/// The program's one set of limits: what the reader of drafts and forms accepts, what the
/// validator reports, and what the interface lets in (a paste, a new row) so that it never
/// saves a draft its own reader would refuse.
public struct Limits: Sendable, Equatable {
    /// The largest draft file read (and written).
    public var draftBytes = 64 * 1024 * 1024
    /// The largest form file read.
    public var formBytes = 2 * 1024 * 1024
    /// The most characters (Unicode scalars after NFC) in one text: a heading, a field, a cell.
    public var textCharacters = 16_000_000
    /// The most rows in one table.
    public var tableRows = 10_000
    /// The longest value a form's pattern is matched against; a longer value is reported as
    /// too long to check.
    public var patternInputCharacters = 100_000
    /// The longest pattern a form may give (in characters).
    public var patternLength = 1_000
    /// The largest count in a pattern's `{m,n}`.
    public var patternRepetition = 1_000
    /// The most steps a compiled pattern may have (each counted repetition is unrolled).
    public var patternProgramSize = 20_000

    public init() {}

    /// The limits the program runs with.
    public static let standard = Limits()

    /// Whether a text of `characters` characters may be in a draft.
    public func admitsText(characters: Int) -> Bool { characters <= textCharacters }

    /// How many more characters a text of `characters` characters may take.
    public func roomInText(characters: Int) -> Int { max(0, textCharacters - characters) }

    /// Whether a table may have `rows` rows.
    public func admitsRows(_ rows: Int) -> Bool { rows <= tableRows }

    /// Whether a draft encoded to `bytes` bytes may be saved (and read back).
    public func admitsDraft(bytes: Int) -> Bool { bytes <= draftBytes }

    /// Every place in a draft beyond the limits, in the form's order: texts too long, tables
    /// with too many rows. (The encoded size is checked when saving.)
    public func violations(in draft: Draft, form: FormDefinition) -> [LimitViolation] {
        var result: [LimitViolation] = []
        func check(_ value: FieldValue?, place: FieldPlace) {
            switch value {
            case .text(let text)?:
                // Only a text with more bytes than the limit can have more characters.
                guard text.utf8.count > textCharacters else { break }
                let count = text.unicodeScalars.count
                if count > textCharacters { result.append(.textTooLong(place, row: nil, cell: nil, characters: count, limit: textCharacters)) }
            case .table(let rows)?:
                if rows.count > tableRows { result.append(.tooManyRows(place, rows: rows.count, limit: tableRows)) }
                for (index, row) in rows.enumerated() {
                    for (key, cell) in row.cells.sorted(by: { $0.key < $1.key }) {
                        guard case .text(let text) = cell, text.utf8.count > textCharacters else { continue }
                        let count = text.unicodeScalars.count
                        if count > textCharacters {
                            result.append(.textTooLong(place, row: index, cell: key, characters: count, limit: textCharacters))
                        }
                    }
                }
            default:
                break
            }
        }
        for field in form.metadata { check(draft.metadata[field.id], place: .metadata(field.id)) }
        for section in form.sections {
            for field in section.fields {
                check(draft.sections[section.id]?[field.id], place: .section(section.id, field.id))
            }
        }
        return result
    }
}

/// A place in a draft beyond the program's limits.
public enum LimitViolation: Sendable, Equatable {
    case textTooLong(FieldPlace, row: Int?, cell: String?, characters: Int, limit: Int)
    case tooManyRows(FieldPlace, rows: Int, limit: Int)

    public var place: FieldPlace {
        switch self {
        case .textTooLong(let place, _, _, _, _), .tooManyRows(let place, _, _): return place
        }
    }

    public func message(_ language: Language) -> String {
        switch self {
        case .textTooLong(_, _, _, let characters, let limit):
            return language == .sv
                ? "texten har \(Messages.n(characters, .sv)) tecken, mer än programmets gräns på \(Messages.n(limit, .sv))"
                : "the text has \(Messages.n(characters, .en)) characters, more than the program's limit of \(Messages.n(limit, .en))"
        case .tooManyRows(_, let rows, let limit):
            return language == .sv
                ? "tabellen har \(Messages.n(rows, .sv)) rader, mer än programmets gräns på \(Messages.n(limit, .sv))"
                : "the table has \(Messages.n(rows, .en)) rows, more than the program's limit of \(Messages.n(limit, .en))"
        }
    }
}

extension DraftCodec {
    /// The draft's bytes for a save, or why the program must not write them: a save never
    /// writes a file its own reader would refuse (a text or table over the limits, a file
    /// over `draftBytes`). `path` names the file in the error.
    public static func encodeForSaving(_ draft: Draft, form: FormDefinition, path: String,
                                       limits: Limits = .standard) throws(StoreError) -> [UInt8] {
        if let violation = limits.violations(in: draft, form: form).first {
            throw StoreError(path: path, operation: "save", kind: .violatesLimit(violation))
        }
        let bytes = encode(draft, form: form)
        guard limits.admitsDraft(bytes: bytes.count) else {
            throw StoreError(path: path, operation: "save", kind: .exceedsLimit(size: bytes.count, limit: limits.draftBytes))
        }
        return bytes
    }
}
