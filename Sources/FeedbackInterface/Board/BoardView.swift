import FeedbackModel

/// Draws the board's overview; changes nothing.
extension BoardScreen {
    public func render(into grid: inout ScreenGrid) {
        let p = phrases
        let width = grid.width
        grid.cursor = nil
        grid.fill(row: 0, column: 0, width: width, height: 1, style: Style(.header, bold: true))
        grid.put(" " + p.t("Omgångens överblick", "The round's overview"), row: 0, column: 0, limit: width,
                 style: Style(.header, bold: true))
        var y = 1
        for line in EditorSession.wrapLines(Sanitizer.visible(overview.title), width: width - 2).prefix(2) {
            grid.put(" " + line, row: y, column: 0, limit: width, style: Style(.muted))
            y += 1
        }
        grid.put(" " + p.t("Inkorg: ", "Inbox: ") + Sanitizer.visible(overview.inbox), row: y, column: 0, limit: width, style: Style(.muted))
        y += 2

        // The selected committee's whole line, the summary and the notes go below the list.
        let selectedState = overview.rows.indices.contains(selected)
            ? Sanitizer.visible(overview.rows[selected].name) + ": " + overview.rows[selected].state : ""
        let detail = EditorSession.wrapLines(selectedState, width: width - 4).prefix(3)
        let summary = EditorSession.wrapLines(overview.summary, width: width - 2).prefix(3)
        let notes = overview.notes.flatMap { EditorSession.wrapLines($0, width: width - 2) }.prefix(2)
        let messageRows = message == nil ? 0 : 1
        let below = detail.count + 1 + summary.count + notes.count + 1 + messageRows
        let bottom = max(y + 1, grid.height - 1 - below)
        let room = max(1, bottom - y)
        let nameWidth = min(36, (overview.rows.map { DisplayText.width(of: $0.name) }.max() ?? 10) + 2)
        let first = min(max(0, selected - room / 2), max(0, overview.rows.count - room))
        if overview.rows.isEmpty {
            grid.put("  " + p.t("Formuläret har inga nämnder.", "The form has no committees."), row: y, column: 0, limit: width, style: Style(.muted))
        }
        for i in first..<min(overview.rows.count, first + room) {
            let row = overview.rows[i]
            let isSelected = i == selected
            let style = isSelected ? Style(.selection, bold: true, reverse: true) : Style()
            grid.fill(row: y, column: 1, width: width - 2, height: 1, style: style)
            var x = grid.put(" " + marker(row) + " ", row: y, column: 1, limit: width - 1, style: isSelected ? style : Style(row.role, bold: true))
            x = grid.put(Sanitizer.visible(row.name).padding(toWidth: nameWidth), row: y, column: x, limit: width - 1, style: style)
            grid.put(row.state, row: y, column: x, limit: width - 1, style: isSelected ? style : Style(row.role))
            y += 1
        }
        y += 1
        for line in detail {
            grid.put("  " + line, row: y, column: 0, limit: width, style: Style(bold: true))
            y += 1
        }
        y += 1
        let complete = overview.rows.allSatisfy { $0.kind == .decided }
        for line in summary {
            grid.put(" " + line, row: y, column: 0, limit: width, style: Style(complete ? .ok : .accent, bold: true))
            y += 1
        }
        for line in notes {
            grid.put(" " + line, row: y, column: 0, limit: width, style: Style(.warning))
            y += 1
        }
        if let message {
            grid.put(" " + message.text, row: grid.height - 2, column: 0, limit: width, style: Style(message.isError ? .error : .ok, bold: true))
        }
        keymap.renderHints(.board, language: language, into: &grid)
        if showingHelp {
            keymap.renderHelp([.board, .boardCommittee], extra: [phrases.t("✓ beslutad · ● mottagen · ! efter sista dagen · ✗ avvisad · · saknas",
                                                                           "✓ decided · ● received · ! after the deadline · ✗ refused · · missing")],
                              language: language, into: &grid)
        }
    }

    func marker(_ row: BoardRow) -> String {
        switch row.kind {
        case .missing: return "·"
        case .refused: return "✗"
        case .received: return row.late ? "!" : "●"
        case .decided: return row.late ? "!" : "✓"
        }
    }
}
