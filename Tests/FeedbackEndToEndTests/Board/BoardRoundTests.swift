import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// A whole planning round with the built binary: `board init`, eight committees handing in
/// (some late, one tampered, one of another form, an older revision after a newer, one
/// invalid), `receive`, every receipt verified, `status` and its exit code, and the report
/// in every format, read back by the programs board staff would open it with.
@Suite(.serialized) struct BoardRoundTests {
    let round = BoardRound()
    var form: FormDefinition { round.form }

    func draft(_ committee: String, index: Int, revision: Int, status: String = "beslutad") -> Draft {
        BoardSamples.draft(form, committee: committee, index: index, revision: revision, status: status)
    }

    func submit(_ draft: Draft, name: String, now: String) throws -> RunResult {
        let path = try round.writeDraft(draft, name: name)
        return try feedback(["submit", path, "--inbox", round.inbox], environment: round.environment(now: now))
    }

    func receive(now: String) throws -> RunResult {
        try feedback(["board", "receive", round.inbox], environment: round.environment(now: now))
    }

    @Test func aWholeRound() throws {
        // Half a minute into the minute, so the seconds a phase takes never cross into the next.
        let onTime = "2027-04-14T08:00:30Z", late = "2027-04-19T09:00:30Z", fixed = "2027-04-20T09:00:30Z"
        let created = try feedback(["board", "init", round.inbox], environment: round.environment(now: onTime))
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Inkorg skapad"))
        #expect(try feedback(["board", "init", round.inbox]).status == 2)

        // Phase 1, before the deadline: five committees hand in.
        for (index, committee) in ["rs", "hsn", "run", "pn", "kn"].enumerated() {
            let revision = committee == "hsn" ? 7 : 3
            let result = try submit(draft(committee, index: index, revision: revision, status: committee == "pn" ? "klar-for-beslut" : "beslutad"),
                                    name: "\(committee).json", now: onTime)
            #expect(result.status == 0, "\(committee): \(result.stderr)")
            #expect(result.stdout.contains("Inlämnad: \(round.inbox)/incoming/pf-aterkoppling-2028_\(committee)_r\(revision)-"))
            #expect(result.stdout.contains("Kvittensen kommer i \(round.inbox)/receipts/"))
        }
        // An invalid draft is not handed in at all …
        var invalid = draft("ktn", index: 6, revision: 2)
        invalid.metadata["contactEmail"] = .text("inte en adress")
        let refusedSubmit = try submit(invalid, name: "ktn.json", now: onTime)
        #expect(refusedSubmit.status == 1)
        #expect(refusedSubmit.stderr.contains("lämnades inte in"))
        // … but a hand-made export with the same error, e-mailed and dropped in, is refused on receipt.
        let ktnExport = BoardSamples.export(draft("ktn", index: 6, revision: 2), form: form)
        try round.drop(BoardSamples.rehashed(ktnExport) { JSONEdit.set(.string("inte en adress"), at: ["metadata", "contactEmail"], in: &$0) },
                       as: "ktn-epost.json")
        // A tampered export: a text changed after export.
        let tnExport = String(decoding: BoardSamples.export(draft("tn", index: 5, revision: 3), form: form), as: UTF8.self)
        try round.drop(Array(tnExport.replacingOccurrences(of: "om rubrik 4.", with: "om rubrik 4 (ändrad i efterhand).").utf8), as: "tn.json")
        // An export of another form (next year's, written by an up-to-date program).
        let formsFolder = round.folder.file("forms")
        try FileManager.default.createDirectory(atPath: formsFolder, withIntermediateDirectories: true)
        let yaml = EmbeddedForms.files[0].1.replacingOccurrences(of: "id: pf-aterkoppling-2028\n", with: "id: pf-aterkoppling-2029\n")
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: formsFolder + "/pf-aterkoppling-2029.yaml"))
        var nextYear = draft("sn", index: 7, revision: 1)
        nextYear.formID = "pf-aterkoppling-2029"
        let nextYearPath = round.folder.file("sn-2029.json")
        try Data(DraftCodec.encode(nextYear, form: try #require(FormCatalog.load(folder: formsFolder).latest(id: "pf-aterkoppling-2029")))).write(to: URL(fileURLWithPath: nextYearPath))
        let wrongInbox = try feedback(["submit", nextYearPath, "--inbox", round.inbox, "--forms", formsFolder], environment: round.environment(now: onTime))
        #expect(wrongInbox.status == 2)
        #expect(wrongInbox.stderr.contains("inkorgen tar emot formuläret pf-aterkoppling-2028 version 1"))
        let exported = try feedback(["export", nextYearPath, "--forms", formsFolder, "--out", round.folder.file("out")])
        #expect(exported.status == 0, "\(exported.stderr)")
        try round.drop(try FileStore.readLimited(path: round.folder.file("out/pf-aterkoppling-2029_sn_r1.json"), limit: 1 << 22), as: "sn-2029.json")
        #expect(round.files("incoming").count == 8)

        let first = try receive(now: onTime)
        #expect(first.status == 1, "\(first.stdout) \(first.stderr)")
        #expect(first.stdout.contains("godkänd  hsn r7"))
        #expect(first.stdout.contains("8 mottagna: 5 godkända, 3 avvisade."))
        #expect(first.stdout.contains("Kontaktpersonens e-post"))
        #expect(first.stdout.contains("innehållets SHA-256"))
        #expect(first.stdout.contains("exporten hör till formuläret pf-aterkoppling-2029 version 1"))
        #expect(round.files("incoming").isEmpty)
        #expect(round.files("accepted").count == 5)

        // Phase 2, after the deadline: an older revision after the newer one, and a late committee.
        #expect(try submit(draft("hsn", index: 1, revision: 5), name: "hsn-old.json", now: late).status == 0)
        #expect(try submit(draft("sn", index: 7, revision: 2), name: "sn.json", now: late).status == 0)
        let second = try receive(now: late)
        #expect(second.status == 1)
        #expect(second.stdout.contains("revision 5 är inte nyare än den redan godkända revision 7"))
        #expect(second.stdout.contains("godkänd  sn r2"))
        #expect(second.stdout.contains("sen, av"))

        let status = try feedback(["board", "status", round.inbox], environment: round.environment(now: late))
        #expect(status.status == 1)
        let lines = status.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 10, "\(status.stdout)")
        func line(_ id: String) -> String { lines.first { $0.hasPrefix("  \(id) ") } ?? "" }
        #expect(line("hsn").contains("mottagen r7 2027-04-14 10:00, i tid, beslutad, 6 av 6 rubriker utan fel"))
        #expect(line("hsn").contains("senare inlämning avvisad 2027-04-19 11:00: revision 5"))
        #expect(line("pn").contains("klar för beslut"))
        #expect(line("sn").contains("mottagen r2 2027-04-19 11:00, sen, beslutad"))
        #expect(line("ktn").contains("avvisad 2027-04-14 10:00: Uppgifter: Kontaktpersonens e-post: Det ser inte ut som en e-postadress"))
        #expect(line("tn").contains("avvisad 2027-04-14 10:00: innehållets SHA-256"))
        #expect(status.stdout.contains("8 nämnder: 6 mottagna (5 beslutad), 2 avvisade, 0 saknas; 1 sena; 0 filer väntar i incoming/."))
        // The export of another form names a committee of this form: it is counted there.
        #expect(!status.stdout.contains("hör inte till någon nämnd"))
        let json = try feedback(["board", "status", "--format", "json", round.inbox], environment: round.environment(now: late))
        #expect(json.status == 1)
        let parsed = try JSONParser.parse(json.stdoutBytes)
        #expect(parsed.objectValue?["complete"] == .bool(false))
        let summary = try #require(parsed.objectValue?["summary"]?.objectValue)
        #expect(summary["received"] == .integer(6))
        #expect(summary["late"] == .integer(1))
        let english = try feedback(["board", "status", "--lang", "en", round.inbox], environment: round.environment(now: late))
        #expect(english.stdout.contains("received r7 2027-04-14 10:00, on time, decided, 6 of 6 headings without findings"))

        // Phase 3: the refused committees hand in again, the undecided one decides.
        #expect(try submit(draft("ktn", index: 6, revision: 3), name: "ktn-ok.json", now: fixed).status == 0)
        #expect(try submit(draft("tn", index: 5, revision: 4), name: "tn-ok.json", now: fixed).status == 0)
        #expect(try submit(draft("pn", index: 3, revision: 4), name: "pn-beslut.json", now: fixed).status == 0)
        let third = try receive(now: fixed)
        #expect(third.status == 0, "\(third.stdout)")
        let complete = try feedback(["board", "status", round.inbox], environment: round.environment(now: fixed))
        #expect(complete.status == 0, "\(complete.stdout)")
        #expect(complete.stdout.contains("Omgången är klar"))
        // `feedback board DIR` gives the same overview.
        let overview = try feedback(["board", round.inbox], environment: round.environment(now: fixed))
        #expect(overview.status == 0)
        #expect(overview.stdout == complete.stdout)

        try verifyEveryReceipt()
        try checkTheSecretarysView()
        try checkTheReports()
    }

    /// Every receipt verifies, matches its archived file, and fails with one byte changed.
    func verifyEveryReceipt() throws {
        let receipts = round.files("receipts")
        #expect(receipts.count == 13)
        var accepted = 0
        for name in receipts {
            let path = round.inbox + "/receipts/" + name
            // The board's own key, pinned with --key; the key merely beside the receipt is not trusted.
            let verified = try feedback(["receipt", "verify", path, "--key", round.inbox + "/receipt-key.pub"])
            #expect(verified.status == 0, "\(name): \(verified.stdout)")
            #expect(try feedback(["receipt", "verify", path]).status == 3)
            #expect(verified.stdout.contains("giltig, signerad med styrelsens nyckel"))
            let receipt = try JSONParser.parse(try FileStore.readLimited(path: path, limit: 1 << 20))
            guard let archived = receipt.objectValue?["archivedAs"]?.stringValue else { continue }
            let matched = try feedback(["receipt", "verify", path, "--export", round.inbox + "/" + archived, "--key", round.inbox + "/receipt-key.pub"])
            #expect(matched.status == 0, "\(name): \(matched.stdout)")
            if receipt.objectValue?["decision"] == .string("accepted") { accepted += 1 }
        }
        #expect(accepted == 9)
        // One flipped byte in a receipt, and one in an export, both fail.
        let name = try #require(receipts.first)
        var bytes = try FileStore.readLimited(path: round.inbox + "/receipts/" + name, limit: 1 << 20)
        bytes[bytes.count / 2] ^= 0x01
        try round.folder.write(bytes: bytes, "flipped.json")
        let flipped = try feedback(["receipt", "verify", round.folder.file("flipped.json"), "--key", round.inbox + "/receipt-key.pub"])
        #expect(flipped.status == 1)
        #expect(flipped.stdout.contains("INTE giltig"))
        let receipt = try JSONParser.parse(try FileStore.readLimited(path: round.inbox + "/receipts/" + name, limit: 1 << 20))
        let archived = try #require(receipt.objectValue?["archivedAs"]?.stringValue)
        var export = try FileStore.readLimited(path: round.inbox + "/" + archived, limit: 1 << 22)
        export[export.count / 3] ^= 0x20
        try round.folder.write(bytes: export, "changed-export.json")
        let mismatch = try feedback(["receipt", "verify", round.inbox + "/receipts/" + name, "--export", round.folder.file("changed-export.json")])
        #expect(mismatch.status == 1)
        #expect(mismatch.stdout.contains("exportfilen är inte den som lämnades in"))
        let missingKey = try feedback(["receipt", "verify", round.folder.file("flipped.json")])
        #expect(missingKey.status == 2)
    }

    /// What the secretaries see of their hand-ins.
    func checkTheSecretarysView() throws {
        let list = try feedback(["receipt", "list"], environment: round.environment(now: "2027-04-20T10:00:30Z"))
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 10, "\(list.stdout)")
        #expect(lines.contains { $0.hasPrefix("hsn r7  kvitterad 2027-04-14 10:00") })
        #expect(lines.contains { $0.hasPrefix("hsn r5  avvisad 2027-04-19 11:00: revision 5 är inte nyare") })
        #expect(lines.contains { $0.hasPrefix("sn r2  kvitterad 2027-04-19 11:00 (efter sista dagen)") })
    }

    func checkTheReports() throws {
        let env = round.environment(now: "2027-04-20T10:00:30Z")
        for format in ["html", "docx", "md", "csv", "xlsx"] {
            let result = try feedback(["board", "report", round.inbox, "--format", format, "-o", round.folder.file("sammanstallning.\(format)")], environment: env)
            #expect(result.status == 0, "\(format): \(result.stderr)")
        }
        let markdown = try round.folder.read("sammanstallning.md")
        #expect(markdown.contains("## 3. Nämndens inriktning för kompetensförsörjning"))
        // Four committees handed in late: the headline counts them, never "every committee".
        #expect(markdown.contains("**8 nämnder: 8 med status beslutad, 0 godkända men inte beslutad, 4 sena, 0 avvisade, 0 saknas.**"))
        #expect(!markdown.contains("Alla nämnder på formulärets lista"))
        let toStdout = try feedback(["board", "report", round.inbox, "--format", "md"], environment: env)
        #expect(toStdout.stdout == markdown)
        #expect(try feedback(["board", "report", round.inbox, "--format", "docx"], environment: env).status == 2)
        #expect(try feedback(["board", "report", round.inbox, "--format", "xlsx"], environment: env).status == 2)
        // -o - is standard output for every format, and no file named "-" is made.
        let dash = try feedback(["board", "report", round.inbox, "--format", "md", "-o", "-"], in: round.folder.path, environment: env)
        #expect(dash.status == 0 && dash.stdout == markdown)
        for format in ["docx", "xlsx"] {
            let binary = try feedback(["board", "report", round.inbox, "--format", format, "-o", "-"], in: round.folder.path, environment: env)
            #expect(binary.status == 0 && binary.stdoutBytes.starts(with: Array("PK".utf8)), "\(format): \(binary.stderr)")
            #expect(binary.stdoutBytes == (try FileStore.readLimited(path: round.folder.file("sammanstallning.\(format)"), limit: 1 << 26)), "\(format)")
        }
        #expect(!FileManager.default.fileExists(atPath: round.folder.file("-")))

        // The totals that the counting export of each committee (its newest accepted
        // revision, as status names it) states itself, per plan year.
        let status = try JSONParser.parse(try feedback(["board", "status", "--format", "json", round.inbox], environment: env).stdoutBytes)
        var expected = Array(repeating: 0, count: form.planPeriod.yearCount)
        for committee in status.objectValue?["committees"]?.arrayValue ?? [] {
            let archived = try #require(committee.objectValue?["accepted"]?.objectValue?["archivedAs"]?.stringValue)
            let export = try JSONParser.parse(try FileStore.readLimited(path: round.inbox + "/" + archived, limit: 1 << 22))
            guard case .object(let totals)? = JSONEdit.value(at: ["sections", "4", "tables", "investments", "totals", "amounts"], in: export) else {
                Issue.record("no totals in \(archived)"); continue
            }
            for (i, year) in form.planPeriod.years.enumerated() { expected[i] += totals[String(year)]?.intValue ?? 0 }
        }
        #expect(expected.reduce(0, +) > 0)
        try checkCSV(expected: expected)
        try checkDocx(expected: expected)
        try checkPrintedHTML(expected: expected)
    }

    /// Python's csv module reads the CSV; its sums per year are the exports' totals.
    func checkCSV(expected: [Int]) throws {
        guard BoardTools.python3 else {
            Issue.record("python3 is missing: the CSV was not read by Python's csv module")
            return
        }
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f, delimiter=";"))
            sums = {}
            amounts = [r for r in rows if r["Tabell"] == "Investeringar" and r["Kolumn"] == "Belopp (tkr)"]
            for row in amounts:
                sums[row["År"]] = sums.get(row["År"], 0) + int(row["Värde"])
            print(json.dumps({"rows": len(rows), "sums": sums, "committees": sorted({r["Nämnd-id"] for r in amounts})}))
            """
        try round.folder.write("sum.py", script)
        let result = try run("/usr/bin/env", ["python3", round.folder.file("sum.py"), round.folder.file("sammanstallning.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONParser.parse(result.stdout)
        let sums = try #require(parsed.objectValue?["sums"]?.objectValue)
        for (i, year) in form.planPeriod.years.enumerated() {
            #expect(sums[String(year)]?.intValue == expected[i], "year \(year)")
        }
        #expect(parsed.objectValue?["committees"]?.arrayValue?.count == 8)
    }

    /// python-docx reads the .docx: the headings are there, and the investment table's totals
    /// row holds the exports' totals.
    func checkDocx(expected: [Int]) throws {
        guard BoardTools.pythonDocx else {
            Issue.record("python-docx is missing: the .docx was not read")
            return
        }
        let script = """
            import docx, json, sys
            d = docx.Document(sys.argv[1])
            headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
            tables = [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]
            print(json.dumps({"headings": headings, "tables": tables, "title": d.core_properties.title}, ensure_ascii=False))
            """
        try round.folder.write("read_report_docx.py", script)
        let result = try run("/usr/bin/env", ["python3", round.folder.file("read_report_docx.py"), round.folder.file("sammanstallning.docx")])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONParser.parse(result.stdout)
        let headings = parsed.objectValue?["headings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for section in form.sections {
            #expect(headings.contains("\(section.number). \(section.title.sv)"), "\(section.id)")
        }
        #expect(headings.contains("Investeringar"))
        #expect(headings.contains("Hälso- och sjukvårdsnämnden"))
        let tables = parsed.objectValue?["tables"]?.arrayValue ?? []
        let perCommittee = tables.first { table in
            table.arrayValue?.first?.arrayValue?.first?.stringValue == "Nämnd" && table.arrayValue?.count == 10
        }
        let lastRow = perCommittee?.arrayValue?.last?.arrayValue ?? []
        let totals = lastRow.compactMap { $0.stringValue }
        try #require(totals.count == expected.count + 2)
        #expect(totals.first == "Summa")
        for (i, amount) in expected.enumerated() {
            #expect(totals[i + 1].replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "") == String(amount))
        }
    }

    /// Headless Chromium prints the HTML; pdftotext reads what is on the pages.
    func checkPrintedHTML(expected: [Int]) throws {
        let html = try round.folder.read("sammanstallning.html")
        #expect(!html.lowercased().contains("<script"))
        guard BoardTools.chromium else {
            Issue.record("chromium or pdftotext is missing: the HTML report was not printed")
            return
        }
        let text = try BoardTools.printedText(round.folder.file("sammanstallning.html"), in: round.folder)
        #expect(text.contains("Sammanställning: Nämndens återkoppling"))
        #expect(text.contains("Läget i omgången"))
        for committee in form.committees { #expect(text.contains(committee.name), "\(committee.id)") }
        #expect(text.contains("3. Nämndens inriktning för kompetensförsörjning"))
        #expect(text.contains("Investeringar: Belopp (tkr) per nämnd och planår"))
        #expect(text.contains(AmountFormat.display(expected.reduce(0, +))))
        #expect(text.contains("Sannolikhet"))
        #expect(text.contains("Känslighetsanalys"))
        // Printable: eight committees' texts and tables run over several A4 pages.
        if let pages = BoardTools.pdfPages(round.folder) { #expect(pages >= 4, "\(pages) pages") }
    }
}
