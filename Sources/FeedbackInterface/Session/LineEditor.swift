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

    /// Scrolls sideways so the cursor shows in a field `width` cells wide (called when keys
    /// are handled; drawing only reads the scroll).
    public mutating func keepCursorVisible(width: Int) {
        guard width > 0 else { return }
        let cursorX = DisplayText.width(of: String(text[..<index(cursor)]))
        if cursorX < scroll { scroll = cursorX }
        if cursorX - scroll > width - 1 { scroll = cursorX - (width - 1) }
    }

    /// Draws the text in `width` cells, scrolled as last set; returns the cursor column.
    @discardableResult
    public func render(into grid: inout ScreenGrid, row: Int, column: Int, width: Int, style: Style) -> Int {
        guard width > 0 else { return column }
        let cursorX = DisplayText.width(of: String(text[..<index(cursor)]))
        let shift = min(scroll, cursorX)
        grid.fill(row: row, column: column, width: width, height: 1, style: style)
        grid.put(text, row: row, column: column - shift, limit: column + width, clip: column, style: style)
        return column + min(width - 1, cursorX - shift)
    }

    /// Draws the text wrapped over up to `height` rows of `width` cells (long table cells);
    /// returns the cursor's cell when it is inside.
    public func renderWrapped(into grid: inout ScreenGrid, row: Int, column: Int, width: Int, height: Int,
                              style: Style) -> (row: Int, column: Int)? {
        guard width > 1, height > 0 else { return nil }
        let starts = Wrap.rowStarts(text, width: width - 1)
        // The rows shown: the cursor's row stays visible.
        var cursorRow = 0
        for (i, start) in starts.enumerated() where start <= cursor { cursorRow = i }
        let first = max(0, cursorRow - height + 1)
        var cell: (Int, Int)?
        for (i, start) in starts.enumerated().dropFirst(first).prefix(height) {
            let end = i + 1 < starts.count ? starts[i + 1] : text.utf8.count
            let y = row + i - first
            grid.fill(row: y, column: column, width: width, height: 1, style: style)
            grid.put(TextBuffer.slice(text, start, end), row: y, column: column, limit: column + width, style: style)
            if i == cursorRow {
                cell = (y, column + min(width - 1, DisplayText.width(of: TextBuffer.slice(text, start, cursor))))
            }
        }
        for y in (row + min(height, starts.count - first))..<(row + height) {
            grid.fill(row: y, column: column, width: width, height: 1, style: style)
        }
        return cell
    }

    /// Rows the text takes when wrapped at `width` cells.
    public func wrappedRowCount(width: Int) -> Int {
        Wrap.rowStarts(text, width: max(1, width - 1)).count
    }
}
