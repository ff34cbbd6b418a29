import FeedbackModel

/// The three kinds of page: a long text, the details, a table.
extension EditorSession {
    // MARK: - Text pages

    func renderText(into grid: inout ScreenGrid, place: FieldPlace) {
        guard let layout = textPageLayout(), let editor = editors[place], let field = field(of: page) else { return }
        let area = pageRect
        var y = area.row
        for line in layout.titleLines {
            grid.put(line, row: y, column: area.column, limit: area.right, style: Style(.accent, bold: true))
            y += 1
        }
        for line in layout.guidanceLines {
            grid.put(line, row: y, column: area.column, limit: area.right, style: Style(.muted))
            y += 1
        }
        if layout.guidanceCut {
            let whole = words.name(.guidance) ?? "", hide = words.name(.toggleInlineGuidance) ?? ""
            grid.put(phrases.t("… \(whole) visar hela vägledningen, \(hide) döljer den", "… \(whole) shows the whole guidance, \(hide) hides it"),
                     row: y, column: area.column, limit: area.right, style: Style(.accent))
        }
        let marked = page.sectionIndex.map { draft.readySections.contains(form.sections[$0].id) } ?? false
        var ruleLabel = "─ \(field.label[language]) " + (marked ? phrases.t("· markerad klar ", "· marked done ") : "")
        if draft.isUnconfirmedCarry(place) {
            let confirm = words.name(.confirmCarried).map { " (\($0) " + phrases.t("bekräftar)", "confirms)") } ?? ""
            ruleLabel += phrases.t("· från föregående år\(confirm) ", "· from last year\(confirm) ")
        }
        let used = grid.put(ruleLabel, row: layout.ruleRow, column: area.column, limit: area.right, style: Style(.muted))
        for x in used..<area.right { grid[layout.ruleRow, x] = Cell("─", style: Style(.muted)) }
        let r = layout.text
        let cursor = editor.render(into: &grid, row: r.row, column: r.column, width: r.width, height: r.height)
        if editor.buffer.isEmpty {
            grid.put(phrases.t("Skriv eller klistra in nämndens text här.", "Type or paste the committee's text here."),
                     row: r.row, column: r.column, limit: area.right, style: Style(.muted))
        }
        if !focusOnList, let cursor { grid.cursor = cursor }
        if let pane = layout.lastYear { renderLastYear(into: &grid, place: place, area: pane, cursorParagraph: editor.cursor.paragraph) }
    }

    /// Last year's text of the heading, read-only, following where this year's cursor is.
    private func renderLastYear(into grid: inout ScreenGrid, place: FieldPlace, area: Rect, cursorParagraph: Int) {
        guard let lastYear else { return }
        let title = "─ " + phrases.t("Förra året: ", "Last year: ") + lastYear.source + " "
        let used = grid.put(EditorSession.truncated(title, width: area.width), row: area.row, column: area.column, limit: area.right, style: Style(.accent))
        for x in used..<area.right { grid[area.row, x] = Cell("─", style: Style(.accent)) }
        let paragraphs = Paragraphs.lines(lastYear.texts[place] ?? "").map(String.init)
        guard !paragraphs.isEmpty else {
            grid.put(phrases.t("Förra året fanns ingen text här.", "Last year there was no text here."), row: area.row + 1, column: area.column,
                     limit: area.right, style: Style(.muted))
            return
        }
        var rows: [String] = []
        for paragraph in paragraphs.dropFirst(max(0, min(cursorParagraph, paragraphs.count - 1) - 1)) {
            rows += EditorSession.wrapLines(paragraph, width: area.width)
            rows.append("")
            if rows.count >= area.height { break }
        }
        for (i, line) in rows.prefix(area.height - 1).enumerated() {
            grid.put(line, row: area.row + 1 + i, column: area.column, limit: area.right, style: Style(.muted))
        }
    }

    // MARK: - Details

    func renderDetails(into grid: inout ScreenGrid) {
        let area = pageRect
        var y = area.row
        let heading = phrases.metadataTitle + " · " + phrases.t("planperiod \(form.planPeriod.label) · sista dag \(form.deadline)",
                                                              "plan period \(form.planPeriod.label) · deadline \(form.deadline)")
        // At 80 columns the plan period and the deadline share the title row; narrower, they wrap.
        for line in EditorSession.wrapLines(heading, width: area.width).prefix(2) {
            grid.put(line, row: y, column: area.column, limit: area.right, style: Style(.accent, bold: true))
            y += 1
        }
        y += 1
        let labelWidth = EditorSession.labelWidth(form.metadata.map { $0.label[language] }, width: area.width)
        let f = currentFocus
        let valueColumn = area.column + labelWidth + 1
        let valueWidth = detailsValueWidth
        for (i, field) in form.metadata.enumerated() {
            guard y < area.bottom - 2 else { break }
            let focused = i == f.index && !focusOnList
            if findings(ofMetadata: field.id).hasErrors {
                grid.put("✗", row: y, column: area.column, style: Style(.error, bold: true))
            }
            grid.put(field.label[language], row: y, column: area.column + 2, limit: area.column + labelWidth, style: Style(bold: focused))
            let style = focused ? Style(.selection, underline: true) : Style(underline: true)
            if isChoice(field.kind) {
                let current = EditorSession.editText(draft.metadata[field.id])
                let label = choices(for: field.kind).first { $0.id == current }?.label ?? (current.isEmpty ? "–" : current)
                let choiceStyle = focused ? Style(.selection, bold: true) : Style()
                grid.fill(row: y, column: valueColumn, width: valueWidth, height: 1, style: focused ? Style(.selection) : Style())
                grid.put(EditorSession.choiceText(label, width: valueWidth), row: y, column: valueColumn, limit: valueColumn + valueWidth, style: choiceStyle)
            } else if focused, let line = f.line {
                let x = line.render(into: &grid, row: y, column: valueColumn, width: valueWidth, style: style)
                grid.cursor = (y, x)
            } else {
                grid.fill(row: y, column: valueColumn, width: valueWidth, height: 1, style: style)
                grid.put(EditorSession.editText(draft.metadata[field.id]), row: y, column: valueColumn, limit: valueColumn + valueWidth, style: style)
            }
            y += 1
        }
        // The focused field's help and every finding of it, wrapped (nothing cut).
        y += 1
        let field = form.metadata[min(f.index, form.metadata.count - 1)]
        var lines: [(String, Style)] = []
        if isChoice(field.kind) {
            lines.append((phrases.t("Enter öppnar valen.", "Enter opens the choices."), Style(.muted)))
        }
        if let help = field.help?[language] {
            lines += EditorSession.wrapLines(help, width: area.width).map { ($0, Style(.muted)) }
        }
        for finding in findings(ofMetadata: field.id) {
            let style = Style(finding.severity == .error ? .error : .warning)
            lines += EditorSession.wrapLines(EditorSession.findingLine(finding, language: language), width: area.width).map { ($0, style) }
        }
        for (text, style) in lines where y < area.bottom {
            grid.put(text, row: y, column: area.column, limit: area.right, style: style)
            y += 1
        }
    }

    // MARK: - Tables

    func renderTable(into grid: inout ScreenGrid, place: FieldPlace) {
        guard let field = field(of: page) else { return }
        let g = gridGeometry()
        let area = g.area
        let rows = tableRows
        let cells = tableCells
        let f = currentFocus
        var y = area.row
        for line in g.titleLines {
            grid.put(line, row: y, column: area.column, limit: area.right, style: Style(.accent, bold: true))
            y += 1
        }
        for line in g.helpLines {
            grid.put(line, row: y, column: area.column, limit: area.right, style: Style(.muted))
            y += 1
        }
        let tableFindings = checks.byPlace[place] ?? []
        if rows.isEmpty {
            y += 1
            let add = words.name(.addRow, in: .table).map { $0 + ", " } ?? ""
            let empty = phrases.t("Inga rader ännu. \(add)Enter eller att skriva lägger till en rad.", "No rows yet. \(add)Enter or typing adds a row.")
            for line in EditorSession.wrapLines(empty, width: area.width) where y < area.bottom {
                grid.put(line, row: y, column: area.column, limit: area.right, style: Style(.muted))
                y += 1
            }
            y += 1
            for finding in tableFindings {
                for line in EditorSession.wrapLines(EditorSession.findingLine(finding, language: language), width: area.width) where y < area.bottom {
                    grid.put(line, row: y, column: area.column, limit: area.right, style: Style(finding.severity == .error ? .error : .warning))
                    y += 1
                }
            }
            return
        }
        // Header row: column titles (plan years as years), and an arrow where cells are off screen.
        let headerStyle = Style(.accent, bold: true)
        grid.put("#", row: g.headerRow, column: area.column, style: headerStyle)
        for column in g.columns {
            let cell = cells[column.cell]
            let label = EditorSession.truncated(cell.label(language), width: column.width)
            let x = cell.isAmount ? column.x + column.width - DisplayText.width(of: label) : column.x
            grid.put(label, row: g.headerRow, column: x, limit: column.x + column.width, style: headerStyle)
        }
        if let first = g.columns.first?.cell, first > 0 { grid.put("◂", row: g.headerRow, column: area.column + 1, style: headerStyle) }
        if let last = g.columns.last?.cell, last < cells.count - 1 { grid.put("▸", row: g.headerRow, column: area.right - 1, style: headerStyle) }
        // Data rows. The errors by row and cell, found once (a table may have thousands).
        var errorRows = Set<Int>()
        var errorCells = Set<String>()
        for finding in tableFindings where finding.severity == .error {
            guard let r = finding.target.row else { continue }
            errorRows.insert(r)
            if let cell = finding.target.cell { errorCells.insert("\(r)/\(cell)") }
        }
        for r in g.firstDataRow..<min(rows.count, g.firstDataRow + g.visibleRows) {
            let row = g.headerRow + 1 + r - g.firstDataRow
            let rowHasError = errorRows.contains(r)
            let number = "\(r + 1)"
            grid.put(number, row: row, column: area.column, style: Style(rowHasError ? .error : .muted, bold: rowHasError))
            if rowHasError { grid.put("✗", row: row, column: area.column + g.numberWidth - 1, style: Style(.error, bold: true)) }
            for column in g.columns {
                let cell = cells[column.cell]
                let focused = r == f.row && column.cell == f.index && !focusOnList
                let cellHasError = errorCells.contains("\(r)/\(cell.key)")
                var text: String
                if focused, let line = f.line { text = line.text } else { text = rows[r][cell.key]?.displayText ?? "" }
                if cell.isChoice { text = cell.column.options.first { $0.id == text }?.label[language] ?? text }
                let shown = EditorSession.truncated(text, width: column.width)
                let style = focused ? Style(.selection, bold: true, reverse: true)
                    : cellHasError ? Style(.error, underline: true) : Style(underline: true)
                grid.fill(row: row, column: column.x, width: column.width, height: 1, style: style)
                let x = cell.isAmount ? column.x + column.width - DisplayText.width(of: shown) : column.x
                grid.put(shown, row: row, column: x, limit: column.x + column.width, style: style)
            }
        }
        // Totals per plan year (investments; not the alternative cases of a sensitivity analysis).
        if let totalsRow = g.totalsRow {
            grid.put(phrases.t("Σ", "Σ"), row: totalsRow, column: area.column, style: Style(.accent, bold: true))
            for column in g.columns {
                let cell = cells[column.cell]
                guard cell.column.kind == .planYears, cell.column.summable, let year = cell.year else { continue }
                let sum = rows.reduce(0) { total, row in
                    if case .integer(let n)? = row[TableRow.yearKey(cell.column.id, year)] { return total + n }
                    return total
                }
                let text = AmountFormat.display(sum)
                grid.put(text, row: totalsRow, column: column.x + column.width - DisplayText.width(of: text), limit: column.x + column.width,
                         style: Style(.accent, bold: true))
            }
        }
        renderCellDetail(into: &grid, geometry: g, field: field, place: place)
    }

    /// Below the grid: the focused cell's whole value (edited here, wrapped), its help and findings.
    private func renderCellDetail(into grid: inout ScreenGrid, geometry g: GridGeometry, field: FieldDefinition, place: FieldPlace) {
        let area = g.area
        let rows = tableRows
        let cells = tableCells
        let f = currentFocus
        guard f.row < rows.count, f.index < cells.count else { return }
        let cell = cells[f.index]
        var y = g.detailTop
        let title = phrases.t("─ Rad \(f.row + 1) av \(rows.count) · ", "─ Row \(f.row + 1) of \(rows.count) · ") + cell.fullLabel(language) + " "
        let used = grid.put(title, row: y, column: area.column, limit: area.right, style: Style(.muted))
        for x in used..<area.right { grid[y, x] = Cell("─", style: Style(.muted)) }
        y += 1
        let cellFindings = (checks.byPlace[place] ?? []).filter { $0.target.row == f.row && $0.target.cell == cell.key }
        var below: [(String, Style)] = []
        if cell.isChoice {
            let id = rows[f.row][cell.key]?.displayText ?? ""
            let label = cell.column.options.first { $0.id == id }?.label[language] ?? (id.isEmpty ? "–" : id)
            grid.put(EditorSession.choiceText(label, width: area.width) + phrases.t("  Enter öppnar valen", "  Enter opens the choices"),
                     row: y, column: area.column, limit: area.right, style: Style(.selection, bold: true))
            y += 1
        } else if let line = f.line {
            let height = min(3, max(1, line.wrappedRowCount(width: area.width)))
            let cursor = line.renderWrapped(into: &grid, row: y, column: area.column, width: area.width, height: height,
                                            style: Style(.selection, underline: true))
            if !focusOnList, let cursor { grid.cursor = cursor }
            y += height
            if cell.isAmount, !line.text.trimmingWhitespace.isEmpty, AmountFormat.parse(line.text) == nil {
                below.append((phrases.t("✗ ogiltigt belopp: skriv ett heltal i tkr, t.ex. 12 500", "✗ invalid amount: write a whole number of tkr, e.g. 12 500"),
                              Style(.error, bold: true)))
            }
        }
        if draft.isUnconfirmedCarry(place, row: f.row) {
            let confirm = words.name(.confirmCarried).map { " (\($0) " + phrases.t("bekräftar)", "confirms)") } ?? ""
            var note = phrases.t("Raden är från föregående år\(confirm).", "The row is from last year\(confirm).")
            if let carry = rows[f.row].carry {
                let kept = carry.note(columns: field.columns, period: form.planPeriod, language: language)
                if !kept.isEmpty { note += " " + kept }
            }
            below += EditorSession.wrapLines(note, width: area.width).map { ($0, Style(.accent)) }
        }
        if let help = cell.column.help?[language] {
            below += EditorSession.wrapLines(help, width: area.width).map { ($0, Style(.muted)) }
        }
        for finding in cellFindings {
            let style = Style(finding.severity == .error ? .error : .warning)
            below += EditorSession.wrapLines(EditorSession.findingLine(finding, language: language), width: area.width).map { ($0, style) }
        }
        for finding in (checks.byPlace[place] ?? []) where finding.target.row == nil {
            let style = Style(finding.severity == .error ? .error : .warning)
            below += EditorSession.wrapLines(EditorSession.findingLine(finding, language: language), width: area.width).map { ($0, style) }
        }
        for (text, style) in below where y < area.bottom {
            grid.put(text, row: y, column: area.column, limit: area.right, style: style)
            y += 1
        }
    }
}
