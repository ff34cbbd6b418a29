import FeedbackDocuments
import FeedbackModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The committee's document: `feedback render` of a typical draft (.docx, .html, .md) and
/// `feedback import` of a 50-page .docx, whole processes, with python-docx writing and
/// reading the same documents as the peer, measured in the same run.
extension ProcessBench {
    func runDocuments() throws {
        let runs = quick ? 5 : 20
        let form = Drafts.form
        let typical = Drafts.typical(form)
        let typicalPath = try write(typical, "typical.json")

        func whole(_ path: String, _ args: [String], expect: Int32 = 0) throws -> (Sample, Int) {
            var times: [Double] = []
            var wrong = 0
            for i in 0..<(runs + 2) {
                let (t, e) = try Proc.timed(path, args, environment: env)
                if e.status != expect { wrong += 1 }
                if i >= 2 { times.append(t * 1000) }
            }
            return (Sample(times), wrong)
        }
        func check(_ n: Int) -> String? { n > 0 ? "CHECK FAILED: \(n) runs failed" : nil }

        let (validate, _) = try whole(binary, ["validate", typicalPath])
        var renders: [DocumentFormat: Sample] = [:]
        for format in DocumentFormat.allCases {
            let out = folder + "/typical.\(format.fileExtension)"
            // --force: every run writes the file (the same bytes) instead of finding it there.
            let (sample, wrong) = try whole(binary, ["render", typicalPath, "--format", format.rawValue, "-o", out, "--force"])
            renders[format] = sample
            let judged = format != .md
            results.add(Row(group: "documents", name: "feedback render --format \(format.rawValue), typical draft (whole process)", value: sample.median,
                            unit: "ms", runs: sample.count, baselineName: "feedback validate", baseline: validate.median,
                            ratio: sample.median / validate.median, target: judged ? "≤ 30 ms" : nil,
                            verdict: judged ? (wrong == 0 && sample.median <= 30 ? .pass : .miss) : .info,
                            note: check(wrong) ?? "\(Format.bytes(Proc.readFile(out)?.utf8.count ?? 0)) written"))
        }

        // A 50-page document: the typical draft's tables and about 4 200 words per heading.
        var long = Drafts.typical(form)
        for (i, section) in form.sections.enumerated() {
            long.sections[section.id, default: [:]]["text"] = .text(Swedish.text(words: 4_200, maxChars: 60_000, seed: UInt64(500 + i)))
        }
        let docx = folder + "/long.docx"
        try Proc.writeFile(docx, try DocumentRenderer.render(long, form: form, format: .docx, language: .sv))
        let words = form.sections.map { Drafts.words(long.text(at: .section($0.id, "text"))) }.reduce(0, +)
        let pages = Self.pageCount(docx, folder: folder)
        let (imported, importWrong) = try whole(binary, ["import", docx, "--dry-run", "--committee", "hsn"])

        // The peer: python-docx reading the same file, and writing a document of the typical draft.
        var peerRead: Sample?
        var peerWrite: Sample?
        var peerNote = "python3 with python-docx not found; not measured"
        if let python = Python.find(folder: folder, module: "docx") {
            let read = "import sys, docx\nd = docx.Document(sys.argv[1])\nn = sum(len(p.text) for p in d.paragraphs) + sum(len(c.text) for t in d.tables for r in t.rows for c in r.cells)\n"
            let (r, rWrong) = try whole(python, ["-c", read, docx])
            let texts = folder + "/typical-texts.txt"
            try Proc.writeFile(texts, Array(form.sections.map { typical.text(at: .section($0.id, "text")) }.joined(separator: "\u{1E}").utf8))
            let writeScript = """
                import sys, docx
                texts = open(sys.argv[1], encoding="utf-8").read().split("\\x1e")
                d = docx.Document()
                d.add_heading("Nämndens återkoppling", 0)
                for i, text in enumerate(texts):
                    d.add_heading(str(i + 1), 1)
                    for p in text.split("\\n\\n"):
                        d.add_paragraph(p)
                t = d.add_table(rows=6, cols=8)
                for row in t.rows:
                    for cell in row.cells:
                        cell.text = "45 000"
                d.save(sys.argv[2])
                """
            let (w, wWrong) = try whole(python, ["-c", writeScript, texts, folder + "/python.docx"])
            if rWrong == 0 { peerRead = r }
            if wWrong == 0 { peerWrite = w }
            peerNote = "\(python) with python-docx"
        }
        results.add(Row(group: "documents", name: "feedback import, 50-page .docx (whole process, --dry-run)", value: imported.median, unit: "ms",
                        runs: imported.count, baselineName: peerRead == nil ? nil : "python-docx reads it", baseline: peerRead?.median,
                        ratio: peerRead.map { imported.median / $0.median }, target: "≤ 200 ms",
                        verdict: importWrong == 0 && imported.median <= 200 ? .pass : .miss,
                        note: check(importWrong) ?? "\(Format.bytes(Proc.readFile(docx)?.utf8.count ?? 0)), \(words) words, \(pages.map { "\($0) pages (LibreOffice)" } ?? "about \(words / 500) pages")"))
        results.add(Row(group: "documents", name: "python-docx reads the same 50-page .docx (whole process)", value: peerRead?.median, unit: "ms",
                        runs: peerRead?.count, verdict: peerRead == nil ? .unavailable : .info, note: peerNote))
        results.add(Row(group: "documents", name: "python-docx writes a .docx of the typical draft (whole process)", value: peerWrite?.median, unit: "ms",
                        runs: peerWrite?.count, baselineName: "feedback render --format docx", baseline: renders[.docx]?.median,
                        ratio: peerWrite.flatMap { p in renders[.docx].map { p.median / $0.median } },
                        verdict: peerWrite == nil ? .unavailable : .info, note: peerNote + "; headings, paragraphs and one table, no styles of its own"))
    }

    /// Pages of a .docx as LibreOffice lays it out (nil without soffice and pdfinfo).
    static func pageCount(_ docx: String, folder: String) -> Int? {
        guard let soffice = Proc.which("soffice"), let pdfinfo = Proc.which("pdfinfo") else { return nil }
        let env = Proc.environment(home: folder)
        guard let (_, exit) = try? Proc.timed(soffice, ["-env:UserInstallation=file://\(folder)/lo", "--headless", "--convert-to", "pdf", "--outdir", folder, docx],
                                              environment: env), exit.status == 0 else { return nil }
        let pdf = String(docx.dropLast(5)) + ".pdf"
        let out = folder + "/pdfinfo.txt"
        guard let (_, info) = try? Proc.timed(pdfinfo, [pdf], environment: env, stdio: .outputFile(out)), info.status == 0 else { return nil }
        return Proc.readFile(out)?.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).filter(\.isNumber)) }
    }
}
