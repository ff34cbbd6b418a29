import FeedbackModel

/// Reads an export or a draft of any round into `PastFeedback`. A draft of a form in the
/// catalog is read strictly against it; a draft of a form this program does not have (an
/// earlier year's) is read by its structure, without titles or plan period.
public enum PastFeedbackReader {
    /// Reads and recognises the file; errors name the file and the place in it.
    public static func read(path: String, catalog: FormCatalog) throws(DraftError) -> PastFeedback {
        let bytes: [UInt8]
        do {
            bytes = try FileStore.readLimited(path: path, limit: DraftCodec.maximumSize)
        } catch {
            throw DraftError(file: path, problem: Localized(sv: error.message(.sv), en: error.message(.en)))
        }
        return try read(bytes: bytes, path: path, catalog: catalog)
    }

    public static func read(bytes: [UInt8], path: String, catalog: FormCatalog) throws(DraftError) -> PastFeedback {
        let root = try DraftCodec.parse(bytes, file: path)
        guard case .object(let object) = root else { throw notFeedback(path) }
        if object["format"]?.stringValue == DraftCodec.format {
            let (id, version, _) = try DraftCodec.reference(root, file: path)
            if let form = catalog.form(id: id, version: version) {
                let draft = try DraftCodec.decode(root, form: form, file: path)
                return snapshot(of: draft, form: form, path: path)
            }
            return try GenericDraftReader(file: path).read(object, formID: id, formVersion: version)
        }
        if object["schemaVersion"] != nil {
            return try ExportReader(file: path, catalog: catalog).read(object)
        }
        throw notFeedback(path)
    }

    static func notFeedback(_ path: String) -> DraftError {
        DraftError(file: path, problem: Localized(
            sv: "filen är varken en export eller ett utkast från det här programmet",
            en: "the file is neither an export nor a draft made by this program"))
    }

    /// A draft in memory, as it would read back from its file (texts, metadata and cells as
    /// the export writes them; carried-over marks left out: they are not content).
    public static func snapshot(of draft: Draft, form: FormDefinition, path: String = "") -> PastFeedback {
        var metadata: [MetadataValue] = []
        for field in form.metadata {
            let id = field.kind == .committee ? "committee" : field.id
            metadata.append(MetadataValue(id: id, label: field.label, value: scalar(draft.metadata[field.id], kind: field.kind)))
        }
        var sections: [PastSection] = []
        for definition in form.sections {
            var section = PastSection(id: definition.id, number: definition.number, title: definition.title)
            for field in definition.fields {
                let value = draft.sections[definition.id]?[field.id]
                if case .table(let columns) = field.kind {
                    let rows = (value?.rows ?? []).map { row in TableRow(cells: cells(of: row, columns: columns)) }
                    section.tables.append(PastTable(fieldID: field.id, label: field.label, columns: columns, rows: rows))
                } else if let text = scalar(value, kind: field.kind) {
                    section.texts.append(PastText(fieldID: field.id, label: field.label, text: text))
                }
            }
            sections.append(section)
        }
        return PastFeedback(
            kind: .draft, path: path, formID: form.id, formVersion: form.version, formTitle: form.title,
            committeeID: draft.committeeID(in: form), planPeriod: form.planPeriod, premises: form.premises,
            deadline: form.deadline, documentID: draft.documentID, revision: draft.revision, status: draft.status(in: form),
            contentSha256: nil, hashMatches: nil, time: draft.modified, metadata: metadata, sections: sections)
    }

    /// A value as the export writes it: dates and choices trimmed, texts NFC (long texts in the
    /// stored paragraph form), nil when empty.
    static func scalar(_ value: FieldValue?, kind: FieldKind) -> String? {
        switch value {
        case .text(let s)?:
            switch kind {
            case .amount: return AmountFormat.parse(s).map(String.init) ?? (s.trimmingWhitespace.isEmpty ? nil : s)
            case .date, .choice, .committee:
                let trimmed = s.trimmingWhitespace
                return trimmed.isEmpty ? nil : trimmed
            case .longText:
                let text = Paragraphs.canonical(TextRules.nfc(s))
                return TextRules.stats(text).hasContent ? text : nil
            default:
                let text = TextRules.nfc(s)
                return TextRules.stats(text).hasContent ? text : nil
            }
        case .integer(let n)?: return String(n)
        default: return nil
        }
    }

    static func cells(of row: TableRow, columns: [ColumnDefinition]) -> [String: CellValue] {
        var result: [String: CellValue] = [:]
        for (key, cell) in row.cells {
            let columnID = key.split(separator: "/").first.map(String.init) ?? key
            let amount = columns.first { $0.id == columnID }.map { $0.kind == .amount || $0.kind == .planYears } ?? false
            if let value = normalised(cell, amount: amount) { result[key] = value }
        }
        return result
    }

    /// A cell as the export writes it (amounts typed as text become numbers), nil when empty.
    static func normalised(_ cell: CellValue, amount: Bool) -> CellValue? {
        switch cell {
        case .integer: return cell
        case .text(let s):
            if amount, let n = AmountFormat.parse(s) { return .integer(n) }
            let text = TextRules.nfc(s)
            return TextRules.stats(text).hasContent ? .text(amount ? text.trimmingWhitespace : text) : nil
        }
    }
}

/// Typed access to parsed JSON with DraftError messages naming the place.
struct JSONAccess {
    let file: String

    func fail(_ pointer: String, _ sv: String, _ en: String) -> DraftError {
        DraftError(file: file, place: pointer.isEmpty ? "/" : pointer, problem: Localized(sv: sv, en: en))
    }

    func object(_ value: JSONValue?, _ pointer: String) throws(DraftError) -> JSONObject {
        guard case .object(let o)? = value else {
            throw fail(pointer, "ska vara ett objekt, är \(value?.typeName ?? "saknas")", "must be an object, is \(value?.typeName ?? "missing")")
        }
        return o
    }

    func array(_ value: JSONValue?, _ pointer: String) throws(DraftError) -> [JSONValue] {
        guard case .array(let a)? = value else {
            throw fail(pointer, "ska vara en lista, är \(value?.typeName ?? "saknas")", "must be an array, is \(value?.typeName ?? "missing")")
        }
        return a
    }

    func string(_ value: JSONValue?, _ pointer: String) throws(DraftError) -> String {
        guard case .string(let s)? = value else {
            throw fail(pointer, "ska vara en text, är \(value?.typeName ?? "saknas")", "must be a string, is \(value?.typeName ?? "missing")")
        }
        return TextRules.nfc(s)
    }

    func optionalString(_ value: JSONValue?, _ pointer: String) throws(DraftError) -> String? {
        switch value {
        case nil, .null?: return nil
        default: return try string(value, pointer)
        }
    }

    func integer(_ value: JSONValue?, _ pointer: String) throws(DraftError) -> Int {
        guard case .number(let literal)? = value, let n = Int(literal) else {
            throw fail(pointer, "ska vara ett heltal", "must be a whole number")
        }
        return n
    }

    func localized(_ value: JSONValue?, _ pointer: String) throws(DraftError) -> Localized? {
        guard let value, value != .null else { return nil }
        let o = try object(value, pointer)
        return Localized(sv: try string(o["sv"], pointer + "/sv"), en: try string(o["en"], pointer + "/en"))
    }

    /// A text or number cell; nil for null or empty text.
    func cell(_ value: JSONValue, _ pointer: String) throws(DraftError) -> CellValue? {
        switch value {
        case .null: return nil
        case .number: return .integer(try integer(value, pointer))
        case .string:
            let text = try string(value, pointer)
            return TextRules.stats(text).hasContent ? .text(text) : nil
        default: throw fail(pointer, "ska vara en text eller ett tal, är \(value.typeName)", "must be a string or a number, is \(value.typeName)")
        }
    }

    /// A table row: plain cells, and plan-year objects `{"2028": n}` as `column/2028`.
    func row(_ value: JSONValue, _ pointer: String) throws(DraftError) -> TableRow {
        var row = TableRow()
        for (key, cellJSON) in try object(value, pointer).members where key != "carriedOver" {
            let cellPointer = "\(pointer)/\(JSONPointer.escape(key))"
            if case .object(let years) = cellJSON {
                for (yearKey, yearValue) in years.members {
                    guard yearKey.utf8.count == 4, let year = Int(yearKey), year >= 1000 else {
                        throw fail("\(cellPointer)/\(JSONPointer.escape(yearKey))", "\"\(yearKey)\" är inget årtal", "\"\(yearKey)\" is not a year")
                    }
                    if let cell = try cell(yearValue, "\(cellPointer)/\(yearKey)") { row[TableRow.yearKey(key, year)] = cell }
                }
            } else if let cell = try cell(cellJSON, cellPointer) {
                row[key] = cell
            }
        }
        return row
    }
}
