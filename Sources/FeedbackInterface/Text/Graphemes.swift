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
        let width = max(1, width)
        var starts = [0]
        if paragraph.utf8.count <= width, paragraph.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return starts }
        var x = 0
        var rowStart = 0
        // The last place in this row after which a break may go, and the row width up to it.
        var breakOffset = -1
        var breakX = 0
        var walker = GraphemeWalker(paragraph)
        while let step = walker.next() {
            if x + step.width > width && x > 0 {
                if step.isSpace {
                    // A space that does not fit hangs at the end of the row.
                    rowStart = step.end
                    starts.append(rowStart)
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
            }
            x += step.width
            if step.isSpace {
                breakOffset = step.end
                breakX = x
            }
        }
        return starts
    }
}
