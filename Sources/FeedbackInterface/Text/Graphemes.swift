import FeedbackModel

/// One grapheme cluster of a paragraph as the layout needs it.
struct GraphemeStep {
    /// UTF-8 offsets of the cluster in its paragraph.
    var start: Int
    var end: Int
    var width: Int
    var isSpace: Bool
}

/// Walks the grapheme clusters of a paragraph with their display widths. ASCII text (the bulk
/// of Swedish text) takes a fast path that never builds a `Character`.
struct GraphemeWalker: IteratorProtocol {
    private let text: String
    private let utf8: String.UTF8View
    private var index: String.Index
    private var offset: Int

    init(_ text: String, from offset: Int = 0) {
        self.text = text
        utf8 = text.utf8
        self.offset = offset
        index = utf8.index(utf8.startIndex, offsetBy: offset)
    }

    mutating func next() -> GraphemeStep? {
        guard index < utf8.endIndex else { return nil }
        let byte = utf8[index]
        if byte < 0x80 {
            let after = utf8.index(after: index)
            // An ASCII byte is a whole cluster unless a combining scalar follows it.
            if after == utf8.endIndex || utf8[after] < 0x80 {
                let start = offset
                index = after
                offset += 1
                switch byte {
                case 0x20: return GraphemeStep(start: start, end: offset, width: 1, isSpace: true)
                case 0x09: return GraphemeStep(start: start, end: offset, width: DisplayText.tabWidth, isSpace: true)
                case 0x00..<0x20, 0x7F: return GraphemeStep(start: start, end: offset, width: 2, isSpace: false)  // ^X
                default: return GraphemeStep(start: start, end: offset, width: 1, isSpace: false)
                }
            }
        }
        let character = text[index]
        let next = text.index(after: index)
        let length = utf8.distance(from: index, to: next)
        let start = offset
        index = next
        offset += length
        let display = DisplayText.of(character)
        let isSpace = character.unicodeScalars.count == 1 && TextRules.isWhitespace(character.unicodeScalars.first!.value)
        return GraphemeStep(start: start, end: offset, width: display.width, isSpace: isSpace)
    }
}

/// Where a paragraph's visual rows start at a given width: soft word wrap at spaces, hard
/// breaks inside words longer than a row.
enum Wrap {
    static func rowStarts(_ paragraph: String, width: Int) -> [Int] {
        if paragraph.utf8.count <= width, paragraph.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return [0] }
        var starts = [0]
        wrap(paragraph, width: width, from: 0, into: &starts) { _ in false }
        return starts
    }

    /// The row starts after an edit that replaced the old bytes `editStart..<editStart+…` by
    /// new ones ending at `editEnd` (new offsets), changing the length by `delta`. Wrapping
    /// restarts one row before the edit and stops as soon as a new row start falls on an old
    /// one past the edit: from there the rows are the old ones, moved by `delta`. Typing in
    /// a 1 MB line so costs a few rows, not the line.
    static func rewrap(_ paragraph: String, width: Int, old: [Int], editStart: Int, editEnd: Int, delta: Int) -> [Int] {
        // The row holding the edit, and one before it (a deletion can pull a word up).
        var row = 0
        var low = 0
        var high = old.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if old[mid] <= editStart { row = mid; low = mid + 1 } else { high = mid - 1 }
        }
        let restart = max(0, row - 1)
        var starts = Array(old[0...restart])
        var resumeAt: Int?
        wrap(paragraph, width: width, from: old[restart], into: &starts) { start in
            guard start > editEnd else { return false }
            let oldStart = start - delta
            // Binary search for the old start.
            var lo = 0
            var hi = old.count - 1
            while lo <= hi {
                let mid = (lo + hi) / 2
                if old[mid] == oldStart { resumeAt = mid; return true }
                if old[mid] < oldStart { lo = mid + 1 } else { hi = mid - 1 }
            }
            return false
        }
        if let resumeAt, resumeAt + 1 < old.count {
            starts.reserveCapacity(starts.count + old.count - resumeAt)
            for i in (resumeAt + 1)..<old.count { starts.append(old[i] + delta) }
        }
        return starts
    }

    /// Greedy word wrap from a row start; each new row start is appended, and `stop` may end
    /// the walk after any of them (it has been appended).
    private static func wrap(_ paragraph: String, width: Int, from: Int, into starts: inout [Int], stop: (Int) -> Bool) {
        let width = max(1, width)
        var x = 0
        var rowStart = from
        // The last place in this row after which a break may go, and the row width up to it.
        var breakOffset = -1
        var breakX = 0
        var walker = GraphemeWalker(paragraph, from: from)
        while let step = walker.next() {
            if x + step.width > width && x > 0 {
                if step.isSpace {
                    // A space that does not fit hangs at the end of the row.
                    rowStart = step.end
                    starts.append(rowStart)
                    if stop(rowStart) { return }
                    x = 0
                    breakOffset = -1
                    continue
                }
                if breakOffset > rowStart && x - breakX + step.width <= width {
                    rowStart = breakOffset
                    x -= breakX
                } else {
                    rowStart = step.start
                    x = 0
                }
                starts.append(rowStart)
                breakOffset = -1
                if stop(rowStart) {
                    return
                }
            }
            x += step.width
            if step.isSpace {
                breakOffset = step.end
                breakX = x
            }
        }
    }
}
