/// An export file read back: its parsed JSON and the draft it was made from.
public struct ExportFile: Sendable {
    /// The file's JSON object, members as written.
    public var object: JSONObject
    /// The draft rebuilt from the export's values (what the validator checks).
    public var draft: Draft
    public var committeeID: String
    public var documentID: String
    public var revision: Int
    /// The status option id (`utkast`, `klar-for-beslut`, `beslutad`).
    public var status: String
    /// The `contentSha256` the file states (not yet checked against its content).
    public var statedContentSha256: String
    public var exportedAt: Timestamp
}

/// Why a file is not an export of a form, with the JSON Pointer of the first problem.
public struct ExportProblem: Error, Sendable, Equatable {
    /// `notJSON`, `notAnExport`, `otherForm`, `structure`, `unknownCommittee`.
    public var code: String
    public var pointer: String
    public var message: Localized

    public init(code: String, pointer: String, message: Localized) {
        self.code = code
        self.pointer = pointer
        self.message = message
    }
}

/// Reads export files strictly: exactly the members and types the export's JSON Schema
/// allows (closed objects, the form's constants, the committee from its list), and rebuilds
/// the draft so that every rule of the validator can be checked again. Text rules (lengths,
/// patterns, hazards) are left to the validator, which knows them all.
public enum ExportReader {
    /// The form an export names (`form.id`, `form.version`), if the bytes are an export at all.
    public static func formReference(_ object: JSONObject) -> (id: String, version: Int)? {
        guard case .object(let form)? = object["form"], let id = form["id"]?.stringValue,
              let version = form["version"]?.intValue else { return nil }
        return (id, version)
    }

    /// Parses `bytes` as JSON (strictly) and reads the export of `form`.
    public static func read(_ bytes: [UInt8], form: FormDefinition) throws(ExportProblem) -> ExportFile {
        let root: JSONValue
        do { root = try JSONParser.parse(bytes) } catch {
            let problem = DraftCodec.describe(error.problem)
            throw ExportProblem(code: "notJSON", pointer: "", message: Localized(
                sv: "filen är inte giltig JSON (rad \(error.line), kolumn \(error.column): \(problem.sv))",
                en: "the file is not valid JSON (line \(error.line), column \(error.column): \(problem.en))"))
        }
        guard case .object(let object) = root else {
            throw ExportProblem(code: "notAnExport", pointer: "", message: Localized(
                sv: "filen är ingen export (JSON-objekt väntades)", en: "the file is not an export (a JSON object was expected)"))
        }
        return try read(object, form: form)
    }

    /// Reads a parsed export object of `form`.
    public static func read(_ object: JSONObject, form: FormDefinition) throws(ExportProblem) -> ExportFile {
        guard object["schemaVersion"] != nil, object["contentSha256"] != nil, let reference = formReference(object) else {
            throw ExportProblem(code: "notAnExport", pointer: "", message: Localized(
                sv: "filen är ingen export från feedback (schemaVersion, form och contentSha256 saknas)",
                en: "the file is not an export from feedback (schemaVersion, form and contentSha256 are missing)"))
        }
        guard reference.id == form.id, reference.version == form.version else {
            throw ExportProblem(code: "otherForm", pointer: "/form", message: Localized(
                sv: "exporten hör till formuläret \(reference.id) version \(reference.version), inte \(form.id) version \(form.version)",
                en: "the export belongs to form \(reference.id) version \(reference.version), not \(form.id) version \(form.version)"))
        }
        let reader = Reader(form: form)
        return try reader.export(object)
    }

    private struct Reader {
        let form: FormDefinition

        func fail(_ pointer: String, _ sv: String, _ en: String, code: String = "structure") -> ExportProblem {
            ExportProblem(code: code, pointer: pointer, message: Localized(sv: "\(pointer): \(sv)", en: "\(pointer): \(en)"))
        }

        func object(_ value: JSONValue?, _ pointer: String, keys: [String]) throws(ExportProblem) -> JSONObject {
            guard case .object(let o)? = value else {
                throw fail(pointer, "ska vara ett objekt, är \(value?.typeName ?? "saknas")", "must be an object, is \(value?.typeName ?? "missing")")
            }
            for key in o.keys where !keys.contains(key) {
                throw fail(pointer + "/" + JSONPointer.escape(key), "okänt fält", "unknown member")
            }
            for key in keys where o[key] == nil {
                throw fail(pointer + "/" + JSONPointer.escape(key), "saknas", "is missing")
            }
            return o
        }

        func string(_ value: JSONValue?, _ pointer: String) throws(ExportProblem) -> String {
            guard case .string(let s)? = value else {
                throw fail(pointer, "ska vara en text, är \(value?.typeName ?? "saknas")", "must be a string, is \(value?.typeName ?? "missing")")
            }
            return s
        }

        func integer(_ value: JSONValue?, _ pointer: String) throws(ExportProblem) -> Int {
            guard case .number(let literal)? = value, let n = Int(literal) else {
                throw fail(pointer, "ska vara ett heltal, är \(value?.typeName ?? "saknas")", "must be a whole number, is \(value?.typeName ?? "missing")")
            }
            return n
        }

        func constant(_ value: JSONValue?, _ expected: JSONValue, _ pointer: String) throws(ExportProblem) {
            guard value == expected else {
                throw fail(pointer, "stämmer inte med formuläret", "does not match the form")
            }
        }

        func localized(_ value: JSONValue?, _ expected: Localized, _ pointer: String) throws(ExportProblem) {
            let o = try object(value, pointer, keys: ["sv", "en"])
            try constant(o["sv"], .string(expected.sv), pointer + "/sv")
            try constant(o["en"], .string(expected.en), pointer + "/en")
        }

        /// A text or null: the value as the draft holds it, nil when null.
        func optionalText(_ value: JSONValue?, _ pointer: String) throws(ExportProblem) -> String? {
            if value == .null { return nil }
            return try string(value, pointer)
        }

        func optionalInteger(_ value: JSONValue?, _ pointer: String) throws(ExportProblem) -> Int? {
            if value == .null { return nil }
            return try integer(value, pointer)
        }

        static let rootKeys = ["schemaVersion", "form", "documentId", "revision", "committee", "planPeriod", "premises",
                               "deadline", "metadata", "status", "sections", "generator", "exportedAt", "contentSha256"]

        func export(_ root: JSONObject) throws(ExportProblem) -> ExportFile {
            let o = try object(.object(root), "", keys: Reader.rootKeys)
            try constant(o["schemaVersion"], .integer(Exporter.schemaVersion), "/schemaVersion")
            let formObject = try object(o["form"], "/form", keys: ["id", "version", "title"])
            try localized(formObject["title"], form.title, "/form/title")
            let documentID = try string(o["documentId"], "/documentId")
            guard !documentID.isEmpty, documentID.unicodeScalars.count <= 100 else {
                throw fail("/documentId", "ska vara 1–100 tecken", "must be 1–100 characters")
            }
            let revision = try integer(o["revision"], "/revision")
            guard revision >= 0 else { throw fail("/revision", "får inte vara negativ", "must not be negative") }
            let committee = try object(o["committee"], "/committee", keys: ["id", "name", "nameEn"])
            let committeeID = try string(committee["id"], "/committee/id")
            _ = try string(committee["name"], "/committee/name")
            _ = try string(committee["nameEn"], "/committee/nameEn")
            guard form.committee(id: committeeID) != nil else {
                throw fail("/committee/id", "nämnden \(Sanitizer.visible(committeeID)) finns inte i formulärets nämndlista",
                           "the committee \(Sanitizer.visible(committeeID)) is not on the form's list", code: "unknownCommittee")
            }
            let period = try object(o["planPeriod"], "/planPeriod", keys: ["firstYear", "lastYear", "years"])
            try constant(period["firstYear"], .integer(form.planPeriod.firstYear), "/planPeriod/firstYear")
            try constant(period["lastYear"], .integer(form.planPeriod.lastYear), "/planPeriod/lastYear")
            try constant(period["years"], .array(form.planPeriod.years.map { .integer($0) }), "/planPeriod/years")
            let premises = try object(o["premises"], "/premises", keys: ["title", "caseNumber"])
            try constant(premises["title"], .string(form.premises.title), "/premises/title")
            try constant(premises["caseNumber"], .string(form.premises.caseNumber), "/premises/caseNumber")
            try constant(o["deadline"], .string(form.deadline.description), "/deadline")

            var draft = Draft(formID: form.id, formVersion: form.version, documentID: documentID, revision: revision,
                              created: Timestamp(secondsSinceEpoch: 0), modified: Timestamp(secondsSinceEpoch: 0))
            if let id = form.committeeFieldID { draft.metadata[id] = .text(committeeID) }
            let metadataFields = form.metadata.filter { $0.kind != .committee && $0.id != form.statusFieldID }
            let metadata = try object(o["metadata"], "/metadata", keys: metadataFields.map(\.id))
            for field in metadataFields {
                let pointer = "/metadata/" + JSONPointer.escape(field.id)
                if let value = try scalar(metadata[field.id], kind: field.kind, pointer) { draft.metadata[field.id] = value }
            }
            let status = try string(o["status"], "/status")
            let statusOptions = form.statusField?.options.map(\.id) ?? []
            guard statusOptions.contains(status) else {
                throw fail("/status", "okänd status \(Sanitizer.visible(status))", "unknown status \(Sanitizer.visible(status))")
            }
            if let id = form.statusFieldID { draft.metadata[id] = .text(status) }
            guard case .array(let sections)? = o["sections"] else {
                throw fail("/sections", "ska vara en lista", "must be an array")
            }
            guard sections.count == form.sections.count else {
                throw fail("/sections", "ska ha \(form.sections.count) rubriker, har \(sections.count)",
                           "must have \(form.sections.count) headings, has \(sections.count)")
            }
            for (index, definition) in form.sections.enumerated() {
                draft.sections[definition.id] = try section(sections[index], definition, "/sections/\(index)")
            }
            let generator = try object(o["generator"], "/generator", keys: ["name", "version"])
            _ = try string(generator["name"], "/generator/name")
            _ = try string(generator["version"], "/generator/version")
            let exportedAtText = try string(o["exportedAt"], "/exportedAt")
            guard let exportedAt = Timestamp(iso: exportedAtText) else {
                throw fail("/exportedAt", "ska vara en tidpunkt ÅÅÅÅ-MM-DDTHH:MM:SSZ", "must be a time YYYY-MM-DDTHH:MM:SSZ")
            }
            let hash = try string(o["contentSha256"], "/contentSha256")
            guard ContentDigest.isHexDigest(hash) else {
                throw fail("/contentSha256", "ska vara 64 hexadecimala tecken", "must be 64 hexadecimal digits")
            }
            draft.created = exportedAt
            draft.modified = exportedAt
            return ExportFile(object: root, draft: draft, committeeID: committeeID, documentID: documentID, revision: revision,
                              status: status, statedContentSha256: hash, exportedAt: exportedAt)
        }

        func scalar(_ value: JSONValue?, kind: FieldKind, _ pointer: String) throws(ExportProblem) -> FieldValue? {
            switch kind {
            case .amount: return try optionalInteger(value, pointer).map { .integer($0) }
            case .table: throw fail(pointer, "en tabell väntades inte här", "a table was not expected here")
            default: return try optionalText(value, pointer).map { .text($0) }
            }
        }

        func section(_ value: JSONValue, _ definition: SectionDefinition, _ pointer: String) throws(ExportProblem) -> [String: FieldValue] {
            let o = try object(value, pointer, keys: ["number", "id", "title", "fields", "tables"])
            try constant(o["number"], .integer(definition.number), pointer + "/number")
            try constant(o["id"], .string(definition.id), pointer + "/id")
            try localized(o["title"], definition.title, pointer + "/title")
            let scalars = definition.fields.filter { if case .table = $0.kind { return false } else { return true } }
            let tables = definition.fields.filter { if case .table = $0.kind { return true } else { return false } }
            let fields = try object(o["fields"], pointer + "/fields", keys: scalars.map(\.id))
            var values: [String: FieldValue] = [:]
            for field in scalars {
                if let value = try scalar(fields[field.id], kind: field.kind, pointer + "/fields/" + JSONPointer.escape(field.id)) {
                    values[field.id] = value
                }
            }
            let tableObjects = try object(o["tables"], pointer + "/tables", keys: tables.map(\.id))
            for field in tables {
                let rows = try table(tableObjects[field.id], field.columns, pointer + "/tables/" + JSONPointer.escape(field.id))
                if !rows.isEmpty { values[field.id] = .table(rows) }
            }
            return values
        }

        func table(_ value: JSONValue?, _ columns: [ColumnDefinition], _ pointer: String) throws(ExportProblem) -> [TableRow] {
            let o = try object(value, pointer, keys: ["rows", "totals"])
            guard case .array(let rows)? = o["rows"] else { throw fail(pointer + "/rows", "ska vara en lista", "must be an array") }
            let years = form.planPeriod.years.map(String.init)
            var result: [TableRow] = []
            result.reserveCapacity(rows.count)
            for (index, rowValue) in rows.enumerated() {
                let rowPointer = pointer + "/rows/\(index)"
                let row = try object(rowValue, rowPointer, keys: columns.map(\.id))
                var cells = TableRow()
                for column in columns {
                    let cellPointer = rowPointer + "/" + JSONPointer.escape(column.id)
                    switch column.kind {
                    case .planYears:
                        let perYear = try object(row[column.id], cellPointer, keys: years)
                        for year in form.planPeriod.years {
                            if let n = try optionalInteger(perYear[String(year)], cellPointer + "/\(year)") {
                                cells[TableRow.yearKey(column.id, year)] = .integer(n)
                            }
                        }
                    case .amount:
                        if let n = try optionalInteger(row[column.id], cellPointer) { cells[column.id] = .integer(n) }
                    case .shortText, .choice:
                        if let s = try optionalText(row[column.id], cellPointer) { cells[column.id] = .text(s) }
                    }
                }
                result.append(cells)
            }
            let summed = columns.filter { $0.kind == .planYears && $0.summable }
            let totals = try object(o["totals"], pointer + "/totals", keys: summed.map(\.id))
            for column in summed {
                let perYear = try object(totals[column.id], pointer + "/totals/" + JSONPointer.escape(column.id), keys: years + ["total"])
                for key in years + ["total"] {
                    _ = try integer(perYear[key], pointer + "/totals/" + JSONPointer.escape(column.id) + "/" + key)
                }
            }
            return result
        }
    }
}
