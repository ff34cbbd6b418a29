import FeedbackModel

/// The details page and table cells: fields edited one line at a time, through the funnel.
extension EditorSession {
    var currentFocus: FieldFocus {
        get { focus[pageIndex] ?? FieldFocus() }
        set { focus[pageIndex] = newValue }
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

    /// Sets up the line editor for the focused field or cell from its stored value.
    mutating func loadLine() {
        var f = currentFocus
        switch pageKind {
        case .details:
            f.index = min(max(0, f.index), form.metadata.count - 1)
            let field = form.metadata[f.index]
            switch field.kind {
            case .choice, .committee, .table: f.line = nil
            default: f.line = LineEditor(EditorSession.editText(draft.metadata[field.id]))
            }
        case .table:
            let rows = tableRows
            let cells = tableCells
            guard !cells.isEmpty else { return }
            f.row = min(max(0, f.row), max(0, rows.count - 1))
            f.index = min(max(0, f.index), cells.count - 1)
            if rows.isEmpty || cells[f.index].isChoice {
                f.line = nil
            } else {
                f.line = LineEditor(rows[f.row][cells[f.index].key]?.displayText ?? "")
            }
        case .text:
            return
        }
        currentFocus = f
    }

    // MARK: - Details page

    mutating func performDetails(_ action: Action, key: Key, now: Double) -> [SessionCommand] {
        let field = form.metadata[min(currentFocus.index, form.metadata.count - 1)]
        switch action {
        case .nextField: moveField(by: 1, now: now)
        case .previousField: moveField(by: -1, now: now)
        case .activate:
            if isChoice(field.kind) { openChoice(now: now) } else { moveField(by: 1, now: now) }
        case .typeText where isChoice(field.kind):
            openChoice(jumpingTo: key, now: now)
        case .clearField:
            commitField(now: now)
            history.closeRun()
            if apply(.value(.metadata(field.id), from: draft.metadata[field.id], to: nil), run: nil, now: now) {
                loadLine()
            }
        default:
            editLine(action, key: key, now: now)
        }
        return []
    }

    func isChoice(_ kind: FieldKind) -> Bool {
        switch kind {
        case .choice, .committee: return true
        default: return false
        }
    }

    private mutating func moveField(by delta: Int, now: Double) {
        commitField(now: now)
        history.closeRun()
        var f = currentFocus
        f.index = min(max(0, f.index + delta), form.metadata.count - 1)
        currentFocus = f
        loadLine()
    }

    /// A line-editing action on the focused field or cell; the value follows the line.
    mutating func editLine(_ action: Action, key: Key, now: Double) {
        var f = currentFocus
        guard var line = f.line else { return }
        let before = line.text
        switch action {
        case .typeText:
            switch key {
            case .character(let c): line.insert(String(c))
            case .paste(let text): line.insert(PastedText.clean(text).text)
            default: return
            }
        case .deleteBackward: line.backspace()
        case .deleteForward: line.deleteForward()
        case .cursorLeft: line.left()
        case .cursorRight: line.right()
        case .wordLeft: line.wordLeft()
        case .wordRight: line.wordRight()
        case .rowStart: line.home()
        case .rowEnd: line.end()
        default: return
        }
        guard line.text != before else {
            f.line = line
            currentFocus = f
            return
        }
        let focusBefore = focusNow
        guard setFocusedValue(line.text, before: focusBefore, now: now) else { return }
        f = currentFocus
        f.line = line
        currentFocus = f
    }

    /// Stores the focused field's or cell's text as its value (amounts as numbers when they
    /// are numbers); one undo step per run of keystrokes in the field.
    @discardableResult
    private mutating func setFocusedValue(_ text: String, before: Focus, now: Double) -> Bool {
        let f = currentFocus
        switch pageKind {
        case .details:
            let field = form.metadata[f.index]
            let new = EditorSession.value(fromTyped: text, amount: field.kind == .amount)
            return apply(.value(.metadata(field.id), from: draft.metadata[field.id], to: new.map(FieldValue.init)),
                         run: .field(.metadata(field.id), row: nil, key: nil), before: before, now: now)
        case .table(let place):
            let rows = tableRows
            guard f.row < rows.count else { return false }
            let cell = tableCells[f.index]
            return apply(.cell(place, row: f.row, key: cell.key, from: rows[f.row][cell.key],
                               to: EditorSession.value(fromTyped: text, amount: cell.isAmount)),
                         run: .field(place, row: f.row, key: cell.key), before: before, now: now)
        case .text:
            return false
        }
    }

    /// A typed value as stored: empty → nil, amounts as whole numbers when they are ones.
    static func value(fromTyped text: String, amount: Bool) -> CellValue? {
        if text.isEmpty { return nil }
        if amount, let n = AmountFormat.parse(text) { return .integer(n) }
        return .text(TextRules.nfc(text))
    }

    /// Leaving a field: a value typed in a forgiving form takes its stored form ("2027-3-12"
    /// → "2027-03-12"), in the same undo step, and the status line says what was understood.
    mutating func commitField(now: Double) {
        let f = currentFocus
        guard let line = f.line, !line.text.isEmpty else { return }
        var understood: String?
        switch pageKind {
        case .details:
            let field = form.metadata[f.index]
            if let interpreted = ForgivingInput.interpret(line.text, field: field) {
                understood = interpreted
                if field.kind != .amount {
                    setFocusedValue(interpreted, before: focusNow, now: now)
                }
            }
        case .table:
            let cell = tableCells[min(f.index, tableCells.count - 1)]
            if cell.isAmount, let n = AmountFormat.parse(line.text), AmountFormat.display(n) != line.text {
                understood = AmountFormat.display(n) + " tkr"
            }
        case .text:
            return
        }
        history.closeRun()
        if let understood, file.readOnly == nil {
            status = StatusMessage(text: phrases.t("Tolkat som \(understood).", "Understood as \(understood)."), isError: false)
            loadLine()
        }
    }

    // MARK: - Choices

    /// Opens the list of choices of the focused field or cell; nothing changes until one is chosen.
    mutating func openChoice(jumpingTo key: Key? = nil, now: Double) {
        if refuseReadOnly() { return }
        let f = currentFocus
        var picker: ChoicePicker
        switch pageKind {
        case .details:
            let field = form.metadata[f.index]
            let options = choices(for: field.kind)
            let current = EditorSession.editText(draft.metadata[field.id])
            picker = ChoicePicker(place: .metadata(field.id), row: nil, key: nil, title: field.label[language], options: options,
                                  selected: options.firstIndex { $0.id == current } ?? 0, current: current.isEmpty ? nil : current)
        case .table(let place):
            let rows = tableRows
            guard f.row < rows.count else { return }
            let cell = tableCells[f.index]
            let options = cell.column.options.map { (id: $0.id, label: $0.label[language]) }
            let current = rows[f.row][cell.key]?.displayText ?? ""
            picker = ChoicePicker(place: place, row: f.row, key: cell.key,
                                  title: phrases.t("Rad \(f.row + 1): ", "Row \(f.row + 1): ") + cell.fullLabel(language),
                                  options: options, selected: options.firstIndex { $0.id == current } ?? 0,
                                  current: current.isEmpty ? nil : current)
        case .text:
            return
        }
        guard !picker.options.isEmpty else { return }
        if case .character(let c)? = key { picker.jump(to: c) }
        dialog = .choice(picker)
    }

    func choices(for kind: FieldKind) -> [(id: String, label: String)] {
        switch kind {
        case .choice(let options): return options.map { ($0.id, $0.label[language]) }
        case .committee: return form.committees.map { ($0.id, $0.name(language)) }
        default: return []
        }
    }

    /// The choice made in the picker becomes the value (one undo step).
    mutating func choose(_ picker: ChoicePicker, now: Double) {
        let id = picker.options[picker.selected].id
        guard id != picker.current else { return }
        history.closeRun()
        if let row = picker.row, let key = picker.key {
            let from = draft.value(at: picker.place)?.rows[safe: row]?[key]
            apply(.cell(picker.place, row: row, key: key, from: from, to: .text(id)), run: nil, now: now)
        } else {
            apply(.value(picker.place, from: draft.value(at: picker.place), to: .text(id)), run: nil, now: now)
        }
        status = StatusMessage(text: picker.title + ": " + picker.options[picker.selected].label, isError: false)
    }
}

extension ChoicePicker {
    /// Selects the first choice whose label (or id) starts with the letter typed.
    mutating func jump(to c: Character) {
        let letter = String(c).lowercased()
        if let index = options.firstIndex(where: { $0.label.lowercased().hasPrefix(letter) || $0.id.lowercased().hasPrefix(letter) }) {
            selected = index
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension FieldValue {
    init(_ cell: CellValue) {
        switch cell {
        case .text(let s): self = .text(s)
        case .integer(let n): self = .integer(n)
        }
    }
}
