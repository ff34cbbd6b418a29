import Foundation
import FeedbackBoard
import FeedbackInterface
import FeedbackModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measurements of whole processes: the built `feedback` on a pseudo-terminal or headless.
struct ProcessBench {
    let binary: String
    let folder: String  // scratch folder (outside the repository)
    let quick: Bool
    let results: Results

    var env: [String: String] { Proc.environment(home: folder) }

    static let firstFrameText = Array("Uppgifter".utf8)
    /// The key hints are the last row curses writes: seeing them means the frame is complete.
    static let frameCompleteText = Array("Avsluta".utf8)

    func write(_ draft: Draft, _ name: String) throws -> String {
        let path = folder + "/" + name
        try Proc.writeFile(path, DraftCodec.encode(draft, form: Drafts.form))
        return path
    }

    // MARK: - Start-up

    struct Started {
        var pty: Pty
        var pid: pid_t
        var start: UInt64
        var firstText: UInt64?
        var complete: UInt64?
    }

    /// Starts `feedback fill DRAFT` on an 80×24 pseudo-terminal and waits for the first frame.
    func startInterface(_ draft: String, timeout: Double = 10) throws -> Started {
        let pty = try Pty(width: 80, height: 24)
        let start = nowNanos()
        let pid = try Proc.spawn(binary, ["fill", draft], environment: env, stdio: .terminal(slave: pty.slavePath))
        let deadline = start + UInt64(timeout * 1e9)
        let first = pty.waitFor(ProcessBench.firstFrameText, deadline: deadline)
        let complete = first == nil ? nil : pty.waitFor(ProcessBench.frameCompleteText, deadline: deadline)
        return Started(pty: pty, pid: pid, start: start, firstText: first, complete: complete)
    }

    /// `feedback` (the start screen) for a secretary whose `inbox` setting names a round of
    /// next year's form: the form is read from the inbox's file (checked by owner, parsed as
    /// YAML: it is not the embedded copy), then the first frame is drawn.
    func runRoundFormStartup(runs: Int, baseline: Double?) throws {
        let next = FormNextYear.make(yaml: EmbeddedForms.files[0].1, form: Drafts.form)
        let formPath = folder + "/pf-next-year.yaml"
        try Proc.writeFile(formPath, Array(next.text.utf8))
        let nextForm = try FormReader.read(yaml: Array(next.text.utf8), source: formPath)
        let inbox = folder + "/round-inbox"
        if !FileManager.default.fileExists(atPath: inbox) {
            _ = try InboxSetup.create(at: inbox, form: nextForm, group: nil, now: Timestamp(secondsSinceEpoch: 1_806_480_000))
        }
        let environment = env.merging(["FEEDBACK_INBOX": inbox]) { _, new in new }
        let title = Array(nextForm.planPeriod.label.utf8)
        var complete: [Double] = []
        var failures = 0
        for i in 0..<(runs + 2) {
            let pty = try Pty(width: 80, height: 24)
            let start = nowNanos()
            let pid = try Proc.spawn(binary, [], environment: environment, stdio: .terminal(slave: pty.slavePath))
            let deadline = start + 10_000_000_000
            let first = pty.waitFor(title, deadline: deadline)
            let done = first == nil ? nil : pty.waitFor(ProcessBench.frameCompleteText, deadline: deadline)
            _ = pty.send("\u{11}")
            let e = pty.finish(pid, within: 10)
            if i < 2 { continue }
            if let done, e.status == 0 { complete.append(Double(done - start) / 1e6) } else { failures += 1 }
        }
        let c = Sample(complete)
        results.add(Row(group: "startup", name: "feedback (start screen), the round's form read from the inbox's file: first frame complete",
                        value: c.count > 0 ? c.median : nil, unit: "ms", runs: c.count,
                        baselineName: "printf", baseline: baseline, ratio: baseline.map { c.median / $0 },
                        target: "≤ 20 ms", verdict: c.count > 0 && c.median <= 20 ? .pass : .miss,
                        note: failures > 0 ? "\(failures) runs did not show the start screen or did not exit cleanly" : "next year's form (not the embedded copy): YAML parsed at start-up"))
    }

    func quit(_ s: Started, within seconds: Double = 10) -> Exit {
        _ = s.pty.send("\u{11}")  // Ctrl-Q: save (if changed) and quit
        return s.pty.finish(s.pid, within: seconds)
    }

    func runStartup() throws {
        let runs = quick ? 5 : 15
        let draft = try write(Drafts.typical(Drafts.form), "startup.json")
        // Baseline: a trivial program's first output on the same kind of terminal.
        var baseline: [Double] = []
        for i in 0..<(runs + 2) {
            let pty = try Pty(width: 80, height: 24)
            let start = nowNanos()
            let pid = try Proc.spawn("/usr/bin/printf", ["x"], environment: env, stdio: .terminal(slave: pty.slavePath))
            let seen = pty.waitFor(Array("x".utf8), deadline: start + 5_000_000_000)
            _ = pty.finish(pid, within: 2)
            if i >= 2, let seen { baseline.append(Double(seen - start) / 1e6) }
        }
        var first: [Double] = []
        var complete: [Double] = []
        var failures = 0
        for i in 0..<(runs + 2) {  // two warm-up runs
            let s = try startInterface(draft)
            let e = quit(s)
            if i < 2 { continue }
            if let f = s.firstText, let c = s.complete, e.status == 0 {
                first.append(Double(f - s.start) / 1e6)
                complete.append(Double(c - s.start) / 1e6)
            } else { failures += 1 }
        }
        let b = Sample(baseline)
        let f = Sample(first)
        let c = Sample(complete)
        let note = failures > 0 ? "\(failures) runs did not show the first frame or did not exit cleanly" : nil
        results.add(Row(group: "startup", name: "trivial program (printf x) first output on a pty", value: b.median, unit: "ms", runs: b.count,
                        note: "baseline for the start-up rows"))
        results.add(Row(group: "startup", name: "feedback fill (typical draft): first text of frame", value: f.median, unit: "ms", runs: f.count,
                        baselineName: "printf", baseline: b.median, ratio: f.median / b.median, note: note))
        results.add(Row(group: "startup", name: "feedback fill (typical draft): first frame complete", value: c.median, unit: "ms", runs: c.count,
                        baselineName: "printf", baseline: b.median, ratio: c.median / b.median,
                        target: "≤ 20 ms", verdict: c.count > 0 && c.median <= 20 ? .pass : .miss,
                        note: "from posix_spawn to the key-hint row (drawn last) read from the pty"))
        try runRoundFormStartup(runs: runs, baseline: b.median)
        // Where the time goes: the same binary doing almost nothing, headless.
        var version: [Double] = []
        for i in 0..<(runs + 2) {
            let (t, e) = try Proc.timed(binary, ["--version"], environment: env)
            if i >= 2 && e.status == 0 { version.append(t * 1000) }
        }
        let v = Sample(version)
        results.add(Row(group: "startup", name: "feedback --version (whole process, headless)", value: v.median, unit: "ms", runs: v.count,
                        baselineName: "printf", baseline: b.median, ratio: v.median / b.median,
                        note: "the floor of any feedback process: loading, Swift runtime, Foundation, argument parsing"))
        try runStartScreen(runs: runs, baseline: b.median)
        runInstructions()
    }

    /// `feedback` with no arguments on an 80×24 pseudo-terminal: the start screen's first frame
    /// (the quick start, without ArgumentParser's reflection over the command tree).
    func runStartScreen(runs: Int, baseline: Double) throws {
        var complete: [Double] = []
        var failures = 0
        for i in 0..<(runs + 2) {  // two warm-up runs
            let pty = try Pty(width: 80, height: 24)
            let start = nowNanos()
            let pid = try Proc.spawn(binary, [], environment: env, stdio: .terminal(slave: pty.slavePath))
            let deadline = start + 10_000_000_000
            let first = pty.waitFor(Array("återkoppling".utf8), deadline: deadline)
            let done = first == nil ? nil : pty.waitFor(ProcessBench.frameCompleteText, deadline: deadline)
            _ = pty.send("\u{11}")  // Ctrl-Q
            let e = pty.finish(pid, within: 10)
            if i < 2 { continue }
            if let done, e.status == 0 { complete.append(Double(done - start) / 1e6) } else { failures += 1 }
        }
        let c = Sample(complete)
        results.add(Row(group: "startup", name: "feedback (no arguments): start screen's first frame complete", value: c.count > 0 ? c.median : nil,
                        unit: "ms", runs: c.count, baselineName: "printf", baseline: baseline, ratio: c.count > 0 ? c.median / baseline : nil,
                        target: "≤ 10 ms", verdict: c.count > 0 && c.median <= 10 ? .pass : .miss,
                        note: (failures > 0 ? "\(failures) runs did not show the frame or exit cleanly; " : "")
                            + "from posix_spawn to the start screen's key-hint row read from the pty"))
    }

    /// Instructions of `feedback --version` and `feedback validate` under callgrind (the
    /// machine's speed does not enter: the figure the start path's work is judged by).
    func runInstructions() {
        guard let valgrind = Proc.which("valgrind") else {
            results.add(Row(group: "startup", name: "feedback --version: instructions (callgrind)", value: nil, unit: "M instr",
                            target: "≤ 6 M", note: "valgrind is not installed"))
            return
        }
        let draft = folder + "/startup.json"
        // Valgrind cannot read the debug information of the static release binary: measure a
        // stripped copy, as Scripts/package ships it.
        var measured = binary
        if let strip = Proc.which("strip"), let (_, e) = try? Proc.timed(strip, ["-o", folder + "/feedback-stripped", binary], environment: env),
           e.status == 0 {
            measured = folder + "/feedback-stripped"
        }
        for (arguments, name, target) in [(["--version"], "feedback --version", 6.0), (["validate", draft], "feedback validate (typical draft)", nil)] {
            let log = folder + "/callgrind.log"
            var value: Double?
            var note = "valgrind --tool=callgrind \(arguments.joined(separator: " ")): total Ir"
            do {
                let (_, e) = try Proc.timed(valgrind, ["--tool=callgrind", "--callgrind-out-file=/dev/null", "--log-file=" + log, measured] + arguments,
                                            environment: env)
                let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                if let line = text.split(separator: "\n").first(where: { $0.contains("Collected :") }),
                   let count = Double(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") {
                    value = count / 1e6
                } else {
                    note = "callgrind reported no count (exit \(e.status)); " + note
                }
            } catch {
                note = "\(error); " + note
            }
            results.add(Row(group: "startup", name: "\(name): instructions (callgrind)", value: value, unit: "M instr", runs: value == nil ? 0 : 1,
                            target: target.map { "≤ \(Int($0)) M" }, verdict: target.map { t in value.map { $0 <= t ? .pass : .miss } ?? .miss } ?? .info,
                            note: note))
        }
    }

    // MARK: - Validate and export

    func runValidate() throws {
        let runs = quick ? 5 : 20
        let form = Drafts.form
        let typical = Drafts.typical(form)
        let findings = Validator(form: form).validate(typical)
        guard !findings.hasErrors else { throw BenchError("the typical draft has errors: \(findings.filter { $0.severity == .error }.map(\.code))") }
        let typicalPath = try write(typical, "typical.json")
        let large = Drafts.large(form, bytes: 1 << 20)
        let largePath = try write(large, "large-1mb.json")
        let typicalSize = DraftCodec.encode(typical, form: form).count
        let words = form.sections.map { Drafts.words(typical.text(at: .section($0.id, "text"))) }
        Console.progress("validate: typical draft \(Format.bytes(typicalSize)), words per heading \(words)")

        func whole(_ args: [String], expect: Int32, freshOut: Bool = false) throws -> (Sample, Int) {
            var times: [Double] = []
            var wrong = 0
            for i in 0..<(runs + 2) {
                var a = args
                if freshOut { a = ["export", "--out", folder + "/exports-\(UUID8.next())"] + args.dropFirst() }
                let (t, e) = try Proc.timed(binary, a, environment: env)
                if e.status != expect { wrong += 1 }
                if i >= 2 { times.append(t * 1000) }
            }
            return (Sample(times), wrong)
        }
        let (v, vWrong) = try whole(["validate", typicalPath], expect: 0)
        let (vl, vlWrong) = try whole(["validate", largePath], expect: 1)
        let (x, xWrong) = try whole(["export", typicalPath], expect: 0, freshOut: true)
        let (xl, xlWrong) = try whole(["export", largePath], expect: 1, freshOut: true)

        // The peer: Python's jsonschema on the export of the same draft against `feedback schema`.
        var pythonRow: Row?
        let schemaPath = folder + "/schema.json"
        let (_, schemaExit) = try Proc.timed(binary, ["schema"], environment: env, stdio: .outputFile(schemaPath))
        let exportPath = folder + "/typical.export.json"
        let exported = try Exporter(form: form).export(typical, exportedAt: Drafts.now)
        try Proc.writeFile(exportPath, exported.bytes)
        if schemaExit.status == 0, let python = Python.find(folder: folder) {
            let script = """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1], encoding="utf-8"))
                instance = json.load(open(sys.argv[2], encoding="utf-8"))
                jsonschema.validate(instance, schema, cls=jsonschema.Draft202012Validator)
                """
            var times: [Double] = []
            var bad = 0
            for i in 0..<(runs + 2) {
                let (t, e) = try Proc.timed(python, ["-c", script, schemaPath, exportPath], environment: env)
                if e.status != 0 { bad += 1 }
                if i >= 2 { times.append(t * 1000) }
            }
            let p = Sample(times)
            let speedup = p.median / v.median
            pythonRow = Row(group: "validate", name: "python jsonschema on the export (whole process)", value: p.median, unit: "ms", runs: p.count,
                            baselineName: "feedback validate", baseline: v.median, ratio: speedup,
                            target: "≥ 10× slower", verdict: bad == 0 && speedup >= 10 ? .pass : .miss,
                            note: "ratio = python / feedback validate; \(python) (jsonschema, Draft 2020-12, check_schema + validate)" + (bad > 0 ? "; CHECK FAILED: \(bad) runs did not exit 0" : ""))
        }
        func wrongNote(_ n: Int, _ expect: Int32) -> String? { n > 0 ? "CHECK FAILED: \(n) runs did not exit \(expect)" : nil }
        results.add(Row(group: "validate", name: "feedback validate, typical draft (\(Format.bytes(typicalSize)))", value: v.median, unit: "ms",
                        runs: v.count, baselineName: pythonRow == nil ? nil : "python jsonschema", baseline: pythonRow?.value,
                        ratio: pythonRow.map { v.median / ($0.value ?? .nan) },
                        target: "≤ 15 ms", verdict: vWrong == 0 && v.median <= 15 ? .pass : .miss, note: wrongNote(vWrong, 0)))
        if let pythonRow { results.add(pythonRow) } else {
            results.add(Row(group: "validate", name: "python jsonschema on the export (whole process)", value: nil, unit: "ms",
                            target: "≥ 10× slower", verdict: .unavailable, note: "python3 with jsonschema not found; not measured"))
        }
        results.add(Row(group: "validate", name: "feedback validate, 1 MB draft (has errors, exit 1)", value: vl.median, unit: "ms", runs: vl.count,
                        baselineName: "typical", baseline: v.median, ratio: vl.median / v.median, note: wrongNote(vlWrong, 1)))
        results.add(Row(group: "validate", name: "feedback export, typical draft", value: x.median, unit: "ms", runs: x.count,
                        baselineName: "validate", baseline: v.median, ratio: x.median / v.median,
                        note: wrongNote(xWrong, 0) ?? "fresh --out folder each run; SOURCE_DATE_EPOCH set"))
        results.add(Row(group: "validate", name: "feedback export, 1 MB draft (refused: errors)", value: xl.median, unit: "ms", runs: xl.count,
                        baselineName: "typical", baseline: x.median, ratio: xl.median / x.median,
                        note: wrongNote(xlWrong, 1) ?? "no draft over ~120 kB can pass the form's limits (maxChars 12 000, maxRows 40/60), so the 1 MB export is refused after validation"))

        // In process: drafts per second.
        let validator = Validator(form: form)
        let exporter = Exporter(form: form)
        let window = quick ? 0.3 : 1.0
        func rate(_ body: () -> Void) -> (Double, Int) {
            var n = 0
            let start = nowNanos()
            repeat { body(); n += 1 } while seconds(since: start) < window
            return (Double(n) / seconds(since: start), n)
        }
        let (vr, vn) = rate { blackHole(validator.validate(typical).count) }
        let (er, en) = rate { blackHole(try? exporter.export(typical, exportedAt: Drafts.now)) }
        let (dr, dn) = rate { blackHole(try? DraftCodec.decode(Array(Proc.readFile(typicalPath)!.utf8), file: "t", form: form)) }
        results.add(Row(group: "validate", name: "in process: Validator.validate, typical draft", value: vr, unit: "drafts/s", runs: vn,
                        note: "\(Format.value(1000 / vr, unit: "ms")) per draft"))
        results.add(Row(group: "validate", name: "in process: Exporter.export, typical draft", value: er, unit: "drafts/s", runs: en,
                        note: "\(Format.value(1000 / er, unit: "ms")) per draft (validates, hashes, writes JSON)"))
        results.add(Row(group: "validate", name: "in process: read + DraftCodec.decode, typical draft", value: dr, unit: "drafts/s", runs: dn,
                        note: "\(Format.value(1000 / dr, unit: "ms")) per draft"))
    }

    // MARK: - Memory

    func runMemory() throws {
        let runs = quick ? 1 : 3
        let form = Drafts.form
        let big = DraftCodec.encode(Drafts.large(form, bytes: 5 << 20), form: form)
        let small = DraftCodec.encode(Drafts.typical(form), form: form)
        Console.progress("memory: 5 MB draft file \(Format.bytes(big.count))")

        /// Opens the draft, goes to heading 1, to its end, types a key, waits for the autosave, reads VmHWM.
        func peak(_ bytes: [UInt8], name: String) throws -> (hwm: Double?, afterAutosave: Double?, firstFrame: Double?, note: String?) {
            let path = folder + "/" + name
            try Proc.writeFile(path, bytes)
            let s = try startInterface(path, timeout: 60)
            guard let complete = s.complete else {
                let e = s.pty.finish(s.pid, within: 0.1)
                return (nil, nil, nil, "the first frame did not appear (exit \(e.status))")
            }
            var notes: [String] = []
            if let loaded = Proc.statusField(s.pid, "VmHWM") { notes.append("\(Format.value(Double(loaded) / 1024, unit: "MB")) at the first frame") }
            let mark = s.pty.output.count
            _ = s.pty.send("\u{1B}1")  // Alt-1: the first heading's text
            if s.pty.waitFor(Array("bidrag".utf8), from: mark, deadline: nowNanos() + 20_000_000_000) == nil { notes.append("heading 1 did not show") }
            _ = s.pty.send("\u{1B}[1;5F")  // Ctrl-End
            _ = s.pty.waitFor(Array("never".utf8), deadline: nowNanos() + 300_000_000)
            _ = s.pty.send("x")
            _ = s.pty.waitFor(Array("never".utf8), deadline: nowNanos() + 1_500_000_000)  // autosave after a 0.3 s pause
            if !Proc.exists(DraftFiles.autosavePath(for: path)) { notes.append("no autosave appeared") }
            let afterAutosave = Proc.statusField(s.pid, "VmHWM")
            if let a = afterAutosave { notes.append("\(Format.value(Double(a) / 1024, unit: "MB")) after the autosave") }
            // An explicit save (Ctrl-S) encodes and writes the whole draft: read the peak after it too.
            let saveMark = s.pty.output.count
            _ = s.pty.send("\u{13}")
            if s.pty.waitFor(Array("Sparat".utf8), from: saveMark, deadline: nowNanos() + 30_000_000_000) == nil { notes.append("Ctrl-S did not report saving") }
            let afterSave = Proc.statusField(s.pid, "VmHWM")
            let hwm = [afterAutosave, afterSave].compactMap { $0 }.max()
            let e = quit(s, within: 60)
            if e.status != 0 { notes.append("exit status \(e.status)") }
            return (hwm.map { Double($0) / 1024 }, afterAutosave.map { Double($0) / 1024 }, Double(complete - s.start) / 1e6,
                    notes.isEmpty ? nil : notes.joined(separator: "; "))
        }
        var hwms: [Double] = []
        var firstFrames: [Double] = []
        var rss: [Double] = []  // after the autosave
        var notes: [String] = []
        for i in 0..<runs {
            let r = try peak(big, name: "memory-5mb-\(i).json")
            if let h = r.hwm { hwms.append(h) }
            if let f = r.firstFrame { firstFrames.append(f) }
            if let m = r.afterAutosave { rss.append(m) }
            if let n = r.note { notes.append(runs > 1 ? "run \(i + 1): \(n)" : n) }
        }
        let t = try peak(small, name: "memory-typical.json")
        // Baseline: the peak of `feedback --version`, from GNU time (it forks from its own small
        // process, so the child's maximum is not inflated by this one's, as posix_spawn's would be).
        var versionRSS: [Double] = []
        if Proc.isExecutable("/usr/bin/time") {
            let out = folder + "/time.txt"
            for _ in 0..<3 {
                let (_, e) = try Proc.timed("/usr/bin/time", ["-f", "%M", binary, "--version"], environment: env, stdio: .errorFile(out))
                if e.status == 0, let kib = Proc.readFile(out)?.split(separator: "\n").last.flatMap({ Double($0) }) { versionRSS.append(kib / 1024) }
            }
        }
        let baseline = versionRSS.isEmpty ? Double.nan : Sample(versionRSS).median
        let h = Sample(hwms)
        results.add(Row(group: "memory", name: "feedback --version peak RSS", value: baseline, unit: "MB", runs: versionRSS.count,
                        note: versionRSS.isEmpty ? "not measured (/usr/bin/time missing)" : "baseline: maximum resident size at exit (GNU time %M = VmHWM)"))
        results.add(Row(group: "memory", name: "feedback fill, typical draft: VmHWM", value: t.hwm, unit: "MB", runs: 1,
                        baselineName: "--version", baseline: baseline, ratio: t.hwm.map { $0 / baseline }, note: t.note))
        results.add(Row(group: "memory", name: "feedback fill, 5 MB draft: VmHWM", value: h.count > 0 ? h.median : nil, unit: "MB", runs: h.count,
                        baselineName: "--version", baseline: baseline, ratio: h.count > 0 ? h.median / baseline : nil,
                        target: "≤ 50 MB", verdict: h.count > 0 && h.median <= 50 ? .pass : .miss,
                        note: (["VmHWM from /proc/PID/status after opening, Alt-1, Ctrl-End, one key, its autosave and Ctrl-S"] + notes).joined(separator: "; ")))
        let f = Sample(firstFrames)
        results.add(Row(group: "memory", name: "feedback fill, 5 MB draft: first frame complete", value: f.count > 0 ? f.median : nil, unit: "ms",
                        runs: f.count, note: "start-up with the 5 MB draft (for comparison with the typical start-up)"))
    }

    // MARK: - The same paste in vim and in feedback, through a pty

    func runVim() throws {
        let runs = quick ? 1 : 3
        // vim takes ~10 s for the full paste: the smoke run uses a tenth of it.
        let lines = quick ? InterfaceBench.pasteLines / 10 : InterfaceBench.pasteLines
        let text = Swedish.pasteText(lines: lines, seed: 3, marker: InterfaceBench.marker)
        let size = "\(lines) lines, \(Format.bytes(text.utf8.count))"
        let framed = Array("\u{1B}[200~".utf8) + Array(text.utf8) + Array("\u{1B}[201~".utf8)
        let marker = Array(InterfaceBench.marker.utf8)

        // Baseline: the pty transport alone, a reader that swallows the bytes.
        var transport: [Double] = []
        for _ in 0..<runs {
            let pty = try Pty(width: 80, height: 24)
            let pid = try Proc.spawn("/bin/sh", ["-c", "stty raw -echo; printf READY; head -c \(framed.count) >/dev/null; printf ZZDONEZZ"],
                                     environment: env, stdio: .terminal(slave: pty.slavePath))
            guard pty.waitFor(Array("READY".utf8), deadline: nowNanos() + 5_000_000_000) != nil else { _ = pty.finish(pid, within: 1); continue }
            let start = nowNanos()
            let sent = pty.send(framed, deadline: start + 60_000_000_000)
            if sent, let done = pty.waitFor(Array("ZZDONEZZ".utf8), deadline: nowNanos() + 60_000_000_000) {
                transport.append(Double(done - start) / 1e6)
            }
            _ = pty.finish(pid, within: 2)
        }
        let tp = Sample(transport)

        // feedback: open an empty first heading, paste, wait until the last line is on screen.
        var fb: [Double] = []
        var fbNotes: [String] = []
        var base = Drafts.base(Drafts.form)
        Drafts.fillTables(&base, Drafts.form)
        let draftBytes = DraftCodec.encode(base, form: Drafts.form)
        for i in 0..<runs {
            let path = folder + "/paste-\(i).json"
            try Proc.writeFile(path, draftBytes)
            let s = try startInterface(path)
            guard s.complete != nil else { fbNotes.append("no first frame"); _ = s.pty.finish(s.pid, within: 0.1); continue }
            var mark = s.pty.output.count
            _ = s.pty.send("\u{1B}1")
            guard s.pty.waitFor(Array("bidrag".utf8), from: mark, deadline: nowNanos() + 5_000_000_000) != nil else {
                fbNotes.append("heading 1 did not show"); _ = quit(s); continue
            }
            _ = s.pty.waitFor(Array("never".utf8), deadline: nowNanos() + 100_000_000)
            mark = s.pty.output.count
            let start = nowNanos()
            let sent = s.pty.send(framed, deadline: start + 60_000_000_000)
            if sent, let seen = s.pty.waitFor(marker, from: mark, deadline: nowNanos() + 60_000_000_000) {
                fb.append(Double(seen - start) / 1e6)
            } else { fbNotes.append("the last line did not show within 60 s") }
            let e = quit(s, within: 60)
            if e.status != 0 { fbNotes.append("exit \(e.status)") }
        }
        let f = Sample(fb)

        // vim -u NONE -N: bracketed paste must be on (t_BE sends ESC [ ? 2004 h), else it is not comparable.
        var vimRow = Row(group: "vim", name: "vim -u NONE -N: paste (\(size)) until last line shows", value: nil, unit: "ms",
                         verdict: .unavailable)
        if let vim = Proc.which("vim") {
            var times: [Double] = []
            var notes: [String] = []
            var vimEnv = env
            vimEnv["TERM"] = "xterm"
            for i in 0..<runs {
                let pty = try Pty(width: 80, height: 24)
                let pid = try Proc.spawn(vim, ["-u", "NONE", "-N", "-n", "-i", "NONE", "-X"], environment: vimEnv, stdio: .terminal(slave: pty.slavePath))
                let on = pty.waitFor(Array("\u{1B}[?2004h".utf8), deadline: nowNanos() + 5_000_000_000)
                guard on != nil else {
                    notes.append("vim did not turn on bracketed paste (no ESC[?2004h)")
                    _ = pty.send("\u{1B}:qa!\r"); _ = pty.finish(pid, within: 2); break
                }
                _ = pty.waitFor(Array("never".utf8), deadline: nowNanos() + 300_000_000)  // let it draw and settle
                let mark = pty.output.count
                let start = nowNanos()
                let sent = pty.send(framed, deadline: start + 120_000_000_000)
                let seen = sent ? pty.waitFor(marker, from: mark, deadline: nowNanos() + 120_000_000_000) : nil
                // Check what vim took: write the buffer out and count its lines.
                let out = folder + "/vim-\(i).txt"
                _ = pty.send("\u{1B}:w! \(out)\r")
                let wrote = pty.waitFor(Array("written".utf8), from: mark, deadline: nowNanos() + 30_000_000_000) != nil
                _ = pty.send(":qa!\r")
                _ = pty.finish(pid, within: 10)
                let content = Proc.readFile(out) ?? ""
                let lines = content.split(separator: "\n", omittingEmptySubsequences: false)
                let intact = wrote && content.utf8.count == text.utf8.count + 1 && lines.dropLast().last.map(String.init) == InterfaceBench.marker
                if let seen, intact {
                    times.append(Double(seen - start) / 1e6)
                } else {
                    notes.append(seen == nil ? "the last line did not show" : "vim's buffer was not the pasted text (\(lines.count - 1) lines, \(content.utf8.count) bytes)")
                }
            }
            let v = Sample(times)
            if v.count > 0 {
                vimRow = Row(group: "vim", name: "vim -u NONE -N: paste (\(size)) until last line shows", value: v.median, unit: "ms", runs: v.count,
                             baselineName: "pty transport", baseline: tp.count > 0 ? tp.median : nil, ratio: tp.count > 0 ? v.median / tp.median : nil,
                             note: (["TERM=xterm; buffer written out and checked (\(lines) lines, last line the marker)"] + notes).joined(separator: "; "))
            } else {
                vimRow.note = "not reliable here, no figure given: " + notes.joined(separator: "; ")
            }
        } else {
            vimRow.note = "vim not installed"
        }
        results.add(Row(group: "vim", name: "pty transport of the paste (head -c)", value: tp.count > 0 ? tp.median : nil, unit: "ms", runs: tp.count,
                        note: "baseline: the bytes through the pseudo-terminal to a reader that discards them"))
        results.add(vimRow)
        let vimMedian = vimRow.value
        results.add(Row(group: "vim", name: "feedback: paste (\(size)) until last line shows", value: f.count > 0 ? f.median : nil, unit: "ms", runs: f.count,
                        baselineName: vimMedian == nil ? "pty transport" : "vim", baseline: vimMedian ?? (tp.count > 0 ? tp.median : nil),
                        ratio: f.count > 0 ? f.median / (vimMedian ?? (tp.count > 0 ? tp.median : .nan)) : nil,
                        target: "≤ 1 s", verdict: f.count > 0 ? (f.median <= 1000 ? .pass : .miss) : .unavailable,
                        note: fbNotes.isEmpty ? "ratio = feedback / vim" : fbNotes.joined(separator: "; ")))
    }
}

/// Unique suffixes for scratch folders.
enum UUID8 {
    nonisolated(unsafe) static var counter = 0
    static func next() -> String { counter += 1; return String(counter) }
}

/// Finds a Python interpreter with a module (the real executable, not a pyenv shim).
enum Python {
    static func find(folder: String, module: String = "jsonschema") -> String? {
        let path = String(cString: getenv("PATH") ?? strdup("/usr/bin:/bin"))
        var candidates: [String] = []
        for dir in path.split(separator: ":") where Proc.isExecutable("\(dir)/python3") { candidates.append("\(dir)/python3") }
        var parentEnv: [String: String] = [:]
        var e = environ
        while let p = e.pointee {
            let s = String(cString: p)
            if let eq = s.firstIndex(of: "=") { parentEnv[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            e += 1
        }
        for candidate in candidates {
            let out = folder + "/python-exe.txt"
            guard let (_, exit) = try? Proc.timed(candidate, ["-c", "import sys, \(module); print(sys.executable)"], environment: parentEnv,
                                                  stdio: .outputFile(out)), exit.status == 0,
                  let exe = Proc.readFile(out)?.split(separator: "\n").first.map(String.init), Proc.isExecutable(exe) else { continue }
            // The real interpreter must import the module with the bench's own environment too.
            if let (_, e2) = try? Proc.timed(exe, ["-c", "import \(module)"], environment: Proc.environment(home: folder)), e2.status == 0 {
                return exe
            }
        }
        return nil
    }
}
