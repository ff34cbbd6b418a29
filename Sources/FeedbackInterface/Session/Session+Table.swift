import FeedbackModel

/// Table pages: a grid of rows × cells (plan years as columns, a totals row), the focused
/// cell edited in place with its whole text, help and findings below the grid.
extension EditorSession {
    mutating func performTable(_ action: Action, key: Key, place: FieldPlace, now: Double) -> [SessionCommand] {
        let cells = tableCells
        guard !cells.isEmpty else { return [] }
        let f = currentFocus
        if tableRows.isEmpty {
            switch action {
            case .addRow, .activate: addRow(now: now)
            case .typeText:
                // Typing into an empty table starts its first row.
                guard addRow(now: now) else { return [] }
                return performTable(action, key: key, place: place, now: now)
            default: break
            }
            return []
        }
        let cell = cells[min(f.index, cells.count - 1)]
        switch action {
        case .addRow: addRow(now: now)
        case .deleteRow: deleteRow(now: now)
        case .nextField: moveCell(by: 1, now: now)
        case .previousField: moveCell(by: -1, now: now)
        case .nextRow: moveRow(by: 1, now: now)
        case .previousRow: moveRow(by: -1, now: now)
        case .screenDown: moveRow(by: max(1, gridGeometry().visibleRows - 1), now: now)
        case .screenUp: moveRow(by: -max(1, gridGeometry().visibleRows - 1), now: now)
        case .activate:
            if cell.isChoice { openChoice(now: now) } else if f.index == cells.count - 1 && f.row == tableRows.count - 1 {
                commitField(now: now)
                status = StatusMessage(text: phrases.t("Sista cellen.", "The last cell.") + words.sentence(.addRow, in: .table, sv: "lägger till en rad", en: "adds a row"), isError: false)
            } else {
                moveCell(by: 1, now: now)
            }
        case .typeText where cell.isChoice:
            openChoice(jumpingTo: key, now: now)
        case .cursorLeft where cell.isChoice || (f.line?.cursor ?? 0) == 0:
            moveCell(by: -1, now: now)
        case .cursorRight where cell.isChoice || (f.line.map { $0.cursor == $0.text.utf8.count } ?? true):
            moveCell(by: 1, now: now)
        case .clearField:
            commitField(now: now)
            history.closeRun()
            if apply(.cell(place, row: f.row, key: cell.key, from: tableRows[f.row][cell.key], to: nil), run: nil, now: now) { loadLine() }
        default:
            editLine(action, key: key, now: now)
        }
        return []
    }

    private mutating func moveCell(by delta: Int, now: Double) {
        commitField(now: now)
        history.closeRun()
        var f = currentFocus
        let count = tableCells.count
        var index = f.index + delta
        if index >= count {
            if f.row + 1 < tableRows.count { f.row += 1; index = 0 } else { index = count - 1 }
        } else if index < 0 {
            if f.row > 0 { f.row -= 1; index = count - 1 } else { index = 0 }
        }
        f.index = index
        currentFocus = f
        loadLine()
    }

    private mutating func moveRow(by delta: Int, now: Double) {
        commitField(now: now)
        history.closeRun()
        var f = currentFocus
        f.row = min(max(0, f.row + delta), max(0, tableRows.count - 1))
        currentFocus = f
        loadLine()
    }

    @discardableResult
    mutating func addRow(now: Double) -> Bool {
        guard case .table(let place) = pageKind else { return false }
        commitField(now: now)
        var rows = tableRows
        guard Limits.standard.admitsRows(rows.count + 1) else {
            status = StatusMessage(text: phrases.t("Tabellen har redan \(phrases.count(rows.count)) rader, det högsta som kan sparas.",
                                                   "The table already has \(phrases.count(rows.count)) rows, the most that can be saved."), isError: true)
            return false
        }
        history.closeRun()
        let at = rows.isEmpty ? 0 : currentFocus.row + 1
        rows.insert(TableRow(), at: at)
        let before = focusNow
        var f = currentFocus
        f.row = at
        f.index = 0
        currentFocus = f
        guard apply(.value(place, from: draft.value(at: place), to: .table(rows)), run: nil, before: before, now: now) else {
            var back = currentFocus
            back.row = before.row
            back.index = before.field
            currentFocus = back
            return false
        }
        loadLine()
        status = StatusMessage(text: phrases.t("Ny rad \(at + 1).", "New row \(at + 1).") + words.sentence(.deleteRow, in: .table, sv: "tar bort den", en: "deletes it"), isError: false)
        return true
    }

    mutating func deleteRow(now: Double) {
        guard case .table(let place) = pageKind, !tableRows.isEmpty else { return }
        commitField(now: now)
        history.closeRun()
        var rows = tableRows
        let row = currentFocus.row
        rows.remove(at: row)
        let before = focusNow
        var f = currentFocus
        f.row = max(0, min(row, rows.count - 1))
        currentFocus = f
        guard apply(.value(place, from: draft.value(at: place), to: rows.isEmpty ? nil : .table(rows)), run: nil, before: before, now: now) else {
            return
        }
        loadLine()
        status = StatusMessage(text: phrases.t("Rad \(row + 1) borttagen.", "Row \(row + 1) deleted.") + words.sentence(.undo, sv: "ångrar", en: "undoes"), isError: false)
    }

    // MARK: - Grid geometry (pure; used to scroll and to draw)

    struct GridGeometry {
        var area: Rect
        /// Rows above the grid: the title and the table's help.
        var titleLines: [String]
        var helpLines: [String]
        var headerRow: Int
        var firstDataRow: Int
        var visibleRows: Int
        var totalsRow: Int?
        /// Cells shown, with their x and width.
        var columns: [(cell: Int, x: Int, width: Int)]
        var numberWidth: Int
        var detailTop: Int
    }

    /// Whether a plan-year column has a totals row (investments, not sensitivity cases).
    var tableHasTotals: Bool {
        field(of: page)?.columns.contains { $0.kind == .planYears && $0.summable } ?? false
    }

    func cellWidth(_ cell: TableCell, rows: [TableRow]) -> Int {
        switch cell.column.kind {
        case .planYears, .amount:
            let widest = rows.map { DisplayText.width(of: $0[cell.key]?.displayText ?? "") }.max() ?? 0
            return min(12, max(8, widest, DisplayText.width(of: cell.label(language))))
        case .choice(let options):
            let widest = options.map { DisplayText.width(of: $0.label[language]) }.max() ?? 6
            return min(14, max(6, widest, DisplayText.width(of: cell.label(language))))
        case .shortText:
            return 0  // shares what is left
        }
    }

    func gridGeometry() -> GridGeometry {
        let area = pageRect
        let cells = tableCells
        let rows = tableRows
        let f = currentFocus
        var titleLines: [String] = []
        var helpLines: [String] = []
        if case .field(let s, _) = page, let field = field(of: page) {
            let section = form.sections[s]
            titleLines = Array(EditorSession.wrapLines("\(section.number). \(section.shortTitle[language]) – \(field.label[language])", width: area.width).prefix(2))
            if let help = field.help?[language] {
                helpLines = Array(EditorSession.wrapLines(help, width: area.width).prefix(2))
            }
        }
        let numberWidth = max(3, String(rows.count).count + 1)
        // Fixed widths for amounts and choices; text columns share the rest (at least 10 each).
        var widths = cells.map { cellWidth($0, rows: rows) }
        let textCells = widths.indices.filter { widths[$0] == 0 }
        let fixed = widths.reduce(0, +) + cells.count + numberWidth
        let share = textCells.isEmpty ? 0 : max(10, (area.width - fixed) / textCells.count)
        for i in textCells { widths[i] = min(40, share) }
        // The cells shown: from the first visible one, as many as fit.
        var first = min(max(0, f.firstCell), max(0, cells.count - 1))
        if f.index < first { first = f.index }
        func fits(from start: Int) -> [(Int, Int, Int)] {
            var x = area.column + numberWidth + 1
            var result: [(Int, Int, Int)] = []
            for i in start..<cells.count {
                guard x + widths[i] <= area.right else { break }
                result.append((i, x, widths[i]))
                x += widths[i] + 1
            }
            return result
        }
        var shown = fits(from: first)
        while let last = shown.last?.0, last < f.index, first < f.index {
            first += 1
            shown = fits(from: first)
        }
        let headerRow = area.row + titleLines.count + helpLines.count
        let totals = tableHasTotals ? 1 : 0
        let detailHeight = min(7, max(4, area.height / 3))
        let visibleRows = max(1, min(max(rows.count, 1), area.bottom - headerRow - 1 - totals - detailHeight))
        let firstDataRow = min(max(0, f.firstRow), max(0, rows.count - visibleRows))
        return GridGeometry(area: area, titleLines: titleLines, helpLines: helpLines, headerRow: headerRow,
                            firstDataRow: firstDataRow, visibleRows: visibleRows,
                            totalsRow: totals == 1 ? headerRow + 1 + visibleRows : nil,
                            columns: shown.map { (cell: $0.0, x: $0.1, width: $0.2) }, numberWidth: numberWidth,
                            detailTop: headerRow + 1 + visibleRows + totals)
    }

    /// Scrolls the grid so the focused row and cell show.
    mutating func syncTable() {
        var f = currentFocus
        let cells = tableCells
        guard !cells.isEmpty else { return }
        var geometry = gridGeometry()
        if let first = geometry.columns.first?.cell { f.firstCell = first }
        if f.row < f.firstRow { f.firstRow = f.row }
        if f.row >= f.firstRow + geometry.visibleRows { f.firstRow = f.row - geometry.visibleRows + 1 }
        f.firstRow = max(0, f.firstRow)
        currentFocus = f
        geometry = gridGeometry()
        _ = geometry
    }
}
