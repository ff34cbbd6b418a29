import FeedbackModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The board's side at the scale of the whole country: one inbox with 300 exports (a form
/// with 300 committees, as if every municipality answered), each the typical draft of six
/// long headings with filled tables. Whole processes of the release binary.
struct BoardBench {
    let binary: String
    let folder: String
    let quick: Bool
    let results: Results

    static let count = 300

    /// The shipped form with 300 committees instead of eight (version 2, so it is the newest).
    func bigForm() throws -> (FormDefinition, String) {
        let forms = folder + "/board-forms"
        Proc.makeFolder(forms)
        var yaml = EmbeddedForms.files[0].1
        guard let start = yaml.range(of: "committees:\n"), let end = yaml.range(of: "\nmetadata:") else {
            throw BenchError("the shipped form has no committee list to replace")
        }
        let committees = (1...BoardBench.count).map { i in
            "  - id: k\(i)\n    name: \"Kommun \(i)\"\n    nameEn: \"Municipality \(i)\"\n"
        }.joined()
        yaml.replaceSubrange(start.upperBound..<end.lowerBound, with: committees)
        yaml = yaml.replacingOccurrences(of: "\nversion: 1\n", with: "\nversion: 2\n")
        let path = forms + "/pf-300.yaml"
        try Proc.writeFile(path, Array(yaml.utf8))
        return (try FormReader.read(yaml: Array(yaml.utf8), source: path), forms)
    }

    func run() throws {
        let (form, forms) = try bigForm()
        guard form.committees.count == BoardBench.count else { throw BenchError("the big form has \(form.committees.count) committees") }
        let env = Proc.environment(home: folder, extra: ["FEEDBACK_FORMS": forms])
        let exporter = Exporter(form: form)
        var exports: [[UInt8]] = []
        for (i, committee) in form.committees.enumerated() {
            var draft = Drafts.typical(form)
            draft.metadata["committee"] = .text(committee.id)
            draft.documentID = "00000000-0000-4000-8000-\(String(format: "%012d", i))"
            draft.revision = 1 + i % 9
            exports.append(try exporter.export(draft, exportedAt: Drafts.now).bytes)
        }
        let totalBytes = exports.reduce(0) { $0 + $1.count }
        Console.progress("board: \(BoardBench.count) exports, \(Format.bytes(totalBytes)) in all")

        let runs = quick ? 2 : 5
        var peer: [Double] = [], receive: [Double] = [], status: [Double] = [], report: [Double] = [], whole: [Double] = []
        var statusAlone: [Double] = [], cpu: [Double] = [], statusCPU: [Double] = [], workbook: [Double] = []
        var workbookBytes = 0
        var wrong: [String] = []
        for run in 0..<(runs + 1) {  // one warm-up run
            let inbox = folder + "/board-inbox-\(run)"
            let (_, made) = try Proc.timed(binary, ["board", "init", inbox, "--form", form.id], environment: env)
            guard made.status == 0 else { throw BenchError("board init failed (\(made.status))") }
            var paths: [String] = []
            for (i, bytes) in exports.enumerated() {
                let path = inbox + "/incoming/\(form.id)_k\(i + 1)_r1-bench.json"
                try Proc.writeFile(path, bytes)
                paths.append(path)
            }
            // Peer: reading and hashing the same files with coreutils.
            let (p, pe) = try Proc.timed("/usr/bin/sha256sum", paths, environment: env)
            let (r, re) = try Proc.timed(binary, ["board", "receive", inbox], environment: env)
            let (s, se) = try Proc.timed(binary, ["board", "status", inbox], environment: env)
            let (h, he) = try Proc.timed(binary, ["board", "report", inbox, "--format", "html", "-o", inbox + "/report.html"], environment: env)
            if pe.status != 0 { wrong.append("sha256sum exit \(pe.status)") }
            if re.status != 0 { wrong.append("receive exit \(re.status)") }
            if se.status != 0 { wrong.append("status exit \(se.status)") }
            if he.status != 0 { wrong.append("report exit \(he.status)") }
            // The economists' workbook of the same round.
            let (x, xe) = try Proc.timed(binary, ["board", "report", inbox, "--format", "xlsx", "-o", inbox + "/report.xlsx"], environment: env)
            if xe.status != 0 { wrong.append("report --format xlsx exit \(xe.status)") }
            workbookBytes = InstallBench.fileSize(inbox + "/report.xlsx") ?? 0
            if run == 0 {
                Proc.removeTree(inbox)
                continue
            }
            peer.append(p * 1000); receive.append(r * 1000); status.append(s * 1000); report.append(h * 1000); workbook.append(x * 1000)
            whole.append((r + s + h) * 1000)
            cpu.append((re.cpuSeconds + se.cpuSeconds + he.cpuSeconds) * 1000)
            if run == runs {
                for _ in 0..<(quick ? 5 : 15) {
                    let (t, e) = try Proc.timed(binary, ["board", "status", inbox], environment: env)
                    if e.status != 0 { wrong.append("status exit \(e.status)") }
                    statusAlone.append(t * 1000)
                    statusCPU.append(e.cpuSeconds * 1000)
                }
            }
            // The last inbox stays for profiling (`--keep`); the scratch folder goes anyway.
            if run < runs { Proc.removeTree(inbox) }
        }
        let note = wrong.isEmpty ? nil : "CHECK FAILED: " + Array(Set(wrong)).sorted().joined(separator: ", ")
        let pe = Sample(peer), w = Sample(whole), st = Sample(statusAlone)
        results.add(Row(group: "board", name: "sha256sum of the \(BoardBench.count) export files (peer: reading them)", value: pe.median, unit: "ms",
                        runs: pe.count, note: "\(Format.bytes(totalBytes)) in all; baseline for the rows below"))
        results.add(Row(group: "board", name: "board receive + status + report --format html, \(BoardBench.count) exports", value: w.median, unit: "ms",
                        runs: w.count, baselineName: "sha256sum", baseline: pe.median, ratio: w.median / pe.median,
                        target: "≤ 1 s", verdict: wrong.isEmpty && w.median <= 1000 ? .pass : .miss,
                        note: note ?? "three whole processes, summed per run; each export checked, archived and receipted (one syncfs); CPU time (user + system) \(Format.value(Sample(cpu).median, unit: "ms"))"))
        for (name, sample) in [("board receive (check, archive, sign)", Sample(receive)), ("board status (after receiving)", Sample(status)),
                               ("board report --format html", Sample(report))] {
            results.add(Row(group: "board", name: "  of which \(name)", value: sample.median, unit: "ms", runs: sample.count,
                            baselineName: "sha256sum", baseline: pe.median, ratio: sample.median / pe.median))
        }
        let wb = Sample(workbook)
        results.add(Row(group: "board", name: "board report --format xlsx, \(BoardBench.count) committees (whole process)", value: wb.median, unit: "ms",
                        runs: wb.count, baselineName: "sha256sum", baseline: pe.median, ratio: wb.median / pe.median,
                        target: "≤ 500 ms", verdict: wrong.isEmpty && wb.median <= 500 ? .pass : .miss,
                        note: note ?? "a sheet of statuses and one per table of amounts, totals as SUM formulas; \(Format.bytes(workbookBytes)) written"))
        results.add(Row(group: "board", name: "board status alone, \(BoardBench.count) committees received", value: st.median, unit: "ms",
                        runs: st.count, target: "≤ 100 ms", verdict: wrong.isEmpty && st.median <= 100 ? .pass : .miss,
                        note: note ?? "reads the board's ledger summary (every receipt only when receipts/ changed), lists incoming/; CPU time \(Format.value(Sample(statusCPU).median, unit: "ms"))"))
        try statusWithManyReceipts(form: form, env: env, exports: exports)
        try receiveMemory(env: env)
    }

    /// `board status` with 100 000 receipts: receive once, then as many receipt files as a
    /// flood of hand-ins would leave; the first status builds the summary, the rest read it.
    func statusWithManyReceipts(form: FormDefinition, env: [String: String], exports: [[UInt8]]) throws {
        let count = quick ? 20_000 : 100_000
        let inbox = folder + "/board-many"
        let (_, made) = try Proc.timed(binary, ["board", "init", inbox, "--form", form.id], environment: env)
        guard made.status == 0 else { throw BenchError("board init failed (\(made.status))") }
        try Proc.writeFile(inbox + "/incoming/\(form.id)_k1_r1-bench.json", exports[0])
        let (_, received) = try Proc.timed(binary, ["board", "receive", inbox], environment: env)
        guard received.status == 0 else { throw BenchError("board receive failed (\(received.status))") }
        let names = try FileManager.default.contentsOfDirectory(atPath: inbox + "/receipts")
        guard let first = names.first else { throw BenchError("no receipt") }
        let receipt = try FileStore.readLimited(path: inbox + "/receipts/" + first, limit: 1 << 20)
        for index in 1..<count { try Proc.writeFile(inbox + "/receipts/flood-\(index).json", receipt) }
        Console.progress("board: \(count) receipts written")
        let (build, built) = try Proc.timed(binary, ["board", "status", inbox], environment: env)
        var times: [Double] = []
        var wrong = built.status == 1 ? [] : ["status exit \(built.status)"]
        var rss = 0
        for _ in 0..<(quick ? 3 : 9) {
            let (t, e) = try Proc.timed(binary, ["board", "status", inbox], environment: env)
            if e.status != 1 { wrong.append("status exit \(e.status)") }
            times.append(t * 1000)
            rss = max(rss, e.maxRSSKiB)
        }
        let sample = Sample(times)
        results.add(Row(group: "board", name: "board status with \(count) receipts", value: sample.median, unit: "ms", runs: sample.count,
                        target: "≤ 200 ms", verdict: wrong.isEmpty && sample.median <= 200 ? .pass : .miss,
                        note: wrong.isEmpty ? "from the ledger summary; the first status after the flood read every receipt in \(Format.value(build * 1000, unit: "ms")); peak \(rss / 1024) MB"
                                            : "CHECK FAILED: " + wrong.joined(separator: ", ")))
        Proc.removeTree(inbox)
    }

    /// `board receive` peak memory with ten sparse 60 MB files in incoming/ (one pass).
    func receiveMemory(env: [String: String]) throws {
        let inbox = folder + "/board-big"
        let (_, made) = try Proc.timed(binary, ["board", "init", inbox], environment: env)
        guard made.status == 0 else { throw BenchError("board init failed (\(made.status))") }
        for index in 1...10 {
            let path = inbox + "/incoming/big\(index).json"
            FileManager.default.createFile(atPath: path, contents: nil)
            guard truncate(path, 60 * 1024 * 1024) == 0 else { throw BenchError("cannot make \(path)") }
        }
        var peaks: [Int] = []
        var seconds: [Double] = []
        // GNU time's figure: wait4's maximum would start at this (large) process's size.
        let gnuTime = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        for pass in 0..<4 {
            let out = folder + "/board-big-time-\(pass)"
            let (t, e) = gnuTime
                ? try Proc.timed("/usr/bin/time", ["-f", "%M", "-o", out, binary, "board", "receive", inbox], environment: env)
                : try Proc.timed(binary, ["board", "receive", inbox], environment: env)
            let measured = Proc.readFile(out).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") }
            peaks.append(measured ?? e.maxRSSKiB)
            seconds.append(t * 1000)
            if (try? FileManager.default.contentsOfDirectory(atPath: inbox + "/incoming"))?.isEmpty ?? true { break }
        }
        let peak = Double(peaks.max() ?? 0) / 1024
        let receipts = (try? FileManager.default.contentsOfDirectory(atPath: inbox + "/receipts"))?.count ?? 0
        results.add(Row(group: "board", name: "board receive peak memory, ten sparse 60 MB files in incoming/", value: peak, unit: "MB",
                        runs: peaks.count, target: "≤ 100 MB", verdict: receipts == 10 && peak <= 100 ? .pass : .miss,
                        note: "\(gnuTime ? "GNU time %M" : "wait4 ru_maxrss (an upper bound)"); \(peaks.count) passes (each person's share of a pass is limited), \(Format.value(seconds.reduce(0, +), unit: "ms")) in all; \(receipts) receipts"))
        Proc.removeTree(inbox)
    }
}
