// feedback-bench: the performance figures of feedback, as a table and as JSON.
//
//   swift build -c release --product feedback            (the bench runs the release binary)
//   swift run -c release feedback-bench [--quick] [--only NAME[,NAME]] [--json PATH]
//
// Groups: typing (with cursor movement), paste, resize, startup, validate, documents (render
// and import), history (diff and carry-over), memory, vim, install (binary size as built and
// as packaged, and the packaged binary's start-up), board (receive, status and report for 300
// exports), causes (in-process timings of the pieces behind the misses; no targets), and
// safety (the pattern matcher, the form reader's anchor check, guarded saves and the kernel lock).
// Scratch files go to a fresh folder under /tmp that is removed at the end; only the JSON
// file is written elsewhere (default ./bench-results.json).

import FeedbackInterface
import FeedbackModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let groups = ["typing", "paste", "resize", "startup", "validate", "documents", "history", "memory", "vim", "install", "board", "answers", "causes", "safety"]

let usage = """
    usage: feedback-bench [--quick] [--only NAME[,NAME...]] [--json PATH] [--keep]

      --quick       a fast smoke run (fewer keys and runs; well under 30 s)
      --only NAME   run only these groups: \(groups.joined(separator: ", "))
      --json PATH   where to write the figures as JSON (default: bench-results.json in the current folder)
      --filter TEXT only the typing/cursor/resize rows whose name contains TEXT (to profile one scenario)
      --keys N      type exactly N keys in each typing row (no time budget; for profiling)
      --keep        keep the scratch folder under /tmp (the drafts used, for profiling) and print its path

    Build first in release mode, so the bench finds the feedback binary beside itself:
      swift build -c release --product feedback && swift run -c release feedback-bench
    """

struct Options {
    var quick = false
    var only: Set<String> = Set(groups)
    var json = "bench-results.json"
    var keep = false
}

func parseOptions(_ arguments: [String]) -> Options {
    var options = Options()
    var i = 0
    func fail(_ message: String) -> Never {
        Console.progress("feedback-bench: \(message)\n\n\(usage)")
        exit(2)
    }
    func value(_ flag: String) -> String {
        i += 1
        guard i < arguments.count, !arguments[i].hasPrefix("--") else { fail("\(flag) needs a value") }
        return arguments[i]
    }
    while i < arguments.count {
        let a = arguments[i]
        if a == "--quick" {
            options.quick = true
        } else if a == "--only" || a.hasPrefix("--only=") {
            let v = a == "--only" ? value(a) : String(a.dropFirst("--only=".count))
            let names = Set(v.split(separator: ",").map { String($0).lowercased() })
            let unknown = names.subtracting(groups)
            guard unknown.isEmpty, !names.isEmpty else { fail("unknown group \(unknown.sorted().joined(separator: ", ")); known: \(groups.joined(separator: ", "))") }
            options.only = names
        } else if a == "--json" || a.hasPrefix("--json=") {
            options.json = a == "--json" ? value(a) : String(a.dropFirst("--json=".count))
        } else if a == "--filter" {
            RowFilter.text = value(a)
        } else if a == "--keys" {
            guard let n = Int(value(a)), n > 0 else { fail("--keys needs a positive number") }
            RowFilter.keys = n
        } else if a == "--keep" {
            options.keep = true
        } else if a == "-h" || a == "--help" {
            print(usage)
            exit(0)
        } else {
            fail("unknown argument \(a)")
        }
        i += 1
    }
    return options
}

func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return path }
    return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } + "/" + path
}

func machineDescription() -> String {
    var name = utsname()
    uname(&name)
    let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    let cpu = Proc.readFile("/proc/cpuinfo")?.split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { $0.split(separator: ":", maxSplits: 1).last.map { String($0.drop { $0 == " " || $0 == "\t" }) } ?? "" } ?? "?"
    return "\(cpu), \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) CPUs, Linux \(release)"
}

/// The 1-minute load average: the figures mean little on a busy machine.
func loadAverage() -> Double? {
    Proc.readFile("/proc/loadavg")?.split(separator: " ").first.flatMap { Double($0) }
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
let loadAtStart = loadAverage()
let jsonPath = absolute(options.json)
let results = Results(verbose: true)
let started = nowNanos()
let ownFolder = Proc.ownFolder()
nonisolated(unsafe) var staleWarning: String?
let binary = ownFolder + "/feedback"
#if DEBUG
Console.progress("feedback-bench: warning: this is a debug build; the figures mean little (use -c release)")
#endif

Console.progress("feedback-bench \(options.quick ? "(quick) " : "")– \(machineDescription())")

@MainActor func section(_ name: String, _ body: () throws -> Void) {
    guard options.only.contains(name) else { return }
    let t = nowNanos()
    Console.progress("[\(name)]")
    do { try body() } catch {
        results.add(Row(group: name, name: "(failed)", value: nil, unit: "", verdict: .unavailable, note: "\(error)"))
    }
    Console.progress("[\(name)] \(Format.number(seconds(since: t), digits: 1)) s")
}

section("typing") { InterfaceBench.run(results: results, quick: options.quick) }
section("paste") { InterfaceBench.runPaste(results: results, quick: options.quick) }
section("resize") { InterfaceBench.runResize(results: results, quick: options.quick) }
section("causes") { Causes.run(results: results, quick: options.quick) }
section("safety") { try SafetyBench.run(results: results, quick: options.quick) }

/// Warns when the feedback binary is older than the sources it is built from (`swift run
/// feedback-bench` builds only the bench).
func staleness(of binary: String) -> String? {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    let fm = FileManager.default
    guard let built = (try? fm.attributesOfItem(atPath: binary))?[.modificationDate] as? Date else { return nil }
    for target in ["FeedbackModel", "FeedbackHistory", "FeedbackInterface", "FeedbackTerminal", "FeedbackDocuments", "FeedbackBoard", "FeedbackAnswers", "feedback"] {
        guard let walker = fm.enumerator(atPath: sources.appendingPathComponent(target).path) else { continue }
        for case let file as String in walker where file.hasSuffix(".swift") {
            let path = sources.appendingPathComponent(target).appendingPathComponent(file).path
            if let changed = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date, changed > built {
                return "Sources/\(target)/\(file) is newer than \(binary): rebuild it (swift build -c release --product feedback)"
            }
        }
    }
    return nil
}

let processGroups: Set<String> = ["startup", "validate", "documents", "history", "memory", "vim", "install", "board", "answers"]
if !options.only.isDisjoint(with: processGroups) {
    if Proc.isExecutable(binary) {
        if let stale = staleness(of: binary) { Console.progress("feedback-bench: WARNING: \(stale)"); staleWarning = stale }
        let folder = try Proc.makeTemporaryFolder()
        Proc.makeFolder(folder + "/data")
        // Children run in the scratch folder, so no ./Forms folder is picked up.
        let previous = absolute(".")
        chdir(folder)
        let bench = ProcessBench(binary: binary, folder: folder, quick: options.quick, results: results)
        section("startup") { try bench.runStartup() }
        section("validate") { try bench.runValidate() }
        section("documents") { try bench.runDocuments() }
        section("history") { try bench.runHistory() }
        section("memory") { try bench.runMemory() }
        section("vim") { try bench.runVim() }
        section("install") { try InstallBench(binary: binary, folder: folder, quick: options.quick, results: results).run() }
        section("board") { try BoardBench(binary: binary, folder: folder, quick: options.quick, results: results).run() }
        section("answers") { try AnswerBench(binary: binary, folder: folder, quick: options.quick, results: results).run() }
        chdir(previous)
        if options.keep { Console.progress("scratch folder kept: \(folder)") } else { Proc.removeTree(folder) }
    } else {
        for g in groups where processGroups.contains(g) && options.only.contains(g) {
            results.add(Row(group: g, name: "(not run)", value: nil, unit: "", verdict: .unavailable,
                            note: "\(binary) not found: build it with swift build -c release --product feedback"))
        }
    }
}

let total = seconds(since: started)
let loadAtEnd = loadAverage()
let cpus = Double(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
let busy = [loadAtStart, loadAtEnd].compactMap { $0 }.contains { $0 > 0.5 * cpus }
Console.out("")
Console.out("feedback-bench\(options.quick ? " --quick" : "") — \(machineDescription()); \(Format.number(total, digits: 1)) s")
Console.out("Figures are medians (p99 where shown, per key); ratios are against a baseline measured in this run.")
Console.out("Load average (1 min) at start \(loadAtStart.map { Format.number($0, digits: 2) } ?? "?"), at end \(loadAtEnd.map { Format.number($0, digits: 2) } ?? "?")"
    + (busy ? " — WARNING: the machine was busy; other processes inflate these figures" : ""))
Console.out("")
Console.out(Report.table(results.rows))
if let staleWarning { Console.out("WARNING: \(staleWarning)") }
let misses = results.misses
Console.out("")
let judged = results.rows.filter { $0.verdict == .pass || $0.verdict == .miss }.count
Console.out(judged == 0 ? "No targets in the groups run." : misses.isEmpty ? "All \(judged) targets met."
    : "Targets missed: \(misses.count) of \(judged) — " + misses.map { "\($0.group) · \($0.name)" }.joined(separator: "; "))

let meta: [(String, JSONValue)] = [
    ("tool", .string("feedback-bench")),
    ("quick", .bool(options.quick)),
    ("groups", .array(groups.filter { options.only.contains($0) }.map { .string($0) })),
    ("machine", .string(machineDescription())),
    ("feedbackBinary", .string(binary)),
    ("totalSeconds", .number(Format.number(total, digits: 2))),
    ("warning", staleWarning.map { .string($0) } ?? .null),
    ("loadAverageStart", loadAtStart.map { .number(Format.number($0, digits: 2)) } ?? .null),
    ("loadAverageEnd", loadAtEnd.map { .number(Format.number($0, digits: 2)) } ?? .null),
]
do {
    try Proc.writeFile(jsonPath, Report.json(results.rows, meta: meta))
    Console.progress("wrote \(jsonPath)")
} catch {
    Console.progress("feedback-bench: \(error)")
    exit(2)
}
