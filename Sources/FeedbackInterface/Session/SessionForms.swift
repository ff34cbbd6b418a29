import FeedbackModel

/// Keys on the metadata page and on table pages: fields and cells edited one line at a time.
extension EditorSession {
    var currentFocus: FormFocus {
        get { focus[page] ?? FormFocus() }
        set { focus[page] = newValue }
    }

    /// The rows of the current table page.
    var tableRows: [TableRow] {
        guard let place = place(of: page) else { return [] }
        return draft.value(at: place)?.rows ?? []
    }

    var tableCells: [TableCell] {
        guard let field = field(of: page) else { return [] }
        return TableCell.cells(field.columns, years: form.planPeriod.years)
    }

    /// The text shown for a value while it is edited.
    static func editText(_ value: FieldValue?) -> String {
        switch value {
        case .text(let s)?: return s
        case .integer(let n)?: return AmountFormat.display(n)
        default: return ""
        }
    }

    static func editText(_ value: CellValue?) -> String {
        value?.displayText ?? ""
    }

    /// Sets up the line editor for the focused field or cell.
    mutating func loadLine() {
        var f = currentFocus
        switch page {
        case .metadata:
            f.index = min(max(0, f.index), form.metadata.count - 1)
            let field = form.metadata[f.index]
            switch field.kind {
            case .choice, .committee, .table: f.line = nil
            default: f.line = LineEditor(EditorSession.editText(draft.metadata[field.id]))
            }
        case .field:
            let rows = tableRows
            let cells = tableCells
            guard !cells.isEmpty else { return }
            f.row = min(max(0, f.row), max(0, rows.count - 1))
            f.index = min(max(0, f.index), cells.count - 1)
            if rows.isEmpty {
                f.line = nil
            } else if case .choice = cells[f.index].column.kind {
                f.line = nil
            } else {
                f.line = LineEditor(EditorSession.editText(rows[f.row][cells[f.index].key]))
            }
        }
        currentFocus = f
    }

    /// Choices of the focused metadata field or cell: (ids, labels).
    func choices(for kind: FieldKind) -> [(String, String)] {
        switch kind {
        case .choice(let options): return options.map { ($0.id, $0.label[language]) }
        case .committee: return form.committees.map { ($0.id, $0.name(language)) }
        default: return []
        }
    }

    /// The page's value (all metadata, or one table's rows) with a focus.
    private func currentSnapshot(_ place: FieldPlace?, focus: FormFocus) -> ValueSnapshot {
        ValueSnapshot(place: place, metadata: place == nil ? draft.metadata : nil,
                      rows: place.map { draft.value(at: $0)?.rows ?? [] }, focus: focus)
    }

    /// Records the page as it is before a change; a typing run records only its start.
    private mutating func snapshot(_ place: FieldPlace?, typing: Bool, focus: FormFocus? = nil) {
        if typing && runOpen { return }
        undo[place, default: []].append(currentSnapshot(place, focus: focus ?? currentFocus))
        if undo[place]!.count > 500 { undo[place]!.removeFirst() }
        redo[place] = []
        runOpen = typing
    }

    private mutating func restoreSnapshot(_ entry: ValueSnapshot) -> ValueSnapshot {
        let current = currentSnapshot(entry.place, focus: currentFocus)
        if let metadata = entry.metadata { draft.metadata = metadata }
        if let place = entry.place, let rows = entry.rows { draft.setValue(rows.isEmpty ? nil : .table(rows), at: place) }
        currentFocus = entry.focus
        loadLine()
        return current
    }

    mutating func handleForm(_ key: Key, now: Double) -> [SessionCommand] {
        let place = self.place(of: page)  // nil: metadata
        let isTable = place != nil
        var f = currentFocus
        let count = isTable ? tableCells.count : form.metadata.count
        func move(_ delta: Int) {
            runOpen = false
            var f = currentFocus
            if isTable && !tableRows.isEmpty {
                var index = f.index + delta
                var row = f.row
                if index >= count {
                    if row + 1 < tableRows.count { row += 1; index = 0 } else { index = count - 1 }
                } else if index < 0 {
                    if row > 0 { row -= 1; index = count - 1 } else { index = 0 }
                }
                f.index = index
                f.row = row
            } else {
                f.index = min(max(0, f.index + delta), count - 1)
            }
            currentFocus = f
            loadLine()
        }
        switch key {
        case .up, .backTab: move(-1); return []
        case .down, .tab: move(1); return []
        case .enter:
            if isTable && tableRows.isEmpty { return addRow(now: now) }
            move(1)
            return []
        case .pageUp where isTable, .ctrlUp where isTable:
            f.row = max(0, f.row - 1)
            currentFocus = f
            runOpen = false
            loadLine()
            return []
        case .pageDown where isTable, .ctrlDown where isTable:
            f.row = min(max(0, tableRows.count - 1), f.row + 1)
            currentFocus = f
            runOpen = false
            loadLine()
            return []
        case .control("r") where isTable:
            return addRow(now: now)
        case .control("k") where isTable:
            return deleteRow(now: now)
        case .control("z"), .control("y"):
            let back = key == .control("z")
            guard let entry = (back ? undo : redo)[place]?.last else {
                status = back ? (phrases.t("Inget att ångra.", "Nothing to undo."), false)
                              : (phrases.t("Inget att göra om.", "Nothing to redo."), false)
                return []
            }
            if refuseReadOnly() { return [] }
            if back { undo[place]!.removeLast() } else { redo[place]!.removeLast() }
            let current = restoreSnapshot(entry)
            if back { redo[place, default: []].append(current) } else { undo[place, default: []].append(current) }
            runOpen = false
            afterChange(place, now: now)
            return []
        default:
            break
        }
        // Editing the focused field or cell.
        if isTable && tableRows.isEmpty {
            guard case .character = key else { return [] }
            if refuseReadOnly() { return [] }
            _ = addRow(now: now)
            return handleForm(key, now: now)
        }
        let kind: FieldKind
        if isTable {
            let cell = tableCells[currentFocus.index]
            switch cell.column.kind {
            case .choice(let options): kind = .choice(options)
            case .amount, .planYears: kind = .amount
            case .shortText: kind = .shortText
            }
        } else {
            kind = form.metadata[currentFocus.index].kind
        }
        switch kind {
        case .choice, .committee:
            let options = choices(for: kind)
            guard !options.isEmpty else { return [] }
            let current = isTable ? EditorSession.editText(tableRows[f.row][tableCells[f.index].key])
                                  : EditorSession.editText(draft.metadata[form.metadata[f.index].id])
            let index = options.firstIndex { $0.0 == current }
            var next: Int?
            switch key {
            case .right, .character(" "): next = index.map { ($0 + 1) % options.count } ?? 0
            case .left: next = index.map { ($0 - 1 + options.count) % options.count } ?? options.count - 1
            case .character(let c):
                // The first option whose label starts with the letter typed.
                let letter = String(c).lowercased()
                next = options.firstIndex { $0.1.lowercased().hasPrefix(letter) || $0.0.lowercased().hasPrefix(letter) }
            case .backspace, .delete:
                if refuseReadOnly() { return [] }
                snapshot(place, typing: false)
                setFocusedValue(nil)
                afterChange(place, now: now)
                return []
            default: break
            }
            if let next {
                if refuseReadOnly() { return [] }
                snapshot(place, typing: false)
                setFocusedValue(options[next].0)
                afterChange(place, now: now)
            }
            return []
        default:
            var line = f.line ?? LineEditor("")
            let before = line.text
            let isEdit: Bool
            switch key {
            case .character, .paste, .backspace, .delete, .control("d"): isEdit = true
            default: isEdit = false
            }
            if isEdit && refuseReadOnly() { return [] }
            guard line.handle(key) else { return [] }
            f.line = line
            currentFocus = f
            if line.text != before {
                // The snapshot holds the value before this keystroke.
                var previous = currentFocus
                previous.line = LineEditor(before)
                snapshot(place, typing: true, focus: previous)
                setFocusedValue(line.text)
                afterChange(place, now: now)
            }
            return []
        }
    }

    /// Stores the focused field's or cell's new text (amounts as numbers when they are numbers).
    private mutating func setFocusedValue(_ text: String?) {
        let f = currentFocus
        if let place = place(of: page) {
            var rows = tableRows
            guard f.row < rows.count else { return }
            let cell = tableCells[f.index]
            let trimmed = text ?? ""
            if trimmed.isEmpty {
                rows[f.row][cell.key] = nil
            } else if cell.isAmount, let n = AmountFormat.parse(trimmed) {
                rows[f.row][cell.key] = .integer(n)
            } else {
                rows[f.row][cell.key] = .text(TextRules.nfc(trimmed))
            }
            draft.setValue(.table(rows), at: place)
        } else {
            let field = form.metadata[f.index]
            guard let text, !text.isEmpty else {
                draft.metadata[field.id] = nil
                return
            }
            if field.kind == .amount, let n = AmountFormat.parse(text) {
                draft.metadata[field.id] = .integer(n)
            } else {
                draft.metadata[field.id] = .text(TextRules.nfc(text))
            }
        }
    }

    private mutating func afterChange(_ place: FieldPlace?, now: Double) {
        edited(now)
        if let place {
            revalidate(place)
        } else {
            for field in form.metadata { revalidate(.metadata(field.id)) }
        }
        if case .metadata = page, currentFocus.line == nil || !runOpen { loadLine() }
    }

    private mutating func addRow(now: Double) -> [SessionCommand] {
        guard let place = place(of: page) else { return [] }
        if refuseReadOnly() { return [] }
        snapshot(place, typing: false)
        var rows = tableRows
        let at = rows.isEmpty ? 0 : currentFocus.row + 1
        rows.insert(TableRow(), at: at)
        draft.setValue(.table(rows), at: place)
        var f = currentFocus
        f.row = at
        f.index = 0
        currentFocus = f
        loadLine()
        afterChange(place, now: now)
        status = (phrases.t("Ny rad \(at + 1). Ctrl-K tar bort den.", "New row \(at + 1). Ctrl-K deletes it."), false)
        return []
    }

    private mutating func deleteRow(now: Double) -> [SessionCommand] {
        guard let place = place(of: page), !tableRows.isEmpty else { return [] }
        if refuseReadOnly() { return [] }
        snapshot(place, typing: false)
        var rows = tableRows
        let row = currentFocus.row
        rows.remove(at: row)
        draft.setValue(rows.isEmpty ? nil : .table(rows), at: place)
        var f = currentFocus
        f.row = max(0, min(row, rows.count - 1))
        currentFocus = f
        loadLine()
        afterChange(place, now: now)
        status = (phrases.t("Rad \(row + 1) borttagen. Ctrl-Z ångrar.", "Row \(row + 1) deleted. Ctrl-Z undoes."), false)
        return []
    }
}
