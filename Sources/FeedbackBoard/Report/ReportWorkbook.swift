import FeedbackDocuments
import FeedbackModel

/// The round as a workbook for the economists (`board report --format xlsx`): a sheet of
/// statuses, then a sheet for every table of the form that holds amounts, with one row per
/// row of every accepted export. Each amount is a number, each plan year a column of its own
/// with a row total, and the totals are `SUM` formulas over the rows above them, so that
/// Excel can audit them. Built from the form's tables and their columns, naming none.
public struct ReportWorkbook: Sendable {
    public let report: RoundReport
    public let language: Language

    public init(report: RoundReport, language: Language) {
        self.report = report
        self.language = language
    }

    public func render() throws(DocumentError) -> [UInt8] {
        try XlsxWriter().write(workbook())
    }

    public func workbook() -> Workbook {
        let words = ReportWords(language: language)
        let properties = DocumentProperties(title: words.title, language: DocumentLanguage(language), author: "feedback",
                                            subject: report.form.premises.title, identifier: report.form.id, date: report.generatedAt)
        var sheets = [statusSheet(words)]
        for section in report.form.sections {
            for field in section.fields where ReportWorkbook.holdsAmounts(field) {
                sheets.append(sheet(field, of: section, words: words))
            }
        }
        return Workbook(properties: properties, sheets: sheets)
    }

    /// Whether a table has a column of amounts (one amount, or one per plan year).
    static func holdsAmounts(_ field: FieldDefinition) -> Bool {
        field.columns.contains { $0.kind == .amount || $0.kind == .planYears }
    }

    /// The status table as the report shows it; revisions as numbers.
    func statusSheet(_ words: ReportWords) -> Sheet {
        let rows = ReportRows.status(report, language, shorten: false).rows.map { row in
            row.enumerated().map { i, text -> SheetCell in
                // Revisions are numbers; nothing else in the table is digits alone.
                if let n = Int(text) { return .integer(n) }
                return .text(text)
            }
        }
        return Sheet(name: words.statusHeading, header: words.statusColumns, rows: rows)
    }

    /// One table of the form across the committees: committee, the export's status, then the
    /// table's columns (plan years spread out, with a row total when they add up).
    func sheet(_ field: FieldDefinition, of section: SectionDefinition, words: ReportWords) -> Sheet {
        let years = report.years
        var header = [words.committee, words.t("Status", "Status")]
        // Where each of the table's columns starts in the sheet.
        var layout: [(column: ColumnDefinition, start: Int)] = []
        for column in field.columns {
            layout.append((column, header.count))
            if column.kind == .planYears {
                header += years.map { "\(column.label[language]) \($0)" }
                if column.summable {
                    header.append("\(column.label[language]), \(words.total.lowercased())")
                }
            } else {
                header.append(column.label[language])
            }
        }
        var rows: [[SheetCell]] = []
        for entry in report.exports {
            let status = report.status.statusLabel(entry.export.status, language)
            for row in entry.export.draft.sections[section.id]?[field.id]?.rows ?? [] {
                var cells: [SheetCell] = [.text(entry.committee.name(language)), .text(status)]
                for (column, _) in layout {
                    switch column.kind {
                    case .planYears:
                        // A year left empty stays empty (a sensitivity case may have no effect given).
                        let given = years.map { row[TableRow.yearKey(column.id, $0)] }
                        let amounts = given.map(RoundReport.integer)
                        cells += given.map { $0 == nil ? SheetCell.empty : .integer(RoundReport.integer($0)) }
                        if column.summable {
                            let reference = { (i: Int) in Sheet.reference(column: cells.count - years.count + i, row: rows.count) }
                            cells.append(.formula("SUM(\(reference(0)):\(reference(years.count - 1)))", cached: Double(amounts.reduce(0, +))))
                        }
                    case .amount:
                        cells.append(row[column.id].map { .integer(RoundReport.integer($0)) } ?? .empty)
                    case .choice(let options):
                        let id = RoundReport.text(row[column.id])
                        cells.append(.text(id.map { id in options.first { $0.id == id }?.label[language] ?? id } ?? ""))
                    case .shortText:
                        cells.append(.text(RoundReport.text(row[column.id]) ?? ""))
                    }
                }
                rows.append(cells)
            }
        }
        var sheet = Sheet(name: field.label[language], header: header, rows: rows)
        // The totals row: SUM over every column of amounts that adds up.
        var totals: [SheetCell] = [.text(words.total)]
        var any = false
        for index in 1..<header.count {
            let sums = layout.contains { column, start in
                switch column.kind {
                case .planYears: return column.summable && (start...(start + years.count)).contains(index)
                case .amount: return column.summable && start == index
                default: return false
                }
            }
            totals.append(sums ? sheet.sum(column: index) : .empty)
            any = any || sums
        }
        if any { sheet.footer = [totals] }
        return sheet
    }
}
