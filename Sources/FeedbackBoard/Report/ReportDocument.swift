import FeedbackDocuments
import FeedbackModel

/// The compiled report in the document model of FeedbackDocuments, written as .docx (the
/// same writer, and optionally the same region template, as the committee's document) and
/// as Markdown. The model has no figures, so the chart is given as its table of numbers;
/// the risk matrix is a table of counts and risk numbers.
public enum ReportDocument {
    public static func make(_ report: RoundReport, language: Language) -> Document {
        let words = ReportWords(language: language)
        let form = report.form
        var blocks: [Block] = [.title(words.title), .subtitle(form.title[language])]
        blocks.append(.text(words.premises(form)))
        blocks.append(.paragraph([Run(words.generated(report), italic: true)]))
        blocks.append(.paragraph([Run(words.missingLine(report.missing.map { $0.name(language) }), bold: true)]))
        for (committee, why) in report.unreadable {
            blocks.append(.paragraph([Run(words.unreadable(committee.name(language), why[language]), bold: true)]))
        }

        blocks.append(.heading(level: 1, text: words.statusHeading))
        blocks.append(.table(Table(caption: words.statusHeading, columns: columns(words.statusColumns, numeric: [2]),
                                   rows: ReportRows.status(report, language), firstColumnIsHeader: true)))
        blocks.append(.text(report.status.summaryLine(language)))
        blocks += report.status.handOverLines(language: language).map { .text($0) }

        for section in form.sections {
            blocks.append(.heading(level: 1, text: "\(section.number). \(section.title[language])"))
            let texts = report.texts(of: section)
            for (committee, text) in texts {
                blocks.append(.heading(level: 2, text: committee.name(language)))
                blocks += DraftText.blocks(text)
            }
            let silent = report.exports.map(\.committee).filter { c in !texts.contains { $0.committee.id == c.id } }
            if !silent.isEmpty { blocks.append(.paragraph([Run(words.noText(silent.map { $0.name(language) }), italic: true)])) }
        }

        blocks.append(.heading(level: 1, text: words.investmentsHeading))
        if report.investments.isEmpty {
            blocks.append(.text(words.noInvestments))
        } else {
            let total = report.investmentTotal(language)
            blocks.append(sumTable(report, words.perCommittee, words.committee, report.investmentsByCommittee(language), total: total, words))
            blocks.append(sumTable(report, words.byDecision, words.decision, report.investmentsByDecision(language), total: total, words))
            blocks.append(sumTable(report, words.byPriority, words.priority, report.investmentsByPriority(language), total: total, words))
            blocks.append(sumTable(report, words.byCategory, words.category, report.investmentsByCategory(language), total: total, words))
            let header = words.objectColumns + report.years.map(String.init)
            blocks.append(.table(Table(caption: words.objects,
                                       columns: columns(header, numeric: Set(words.objectColumns.count..<header.count)),
                                       rows: ReportRows.objects(report, language))))
        }

        blocks.append(.heading(level: 1, text: words.risksHeading))
        if report.risks.isEmpty {
            blocks.append(.text(words.noRisks))
        } else {
            let likelihoods = report.riskLevels("likelihood", language)
            let consequences = report.riskLevels("consequence", language)
            let risks = report.risks
            let rows: [[String]] = consequences.reversed().map { consequence in
                [consequence.label] + likelihoods.map { likelihood in
                    let numbers = risks.enumerated()
                        .filter { $0.element.likelihood == likelihood.id && $0.element.consequence == consequence.id }
                        .map { "R\($0.offset + 1)" }
                    return numbers.isEmpty ? "0" : "\(numbers.count): " + numbers.prefix(24).joined(separator: " ") + (numbers.count > 24 ? " …" : "")
                }
            }
            let header = ["\(words.consequence) ↓ \(words.likelihood) →"] + likelihoods.map(\.label)
            blocks.append(.table(Table(caption: words.matrixCaption, columns: columns(header, numeric: []), rows: rows,
                                       firstColumnIsHeader: true)))
            blocks.append(.table(Table(caption: words.risksHeading, columns: columns(words.riskColumns, numeric: []),
                                       rows: ReportRows.risks(report, language))))
        }

        blocks.append(.heading(level: 1, text: words.sensitivityHeading))
        if report.sensitivity.isEmpty {
            blocks.append(.text(words.noSensitivity))
        } else {
            blocks.append(.text(words.sensitivityNote))
            let header = words.sensitivityColumns + report.years.map(String.init)
            blocks.append(.table(Table(caption: words.sensitivityHeading,
                                       columns: columns(header, numeric: Set(words.sensitivityColumns.count..<header.count)),
                                       rows: ReportRows.sensitivity(report, language))))
        }
        blocks.append(.footer(words.generated(report)))
        let properties = DocumentProperties(
            title: "\(words.title): \(form.title[language])", language: DocumentLanguage(language),
            author: words.t("Regionstyrelsen", "The regional board"), subject: form.premises.title,
            identifier: "\(form.id)-v\(form.version)", revision: nil, date: report.generatedAt)
        return Document(properties: properties, blocks: blocks)
    }

    static func columns(_ headers: [String], numeric: Set<Int>) -> [TableColumn] {
        headers.enumerated().map { TableColumn($0.element, alignment: numeric.contains($0.offset) ? .end : .start) }
    }

    static func sumTable(_ report: RoundReport, _ caption: String, _ first: String, _ rows: [SumRow], total: SumRow, _ words: ReportWords) -> Block {
        let header = [first] + report.years.map(String.init) + [words.total]
        return .table(Table(caption: caption, columns: columns(header, numeric: Set(1..<header.count)),
                            rows: rows.map { [$0.label] + $0.amounts.map(ReportNumber.text) + [ReportNumber.text($0.total)] },
                            totals: [total.label] + total.amounts.map(ReportNumber.text) + [ReportNumber.text(total.total)],
                            firstColumnIsHeader: true))
    }
}

/// The report as .docx bytes.
public struct ReportDocx: Sendable {
    public let report: RoundReport
    public let language: Language
    public let template: DocxTemplate?

    public init(report: RoundReport, language: Language, template: DocxTemplate? = nil) {
        self.report = report
        self.language = language
        self.template = template
    }

    public func render() throws(BoardError) -> [UInt8] {
        do { return try DocxWriter(template: template).write(ReportDocument.make(report, language: language)) } catch {
            throw BoardError(sv: error.message(.sv), en: error.message(.en))
        }
    }
}

/// The report as Markdown, through the document model's writer.
public struct ReportMarkdown: Sendable {
    public let report: RoundReport
    public let language: Language

    public init(report: RoundReport, language: Language) {
        self.report = report
        self.language = language
    }

    public func render() -> String {
        MarkdownWriter().write(ReportDocument.make(report, language: language))
    }
}
