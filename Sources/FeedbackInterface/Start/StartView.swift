import FeedbackModel

/// Draws the start screen; changes nothing.
extension StartScreen {
    public func render(into grid: inout ScreenGrid) {
        let p = phrases
        let width = grid.width
        grid.cursor = nil
        grid.fill(row: 0, column: 0, width: width, height: 1, style: Style(.header, bold: true))
        grid.put(" " + form.title[language], row: 0, column: 0, limit: width, style: Style(.header, bold: true))
        var y = 2
        let info = p.t("Planperiod \(form.planPeriod.label) · PF \(form.premises.caseNumber) · svar senast \(form.deadline)",
                       "Plan period \(form.planPeriod.label) · PF \(form.premises.caseNumber) · answers due \(form.deadline)")
        for line in EditorSession.wrapLines(info, width: width - 4) {
            grid.put(line, row: y, column: 2, limit: width - 1, style: Style(.muted))
            y += 1
        }
        // The round's timeline with today marked (room permitting); labels wrap under themselves.
        if let today, grid.height >= 20 {
            let overview = TimelineOverview(form: form, today: today)
            let datesWidth = overview.rows.map { DisplayText.width(of: $0.phase.dates) }.max() ?? 10
            let labelColumn = 4 + 2 + datesWidth + 2
            for (index, row) in overview.rows.enumerated() {
                if index == overview.todayIndex { y = todayLine(overview, into: &grid, row: y) }
                let mark: String
                switch row.state {
                case .past: mark = "✓"
                case .current: mark = "▶"
                case .upcoming: mark = " "
                }
                let style = row.state == .current ? Style(bold: true) : Style(.muted)
                grid.put(mark + " " + row.phase.dates, row: y, column: 4, limit: width - 1, style: style)
                for line in EditorSession.wrapLines(Sanitizer.visible(row.phase.label[language]), width: max(10, width - labelColumn - 1)) {
                    grid.put(line, row: y, column: labelColumn, limit: width - 1, style: style)
                    y += 1
                }
            }
            if overview.todayIndex == overview.rows.count { y = todayLine(overview, into: &grid, row: y) }
        }
        y += 1
        let bottom = grid.height - 2 - (message == nil ? 0 : 1)
        if pickingCommittee {
            grid.put(p.t("Nytt utkast – välj nämnd:", "New draft – choose the committee:"), row: y, column: 2, limit: width, style: Style(.accent, bold: true))
            y += 1
            let listHeight = max(0, bottom - y)
            let first = min(max(0, committeeSelected - listHeight / 2), max(0, form.committees.count - listHeight))
            for (i, committee) in form.committees.enumerated().dropFirst(first).prefix(listHeight) {
                let style = i == committeeSelected ? Style(.selection, bold: true, reverse: true) : Style()
                grid.fill(row: y, column: 2, width: width - 4, height: 1, style: style)
                let existing = drafts.filter { $0.committeeID == committee.id }.count
                let note = existing > 0 ? "  (" + p.t("har utkast", "has a draft") + ")" : ""
                grid.put("  " + committee.name(language) + note, row: y, column: 2, limit: width - 2, style: style)
                y += 1
            }
        } else {
            grid.put(p.t("Dina utkast", "Your drafts") + " (\(Sanitizer.visible(folder))):", row: y, column: 2, limit: width, style: Style(.accent, bold: true))
            y += 1
            renderDrafts(into: &grid, top: y, bottom: bottom)
        }
        if let message {
            let lines = EditorSession.wrapLines(message.text, width: width - 2)
            for (i, line) in lines.suffix(2).enumerated() {
                grid.put(" " + line, row: grid.height - 1 - min(2, lines.count) + i, column: 0, limit: width,
                         style: Style(message.isError ? .error : .ok, bold: true))
            }
        }
        keymap.renderHints(context, language: language, into: &grid)
        if let question { renderQuestion(question, into: &grid) }
        if showingHelp { keymap.renderHelp([.start, .startCommittee], language: language, into: &grid) }
    }

    /// Two rows a draft: committee, status, last change and progress; then file and case number.
    private func renderDrafts(into grid: inout ScreenGrid, top: Int, bottom: Int) {
        let p = phrases
        let width = grid.width
        let readable = drafts.filter { $0.problem == nil }
        let committeeWidth = min(34, (readable.map { DisplayText.width(of: $0.committee) }.max() ?? 10) + 2)
        let statusWidth = (readable.map { DisplayText.width(of: $0.status) }.max() ?? 6) + 2
        let timeWidth = 18
        let perDraft = 2
        let room = max(1, (bottom - top) / perDraft)
        let first = min(max(0, selected - room / 2), max(0, drafts.count + 1 - room))
        var y = top
        for i in first..<min(drafts.count + 1, first + room) {
            // A wrapped word of the board above may have taken the room of the last rows.
            if y + perDraft > bottom { break }
            let isSelected = i == selected
            let style = isSelected ? Style(.selection, bold: true, reverse: true) : Style()
            grid.fill(row: y, column: 2, width: width - 4, height: 1, style: style)
            if i == drafts.count {
                grid.put("  + " + p.t("Nytt utkast …", "New draft …"), row: y, column: 2, limit: width - 2, style: style)
                y += perDraft
                continue
            }
            let d = drafts[i]
            if let problem = d.problem {
                grid.put("  " + Sanitizer.visible(FileStore.fileName(of: d.path)), row: y, column: 2, limit: width - 2, style: isSelected ? style : Style(.error, bold: true))
                grid.put("    " + problem, row: y + 1, column: 2, limit: width - 2, style: Style(.error))
            } else {
                let modified = d.modified.map { time.format($0) } ?? ""
                let progress = p.done(d.done, of: d.total)
                let line = "  " + d.committee.padding(toWidth: committeeWidth) + d.status.padding(toWidth: statusWidth)
                    + modified.padding(toWidth: timeWidth) + progress
                grid.put(line, row: y, column: 2, limit: width - 2, style: style)
                let caseNumber = d.caseNumber.isEmpty ? p.t("inget diarienummer", "no case number") : d.caseNumber
                let errors = d.errors > 0 ? " · " + p.errors(d.errors) : ""
                let x = grid.put("    " + Sanitizer.visible(FileStore.fileName(of: d.path)) + " · " + caseNumber + errors, row: y + 1, column: 2,
                                 limit: width - 2, style: Style(.muted))
                if let handIn = d.handIn {
                    // The board's word on the last hand-in, after the file: "kvitterad 2027-04-15 10:02".
                    // Under the selected draft it is never cut: a refusal's reason wraps below.
                    if isSelected, x + DisplayText.width(of: " · " + handIn.text) > width - 2 {
                        let lines = EditorSession.wrapLines(handIn.text, width: max(10, width - 10))
                        for (k, line) in lines.enumerated() where y + 2 + k < bottom {
                            grid.put("      " + line, row: y + 2 + k, column: 2, limit: width - 2, style: Style(handIn.role, bold: true))
                        }
                        y += lines.count
                    } else {
                        grid.put(" · " + handIn.text, row: y + 1, column: x, limit: width - 2, style: Style(handIn.role, bold: true))
                    }
                }
            }
            y += perDraft
        }
    }

    private func todayLine(_ overview: TimelineOverview, into grid: inout ScreenGrid, row: Int) -> Int {
        grid.put("▸ " + overview.todayLine(language), row: row, column: 4, limit: grid.width - 1, style: Style(.accent, bold: true))
        return row + 1
    }

    private func renderQuestion(_ question: StartQuestion, into grid: inout ScreenGrid) {
        let p = phrases
        let (title, text, yes): (String, String, String)
        switch question {
        case .secondDraft(let id, let existing):
            let name = form.committee(id: id)?.name(language) ?? id
            title = p.t("Ett utkast finns redan", "A draft exists")
            text = p.t("Det finns redan ett utkast för \(name): \(Sanitizer.visible(FileStore.fileName(of: existing))). Skapa ett till?",
                       "There is already a draft for \(name): \(Sanitizer.visible(FileStore.fileName(of: existing))). Create another one?")
            yes = p.t("J skapar ett nytt · N avbryter", "Y creates a new one · N cancels")
        case .fromLastYear(let id, let offer):
            let name = form.committee(id: id)?.name(language) ?? id
            title = p.t("Börja från förra året?", "Start from last year?")
            text = p.t("Förra årets återkoppling för \(name) finns: \(Sanitizer.visible(offer.label)). Börja årets utkast med dess text och tabeller? Allt som kommer därifrån märks tills du ändrar eller bekräftar det.",
                       "Last year's feedback for \(name) is there: \(Sanitizer.visible(offer.label)). Start this year's draft with its text and tables? Everything from it is marked until you change or confirm it.")
            yes = p.t("J börjar därifrån · N börjar tomt · Esc avbryter", "Y starts from it · N starts empty · Esc cancels")
        case .trash(let path):
            title = p.t("Till papperskorgen?", "To the trash?")
            text = p.t("Flytta \(Sanitizer.visible(FileStore.fileName(of: path))) till papperskorgen? Den kan tas tillbaka därifrån.",
                       "Move \(Sanitizer.visible(FileStore.fileName(of: path))) to the trash? It can be restored from there.")
            yes = p.t("J flyttar · N avbryter", "Y moves it · N cancels")
        }
        let width = min(grid.width - 2, 70)
        let lines = EditorSession.wrapLines(text, width: width - 4)
        let r = EditorSession.box(into: &grid, title: title, width: width, height: lines.count + 4, style: Style(.warning))
        for (i, line) in lines.enumerated() { grid.put(line, row: r.row + i, column: r.column, limit: r.right) }
        grid.put(yes, row: r.bottom - 1, column: r.column, limit: r.right, style: Style(.accent, bold: true))
    }
}
