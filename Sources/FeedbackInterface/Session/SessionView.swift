import FeedbackModel

/// Draws an open draft: header, page list, the page, status line and key hints.
extension EditorSession {
    public static let minimumSize = (width: 50, height: 14)

    /// Draws the whole screen into `grid` (its size is the terminal's).
    public mutating func render(into grid: inout ScreenGrid) {
        let width = grid.width
        let height = grid.height
        grid.cursor = nil
        let p = phrases
        // Header.
        let header = Style(.header, bold: true)
        grid.fill(row: 0, column: 0, width: width, height: 1, style: header)
        let committee = draft.committeeID(in: form).flatMap { form.committee(id: $0)?.name(language) } ?? "–"
        let statusLabel = form.metadataField(id: "status")?.options.first { $0.id == draft.status(in: form) }?.label[language] ?? ""
        let saveState = readOnly != nil ? p.t("skrivskyddat", "read-only")
            : unsaved ? (unautosaved ? p.t("ej sparat", "not saved") : p.t("autosparat", "autosaved")) : p.t("sparat", "saved")
        let right = " \(unsaved ? "○" : "●") \(saveState) "
        let rightWidth = DisplayText.width(of: right)
        grid.put(" " + form.title[language].replacingOccurrences(of: "Nämndens återkoppling på planeringsförutsättningar", with: "Återkoppling PF")
                     .replacingOccurrences(of: "Committee feedback on the planning premises", with: "Feedback on PF")
                     + " · \(committee) · \(statusLabel)",
                 row: 0, column: 0, limit: width - rightWidth - 1, style: header)
        grid.put(right, row: 0, column: width - rightWidth, style: Style(.header, bold: true))

        let listWidth = width >= 110 ? 30 : width >= 90 ? 26 : 22
        let bodyTop = 1
        let bodyHeight = height - 3
        renderList(into: &grid, row: bodyTop, width: listWidth, height: bodyHeight)
        for r in bodyTop..<(bodyTop + bodyHeight) { grid[r, listWidth] = Cell("│", style: Style(.muted)) }
        let x0 = listWidth + 2
        let pageWidth = width - x0 - 1
        switch page {
        case .metadata:
            renderMetadata(into: &grid, row: bodyTop, column: x0, width: pageWidth, height: bodyHeight)
        case .field:
            if let place = place(of: page), textEditors[place] != nil {
                renderText(into: &grid, place: place, row: bodyTop, column: x0, width: pageWidth, height: bodyHeight)
            } else {
                renderTable(into: &grid, row: bodyTop, column: x0, width: pageWidth, height: bodyHeight)
            }
        }
        renderStatus(into: &grid, row: height - 2, width: width)
        renderHints(into: &grid, row: height - 1, width: width)
        if focusOnList { grid.cursor = nil }
        if overlay != nil { renderOverlay(into: &grid) }
    }

    // MARK: - Page list

    private func renderList(into grid: inout ScreenGrid, row: Int, width: Int, height: Int) {
        var y = row
        func line(_ text: String, marker: PartState?, selected: Bool, indent: Bool = false) {
            guard y < row + height - 2 else { return }
            let style = selected ? Style(.selection, bold: true, reverse: focusOnList) : Style()
            grid.fill(row: y, column: 0, width: width, height: 1, style: style)
            grid.put((indent ? "   · " : " ") + text, row: y, column: 0, limit: width - 2, style: style)
            if let marker { grid.put(marker.marker, row: y, column: width - 2, style: Style(marker.role, bold: true)) }
            y += 1
        }
        line(phrases.metadataTitle, marker: state(ofSection: nil), selected: page == .metadata)
        for (s, section) in form.sections.enumerated() {
            var isCurrent = false
            if case .field(let cs, _) = page, cs == s { isCurrent = true }
            line("\(section.number) \(section.shortTitle[language])", marker: state(ofSection: s), selected: isCurrent && section.fields.count == 1)
            if isCurrent && section.fields.count > 1 {
                for (f, field) in section.fields.enumerated() {
                    line(field.label[language], marker: nil, selected: page == .field(section: s, field: f), indent: true)
                }
            }
        }
        let done = phrases.done(sectionsDone, of: form.sections.count)
        grid.put(" " + done, row: row + height - 1, column: 0, limit: width, style: Style(sectionsDone == form.sections.count ? .ok : .accent, bold: true))
    }

    // MARK: - Text pages

    /// Wraps text to rows of at most `width` cells (for titles, guidance, messages).
    static func wrapLines(_ text: String, width: Int) -> [String] {
        var rows: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let p = String(paragraph)
            let starts = Wrap.rowStarts(p, width: max(1, width))
            for (i, start) in starts.enumerated() {
                let end = i + 1 < starts.count ? starts[i + 1] : p.utf8.count
                var row = TextBuffer.slice(p, start, end)
                while row.hasSuffix(" ") { row.removeLast() }
                rows.append(row)
            }
        }
        return rows
    }

    private mutating func renderText(into grid: inout ScreenGrid, place: FieldPlace, row: Int, column: Int, width: Int, height: Int) {
        guard case .field(let s, let f) = page else { return }
        let section = form.sections[s]
        let field = section.fields[f]
        var y = row
        for line in EditorSession.wrapLines("\(section.number). \(section.title[language])", width: width).prefix(2) {
            grid.put(line, row: y, column: column, limit: column + width, style: Style(.accent, bold: true))
            y += 1
        }
        if showGuidance {
            // Wrapped once per section and width, not every frame.
            let key = "\(section.id)/\(width)"
            if guidanceCache?.key != key {
                guidanceCache = (key, EditorSession.wrapLines(section.guidance[language].trimmingWhitespace, width: width))
            }
            let guidance = guidanceCache?.lines ?? []
            let room = max(1, (height - 4) * 2 / 5)
            for line in guidance.prefix(room) {
                grid.put(line, row: y, column: column, limit: column + width, style: Style(.muted))
                y += 1
            }
            if guidance.count > room {
                grid.put(phrases.t("… (Ctrl-T döljer vägledningen)", "… (Ctrl-T hides the guidance)"), row: y, column: column, limit: column + width, style: Style(.muted))
                y += 1
            }
        }
        let label = section.fields.count > 1 || !showGuidance ? field.label[language] : field.label[language]
        let ruleLabel = "─ \(label) "
        let used = grid.put(ruleLabel, row: y, column: column, limit: column + width, style: Style(.muted))
        for x in used..<(column + width) { grid[y, x] = Cell("─", style: Style(.muted)) }
        y += 1
        let textHeight = row + height - y
        guard textHeight > 0, textEditors[place] != nil else { return }
        let cursor = withEditor(place) { $0.render(into: &grid, row: y, column: column, width: width + 1, height: textHeight) } ?? nil
        if textEditors[place]?.buffer.isEmpty == true {
            grid.put(phrases.t("Skriv eller klistra in nämndens text här.", "Type or paste the committee's text here."),
                     row: y, column: column, limit: column + width, style: Style(.muted))
        }
        if !focusOnList, let cursor { grid.cursor = cursor }
    }

    // MARK: - Metadata

    private mutating func renderMetadata(into grid: inout ScreenGrid, row: Int, column: Int, width: Int, height: Int) {
        var y = row
        grid.put(phrases.metadataTitle + " – " + phrases.t("planperiod \(form.planPeriod.label), sista dag \(form.deadline)",
                                                         "plan period \(form.planPeriod.label), deadline \(form.deadline)"),
                 row: y, column: column, limit: column + width, style: Style(.accent, bold: true))
        y += 2
        let labelWidth = EditorSession.labelWidth(form.metadata.map { $0.label[language] }, width: width)
        let f = currentFocus
        for (i, field) in form.metadata.enumerated() {
            guard y < row + height - 3 else { break }
            let focused = i == f.index && !focusOnList
            let marker = (findings[.metadata(field.id)] ?? []).hasErrors || conditionFindings.contains { $0.target.field == .metadata(field.id) } ? "✗" : " "
            grid.put(marker, row: y, column: column, style: Style(.error, bold: true))
            grid.put(field.label[language], row: y, column: column + 2, limit: column + labelWidth, style: Style(bold: focused))
            let valueColumn = column + labelWidth + 1
            let valueWidth = max(4, width - labelWidth - 1)
            let style = focused ? Style(.selection, underline: true) : Style(underline: true)
            switch field.kind {
            case .choice, .committee:
                let current = EditorSession.editText(draft.metadata[field.id])
                let label = choices(for: field.kind).first { $0.0 == current }?.1 ?? (current.isEmpty ? "–" : current)
                grid.fill(row: y, column: valueColumn, width: valueWidth, height: 1, style: focused ? Style(.selection) : Style())
                grid.put(EditorSession.choiceText(label, width: valueWidth), row: y, column: valueColumn, limit: valueColumn + valueWidth, style: focused ? Style(.selection, bold: true) : Style())
            default:
                if focused, var line = f.line {
                    let x = line.render(into: &grid, row: y, column: valueColumn, width: valueWidth, style: style)
                    var nf = f
                    nf.line = line
                    currentFocus = nf
                    grid.cursor = (y, x)
                } else {
                    grid.fill(row: y, column: valueColumn, width: valueWidth, height: 1, style: style)
                    grid.put(EditorSession.editText(draft.metadata[field.id]), row: y, column: valueColumn, limit: valueColumn + valueWidth, style: style)
                }
            }
            y += 1
        }
        // Help and findings of the focused field.
        y += 1
        let field = form.metadata[min(f.index, form.metadata.count - 1)]
        if let help = field.help?[language] {
            for line in EditorSession.wrapLines(help, width: width).prefix(2) where y < row + height {
                grid.put(line, row: y, column: column, limit: column + width, style: Style(.muted))
                y += 1
            }
        }
        let own = (findings[.metadata(field.id)] ?? []) + conditionFindings.filter { $0.target.field == .metadata(field.id) }
        for finding in own where y < row + height {
            for line in EditorSession.wrapLines((finding.severity == .error ? "✗ " : "! ") + finding.message[language], width: width).prefix(2) where y < row + height {
                grid.put(line, row: y, column: column, limit: column + width, style: Style(finding.severity == .error ? .error : .warning))
                y += 1
            }
        }
    }

    // MARK: - Tables

    private mutating func renderTable(into grid: inout ScreenGrid, row: Int, column: Int, width: Int, height: Int) {
        guard case .field(let s, _) = page, let field = field(of: page), let place = place(of: page) else { return }
        let section = form.sections[s]
        var y = row
        grid.put("\(section.number). \(section.shortTitle[language]) – \(field.label[language])", row: y, column: column, limit: column + width, style: Style(.accent, bold: true))
        y += 1
        if let help = field.help?[language] {
            grid.put(help, row: y, column: column, limit: column + width, style: Style(.muted))
            y += 1
        }
        let rows = tableRows
        let cells = tableCells
        let f = currentFocus
        let rowFindings = findings[place] ?? []
        if rows.isEmpty {
            y += 1
            grid.put(phrases.t("Inga rader ännu. Ctrl-R eller Enter lägger till en rad.", "No rows yet. Ctrl-R or Enter adds a row."),
                     row: y, column: column, limit: column + width, style: Style(.muted))
            y += 2
            for finding in rowFindings where y < row + height {
                grid.put((finding.severity == .error ? "✗ " : "! ") + finding.message[language], row: y, column: column, limit: column + width,
                         style: Style(finding.severity == .error ? .error : .warning))
                y += 1
            }
            return
        }
        // The list of rows: number, first column, and the plan-year total when there is one.
        let yearColumn = field.columns.first { $0.kind == .planYears }
        let listHeight = max(2, min(rows.count, (height - 4) / 3))
        let first = min(max(0, f.row - listHeight / 2), max(0, rows.count - listHeight))
        for i in first..<min(rows.count, first + listHeight) {
            let selected = i == f.row
            let style = selected ? Style(.selection, bold: true) : Style()
            grid.fill(row: y, column: column, width: width, height: 1, style: style)
            let hasError = rowFindings.contains { $0.target.row == i && $0.severity == .error }
            grid.put(hasError ? "✗" : " ", row: y, column: column, style: Style(.error, bold: true))
            let name = rows[i][field.columns[0].id]?.displayText ?? ""
            var text = "\(i + 1). " + (name.isEmpty ? "–" : name)
            if let yearColumn {
                let sum = form.planPeriod.years.reduce(0) { total, year in
                    if case .integer(let n)? = rows[i][TableRow.yearKey(yearColumn.id, year)] { return total + n }
                    return total
                }
                let total = AmountFormat.display(sum) + " tkr"
                grid.put(total, row: y, column: column + width - DisplayText.width(of: total), style: style)
                text = String(text.prefix(max(0, width - DisplayText.width(of: total) - 4)))
            }
            grid.put(text, row: y, column: column + 2, limit: column + width - 1, style: style)
            y += 1
        }
        let header = phrases.t("─ Rad \(f.row + 1) av \(rows.count) ", "─ Row \(f.row + 1) of \(rows.count) ")
        let used = grid.put(header, row: y, column: column, limit: column + width, style: Style(.muted))
        for x in used..<(column + width) { grid[y, x] = Cell("─", style: Style(.muted)) }
        y += 1
        // The current row as a form; scrolled so the focused cell shows.
        let labelWidth = EditorSession.labelWidth(cells.map { $0.label(language) }, width: width)
        let available = row + height - y - 2
        let firstCell = min(max(0, f.index - available + 1), max(0, cells.count - available))
        for (i, cell) in cells.enumerated() where i >= firstCell && y < row + height - 2 {
            let focused = i == f.index && !focusOnList
            let cellFindings = rowFindings.filter { $0.target.row == f.row && $0.target.cell == cell.key }
            grid.put(cellFindings.hasErrors ? "✗" : " ", row: y, column: column, style: Style(.error, bold: true))
            grid.put(cell.label(language), row: y, column: column + 2, limit: column + labelWidth, style: Style(bold: focused))
            let valueColumn = column + labelWidth + 1
            let valueWidth = max(4, width - labelWidth - 1)
            let style = focused ? Style(.selection, underline: true) : Style(underline: true)
            let value = rows[f.row][cell.key]
            if case .choice(let options) = cell.column.kind {
                let id = EditorSession.editText(value)
                let label = options.first { $0.id == id }?.label[language] ?? (id.isEmpty ? "–" : id)
                grid.fill(row: y, column: valueColumn, width: valueWidth, height: 1, style: focused ? Style(.selection) : Style())
                grid.put(EditorSession.choiceText(label, width: valueWidth), row: y, column: valueColumn, limit: valueColumn + valueWidth, style: focused ? Style(.selection, bold: true) : Style())
            } else if focused, var line = f.line {
                let x = line.render(into: &grid, row: y, column: valueColumn, width: valueWidth, style: style)
                var nf = f
                nf.line = line
                currentFocus = nf
                grid.cursor = (y, x)
                if cell.isAmount, !line.text.trimmingWhitespace.isEmpty, AmountFormat.parse(line.text) == nil {
                    let warning = phrases.t(" ogiltigt belopp ", " invalid amount ")
                    grid.put(warning, row: y, column: column + width - DisplayText.width(of: warning), style: Style(.error, bold: true, reverse: true))
                }
            } else {
                grid.fill(row: y, column: valueColumn, width: valueWidth, height: 1, style: style)
                grid.put(EditorSession.editText(value), row: y, column: valueColumn, limit: valueColumn + valueWidth, style: style)
            }
            y += 1
        }
        // The focused cell's first finding.
        if f.index < cells.count, let finding = rowFindings.first(where: { $0.target.row == f.row && $0.target.cell == cells[f.index].key }) {
            grid.put((finding.severity == .error ? "✗ " : "! ") + finding.message[language], row: row + height - 1, column: column,
                     limit: column + width, style: Style(finding.severity == .error ? .error : .warning))
        } else if let tableFinding = rowFindings.first(where: { $0.target.row == nil }) {
            grid.put((tableFinding.severity == .error ? "✗ " : "! ") + tableFinding.message[language], row: row + height - 1, column: column,
                     limit: column + width, style: Style(tableFinding.severity == .error ? .error : .warning))
        }
    }

    /// "‹ label ›", the label shortened with "…" when the field is narrow.
    static func choiceText(_ label: String, width: Int) -> String {
        var characters = Array(label)
        var shown = label
        while DisplayText.width(of: "‹ \(shown) ›") > width, characters.count > 1 {
            characters.removeLast()
            shown = String(characters) + "…"
        }
        return "‹ \(shown) ›"
    }

    /// Room for the longest label (and the marker before it), at most half the page.
    static func labelWidth(_ labels: [String], width: Int) -> Int {
        let longest = labels.map { DisplayText.width(of: $0) }.max() ?? 10
        return min(longest + 3, max(10, width / 2))
    }

    // MARK: - Status and hints

    private func renderStatus(into grid: inout ScreenGrid, row: Int, width: Int) {
        grid.fill(row: row, column: 0, width: width, height: 1, style: Style(.header))
        let all = allFindings
        let summary = " ✗ \(all.errorCount)  ! \(all.warningCount) "
        let summaryWidth = DisplayText.width(of: summary)
        grid.put(summary, row: row, column: width - summaryWidth, style: Style(.header, bold: true))
        var left = " "
        if let place = place(of: page), let editor = textEditors[place], let field = field(of: page) {
            let buffer = editor.buffer
            var counter = "\(phrases.count(buffer.characterCount))"
            if let max = field.rules.maxChars?.value { counter += "/\(phrases.count(max))" }
            counter += phrases.t(" tecken · \(phrases.count(buffer.wordTotal)) ord", " characters · \(phrases.count(buffer.wordTotal)) words")
            if let max = field.rules.maxWords?.value { counter += "/\(phrases.count(max))" }
            left += counter
            let own = findings[place] ?? []
            if let first = own.first, status == nil {
                left += "  " + (first.severity == .error ? "✗ " : "! ") + first.message[language]
            }
        }
        if let status {
            left = " " + status.text
            grid.put(left, row: row, column: 0, limit: width - summaryWidth - 1, style: Style(status.isError ? .error : .header, bold: status.isError, reverse: status.isError))
        } else {
            grid.put(left, row: row, column: 0, limit: width - summaryWidth - 1, style: Style(.header))
        }
    }

    private func renderHints(into grid: inout ScreenGrid, row: Int, width: Int) {
        let p = phrases
        // The most useful keys first; Help and Quit always show, the rest as room allows.
        var optional: [(String, String)] = [("^S", p.t("Spara", "Save")), ("^E", p.t("Exportera", "Export")), ("^F", p.t("Kontroll", "Check"))]
        switch page {
        case .metadata: optional.append(("←→", p.t("Välj", "Choose")))
        case .field:
            if let place = place(of: page), textEditors[place] != nil {
                optional += [("^T", p.t("Vägledning", "Guidance")), ("^O", p.t("Editor", "Editor"))]
            } else {
                optional += [("^R", p.t("Ny rad", "New row")), ("^K", p.t("Ta bort rad", "Delete row"))]
            }
        }
        optional.append(("^N", p.t("Nästa sida", "Next page")))
        let always: [(String, String)] = [("^G", p.t("Hjälp", "Help")), ("^Q", p.t("Avsluta", "Quit"))]
        func needed(_ hint: (String, String)) -> Int { DisplayText.width(of: hint.0) + DisplayText.width(of: hint.1) + 2 }
        var room = width - always.reduce(0) { $0 + needed($1) }
        var shown: [(String, String)] = []
        for hint in optional where needed(hint) <= room {
            shown.append(hint)
            room -= needed(hint)
        }
        var x = 0
        for (key, label) in shown + always {
            x = grid.put(key, row: row, column: x, style: Style(.header, bold: true, reverse: true))
            x = grid.put(" " + label + " ", row: row, column: x, style: Style())
        }
    }
}
