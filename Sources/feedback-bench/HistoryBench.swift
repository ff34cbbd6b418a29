import FeedbackHistory
import FeedbackModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `feedback diff` and `feedback new --from`, whole processes and in process.
extension ProcessBench {
    /// The typical draft, revised (and kept within the form's limits): a word changed in the
    /// middle of every paragraph, the last paragraph of each heading replaced by a short new
    /// one, an amount per investment row, a risk removed.
    static func revised(_ draft: Draft, _ form: FormDefinition) -> Draft {
        var b = draft
        for section in form.sections {
            let place = FieldPlace.section(section.id, "text")
            let text = draft.text(at: place)
            let separator = text.contains("\n\n") ? "\n\n" : "\n"
            var paragraphs = text.components(separatedBy: separator)
            for i in paragraphs.indices {
                var words = paragraphs[i].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                if words.count > 4 { words[words.count / 2] = String(words[words.count / 2].reversed()) }
                paragraphs[i] = words.joined(separator: " ")
            }
            if paragraphs.count > 1 { paragraphs.removeLast() }
            paragraphs.append("Ett nytt stycke för i år.")
            b.setValue(.text(paragraphs.joined(separator: separator)), at: place)
        }
        let investments = FieldPlace.section("investments", "investments")
        var rows = draft.value(at: investments)?.rows ?? []
        for i in rows.indices { rows[i][TableRow.yearKey("amounts", 2029)] = .integer(1_000 + i) }
        b.setValue(.table(rows), at: investments)
        let risks = FieldPlace.section("economy", "risks")
        var riskRows = draft.value(at: risks)?.rows ?? []
        if !riskRows.isEmpty { riskRows.removeLast() }
        b.setValue(.table(riskRows), at: risks)
        b.revision += 1
        return b
    }

    func runHistory() throws {
        let runs = quick ? 5 : 20
        let form = Drafts.form
        let a = Drafts.typical(form)
        let b = Self.revised(a, form)
        let exportA = folder + "/history-a.export.json", exportB = folder + "/history-b.export.json"
        try Proc.writeFile(exportA, try Exporter(form: form).export(a, exportedAt: Drafts.now).bytes)
        try Proc.writeFile(exportB, try Exporter(form: form).export(b, exportedAt: Drafts.now).bytes)
        let largeA = try write(Drafts.large(form, bytes: 1 << 20), "history-large-a.json")
        var rewritten = Drafts.large(form, bytes: 1 << 20)
        for section in form.sections {
            let place = FieldPlace.section(section.id, "text")
            let words = rewritten.text(at: place).split(separator: " ", omittingEmptySubsequences: false)
            rewritten.setValue(.text(words.enumerated().map { $0.offset % 4 == 0 ? $0.element + "x" : String($0.element) }.joined(separator: " ")), at: place)
        }
        let largeB = try write(rewritten, "history-large-b.json")

        func whole(_ program: String, _ args: [String], expect: Int32) throws -> (Sample, Int) {
            var times: [Double] = []
            var wrong = 0
            for i in 0..<(runs + 2) {
                let (t, e) = try Proc.timed(program, args, environment: env)
                if e.status != expect { wrong += 1 }
                if i >= 2 { times.append(t * 1000) }
            }
            return (Sample(times), wrong)
        }
        func check(_ n: Int, _ expect: Int32) -> String? { n > 0 ? "CHECK FAILED: \(n) runs did not exit \(expect)" : nil }
        let (d, dWrong) = try whole(binary, ["diff", exportA, exportB], expect: 1)
        var peerName: String?
        var peer: Sample?
        if let git = Proc.which("git") {
            let (g, _) = try whole(git, ["diff", "--no-index", "--word-diff=plain", exportA, exportB], expect: 1)
            peerName = "git diff --word-diff"
            peer = g
            results.add(Row(group: "history", name: "peer: git diff --no-index --word-diff=plain, the same two exports", value: g.median, unit: "ms",
                            runs: g.count, note: "a line-then-word diff of the JSON text (knows nothing of headings, rows or years)"))
        }
        results.add(Row(group: "history", name: "feedback diff, two revisions of a typical export (whole process)", value: d.median, unit: "ms",
                        runs: d.count, baselineName: peerName, baseline: peer?.median, ratio: peer.map { d.median / $0.median },
                        note: check(dWrong, 1) ?? "a word changed in every paragraph, a paragraph replaced per heading, an amount per row, a row removed"))
        let (l, lWrong) = try whole(binary, ["diff", largeA, largeB], expect: 1)
        results.add(Row(group: "history", name: "feedback diff, two 1 MB drafts with every 4th word changed (whole process)", value: l.median, unit: "ms",
                        runs: l.count, baselineName: "typical", baseline: d.median, ratio: l.median / d.median,
                        note: check(lWrong, 1) ?? "one 170 kB paragraph per heading, 6 000 changes each: the word search stops at its budget (bounded, linear)"))

        var fresh = 0
        func newArgs(_ extra: [String]) -> [String] {
            fresh += 1
            return ["new", "--committee", "hsn", "-o", folder + "/history-new-\(fresh).json"] + extra
        }
        var plain: [Double] = [], carried: [Double] = []
        var wrong = 0
        for i in 0..<(runs + 2) {
            let (t0, e0) = try Proc.timed(binary, newArgs([]), environment: env)
            let (t1, e1) = try Proc.timed(binary, newArgs(["--from", exportA]), environment: env)
            if e0.status != 0 || e1.status != 0 { wrong += 1 }
            if i >= 2 { plain.append(t0 * 1000); carried.append(t1 * 1000) }
        }
        let p = Sample(plain), c = Sample(carried)
        results.add(Row(group: "history", name: "feedback new (empty draft, whole process)", value: p.median, unit: "ms", runs: p.count,
                        note: "baseline for the carry-over row"))
        results.add(Row(group: "history", name: "feedback new --from last year's typical export (whole process)", value: c.median, unit: "ms",
                        runs: c.count, baselineName: "new", baseline: p.median, ratio: c.median / p.median, note: check(wrong, 0)))

        let pastA = try PastFeedbackReader.read(path: exportA, catalog: .embedded())
        let pastB = try PastFeedbackReader.read(path: exportB, catalog: .embedded())
        let window = quick ? 0.3 : 1.0
        func rate(_ body: () -> Void) -> (Double, Int) {
            var n = 0
            let start = nowNanos()
            repeat { body(); n += 1 } while seconds(since: start) < window
            return (Double(n) / seconds(since: start), n)
        }
        let (dr, dn) = rate { blackHole(FeedbackDiff.between(pastA, pastB).sections.count) }
        let carry = CarryOver(form: form)
        let (cr, cn) = rate { blackHole(carry.draft(from: pastA, committee: "hsn", documentID: "x", now: Drafts.now).draft.revision) }
        results.add(Row(group: "history", name: "in process: FeedbackDiff.between, typical revisions", value: dr, unit: "pairs/s", runs: dn,
                        note: "\(Format.value(1000 / dr, unit: "ms")) per pair"))
        results.add(Row(group: "history", name: "in process: CarryOver of a typical export", value: cr, unit: "drafts/s", runs: cn,
                        note: "\(Format.value(1000 / cr, unit: "ms")) per draft"))
    }
}
