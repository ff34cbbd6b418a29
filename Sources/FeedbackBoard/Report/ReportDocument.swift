import FeedbackDocuments
import FeedbackModel

/// The compiled report in the document model of FeedbackDocuments, written by its writers
/// (.html, .docx with optionally the region's template, .md). Everything below the status
/// comes from the form: each heading's texts across committees, then each of its tables
/// with every committee's rows as the committee's document shows them, the plan-year
/// columns summed per committee and year (and by each choice column) unless `sum: false`,
/// a chart of each sum, and a matrix with its numbered list for a table with `matrix:`.
public enum ReportDocument {
    public static func make(_ report: RoundReport, language: Language) -> Document {
        let words = ReportWords(language: language)
        let form = report.form
        var blocks: [Block] = [.title("\(words.title): \(form.title[language])")]
        blocks.append(.text(words.premises(form)))
        blocks.append(.paragraph([Run(words.generated(report), italic: true)]))
        let decidedWord = form.decidedOption.map { Sanitizer.visible($0.label[language]).lowercased() } ?? words.t("fastställd", "decided")
        blocks.append(.paragraph([Run(words.headline(report.headline, decided: decidedWord), bold: true)]))
        let labels = report.labels(language)
        let marked = report.exports.filter { !report.marks(of: $0.committee, language).isEmpty }
        if !marked.isEmpty {
            blocks.append(.paragraph([Run(words.markedLine(marked.map { labels[$0.committee.id] ?? $0.committee.name(language) }, decided: decidedWord), bold: true)]))
        }
        if !report.missing.isEmpty {
            blocks.append(.paragraph([Run(words.missingLine(report.missing.map { $0.name(language) }), bold: true)]))
        }
        for (committee, why) in report.unreadable {
            blocks.append(.paragraph([Run(words.unreadable(committee.name(language), why[language]), bold: true)]))
        }

        blocks.append(.heading(level: 1, text: words.statusHeading))
        let status = ReportRows.status(report, language)
        blocks.append(.table(Table(caption: words.statusHeading, columns: columns(words.statusColumns, numeric: [2]),
                                   rows: status.rows, firstColumnIsHeader: true)))
        blocks.append(.text(report.status.summaryLine(language)))
        blocks += report.status.handOverLines(language: language).map { .text($0) }

        let tables = report.tables
        for section in form.sections {
            blocks.append(.heading(level: 1, text: "\(section.number). \(section.title[language])"))
            if section.fields.contains(where: \.kind.isText) {
                let texts = report.texts(of: section)
                for (committee, text) in texts {
                    blocks.append(.heading(level: 2, text: labels[committee.id] ?? committee.name(language)))
                    blocks += DraftText.blocks(text)
                }
                let silent = report.exports.map(\.committee).filter { c in !texts.contains { $0.committee.id == c.id } }
                if !silent.isEmpty { blocks.append(.paragraph([Run(words.noText(silent.map { labels[$0.id] ?? $0.name(language) }), italic: true)])) }
            }
            for table in tables where table.section.id == section.id {
                blocks += self.table(table, report, words, labels: labels, decided: decidedWord)
            }
        }
        // The appendix: the refusal reasons the status table shortened, in full.
        if !status.notes.isEmpty {
            blocks.append(.heading(level: 1, text: words.reasonsHeading))
            blocks += status.notes.enumerated().map { .text(words.note($0.offset + 1, $0.element)) }
        }
        blocks.append(.footer(words.generated(report)))
        let properties = DocumentProperties(
            title: "\(words.title): \(form.title[language])", language: DocumentLanguage(language),
            author: "feedback", subject: form.premises.title,
            identifier: "\(form.id)-v\(form.version)", revision: nil, date: report.generatedAt)
        return Document(properties: properties, blocks: blocks)
    }

    /// One table of the form across the round.
    static func table(_ table: ReportTable, _ report: RoundReport, _ words: ReportWords, labels: [String: String], decided: String) -> [Block] {
        let language = words.language
        let label = table.field.label[language]
        var blocks: [Block] = [.heading(level: 2, text: label)]
        guard !table.entries.isEmpty else {
            blocks.append(.text(words.nothingReported(label)))
            return blocks
        }
        for entry in table.entries {
            let name = labels[entry.committee.id] ?? entry.committee.name(language)
            blocks.append(.heading(level: 3, text: "\(label): \(name)"))
            var committeeTable = ReportRows.committeeTable(table, rows: entry.rows, report, language)
            committeeTable.caption = "\(committeeTable.caption) – \(name)"
            blocks.append(.table(committeeTable))
        }
        if !table.empty.isEmpty {
            blocks.append(.paragraph([Run(words.noRows(table.empty.map { labels[$0.id] ?? $0.name(language) }), italic: true)]))
        }
        for column in table.summedColumns {
            let columnLabel = column.label[language]
            let sums = report.sums(table, column: column, language)
            // Beside the total of all answers, the total of the decided ones when they differ.
            let decidedOnly = report.decidedExports.count == report.exports.count ? nil
                : SumRow(label: words.decidedTotal(decided), amounts: report.decidedSums(table, column: column))
            blocks.append(.chart(BarChart(title: words.chartTitle(label, columnLabel), categories: report.years.map(String.init),
                                          series: sums.rows.map { BarChart.Series(label: $0.label, values: $0.amounts) },
                                          othersLabel: words.others)))
            blocks.append(sumTable(report, "\(label): \(words.perCommittee(columnLabel))", words.committee, sums.rows, total: sums.total,
                                   decided: decidedOnly, words))
            for choice in table.columns where !choice.options.isEmpty {
                blocks.append(sumTable(report, "\(label): \(words.by(columnLabel, choice.label[language]))", choice.label[language],
                                       report.sums(table, column: column, by: choice, language), total: sums.total,
                                       decided: decidedOnly, words))
            }
        }
        if let matrix = report.matrix(table), let definition = table.field.matrix,
           let rowColumn = table.columns.first(where: { $0.id == definition.rows }),
           let columnColumn = table.columns.first(where: { $0.id == definition.columns }) {
            let rowLabel = rowColumn.label[language], columnLabel = columnColumn.label[language]
            let header = ["\(rowLabel) ↓ \(columnLabel) →"] + matrix.columns.map { $0.label[language] }
            let rows = zip(matrix.rows, matrix.cells).map { option, cells in [option.label[language]] + cells.map(words.matrixCell) }
            blocks.append(.table(Table(caption: "\(label): \(words.matrixCaption(rowLabel, columnLabel))",
                                       columns: header.enumerated().map { TableColumn($0.element, alignment: $0.offset == 0 ? .start : .center) },
                                       rows: rows, firstColumnIsHeader: true)))
            blocks.append(.table(ReportRows.numberedList(table, report, language)))
        }
        return blocks
    }

    static func columns(_ headers: [String], numeric: Set<Int>) -> [TableColumn] {
        headers.enumerated().map { TableColumn($0.element, alignment: numeric.contains($0.offset) ? .end : .start) }
    }

    /// A table of sums, the grand total once at its end (the writers print the totals row
    /// after the body only, never repeated on each page); with `decided`, the total of the
    /// decided answers as the last body row and the total of all answers named so.
    static func sumTable(_ report: RoundReport, _ caption: String, _ first: String, _ rows: [SumRow], total: SumRow,
                         decided: SumRow? = nil, _ words: ReportWords) -> Block {
        let header = [first] + report.years.map(String.init) + [words.total]
        func cells(_ row: SumRow) -> [String] { [row.label] + row.amounts.map(ReportNumber.text) + [ReportNumber.text(row.total)] }
        var total = total
        if decided != nil { total.label = words.allTotal }
        return .table(Table(caption: caption, columns: columns(header, numeric: Set(1..<header.count)),
                            rows: rows.map(cells) + (decided.map { [cells($0)] } ?? []),
                            totals: cells(total),
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

/// The report as one self-contained, printable HTML file, through the document model's
/// writer (inline styles, charts as inline SVG, no scripts, nothing fetched).
public struct ReportHTML: Sendable {
    public let report: RoundReport
    public let language: Language

    public init(report: RoundReport, language: Language) {
        self.report = report
        self.language = language
    }

    public func render() -> String {
        HTMLWriter().write(ReportDocument.make(report, language: language))
    }

    /// The HTML as UTF-8 bytes (what is written to the file).
    public func renderBytes() -> [UInt8] { Array(render().utf8) }
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
