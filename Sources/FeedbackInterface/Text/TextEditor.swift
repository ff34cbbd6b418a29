import FeedbackModel

/// A multi-paragraph text field being edited: its buffer, cursor and scrolling. Changes come
/// from the session's edit funnel (which keeps the one undo history); the view size comes
/// from the session's layout, so drawing changes nothing.
///
/// Rows on screen are the paragraphs' wrapped rows plus one blank row between paragraphs
/// (not between bullet items), the way the stored text separates them.
public struct TextEditor: Sendable {
    public private(set) var buffer: TextBuffer
    public private(set) var cursor = TextPosition(paragraph: 0, offset: 0)
    /// The first visible row: a paragraph and a row within it (the row after its last text
    /// row is the blank row after it).
    public private(set) var top = (paragraph: 0, row: 0)
    /// The visual column that up and down try to keep.
    private var preferredColumn: Int?
    /// The size of the text area (width includes the spare column for the cursor).
    public private(set) var viewWidth = 40
    public private(set) var viewHeight = 10

    public init(text: String) {
        buffer = TextBuffer(text)
    }

    /// Columns the text wraps at: one less than the view, so the cursor fits after a full row.
    var wrapWidth: Int { max(1, viewWidth - 1) }

    /// Sets the size of the text area and scrolls so the cursor shows; wraps the rows that
    /// will be drawn (so drawing needs no cache of its own).
    public mutating func setViewSize(width: Int, height: Int) {
        let resized = max(2, width) != viewWidth || max(1, height) != viewHeight || buffer.wrapWidth != max(1, max(2, width) - 1)
        viewWidth = max(2, width)
        viewHeight = max(1, height)
        buffer.setWrapWidth(wrapWidth)
        clampTop()
        if resized { ensureCursorVisible() }
        // Never half empty below the end of the text (after a resize, or after an undo took
        // a long paste away).
        fillView()
        wrapVisibleRows()
    }

    /// After growing, scrolls back so the view is not half empty below the end of the text.
    private mutating func fillView() {
        var count = 0
        var p = top
        while count < viewHeight, p.paragraph < buffer.paragraphCount {
            count += 1
            p = nextRow(after: p)
        }
        if count < viewHeight { scroll(by: -(viewHeight - count)) }
    }

    private mutating func wrapVisibleRows() {
        var p = top
        var count = 0
        while count < viewHeight, p.paragraph < buffer.paragraphCount {
            count += 1
            p = nextRow(after: p)
        }
    }

    /// Text rows of a paragraph plus its blank row.
    private mutating func visualRowCount(_ p: Int) -> Int {
        buffer.rows(of: p).count + (buffer.hasGap(after: p) ? 1 : 0)
    }

    private mutating func nextRow(after p: (paragraph: Int, row: Int)) -> (paragraph: Int, row: Int) {
        p.row + 1 < visualRowCount(p.paragraph) ? (p.paragraph, p.row + 1) : (p.paragraph + 1, 0)
    }

    // MARK: - Changes (from the session's edit funnel)

    /// Replaces `removed` at `start` with `inserted`; returns where the inserted text ends.
    @discardableResult
    public mutating func apply(at start: TextPosition, removed: String, inserted: String) -> TextPosition {
        let removedEnd = TextBuffer.end(of: removed, at: start)
        let end = buffer.replace(from: start, to: removedEnd, with: inserted)
        preferredColumn = nil
        return end
    }

    /// The text to insert for a paste or an external edit: line breaks normalised and runs of
    /// blank lines collapsed to one paragraph break (see `Paragraphs`).
    public static func insertable(_ text: String) -> String {
        Paragraphs.collapsingBlankLines(text)
    }

    // MARK: - Moving

    public mutating func moveTo(_ position: TextPosition) {
        cursor = clamped(position)
        preferredColumn = nil
        ensureCursorVisible()
    }

    /// A position inside the buffer (after an undo the old one may point past the end).
    private func clamped(_ p: TextPosition) -> TextPosition {
        let paragraph = min(max(0, p.paragraph), buffer.paragraphCount - 1)
        let length = buffer.paragraphs[paragraph].utf8.count
        return TextPosition(paragraph: paragraph, offset: min(max(0, p.offset), length))
    }

    public mutating func moveLeft() { moveTo(buffer.position(before: cursor)) }
    public mutating func moveRight() { moveTo(buffer.position(after: cursor)) }

    public mutating func moveToStart() { moveTo(TextPosition(paragraph: 0, offset: 0)) }
    public mutating func moveToEnd() { moveTo(buffer.end) }

    /// Start of the visual row; pressed again at the row start, start of the paragraph.
    public mutating func moveHome() {
        let (row, _) = rowAndColumn(of: cursor)
        let starts = buffer.rows(of: cursor.paragraph)
        let rowStart = starts[row]
        moveTo(TextPosition(paragraph: cursor.paragraph, offset: cursor.offset == rowStart ? 0 : rowStart))
    }

    /// End of the visual row; pressed again there, end of the paragraph.
    public mutating func moveEnd() {
        let (row, _) = rowAndColumn(of: cursor)
        let rowEnd = endOfRow(paragraph: cursor.paragraph, row: row)
        let paragraphEnd = buffer.paragraphs[cursor.paragraph].utf8.count
        moveTo(TextPosition(paragraph: cursor.paragraph, offset: cursor.offset == rowEnd ? paragraphEnd : rowEnd))
    }

    /// The last position shown on a row: before a hanging space or the first grapheme of the next row.
    mutating func endOfRow(paragraph: Int, row: Int) -> Int {
        let starts = buffer.rows(of: paragraph)
        if row + 1 >= starts.count { return buffer.paragraphs[paragraph].utf8.count }
        let next = TextPosition(paragraph: paragraph, offset: starts[row + 1])
        return buffer.position(before: next).offset
    }

    public mutating func moveUp() { moveVertically(by: -1) }
    public mutating func moveDown() { moveVertically(by: 1) }

    public mutating func pageUp() {
        let step = max(1, viewHeight - 1)
        scroll(by: -step)
        moveVertically(by: -step)
    }

    public mutating func pageDown() {
        let step = max(1, viewHeight - 1)
        scroll(by: step)
        moveVertically(by: step)
    }

    private mutating func moveVertically(by rows: Int) {
        let (row, column) = rowAndColumn(of: cursor)
        let goal = preferredColumn ?? column
        var target = (paragraph: cursor.paragraph, row: row)
        var remaining = rows
        while remaining != 0 {
            if remaining > 0 {
                let count = buffer.rows(of: target.paragraph).count
                if target.row + 1 < count { target.row += 1 } else if target.paragraph + 1 < buffer.paragraphCount {
                    target = (target.paragraph + 1, 0)
                } else {
                    // Down on the last row goes to the end.
                    cursor = buffer.end
                    preferredColumn = goal
                    ensureCursorVisible()
                    return
                }
                remaining -= 1
            } else {
                if target.row > 0 { target.row -= 1 } else if target.paragraph > 0 {
                    target = (target.paragraph - 1, buffer.rows(of: target.paragraph - 1).count - 1)
                } else {
                    cursor = TextPosition(paragraph: 0, offset: 0)
                    preferredColumn = goal
                    ensureCursorVisible()
                    return
                }
                remaining += 1
            }
        }
        cursor = position(inRow: target.row, of: target.paragraph, column: goal)
        preferredColumn = goal
        ensureCursorVisible()
    }

    /// The position in a row closest to (not right of) a visual column.
    mutating func position(inRow row: Int, of paragraph: Int, column goal: Int) -> TextPosition {
        let starts = buffer.rows(of: paragraph)
        let rowEnd = endOfRow(paragraph: paragraph, row: row)
        var walker = GraphemeWalker(buffer.paragraphs[paragraph], from: starts[row])
        var x = 0
        var offset = starts[row]
        while let step = walker.next(), step.start < rowEnd {
            if x + step.width > goal { break }
            x += step.width
            offset = step.end
        }
        return TextPosition(paragraph: paragraph, offset: min(offset, rowEnd))
    }

    public mutating func moveWordLeft() {
        var p = cursor
        // Skip spaces, then the word.
        while p != TextPosition(paragraph: 0, offset: 0) {
            let before = buffer.position(before: p)
            if before.paragraph != p.paragraph { p = before; break }
            if !isSpace(at: before) { break }
            p = before
        }
        while p.offset > 0 {
            let before = buffer.position(before: p)
            if isSpace(at: before) { break }
            p = before
        }
        moveTo(p)
    }

    public mutating func moveWordRight() {
        var p = cursor
        let end = buffer.end
        while p != end {
            let length = buffer.paragraphs[p.paragraph].utf8.count
            if p.offset == length { p = buffer.position(after: p); break }
            if isSpace(at: p) { break }
            p = buffer.position(after: p)
        }
        while p != end, p.offset < buffer.paragraphs[p.paragraph].utf8.count, isSpace(at: p) {
            p = buffer.position(after: p)
        }
        moveTo(p)
    }

    private func isSpace(at p: TextPosition) -> Bool {
        let s = buffer.paragraphs[p.paragraph]
        let u = s.utf8
        guard p.offset < u.count else { return true }
        let i = u.index(u.startIndex, offsetBy: p.offset)
        return s.unicodeScalars[i].properties.isWhitespace || s.unicodeScalars[i].properties.generalCategory == .otherPunctuation
    }

    // MARK: - Layout

    /// The visual row of a position within its paragraph and its column.
    public mutating func rowAndColumn(of p: TextPosition) -> (row: Int, column: Int) {
        let starts = buffer.rows(of: p.paragraph)
        // The last row starting at or before the offset.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= p.offset { low = mid } else { high = mid - 1 }
        }
        var x = 0
        var walker = GraphemeWalker(buffer.paragraphs[p.paragraph], from: starts[low])
        while let step = walker.next(), step.start < p.offset { x += step.width }
        return (low, x)
    }

    private mutating func clampTop() {
        top.paragraph = min(max(0, top.paragraph), buffer.paragraphCount - 1)
        top.row = min(max(0, top.row), visualRowCount(top.paragraph) - 1)
    }

    /// Moves the view by whole rows (blank rows between paragraphs included).
    public mutating func scroll(by rows: Int) {
        var remaining = rows
        while remaining > 0 {
            if top.row + 1 < visualRowCount(top.paragraph) { top.row += 1 } else if top.paragraph + 1 < buffer.paragraphCount {
                top = (top.paragraph + 1, 0)
            } else { break }
            remaining -= 1
        }
        while remaining < 0 {
            if top.row > 0 { top.row -= 1 } else if top.paragraph > 0 {
                top = (top.paragraph - 1, visualRowCount(top.paragraph - 1) - 1)
            } else { break }
            remaining += 1
        }
    }

    /// Scrolls so the cursor's row is on screen.
    public mutating func ensureCursorVisible() {
        clampTop()
        let (row, _) = rowAndColumn(of: cursor)
        let cursorRow = (cursor.paragraph, row)
        if cursorRow < (top.paragraph, top.row) {
            top = cursorRow
            return
        }
        // Count rows from top to the cursor, stopping once past the view.
        var count = 0
        var p = top
        while (p.paragraph, p.row) < cursorRow {
            count += 1
            if count >= viewHeight {
                // Put the cursor on the last visible row.
                top = cursorRow
                scroll(by: -(viewHeight - 1))
                return
            }
            p = nextRow(after: p)
        }
    }

    /// Draws the visible rows into the grid and returns the cursor's cell (if visible).
    /// Changes nothing: the rows were wrapped when the view was last set.
    public func render(into grid: inout ScreenGrid, row y0: Int, column x0: Int, width: Int, height: Int,
                       style: Style = .normal) -> (row: Int, column: Int)? {
        var cursorCell: (Int, Int)?
        var p = top
        var y = 0
        while y < height, p.paragraph < buffer.paragraphCount {
            let starts = buffer.cachedRows(of: p.paragraph)
            if p.row >= starts.count {
                // The blank row after a paragraph.
                y += 1
                p = (p.paragraph + 1, 0)
                continue
            }
            let paragraph = buffer.paragraphs[p.paragraph]
            let rowStart = starts[p.row]
            let rowEnd = p.row + 1 < starts.count ? starts[p.row + 1] : paragraph.utf8.count
            if rowStart < rowEnd {
                grid.put(TextBuffer.slice(paragraph, rowStart, rowEnd), row: y0 + y, column: x0, limit: x0 + width, style: style)
            }
            if cursor.paragraph == p.paragraph {
                let isLastRow = p.row + 1 == starts.count
                if cursor.offset >= rowStart && (cursor.offset < rowEnd || (isLastRow && cursor.offset <= rowEnd)) {
                    var x = 0
                    var walker = GraphemeWalker(paragraph, from: rowStart)
                    while let step = walker.next(), step.start < cursor.offset { x += step.width }
                    cursorCell = (y0 + y, x0 + min(x, width - 1))
                }
            }
            y += 1
            let hasGap = buffer.hasGap(after: p.paragraph)
            if p.row + 1 < starts.count || hasGap { p.row += 1 } else { p = (p.paragraph + 1, 0) }
        }
        return cursorCell
    }
}
