import FeedbackInterface
import FeedbackModel

/// Drives the interface core the way the real loop does: a key, then a fresh grid rendered.
struct Driver {
    var app: App
    var width: Int
    var height: Int
    var now = 1_806_480_000.0
    /// Seconds between keys: a fast typist (12.5 keys a second), so autosaves fall due as in real use.
    var keyInterval = 0.08
    var autosaves = 0
    var lastGrid: ScreenGrid

    init(draft: Draft, width: Int = 80, height: Int = 24) {
        let form = Drafts.form
        app = App(session: EditorSession(form: form, draft: draft, path: "/tmp/feedback-bench-unused/utkast.json", language: .sv,
                                         exportFolder: "/tmp/feedback-bench-unused/Exports"))
        self.width = width
        self.height = height
        lastGrid = ScreenGrid(width: width, height: height)
        render()
    }

    mutating func render() {
        var grid = ScreenGrid(width: width, height: height)
        app.render(into: &grid)
        lastGrid = grid
    }

    /// One key handled and the frame rendered; returns seconds.
    @discardableResult
    mutating func key(_ key: Key) -> Double {
        now += keyInterval
        let start = nowNanos()
        let commands = app.handle(.key(key), now: now)
        var grid = ScreenGrid(width: width, height: height)
        app.render(into: &grid)
        let elapsed = Double(nowNanos() &- start) / 1e9
        for c in commands { if case .session(.autosave) = c { autosaves += 1 } }
        lastGrid = grid
        return elapsed
    }

    /// The first row of the text area (where the cursor is right after opening a page at its start).
    var cursorRow: Int? { lastGrid.cursor?.row }

    /// The open draft's text at the first heading.
    func firstHeadingText() -> String {
        guard let s = app.session else { return "" }
        let d = s.currentDraft()
        return d.text(at: .section(Drafts.form.sections[0].id, "text"))
    }
}

/// `--filter TEXT`: only the interface rows whose name contains TEXT (for profiling one scenario).
enum RowFilter {
    nonisolated(unsafe) static var text: String?
    /// `--keys N`: type exactly N keys per typing row, with no time budget.
    nonisolated(unsafe) static var keys: Int?
    static func accepts(_ name: String) -> Bool { text.map { name.contains($0) } ?? true }
}

enum InterfaceBench {
    static let width = 80
    static let height = 24
    /// The editor wraps at the page width: 80 − 22 (page list) − 2 − 1, less the spare column.
    static let wrapWidth80 = 55

    struct Budget {
        var keys: Int
        var seconds: Double
    }

    /// A driver on the first heading (Alt-1) holding `text`, with the cursor at the start.
    static func openFirstHeading(_ text: String) -> Driver {
        var d = Driver(draft: Drafts.withFirstHeading(Drafts.form, text: text))
        d.key(.alt("1"))
        return d
    }

    /// Rows of text shown on the text page (the page-down step is one less).
    static func textRows(_ d: Driver) -> Int {
        guard let row = d.cursorRow else { return 10 }
        return (height - 2) - row
    }

    /// Moves the cursor to the middle of the text with page-down, returning the key times.
    static func goToMiddle(_ d: inout Driver, text: String) -> [Double] {
        var buffer = TextBuffer(text)
        buffer.setWrapWidth(wrapWidth80)
        let rows = buffer.wrapAll()
        let step = max(1, textRows(d) - 1)
        var times: [Double] = []
        for _ in 0..<(rows / 2 / step) { times.append(d.key(.pageDown)) }
        return times
    }

    static func typedCharacters(_ count: Int) -> [Character] {
        var rng = SplitMix(seed: 7)
        var s = ""
        while s.count < count { s += Swedish.paragraph(&rng) + " " }
        return Array(s.prefix(count))
    }

    struct Typing {
        var times: [Double]
        var autosaves: Int
        var truncated: Bool
        var verified: Bool
    }

    static func type(_ d: inout Driver, _ characters: [Character], budget: Budget) -> Typing {
        var times: [Double] = []
        times.reserveCapacity(characters.count)
        let start = nowNanos()
        let before = d.autosaves
        var truncated = false
        for c in characters {
            times.append(d.key(.character(c)))
            if times.count >= budget.keys { break }
            if seconds(since: start) > budget.seconds { truncated = times.count < characters.count; break }
        }
        return Typing(times: times, autosaves: d.autosaves - before, truncated: truncated, verified: true)
    }

    static func ms(_ s: [Double]) -> Sample { Sample(s.map { $0 * 1000 }) }

    static func run(results: Results, quick: Bool) {
        var budget = quick ? Budget(keys: 1_000, seconds: 1) : Budget(keys: 10_000, seconds: 12)
        if let keys = RowFilter.keys { budget = Budget(keys: keys, seconds: .infinity) }
        let megabyte = 1 << 20
        let paragraphs = Swedish.text(bytes: megabyte, seed: 1)
        let oneLine = Swedish.text(bytes: megabyte, seed: 1, separator: " ")
        let typical = Swedish.text(words: 2_000, maxChars: 11_999, seed: 100)
        let characters = typedCharacters(budget.keys)
        Console.progress("typing: 1 MB = \(paragraphs.utf8.count) bytes in \(paragraphs.split(separator: "\n").count) paragraphs; single line \(oneLine.utf8.count) bytes")

        // Baseline: the same keys at the end of a typical heading (~12 000 characters).
        var baseline = Sample([])
        if RowFilter.accepts("typical heading (12 kB), at end") {
            var base = openFirstHeading(typical)
            base.key(.ctrlEnd)
            let baseTyping = type(&base, characters, budget: budget)
            baseline = ms(baseTyping.times)
            results.add(Row(group: "typing", name: "typical heading (12 kB), at end", value: baseline.median, unit: "ms", p99: baseline.p99,
                            runs: baseline.count, note: "baseline for the typing rows: \(Drafts.words(typical)) words, \(typical.unicodeScalars.count) characters; the keys (no Enter) grow one paragraph by \(baseline.count) characters, and the cost per key grows with it"))
        }

        func typingRow(_ name: String, _ text: String, middle: Bool, target: Bool) {
            guard RowFilter.accepts(name) else { return }
            var d = openFirstHeading(text)
            if middle { _ = goToMiddle(&d, text: text) } else { d.key(.ctrlEnd) }
            let t = type(&d, characters, budget: budget)
            let s = ms(t.times)
            // Sanity: the typed characters are in the text.
            let typed = String(characters.prefix(t.times.count))
            let after = d.firstHeadingText()
            // (The draft holds the text in the stored paragraph form: blank lines between paragraphs.)
            let stored = Paragraphs.canonical(text)
            let ok = after.utf8.count == stored.utf8.count + typed.utf8.count && (middle || after.hasSuffix(typed))
            var notes: [String] = []
            if t.truncated { notes.append("stopped after \(t.times.count) keys (time budget \(Format.number(budget.seconds, digits: 1)) s)") }
            if t.autosaves > 0 {
                notes.append("\(t.autosaves) of the keys took an autosave snapshot (EditorSession.autosaveDue while typing steadily at 12.5 keys/s)")
            }
            if !ok { notes.append("CHECK FAILED: the text after typing is not the text plus the keys") }
            let pass = s.p99 <= 1.0
            results.add(Row(group: "typing", name: name, value: s.median, unit: "ms", p99: s.p99, runs: s.count,
                            baselineName: "typical p99", baseline: baseline.p99, ratio: s.p99 / baseline.p99,
                            target: target ? "p99 ≤ 1 ms" : nil, verdict: target ? (pass ? .pass : .miss) : .info,
                            note: notes.isEmpty ? nil : notes.joined(separator: "; ")))
        }
        typingRow("1 MB paragraphs, at end", paragraphs, middle: false, target: true)
        typingRow("1 MB paragraphs, in middle", paragraphs, middle: true, target: true)
        typingRow("1 MB one line, at end", oneLine, middle: false, target: true)
        typingRow("1 MB one line, in middle", oneLine, middle: true, target: true)

        // Cursor movement through the 1 MB section.
        func movement(_ name: String, _ text: String, key: Key, count: Int) {
            guard RowFilter.accepts(name) else { return }
            var d = openFirstHeading(text)
            var times: [Double] = []
            let start = nowNanos()
            for _ in 0..<count {
                times.append(d.key(key))
                if seconds(since: start) > budget.seconds { break }
            }
            let s = ms(times)
            results.add(Row(group: "cursor", name: name, value: s.median, unit: "ms", p99: s.p99, runs: s.count,
                            baselineName: "typical p99", baseline: baseline.p99, ratio: s.p99 / baseline.p99,
                            note: times.count < count ? "stopped after \(times.count) keys (time budget)" : nil))
        }
        let moves = quick ? 1_000 : 5_000
        movement("1 MB paragraphs, arrow down", paragraphs, key: .down, count: moves)
        movement("1 MB paragraphs, arrow right", paragraphs, key: .right, count: moves)
        movement("1 MB paragraphs, page down", paragraphs, key: .pageDown, count: quick ? 300 : 2_000)
        movement("1 MB one line, arrow down", oneLine, key: .down, count: moves)
        movement("1 MB one line, arrow right", oneLine, key: .right, count: moves)
        movement("1 MB one line, page down", oneLine, key: .pageDown, count: quick ? 300 : 2_000)
    }

    // MARK: - Paste

    static let pasteLines = 100_000
    static let marker = "ZZ-SLUTRAD-100000-ZZ"

    static func pasteText() -> String { Swedish.pasteText(lines: pasteLines, seed: 3, marker: marker) }

    static func runPaste(results: Results, quick: Bool) {
        let text = pasteText()
        let bytes = Array(text.utf8)
        Console.progress("paste: \(pasteLines) lines, \(Format.bytes(bytes.count))")
        var prepared = Driver(draft: Drafts.base(Drafts.form))
        prepared.key(.alt("1"))
        let runs = quick ? 2 : 6

        // Baseline: the least any editor must do, split the bytes into line strings.
        var splitTimes: [Double] = []
        for _ in 0..<runs {
            splitTimes.append(measure {
                blackHole(text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }.count)
            })
        }
        let split = ms(splitTimes)

        var times: [Double] = []
        var ok = true
        for _ in 0..<runs {
            var d = prepared
            times.append(d.key(.paste(text)))
            if d.lastGrid.text.contains(marker) == false { ok = false }
        }
        let applied = ms(times)
        results.add(Row(group: "paste", name: "100 000 lines (\(Format.bytes(bytes.count))), handle + render", value: applied.median, unit: "ms",
                        runs: applied.count, baselineName: "split into lines", baseline: split.median, ratio: applied.median / split.median,
                        target: "≤ 1 s", verdict: applied.median <= 1000 ? .pass : .miss,
                        note: ok ? nil : "CHECK FAILED: the last pasted line is not on screen after the paste"))

        // The same bytes through the key decoder in 64 KiB chunks, rendering after each read
        // unless inside a paste, as InterfaceRunner.run does.
        let framed = Array("\u{1B}[200~".utf8) + bytes + Array("\u{1B}[201~".utf8)
        var decodeTimes: [Double] = []
        var totalTimes: [Double] = []
        var decodedOK = true
        for _ in 0..<runs {
            var d = prepared
            var decoder = KeyDecoder()
            var decodeSeconds = 0.0
            let start = nowNanos()
            var offset = 0
            var pasted = 0
            while offset < framed.count {
                let end = min(framed.count, offset + 65_536)
                let chunk = Array(framed[offset..<end])
                offset = end
                let t0 = nowNanos()
                let keys = decoder.feed(chunk)
                decodeSeconds += Double(nowNanos() &- t0) / 1e9
                for k in keys {
                    if case .paste(let s) = k { pasted += s.utf8.count }
                    d.now += 0.001
                    _ = d.app.handle(.key(k), now: d.now)
                }
                if !decoder.isPasting { d.render() }
            }
            totalTimes.append(seconds(since: start))
            decodeTimes.append(decodeSeconds)
            if pasted != bytes.count || !d.lastGrid.text.contains(marker) { decodedOK = false }
        }
        let total = ms(totalTimes)
        let decode = ms(decodeTimes)
        results.add(Row(group: "paste", name: "same, raw bytes via KeyDecoder.feed (64 KiB chunks)", value: total.median, unit: "ms",
                        runs: total.count, baselineName: "split into lines", baseline: split.median, ratio: total.median / split.median,
                        target: "≤ 1 s", verdict: total.median <= 1000 ? .pass : .miss,
                        note: decodedOK ? nil : "CHECK FAILED: the decoder did not deliver the whole paste"))
        results.add(Row(group: "paste", name: "  of which KeyDecoder.feed alone", value: decode.median, unit: "ms", runs: decode.count,
                        baselineName: "split into lines", baseline: split.median, ratio: decode.median / split.median))
    }

    // MARK: - Resize

    static func runResize(results: Results, quick: Bool) {
        let megabyte = 1 << 20
        let paragraphs = Swedish.text(bytes: megabyte, seed: 1)
        let oneLine = Swedish.text(bytes: megabyte, seed: 1, separator: " ")
        let runs = quick ? 4 : 20
        let sizes = [(120, 40), (80, 24), (100, 30), (80, 24)]

        // Baseline: one linear pass over the same megabyte (counting in the validator's units).
        var scanTimes: [Double] = []
        for _ in 0..<max(3, runs / 2) { scanTimes.append(measure { blackHole(TextRules.stats(paragraphs)) }) }
        let scan = ms(scanTimes)

        func interfaceResize(_ name: String, _ text: String, runs: Int) {
            guard RowFilter.accepts(name) else { return }
            var d = openFirstHeading(text)
            _ = goToMiddle(&d, text: text)
            var times: [Double] = []
            for i in 0..<runs {
                let (w, h) = sizes[i % sizes.count]
                d.width = w
                d.height = h
                times.append(measure { d.render() })
            }
            let s = ms(times)
            results.add(Row(group: "resize", name: name, value: s.median, unit: "ms", p99: nil, runs: s.count,
                            baselineName: "1 MB linear scan", baseline: scan.median, ratio: s.median / scan.median,
                            target: "≤ 50 ms", verdict: s.median <= 50 ? .pass : .miss,
                            note: "first frame at the new size (80×24 ↔ 120×40 ↔ 100×30), cursor mid-text; max \(Format.value(s.max, unit: "ms"))"))
        }
        interfaceResize("interface: render at new size, 1 MB paragraphs", paragraphs, runs: runs)
        interfaceResize("interface: render at new size, 1 MB one line", oneLine, runs: quick ? 2 : 6)

        func fullWrap(_ name: String, _ text: String, runs: Int) {
            guard RowFilter.accepts(name) else { return }
            var buffer = TextBuffer(text)
            var times: [Double] = []
            var rows = 0
            let widths = [95, 55, 75, 55]
            for i in 0..<runs {
                times.append(measure {
                    buffer.setWrapWidth(widths[i % widths.count])
                    rows = buffer.wrapAll()
                })
            }
            let s = ms(times)
            results.add(Row(group: "resize", name: name, value: s.median, unit: "ms", runs: s.count,
                            baselineName: "1 MB linear scan", baseline: scan.median, ratio: s.median / scan.median,
                            target: "≤ 50 ms", verdict: s.median <= 50 ? .pass : .miss,
                            note: "TextBuffer.setWrapWidth + wrapAll(), widths 95/55/75; \(rows) rows at the last width"))
        }
        fullWrap("full re-wrap, 1 MB paragraphs", paragraphs, runs: quick ? 3 : 10)
        fullWrap("full re-wrap, 1 MB one line", oneLine, runs: quick ? 3 : 10)
    }
}
