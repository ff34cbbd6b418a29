/// The one paragraph model for typed, pasted, imported and edited text.
///
/// A text is a list of lines. A blank line (empty or white space only) is not content: it
/// only separates. In the stored form ("canonical") paragraphs are separated by one blank
/// line (`\n\n`), and consecutive bullet items (lines starting with "- ") by a single line
/// feed, so a bullet list stays one block. The editor keeps one paragraph or bullet item
/// per line and draws the blank line between paragraphs itself.
public enum Paragraphs {
    /// A block of a text, for documents: a paragraph, or a list of bullet items (without "- ").
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        case bullets([String])
    }

    public static func isBullet<S: StringProtocol>(_ line: S) -> Bool { line.hasPrefix("- ") }

    public static func isBlank<S: StringProtocol>(_ line: S) -> Bool {
        // Most lines start with a letter: decided by the first byte.
        if let first = line.utf8.first, first < 0x80, first != 0x20, first < 0x09 || first > 0x0D { return false }
        return line.unicodeScalars.allSatisfy { TextRules.isWhitespace($0.value) }
    }

    /// The separator between two kept lines.
    public static func separator(afterBullet: Bool, beforeBullet: Bool) -> String {
        afterBullet && beforeBullet ? "\n" : "\n\n"
    }

    /// The lines of a text that carry content (CR LF and lone CR read as line feeds).
    public static func lines(_ text: String) -> [Substring] {
        rawLines(text).filter { !isBlankLine($0) }
    }

    /// The lines of a text, blank ones included, split at LF, CR LF or a lone CR. Byte-wise
    /// (Foundation's replacingOccurrences takes seconds on a pasted 5 MB text).
    static func rawLines(_ text: String) -> [Substring] {
        // Line ends found on the contiguous bytes (indexing the UTF-8 view per byte costs
        // several times more), then the lines cut out by offset.
        var cuts: [Range<Int>] = []
        let found: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    cuts.append(start..<i)
                    var next = i + 1
                    if b == 0x0D, next < bytes.count, bytes[next] == 0x0A { next += 1 }
                    start = next
                    i = next
                } else {
                    i += 1
                }
            }
            cuts.append(start..<bytes.count)
        }
        let u = text.utf8
        guard found != nil else { return slowRawLines(text) }
        return cuts.map { range in
            text[u.index(u.startIndex, offsetBy: range.lowerBound)..<u.index(u.startIndex, offsetBy: range.upperBound)]
        }
    }

    /// `rawLines` for a string without contiguous UTF-8 (a bridged one).
    static func slowRawLines(_ text: String) -> [Substring] {
        let u = text.utf8
        var lines: [Substring] = []
        var start = u.startIndex
        var i = u.startIndex
        while i < u.endIndex {
            let b = u[i]
            if b == 0x0A || b == 0x0D {
                lines.append(Substring(text[start..<i]))
                var next = u.index(after: i)
                if b == 0x0D, next < u.endIndex, u[next] == 0x0A { next = u.index(after: next) }
                start = next
                i = next
            } else {
                i = u.index(after: i)
            }
        }
        lines.append(Substring(text[start..<u.endIndex]))
        return lines
    }

    /// Blank: nothing but white space. ASCII lines are checked by their bytes.
    static func isBlankLine(_ line: Substring) -> Bool {
        for b in line.utf8 {
            switch b {
            case 0x20, 0x09, 0x0B, 0x0C: continue
            case 0x80...: return isBlank(line)
            default: return false
            }
        }
        return true
    }

    /// The stored form: content lines joined by the paragraph and list separators. Texts with
    /// no line break are returned as they are (unless blank).
    public static func canonical(_ text: String) -> String {
        if !text.utf8.contains(0x0A) && !text.utf8.contains(0x0D) { return isBlank(text) ? "" : text }
        return join(lines(text))
    }

    /// Content lines joined with the separators (blank lines skipped).
    public static func join<S: StringProtocol>(_ lines: [S]) -> String {
        var result = ""
        var previousBullet: Bool?
        for line in lines where !isBlank(line) {
            let bullet = isBullet(line)
            if let previousBullet { result += separator(afterBullet: previousBullet, beforeBullet: bullet) }
            result += line
            previousBullet = bullet
        }
        return result
    }

    /// The text as blocks: paragraphs, and runs of bullet items as one list.
    public static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        for line in lines(text) {
            if isBullet(line) {
                let item = String(line.dropFirst(2))
                if case .bullets(var items)? = blocks.last {
                    items.append(item)
                    blocks[blocks.count - 1] = .bullets(items)
                } else {
                    blocks.append(.bullets([item]))
                }
            } else {
                blocks.append(.paragraph(String(line)))
            }
        }
        return blocks
    }

    /// The editor's form of pasted or loaded text: line breaks normalised, and runs of line
    /// breaks with blank lines between them collapsed to one (a paragraph break), so no blank
    /// paragraph is made and no break is lost.
    public static func collapsingBlankLines(_ text: String) -> String {
        guard text.utf8.contains(0x0A) || text.utf8.contains(0x0D) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingBreak = false
        for (offset, line) in rawLines(text).enumerated() {
            if offset > 0 {
                pendingBreak = true
                if isBlankLine(line) { continue }
            }
            if pendingBreak {
                result += "\n"
                pendingBreak = false
            }
            result += line
        }
        if pendingBreak { result += "\n" }
        return result
    }
}
