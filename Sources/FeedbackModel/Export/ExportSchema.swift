/// The JSON Schema (draft 2020-12) of a form's export, generated from the same form
/// definition the validator uses, so that every export the program writes passes it.
///
/// It holds every rule of severity error that JSON Schema can express (types, required
/// values, lengths in Unicode scalars, patterns, number ranges, row counts, the plan years,
/// the conditional rules). Date ranges and word counts cannot be expressed and are only
/// described; warnings are not part of it.
public struct ExportSchema: Sendable {
    public let form: FormDefinition

    public init(form: FormDefinition) {
        self.form = form
    }

    /// Characters the validator refuses (C0 controls but TAB and LF, DEL, C1, bidi controls).
    public static let noHazardsPattern = #"^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*$"#
    static let hasContentPattern = #"\S"#
    static let datePattern = #"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"#

    public var id: String { "urn:feedback:export:\(form.id):\(form.version)" }

    public func json() -> JSONValue {
        var root = JSONObject()
        root["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        root["$id"] = .string(id)
        root["title"] = .string("\(form.title.sv) (export, schemaVersion \(Exporter.schemaVersion))")
        root["description"] = .string(
            "One committee's feedback, exported by the feedback program. contentSha256 is SHA-256 (hex) over the "
                + "RFC 8785 (JCS) canonical form of this object without generator, exportedAt and contentSha256. "
                + "Text lengths count Unicode scalar values of NFC text.")
        root["type"] = .string("object")
        var properties = JSONObject()
        properties["schemaVersion"] = constant(.integer(Exporter.schemaVersion))
        properties["form"] = object([
            ("id", constant(.string(form.id))),
            ("version", constant(.integer(form.version))),
            ("title", localizedSchema()),
        ])
        properties["documentId"] = .object(JSONObject([("type", .string("string")), ("minLength", .integer(1)), ("maxLength", .integer(100))]))
        properties["revision"] = .object(JSONObject([("type", .string("integer")), ("minimum", .integer(0))]))
        properties["committee"] = object([
            ("id", .object(JSONObject([("enum", .array(form.committees.map { .string($0.id) }))]))),
            ("name", stringSchema()),
            ("nameEn", stringSchema()),
        ])
        properties["planPeriod"] = object([
            ("firstYear", constant(.integer(form.planPeriod.firstYear))),
            ("lastYear", constant(.integer(form.planPeriod.lastYear))),
            ("years", constant(.array(form.planPeriod.years.map { .integer($0) }))),
        ])
        properties["premises"] = object([
            ("title", constant(.string(form.premises.title))),
            ("caseNumber", constant(.string(form.premises.caseNumber))),
        ])
        properties["deadline"] = constant(.string(form.deadline.description))
        properties["metadata"] = object(form.metadata
            .filter { $0.kind != .committee && $0.id != form.statusFieldID }
            .map { ($0.id, fieldSchema($0)) })
        let statusOptions = form.statusField?.options.map { JSONValue.string($0.id) } ?? []
        properties["status"] = .object(JSONObject([("enum", .array(statusOptions))]))
        properties["sections"] = .object(JSONObject([
            ("type", .string("array")),
            ("prefixItems", .array(form.sections.map(sectionSchema))),
            ("items", .bool(false)),
            ("minItems", .integer(form.sections.count)),
        ]))
        properties["generator"] = object([("name", stringSchema()), ("version", stringSchema())])
        properties["exportedAt"] = .object(JSONObject([
            ("type", .string("string")),
            ("pattern", .string(#"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"#)),
        ]))
        properties["contentSha256"] = .object(JSONObject([("type", .string("string")), ("pattern", .string("^[0-9a-f]{64}$"))]))
        root["required"] = .array(properties.keys.map { .string($0) })
        root["properties"] = .object(properties)
        root["additionalProperties"] = .bool(false)
        let conditions = form.conditions.map(conditionSchema)
        if !conditions.isEmpty { root["allOf"] = .array(conditions) }
        return .object(root)
    }

    public func bytes() -> [UInt8] { JSONWriter.pretty(json()) }

    // MARK: - Pieces

    private func constant(_ value: JSONValue) -> JSONValue {
        .object(JSONObject([("const", value)]))
    }

    private func stringSchema() -> JSONValue {
        .object(JSONObject([("type", .string("string"))]))
    }

    private func localizedSchema() -> JSONValue {
        object([("sv", stringSchema()), ("en", stringSchema())])
    }

    /// A closed object: every listed member required, no others.
    private func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject([
            ("type", .string("object")),
            ("properties", .object(JSONObject(members))),
            ("required", .array(members.map { .string($0.0) })),
            ("additionalProperties", .bool(false)),
        ]))
    }

    private func errorRule<V>(_ rule: Rule<V>?) -> V? {
        guard let rule, rule.severity == .error else { return nil }
        return rule.value
    }

    private func isRequired(_ rules: FieldRules) -> Bool {
        errorRule(rules.required) == true
    }

    /// The schema of a text value under `rules`; `nullable` when it may be left empty.
    private func textSchema(_ rules: FieldRules, description: Localized?) -> JSONValue {
        var s = JSONObject()
        let required = isRequired(rules)
        s["type"] = required ? .string("string") : .array([.string("string"), .string("null")])
        if let description { s["description"] = .string(description.en) }
        if let n = errorRule(rules.minChars) { s["minLength"] = .integer(n) }
        if let n = errorRule(rules.maxChars) { s["maxLength"] = .integer(n) }
        var patterns: [JSONValue] = [.object(JSONObject([("pattern", .string(ExportSchema.noHazardsPattern))]))]
        if required { patterns.append(.object(JSONObject([("pattern", .string(ExportSchema.hasContentPattern))]))) }
        if let pattern = rules.pattern, pattern.severity == .error {
            patterns.append(.object(JSONObject([("pattern", .string(pattern.regex))])))
        }
        s["allOf"] = .array(patterns)
        return .object(s)
    }

    private func amountSchema(_ rules: FieldRules) -> JSONValue {
        var s = JSONObject()
        s["type"] = isRequired(rules) ? .string("integer") : .array([.string("integer"), .string("null")])
        if let n = errorRule(rules.min) { s["minimum"] = .integer(n) }
        if let n = errorRule(rules.max) { s["maximum"] = .integer(n) }
        s["description"] = .string("Whole thousands of SEK (tkr).")
        return .object(s)
    }

    private func choiceSchema(_ ids: [String], _ rules: FieldRules) -> JSONValue {
        var values = ids.map { JSONValue.string($0) }
        if !isRequired(rules) { values.append(.null) }
        return .object(JSONObject([("enum", .array(values))]))
    }

    private func fieldSchema(_ field: FieldDefinition) -> JSONValue {
        switch field.kind {
        case .longText, .shortText:
            return textSchema(field.rules, description: field.label)
        case .date:
            var s = JSONObject()
            s["type"] = isRequired(field.rules) ? .string("string") : .array([.string("string"), .string("null")])
            s["pattern"] = .string(ExportSchema.datePattern)
            var description = "ISO 8601 date (YYYY-MM-DD)"
            if let d = errorRule(field.rules.minDate) { description += ", not before \(d)" }
            if let d = errorRule(field.rules.maxDate) { description += ", not after \(d)" }
            s["description"] = .string(description + ".")
            return .object(s)
        case .amount:
            return amountSchema(field.rules)
        case .choice(let options):
            return choiceSchema(options.map(\.id), field.rules)
        case .committee:
            return choiceSchema(form.committees.map(\.id), field.rules)
        case .table(let columns):
            return tableSchema(field, columns)
        }
    }

    private func yearsSchema(_ value: JSONValue, extra: [(String, JSONValue)] = []) -> JSONValue {
        object(form.planPeriod.years.map { (String($0), value) } + extra)
    }

    private func tableSchema(_ field: FieldDefinition, _ columns: [ColumnDefinition]) -> JSONValue {
        var rowMembers: [(String, JSONValue)] = []
        var totals: [(String, JSONValue)] = []
        let integer = JSONValue.object(JSONObject([("type", .string("integer"))]))
        for column in columns {
            switch column.kind {
            case .shortText: rowMembers.append((column.id, textSchema(column.rules, description: column.label)))
            case .amount: rowMembers.append((column.id, amountSchema(column.rules)))
            case .choice(let options): rowMembers.append((column.id, choiceSchema(options.map(\.id), column.rules)))
            case .planYears:
                rowMembers.append((column.id, yearsSchema(amountSchema(column.rules))))
                if column.summable { totals.append((column.id, yearsSchema(integer, extra: [("total", integer)]))) }
            }
        }
        var rows = JSONObject()
        rows["type"] = .string("array")
        rows["items"] = object(rowMembers)
        var minRows = errorRule(field.rules.minRows) ?? 0
        if isRequired(field.rules) { minRows = max(minRows, 1) }
        if minRows > 0 { rows["minItems"] = .integer(minRows) }
        if let n = errorRule(field.rules.maxRows) { rows["maxItems"] = .integer(n) }
        return object([("rows", .object(rows)), ("totals", object(totals))])
    }

    private func sectionSchema(_ section: SectionDefinition) -> JSONValue {
        var fields: [(String, JSONValue)] = []
        var tables: [(String, JSONValue)] = []
        for field in section.fields {
            if case .table = field.kind { tables.append((field.id, fieldSchema(field))) } else { fields.append((field.id, fieldSchema(field))) }
        }
        return object([
            ("number", constant(.integer(section.number))),
            ("id", constant(.string(section.id))),
            ("title", object([("sv", constant(.string(section.title.sv))), ("en", constant(.string(section.title.en)))])),
            ("fields", object(fields)),
            ("tables", object(tables)),
        ])
    }

    /// `if status is X then these metadata members are filled`.
    private func conditionSchema(_ condition: Condition) -> JSONValue {
        let ifSchema: JSONValue
        if condition.field == form.statusFieldID {
            ifSchema = .object(JSONObject([("properties", .object(JSONObject([("status", constant(.string(condition.equals)))])))]))
        } else {
            ifSchema = .object(JSONObject([("properties", .object(JSONObject([
                ("metadata", .object(JSONObject([("properties", .object(JSONObject([(condition.field, constant(.string(condition.equals)))])))]))),
            ])))]))
        }
        var required = JSONObject()
        for id in condition.require {
            required[id] = .object(JSONObject([("type", .array([.string("string"), .string("integer")])),
                                               ("pattern", .string(ExportSchema.hasContentPattern))]))
        }
        let thenSchema = JSONValue.object(JSONObject([("properties", .object(JSONObject([
            ("metadata", .object(JSONObject([("properties", .object(required))]))),
        ])))]))
        return .object(JSONObject([("if", ifSchema), ("then", thenSchema)]))
    }
}
