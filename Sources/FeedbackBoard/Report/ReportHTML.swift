import Foundation
import FeedbackModel

/// Escaping for HTML and SVG text; hazardous characters are shown visibly, never sent raw.
/// Works on UTF-8 bytes: a round's texts run to tens of megabytes.
enum HTML {
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped; line feeds become `<br>` when `breaks` is set.
    static func append(_ text: String, to out: inout [UInt8], breaks: Bool = false) {
        let safe = Sanitizer.visible(text, singleLine: false)
        out.reserveCapacity(out.count + safe.utf8.count + 16)
        var copy = safe
        copy.withUTF8 { appendEscaped($0, to: &out, breaks: breaks) }
    }

    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], breaks: Bool) {
        var runStart = 0
        func flush(_ end: Int) {
            if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
        }
        for i in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[i] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            case 0x0A where breaks: replacement = "<br>\n"
            default: continue
            }
            flush(i)
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            runStart = i + 1
        }
        flush(bytes.count)
    }

    /// A committee's text as paragraphs: blank lines part paragraphs, single line breaks are
    /// kept, blank lines at the ends dropped. Works on the UTF-8 bytes in one pass.
    static func appendParagraphs(_ text: String, to out: inout [UInt8]) {
        var safe = Sanitizer.visible(text, singleLine: false)
        safe.withUTF8 { bytes in
            var paragraphStart: Int?
            var paragraphEnd = 0
            var lineStart = 0
            func isBlank(_ range: Range<Int>) -> Bool {
                for i in range where bytes[i] != 0x20 && bytes[i] != 0x09 && bytes[i] != 0x0D { return false }
                return true
            }
            func flush() {
                guard let start = paragraphStart else { return }
                out.append(contentsOf: "<p>".utf8)
                appendEscaped(UnsafeBufferPointer(rebasing: bytes[start..<paragraphEnd]), to: &out, breaks: true)
                out.append(contentsOf: "</p>\n".utf8)
                paragraphStart = nil
            }
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                if isBlank(lineStart..<i) {
                    flush()
                } else {
                    if paragraphStart == nil { paragraphStart = lineStart }
                    paragraphEnd = i
                }
                lineStart = i + 1
            }
            flush()
        }
    }

    static func paragraphs(_ text: String) -> String {
        var out: [UInt8] = []
        appendParagraphs(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// The compiled report as one self-contained, printable HTML file: inline styles, the chart
/// as inline SVG, no scripts, nothing fetched.
public struct ReportHTML: Sendable {
    public let report: RoundReport
    public let language: Language

    public init(report: RoundReport, language: Language) {
        self.report = report
        self.language = language
    }

    var words: ReportWords { ReportWords(language: language) }

    public func render() -> String {
        String(decoding: renderBytes(), as: UTF8.self)
    }

    /// The HTML as UTF-8 bytes (what is written to the file).
    public func renderBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(report.exports.count * 80_000 + 64_000)
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        let form = report.form
        add("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n")
        add("<meta name=\"generator\" content=\"feedback \(Exporter.generatorVersion)\">\n")
        add("<title>\(HTML.escape(words.title)): \(HTML.escape(form.title[language]))</title>\n")
        add("<style>\n\(ReportHTML.style)</style>\n</head>\n<body>\n")
        add("<header>\n<h1>\(HTML.escape(words.title))</h1>\n<p class=\"lead\">\(HTML.escape(form.title[language]))</p>\n")
        add("<p>\(HTML.escape(words.premises(form)))</p>\n<p class=\"muted\">\(HTML.escape(words.generated(report)))</p>\n")
        add("<p class=\"missing\">\(HTML.escape(words.missingLine(report.missing.map { $0.name(language) })))</p>\n")
        for (committee, why) in report.unreadable {
            add("<p class=\"missing\">\(HTML.escape(words.unreadable(committee.name(language), why[language])))</p>\n")
        }
        add("</header>\n")
        add(statusSection())
        for section in form.sections { headingSection(section, into: &out) }
        add(investmentSection())
        add(riskSection())
        add(sensitivitySection())
        add("</body>\n</html>\n")
        return out
    }

    func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], footer: [String]? = nil, caption: String? = nil,
               nowrap: Set<Int> = []) -> String {
        func cell(_ index: Int) -> String {
            let classes = (numeric.contains(index) ? ["num"] : []) + (nowrap.contains(index) ? ["nowrap"] : [])
            return classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        }
        var out = "<table>\n"
        if let caption { out += "<caption>\(HTML.escape(caption))</caption>\n" }
        out += "<thead><tr>" + header.enumerated().map { "<th\($0.offset > 0 && numeric.contains($0.offset) ? " class=\"num\"" : "")>\(HTML.escape($0.element))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { "<td\(cell($0.offset))>\(HTML.escape($0.element))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n"
        if let footer {
            out += "<tfoot><tr>" + footer.enumerated().map { "<td\(numeric.contains($0.offset) ? " class=\"num\"" : "")>\(HTML.escape($0.element))</td>" }.joined() + "</tr></tfoot>\n"
        }
        return out + "</table>\n"
    }

    func statusSection() -> String {
        let rows = ReportRows.status(report, language)
        let handOver: String = report.status.handOverLines(language: language).map { (line: String) -> String in "<p>" + HTML.escape(line) + "</p>\n" }.joined()
        return "<section id=\"status\">\n<h2>\(HTML.escape(words.statusHeading))</h2>\n"
            + table(words.statusColumns, rows, numeric: [2], nowrap: [3])
            + "<p>\(HTML.escape(report.status.summaryLine(language)))</p>\n"
            + handOver + "</section>\n"
    }

    func headingSection(_ section: SectionDefinition, into out: inout [UInt8]) {
        out.append(contentsOf: "<section class=\"heading\" id=\"\(HTML.escape(section.id))\">\n<h2>\(section.number). \(HTML.escape(section.title[language]))</h2>\n".utf8)
        let texts = report.texts(of: section)
        // Each committee's article on its own core: a heading across 300 committees is
        // megabytes of text to escape.
        let language = self.language
        let articles = ParallelMap.map(texts.map { ($0.committee.name(language), $0.text) }) { name, text -> [UInt8] in
            var body: [UInt8] = []
            body.reserveCapacity(text.utf8.count + 256)
            body.append(contentsOf: "<article>\n<h3>".utf8)
            HTML.append(name, to: &body)
            body.append(contentsOf: "</h3>\n".utf8)
            HTML.appendParagraphs(text, to: &body)
            body.append(contentsOf: "</article>\n".utf8)
            return body
        }
        out.reserveCapacity(out.count + articles.reduce(0) { $0 + $1.count })
        for article in articles { out.append(contentsOf: article) }
        let silent = report.exports.map(\.committee).filter { c in !texts.contains { $0.committee.id == c.id } }
        if !silent.isEmpty { out.append(contentsOf: "<p class=\"muted\">\(HTML.escape(words.noText(silent.map { $0.name(language) })))</p>\n".utf8) }
        if !report.missing.isEmpty {
            out.append(contentsOf: "<p class=\"missing\">\(HTML.escape(words.missingLine(report.missing.map { $0.name(language) })))</p>\n".utf8)
        }
        out.append(contentsOf: "</section>\n".utf8)
    }

    func sumTable(_ rows: [SumRow], total: SumRow?, caption: String, first: String) -> String {
        let header = [first] + report.years.map(String.init) + [words.total]
        let numeric = Set(1...(report.years.count + 1))
        let body = rows.map { [$0.label] + $0.amounts.map(ReportNumber.text) + [ReportNumber.text($0.total)] }
        let footer = total.map { [$0.label] + $0.amounts.map(ReportNumber.text) + [ReportNumber.text($0.total)] }
        return table(header, body, numeric: numeric, footer: footer, caption: caption)
    }

    func investmentSection() -> String {
        var out = "<section id=\"investments\">\n<h2>\(HTML.escape(words.investmentsHeading))</h2>\n"
        let lines = report.investments
        guard !lines.isEmpty else { return out + "<p>\(HTML.escape(words.noInvestments))</p>\n</section>\n" }
        let byCommittee = report.investmentsByCommittee(language)
        out += "<figure>\n" + InvestmentChart(years: report.years, rows: byCommittee, title: words.chartTitle, othersLabel: words.others).svg() + "</figure>\n"
        let total = report.investmentTotal(language)
        out += sumTable(byCommittee, total: total, caption: words.perCommittee, first: words.committee)
        out += sumTable(report.investmentsByDecision(language), total: total, caption: words.byDecision, first: words.decision)
        out += sumTable(report.investmentsByPriority(language), total: total, caption: words.byPriority, first: words.priority)
        out += sumTable(report.investmentsByCategory(language), total: total, caption: words.byCategory, first: words.category)
        let header = words.objectColumns + report.years.map(String.init)
        let numeric = Set(words.objectColumns.count..<(words.objectColumns.count + report.years.count))
        out += table(header, ReportRows.objects(report, language), numeric: numeric, caption: words.objects)
        return out + "</section>\n"
    }

    func riskSection() -> String {
        var out = "<section id=\"risks\">\n<h2>\(HTML.escape(words.risksHeading))</h2>\n"
        let risks = report.risks
        guard !risks.isEmpty else { return out + "<p>\(HTML.escape(words.noRisks))</p>\n</section>\n" }
        let likelihoods = report.riskLevels("likelihood", language)
        let consequences = report.riskLevels("consequence", language)
        out += "<table class=\"matrix\">\n<caption>\(HTML.escape(words.matrixCaption))</caption>\n"
        out += "<thead><tr><th>\(HTML.escape(words.consequence)) ↓ \(HTML.escape(words.likelihood)) →</th>"
        out += likelihoods.map { "<th>\(HTML.escape($0.label))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (ci, consequence) in consequences.enumerated().reversed() {
            out += "<tr><th>\(HTML.escape(consequence.label))</th>"
            for (li, likelihood) in likelihoods.enumerated() {
                let numbers = risks.enumerated().filter { $0.element.likelihood == likelihood.id && $0.element.consequence == consequence.id }.map { "R\($0.offset + 1)" }
                let level = ci + li >= 3 ? "high" : (ci + li == 2 ? "mid" : "low")
                let shown = numbers.count > 24 ? numbers.prefix(24).joined(separator: " ") + " …" : numbers.joined(separator: " ")
                out += "<td class=\"\(level)\"><strong>\(numbers.count)</strong><br><span class=\"refs\">\(HTML.escape(shown))</span></td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += table(words.riskColumns, ReportRows.risks(report, language))
        return out + "</section>\n"
    }

    func sensitivitySection() -> String {
        var out = "<section id=\"sensitivity\">\n<h2>\(HTML.escape(words.sensitivityHeading))</h2>\n"
        let lines = report.sensitivity
        guard !lines.isEmpty else { return out + "<p>\(HTML.escape(words.noSensitivity))</p>\n</section>\n" }
        out += "<p>\(HTML.escape(words.sensitivityNote))</p>\n"
        let header = words.sensitivityColumns + report.years.map(String.init)
        let numeric = Set(words.sensitivityColumns.count..<header.count)
        out += table(header, ReportRows.sensitivity(report, language), numeric: numeric)
        return out + "</section>\n"
    }

    static let style = """
    body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; max-width: 60em; margin: 2em auto; padding: 0 1em; }
    h1 { font-size: 20pt; margin-bottom: 0.2em; }
    h2 { font-size: 15pt; border-bottom: 2px solid #0072B2; padding-bottom: 0.15em; margin-top: 1.6em; }
    h3 { font-size: 11.5pt; margin: 1.1em 0 0.3em; }
    .lead { font-size: 13pt; margin-top: 0; }
    .muted { color: #555; }
    .missing { color: #8a1c1c; font-weight: bold; }
    table { border-collapse: collapse; margin: 0.8em 0 1.4em; width: 100%; font-size: 9.5pt; }
    caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
    th, td { border: 1px solid #999; padding: 0.25em 0.45em; vertical-align: top; text-align: left; }
    thead th { background: #e8eef5; }
    tfoot td { font-weight: bold; background: #f3f3f3; }
    .nowrap { white-space: nowrap; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    table.matrix { width: auto; }
    table.matrix td { width: 9em; height: 4.5em; text-align: center; }
    td.low { background: #dff0d8; } td.mid { background: #fcf3cf; } td.high { background: #f8d7da; }
    .refs { font-size: 8.5pt; }
    figure { margin: 1em 0; }
    svg.chart { max-width: 100%; height: auto; font-family: inherit; }
    article { margin-bottom: 1em; }
    @page { size: A4; margin: 18mm 16mm; }
    @media print {
      body { margin: 0; max-width: none; font-size: 10pt; }
      section.heading, #investments, #risks, #sensitivity { break-before: page; }
      h2, h3 { break-after: avoid; }
      tr, figure, table.matrix { break-inside: avoid; }
      thead { display: table-header-group; }
    }

    """
}
