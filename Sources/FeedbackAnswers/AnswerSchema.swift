import FeedbackModel

/// The JSON Schema (draft 2020-12) of the board's answer to a form's feedback: what
/// `feedback board answer --template` prints, what `--from` takes back, and what is
/// published (then with `revision`, `answeredAt`, `answeredBy` and `signature` filled in).
/// Judgements and row decisions are the form's options; texts refuse the characters drafts
/// refuse. Which headings need a judgement depends on the committee's text, so that is
/// checked by the program, not the schema.
public struct AnswerSchema: Sendable {
    public let form: FormDefinition

    public init(form: FormDefinition) {
        self.form = form
    }

    public var id: String { "urn:feedback:answer:\(form.id):\(form.version)" }

    func object(_ members: [(String, JSONValue)], required: [String]? = nil) -> JSONValue {
        .object(JSONObject([
            ("type", .string("object")), ("properties", .object(JSONObject(members))),
            ("required", .array((required ?? members.map(\.0)).map { .string($0) })), ("additionalProperties", .bool(false)),
        ]))
    }

    func string(_ extra: [(String, JSONValue)] = []) -> JSONValue { .object(JSONObject([("type", .string("string"))] + extra)) }
    func integer(minimum: Int) -> JSONValue { .object(JSONObject([("type", .string("integer")), ("minimum", .integer(minimum))])) }
    func constant(_ value: JSONValue) -> JSONValue { .object(JSONObject([("const", value)])) }
    var sha256: JSONValue { string([("pattern", .string("^[0-9a-f]{64}$"))]) }
    var text: JSONValue {
        string([("maxLength", .integer(AnswerCheck.maximumText)), ("pattern", .string(ExportSchema.noHazardsPattern))])
    }
    func choice(_ options: [ChoiceOption], description: String) -> JSONValue {
        .object(JSONObject([("description", .string(description)),
                            ("enum", .array(options.map { .string($0.id) } + [.null]))]))
    }

    public func json() -> JSONValue {
        var root = JSONObject()
        root["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        root["$id"] = .string(id)
        root["title"] = .string("\(form.title.sv) (styrelsens svar / the board's answer, formatVersion \(BoardAnswer.formatVersion))")
        root["description"] = .string(
            "The regional board's answer to one committee's accepted feedback. The signature is Ed25519 over the RFC 8785 (JCS) "
                + "canonical form of the whole object with signature.value left out (signature.algorithm and signature.keyId are signed).")
        let judgements = form.answers.judgements.map { "\($0.id) = \($0.label.sv) / \($0.label.en)" }.joined(separator: "; ")
        let headings: JSONValue = .object(JSONObject([
            ("type", .string("array")),
            ("items", object([
                ("section", .object(JSONObject([("enum", .array(form.sections.map { .string($0.id) }))]))),
                ("title", string()),
                ("judgement", choice(form.answers.judgements, description: judgements)),
                ("text", text),
            ], required: ["section", "judgement", "text"])),
        ]))
        let rowItems: [JSONValue] = form.answers.rows.map { decisions in
            object([
                ("section", constant(.string(decisions.sectionID))), ("table", constant(.string(decisions.fieldID))),
                ("row", integer(minimum: 1)), ("object", string()),
                ("decision", choice(decisions.options, description: decisions.options.map { "\($0.id) = \($0.label.sv) / \($0.label.en)" }.joined(separator: "; "))),
                ("text", text),
            ], required: ["section", "table", "row", "decision"])
        }
        let rows: JSONValue = .object(JSONObject([
            ("type", .string("array")),
            ("items", rowItems.isEmpty ? .bool(false) : .object(JSONObject([("oneOf", .array(rowItems))]))),
        ]))
        root["type"] = .string("object")
        root["properties"] = .object(JSONObject([
            ("format", constant(.string(BoardAnswer.format))),
            ("formatVersion", constant(.integer(BoardAnswer.formatVersion))),
            ("form", object([("id", constant(.string(form.id))), ("version", constant(.integer(form.version)))])),
            ("feedback", object([
                ("committee", .object(JSONObject([("enum", .array(form.committees.map { .string($0.id) }))]))),
                ("documentId", string([("minLength", .integer(1))])), ("revision", integer(minimum: 0)),
                ("contentSha256", sha256), ("archivedAs", string()), ("fileSha256", sha256),
            ])),
            ("revision", integer(minimum: 0)),
            ("answeredAt", .object(JSONObject([("type", .array([.string("string"), .string("null")])),
                                               ("pattern", .string(#"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"#))]))),
            ("answeredBy", string()),
            ("headings", headings),
            ("rows", rows),
            ("signature", object([
                ("algorithm", constant(.string(AnswerFile.algorithm))), ("keyId", string([("pattern", .string("^[0-9a-f]{16}$"))])),
                ("value", string([("contentEncoding", .string("base64"))])),
            ])),
        ]))
        root["required"] = .array(["format", "formatVersion", "form", "feedback", "headings"].map { .string($0) })
        root["additionalProperties"] = .bool(false)
        return .object(root)
    }

    public func bytes() -> [UInt8] { JSONWriter.pretty(json()) }
}
