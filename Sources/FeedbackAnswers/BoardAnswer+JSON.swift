import FeedbackModel

extension BoardAnswer {
    /// The answer as JSON, without a signature. `form` gives each heading's title, written
    /// beside its id as a reading aid (the reader ignores it).
    public func json(form: FormDefinition) -> JSONObject {
        var o = JSONObject()
        o["format"] = .string(BoardAnswer.format)
        o["formatVersion"] = .integer(BoardAnswer.formatVersion)
        o["form"] = .object(JSONObject([("id", .string(formID)), ("version", .integer(formVersion))]))
        o["feedback"] = .object(JSONObject([
            ("committee", .string(feedback.committeeID)), ("documentId", .string(feedback.documentID)),
            ("revision", .integer(feedback.revision)), ("contentSha256", .string(feedback.contentSha256)),
            ("archivedAs", .string(feedback.archivedAs)), ("fileSha256", .string(feedback.fileSha256)),
        ]))
        o["revision"] = .integer(revision)
        o["answeredAt"] = answeredAt.map { .string($0.description) } ?? .null
        o["answeredBy"] = .string(answeredBy)
        o["headings"] = .array(headings.map { heading in
            let title = form.section(id: heading.sectionID).map { "\($0.number). \($0.title.sv)" } ?? ""
            return .object(JSONObject([
                ("section", .string(heading.sectionID)), ("title", .string(title)),
                ("judgement", heading.judgement.map { .string($0) } ?? .null), ("text", .string(heading.text)),
            ]))
        })
        o["rows"] = .array(rows.map { row in
            .object(JSONObject([
                ("section", .string(row.sectionID)), ("table", .string(row.fieldID)), ("row", .integer(row.row)),
                ("object", .string(row.object)), ("decision", row.decision.map { .string($0) } ?? .null), ("text", .string(row.text)),
            ]))
        })
        return o
    }

    /// Reads an answer's JSON (a filled template or a published file; a `signature` member is
    /// left to `AnswerFile`). Strict: unknown members, wrong types and missing members are
    /// refused with their place.
    public init(json o: JSONObject) throws(AnswerProblem) {
        try Self.only(o, ["format", "formatVersion", "form", "feedback", "revision", "answeredAt", "answeredBy", "headings", "rows", "signature"], at: "")
        guard o["format"]?.stringValue == BoardAnswer.format else {
            throw AnswerProblem("/format", sv: "filen är inget svar från styrelsen (format ska vara \(BoardAnswer.format))",
                                en: "the file is not a board answer (format must be \(BoardAnswer.format))")
        }
        guard o["formatVersion"]?.intValue == BoardAnswer.formatVersion else {
            throw AnswerProblem("/formatVersion", sv: "okänd formatversion (ska vara \(BoardAnswer.formatVersion))", en: "unknown format version (must be \(BoardAnswer.formatVersion))")
        }
        let form = try Self.object(o["form"], "/form")
        try Self.only(form, ["id", "version"], at: "/form")
        let formID = try Self.string(form["id"], "/form/id")
        let formVersion = try Self.integer(form["version"], "/form/version")
        let f = try Self.object(o["feedback"], "/feedback")
        try Self.only(f, ["committee", "documentId", "revision", "contentSha256", "archivedAs", "fileSha256"], at: "/feedback")
        let feedback = Feedback(
            committeeID: try Self.string(f["committee"], "/feedback/committee"), documentID: try Self.string(f["documentId"], "/feedback/documentId"),
            revision: try Self.integer(f["revision"], "/feedback/revision"), contentSha256: try Self.string(f["contentSha256"], "/feedback/contentSha256"),
            archivedAs: try Self.string(f["archivedAs"], "/feedback/archivedAs"), fileSha256: try Self.string(f["fileSha256"], "/feedback/fileSha256"))
        let revision = try o["revision"].map { value throws(AnswerProblem) in try Self.integer(value, "/revision") } ?? 0
        var answeredAt: Timestamp?
        if let text = try Self.optionalString(o["answeredAt"], "/answeredAt") {
            guard let time = Timestamp(iso: text) else {
                throw AnswerProblem("/answeredAt", sv: "tiden ska skrivas ÅÅÅÅ-MM-DDTHH:MM:SSZ", en: "the time must be written YYYY-MM-DDTHH:MM:SSZ")
            }
            answeredAt = time
        }
        let answeredBy = try Self.optionalString(o["answeredBy"], "/answeredBy") ?? ""
        guard case .array(let headingValues)? = o["headings"] else { throw Self.missing("/headings", "a list") }
        var headings: [Heading] = []
        for (index, value) in headingValues.enumerated() {
            let at = "/headings/\(index)"
            let h = try Self.object(value, at)
            try Self.only(h, ["section", "title", "judgement", "text"], at: at)
            _ = try Self.optionalString(h["title"], at + "/title")
            headings.append(Heading(sectionID: try Self.string(h["section"], at + "/section"),
                                    judgement: try Self.optionalString(h["judgement"], at + "/judgement"),
                                    text: try Self.optionalString(h["text"], at + "/text") ?? ""))
        }
        var rows: [Row] = []
        if let rowsValue = o["rows"] {
            guard case .array(let rowValues) = rowsValue else { throw Self.missing("/rows", "a list") }
            for (index, value) in rowValues.enumerated() {
                let at = "/rows/\(index)"
                let r = try Self.object(value, at)
                try Self.only(r, ["section", "table", "row", "object", "decision", "text"], at: at)
                rows.append(Row(sectionID: try Self.string(r["section"], at + "/section"), fieldID: try Self.string(r["table"], at + "/table"),
                                row: try Self.integer(r["row"], at + "/row"), object: try Self.optionalString(r["object"], at + "/object") ?? "",
                                decision: try Self.optionalString(r["decision"], at + "/decision"),
                                text: try Self.optionalString(r["text"], at + "/text") ?? ""))
            }
        }
        self.init(formID: formID, formVersion: formVersion, feedback: feedback, revision: revision, answeredAt: answeredAt,
                  answeredBy: answeredBy, headings: headings, rows: rows)
    }

    /// Parses an answer file's bytes with the project's strict JSON parser.
    public static func parse(_ bytes: [UInt8]) throws(AnswerProblem) -> (answer: BoardAnswer, object: JSONObject) {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch {
            throw AnswerProblem("", sv: "ingen giltig JSON (rad \(error.line), kolumn \(error.column)): \(error.problem.englishDescription)",
                                en: "not valid JSON (line \(error.line), column \(error.column)): \(error.problem.englishDescription)")
        }
        guard case .object(let object) = value else { throw missing("", "an object") }
        return (try BoardAnswer(json: object), object)
    }

    // MARK: - Strict members

    static func missing(_ pointer: String, _ what: String) -> AnswerProblem {
        AnswerProblem(pointer, sv: "saknas eller är inte \(what == "a list" ? "en lista" : what == "an object" ? "ett objekt" : what == "a text" ? "en text" : "ett heltal")",
                      en: "missing or not \(what)")
    }

    static func only(_ o: JSONObject, _ allowed: [String], at pointer: String) throws(AnswerProblem) {
        for key in o.keys where !allowed.contains(key) {
            throw AnswerProblem(pointer + "/" + JSONPointer.escape(key), sv: "okänd medlem (kända: \(allowed.joined(separator: ", ")))",
                                en: "unknown member (known: \(allowed.joined(separator: ", ")))")
        }
    }

    static func object(_ value: JSONValue?, _ pointer: String) throws(AnswerProblem) -> JSONObject {
        guard case .object(let o)? = value else { throw missing(pointer, "an object") }
        return o
    }

    static func string(_ value: JSONValue?, _ pointer: String) throws(AnswerProblem) -> String {
        guard case .string(let s)? = value else { throw missing(pointer, "a text") }
        return s
    }

    static func optionalString(_ value: JSONValue?, _ pointer: String) throws(AnswerProblem) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let s)?: return s
        default: throw missing(pointer, "a text")
        }
    }

    static func integer(_ value: JSONValue?, _ pointer: String) throws(AnswerProblem) -> Int {
        guard let n = value?.intValue else { throw missing(pointer, "a whole number") }
        return n
    }
}
