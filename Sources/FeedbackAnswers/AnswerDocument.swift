import FeedbackBoard
import FeedbackDocuments
import FeedbackModel

/// The document for the dialogue meeting ("styrdialog"): for every heading the committee's
/// text as handed in, then the board's judgement and its motivation; for the tables the form
/// names, each row's decision. Built on the document model, so it is written as .docx, .html
/// and .md by the same writers as the committee's document.
public enum AnswerDocument {
    static let answerOf = Localized(sv: "Styrelsens svar", en: "The board's answer")
    static let committeeText = Localized(sv: "Nämndens text", en: "The committee's text")
    static let judgement = Localized(sv: "Styrelsens bedömning", en: "The board's judgement")
    static let motivation = Localized(sv: "Motivering", en: "Motivation")
    static let noJudgement = Localized(sv: "ingen bedömning (nämnden skrev inget under rubriken)", en: "no judgement (the committee wrote nothing under the heading)")
    static let noMotivation = Localized(sv: "Ingen motivering", en: "No motivation")
    static let row = Localized(sv: "Rad", en: "Row")
    static let object = Localized(sv: "Objekt", en: "Object")
    static let decision = Localized(sv: "Beslut", en: "Decision")
    static let summary = Localized(sv: "Sammanfattning", en: "Summary")
    static let answered = Localized(sv: "Besvarad återkoppling", en: "Feedback answered")
    static let answerRevision = Localized(sv: "Svarets revision", en: "Answer revision")
    static let answeredAt = Localized(sv: "Besvarad", en: "Answered")

    public static func make(answer: BoardAnswer, feedback: Draft, form: FormDefinition, language: Language) -> Document {
        let committee = form.committee(id: answer.feedback.committeeID)?.name(language) ?? answer.feedback.committeeID
        var blocks: [Block] = [.title("\(answerOf[language]): \(committee)"), .subtitle(form.title[language])]
        blocks.append(.metadata(MetadataTable(
            caption: DocumentLabels.metadataCaption[language], labelHeader: DocumentLabels.labelHeader[language],
            valueHeader: DocumentLabels.valueHeader[language], entries: [
                MetadataEntry(form.metadata.first { $0.kind == .committee }?.label[language] ?? "", committee),
                MetadataEntry(DocumentLabels.premises[language], "\(form.premises.title) (\(form.premises.caseNumber))"),
                MetadataEntry(answered[language], "\(answer.feedback.documentID), \(DocumentLabels.revision[language]) \(answer.feedback.revision)"),
                MetadataEntry(answerRevision[language], String(answer.revision)),
                MetadataEntry(answeredAt[language], answer.answeredAt.map { SwedishTime.minuteText($0) } ?? DocumentLabels.notGiven),
                MetadataEntry(summary[language], answer.tallyText(form, language: language)),
            ])))
        for section in form.sections {
            var committeeBlocks = CommitteeDocument.section(section, draft: feedback, form: form, language: language)
            guard !committeeBlocks.isEmpty else { continue }
            let heading = committeeBlocks.removeFirst()
            blocks.append(heading)
            blocks.append(.heading(level: 2, text: committeeText[language]))
            blocks += committeeBlocks.map(demoted)
            let given = answer.heading(section.id)
            let label = given?.judgement.flatMap { form.answers.judgement(id: $0)?.label[language] } ?? noJudgement[language]
            blocks.append(.heading(level: 2, text: judgement[language]))
            blocks.append(.paragraph([Run(judgement[language] + ": ", bold: true), Run(label)]))
            blocks.append(.paragraph([Run(motivation[language] + ":", bold: true)]))
            blocks += DraftText.blocks(given?.text ?? "", placeholder: noMotivation[language])
            for decisions in form.answers.rows where decisions.sectionID == section.id {
                let rows = answer.rows.filter { $0.sectionID == section.id && $0.fieldID == decisions.fieldID }.sorted { $0.row < $1.row }
                guard !rows.isEmpty else { continue }
                blocks.append(.table(Table(
                    caption: decisions.label[language],
                    columns: [TableColumn(row[language], alignment: .end), TableColumn(object[language]), TableColumn(decision[language]),
                              TableColumn(motivation[language])],
                    rows: rows.map { r in
                        [String(r.row), r.object, r.decision.flatMap { decisions.option(id: $0)?.label[language] } ?? DocumentLabels.notGiven, r.text]
                    })))
            }
        }
        blocks.append(.footer("\(answerOf[language]) \(answer.feedback.committeeID), \(DocumentLabels.revision[language]) \(answer.revision); "
            + "\(DocumentLabels.documentID[language]) \(answer.feedback.documentID) \(DocumentLabels.revision[language]) \(answer.feedback.revision), "
            + "\(DocumentLabels.contentHash[language]) \(answer.feedback.contentSha256)"))
        let properties = DocumentProperties(
            title: "\(answerOf[language]): \(committee)", language: DocumentLanguage(language), author: answer.answeredBy,
            subject: form.premises.title, identifier: "\(answer.feedback.documentID)-answer", revision: answer.revision, date: answer.answeredAt)
        return Document(properties: properties, blocks: blocks)
    }

    /// The committee's sub-headings one level down, under "Nämndens text".
    static func demoted(_ block: Block) -> Block {
        if case .heading(let level, let text) = block { return .heading(level: min(level + 1, 5), text: text) }
        return block
    }

    /// The bytes in one format.
    public static func render(answer: BoardAnswer, feedback: Draft, form: FormDefinition, format: DocumentFormat,
                              language: Language, template: DocxTemplate? = nil) throws(DocumentError) -> [UInt8] {
        let document = make(answer: answer, feedback: feedback, form: form, language: language)
        switch format {
        case .docx: return try DocxWriter(template: template).write(document)
        case .html: return Array(HTMLWriter().write(document).utf8)
        case .md: return Array(MarkdownWriter().write(document).utf8)
        }
    }

    /// `FORM_COMMITTEE_answerN.EXT`, beside the answer's own name.
    public static func fileName(answer: BoardAnswer, format: DocumentFormat) -> String {
        String(AnswerArchive.fileName(formID: answer.formID, committee: answer.feedback.committeeID, revision: answer.revision).dropLast(".json".count))
            + "." + format.fileExtension
    }
}
