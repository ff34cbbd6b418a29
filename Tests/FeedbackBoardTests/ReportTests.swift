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
        let table = try #require(report.table(section: "investments", field: "investments"))
        let amounts = try #require(table.summedColumns.first)
        let sums = report.sums(table, column: amounts, .sv)
        var expected = Array(repeating: 0, count: form.planPeriod.yearCount)
        for entry in report.exports {
            guard case .object(let totals)? = JSONEdit.value(at: ["sections", "4", "tables", "investments", "totals", "amounts"], in: .object(entry.export.object)) else {
                Issue.record("no totals in \(entry.committee.id)"); continue
            }
            for (i, year) in form.planPeriod.years.enumerated() { expected[i] += totals[String(year)]?.intValue ?? 0 }
            let row = sums.rows.first { $0.label == entry.committee.name }
            #expect(row?.total == totals["total"]?.intValue)
        }
        #expect(sums.total.amounts == expected)
        let decision = try #require(table.columns.first { $0.id == "decision" })
        let decided = report.sums(table, column: amounts, by: decision, .sv)
        #expect(decided.map(\.label) == ["redan beslutad", "ny"])
        #expect(zip(decided[0].amounts, decided[1].amounts).map { $0 + $1 } == expected)
        let priority = report.sums(table, column: amounts, by: try #require(table.columns.first { $0.id == "priority" }), .sv)
        #expect(priority.count == 3)
        #expect(priority.reduce(0) { $0 + $1.total } == expected.reduce(0, +))
        // The sensitivity analysis says sum: false: nothing of it is added up.
        #expect(try #require(report.table(section: "economy", field: "sensitivity")).summedColumns.isEmpty)
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
        let risks = try #require(report.table(section: "economy", field: "risks"))
        #expect(risks.numberedRows.count == 9)
        // Every risk is in exactly one cell of the matrix, and the list beneath numbers them all.
        let matrix = try #require(report.matrix(risks))
        #expect(matrix.cells.flatMap { $0.flatMap { $0 } }.sorted() == Array(1...9))
        #expect(html.contains("Sannolikhet ↓ Konsekvens →"))
        #expect(html.contains("Risker och känslighet: alla rader, numrerade"))
        let english = ReportHTML(report: report, language: .en).render()
        #expect(english.contains("<html lang=\"en-GB\">"))
        #expect(english.contains("Missing (no accepted feedback)"))
    }

    @Test func theCSVIsOneLinePerCellAndYearForExcel() throws {
        let (_, report) = try round()
        let bytes = ReportCSV(report: report, language: .sv).render()
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == "Rubrik;Tabell;Nämnd-id;Nämnd;Rad;Kolumn;År;Värde;Revision;Dokument-id")
        let table = try #require(report.table(section: "investments", field: "investments"))
        let amountLines = lines.filter { $0.hasPrefix("5. Investeringar;Investeringar;") && $0.contains(";Belopp (tkr);") }
        #expect(amountLines.count == table.numberedRows.count * form.planPeriod.yearCount)
        let sum = amountLines.reduce(0) { $0 + (Int($1.split(separator: ";", omittingEmptySubsequences: false)[7]) ?? 0) }
        let amounts = try #require(table.summedColumns.first)
        #expect(sum == report.sums(table, column: amounts, .sv).total.total)
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
