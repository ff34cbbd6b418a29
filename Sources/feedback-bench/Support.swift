import FeedbackModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Time

/// Monotonic time in nanoseconds.
@inline(__always)
func nowNanos() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
}

/// Seconds since `start` (nanoseconds).
func seconds(since start: UInt64) -> Double { Double(nowNanos() &- start) / 1e9 }

/// Runs `body` once and returns its duration in seconds.
@inline(__always)
func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = nowNanos()
    try body()
    return Double(nowNanos() &- start) / 1e9
}

/// Keeps a value alive and opaque to the optimiser.
@inline(never)
func blackHole<T>(_ value: T) { _ = value }

// MARK: - Statistics

struct Sample {
    var values: [Double]  // seconds (or any unit)

    init(_ values: [Double]) { self.values = values.sorted() }

    var count: Int { values.count }
    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }
    var min: Double { values.first ?? .nan }
    var max: Double { values.last ?? .nan }
    var mean: Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }

    /// Nearest-rank percentile.
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        if p >= 100 { return values[values.count - 1] }
        let rank = Int((p / 100 * Double(values.count)).rounded(.up))
        return values[Swift.max(0, Swift.min(values.count - 1, rank - 1))]
    }
}

// MARK: - Results

enum Verdict: String {
    case pass = "PASS"
    case miss = "MISS"
    case info = ""
    case unavailable = "N/A"
}

/// One row of the results table (and one object in the JSON).
struct Row {
    var group: String
    var name: String
    /// Median (or the single figure), in `unit`.
    var value: Double?
    var unit: String
    var p99: Double?
    var runs: Int?
    /// A baseline measured in the same run and value / baseline.
    var baselineName: String?
    var baseline: Double?
    var ratio: Double?
    var target: String?
    var verdict: Verdict = .info
    var note: String?
}

final class Results {
    private(set) var rows: [Row] = []
    let verbose: Bool

    init(verbose: Bool) { self.verbose = verbose }

    func add(_ row: Row) {
        rows.append(row)
        if verbose { Console.progress("  \(row.group) · \(row.name): \(Format.value(row.value, unit: row.unit))\(row.p99.map { " (p99 \(Format.value($0, unit: row.unit)))" } ?? "")\(row.verdict == .info ? "" : " " + row.verdict.rawValue)") }
    }

    var misses: [Row] { rows.filter { $0.verdict == .miss } }
}

/// Stores durations in milliseconds, memory in MB: units the table shows directly.
enum Format {
    static func number(_ v: Double, digits: Int) -> String {
        guard v.isFinite else { return "–" }
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let r = (v * p).rounded() / p
        var s = String(r)
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if digits == 0 { s = String(s[..<dot]) } else if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
        } else if digits > 0 {
            s += "." + String(repeating: "0", count: digits)
        }
        return s
    }

    /// A figure with a sensible number of digits.
    static func value(_ v: Double?, unit: String) -> String {
        guard let v, v.isFinite else { return "–" }
        let a = abs(v)
        let digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4
        return number(v, digits: digits) + (unit.isEmpty ? "" : " " + unit)
    }

    static func ratio(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "" }
        let a = abs(v)
        return number(v, digits: a >= 100 ? 0 : a >= 10 ? 1 : 2) + "×"
    }

    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let n = s.count
        if n >= width { return s }
        let fill = String(repeating: " ", count: width - n)
        return right ? fill + s : s + fill
    }

    static func bytes(_ n: Int) -> String {
        if n >= 1 << 20 { return number(Double(n) / Double(1 << 20), digits: 2) + " MiB" }
        if n >= 1 << 10 { return number(Double(n) / Double(1 << 10), digits: 1) + " KiB" }
        return "\(n) B"
    }
}

enum Console {
    static func out(_ text: String) {
        var line = text + "\n"
        line.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { if n < 0 && errno == EINTR { continue }; return }
                offset += n
            }
        }
    }

    /// Progress goes to standard error, so standard output is only the table.
    static func progress(_ text: String) {
        var line = text + "\n"
        line.withUTF8 { buffer in _ = write(STDERR_FILENO, buffer.baseAddress!, buffer.count) }
    }
}

// MARK: - Table and JSON

enum Report {
    static func table(_ rows: [Row]) -> String {
        let headers = ["group", "measurement", "median", "p99", "n", "baseline (same run)", "ratio", "target", "verdict"]
        var lines: [[String]] = []
        for r in rows {
            let baseline: String
            if let name = r.baselineName {
                baseline = r.baseline.map { "\(name) \(Format.value($0, unit: r.unit))" } ?? name
            } else { baseline = "" }
            lines.append([r.group, r.name, Format.value(r.value, unit: r.unit),
                          r.p99.map { Format.value($0, unit: r.unit) } ?? "",
                          r.runs.map(String.init) ?? "", baseline, Format.ratio(r.ratio), r.target ?? "", r.verdict.rawValue])
        }
        var widths = headers.map(\.count)
        for l in lines { for (i, c) in l.enumerated() { widths[i] = max(widths[i], c.count) } }
        let rightAligned: Set<Int> = [2, 3, 4, 6]
        func render(_ cells: [String]) -> String {
            var s = ""
            for (i, c) in cells.enumerated() {
                s += Format.pad(c, widths[i], right: rightAligned.contains(i))
                if i < cells.count - 1 { s += "  " }
            }
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = [render(headers), render(widths.map { String(repeating: "-", count: $0) })]
        var group = ""
        for (r, l) in zip(rows, lines) {
            if r.group != group, !group.isEmpty { out.append("") }
            group = r.group
            out.append(render(l))
        }
        let notes = rows.enumerated().compactMap { (i, r) -> String? in r.note.map { "  [\(r.group) · \(r.name)] \($0)" } }
        if !notes.isEmpty {
            out.append("")
            out.append("Notes:")
            out += notes
        }
        return out.joined(separator: "\n")
    }

    static func json(_ rows: [Row], meta: [(String, JSONValue)]) -> [UInt8] {
        func num(_ v: Double?) -> JSONValue {
            guard let v, v.isFinite else { return .null }
            return .number(Format.number(v, digits: 6))
        }
        let items: [JSONValue] = rows.map { r in
            var o = JSONObject()
            o["group"] = .string(r.group)
            o["name"] = .string(r.name)
            o["unit"] = .string(r.unit)
            o["median"] = num(r.value)
            o["p99"] = num(r.p99)
            o["runs"] = r.runs.map { .integer($0) } ?? .null
            o["baselineName"] = r.baselineName.map { .string($0) } ?? .null
            o["baseline"] = num(r.baseline)
            o["ratio"] = num(r.ratio)
            o["target"] = r.target.map { .string($0) } ?? .null
            o["verdict"] = r.verdict == .info ? .null : .string(r.verdict.rawValue)
            o["note"] = r.note.map { .string($0) } ?? .null
            return .object(o)
        }
        var root = JSONObject()
        for (k, v) in meta { root[k] = v }
        root["results"] = .array(items)
        return JSONWriter.pretty(.object(root))
    }
}
