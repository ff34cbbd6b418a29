/// Reads and writes draft files (JSON). Reading is strict: every key, type and reference is
/// checked against the form, and all text is NFC-normalised.
public enum DraftCodec {
    public static let format = "feedback-draft"
    /// The newest draft format: 2 adds what was carried over from last year (`carriedOver`).
    /// A draft without carried-over parts is still written as format 1, so that older
    /// versions of the program keep reading it; both formats are read.
    public static let formatVersion = 2
    public static let readableFormatVersions = 1...2
    /// The largest draft file accepted (a draft of six full headings is well under 1 MB;
    /// this leaves room for very long pasted texts).
    public static let maximumSize = 64 * 1024 * 1024
    /// The most rows a table may have (the reader refuses more; the interface adds no more).
    public static let maximumRows = 10_000

    // MARK: - Reading

    public static func decode(_ bytes: [UInt8], file: String, catalog: FormCatalog) throws(DraftError) -> (Draft, FormDefinition) {
        let root = try parse(bytes, file: file)
        let (id, version, _) = try reference(root, file: file)
        guard let form = catalog.form(id: id, version: version) else {
            let known = catalog.forms.map { "\($0.id) v\($0.version)" }.joined(separator: ", ")
            throw DraftError(file: file, place: "/form", problem: Localized(
                sv: "okänt formulär \(id) version \(version) (kända: \(known))",
                en: "unknown form \(id) version \(version) (known: \(known))"))
        }
        return (try decode(root, form: form, file: file), form)
    }

    public static func decode(_ bytes: [UInt8], file: String, form: FormDefinition) throws(DraftError) -> Draft {
        let root = try parse(bytes, file: file)
        let (id, version, _) = try reference(root, file: file)
        guard id == form.id, version == form.version else {
            throw DraftError(file: file, place: "/form", problem: Localized(
                sv: "utkastet hör till formuläret \(id) version \(version), inte \(form.id) version \(form.version)",
                en: "the draft belongs to form \(id) version \(version), not \(form.id) version \(form.version)"))
        }
        return try decode(root, form: form, file: file)
    }

    /// Parses a JSON file with the draft reader's limits and messages (size, syntax, duplicate keys).
    public static func parse(_ bytes: [UInt8], file: String) throws(DraftError) -> JSONValue {
        guard bytes.count <= maximumSize else {
            throw DraftError(file: file, problem: Localized(
                sv: "filen är större än \(maximumSize / 1024 / 1024) MB och läses inte",
                en: "the file is larger than \(maximumSize / 1024 / 1024) MB and is not read"))
        }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            let place = Localized(sv: "rad \(error.line), kolumn \(error.column)", en: "line \(error.line), column \(error.column)")
            let problem = describe(error.problem)
            if case .empty = error.problem { throw DraftError(file: file, problem: problem) }
            throw DraftError(file: file, place: nil, problem: Localized(sv: "\(place.sv): \(problem.sv)", en: "\(place.en): \(problem.en)"))
        }
    }

    static func describe(_ problem: JSONParser.Failure.Problem) -> Localized {
        switch problem {
        case .empty: return Localized(sv: "filen är tom", en: "the file is empty")
        case .unexpectedEnd: return Localized(sv: "texten tar slut för tidigt (avkortad fil?)", en: "the text ends too early (truncated file?)")
        case .unexpectedCharacter(let c): return Localized(sv: "oväntat tecken \(c); filen är inte giltig JSON", en: "unexpected character \(c); the file is not valid JSON")
        case .invalidUTF8: return Localized(sv: "ogiltig UTF-8", en: "invalid UTF-8")
        case .invalidEscape: return Localized(sv: "ogiltig escape-sekvens", en: "invalid escape sequence")
        case .loneSurrogate: return Localized(sv: "ensam UTF-16-surrogat i \\u-escape", en: "lone UTF-16 surrogate in a \\u escape")
        case .controlCharacterInString: return Localized(sv: "okodat styrtecken i en sträng", en: "unescaped control character in a string")
        case .invalidNumber: return Localized(sv: "ogiltigt tal", en: "invalid number")
        case .duplicateKey(let key): return Localized(sv: "nyckeln \"\(key)\" förekommer två gånger", en: "the key \"\(key)\" occurs twice")
        case .tooDeep(let limit): return Localized(sv: "nästlad djupare än \(limit) nivåer", en: "nested deeper than \(limit) levels")
        case .trailingContent: return Localized(sv: "mer innehåll efter JSON-värdets slut", en: "more content after the end of the JSON value")
        }
    }

    /// The form id and version a draft names, and its format version.
    public static func reference(_ root: JSONValue, file: String) throws(DraftError) -> (String, Int, Int) {
        guard case .object(let object) = root, object["format"]?.stringValue == format else {
            throw DraftError(file: file, problem: Localized(
                sv: "filen är inget utkast (fältet \"format\": \"\(format)\" saknas)",
                en: "the file is not a draft (the member \"format\": \"\(format)\" is missing)"))
        }
        guard let formatVersion = object["formatVersion"]?.intValue else {
            throw DraftError(file: file, place: "/formatVersion", problem: Localized(sv: "formatVersion saknas", en: "formatVersion is missing"))
        }
        guard readableFormatVersions.contains(formatVersion) else {
            let known = "\(readableFormatVersions.lowerBound)–\(readableFormatVersions.upperBound)"
            throw DraftError(file: file, place: "/formatVersion", problem: Localized(
                sv: "utkastformat \(formatVersion) stöds inte (denna version läser format \(known))",
                en: "draft format \(formatVersion) is not supported (this version reads formats \(known))"))
        }
        guard case .object(let form)? = object["form"], let id = form["id"]?.stringValue, let version = form["version"]?.intValue else {
            throw DraftError(file: file, place: "/form", problem: Localized(
                sv: "formulärets id och version saknas", en: "the form's id and version are missing"))
        }
        return (id, version, formatVersion)
    }

    struct Reader {
        let file: String
        /// Format 2 may hold carried-over marks.
        var allowsCarry = false

        func fail(_ pointer: String, _ sv: String, _ en: String) -> DraftError {
            DraftError(file: file, place: pointer.isEmpty ? "/" : pointer, problem: Localized(sv: sv, en: en))
        }

        func object(_ value: JSONValue?, _ pointer: String) throws(DraftError) -> JSONObject {
            guard case .object(let o)? = value else {
                throw fail(pointer, "ska vara ett objekt, är \(value?.typeName ?? "saknas")", "must be an object, is \(value?.typeName ?? "missing")")
            }
            return o
        }

        func string(_ value: JSONValue?, _ pointer: String) throws(DraftError) -> String {
            guard case .string(let s)? = value else {
                throw fail(pointer, "ska vara en text, är \(value?.typeName ?? "saknas")", "must be a string, is \(value?.typeName ?? "missing")")
            }
            return TextRules.nfc(s)
        }

        func integer(_ value: JSONValue?, _ pointer: String) throws(DraftError) -> Int {
            guard case .number(let literal)? = value else {
                throw fail(pointer, "ska vara ett heltal, är \(value?.typeName ?? "saknas")", "must be a whole number, is \(value?.typeName ?? "missing")")
            }
            guard let n = Int(literal) else {
                throw fail(pointer, "talet \(literal.prefix(40)) är inget heltal inom gränserna", "the number \(literal.prefix(40)) is not a whole number within range")
            }
            return n
        }

        /// Amounts: a whole number, or the text the user typed (kept, and reported by the validator).
        func cell(_ value: JSONValue, _ pointer: String, amount: Bool) throws(DraftError) -> CellValue {
            if amount, case .number = value {
                let n = try integer(value, pointer)
                guard n.magnitude < 1_000_000_000_000_000 else {
                    throw fail(pointer, "beloppet är orimligt stort", "the amount is unreasonably large")
                }
                return .integer(n)
            }
            return .text(try string(value, pointer))
        }

        func checkKeys(_ object: JSONObject, _ pointer: String, allowed: Set<String>) throws(DraftError) {
            for key in object.keys where !allowed.contains(key) {
                throw fail(pointer + "/" + JSONPointer.escape(key), "okänd nyckel \"\(key)\"", "unknown key \"\(key)\"")
            }
        }

        func value(_ json: JSONValue, field: FieldDefinition, pointer: String) throws(DraftError) -> FieldValue {
            switch field.kind {
            case .longText:
                // One paragraph model: blank lines only separate (see `Paragraphs`).
                return .text(Paragraphs.canonical(try string(json, pointer)))
            case .shortText, .date, .choice, .committee:
                return .text(try string(json, pointer))
            case .amount:
                switch try cell(json, pointer, amount: true) {
                case .integer(let n): return .integer(n)
                case .text(let s): return .text(s)
                }
            case .table(let columns):
                guard case .array(let items) = json else {
                    throw fail(pointer, "ska vara en lista av rader, är \(json.typeName)", "must be an array of rows, is \(json.typeName)")
                }
                guard items.count <= DraftCodec.maximumRows else {
                    throw fail(pointer, "tabellen har fler än 10 000 rader", "the table has more than 10,000 rows")
                }
                var rows: [TableRow] = []
                for (index, item) in items.enumerated() {
                    let rowPointer = "\(pointer)/\(index)"
                    let object = try self.object(item, rowPointer)
                    try checkKeys(object, rowPointer, allowed: Set(columns.map(\.id) + (allowsCarry ? [DraftCodec.carryKey] : [])))
                    var row = TableRow()
                    if allowsCarry, let carry = object[DraftCodec.carryKey] {
                        row.carry = try rowCarry(carry, "\(rowPointer)/\(DraftCodec.carryKey)")
                    }
                    for column in columns {
                        guard let cellJSON = object[column.id] else { continue }
                        let cellPointer = "\(rowPointer)/\(JSONPointer.escape(column.id))"
                        if case .null = cellJSON { continue }
                        switch column.kind {
                        case .shortText, .choice:
                            row[column.id] = .text(try string(cellJSON, cellPointer))
                        case .amount:
                            row[column.id] = try cell(cellJSON, cellPointer, amount: true)
                        case .planYears:
                            let years = try self.object(cellJSON, cellPointer)
                            for (key, yearValue) in years.members {
                                let yearPointer = "\(cellPointer)/\(JSONPointer.escape(key))"
                                guard key.utf8.count == 4, let year = Int(key), year >= 1000 else {
                                    throw fail(yearPointer, "\"\(key)\" är inget årtal", "\"\(key)\" is not a year")
                                }
                                if case .null = yearValue { continue }
                                row[TableRow.yearKey(column.id, year)] = try cell(yearValue, yearPointer, amount: true)
                            }
                        }
                    }
                    rows.append(row)
                }
                return .table(rows)
            }
        }
    }

    /// A draft already parsed (see `parse`) read against its form.
    public static func decode(_ root: JSONValue, form: FormDefinition, file: String) throws(DraftError) -> Draft {
        var reader = Reader(file: file)
        reader.allowsCarry = (try reference(root, file: file).2) >= 2
        let object = try reader.object(root, "")
        try reader.checkKeys(object, "", allowed: Set(["format", "formatVersion", "form", "documentId", "revision", "created",
                                                       "modified", "metadata", "sections", "ready"] + (reader.allowsCarry ? [carryKey] : [])))
        let documentID = try reader.string(object["documentId"], "/documentId")
        guard !documentID.isEmpty, documentID.unicodeScalars.count <= 100,
              documentID.unicodeScalars.allSatisfy({ TextRules.hazard($0.value) == nil }) else {
            throw reader.fail("/documentId", "ogiltigt dokument-id", "invalid document id")
        }
        let revision = try reader.integer(object["revision"], "/revision")
        guard revision >= 0 else { throw reader.fail("/revision", "revisionen får inte vara negativ", "the revision must not be negative") }
        func timestamp(_ key: String) throws(DraftError) -> Timestamp {
            let text = try reader.string(object[key], "/\(key)")
            guard let t = Timestamp(iso: text) else {
                throw reader.fail("/\(key)", "ska vara en tidpunkt som 2027-03-01T10:00:00Z", "must be a time such as 2027-03-01T10:00:00Z")
            }
            return t
        }
        var draft = Draft(formID: form.id, formVersion: form.version, documentID: documentID, revision: revision,
                          created: try timestamp("created"), modified: try timestamp("modified"))

        if let metadataJSON = object["metadata"] {
            let metadata = try reader.object(metadataJSON, "/metadata")
            try reader.checkKeys(metadata, "/metadata", allowed: Set(form.metadata.map(\.id)))
            for field in form.metadata {
                guard let json = metadata[field.id] else { continue }
                if case .null = json { continue }
                draft.metadata[field.id] = try reader.value(json, field: field, pointer: "/metadata/\(field.id)")
            }
        }
        if let sectionsJSON = object["sections"] {
            let sections = try reader.object(sectionsJSON, "/sections")
            try reader.checkKeys(sections, "/sections", allowed: Set(form.sections.map(\.id)))
            for section in form.sections {
                guard let sectionJSON = sections[section.id] else { continue }
                let pointer = "/sections/\(section.id)"
                let fields = try reader.object(sectionJSON, pointer)
                try reader.checkKeys(fields, pointer, allowed: Set(section.fields.map(\.id)))
                for field in section.fields {
                    guard let json = fields[field.id] else { continue }
                    if case .null = json { continue }
                    draft.sections[section.id, default: [:]][field.id] =
                        try reader.value(json, field: field, pointer: "\(pointer)/\(field.id)")
                }
            }
        }
        if let readyJSON = object["ready"] {
            guard case .array(let ids) = readyJSON else {
                throw reader.fail("/ready", "ska vara en lista av rubrikers id", "must be a list of heading ids")
            }
            for (i, json) in ids.enumerated() {
                let id = try reader.string(json, "/ready/\(i)")
                guard form.section(id: id) != nil else {
                    throw reader.fail("/ready/\(i)", "okänd rubrik \"\(Sanitizer.visible(id))\"", "unknown heading \"\(Sanitizer.visible(id))\"")
                }
                draft.readySections.insert(id)
            }
        }
        if reader.allowsCarry, let carried = object[carryKey] {
            draft.carriedOver = try reader.carriedOver(carried, form: form)
        }
        return draft
    }

    // MARK: - Writing

    /// The draft as a JSON object, members in the form's order (so the same draft always
    /// gives the same bytes).
    public static func json(_ draft: Draft, form: FormDefinition) -> JSONValue {
        var root = JSONObject()
        root["format"] = .string(format)
        root["formatVersion"] = .integer(draft.hasCarryData ? formatVersion : 1)
        root["form"] = .object(JSONObject([("id", .string(form.id)), ("version", .integer(form.version))]))
        root["documentId"] = .string(draft.documentID)
        root["revision"] = .integer(draft.revision)
        root["created"] = .string(draft.created.description)
        root["modified"] = .string(draft.modified.description)
        var metadata = JSONObject()
        for field in form.metadata {
            if let value = draft.metadata[field.id] { metadata[field.id] = json(value, field: field) }
        }
        root["metadata"] = .object(metadata)
        var sections = JSONObject()
        for section in form.sections {
            var fields = JSONObject()
            for field in section.fields {
                if let value = draft.sections[section.id]?[field.id] {
                    fields[field.id] = json(value, field: field)
                }
            }
            sections[section.id] = .object(fields)
        }
        root["sections"] = .object(sections)
        let ready = form.sections.filter { draft.readySections.contains($0.id) }
        if !ready.isEmpty { root["ready"] = .array(ready.map { .string($0.id) }) }
        if let carried = draft.carriedOver { root[carryKey] = json(carried, form: form) }
        return .object(root)
    }

    public static func encode(_ draft: Draft, form: FormDefinition) -> [UInt8] {
        JSONWriter.pretty(json(draft, form: form))
    }

    static func json(_ cell: CellValue) -> JSONValue {
        switch cell {
        case .text(let s): return .string(s)
        case .integer(let n): return .integer(n)
        }
    }

    static func json(_ value: FieldValue, field: FieldDefinition) -> JSONValue {
        switch value {
        case .text(let s): return .string(s)
        case .integer(let n): return .integer(n)
        case .table(let rows):
            return .array(rows.map { row in
                var object = JSONObject()
                for column in field.columns {
                    if case .planYears = column.kind {
                        // Years in order; years outside the plan period are kept (and reported).
                        let prefix = column.id + "/"
                        let years = row.cells.keys.filter { $0.hasPrefix(prefix) }
                            .compactMap { Int($0.dropFirst(prefix.count)) }.sorted()
                        guard !years.isEmpty else { continue }
                        var yearsObject = JSONObject()
                        for year in years {
                            if let cell = row[TableRow.yearKey(column.id, year)] { yearsObject[String(year)] = json(cell) }
                        }
                        object[column.id] = .object(yearsObject)
                    } else if let cell = row[column.id] {
                        object[column.id] = json(cell)
                    }
                }
                if let carry = row.carry { object[carryKey] = json(carry) }
                return .object(object)
            })
        }
    }
}
