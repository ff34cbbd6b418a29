/// What a cell's colour means; the backend maps roles to colours, or to reverse video and
/// bold where there are no colours (or `NO_COLOR` is set).
public enum ColorRole: UInt8, Sendable, CaseIterable {
    case normal, header, selection, error, warning, ok, muted, accent, hazard
}

/// How a cell is drawn.
public struct Style: Hashable, Sendable {
    public var role: ColorRole
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(_ role: ColorRole = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    public static let normal = Style()
}

/// One terminal cell: a grapheme cluster of display width 1 or 2, or (width 0) the right
/// half of the wide character to its left. Text in cells is always safe to send to a
/// terminal: the renderer never puts control, bidi or format characters in a cell.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: Int
    public var style: Style

    public init(_ text: String = " ", width: Int = 1, style: Style = .normal) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell()
}

/// The whole screen as cells, drawn by the interface core and copied to the terminal by
/// the backend. Tests read it as text.
public struct ScreenGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be, or nil to hide it.
    public var cursor: (row: Int, column: Int)? {
        get { cursorRow.map { ($0, cursorColumn) } }
        set {
            cursorRow = newValue?.row
            cursorColumn = newValue?.column ?? 0
        }
    }
    private var cursorRow: Int?
    private var cursorColumn = 0

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(row: Int, column: Int, width w: Int, height h: Int, style: Style = .normal) {
        for r in max(0, row)..<min(height, row + h) {
            for c in max(0, column)..<min(width, column + w) {
                self[r, c] = Cell(" ", width: 1, style: style)
            }
        }
    }

    /// Writes text from `column` on `row`, clipped to the columns `clip..<limit` (a text
    /// scrolled sideways starts left of `clip`), with hazardous characters shown visibly.
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, limit: Int? = nil, clip: Int = 0, style: Style = .normal) -> Int {
        guard row >= 0, row < height else { return column }
        let end = min(limit ?? width, width)
        let start = max(0, clip)
        var x = column
        for grapheme in text {
            let display = DisplayText.of(grapheme)
            if grapheme == "\t" {
                for _ in 0..<display.width where x < end {
                    if x >= start { self[row, x] = Cell(" ", width: 1, style: style) }
                    x += 1
                }
                continue
            }
            if display.isToken {
                for scalar in display.text.unicodeScalars {
                    guard x + 1 <= end else { return x }
                    if x >= start { self[row, x] = Cell(String(scalar), width: 1, style: Style(.hazard, reverse: true)) }
                    x += 1
                }
                continue
            }
            guard x + display.width <= end else {
                // A wide character that does not fit leaves a blank, never half a glyph.
                if x < end, x >= start { self[row, x] = Cell(" ", width: 1, style: style) }
                return end
            }
            if x >= start {
                self[row, x] = Cell(display.text, width: display.width, style: style)
                if display.width == 2, x + 1 < width { self[row, x + 1] = Cell("", width: 0, style: style) }
            }
            x += display.width
        }
        return x
    }

    /// The screen as lines of text (wide characters once, trailing spaces kept).
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width {
                let cell = self[row, column]
                if cell.width == 0 { continue }
                line += cell.text
            }
            return line
        }
    }

    /// The screen as text with trailing spaces removed, lines joined by newlines.
    public var text: String {
        lines.map { line in
            var l = line
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }

    public static func == (lhs: ScreenGrid, rhs: ScreenGrid) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursorRow == rhs.cursorRow && lhs.cursorColumn == rhs.cursorColumn
    }
}
