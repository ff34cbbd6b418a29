import Foundation
import Testing
import TestSupport
import FeedbackModel
@testable import FeedbackBoard

/// The compiled report's numbers and forms.
@Suite struct ReportTests {
    let form = shippedForm()

    /// Six committees received, two missing; one refused.
    func round() throws -> (BoardTestInbox, RoundReport) {
        let box = try BoardTestInbox()
        for (index, committee) in form.committees.prefix(6).enumerated() {
            try box.drop(BoardSamples.export(BoardSamples.draft(form, committee: committee.id, index: index), form: form), as: "\(committee.id).json")
        }
        try box.drop(Array("{}".utf8), as: "trasig.json")
        _ = try box.receive()
        return (box, try RoundReport.load(box.inbox, now: SampleDrafts.now))
    }

    /// The sums agree with what each export says its totals are.
    @Test func investmentSumsAgreeWithTheExportsTotals() throws {
        let (_, report) = try round()
        #expect(report.exports.count == 6)
        #expect(report.missing.map(\.id) == ["ktn", "sn"])
        var expected = Array(repeating: 0, count: form.planPeriod.yearCount)
        for entry in report.exports {
            guard case .object(let totals)? = JSONEdit.value(at: ["sections", "4", "tables", "investments", "totals", "amounts"], in: .object(entry.export.object)) else {
                Issue.record("no totals in \(entry.committee.id)"); continue
            }
            for (i, year) in form.planPeriod.years.enumerated() { expected[i] += totals[String(year)]?.intValue ?? 0 }
            let row = report.investmentsByCommittee(.sv).first { $0.label == entry.committee.name }
            #expect(row?.total == totals["total"]?.intValue)
        }
        #expect(report.investmentTotal(.sv).amounts == expected)
        let decided = report.investmentsByDecision(.sv)
        #expect(decided.map(\.label) == ["redan beslutad", "ny"])
        #expect(zip(decided[0].amounts, decided[1].amounts).map { $0 + $1 } == expected)
        let priority = report.investmentsByPriority(.sv)
        #expect(priority.count == 3)
        #expect(priority.reduce(0) { $0 + $1.total } == expected.reduce(0, +))
    }

    /// An archived file changed after its receipt is left out, and the report says so.
    @Test func aChangedArchiveIsLeftOutAndNamed() throws {
        let (box, _) = try round()
        let status = try RoundStatus.load(box.inbox)
        let pn = try #require(status.committees.first { $0.committee.id == "pn" })
        let accepted = try box.inbox.acceptedExport(of: pn)
        #expect(accepted.draft.committeeID(in: form) == "pn")
        #expect(box.inbox.findings(of: accepted).filter { $0.severity == .error }.isEmpty)
        chmod(accepted.path, 0o644)
        var bytes = try FileStore.readLimited(path: accepted.path, limit: 1 << 22)
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: accepted.path))
        #expect(throws: BoardError.self) { try box.inbox.acceptedExport(of: pn) }
        let report = try RoundReport.load(box.inbox, now: SampleDrafts.now)
        #expect(report.exports.count == 5)
        #expect(report.unreadable.map(\.committee.id) == ["pn"])
        #expect(ReportHTML(report: report, language: .sv).render().contains("Utelämnad: Patientnämnden: arkivfilen"))
    }

    @Test func theHTMLIsSelfContainedAndHasEveryPart() throws {
        let (_, report) = try round()
        let html = ReportHTML(report: report, language: .sv).render()
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"))
        #expect(!html.contains("https://"))
        #expect(html.contains("<svg"))
        #expect(html.contains("@media print"))
        for committee in report.exports.map(\.committee) {
            #expect(html.contains("\(committee.name) om rubrik 3."), "\(committee.id)")
        }
        #expect(html.contains("Saknas (ingen godkänd återkoppling): Kollektivtrafiknämnden, Servicenämnden"))
        let risks = report.risks
        #expect(risks.count == 9)
        #expect(html.contains("R\(risks.count)"))
        // Every risk is in exactly one cell of the matrix.
        let levels = BoardSamples.levels
        var counted = 0
        for l in levels { for c in levels { counted += risks.filter { $0.likelihood == l && $0.consequence == c }.count } }
        #expect(counted == risks.count)
        let english = ReportHTML(report: report, language: .en).render()
        #expect(english.contains("<html lang=\"en\">"))
        #expect(english.contains("Missing (no accepted feedback)"))
    }

    @Test func textsBecomeEscapedParagraphs() {
        #expect(HTML.paragraphs("a & b\nc\n\n  \n<d> \"e\" 'f'\n") == "<p>a &amp; b<br>\nc</p>\n<p>&lt;d&gt; &quot;e&quot; &#39;f&#39;</p>\n")
        #expect(HTML.paragraphs("\n\n") == "")
        #expect(HTML.paragraphs("rå\u{1B}[2J") == "<p>rå^[[2J</p>\n")
        #expect(HTML.escape("x\ny") == "x\ny")
    }

    @Test func theChartHasOneBarPerYearAndAGroupForManyCommittees() {
        let years = [2028, 2029, 2030, 2031]
        let rows = (0..<20).map { SumRow(label: "Nämnd \($0)", amounts: [($0 + 1) * 100, 0, 50, 0]) }
        let chart = InvestmentChart(years: years, rows: rows, title: "t", othersLabel: "Övriga nämnder")
        #expect(chart.series.count == InvestmentChart.palette.count)
        #expect(chart.series.last?.label == "Övriga nämnder (9)")
        #expect(chart.series.reduce(0) { $0 + $1.amounts[0] } == rows.reduce(0) { $0 + $1.amounts[0] })
        let svg = chart.svg()
        #expect(svg.contains(">2028</text>"))
        #expect(svg.contains(">21\u{00A0}000</text>"))
        #expect(InvestmentChart.axisMaximum(21_000) == 50_000)
        #expect(InvestmentChart.axisMaximum(18_500) == 20_000)
        #expect(InvestmentChart.axisMaximum(0) == 1)
    }

    @Test func theCSVIsOneRowPerObjectAndYearForExcel() throws {
        let (_, report) = try round()
        let bytes = ReportCSV(report: report, language: .sv).render()
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + report.investments.count * form.planPeriod.yearCount)
        #expect(lines[0].hasPrefix("Nämnd-id;Nämnd;Objekt;Kategori;År;Belopp (tkr)"))
        #expect(ReportCSV.field("=SUMMA(A1)") == "'=SUMMA(A1)")
        #expect(ReportCSV.field("a;b") == "\"a;b\"")
        #expect(ReportCSV.field("säg \"hej\"") == "\"säg \"\"hej\"\"\"")
    }

    @Test func theDocxIsAWordPackage() throws {
        let (_, report) = try round()
        let bytes = try ReportDocx(report: report, language: .sv).render()
        #expect(Array(bytes.prefix(2)) == Array("PK".utf8))
        let markdown = ReportMarkdown(report: report, language: .sv).render()
        #expect(markdown.contains("## 3. Nämndens inriktning för kompetensförsörjning"))
        #expect(markdown.contains("Patientnämnden om rubrik 3."))
    }
}
