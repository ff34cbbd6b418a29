import FeedbackModel
import Foundation

/// The compiled report as Markdown (GitHub-style tables). The chart is left to the HTML
/// and .docx forms; its numbers are in the tables.
public struct ReportMarkdown: Sendable {
    public let report: RoundReport
    public let language: Language

    public init(report: RoundReport, language: Language) {
        self.report = report
        self.language = language
    }

    /// Text that Markdown shows as written: its markup characters escaped, hazards visible.
    static func escape(_ text: String, inTable: Bool = false) -> String {
        var out = ""
        for scalar in Sanitizer.visible(text, singleLine: inTable).unicodeScalars {
            switch scalar {
            case "\\", "*", "_", "`", "<", ">", "[", "]", "|", "#": out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = []) -> String {
        var out = "| " + header.map { ReportMarkdown.escape($0, inTable: true) }.joined(separator: " | ") + " |\n"
        out += "|" + header.indices.map { numeric.contains($0) ? "---:|" : "---|" }.joined() + "\n"
        for row in rows {
            out += "| " + row.map { ReportMarkdown.escape($0, inTable: true) }.joined(separator: " | ") + " |\n"
        }
        return out + "\n"
    }

    public func render() -> String {
        let words = ReportWords(language: language)
        let form = report.form
        var out = "# \(ReportMarkdown.escape(words.title))\n\n**\(ReportMarkdown.escape(form.title[language]))**\n\n"
        out += ReportMarkdown.escape(words.premises(form)) + "\n\n" + ReportMarkdown.escape(words.generated(report)) + "\n\n"
        out += "**" + ReportMarkdown.escape(words.missingLine(report.missing.map { $0.name(language) })) + "**\n\n"
        for (committee, why) in report.unreadable {
            out += "**" + ReportMarkdown.escape(words.unreadable(committee.name(language), why[language])) + "**\n\n"
        }
        out += "## \(ReportMarkdown.escape(words.statusHeading))\n\n"
        out += table(words.statusColumns, ReportRows.status(report, language), numeric: [2])
        out += ReportMarkdown.escape(report.status.summaryLine(language)) + "\n\n"
        for section in form.sections {
            out += "## \(section.number). \(ReportMarkdown.escape(section.title[language]))\n\n"
            let texts = report.texts(of: section)
            for (committee, text) in texts {
                out += "### \(ReportMarkdown.escape(committee.name(language)))\n\n"
                out += text.components(separatedBy: "\n\n").map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
                    .map { ReportMarkdown.escape($0).replacingOccurrences(of: "\n", with: "  \n") }.joined(separator: "\n\n") + "\n\n"
            }
            let silent = report.exports.map(\.committee).filter { c in !texts.contains { $0.committee.id == c.id } }
            if !silent.isEmpty { out += "*" + ReportMarkdown.escape(words.noText(silent.map { $0.name(language) })) + "*\n\n" }
        }
        out += "## \(ReportMarkdown.escape(words.investmentsHeading))\n\n"
        if report.investments.isEmpty {
            out += ReportMarkdown.escape(words.noInvestments) + "\n\n"
        } else {
            let header = [words.committee] + report.years.map(String.init) + [words.total]
            let numeric = Set(1..<header.count)
            func rows(_ sums: [SumRow]) -> [[String]] {
                (sums + [report.investmentTotal(language)]).map { [$0.label] + $0.amounts.map(ReportNumber.text) + [ReportNumber.text($0.total)] }
            }
            out += "### \(ReportMarkdown.escape(words.perCommittee))\n\n" + table(header, rows(report.investmentsByCommittee(language)), numeric: numeric)
            out += "### \(ReportMarkdown.escape(words.byDecision))\n\n" + table(header, rows(report.investmentsByDecision(language)), numeric: numeric)
            out += "### \(ReportMarkdown.escape(words.byPriority))\n\n" + table(header, rows(report.investmentsByPriority(language)), numeric: numeric)
            out += "### \(ReportMarkdown.escape(words.byCategory))\n\n" + table(header, rows(report.investmentsByCategory(language)), numeric: numeric)
            let objectHeader = words.objectColumns + report.years.map(String.init)
            out += "### \(ReportMarkdown.escape(words.objects))\n\n"
            out += table(objectHeader, ReportRows.objects(report, language), numeric: Set(words.objectColumns.count..<objectHeader.count))
        }
        out += "## \(ReportMarkdown.escape(words.risksHeading))\n\n"
        if report.risks.isEmpty {
            out += ReportMarkdown.escape(words.noRisks) + "\n\n"
        } else {
            out += "*" + ReportMarkdown.escape(words.matrixCaption) + "*\n\n"
            let likelihoods = report.riskLevels("likelihood", language)
            let consequences = report.riskLevels("consequence", language)
            let risks = report.risks
            var rows: [[String]] = []
            for consequence in consequences.reversed() {
                rows.append([consequence.label] + likelihoods.map { likelihood in
                    let numbers = risks.enumerated().filter { $0.element.likelihood == likelihood.id && $0.element.consequence == consequence.id }.map { "R\($0.offset + 1)" }
                    return numbers.isEmpty ? "0" : "\(numbers.count): " + numbers.prefix(24).joined(separator: " ") + (numbers.count > 24 ? " …" : "")
                })
            }
            out += table(["\(words.consequence) ↓ \(words.likelihood) →"] + likelihoods.map(\.label), rows)
            out += table(words.riskColumns, ReportRows.risks(report, language))
        }
        out += "## \(ReportMarkdown.escape(words.sensitivityHeading))\n\n"
        if report.sensitivity.isEmpty {
            out += ReportMarkdown.escape(words.noSensitivity) + "\n"
        } else {
            out += ReportMarkdown.escape(words.sensitivityNote) + "\n\n"
            let header = words.sensitivityColumns + report.years.map(String.init)
            out += table(header, ReportRows.sensitivity(report, language), numeric: Set(words.sensitivityColumns.count..<header.count))
        }
        return out
    }
}
