import Foundation
import FeedbackModel

/// Every investment row of every accepted export for Excel: UTF-8 with a byte-order mark
/// (so Excel reads å ä ö right), semicolons between fields (what Swedish Excel expects, as
/// the comma is its decimal sign), CRLF line ends, one row per object and plan year, and
/// amounts as plain whole numbers in tkr.
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
            ? ["Nämnd-id", "Nämnd", "Objekt", "Kategori", "År", "Belopp (tkr)", "Beslut", "Prioritet", "Revision", "Dokument-id"]
            : ["Committee id", "Committee", "Object", "Category", "Year", "Amount (tkr)", "Decision", "Priority", "Revision", "Document id"]
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
        let revisions = Dictionary(report.exports.map { ($0.committee.id, $0) }, uniquingKeysWith: { first, _ in first })
        for line in report.investments {
            let entry = revisions[line.committee.id]
            for (index, year) in report.years.enumerated() {
                let fields = [
                    ReportCSV.field(line.committee.id), ReportCSV.field(line.committee.name(language)), ReportCSV.field(line.object),
                    ReportCSV.field(report.optionLabel(section: "investments", table: "investments", column: "category", line.category, language)),
                    String(year), String(line.amounts[index]),
                    ReportCSV.field(report.optionLabel(section: "investments", table: "investments", column: "decision", line.decision, language)),
                    ReportCSV.field(report.optionLabel(section: "investments", table: "investments", column: "priority", line.priority, language)),
                    entry.map { String($0.export.revision) } ?? "", ReportCSV.field(entry?.export.documentID ?? ""),
                ]
                out += fields.joined(separator: ReportCSV.separator) + "\r\n"
            }
        }
        return Array(out.utf8)
    }
}
