/// Turns a draft without errors into the JSON file the regional board reads by machine.
///
/// The content hash is SHA-256 over the RFC 8785 (JCS) canonical form of the export object
/// without its `generator`, `exportedAt` and `contentSha256` members: the same content gives
/// the same hash whenever and by whichever version it was exported.
public struct Exporter: Sendable {
    public static let schemaVersion = 1
    public static let generatorName = "feedback"
    public static let generatorVersion = ProgramVersion.current
    /// Members left out of the content hash.
    public static let unhashedMembers: Set<String> = ["generator", "exportedAt", "contentSha256"]

    public let form: FormDefinition

    public init(form: FormDefinition) {
        self.form = form
    }

    /// The finished export.
    public struct Result: Sendable {
        public var bytes: [UInt8]
        public var contentSha256: String
        /// A safe ASCII file name: `<form>_<committee>_r<revision>.json`.
        public var fileName: String
        /// The draft's warnings (an export has no errors).
        public var warnings: [Finding]
    }

    public enum Failure: Error, Sendable {
        /// The draft has error findings; nothing is written.
        case findings([Finding])
    }

    /// The export of a draft, or its error findings. `exportedAt` is the export time (callers
    /// pass `SOURCE_DATE_EPOCH` when it is set, for reproducible bytes).
    public func export(_ draft: Draft, exportedAt: Timestamp) throws(Failure) -> Result {
        let findings = Validator(form: form).validate(draft)
        guard !findings.hasErrors else { throw .findings(findings) }
        var object = content(draft)
        let hash = ContentDigest.sha256Hex(JSONWriter.canonical(.object(object)))
        object["generator"] = .object(JSONObject([("name", .string(Exporter.generatorName)),
                                                  ("version", .string(Exporter.generatorVersion))]))
        object["exportedAt"] = .string(exportedAt.description)
        object["contentSha256"] = .string(hash)
        return Result(bytes: JSONWriter.pretty(.object(object)), contentSha256: hash, fileName: fileName(for: draft), warnings: findings)
    }

    /// The content SHA-256 an export of this draft has (or would have, were its errors fixed
    /// without changing anything else): for documents that must be matched to the export.
    public func contentHash(of draft: Draft) -> String {
        ContentDigest.sha256Hex(JSONWriter.canonical(.object(content(draft))))
    }

    /// The hash an export file's content should have, recomputed from its parsed JSON.
    public static func contentHash(of export: JSONObject) -> String {
        ContentDigest.sha256Hex(JSONWriter.canonical(.object(content(of: export))))
    }

    /// The members of an export that its content hash covers.
    public static func content(of export: JSONObject) -> JSONObject {
        var content = JSONObject()
        for member in export.members where !unhashedMembers.contains(member.key) {
            content[member.key] = member.value
        }
        return content
    }

    /// What this program would export for `draft`, without the unhashed members: the content
    /// an export file read back must have if it is exactly what the program wrote.
    public func contentObject(_ draft: Draft) -> JSONObject {
        content(draft)
    }

    public func fileName(for draft: Draft) -> String {
        let committee = draft.committeeID(in: form) ?? "utan-namnd"
        return "\(Exporter.safeName(form.id))_\(Exporter.safeName(committee))_r\(draft.revision).json"
    }

    /// Lower-case ASCII letters, digits and hyphens only; anything else becomes a hyphen.
    static func safeName(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(60) {
            switch scalar.value {
            case 0x30...0x39, 0x61...0x7A, 0x2D: result.unicodeScalars.append(scalar)
            case 0x41...0x5A: result.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20)!)
            default: result.append("-")
            }
        }
        return result.isEmpty ? "x" : result
    }

    /// Everything the hash covers, in the order it is written.
    func content(_ draft: Draft) -> JSONObject {
        var object = JSONObject()
        object["schemaVersion"] = .integer(Exporter.schemaVersion)
        object["form"] = .object(JSONObject([
            ("id", .string(form.id)), ("version", .integer(form.version)),
            ("title", localized(form.title)),
        ]))
        object["documentId"] = .string(draft.documentID)
        object["revision"] = .integer(draft.revision)
        let committeeID = draft.committeeID(in: form) ?? ""
        let committee = form.committee(id: committeeID)
        object["committee"] = .object(JSONObject([
            ("id", .string(committeeID)),
            ("name", .string(committee?.name ?? committeeID)),
            ("nameEn", .string(committee?.nameEn ?? committeeID)),
        ]))
        object["planPeriod"] = .object(JSONObject([
            ("firstYear", .integer(form.planPeriod.firstYear)), ("lastYear", .integer(form.planPeriod.lastYear)),
            ("years", .array(form.planPeriod.years.map { .integer($0) })),
        ]))
        object["premises"] = .object(JSONObject([
            ("title", .string(form.premises.title)), ("caseNumber", .string(form.premises.caseNumber)),
        ]))
        object["deadline"] = .string(form.deadline.description)
        var metadata = JSONObject()
        for field in form.metadata where field.kind != .committee && field.id != form.statusFieldID {
            metadata[field.id] = scalar(draft.metadata[field.id], kind: field.kind)
        }
        object["metadata"] = .object(metadata)
        object["status"] = .string(draft.status(in: form))
        object["sections"] = .array(form.sections.map { section($0, draft) })
        return object
    }

    private func localized(_ text: Localized) -> JSONValue {
        .object(JSONObject([("sv", .string(text.sv)), ("en", .string(text.en))]))
    }

    /// A non-table value: trimmed text, a number, or null when empty.
    private func scalar(_ value: FieldValue?, kind: FieldKind) -> JSONValue {
        switch value {
        case .text(let s)?:
            // Text is exported exactly as the validator counted it; only dates, amounts and
            // choices are normalised to their canonical form.
            switch kind {
            case .amount: return AmountFormat.parse(s).map { .integer($0) } ?? .null
            case .date, .choice, .committee:
                let trimmed = s.trimmingWhitespace
                return trimmed.isEmpty ? .null : .string(trimmed)
            case .longText:
                // The stored paragraph form (blank lines only separate), as the validator counts it.
                let text = Paragraphs.canonical(TextRules.nfc(s))
                return TextRules.hasContent(text) ? .string(text) : .null
            default:
                // White space only counts as empty, as the validator counts it.
                let text = TextRules.nfc(s)
                return TextRules.hasContent(text) ? .string(text) : .null
            }
        case .integer(let n)?: return .integer(n)
        default: return .null
        }
    }

    private func cell(_ value: CellValue?, amount: Bool) -> JSONValue {
        switch value {
        case .integer(let n)?: return .integer(n)
        case .text(let s)?:
            if amount { return AmountFormat.parse(s).map { .integer($0) } ?? .null }
            let text = TextRules.nfc(s)
            return TextRules.hasContent(text) ? .string(text) : .null
        case nil: return .null
        }
    }

    private func section(_ definition: SectionDefinition, _ draft: Draft) -> JSONValue {
        var object = JSONObject()
        object["number"] = .integer(definition.number)
        object["id"] = .string(definition.id)
        object["title"] = localized(definition.title)
        var fields = JSONObject()
        var tables = JSONObject()
        for field in definition.fields {
            let value = draft.sections[definition.id]?[field.id]
            if case .table(let columns) = field.kind {
                tables[field.id] = table(columns, rows: value?.rows ?? [])
            } else {
                fields[field.id] = scalar(value, kind: field.kind)
            }
        }
        object["fields"] = .object(fields)
        object["tables"] = .object(tables)
        return .object(object)
    }

    /// Rows with every column, plan-year amounts as `{"2028": n, ...}`, and per-year totals of
    /// each plan-year column (so the board need not add them up by hand).
    private func table(_ columns: [ColumnDefinition], rows: [TableRow]) -> JSONValue {
        let years = form.planPeriod.years
        var totals: [String: [Int]] = [:]
        let rowValues: [JSONValue] = rows.map { row in
            var object = JSONObject()
            for column in columns {
                switch column.kind {
                case .planYears:
                    var perYear = JSONObject()
                    for (i, year) in years.enumerated() {
                        let value = cell(row[TableRow.yearKey(column.id, year)], amount: true)
                        perYear[String(year)] = value
                        if let n = value.intValue { totals[column.id, default: Array(repeating: 0, count: years.count)][i] += n }
                    }
                    object[column.id] = .object(perYear)
                case .amount:
                    object[column.id] = cell(row[column.id], amount: true)
                case .shortText, .choice:
                    object[column.id] = cell(row[column.id], amount: false)
                }
            }
            return .object(object)
        }
        var totalsObject = JSONObject()
        for column in columns where column.kind == .planYears && column.summable {
            let sums = totals[column.id] ?? Array(repeating: 0, count: years.count)
            var perYear = JSONObject()
            for (i, year) in years.enumerated() { perYear[String(year)] = .integer(sums[i]) }
            perYear["total"] = .integer(sums.reduce(0, +))
            totalsObject[column.id] = .object(perYear)
        }
        return .object(JSONObject([("rows", .array(rowValues)), ("totals", .object(totalsObject))]))
    }
}
