import Foundation
import Testing
import TestSupport
import FeedbackModel
import FeedbackDocuments
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
        #expect(lines[0] == "Rubrik;Tabell;Nämnd-id;Nämnd;Rad;Kolumn;År;Värde;Revision;Dokument-id;Status;Beslutad;I tid")
        #expect(lines.dropFirst().allSatisfy { $0.hasSuffix(";beslutad;ja;ja") })
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

    /// Six committees received, the first as a draft and the second ready for decision; one
    /// committee's latest hand-in refused (its content hash does not match).
    func mixedRound() throws -> (BoardTestInbox, RoundReport) {
        let box = try BoardTestInbox()
        let statuses = ["utkast", "klar-for-beslut", "beslutad", "beslutad", "beslutad", "beslutad"]
        for (index, committee) in form.committees.prefix(6).enumerated() {
            let draft = BoardSamples.draft(form, committee: committee.id, index: index, status: statuses[index])
            try box.drop(BoardSamples.export(draft, form: form), as: "\(committee.id).json")
        }
        let refused = form.committees[6]
        var bytes = BoardSamples.export(BoardSamples.draft(form, committee: refused.id, index: 6), form: form)
        let marker = Array("objekt 1".utf8)
        if let at = (0..<(bytes.count - marker.count)).first(where: { Array(bytes[$0..<$0 + marker.count]) == marker }) { bytes[at] = UInt8(ascii: "O") }
        try box.drop(bytes, as: "\(refused.id).json")
        _ = try box.receive()
        return (box, try RoundReport.load(box.inbox, now: SampleDrafts.now))
    }

    /// The headline counts what is true; it never says every committee has answered while
    /// some answers are undecided.
    @Test func theHeadlineCountsDecidedUndecidedRefusedAndMissing() throws {
        let (_, report) = try mixedRound()
        let headline = report.headline
        #expect(headline == RoundReport.Headline(committees: 8, decided: 4, undecided: 2, late: 0, refused: 1, missing: 1, changed: 0))
        let html = ReportHTML(report: report, language: .sv).render()
        #expect(!html.contains("Alla nämnder på formulärets lista"))
        #expect(html.contains("8 nämnder: 4 med status beslutad, 2 godkända men inte beslutad, 0 sena, 1 avvisad, 1 saknas."))
        // Only a round where every committee's answer is decided and on time says so.
        let complete = try BoardTestInbox()
        for (index, committee) in form.committees.enumerated() {
            try complete.drop(BoardSamples.export(BoardSamples.draft(form, committee: committee.id, index: index), form: form), as: "\(committee.id).json")
        }
        _ = try complete.receive()
        let full = try RoundReport.load(complete.inbox, now: SampleDrafts.now)
        #expect(full.headline.isComplete)
        #expect(ReportHTML(report: full, language: .sv).render().contains("Alla nämnder på formulärets lista har en godkänd återkoppling med status beslutad, inlämnad i tid."))
        #expect(ReportHTML(report: report, language: .en).render().contains("8 committees: 4 with the status decided, 2 accepted but not decided"))
    }

    /// Every heading above an undecided answer's text or rows carries its status, and the
    /// sums have a decided-only total beside the total of all answers.
    @Test func undecidedAnswersAreMarkedWhereverTheyAppear() throws {
        let (_, report) = try mixedRound()
        let draft = form.committees[0].name, ready = form.committees[1].name
        let markdown = ReportMarkdown(report: report, language: .sv).render()
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("#") }
        let draftHeadings = headings.filter { $0.contains(draft) }
        #expect(draftHeadings.count >= form.sections.count)
        #expect(draftHeadings.allSatisfy { $0.contains("\(draft) (utkast)") }, "\(draftHeadings)")
        #expect(headings.filter { $0.contains(ready) }.allSatisfy { $0.contains("\(ready) (klar för beslut)") })
        #expect(!headings.contains { $0.contains(form.committees[2].name + " (") })
        let table = try #require(report.table(section: "investments", field: "investments"))
        let amounts = try #require(table.summedColumns.first)
        let sums = report.sums(table, column: amounts, .sv)
        #expect(sums.rows.map(\.label).contains("\(draft) (utkast)"))
        let decided = report.decidedSums(table, column: amounts)
        let undecided = sums.rows.filter { $0.label.contains("(") }.reduce(0) { $0 + $1.total }
        #expect(decided.reduce(0, +) == sums.total.total - undecided)
        #expect(undecided > 0)
        #expect(markdown.contains("Summa, endast beslutad** | " + decided.map { ReportNumber.text($0) }.joined(separator: " | ")))
        #expect(markdown.contains("Summa, alla svar"))
        let csv = String(decoding: ReportCSV(report: report, language: .sv).render().dropFirst(3), as: UTF8.self)
        let draftLines = csv.components(separatedBy: "\r\n").filter { $0.contains(";\(form.committees[0].id);") }
        #expect(!draftLines.isEmpty)
        #expect(draftLines.allSatisfy { $0.hasSuffix(";utkast;nej;ja") })
    }

    /// A long refusal reason is shortened in the status table with a note number and given
    /// in full in the appendix.
    @Test func longRefusalReasonsAreShortenedWithANote() throws {
        let (_, report) = try mixedRound()
        let state = try #require(report.status.committees.first { $0.committee.id == form.committees[6].id })
        let reason = try #require(state.latestRefusal?.reasons.first?.message[.sv])
        let status = ReportRows.status(report, .sv)
        let row = try #require(status.rows.first { $0[0] == form.committees[6].name })
        #expect(row.allSatisfy { $0.count <= ReportRows.reasonLimit + 6 })
        #expect(reason.count > ReportRows.reasonLimit, "\(reason)")
        if reason.count > ReportRows.reasonLimit {
            #expect(status.notes == [reason])
            #expect(row.contains { $0.hasSuffix("… [1]") })
            #expect(ReportDocument.make(report, language: .sv).blocks.contains(.text("[1] \(reason)")))
        } else {
            #expect(status.notes.isEmpty)
        }
        // The workbook keeps the reason whole.
        #expect(ReportRows.status(report, .sv, shorten: false).rows.contains { $0.contains(reason) })
    }

    /// A changed archive file is flagged in its status row, not shown as received.
    @Test func aChangedArchiveIsFlaggedInTheStatusRow() throws {
        let (box, _) = try round()
        let status = try RoundStatus.load(box.inbox)
        let pn = try #require(status.committees.first { $0.committee.id == "pn" })
        let accepted = try box.inbox.acceptedExport(of: pn)
        chmod(accepted.path, 0o644)
        var bytes = try FileStore.readLimited(path: accepted.path, limit: 1 << 22)
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: accepted.path))
        let report = try RoundReport.load(box.inbox, now: SampleDrafts.now)
        let row = try #require(ReportRows.status(report, .sv).rows.first { $0[0].hasPrefix("Patientnämnden") })
        #expect(row[1] == "arkivfil ändrad, räknas som saknad")
        #expect(report.headline.changed == 1)
        #expect(!ReportHTML(report: report, language: .sv).render().contains("Alla nämnder"))
        // `board status` and the overview list say it too, and the round is not complete.
        let changed = try RoundStatus.load(box.inbox)
        let state = try #require(changed.committees.first { $0.committee.id == "pn" })
        #expect(!state.isDecided)
        #expect(changed.line(for: state, language: .sv).hasPrefix("ÄNDRAD: arkivfilen "))
        #expect(changed.line(for: state, language: .sv).contains("har ändrats sedan kvittensen, räknas som saknad"))
        #expect(!changed.isComplete)
    }

    static let canPrint: Bool = {
        guard isInstalled("chromium"), isInstalled("python3"),
              let result = try? run("/usr/bin/env", ["python3", "-c", "import pdfplumber"]) else { return false }
        return result.status == 0
    }()

    /// Chromium prints the HTML report on A4: every column header of the status table is on
    /// the page and no word lies past the page's right edge, even with a long refusal reason.
    @Test(.enabled(if: ReportTests.canPrint)) func theStatusTableFitsAnA4PageWhenPrinted() throws {
        let (_, report) = try mixedRound()
        let folder = TemporaryFolder()
        try folder.write("report.html", ReportHTML(report: report, language: .sv).render())
        let pdf = folder.file("report.pdf")
        let printed = try run("/usr/bin/env", ["timeout", "120", "chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                               "--no-pdf-header-footer", "--user-data-dir=" + folder.file("profile"),
                                               "--print-to-pdf=" + pdf, "file://" + folder.file("report.html")])
        #expect(FileManager.default.fileExists(atPath: pdf), "\(printed.stderr)")
        let script = """
        import json, sys, pdfplumber
        pages = []
        with pdfplumber.open(sys.argv[1]) as pdf:
            for page in pdf.pages:
                words = page.extract_words(use_text_flow=True)
                pages.append({"width": float(page.width), "text": [w["text"] for w in words],
                              "beyond": [w["text"] for w in words if float(w["x1"]) > float(page.width) + 0.5]})
        print(json.dumps(pages, ensure_ascii=False))
        """
        let read = try run("/usr/bin/env", ["python3", "-c", script, pdf])
        #expect(read.status == 0, "\(read.stderr)")
        guard case .array(let pages)? = try? JSONParser.parse(Array(read.stdout.utf8)), !pages.isEmpty else {
            Issue.record("pdfplumber read no pages: \(read.stdout.prefix(200))"); return
        }
        var words: [String] = []
        for case .object(let page) in pages {
            if case .array(let texts)? = page["text"] { words += texts.compactMap { if case .string(let t) = $0 { return t } else { return nil } } }
            if case .array(let beyond)? = page["beyond"] { #expect(beyond.isEmpty, "words past the right edge: \(beyond.prefix(10))") }
        }
        // The grand total once at the end of each table of sums, never repeated per page.
        let sumTables = ReportDocument.make(report, language: .sv).blocks.filter { block in
            if case .table(let table) = block { return table.totals?.first == "Summa, alla svar" } else { return false }
        }.count
        let printedTotals = words.indices.dropLast(2).filter { words[$0] == "Summa," && words[$0 + 1] == "alla" && words[$0 + 2] == "svar" }.count
        #expect(sumTables > 0)
        #expect(printedTotals == sumTables, "\(printedTotals) totals printed for \(sumTables) tables")
        // A header may wrap inside its cell: each of its words must be printed whole.
        let printedWords = Set(words)
        for header in ReportWords(language: .sv).statusColumns {
            for word in header.split(separator: " ") {
                #expect(printedWords.contains(String(word)), "\(word) of \(header) is not on the printed page")
            }
        }
    }
}
