import FeedbackModel

/// Draws the box of the current overlay over the screen.
extension EditorSession {
    /// Draws a framed box and returns its inner rectangle.
    static func box(into grid: inout ScreenGrid, title: String, width: Int, height: Int, style: Style = Style()) -> (row: Int, column: Int, width: Int, height: Int) {
        let w = min(grid.width - 2, width)
        let h = min(grid.height - 2, height)
        let x0 = (grid.width - w) / 2
        let y0 = max(1, (grid.height - h) / 2)
        grid.fill(row: y0, column: x0, width: w, height: h, style: style)
        let frame = Style(style.role, bold: true)
        for x in x0..<(x0 + w) {
            grid[y0, x] = Cell("─", style: frame)
            grid[y0 + h - 1, x] = Cell("─", style: frame)
        }
        for y in y0..<(y0 + h) {
            grid[y, x0] = Cell("│", style: frame)
            grid[y, x0 + w - 1] = Cell("│", style: frame)
        }
        grid[y0, x0] = Cell("┌", style: frame)
        grid[y0, x0 + w - 1] = Cell("┐", style: frame)
        grid[y0 + h - 1, x0] = Cell("└", style: frame)
        grid[y0 + h - 1, x0 + w - 1] = Cell("┘", style: frame)
        grid.put(" \(title) ", row: y0, column: x0 + 2, limit: x0 + w - 2, style: Style(style.role, bold: true))
        return (y0 + 1, x0 + 2, w - 4, h - 2)
    }

    mutating func renderOverlay(into grid: inout ScreenGrid) {
        guard let overlay else { return }
        let p = phrases
        let boxWidth = min(grid.width - 2, 78)
        switch overlay {
        case .help(let scroll):
            var lines: [(String, Style)] = []
            for group in KeyHelp.all {
                lines.append((language == .sv ? group.groupSv : group.groupEn, Style(.accent, bold: true)))
                for key in group.keys {
                    let keyText = key.key.padding(toWidth: 26)
                    lines.append(("  \(keyText)\(language == .sv ? key.sv : key.en)", Style()))
                }
                lines.append(("", Style()))
            }
            lines.append((p.t("Markörer: ○ tom  ◐ pågår (varningar)  ● klar  ✗ fel", "Markers: ○ empty  ◐ in progress (warnings)  ● done  ✗ errors"), Style(.muted)))
            lines.append((p.t("Utkastet autosparas medan du skriver.", "The draft is autosaved while you type."), Style(.muted)))
            let inner = EditorSession.box(into: &grid, title: p.t("Hjälp – alla tangenter (valfri tangent stänger)", "Help – every key (any key closes)"),
                                          width: boxWidth, height: grid.height - 2)
            let start = min(scroll, max(0, lines.count - inner.height))
            for (i, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
                grid.put(line.0, row: inner.row + i, column: inner.column, limit: inner.column + inner.width, style: line.1)
            }
        case .findings(let selected):
            let all = allFindings
            let inner = EditorSession.box(into: &grid, title: p.t("Kontroll: ", "Check: ") + FindingsReport.summary(all, language: language),
                                          width: boxWidth, height: grid.height - 2)
            if all.isEmpty {
                grid.put(p.t("Inga fel eller varningar. Utkastet kan exporteras (Ctrl-E).", "No errors or warnings. The draft can be exported (Ctrl-E)."),
                         row: inner.row, column: inner.column, limit: inner.column + inner.width, style: Style(.ok, bold: true))
            }
            renderFindingList(all, selected: selected, into: &grid, inner: (inner.row, inner.column, inner.width, inner.height - 1))
            grid.put(p.t("↑↓ välj · Enter gå dit · Esc stäng", "↑↓ choose · Enter go there · Esc close"),
                     row: inner.row + inner.height - 1, column: inner.column, limit: inner.column + inner.width, style: Style(.muted))
        case .exportReview(let list, let fileName, let selected):
            let blocked = list.hasErrors
            let inner = EditorSession.box(into: &grid, title: p.t("Exportera", "Export"), width: boxWidth, height: grid.height - 2,
                                          style: Style(blocked ? .error : .normal))
            var y = inner.row
            if blocked {
                grid.put(p.t("Exporten stoppas av \(list.errorCount) fel. Rätta dem först:", "The export is blocked by \(list.errorCount) errors. Correct them first:"),
                         row: y, column: inner.column, limit: inner.column + inner.width, style: Style(.error, bold: true))
            } else if !list.isEmpty {
                grid.put(p.t("\(list.warningCount) varningar. Exportera ändå?", "\(list.warningCount) warnings. Export anyway?"),
                         row: y, column: inner.column, limit: inner.column + inner.width, style: Style(.warning, bold: true))
            } else {
                grid.put(p.t("Inga fel eller varningar.", "No errors or warnings."), row: y, column: inner.column, limit: inner.column + inner.width, style: Style(.ok, bold: true))
            }
            y += 1
            if !blocked {
                grid.put(p.t("Fil: ", "File: ") + exportFolder + "/" + fileName, row: y, column: inner.column, limit: inner.column + inner.width)
                y += 1
            }
            y += 1
            let shown = blocked ? list.filter { $0.severity == .error } : list
            renderFindingList(shown, selected: selected, into: &grid, inner: (y, inner.column, inner.width, inner.row + inner.height - 1 - y))
            let hint = blocked ? p.t("↑↓ välj · Enter gå dit · Esc stäng", "↑↓ choose · Enter go there · Esc close")
                               : p.t("J/Enter exporterar · N/Esc avbryter", "Y/Enter exports · N/Esc cancels")
            grid.put(hint, row: inner.row + inner.height - 1, column: inner.column, limit: inner.column + inner.width, style: Style(.accent, bold: true))
        case .exportRunning:
            let inner = EditorSession.box(into: &grid, title: p.t("Exportera", "Export"), width: 50, height: 3)
            grid.put(p.t("Exporterar …", "Exporting …"), row: inner.row, column: inner.column)
        case .saving:
            let inner = EditorSession.box(into: &grid, title: p.t("Spara", "Save"), width: 50, height: 3)
            grid.put(p.t("Sparar …", "Saving …"), row: inner.row, column: inner.column)
        case .exportDone(let path, let hash, let unchanged):
            let inner = EditorSession.box(into: &grid, title: p.t("Exporterat", "Exported"), width: boxWidth, height: 8, style: Style(.ok))
            grid.put(unchanged ? p.t("Samma innehåll fanns redan exporterat:", "The same content was already exported:")
                               : p.t("Exporten är skriven:", "The export is written:"),
                     row: inner.row, column: inner.column, limit: inner.column + inner.width, style: Style(.ok, bold: true))
            grid.put(path, row: inner.row + 1, column: inner.column, limit: inner.column + inner.width)
            grid.put("SHA-256:", row: inner.row + 3, column: inner.column)
            grid.put(hash, row: inner.row + 4, column: inner.column, limit: inner.column + inner.width)
            grid.put(p.t("Valfri tangent stänger.", "Any key closes."), row: inner.row + 5, column: inner.column, style: Style(.muted))
        case .message(let title, let lines, let isError):
            let wrapped = lines.flatMap { EditorSession.wrapLines($0, width: boxWidth - 4) }
            let inner = EditorSession.box(into: &grid, title: title, width: boxWidth, height: min(grid.height - 2, wrapped.count + 4),
                                          style: Style(isError ? .error : .normal))
            for (i, line) in wrapped.prefix(inner.height - 2).enumerated() {
                grid.put(line, row: inner.row + i, column: inner.column, limit: inner.column + inner.width)
            }
            grid.put(p.t("Valfri tangent stänger.", "Any key closes."), row: inner.row + inner.height - 1, column: inner.column, style: Style(.muted))
        case .restore(let differences, let autosaved):
            var lines = [p.t("Det finns en autosparad version från \(autosaved.modified) som är nyare än utkastet.",
                             "There is an autosaved version from \(autosaved.modified) that is newer than the draft."),
                         p.t("Det som skiljer:", "What differs:")]
            lines += differences.map { "  " + $0 }
            let wrapped = lines.flatMap { EditorSession.wrapLines($0, width: boxWidth - 4) }
            let inner = EditorSession.box(into: &grid, title: p.t("Återställ autosparad text?", "Restore autosaved text?"),
                                          width: boxWidth, height: min(grid.height - 2, wrapped.count + 5), style: Style(.warning))
            for (i, line) in wrapped.prefix(inner.height - 2).enumerated() {
                grid.put(line, row: inner.row + i, column: inner.column, limit: inner.column + inner.width)
            }
            grid.put(p.t("J återställer · N behåller filens version", "Y restores · N keeps the file's version"),
                     row: inner.row + inner.height - 1, column: inner.column, limit: inner.column + inner.width, style: Style(.accent, bold: true))
        case .saveAs(var line, let problem):
            let inner = EditorSession.box(into: &grid, title: p.t("Spara som", "Save as"), width: boxWidth, height: problem == nil ? 5 : 7,
                                          style: Style(problem == nil ? .normal : .error))
            var y = inner.row
            if let problem {
                for text in EditorSession.wrapLines(problem, width: inner.width).prefix(2) {
                    grid.put(text, row: y, column: inner.column, limit: inner.column + inner.width, style: Style(.error, bold: true))
                    y += 1
                }
            }
            grid.put(p.t("Fil:", "File:"), row: y, column: inner.column)
            let x = line.render(into: &grid, row: y, column: inner.column + 6, width: inner.width - 6, style: Style(.selection, underline: true))
            self.overlay = .saveAs(line, problem: problem)
            grid.put(p.t("Enter sparar · Esc avbryter", "Enter saves · Esc cancels"), row: y + 2, column: inner.column, style: Style(.muted))
            grid.cursor = (y, x)
            return
        case .quitFailed(let problem):
            let lines = EditorSession.wrapLines(p.t("Utkastet kunde inte sparas: ", "The draft could not be saved: ") + problem, width: boxWidth - 4)
            let inner = EditorSession.box(into: &grid, title: p.t("Inte sparat", "Not saved"), width: boxWidth, height: lines.count + 6, style: Style(.error))
            for (i, line) in lines.enumerated() {
                grid.put(line, row: inner.row + i, column: inner.column, limit: inner.column + inner.width, style: Style(.error, bold: true))
            }
            grid.put(p.t("S spara som annan fil · A avsluta ändå (den autosparade texten finns kvar) · Esc tillbaka",
                         "S save as another file · A quit anyway (the autosaved text is kept) · Esc back"),
                     row: inner.row + lines.count + 1, column: inner.column, limit: inner.column + inner.width, style: Style(.accent, bold: true))
        }
        grid.cursor = nil
    }

    private func renderFindingList(_ list: [Finding], selected: Int, into grid: inout ScreenGrid, inner: (row: Int, column: Int, width: Int, height: Int)) {
        guard inner.height > 0, !list.isEmpty else { return }
        let first = min(max(0, selected - inner.height / 2), max(0, list.count - inner.height))
        var lastHeading: String?
        var y = inner.row
        for (i, finding) in list.enumerated().dropFirst(first) where y < inner.row + inner.height {
            let heading = FindingsReport.heading(of: finding.sectionID, form: form, language: language)
            let isSelected = i == selected
            let style = isSelected ? Style(.selection, bold: true, reverse: true) : Style(finding.severity == .error ? .error : .warning)
            let prefix = finding.severity == .error ? "✗ " : "! "
            if heading != lastHeading && !isSelected {
                lastHeading = heading
            }
            grid.fill(row: y, column: inner.column, width: inner.width, height: 1, style: isSelected ? style : Style())
            let shortHeading = finding.sectionID.flatMap { form.section(id: $0) }.map { "\($0.number) \($0.shortTitle[language])" } ?? phrases.metadataTitle
            grid.put(prefix + shortHeading + ": " + finding.message[language], row: y, column: inner.column, limit: inner.column + inner.width, style: style)
            y += 1
        }
    }
}

extension String {
    /// Pads with spaces to a display width.
    func padding(toWidth width: Int) -> String {
        let w = DisplayText.width(of: self)
        return w >= width ? self + " " : self + String(repeating: " ", count: width - w)
    }
}
