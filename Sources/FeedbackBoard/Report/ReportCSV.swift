import Foundation
import FeedbackModel

/// Every cell of every table of every accepted export for Excel, in long form (one line
/// per cell, and per plan year for plan-year columns), so that any form's tables fit one
/// sheet and a pivot table adds them up: UTF-8 with a byte-order mark (so Excel reads å ä ö
/// right), semicolons between fields (what Swedish Excel expects, as the comma is its
/// decimal sign), CRLF line ends, amounts as plain whole numbers, choices by their labels.
public struct ReportCSV: Sendable {
    public let report: RoundReport
    public let language: Language

    public init(report: RoundReport, language: Language) {
        self.report = report
        self.language = language
    }

    public static let separator = ";"

    var header: [String] {
        language == .sv
            ? ["Rubrik", "Tabell", "Nämnd-id", "Nämnd", "Rad", "Kolumn", "År", "Värde", "Revision", "Dokument-id", "Status", "Beslutad", "I tid"]
            : ["Heading", "Table", "Committee id", "Committee", "Row", "Column", "Year", "Value", "Revision", "Document id", "Status", "Decided", "On time"]
    }

    /// A field quoted when it must be (RFC 4180); text that Excel would run as a formula
    /// (starting with = + - @ or a tab) gets a leading apostrophe, as OWASP advises.
    static func field(_ text: String, isText: Bool = true) -> String {
        var value = Sanitizer.visible(text)
        if isText, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        if value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r") || value.contains(",") {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    public func render() -> [UInt8] {
        var out = "\u{FEFF}" + header.map { ReportCSV.field($0) }.joined(separator: ReportCSV.separator) + "\r\n"
        let exports = Dictionary(report.exports.map { ($0.committee.id, $0) }, uniquingKeysWith: { first, _ in first })
        let states = Dictionary(report.status.committees.map { ($0.committee.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sv = language == .sv
        func yesNo(_ value: Bool?) -> String { value.map { $0 ? (sv ? "ja" : "yes") : (sv ? "nej" : "no") } ?? "" }
        for table in report.tables {
            let heading = "\(table.section.number). \(table.section.shortTitle[language])"
            for entry in table.entries {
                let export = exports[entry.committee.id]
                let prefix = [ReportCSV.field(heading), ReportCSV.field(table.field.label[language]),
                              ReportCSV.field(entry.committee.id), ReportCSV.field(entry.committee.name(language))]
                // The answer's standing, so that a filter keeps to decided answers handed in on time.
                let state = states[entry.committee.id]
                let suffix = [export.map { String($0.export.revision) } ?? "", ReportCSV.field(export?.export.documentID ?? ""),
                              ReportCSV.field(state?.accepted.map { report.status.statusLabel($0.export.status, language) } ?? ""),
                              yesNo(state?.isDecided), yesNo(state?.accepted?.onTime)]
                for (index, row) in entry.rows.enumerated() {
                    func line(_ column: ColumnDefinition, year: Int?, value: String, isText: Bool) {
                        out += (prefix + [String(index + 1), ReportCSV.field(column.label[language]), year.map(String.init) ?? "",
                                          ReportCSV.field(value, isText: isText)] + suffix).joined(separator: ReportCSV.separator) + "\r\n"
                    }
                    for column in table.columns {
                        switch column.kind {
                        case .planYears:
                            for year in report.years {
                                let cell = row[TableRow.yearKey(column.id, year)]
                                guard cell != nil else { continue }
                                line(column, year: year, value: ReportCSV.number(cell), isText: !ReportCSV.isNumber(cell))
                            }
                        case .amount:
                            guard let cell = row[column.id] else { continue }
                            line(column, year: nil, value: ReportCSV.number(cell), isText: !ReportCSV.isNumber(cell))
                        case .choice(let options):
                            guard let id = RoundReport.text(row[column.id]) else { continue }
                            line(column, year: nil, value: options.first { $0.id == id }?.label[language] ?? id, isText: true)
                        case .shortText:
                            guard let text = RoundReport.text(row[column.id]) else { continue }
                            line(column, year: nil, value: text, isText: true)
                        }
                    }
                }
            }
        }
        return Array(out.utf8)
    }

    static func isNumber(_ cell: CellValue?) -> Bool {
        if case .integer? = cell { return true }
        return false
    }

    /// A whole number as digits only (what Excel reads as a number); anything else as typed.
    static func number(_ cell: CellValue?) -> String {
        if case .integer(let n)? = cell { return String(n) }
        return RoundReport.text(cell) ?? ""
    }
}
