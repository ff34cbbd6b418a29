import FeedbackModel

/// Checks an answer against the form's `answers:` and the feedback it answers: every heading
/// once, every judgement and row decision one of the form's options, texts without control
/// characters (the validator's rule for drafts) and within the length of a heading's text.
public struct AnswerCheck: Sendable {
    public let form: FormDefinition
    /// The longest motivation, in Unicode scalars.
    public static let maximumText = 12_000

    public init(form: FormDefinition) {
        self.form = form
    }

    /// Every problem of `answer` (empty when it can be signed). `feedback`: the committee's
    /// accepted export the answer is for.
    public func problems(_ answer: BoardAnswer, feedback: Draft) -> [AnswerProblem] {
        var problems: [AnswerProblem] = []
        if form.answers.isEmpty {
            problems.append(AnswerProblem("", sv: "formuläret \(form.id) anger inga bedömningar (answers:), så styrelsen kan inte svara i programmet",
                                          en: "the form \(form.id) declares no judgements (answers:), so the board cannot answer in the program"))
            return problems
        }
        if answer.formID != form.id || answer.formVersion != form.version {
            problems.append(AnswerProblem("/form", sv: "svaret gäller formuläret \(Sanitizer.visible(answer.formID)) version \(answer.formVersion), inte \(form.id) version \(form.version)",
                                          en: "the answer is for form \(Sanitizer.visible(answer.formID)) version \(answer.formVersion), not \(form.id) version \(form.version)"))
        }
        let judgementIDs = form.answers.judgements.map(\.id).joined(separator: ", ")
        for (index, heading) in answer.headings.enumerated() {
            let at = "/headings/\(index)"
            guard let section = form.section(id: heading.sectionID) else {
                problems.append(AnswerProblem(at + "/section", sv: "formuläret har ingen rubrik \(Sanitizer.visible(heading.sectionID))",
                                              en: "the form has no heading \(Sanitizer.visible(heading.sectionID))"))
                continue
            }
            if answer.headings[..<index].contains(where: { $0.sectionID == heading.sectionID }) {
                problems.append(AnswerProblem(at + "/section", sv: "rubriken \(section.id) besvaras två gånger", en: "the heading \(section.id) is answered twice"))
            }
            if let judgement = heading.judgement {
                if form.answers.judgement(id: judgement) == nil {
                    problems.append(AnswerProblem(at + "/judgement", sv: "\(Sanitizer.visible(judgement)) är ingen bedömning i formuläret (\(judgementIDs))",
                                                  en: "\(Sanitizer.visible(judgement)) is not a judgement of the form (\(judgementIDs))"))
                }
            } else if Self.hasContent(section, in: feedback) {
                problems.append(AnswerProblem(at + "/judgement", sv: "rubrik \(section.number) saknar bedömning (\(judgementIDs))",
                                              en: "heading \(section.number) has no judgement (\(judgementIDs))"))
            }
            problems += textProblems(heading.text, at: at + "/text")
        }
        for section in form.sections where !answer.headings.contains(where: { $0.sectionID == section.id }) {
            problems.append(AnswerProblem("/headings", sv: "rubrik \(section.number) (\(section.id)) saknas i svaret", en: "heading \(section.number) (\(section.id)) is missing from the answer"))
        }
        for (index, row) in answer.rows.enumerated() {
            let at = "/rows/\(index)"
            guard let decisions = form.answers.rowDecisions(section: row.sectionID, field: row.fieldID) else {
                problems.append(AnswerProblem(at + "/table", sv: "formuläret anger inga beslut per rad för \(Sanitizer.visible(row.sectionID))/\(Sanitizer.visible(row.fieldID))",
                                              en: "the form declares no row decisions for \(Sanitizer.visible(row.sectionID))/\(Sanitizer.visible(row.fieldID))"))
                continue
            }
            let count = feedback.value(at: .section(row.sectionID, row.fieldID))?.rows.count ?? 0
            if !(1...max(count, 1)).contains(row.row) || count == 0 {
                problems.append(AnswerProblem(at + "/row", sv: "nämndens tabell har ingen rad \(row.row) (den har \(count))", en: "the committee's table has no row \(row.row) (it has \(count))"))
            } else if answer.rows[..<index].contains(where: { $0.sectionID == row.sectionID && $0.fieldID == row.fieldID && $0.row == row.row }) {
                problems.append(AnswerProblem(at + "/row", sv: "rad \(row.row) besvaras två gånger", en: "row \(row.row) is answered twice"))
            }
            let ids = decisions.options.map(\.id).joined(separator: ", ")
            if let decision = row.decision {
                if decisions.option(id: decision) == nil {
                    problems.append(AnswerProblem(at + "/decision", sv: "\(Sanitizer.visible(decision)) är inget beslut i formuläret (\(ids))",
                                                  en: "\(Sanitizer.visible(decision)) is not a decision of the form (\(ids))"))
                }
            } else {
                problems.append(AnswerProblem(at + "/decision", sv: "rad \(row.row) saknar beslut (\(ids))", en: "row \(row.row) has no decision (\(ids))"))
            }
            problems += textProblems(row.text, at: at + "/text")
        }
        for decisions in form.answers.rows {
            let count = feedback.value(at: .section(decisions.sectionID, decisions.fieldID))?.rows.count ?? 0
            for row in 1...max(count, 1) where count > 0 && !answer.rows.contains(where: { $0.sectionID == decisions.sectionID && $0.fieldID == decisions.fieldID && $0.row == row }) {
                problems.append(AnswerProblem("/rows", sv: "rad \(row) i \(decisions.fieldID) saknar beslut", en: "row \(row) of \(decisions.fieldID) has no decision"))
            }
        }
        return problems
    }

    /// Control characters, bidi and invisible format characters are refused (as in drafts);
    /// the length is counted in Unicode scalars.
    func textProblems(_ text: String, at pointer: String) -> [AnswerProblem] {
        var problems: [AnswerProblem] = []
        if let scalar = text.unicodeScalars.first(where: { TextRules.hazard($0.value) != nil }) {
            problems.append(AnswerProblem(pointer, sv: "texten innehåller ett osynligt styrtecken (\(Sanitizer.codePoint(scalar.value))); ta bort det",
                                          en: "the text holds an invisible control character (\(Sanitizer.codePoint(scalar.value))); remove it"))
        }
        let count = text.unicodeScalars.count
        if count > Self.maximumText {
            problems.append(AnswerProblem(pointer, sv: "texten är \(count) tecken, högst \(Self.maximumText)", en: "the text is \(count) characters, at most \(Self.maximumText)"))
        }
        return problems
    }

    /// Whether the committee wrote anything under the heading.
    static func hasContent(_ section: SectionDefinition, in draft: Draft) -> Bool {
        section.fields.contains { field in
            switch draft.value(at: .section(section.id, field.id)) {
            case .text(let text)?: return TextRules.hasContent(text)
            case let value?: return !value.isEmpty
            case nil: return false
            }
        }
    }

    /// The row's name: its first text column.
    static func objectName(_ row: TableRow, columns: [ColumnDefinition]) -> String {
        guard let column = columns.first(where: { $0.kind == .shortText }) else { return "" }
        return row[column.id]?.displayText ?? ""
    }
}
