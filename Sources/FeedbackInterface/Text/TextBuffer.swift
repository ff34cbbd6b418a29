import FeedbackModel

/// A place in a text: a paragraph and a UTF-8 offset in it (always on a grapheme boundary).
public struct TextPosition: Comparable, Hashable, Sendable {
    public var paragraph: Int
    public var offset: Int

    public init(paragraph: Int, offset: Int) {
        self.paragraph = paragraph
        self.offset = offset
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.paragraph, a.offset) < (b.paragraph, b.offset)
    }
}

/// A paragraph's counts in the validator's units, kept small (a 5 MB text has ~100 000).
struct ParagraphCounts: Sendable {
    var characters: Int32
    var words: Int32
    var control: Int32
    var bidi: Int32
    var format: Int32
    /// Whether the paragraph is NFC already (then the text is saved as it stands).
    var isNFC: Bool
    /// A bullet item ("- …"): joined to a neighbouring item by one line feed, not a blank line.
    var isBullet: Bool

    init(_ paragraph: String) {
        isNFC = TextRules.isNFC(paragraph)
        let s = TextRules.stats(isNFC ? paragraph : TextRules.nfc(paragraph))
        characters = Int32(clamping: s.characters)
        words = Int32(clamping: s.words)
        control = Int32(clamping: s.controlCount)
        bidi = Int32(clamping: s.bidiCount)
        format = Int32(clamping: s.formatCount)
        isBullet = Paragraphs.isBullet(paragraph)
    }

    /// White space only: not content, dropped from the stored text (see `Paragraphs`).
    var isBlank: Bool { words == 0 }

    var hazards: Int { Int(control) + Int(bidi) + Int(format) }

    /// The window around an edit of a long paragraph for counting again: from just after an
    /// ASCII space or tab before the edit to the next one after it. Spaces end words and
    /// neither compose nor decompose, so the counts outside the window do not change. Nil
    /// when there is no blank near the edit.
    static func window(in paragraph: String, editStart: Int, editEnd: Int) -> (start: Int, end: Int)? {
        let reach = 4096
        let bytes = paragraph.utf8
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        var start = editStart
        var i = bytes.index(bytes.startIndex, offsetBy: editStart)
        while start > 0 {
            let previous = bytes.index(before: i)
            if isBlank(bytes[previous]) { break }
            i = previous
            start -= 1
            if editStart - start > reach { return nil }
        }
        var end = editEnd
        var j = bytes.index(bytes.startIndex, offsetBy: editEnd)
        while j < bytes.endIndex, !isBlank(bytes[j]) {
            j = bytes.index(after: j)
            end += 1
            if end - editEnd > reach { return nil }
        }
        return (start, end)
    }

    /// These counts with the `before` text of a window replaced by `after`.
    func replacing(_ before: ParagraphCounts, with after: ParagraphCounts) -> ParagraphCounts {
        var result = self
        result.characters += after.characters - before.characters
        result.words += after.words - before.words
        result.control += after.control - before.control
        result.bidi += after.bidi - before.bidi
        result.format += after.format - before.format
        result.isNFC = isNFC && after.isNFC
        return result
    }
}

/// A long text as paragraphs, with per-paragraph counts (in the validator's units) and
/// wrap caches, so one keystroke costs the length of one paragraph, not of the text.
///
/// One paragraph (or bullet item) per line. The stored text (`nfcText`) follows the
/// paragraph model of `Paragraphs`: blank lines are dropped, paragraphs are separated by a
/// blank line and bullet items by a line feed; the counts are those of the stored text.
public struct TextBuffer: Sendable {
    public private(set) var paragraphs: [String]
    private var stats: [ParagraphCounts]
    private var rowStarts: [[Int]?]
    public private(set) var wrapWidth = 0
    /// Sums over all paragraphs, kept up to date on every edit.
    public private(set) var characterTotal = 0
    public private(set) var wordTotal = 0
    public private(set) var hazardTotals = (control: 0, bidi: 0, format: 0)
    /// Characters of blank paragraphs (not in the stored text).
    private var blankCharacters = 0
    /// The separators of the stored text (2 between paragraphs, 1 between bullet items),
    /// counted again only when the paragraph structure changes.
    private var separatorTotal = 0
    /// Increases with every change.
    public private(set) var version = 0

    /// A buffer of a stored or pasted text: one paragraph per line, blank lines dropped.
    public init(_ text: String = "") {
        paragraphs = TextBuffer.lines(Paragraphs.collapsingBlankLines(text))
        stats = paragraphs.map(ParagraphCounts.init)
        rowStarts = Array(repeating: nil, count: paragraphs.count)
        for s in stats { add(s, sign: 1) }
        recountSeparators()
    }

    private mutating func recountSeparators() {
        var total = 0
        var previousBullet: Bool?
        for s in stats where !s.isBlank {
            if let previousBullet { total += previousBullet && s.isBullet ? 1 : 2 }
            previousBullet = s.isBullet
        }
        separatorTotal = total
    }

    /// Splits at line feeds by bytes (a Character split would keep "\r\n" whole, and is slow).
    static func lines(_ text: String) -> [String] {
        guard text.utf8.contains(0x0A) else { return [text] }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    private mutating func add(_ s: ParagraphCounts, sign: Int) {
        characterTotal += sign * Int(s.characters)
        wordTotal += sign * Int(s.words)
        hazardTotals.control += sign * Int(s.control)
        hazardTotals.bidi += sign * Int(s.bidi)
        hazardTotals.format += sign * Int(s.format)
        nonNFCParagraphs += sign * (s.isNFC ? 0 : 1)
        if s.isBlank { blankCharacters += sign * Int(s.characters) }
    }

    /// Paragraphs that are not NFC yet (usually none: typed and pasted text is NFC).
    private var nonNFCParagraphs = 0

    /// The paragraphs joined with line feeds, as the editor holds them (blank ones included).
    public var text: String { TextBuffer.join(paragraphs) }

    /// Paragraphs joined by line feeds into a string allocated once at its final size.
    static func join(_ parts: [String]) -> String {
        var total = max(0, parts.count - 1)
        for p in parts { total += p.utf8.count }
        var result = ""
        result.reserveCapacity(total)
        for (i, p) in parts.enumerated() {
            if i > 0 { result.append("\n") }
            result.append(p)
        }
        return result
    }

    /// The stored text: NFC, blank paragraphs dropped, paragraphs separated by a blank line and
    /// bullet items by a line feed (line feeds never compose with their neighbours, so NFC
    /// paragraphs joined this way are NFC). Allocated once at its final size.
    public var nfcText: String {
        var total = separatorTotal
        for (p, s) in zip(paragraphs, stats) where !s.isBlank { total += p.utf8.count }
        var result = ""
        result.reserveCapacity(total)
        var previousBullet: Bool?
        for (p, s) in zip(paragraphs, stats) where !s.isBlank {
            if let previousBullet { result.append(previousBullet && s.isBullet ? "\n" : "\n\n") }
            result.append(s.isNFC ? p : TextRules.nfc(p))
            previousBullet = s.isBullet
        }
        return result
    }

    public var paragraphCount: Int { paragraphs.count }

    /// Whether paragraph `p` is a bullet item.
    public func isBullet(_ p: Int) -> Bool { stats[p].isBullet }

    /// Whether a blank row is drawn after paragraph `p` (between paragraphs, not between
    /// bullet items).
    public func hasGap(after p: Int) -> Bool {
        p + 1 < paragraphs.count && !(stats[p].isBullet && stats[p + 1].isBullet)
    }

    /// Characters (Unicode scalars after NFC) of the stored text, separators included.
    public var characterCount: Int { characterTotal - blankCharacters + separatorTotal }

    public var isEmpty: Bool { paragraphs.count == 1 && paragraphs[0].isEmpty }

    /// Counts for the validator. The hazards list is built only when there are hazards.
    public var textStats: TextStats {
        var result = TextStats()
        result.characters = characterCount
        result.words = wordTotal
        result.controlCount = hazardTotals.control
        result.bidiCount = hazardTotals.bidi
        result.formatCount = hazardTotals.format
        if result.hazardCount > 0 {
            // Only the paragraphs that hold hazards are scanned again, for their places.
            for (i, before) in storedOffsets() where stats[i].hazards > 0 {
                for hazard in TextRules.stats(TextRules.nfc(paragraphs[i])).hazards where result.hazards.count < TextStats.rememberedHazards {
                    var moved = hazard
                    moved.offset += before
                    result.hazards.append(moved)
                }
                if result.hazards.count >= TextStats.rememberedHazards { break }
            }
        }
        return result
    }

    /// The kept paragraphs with the scalar offset at which each starts in the stored text.
    private func storedOffsets() -> [(paragraph: Int, offset: Int)] {
        var result: [(Int, Int)] = []
        var offset = 0
        var previousBullet: Bool?
        for (i, s) in stats.enumerated() where !s.isBlank {
            if let previousBullet { offset += previousBullet && s.isBullet ? 1 : 2 }
            result.append((i, offset))
            offset += Int(s.characters)
            previousBullet = s.isBullet
        }
        return result
    }

    public var end: TextPosition { TextPosition(paragraph: paragraphs.count - 1, offset: paragraphs[paragraphs.count - 1].utf8.count) }

    /// The text between two positions.
    public func text(from a: TextPosition, to b: TextPosition) -> String {
        if a.paragraph == b.paragraph {
            return TextBuffer.slice(paragraphs[a.paragraph], a.offset, b.offset)
        }
        var parts = [TextBuffer.slice(paragraphs[a.paragraph], a.offset, paragraphs[a.paragraph].utf8.count)]
        if b.paragraph - a.paragraph > 1 { parts += paragraphs[(a.paragraph + 1)..<b.paragraph] }
        parts.append(TextBuffer.slice(paragraphs[b.paragraph], 0, b.offset))
        return parts.joined(separator: "\n")
    }

    static func slice(_ s: String, _ from: Int, _ to: Int) -> String {
        let u = s.utf8
        let a = u.index(u.startIndex, offsetBy: from)
        let b = u.index(u.startIndex, offsetBy: to)
        return String(s[a..<b])
    }

    /// Replaces the text between `a` and `b` with `text` and returns where the inserted text ends.
    @discardableResult
    public mutating func replace(from a: TextPosition, to b: TextPosition, with text: String) -> TextPosition {
        version += 1
        if a.paragraph == b.paragraph, paragraphs[a.paragraph].utf8.count > 16_384, !text.utf8.contains(0x0A),
           stats[a.paragraph].isNFC,
           let window = ParagraphCounts.window(in: paragraphs[a.paragraph], editStart: a.offset, editEnd: b.offset) {
            return replaceInLongParagraph(a.paragraph, a.offset, b.offset, with: text, window: window)
        }
        let first = paragraphs[a.paragraph]
        let last = paragraphs[b.paragraph]
        let head = TextBuffer.slice(first, 0, a.offset)
        let tail = TextBuffer.slice(last, b.offset, last.utf8.count)
        var lines = TextBuffer.lines(text)
        let endOffset = (lines.count == 1 ? head.utf8.count : 0) + lines[lines.count - 1].utf8.count
        lines[0] = head + lines[0]
        lines[lines.count - 1] += tail
        let range = a.paragraph...b.paragraph
        let oldShape = range.map { (stats[$0].isBlank, stats[$0].isBullet) }
        for i in range { add(stats[i], sign: -1) }
        let newStats = lines.map(ParagraphCounts.init)
        for s in newStats { add(s, sign: 1) }
        defer {
            if oldShape.count != newStats.count || !zip(oldShape, newStats).allSatisfy({ $0.0 == $1.isBlank && $0.1 == $1.isBullet }) {
                recountSeparators()
            }
        }
        if range.count == 1 && lines.count == 1 {
            // An edit inside one paragraph: re-wrap only around it.
            let oldRows = rowStarts[a.paragraph]
            paragraphs[a.paragraph] = lines[0]
            stats[a.paragraph] = newStats[0]
            if let oldRows, wrapWidth > 0 {
                let delta = lines[0].utf8.count - first.utf8.count
                rowStarts[a.paragraph] = Wrap.rewrap(lines[0], width: wrapWidth, old: oldRows, editStart: a.offset,
                                                     editEnd: a.offset + text.utf8.count, delta: delta)
            } else {
                rowStarts[a.paragraph] = nil
            }
        } else {
            paragraphs.replaceSubrange(range, with: lines)
            stats.replaceSubrange(range, with: newStats)
            rowStarts.replaceSubrange(range, with: Array(repeating: nil, count: lines.count))
        }
        return TextPosition(paragraph: a.paragraph + lines.count - 1, offset: endOffset)
    }

    /// An edit inside one long paragraph, made in place (no copy of the paragraph), counted
    /// in a window around it and re-wrapped around it: typing in a 1 MB line costs the
    /// window, not the line.
    private mutating func replaceInLongParagraph(_ p: Int, _ from: Int, _ to: Int, with text: String,
                                                 window: (start: Int, end: Int)) -> TextPosition {
        let before = ParagraphCounts(TextBuffer.slice(paragraphs[p], window.start, window.end))
        TextBuffer.replaceBytes(&paragraphs[p], from, to, with: text)
        let delta = text.utf8.count - (to - from)
        let after = ParagraphCounts(TextBuffer.slice(paragraphs[p], window.start, window.end + delta))
        let oldShape = (stats[p].isBlank, stats[p].isBullet)
        add(stats[p], sign: -1)
        stats[p] = stats[p].replacing(before, with: after)
        stats[p].isBullet = Paragraphs.isBullet(paragraphs[p])
        add(stats[p], sign: 1)
        if oldShape != (stats[p].isBlank, stats[p].isBullet) { recountSeparators() }
        if let oldRows = rowStarts[p], wrapWidth > 0 {
            rowStarts[p] = nil
            rowStarts[p] = Wrap.rewrap(paragraphs[p], width: wrapWidth, old: oldRows, editStart: from,
                                       editEnd: from + text.utf8.count, delta: delta)
        } else {
            rowStarts[p] = nil
        }
        return TextPosition(paragraph: p, offset: from + text.utf8.count)
    }

    private static func replaceBytes(_ s: inout String, _ from: Int, _ to: Int, with text: String) {
        let i = s.utf8.index(s.utf8.startIndex, offsetBy: from)
        let j = s.utf8.index(s.utf8.startIndex, offsetBy: to)
        s.replaceSubrange(i..<j, with: text)
    }

    /// Where the text `inserted` ends when inserted at `position`.
    static func end(of inserted: String, at position: TextPosition) -> TextPosition {
        var newlines = 0
        var lastLine = 0
        for b in inserted.utf8 {
            if b == 0x0A { newlines += 1; lastLine = 0 } else { lastLine += 1 }
        }
        return newlines == 0 ? TextPosition(paragraph: position.paragraph, offset: position.offset + lastLine)
                             : TextPosition(paragraph: position.paragraph + newlines, offset: lastLine)
    }

    // MARK: - Grapheme steps

    /// The position one grapheme after `p` (crossing into the next paragraph at its end).
    public func position(after p: TextPosition) -> TextPosition {
        let s = paragraphs[p.paragraph]
        if p.offset >= s.utf8.count {
            return p.paragraph + 1 < paragraphs.count ? TextPosition(paragraph: p.paragraph + 1, offset: 0) : p
        }
        let u = s.utf8
        let i = u.index(u.startIndex, offsetBy: p.offset)
        let next = s.index(after: i)
        return TextPosition(paragraph: p.paragraph, offset: p.offset + u.distance(from: i, to: next))
    }

    /// The position one grapheme before `p`.
    public func position(before p: TextPosition) -> TextPosition {
        if p.offset == 0 {
            return p.paragraph > 0 ? TextPosition(paragraph: p.paragraph - 1, offset: paragraphs[p.paragraph - 1].utf8.count) : p
        }
        let s = paragraphs[p.paragraph]
        let u = s.utf8
        let i = u.index(u.startIndex, offsetBy: p.offset)
        let previous = s.index(before: i)
        return TextPosition(paragraph: p.paragraph, offset: p.offset - u.distance(from: previous, to: i))
    }

    /// The position of the grapheme holding the `scalarOffset`-th scalar of the stored text
    /// (separators count as they are stored), as the validator reports places.
    public func position(forScalarOffset scalarOffset: Int) -> TextPosition {
        let target = max(0, scalarOffset)
        let kept = storedOffsets()
        guard let index = kept.lastIndex(where: { $0.offset <= target }) else {
            return kept.first.map { TextPosition(paragraph: $0.paragraph, offset: 0) } ?? end
        }
        let (i, start) = kept[index]
        let remaining = target - start
        var offset = 0
        var scalars = 0
        for character in paragraphs[i] {
            let n = character.unicodeScalars.count
            if scalars + n > remaining { break }
            scalars += n
            offset += character.utf8.count
        }
        return TextPosition(paragraph: i, offset: offset)
    }

    // MARK: - Layout

    /// Sets the wrap width; caches of another width are dropped lazily.
    public mutating func setWrapWidth(_ width: Int) {
        guard width != wrapWidth else { return }
        wrapWidth = width
        for i in rowStarts.indices { rowStarts[i] = nil }
    }

    /// The row starts of a paragraph, cached or computed now (for drawing, which changes nothing).
    public func cachedRows(of paragraph: Int) -> [Int] {
        rowStarts[paragraph] ?? Wrap.rowStarts(paragraphs[paragraph], width: wrapWidth)
    }

    /// The row starts of a paragraph at the current wrap width (computed on first use).
    public mutating func rows(of paragraph: Int) -> [Int] {
        if let cached = rowStarts[paragraph] { return cached }
        let computed = Wrap.rowStarts(paragraphs[paragraph], width: wrapWidth)
        rowStarts[paragraph] = computed
        return computed
    }

    /// Wraps every paragraph now (the benchmark's full re-wrap; the editor wraps lazily).
    public mutating func wrapAll() -> Int {
        var total = 0
        for i in paragraphs.indices { total += rows(of: i).count }
        return total
    }
}
