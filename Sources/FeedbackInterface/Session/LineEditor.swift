import FeedbackModel

/// A one-line text being edited (metadata fields, table cells, prompts).
public struct LineEditor: Sendable, Equatable {
    public private(set) var text: String
    /// UTF-8 offset of the cursor.
    public private(set) var cursor: Int
    private var scroll = 0

    public init(_ text: String = "") {
        self.text = text
        cursor = text.utf8.count
    }

    private var utf8Count: Int { text.utf8.count }

    private func index(_ offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    /// Inserts text; line breaks and tabs become spaces (a one-line field).
    public mutating func insert(_ typed: String) {
        var clean = typed
        if clean.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }) {
            clean = String(clean.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
        }
        text.insert(contentsOf: clean, at: index(cursor))
        cursor += clean.utf8.count
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        let i = index(cursor)
        let previous = text.index(before: i)
        let length = text.utf8.distance(from: previous, to: i)
        text.removeSubrange(previous..<i)
        cursor -= length
    }

    public mutating func deleteForward() {
        guard cursor < utf8Count else { return }
        let i = index(cursor)
        text.removeSubrange(i..<text.index(after: i))
    }

    public mutating func left() {
        guard cursor > 0 else { return }
        let i = index(cursor)
        cursor -= text.utf8.distance(from: text.index(before: i), to: i)
    }

    public mutating func right() {
        guard cursor < utf8Count else { return }
        let i = index(cursor)
        cursor += text.utf8.distance(from: i, to: text.index(after: i))
    }

    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = utf8Count }

    public mutating func wordLeft() {
        while cursor > 0, text[text.index(before: index(cursor))].isWhitespace { left() }
        while cursor > 0, !text[text.index(before: index(cursor))].isWhitespace { left() }
    }

    public mutating func wordRight() {
        while cursor < utf8Count, !text[index(cursor)].isWhitespace { right() }
        while cursor < utf8Count, text[index(cursor)].isWhitespace { right() }
    }

    public mutating func setText(_ newText: String) {
        text = newText
        cursor = newText.utf8.count
        scroll = 0
    }

    /// Handles an editing key; returns false for keys it does not use.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .paste(let s): insert(s)
        case .backspace: backspace()
        case .delete, .control("d"): deleteForward()
        case .left: left()
        case .right: right()
        case .home, .control("a"): home()
        case .end, .control("e"): end()
        case .wordLeft, .alt("b"): wordLeft()
        case .wordRight, .alt("f"): wordRight()
        default: return false
        }
        return true
    }

    /// Draws the text in `width` cells, scrolled so the cursor shows; returns the cursor column.
    @discardableResult
    public mutating func render(into grid: inout ScreenGrid, row: Int, column: Int, width: Int, style: Style) -> Int {
        guard width > 0 else { return column }
        // Cursor column in cells from the start of the text.
        let before = String(text[..<index(cursor)])
        let cursorX = DisplayText.width(of: before)
        if cursorX < scroll { scroll = cursorX }
        if cursorX - scroll > width - 1 { scroll = cursorX - (width - 1) }
        grid.fill(row: row, column: column, width: width, height: 1, style: style)
        grid.put(text, row: row, column: column - scroll, limit: column + width, clip: column, style: style)
        return column + cursorX - scroll
    }
}
