import FeedbackModel

/// Draws the open dialog over the screen. Every text is wrapped; nothing is cut.
extension EditorSession {
    /// The number of the heading that takes imported text no heading claimed (the form says which).
    var fallbackHeadingNumber: String { form.fallbackTextField.map { "\($0.section.number)" } ?? "?" }

    /// Draws a framed box and returns its inner rectangle.
    static func box(into grid: inout ScreenGrid, title: String, width: Int, height: Int, style: Style = Style()) -> Rect {
        let w = max(4, min(grid.width - 2, width))
        let h = max(3, min(grid.height - 2, height))
        let x0 = max(0, (grid.width - w) / 2)
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
        grid.put(" \(EditorSession.truncated(title, width: w - 6)) ", row: y0, column: x0 + 2, limit: x0 + w - 2, style: Style(style.role, bold: true))
        return Rect(row: y0 + 1, column: x0 + 2, width: w - 4, height: h - 2)
    }

    /// A box of wrapped lines with a hint row; scrolled from `scroll`.
    private func textBox(into grid: inout ScreenGrid, title: String, lines: [(String, Style)], hint: String, scroll: Int = 0,
                         style: Style = Style(), fullHeight: Bool = false) {
        let width = dialogWidth
        let inner = width - 4
        var wrapped: [(String, Style)] = []
        for (text, s) in lines {
            if text.isEmpty { wrapped.append(("", s)); continue }
            wrapped += EditorSession.wrapLines(text, width: inner).map { ($0, s) }
        }
        let hintLines = EditorSession.wrapLines(hint, width: inner)
        let height = fullHeight ? grid.height - 2 : min(grid.height - 2, wrapped.count + hintLines.count + 3)
        let r = EditorSession.box(into: &grid, title: title, width: width, height: height, style: style)
        let room = max(0, r.height - hintLines.count - 1)
        let start = min(max(0, scroll), max(0, wrapped.count - room))
        for (i, line) in wrapped.dropFirst(start).prefix(room).enumerated() {
            grid.put(line.0, row: r.row + i, column: r.column, limit: r.right, style: line.1)
        }
        if start + room < wrapped.count {
            grid.put("↓", row: r.row + room - 1, column: r.right - 1, style: Style(.accent, bold: true))
        }
        for (i, line) in hintLines.enumerated() {
            grid.put(line, row: r.bottom - hintLines.count + i, column: r.column, limit: r.right, style: Style(.accent, bold: true))
        }
    }

    func renderDialog(into grid: inout ScreenGrid) {
        guard let dialog else { return }
        grid.cursor = nil
        let p = phrases
        switch dialog {
        case .help(let scroll):
            textBox(into: &grid, title: p.t("Hjälp – alla tangenter", "Help – every key"), lines: helpLines(), hint:
                        p.t("↑↓ PgUp PgDn rullar · Esc stänger", "↑↓ PgUp PgDn scroll · Esc closes"), scroll: scroll, fullHeight: true)
        case .guidance(let scroll):
            textBox(into: &grid, title: guidanceTitle, lines: guidanceText().map { ($0, Style()) },
                    hint: p.t("↑↓ PgUp PgDn rullar · Esc stänger", "↑↓ PgUp PgDn scroll · Esc closes"), scroll: scroll, fullHeight: true)
        case .findings(let selected):
            let all = allFindings
            let title = p.t("Kontroll: ", "Check: ") + FindingsReport.summary(all, language: language)
            let r = EditorSession.box(into: &grid, title: title, width: dialogWidth, height: grid.height - 2)
            if all.isEmpty {
                let export = words.name(.exportMenu).map { " (\($0))" } ?? ""
                grid.put(p.t("Inga fel eller varningar. Utkastet kan exporteras\(export).", "No errors or warnings. The draft can be exported\(export)."),
                         row: r.row, column: r.column, limit: r.right, style: Style(.ok, bold: true))
            }
            renderFindingList(all, selected: selected, into: &grid, area: Rect(row: r.row, column: r.column, width: r.width, height: r.height - 1))
            grid.put(p.t("↑↓ välj · Enter gå dit · Esc stäng", "↑↓ choose · Enter go there · Esc close"),
                     row: r.bottom - 1, column: r.column, limit: r.right, style: Style(.muted))
        case .exportReview(let list, let selected):
            renderExportReview(list, selected: selected, into: &grid)
        case .changes(let report, let selected):
            renderChanges(report, selected: selected, into: &grid)
        case .working(let title, let text):
            textBox(into: &grid, title: title, lines: [(text, Style())], hint: "")
        case .exportDone(let done):
            var lines: [(String, Style)] = [
                (done.unchanged ? p.t("Samma innehåll var redan exporterat; ingen ny fil skrevs:", "The same content was already exported; no new file was written:")
                                : p.t("Exporten är skriven:", "The export is written:"), Style(.ok, bold: true)),
                (Sanitizer.visible(done.path), Style()),
                ("", Style()),
                (p.t("Revision \(draft.revision) · SHA-256:", "Revision \(draft.revision) · SHA-256:"), Style()),
                (done.contentSha256, Style()),
            ]
            if !done.warnings.isEmpty {
                lines.append((p.t("Exporterad med \(p.warnings(done.warnings.count)).", "Exported with \(p.warnings(done.warnings.count))."), Style(.warning)))
            }
            textBox(into: &grid, title: p.t("Exporterat", "Exported"), lines: lines, hint: p.t("Valfri tangent stänger.", "Any key closes."), style: Style(.ok))
        case .message(let title, let lines, let isError):
            textBox(into: &grid, title: title, lines: lines.map { ($0, Style()) }, hint: p.t("Valfri tangent stänger.", "Any key closes."),
                    style: Style(isError ? .error : .normal))
        case .question(let question):
            textBox(into: &grid, title: question.title, lines: question.lines.map { ($0, Style()) },
                    hint: question.yes + " · " + question.no, style: Style(.warning))
        case .fileName(let prompt):
            let lines = prompt.problem.map { EditorSession.wrapLines($0, width: dialogWidth - 4) } ?? []
            let title: String
            switch prompt.purpose {
            case .saveCopy: title = p.t("Spara som (en kopia med eget dokument-id)", "Save as (a copy with its own document id)")
            case .render(let kind): title = p.t("Nämndens dokument (\(kind.fileExtension)): spara som", "The committee's document (\(kind.fileExtension)): save as")
            case .importFrom: title = p.t("Importera text från ett Word- eller Markdown-dokument", "Import text from a Word or Markdown document")
            }
            let r = EditorSession.box(into: &grid, title: title, width: dialogWidth, height: lines.count + 5, style: Style(prompt.problem == nil ? .normal : .error))
            var y = r.row
            for text in lines {
                grid.put(text, row: y, column: r.column, limit: r.right, style: Style(.error, bold: true))
                y += 1
            }
            grid.put(p.t("Fil:", "File:"), row: y, column: r.column)
            let x = prompt.line.render(into: &grid, row: y, column: r.column + 6, width: r.width - 6, style: Style(.selection, underline: true))
            let hint = prompt.purpose == .importFrom ? p.t("Enter läser filen (inget ändras förrän du säger ja) · Esc avbryter",
                                                           "Enter reads the file (nothing changes until you say yes) · Esc cancels")
                                                     : p.t("Enter sparar · Esc avbryter", "Enter saves · Esc cancels")
            grid.put(hint, row: y + 2, column: r.column, limit: r.right, style: Style(.muted))
            grid.cursor = (y, x)
        case .exportMenu(let selected):
            let choices = MenuChoice.allCases
            let r = EditorSession.box(into: &grid, title: p.t("Exportera och importera", "Export and import"), width: dialogWidth,
                                      height: choices.count + 5)
            for (i, choice) in choices.enumerated() {
                let style = i == selected ? Style(.selection, bold: true, reverse: true) : Style()
                grid.fill(row: r.row + i, column: r.column, width: r.width, height: 1, style: style)
                grid.put("\(i + 1)  " + menuLabel(choice), row: r.row + i, column: r.column, limit: r.right, style: style)
            }
            let revision = file.unsaved ? p.t("Osparade ändringar sparas först, så filerna har samma revision som utkastet.",
                                              "Unsaved changes are saved first, so the files carry the draft's revision.")
                                        : p.t("Revision \(draft.revision).", "Revision \(draft.revision).")
            for (i, line) in EditorSession.wrapLines(revision, width: r.width).prefix(2).enumerated() {
                grid.put(line, row: r.row + choices.count + 1 + i, column: r.column, limit: r.right, style: Style(.muted))
            }
        case .importReview(let proposal, let scroll):
            var lines: [(String, Style)] = proposal.report.map { ($0, Style()) }
            if !proposal.conflicts.isEmpty && !proposal.replace {
                lines.append(("", Style()))
                lines.append((p.t("Har redan innehåll och ersätts bara med E: ", "Already has content and is replaced only with E: ")
                               + proposal.conflicts.joined(separator: ", "), Style(.warning, bold: true)))
            }
            if proposal.sideFileText != nil && !proposal.unplacedToOther {
                lines.append((p.t("Text som inte kunde placeras sparas i en fil bredvid utkastet (Ö lägger den under rubrik \(fallbackHeadingNumber)).",
                                  "Text that could not be placed is kept in a file beside the draft (O puts it under heading \(fallbackHeadingNumber))."), Style(.muted)))
            }
            let blocked = !proposal.conflicts.isEmpty && !proposal.replace
            let hint = blocked ? p.t("E ersätter och tar in · Ö oplacerat till rubrik \(fallbackHeadingNumber) · N avbryter", "E replaces and imports · O unplaced to heading \(fallbackHeadingNumber) · N cancels")
                               : p.t("J tar in (ett ångra-steg) · Ö oplacerat till rubrik \(fallbackHeadingNumber) · N avbryter", "Y imports (one undo step) · O unplaced to heading \(fallbackHeadingNumber) · N cancels")
            textBox(into: &grid, title: p.t("Importera: ", "Import: ") + Sanitizer.visible(FileStore.fileName(of: proposal.file)),
                    lines: lines, hint: hint, scroll: scroll, style: Style(blocked ? .warning : .normal), fullHeight: true)
        case .quitFailed(let problem, let copy):
            let whereText = copy.map { p.t("Texten är säkrad i \(Sanitizer.visible($0)); den finns kvar om du avslutar.",
                                           "The text is kept safe in \(Sanitizer.visible($0)); it stays there if you quit.") }
                ?? p.t("Ingen kopia kunde skrivas någonstans: avslutar du nu går ändringarna förlorade.",
                       "No copy could be written anywhere: if you quit now, the changes are lost.")
            textBox(into: &grid, title: p.t("Inte sparat", "Not saved"),
                    lines: [(p.t("Utkastet kunde inte sparas: ", "The draft could not be saved: ") + problem, Style(.error, bold: true)),
                            ("", Style()), (whereText, Style(bold: true))],
                    hint: p.t("S sparar som en annan fil · A avslutar ändå · Esc tillbaka", "S saves as another file · A quits anyway · Esc back"),
                    style: Style(.error))
        case .choice(let picker):
            let r = EditorSession.box(into: &grid, title: picker.title, width: min(dialogWidth, 60),
                                      height: min(grid.height - 2, picker.options.count + 4))
            let room = r.height - 2
            let first = min(max(0, picker.selected - room / 2), max(0, picker.options.count - room))
            for (i, option) in picker.options.enumerated().dropFirst(first).prefix(room) {
                let y = r.row + i - first
                let selected = i == picker.selected
                let style = selected ? Style(.selection, bold: true, reverse: true) : Style()
                grid.fill(row: y, column: r.column, width: r.width, height: 1, style: style)
                let mark = option.id == picker.current ? "● " : "  "
                grid.put(mark + option.label, row: y, column: r.column, limit: r.right, style: style)
            }
            grid.put(p.t("↑↓ välj · Enter väljer · Esc avbryter", "↑↓ choose · Enter chooses · Esc cancels"),
                     row: r.bottom - 1, column: r.column, limit: r.right, style: Style(.muted))
        }
    }

    func menuLabel(_ choice: MenuChoice) -> String {
        switch choice {
        case .boardExport: return phrases.t("JSON till regionstyrelsen (kontrolleras först)", "JSON for the regional board (checked first)")
        case .submit: return submitMenuLabel
        case .document(.docx): return phrases.t("Word-dokument för nämndens handlingar (.docx)", "Word document for the meeting papers (.docx)")
        case .document(.html): return phrases.t("Webbsida att skriva ut eller skicka (.html)", "Web page to print or send (.html)")
        case .document(.md): return phrases.t("Markdown (.md)", "Markdown (.md)")
        case .importDocument: return phrases.t("Importera text från Word eller Markdown …", "Import text from Word or Markdown …")
        }
    }

    /// The help: every context's keys from the keymap, the markers, and what is autosaved.
    func helpLines() -> [(String, Style)] {
        var lines: [(String, Style)] = []
        let keyWidth = 24
        for section in keymap.reference(language: language) where section.title != KeyContext.start.title(language)
            && section.title != KeyContext.startCommittee.title(language) {
            lines.append((section.title, Style(.accent, bold: true)))
            for row in section.rows {
                // The help wraps under itself, never past the box.
                let inner = dialogWidth - 4 - keyWidth - 2
                let helpRows = EditorSession.wrapLines(row.help, width: max(10, inner))
                let keys = EditorSession.wrapLines(row.keys, width: keyWidth)
                for i in 0..<max(helpRows.count, keys.count) {
                    let k = i < keys.count ? keys[i] : ""
                    let h = i < helpRows.count ? helpRows[i] : ""
                    lines.append(("  " + k.padding(toWidth: keyWidth) + h, Style()))
                }
            }
            lines.append(("", Style()))
        }
        lines.append((phrases.t("Markörer: ○ tom  ◐ påbörjad  ● klarmarkerad utan fel  ✗ fel", "Markers: ○ empty  ◐ started  ● marked done, no errors  ✗ errors"), Style(.muted)))
        lines.append((phrases.t("Utkastet autosparas medan du skriver; ✎ i rubriken betyder ändringar som inte är sparade i filen.",
                                "The draft is autosaved while you type; ✎ in the header means changes not yet saved to the file."), Style(.muted)))
        return lines
    }

    var guidanceTitle: String {
        guard let s = page.sectionIndex else { return phrases.t("Hjälp för Uppgifter", "Help for Details") }
        return phrases.t("Vägledning: ", "Guidance: ") + "\(form.sections[s].number). \(form.sections[s].shortTitle[language])"
    }

    /// The whole guidance of the current heading, with the help of its tables and columns;
    /// on the details page, every field's help.
    func guidanceText() -> [String] {
        guard let s = page.sectionIndex else {
            return form.metadata.flatMap { field -> [String] in
                [field.label[language] + ":", field.help?[language] ?? "", ""]
            }
        }
        let section = form.sections[s]
        var lines = [section.title[language], ""]
        lines += section.guidance[language].trimmingWhitespace.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for field in section.fields where !field.kind.isText {
            lines += ["", field.label[language] + (field.help.map { ": " + $0[language] } ?? "")]
            for column in field.columns {
                lines.append("- " + column.label[language] + (column.help.map { ": " + $0[language] } ?? ""))
            }
        }
        return lines
    }

    private func renderExportReview(_ list: [Finding], selected: Int, into grid: inout ScreenGrid) {
        let p = phrases
        let blocked = list.hasErrors
        let handIn = exportTarget == .inbox
        let r = EditorSession.box(into: &grid, title: handIn ? p.t("Lämna in till regionstyrelsen", "Hand in to the regional board")
                                                             : p.t("Exportera till regionstyrelsen", "Export for the regional board"),
                                  width: dialogWidth, height: grid.height - 2, style: Style(blocked ? .error : .normal))
        var lines: [(String, Style)] = []
        if blocked {
            lines.append((handIn ? p.t("Inlämningen stoppas av \(p.errors(list.errorCount)). Rätta först:", "The hand-in is blocked by \(p.errors(list.errorCount)). Correct first:")
                                 : p.t("Exporten stoppas av \(p.errors(list.errorCount)). Rätta först:", "The export is blocked by \(p.errors(list.errorCount)). Correct first:"),
                          Style(.error, bold: true)))
        } else {
            if list.isEmpty {
                lines.append((p.t("Inga fel eller varningar.", "No errors or warnings."), Style(.ok, bold: true)))
            } else {
                lines.append((handIn ? p.t("\(p.warnings(list.warningCount)). Lämna in ändå?", "\(p.warnings(list.warningCount)). Hand in anyway?")
                                     : p.t("\(p.warnings(list.warningCount)). Exportera ändå?", "\(p.warnings(list.warningCount)). Export anyway?"), Style(.warning, bold: true)))
            }
            let revision = file.unsaved ? draft.revision + 1 : draft.revision
            lines.append(((file.unsaved ? p.t("Utkastet sparas först som revision \(revision). ", "The draft is saved first as revision \(revision). ")
                                        : p.t("Revision \(revision). ", "Revision \(revision). "))
                          + (handIn ? p.t("Inkorg: ", "Inbox: ") + Sanitizer.visible(board.inbox ?? "")
                                    : p.t("Mapp: ", "Folder: ") + Sanitizer.visible(file.exportFolder)), Style()))
        }
        var y = r.row
        for (text, style) in lines {
            for line in EditorSession.wrapLines(text, width: r.width) where y < r.bottom - 1 {
                grid.put(line, row: y, column: r.column, limit: r.right, style: style)
                y += 1
            }
        }
        y += 1
        let shown = blocked ? list.filter { $0.severity == .error } : list
        renderFindingList(shown, selected: selected, into: &grid, area: Rect(row: y, column: r.column, width: r.width, height: max(0, r.bottom - 1 - y)))
        let hint = blocked ? p.t("↑↓ välj · Enter gå dit · Esc stäng", "↑↓ choose · Enter go there · Esc close")
                           : handIn ? p.t("J/Enter lämnar in · N/Esc avbryter", "Y/Enter hands in · N/Esc cancels")
                                    : p.t("J/Enter exporterar · N/Esc avbryter", "Y/Enter exports · N/Esc cancels")
        grid.put(hint, row: r.bottom - 1, column: r.column, limit: r.right, style: Style(.accent, bold: true))
    }

    /// The changes, by comparison and part; the selected one kept in view.
    private func renderChanges(_ report: ChangesReport, selected: Int, into grid: inout ScreenGrid) {
        let p = phrases
        let r = EditorSession.box(into: &grid, title: p.t("Ändringar", "Changes"), width: dialogWidth, height: grid.height - 2)
        var lines: [(text: String, style: Style, entry: Int?)] = []
        for note in report.notes {
            lines += EditorSession.wrapLines(note, width: r.width).map { ($0, Style(.muted), nil) }
        }
        var index = 0
        for group in report.groups {
            lines += EditorSession.wrapLines(group.title, width: r.width).map { ($0, Style(.accent, bold: true), nil) }
            for entry in group.entries {
                let wrapped = EditorSession.wrapLines("  " + entry.text, width: r.width - 2)
                lines += wrapped.enumerated().map { ($0.offset == 0 ? $0.element : "    " + $0.element, Style(), index) }
                index += 1
            }
        }
        if report.entries.isEmpty {
            lines.append((p.t("Inga ändringar.", "No changes."), Style(.ok, bold: true), nil))
        }
        let room = r.height - 1
        let selectedLine = lines.firstIndex { $0.entry == selected } ?? 0
        let first = min(max(0, selectedLine - room / 2), max(0, lines.count - room))
        for (i, line) in lines.dropFirst(first).prefix(room).enumerated() {
            let isSelected = line.entry == selected
            let style = isSelected ? Style(.selection, bold: true, reverse: true) : line.style
            if isSelected { grid.fill(row: r.row + i, column: r.column, width: r.width, height: 1, style: style) }
            grid.put(line.text, row: r.row + i, column: r.column, limit: r.right, style: style)
        }
        grid.put(p.t("↑↓ välj · Enter gå dit · Esc stäng", "↑↓ choose · Enter go there · Esc close"),
                 row: r.bottom - 1, column: r.column, limit: r.right, style: Style(.muted))
    }

    /// Findings, each wrapped over as many rows as it needs, the selected one kept in view.
    private func renderFindingList(_ list: [Finding], selected: Int, into grid: inout ScreenGrid, area: Rect) {
        guard area.height > 0, !list.isEmpty else { return }
        let blocks: [[String]] = list.map { finding in
            let heading = finding.sectionID.flatMap { form.section(id: $0) }.map { "\($0.number) \($0.shortTitle[language])" } ?? phrases.metadataTitle
            let text = (finding.severity == .error ? "✗ " : "! ") + heading + ": " + finding.message[language]
            return EditorSession.wrapLines(text, width: area.width - 2).enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
        }
        // The first finding shown: the selected one and those before it that fit.
        var first = min(selected, list.count - 1)
        var used = blocks[first].count
        while first > 0, used + blocks[first - 1].count <= area.height / 2 {
            first -= 1
            used += blocks[first].count
        }
        var y = area.row
        for i in first..<list.count {
            for line in blocks[i] {
                guard y < area.bottom else { return }
                let isSelected = i == selected
                let style = isSelected ? Style(.selection, bold: true, reverse: true) : Style(list[i].severity == .error ? .error : .warning)
                if isSelected { grid.fill(row: y, column: area.column, width: area.width, height: 1, style: style) }
                grid.put(line, row: y, column: area.column, limit: area.right, style: style)
                y += 1
            }
        }
    }
}
