import FeedbackBoard
import FeedbackDocuments
import FeedbackModel

/// The round's traceability: committee × heading → the board's judgement, then each
/// committee's motivations, then every row decision (the investment objects and whether they
/// enter the plan). Built on the document model; the compiled report can take these blocks in.
public enum AnswerTraceability {
    static let title = Localized(sv: "Styrelsens svar: spårbarhet", en: "The board's answers: traceability")
    static let matrixCaption = Localized(sv: "Bedömning per nämnd och rubrik", en: "Judgement per committee and heading")
    static let committeeHeader = Localized(sv: "Nämnd", en: "Committee")
    static let notAnswered = Localized(sv: "inte besvarad", en: "not answered")
    static let motivations = Localized(sv: "Motiveringar", en: "Motivations")

    /// One committee's newest answer, verified, with the form.
    public struct Answered: Sendable {
        public var committee: Committee
        public var answer: BoardAnswer?
    }

    /// The newest published answer of every committee of the form, each verified with the
    /// inbox's key (an answer that does not verify counts as none).
    public static func load(_ inbox: Inbox) -> [Answered] {
        let archive = AnswerArchive(inboxPath: inbox.path)
        return inbox.form.committees.map { committee in
            guard let newest = archive.revisions(formID: inbox.form.id, committee: committee.id).last,
                  let bytes = try? FileStore.readLimited(path: newest.path, limit: AnswerFile.maximumSize) else {
                return Answered(committee: committee, answer: nil)
            }
            let check = AnswerFile.verify(bytes, key: inbox.publicKey)
            return Answered(committee: committee, answer: check.isValid ? check.answer : nil)
        }
    }

    public static func blocks(_ answered: [Answered], form: FormDefinition, language: Language) -> [Block] {
        var blocks: [Block] = [.heading(level: 1, text: title[language])]
        let label = { (id: String?) -> String in id.flatMap { form.answers.judgement(id: $0)?.label[language] } ?? DocumentLabels.notGiven }
        blocks.append(.table(Table(
            caption: matrixCaption[language],
            columns: [TableColumn(committeeHeader[language])] + form.sections.map { TableColumn("\($0.number). \($0.shortTitle[language])") },
            rows: answered.map { entry in
                [entry.committee.name(language)] + form.sections.map { section in
                    guard let answer = entry.answer else { return notAnswered[language] }
                    return label(answer.heading(section.id)?.judgement)
                }
            }, firstColumnIsHeader: true)))
        for entry in answered {
            guard let answer = entry.answer else { continue }
            blocks.append(.heading(level: 2, text: "\(entry.committee.name(language)) (\(AnswerDocument.answerRevision[language].lowercased()) \(answer.revision))"))
            var items: [[Run]] = []
            for section in form.sections {
                guard let heading = answer.heading(section.id) else { continue }
                let text = heading.text.trimmingWhitespace
                items.append([Run("\(section.number). \(section.shortTitle[language]): ", bold: true), Run(label(heading.judgement)),
                              Run(text.isEmpty ? "" : " – " + text.replacingOccurrences(of: "\n", with: " "))])
            }
            blocks.append(.paragraph([Run(motivations[language], italic: true)]))
            blocks.append(.bulletList(items))
        }
        for decisions in form.answers.rows {
            let rows = answered.flatMap { entry in
                (entry.answer?.rows ?? []).filter { $0.sectionID == decisions.sectionID && $0.fieldID == decisions.fieldID }.map { (entry.committee, $0) }
            }
            guard !rows.isEmpty else { continue }
            blocks.append(.table(Table(
                caption: decisions.label[language],
                columns: [TableColumn(committeeHeader[language]), TableColumn(AnswerDocument.object[language]),
                          TableColumn(AnswerDocument.decision[language]), TableColumn(AnswerDocument.motivation[language])],
                rows: rows.map { committee, row in
                    [committee.name(language), row.object, row.decision.flatMap { decisions.option(id: $0)?.label[language] } ?? DocumentLabels.notGiven, row.text]
                })))
        }
        return blocks
    }

    /// The traceability as a document of its own, in one format.
    public static func render(_ answered: [Answered], form: FormDefinition, format: DocumentFormat, language: Language,
                              date: Timestamp?, template: DocxTemplate? = nil) throws(DocumentError) -> [UInt8] {
        var blocks = blocks(answered, form: form, language: language)
        blocks.insert(.subtitle(form.title[language]), at: 0)
        if case .heading(_, let text) = blocks[1] { blocks[1] = .title(text) }
        let document = Document(properties: DocumentProperties(title: title[language], language: DocumentLanguage(language),
                                                               subject: form.premises.title, identifier: form.id + "-answers", date: date),
                                blocks: [blocks[1], blocks[0]] + blocks.dropFirst(2))
        switch format {
        case .docx: return try DocxWriter(template: template).write(document)
        case .html: return Array(HTMLWriter().write(document).utf8)
        case .md: return Array(MarkdownWriter().write(document).utf8)
        }
    }
}
