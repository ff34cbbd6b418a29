import FeedbackModel

/// One undoable change: the text between `start` and `end` (after the change) replaced what
/// `removed` was.
struct TextChange: Sendable {
    var start: TextPosition
    var removed: String
    var inserted: String
    var cursorBefore: TextPosition
    var kind: Kind

    enum Kind: Sendable { case typing, deleting, other }

    var end: TextPosition { TextBuffer.end(of: inserted, at: start) }
}

/// A multi-paragraph text field being edited: buffer, cursor, scrolling, undo and redo.
public struct TextEditor: Sendable {
    public private(set) var buffer: TextBuffer
    public private(set) var cursor = TextPosition(paragraph: 0, offset: 0)
    /// The first visible row: a paragraph and a row within it.
    public private(set) var top = (paragraph: 0, row: 0)
    /// The visual column that up and down try to keep.
    private var preferredColumn: Int?
    private var undoStack: [TextChange] = []
    private var redoStack: [TextChange] = []
    /// Whether the last change may absorb the next keystroke of the same kind.
    private var runOpen = false
    /// The size of the text area (set by the renderer; width includes the spare column).
    public private(set) var viewWidth = 40
    public private(set) var viewHeight = 10
    /// Steps of undo kept (bounded memory).
    static let undoLimit = 1000

    public init(text: String) {
        buffer = TextBuffer(text)
    }

    public var text: String { buffer.text }
    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Columns the text wraps at: one less than the view, so the cursor fits after a full row.
    var wrapWidth: Int { max(1, viewWidth - 1) }

    public mutating func setViewSize(width: Int, height: Int) {
        viewWidth = max(2, width)
        viewHeight = max(1, height)
        buffer.setWrapWidth(wrapWidth)
        clampTop()
        ensureCursorVisible()
        fillView()
    }

    /// After growing, scrolls back so the view is not half empty below the end of the text.
    private mutating func fillView() {
        var count = 0
        var p = top
        while count < viewHeight, p.paragraph < buffer.paragraphCount {
            count += 1
            if p.row + 1 < buffer.rows(of: p.paragraph).count { p.row += 1 } else { p = (p.paragraph + 1, 0) }
        }
        if count < viewHeight { scroll(by: -(viewHeight - count)) }
    }

    // MARK: - Editing

    /// Inserts typed or pasted text at the cursor. Pastes are one undo step.
    public mutating func insert(_ text: String, typing: Bool = false) {
        guard !text.isEmpty else { return }
        let normalized = typing ? text : TextEditor.normalizeLineBreaks(text)
        apply(TextChange(start: cursor, removed: "", inserted: normalized, cursorBefore: cursor, kind: typing ? .typing : .other),
              mergeable: typing && !normalized.contains("\n"))
    }

    /// CRLF and lone CR become LF, the way pasted Windows and old Mac text is meant.
    static func normalizeLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    public mutating func newParagraph() {
        apply(TextChange(start: cursor, removed: "", inserted: "\n", cursorBefore: cursor, kind: .other), mergeable: false)
    }

    public mutating func backspace() {
        let start = buffer.position(before: cursor)
        guard start != cursor else { return }
        let removed = buffer.text(from: start, to: cursor)
        apply(TextChange(start: start, removed: removed, inserted: "", cursorBefore: cursor, kind: .deleting), mergeable: true)
    }

    public mutating func deleteForward() {
        let end = buffer.position(after: cursor)
        guard end != cursor else { return }
        let removed = buffer.text(from: cursor, to: end)
        apply(TextChange(start: cursor, removed: removed, inserted: "", cursorBefore: cursor, kind: .deleting), mergeable: false)
    }

    /// Replaces the whole text (from an external editor) as one undo step.
    public mutating func replaceAll(with text: String) {
        let removed = buffer.text
        guard removed != text else { return }
        apply(TextChange(start: TextPosition(paragraph: 0, offset: 0), removed: removed, inserted: TextEditor.normalizeLineBreaks(text),
                         cursorBefore: cursor, kind: .other), mergeable: false)
        cursor = TextPosition(paragraph: 0, offset: 0)
        top = (0, 0)
    }

    private mutating func apply(_ change: TextChange, mergeable: Bool) {
        let removedEnd = TextBuffer.end(of: change.removed, at: change.start)
        let end = buffer.replace(from: change.start, to: removedEnd, with: change.inserted)
        cursor = end
        preferredColumn = nil
        redoStack.removeAll()
        if mergeable, runOpen, var last = undoStack.last, last.kind == change.kind {
            if change.kind == .typing, last.end == change.start {
                last.inserted += change.inserted
                undoStack[undoStack.count - 1] = last
                ensureCursorVisible()
                return
            }
            if change.kind == .deleting, last.inserted.isEmpty, TextBuffer.end(of: change.removed, at: change.start) == last.start {
                last.removed = change.removed + last.removed
                last.start = change.start
                undoStack[undoStack.count - 1] = last
                ensureCursorVisible()
                return
            }
        }
        undoStack.append(change)
        if undoStack.count > TextEditor.undoLimit { undoStack.removeFirst(undoStack.count - TextEditor.undoLimit) }
        runOpen = mergeable
        ensureCursorVisible()
    }

    /// Ends the current typing run, so the next keystroke starts a new undo step.
    public mutating func closeRun() { runOpen = false }

    public mutating func undo() {
        guard let change = undoStack.popLast() else { return }
        buffer.replace(from: change.start, to: change.end, with: change.removed)
        cursor = change.cursorBefore
        redoStack.append(change)
        runOpen = false
        preferredColumn = nil
        ensureCursorVisible()
    }

    public mutating func redo() {
        guard let change = redoStack.popLast() else { return }
        let removedEnd = TextBuffer.end(of: change.removed, at: change.start)
        cursor = buffer.replace(from: change.start, to: removedEnd, with: change.inserted)
        undoStack.append(change)
        runOpen = false
        preferredColumn = nil
        ensureCursorVisible()
    }

    // MARK: - Moving

    public mutating func moveTo(_ position: TextPosition) {
        cursor = position
        preferredColumn = nil
        runOpen = false
        ensureCursorVisible()
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
                    runOpen = false
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
                    runOpen = false
                    ensureCursorVisible()
                    return
                }
                remaining += 1
            }
        }
        cursor = position(inRow: target.row, of: target.paragraph, column: goal)
        preferredColumn = goal
        runOpen = false
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
        top.row = min(max(0, top.row), buffer.rows(of: top.paragraph).count - 1)
    }

    /// Moves the view by whole rows.
    public mutating func scroll(by rows: Int) {
        var remaining = rows
        while remaining > 0 {
            if top.row + 1 < buffer.rows(of: top.paragraph).count { top.row += 1 } else if top.paragraph + 1 < buffer.paragraphCount {
                top = (top.paragraph + 1, 0)
            } else { break }
            remaining -= 1
        }
        while remaining < 0 {
            if top.row > 0 { top.row -= 1 } else if top.paragraph > 0 {
                top = (top.paragraph - 1, buffer.rows(of: top.paragraph - 1).count - 1)
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
            if p.row + 1 < buffer.rows(of: p.paragraph).count { p.row += 1 } else { p = (p.paragraph + 1, 0) }
        }
    }

    /// Draws the visible rows into the grid and returns the cursor's cell (if visible).
    public mutating func render(into grid: inout ScreenGrid, row y0: Int, column x0: Int, width: Int, height: Int,
                                style: Style = .normal) -> (row: Int, column: Int)? {
        if width != viewWidth || height != viewHeight { setViewSize(width: width, height: height) }
        var cursorCell: (Int, Int)?
        var p = top
        var y = 0
        while y < height, p.paragraph < buffer.paragraphCount {
            let starts = buffer.rows(of: p.paragraph)
            let paragraph = buffer.paragraphs[p.paragraph]
            let rowStart = starts[p.row]
            let rowEnd = p.row + 1 < starts.count ? starts[p.row + 1] : paragraph.utf8.count
            drawRow(paragraph, from: rowStart, to: rowEnd, into: &grid, row: y0 + y, column: x0, limit: x0 + width, style: style)
            if cursor.paragraph == p.paragraph {
                let isLastRow = p.row + 1 == starts.count
                if cursor.offset >= rowStart && (cursor.offset < rowEnd || (isLastRow && cursor.offset <= rowEnd)) {
                    let (_, column) = rowAndColumn(of: cursor)
                    cursorCell = (y0 + y, x0 + min(column, width - 1))
                }
            }
            y += 1
            if p.row + 1 < starts.count { p.row += 1 } else { p = (p.paragraph + 1, 0) }
        }
        return cursorCell
    }

    private func drawRow(_ paragraph: String, from start: Int, to end: Int, into grid: inout ScreenGrid,
                         row: Int, column: Int, limit: Int, style: Style) {
        guard start < end else { return }
        grid.put(TextBuffer.slice(paragraph, start, end), row: row, column: column, limit: limit, style: style)
    }
}
