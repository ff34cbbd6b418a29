import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// The second template through every command with the built binary: `forms`, `new`,
/// `validate`, `export`, `render`, `board init`, `submit`, `receive`, `status` and `report`
/// in every format, read back by Python's csv, python-docx and Chromium with pdftotext.
/// Every table, every sum and the matrix come from the form file alone.
@Suite(.serialized) struct SecondFormRoundTests {
    let folder = TemporaryFolder()
    let form = SecondForm.form()
    var forms: String { folder.file("forms") }
    var inbox: String { folder.file("inkorg") }

    func environment(now: String = "2028-10-01T08:00:30Z") -> [String: String] {
        ["FEEDBACK_NOW": now, "XDG_DATA_HOME": folder.file("data"), "FEEDBACK_FORMS": forms]
    }

    func prepare() throws {
        try FileManager.default.createDirectory(atPath: forms, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SecondForm.path, toPath: forms + "/" + SecondForm.fileName)
    }

    /// The sums per year of the operating costs of all three committees.
    var expectedCosts: [Int] {
        (0..<3).map { index in SecondForm.costs(index).reduce([0, 0, 0]) { sums, row in zip(sums, row).map { $0 + $1 } } }
            .reduce([0, 0, 0]) { sums, row in zip(sums, row).map { $0 + $1 } }
    }

    @Test(.enabled(if: BoardTools.python3 && BoardTools.pythonDocx))
    func theSecondFormThroughEveryCommand() throws {
        try prepare()
        let env = environment()
        let listed = try feedback(["forms"], environment: env)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("verksamhetsplan-2029"))

        // new, then the committee's draft filled in, validate, export and render.
        let newPath = folder.file("ny.json")
        let created = try feedback(["new", "--form", "verksamhetsplan-2029", "--committee", "mn", "-o", newPath], environment: env)
        #expect(created.status == 0, "\(created.stderr)")
        let fresh = try DraftCodec.decode(try FileStore.readLimited(path: newPath, limit: 1 << 22), file: newPath, form: form)
        #expect(fresh.status(in: form) == "arbete")
        let empty = try feedback(["validate", newPath], environment: env)
        #expect(empty.status == 1)
        #expect(empty.stdout.contains("Ansvarig tjänsteperson"))

        var paths: [String] = []
        for (index, committee) in ["fn", "mn", "un"].enumerated() {
            let draft = SecondForm.draft(form, committee: committee, index: index, phase: committee == "un" ? "arbete" : "antagen")
            let path = folder.file("\(committee).json")
            try folder.write(bytes: DraftCodec.encode(draft, form: form), "\(committee).json")
            paths.append(path)
        }
        let valid = try feedback(["validate"] + paths, environment: env)
        #expect(valid.status == 0, "\(valid.stdout) \(valid.stderr)")
        let exported = try feedback(["export", paths[0], "--out", folder.file("out")], environment: env)
        #expect(exported.status == 0, "\(exported.stderr)")
        let export = try JSONParser.parse(try FileStore.readLimited(path: folder.file("out/verksamhetsplan-2029_fn_r2.json"), limit: 1 << 22))
        #expect(export.objectValue?["status"] == .string("antagen"))
        let rendered = try feedback(["render", paths[0], "-o", folder.file("fn.md")], environment: env)
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let markdown = try folder.read("fn.md")
        for label in ["Aktivitetsplan", "Driftkostnader", "Riskregister", "Fastighetsnämnden aktivitet A", "antagen"] {
            #expect(markdown.contains(label), "\(label)")
        }

        // The board's round: init, three hand-ins, receive, status.
        let initialized = try feedback(["board", "init", "--form", "verksamhetsplan-2029", inbox], environment: env)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        for path in paths {
            let submitted = try feedback(["submit", path, "--inbox", inbox], environment: env)
            #expect(submitted.status == 0, "\(path): \(submitted.stderr)")
        }
        let received = try feedback(["board", "receive", inbox], environment: env)
        #expect(received.status == 0, "\(received.stdout) \(received.stderr)")
        let status = try feedback(["board", "status", inbox], environment: env)
        #expect(status.stdout.contains("3 nämnder: 3 mottagna (2 antagen)"), "\(status.stdout)")
        #expect(status.stdout.contains("saknar en godkänd återkoppling med status antagen"))
        #expect(!status.stdout.contains("beslutad"))

        try checkReports(env)
    }

    func checkReports(_ env: [String: String]) throws {
        for format in ["html", "docx", "md", "csv"] {
            let result = try feedback(["board", "report", inbox, "--format", format, "-o", folder.file("rapport.\(format)")], environment: env)
            #expect(result.status == 0, "\(format): \(result.stderr)")
        }
        let markdown = try folder.read("rapport.md")
        // Every table under its heading, each committee's rows, nothing of the shipped form.
        for text in ["Sammanställning: Verksamhetsplan 2029–2031", "## 2. Aktiviteter", "### Aktivitetsplan", "#### Aktivitetsplan: Miljönämnden",
                     "Utbildningsnämnden aktivitet B", "### Driftkostnader", "### Riskregister",
                     "Påverkan ↓ Chans →", "Riskregister: alla rader, numrerade"] {
            #expect(markdown.contains(text), "\(text)")
        }
        for absent in ["Investeringar", "Känslighetsanalys", "Inga risker redovisade", "beslutad"] {
            #expect(!markdown.contains(absent), "\(absent)")
        }
        // The matrix: rows stor, liten (top down), columns sällan, ofta; four risks numbered 1–4
        // in committee order (fn: stor/ofta = 1; mn: liten/sällan = 2, stor/ofta = 3; un: stor/sällan = 4).
        #expect(markdown.contains("| **stor** | 1 (nr 4) | 2 (nr 1, 3) |"), "\(markdown)")
        #expect(markdown.contains("| **liten** | 1 (nr 2) | 0 |"))
        #expect(markdown.contains("| 3 | Miljönämnden | Miljönämnden hot 2 | ofta | stor |"))
        let total = expectedCosts
        // One committee's answer is not antagen: the total of all answers is named so.
        let totalRow = "| **Summa, alla svar** | " + total.map { "**" + AmountFormat.display($0, separator: "\u{00A0}") + "**" }.joined(separator: " | ")
        #expect(markdown.contains(totalRow), "\(totalRow)")
        try checkCSV(total)
        try checkDocx(total)
        try checkPrintedHTML(total)
    }

    /// Python's csv module reads the CSV: the cost cells sum to the same totals per year.
    func checkCSV(_ total: [Int]) throws {
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
                rows = list(csv.DictReader(f, delimiter=";"))
            sums = {}
            for r in rows:
                if r["Tabell"] == "Driftkostnader" and r["Kolumn"] == "Kostnad (tkr)":
                    sums[r["År"]] = sums.get(r["År"], 0) + int(r["Värde"])
            tables = sorted({r["Tabell"] for r in rows})
            print(json.dumps({"sums": sums, "tables": tables}, ensure_ascii=False))
            """
        try folder.write("read_report_csv.py", script)
        let result = try run("/usr/bin/env", ["python3", folder.file("read_report_csv.py"), folder.file("rapport.csv")])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONParser.parse(result.stdout)
        let sums = try #require(parsed.objectValue?["sums"]?.objectValue)
        for (i, year) in form.planPeriod.years.enumerated() { #expect(sums[String(year)]?.intValue == total[i], "\(year)") }
        #expect(parsed.objectValue?["tables"]?.arrayValue?.compactMap(\.stringValue) == ["Aktivitetsplan", "Driftkostnader", "Riskregister"])
    }

    /// python-docx reads the .docx: every table's heading, and the costs' totals row.
    func checkDocx(_ total: [Int]) throws {
        let script = """
            import docx, json, sys
            d = docx.Document(sys.argv[1])
            headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
            tables = [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]
            print(json.dumps({"headings": headings, "tables": tables}, ensure_ascii=False))
            """
        try folder.write("read_report_docx.py", script)
        let result = try run("/usr/bin/env", ["python3", folder.file("read_report_docx.py"), folder.file("rapport.docx")])
        #expect(result.status == 0, "\(result.stderr)")
        let parsed = try JSONParser.parse(result.stdout)
        let headings = parsed.objectValue?["headings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        for heading in ["1. Uppdrag och inriktning", "Aktivitetsplan", "Driftkostnader", "Riskregister", "Driftkostnader: Fastighetsnämnden"] {
            #expect(headings.contains(heading), "\(heading)")
        }
        let tables = parsed.objectValue?["tables"]?.arrayValue ?? []
        let sums = tables.compactMap { $0.arrayValue?.compactMap { $0.arrayValue?.compactMap(\.stringValue) } }
            .first { $0.first?.first == "Nämnd" && $0.last?.first == "Summa, alla svar" }
        let last = try #require(sums?.last)
        for (i, amount) in total.enumerated() {
            #expect(last[i + 1].replacingOccurrences(of: "\u{00A0}", with: "") == String(amount))
        }
    }

    /// Chromium prints the HTML; pdftotext finds the tables, the sum and the matrix.
    func checkPrintedHTML(_ total: [Int]) throws {
        let html = try folder.read("rapport.html")
        #expect(html.contains("<svg"))
        #expect(!html.lowercased().contains("<script"))
        // The printed check needs Chromium and pdftotext; the HTML itself is checked above.
        guard BoardTools.chromium else { return }
        let text = try BoardTools.printedText(folder.file("rapport.html"), in: folder)
        for label in ["Aktivitetsplan", "Driftkostnader: Kostnad (tkr) per nämnd och planår", "Påverkan ↓ Chans →", "Miljönämnden hot 2"] {
            #expect(text.contains(label), "\(label)")
        }
        #expect(text.contains(AmountFormat.display(total.reduce(0, +))))
    }
}
