import FeedbackModel

/// Draws an open draft: header, notice, page list, the page, status area, hints, dialog.
/// Drawing reads the state and changes nothing.
extension EditorSession {
    /// Draws the whole screen into `grid` (the size given by the last `resize`).
    public func render(into grid: inout ScreenGrid) {
        grid.cursor = nil
        renderHeader(into: &grid)
        renderBanner(into: &grid)
        let body = bodyRect
        renderList(into: &grid, body: body)
        for r in body.row..<body.bottom where listWidth < grid.width { grid[r, listWidth] = Cell("│", style: Style(.muted)) }
        switch pageKind {
        case .details: renderDetails(into: &grid)
        case .text(let place): renderText(into: &grid, place: place)
        case .table(let place): renderTable(into: &grid, place: place)
        }
        renderStatus(into: &grid)
        renderHints(into: &grid)
        if focusOnList { grid.cursor = nil }
        if dialog != nil { renderDialog(into: &grid) }
    }

    // MARK: - Header and notice

    /// What the header says about saving (never the progress markers' glyphs).
    var saveState: String {
        if file.readOnly != nil { return phrases.t("⊘ skrivskyddat", "⊘ read-only") }
        if !file.unsaved { return phrases.t("✓ sparat", "✓ saved") }
        return file.unautosaved ? phrases.t("✎ ej sparat", "✎ not saved") : phrases.t("✎ autosparat", "✎ autosaved")
    }

    private func renderHeader(into grid: inout ScreenGrid) {
        let width = grid.width
        let style = Style(.header, bold: true)
        grid.fill(row: 0, column: 0, width: width, height: 1, style: style)
        let right = " \(saveState) "
        let rightWidth = DisplayText.width(of: right)
        let statusLabel = form.statusField?.options.first { $0.id == draft.status(in: form) }?.label[language] ?? ""
        let committee = draft.committeeID(in: form).flatMap { form.committee(id: $0)?.name(language) } ?? "–"
        let room = width - rightWidth - 1
        // The status and the days left are never cut; the committee may be shortened; the
        // title goes first.
        var tail = " · " + statusLabel
        if let today { tail += " · " + form.deadlineStatus(today: today).phrase(language) }
        let title = " " + form.displayTitle[language] + " · "
        var left: String
        if DisplayText.width(of: title + committee + tail) <= room {
            left = title + committee + tail
        } else {
            let committeeRoom = room - DisplayText.width(of: tail) - 1
            left = " " + EditorSession.truncated(committee, width: max(1, committeeRoom)) + tail
        }
        grid.put(left, row: 0, column: 0, limit: room, style: style)
        grid.put(right, row: 0, column: max(0, width - rightWidth), style: style)
    }

    private func renderBanner(into grid: inout ScreenGrid) {
        for (i, line) in bannerLines.enumerated() {
            grid.fill(row: 1 + i, column: 0, width: grid.width, height: 1, style: Style(.warning, reverse: true))
            grid.put(" " + line, row: 1 + i, column: 0, style: Style(.warning, bold: true, reverse: true))
        }
    }

    // MARK: - Page list

    private func renderList(into grid: inout ScreenGrid, body: Rect) {
        let width = listWidth
        var y = body.row
        let bottom = body.bottom - 1
        func line(_ text: String, short: String, marker: PartState?, selected: Bool, indent: Bool = false) {
            guard y < bottom else { return }
            let style = selected ? Style(.selection, bold: true, reverse: focusOnList) : Style()
            grid.fill(row: y, column: 0, width: width, height: 1, style: style)
            let label = listIsCompact ? " " + short : (indent ? "   · " : " ") + text
            grid.put(EditorSession.truncated(label, width: width - 2), row: y, column: 0, limit: width - 2, style: style)
            if let marker { grid.put(marker.marker, row: y, column: width - 2, style: Style(marker.role, bold: true)) }
            y += 1
        }
        line(phrases.metadataTitle, short: "0", marker: state(ofSection: nil), selected: page == .metadata)
        for (s, section) in form.sections.enumerated() {
            let isCurrent = page.sectionIndex == s
            line("\(section.number) \(section.shortTitle[language])", short: "\(section.number)", marker: state(ofSection: s),
                 selected: isCurrent && (section.fields.count == 1 || listIsCompact || listIsNarrow))
            if isCurrent && section.fields.count > 1 && !listIsCompact && !listIsNarrow {
                for (f, field) in section.fields.enumerated() {
                    line(field.label[language], short: "", marker: nil, selected: page == .field(section: s, field: f), indent: true)
                }
            }
        }
        let done = sectionsDone
        let count = listIsCompact ? "\(done)/\(form.sections.count)" : phrases.done(done, of: form.sections.count)
        grid.put(" " + count, row: bottom, column: 0, limit: width, style: Style(done == form.sections.count ? .ok : .accent, bold: true))
    }

    // MARK: - Status and hints

    private func renderStatus(into grid: inout ScreenGrid) {
        let lines = statusLines
        let top = grid.height - 1 - lines.count
        let isError = status?.isError ?? false
        let style = isError ? Style(.error, bold: true, reverse: true) : Style(.header)
        grid.fill(row: top, column: 0, width: grid.width, height: lines.count, style: Style(.header))
        let summary = " " + statusSummary + " "
        let summaryWidth = DisplayText.width(of: summary)
        for (i, line) in lines.enumerated() {
            grid.put(" " + line, row: top + i, column: 0, limit: grid.width - summaryWidth - 1, style: style)
        }
        grid.put(summary, row: top, column: grid.width - summaryWidth, style: Style(.header, bold: true))
    }

    /// Whether an action can be done now (disabled ones are left out of the hint bar).
    func isEnabled(_ action: Action) -> Bool {
        let writable = file.readOnly == nil
        switch action {
        case .save, .externalEditor, .addRow, .markReady: return writable && (action != .markReady || page.sectionIndex != nil)
        case .deleteRow: return writable && !tableRows.isEmpty
        case .saveAs: return true
        default: return true
        }
    }

    /// Which hints stay when the bar is full, first first: what is done on this page (choose,
    /// add a row), marking it done and going on to the next, then the rest. (Actions not
    /// listed come after, in the keymap's order.)
    static let hintPriority: [Action] = [.activate, .openPage, .addRow, .markReady, .nextPage, .deleteRow, .findings, .exportMenu, .save, .externalEditor, .guidance]

    /// The hints that fit in `room` columns, by priority, shown in their own order.
    static func fitting(_ hints: [(action: Action, key: String, word: String)], room: Int) -> [(key: String, word: String)] {
        func needed(_ hint: (action: Action, key: String, word: String)) -> Int { DisplayText.width(of: hint.key) + DisplayText.width(of: hint.word) + 2 }
        func rank(_ action: Action) -> Int { hintPriority.firstIndex(of: action) ?? hintPriority.count }
        var left = room
        var kept = Set<Int>()
        for index in hints.indices.sorted(by: { (rank(hints[$0].action), $0) < (rank(hints[$1].action), $1) }) where needed(hints[index]) <= left {
            kept.insert(index)
            left -= needed(hints[index])
        }
        return hints.indices.filter { kept.contains($0) }.map { (key: hints[$0].key, word: hints[$0].word) }
    }

    private func renderHints(into grid: inout ScreenGrid) {
        var hints: [(action: Action, key: String, word: String)] = []
        var pinned: [(key: String, word: String)] = []
        for binding in keymap.effectiveBindings(keyContext) {
            guard let word = binding.hint?[language], let key = binding.keys.first, isEnabled(binding.action) else { continue }
            if hints.contains(where: { $0.word == word }) || pinned.contains(where: { $0.word == word }) { continue }
            if binding.action == .help || binding.action == .quit {
                pinned.append((key: key.short(language), word: word))
            } else {
                hints.append((action: binding.action, key: key.short(language), word: word))
            }
        }
        if file.readOnly != nil, keyContext.addsDraftBindings,
           let key = keymap.effectiveBindings(.draft).first(where: { $0.action == .saveAs })?.keys.first {
            hints.insert((action: .activate, key: key.short(language), word: phrases.t("Spara kopia", "Save a copy")), at: 0)
        }
        if fromBoard, keyContext.addsDraftBindings {
            // The board's keys come first: the next committee, and Ctrl-Q goes back, not out.
            for binding in (keymap.bindings[.boardCommittee] ?? []).reversed() {
                guard let word = binding.hint?[language], let key = binding.keys.first else { continue }
                let entry = (key: key.short(language), word: word)
                if binding.action == .backToBoard {
                    pinned = pinned.map { $0.key == entry.key ? entry : $0 }
                } else {
                    hints.insert((action: .activate, key: entry.key, word: entry.word), at: 0)
                }
            }
        }
        if file.readOnly == nil, keyContext.addsDraftBindings, carriedPartInFront != nil,
           let key = keymap.effectiveBindings(.draft).first(where: { $0.action == .confirmCarried })?.keys.first {
            hints.insert((action: .activate, key: key.short(language), word: phrases.t("Bekräfta", "Confirm")), at: 0)
        }
        let room = grid.width - pinned.reduce(0) { $0 + DisplayText.width(of: $1.key) + DisplayText.width(of: $1.word) + 2 }
        EditorSession.drawHints(EditorSession.fitting(hints, room: room), pinned: pinned, into: &grid)
    }

    /// The hint bar: as many hints as fit, the pinned ones (help, quit) always.
    static func drawHints(_ hints: [(key: String, word: String)], pinned: [(key: String, word: String)], into grid: inout ScreenGrid) {
        let row = grid.height - 1
        func needed(_ hint: (key: String, word: String)) -> Int { DisplayText.width(of: hint.key) + DisplayText.width(of: hint.word) + 2 }
        var room = grid.width - pinned.reduce(0) { $0 + needed($1) }
        var shown: [(key: String, word: String)] = []
        for hint in hints where needed(hint) <= room {
            shown.append(hint)
            room -= needed(hint)
        }
        var x = 0
        for hint in shown + pinned {
            x = grid.put(hint.key, row: row, column: x, style: Style(.header, bold: true, reverse: true))
            x = grid.put(" " + hint.word + " ", row: row, column: x, style: Style())
        }
    }
}

extension PartState {
    /// The colour role of the marker.
    public var role: ColorRole {
        switch self {
        case .empty: return .muted
        case .inProgress: return .warning
        case .ready: return .ok
        case .hasErrors: return .error
        }
    }
}
