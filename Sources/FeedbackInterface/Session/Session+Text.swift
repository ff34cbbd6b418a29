import FeedbackModel

/// Actions in a long text.
extension EditorSession {
    mutating func performText(_ action: Action, key: Key, place: FieldPlace, now: Double) -> [SessionCommand] {
        guard let editor = editors[place] else { return [] }
        let cursor = editor.cursor
        switch action {
        case .typeText:
            switch key {
            case .character(let c):
                apply(.text(place, at: cursor, removed: "", inserted: String(c)), run: .typing, now: now)
            case .paste(let pasted):
                paste(pasted, at: cursor, place: place, now: now)
            default: break
            }
        case .newParagraph:
            history.closeRun()
            apply(.text(place, at: cursor, removed: "", inserted: "\n"), run: nil, now: now)
        case .deleteBackward:
            let start = editor.buffer.position(before: cursor)
            guard start != cursor else { return [] }
            apply(.text(place, at: start, removed: editor.buffer.text(from: start, to: cursor), inserted: ""), run: .deleting, now: now)
        case .deleteForward:
            let end = editor.buffer.position(after: cursor)
            guard end != cursor else { return [] }
            history.closeRun()
            let before = focusNow
            if apply(.text(place, at: cursor, removed: editor.buffer.text(from: cursor, to: end), inserted: ""), run: nil, before: before, now: now) {
                editors[place]?.moveTo(cursor)
            }
        case .externalEditor:
            if refuseReadOnly() { return [] }
            return [.editExternally(editor.buffer.nfcText, place: place)]
        default:
            history.closeRun()
            moveCursor(action, place: place)
        }
        return []
    }

    private mutating func moveCursor(_ action: Action, place: FieldPlace) {
        guard editors[place] != nil else { return }
        switch action {
        case .cursorLeft: editors[place]!.moveLeft()
        case .cursorRight: editors[place]!.moveRight()
        case .cursorUp: editors[place]!.moveUp()
        case .cursorDown: editors[place]!.moveDown()
        case .wordLeft: editors[place]!.moveWordLeft()
        case .wordRight: editors[place]!.moveWordRight()
        case .rowStart: editors[place]!.moveHome()
        case .rowEnd: editors[place]!.moveEnd()
        case .textStart: editors[place]!.moveToStart()
        case .textEnd: editors[place]!.moveToEnd()
        case .screenUp: editors[place]!.pageUp()
        case .screenDown: editors[place]!.pageDown()
        case .scrollUp: editors[place]!.scroll(by: -1)
        case .scrollDown: editors[place]!.scroll(by: 1)
        default: break
        }
    }

    /// A paste: cleaned of invisible Word characters (with a message saying how many), line
    /// breaks normalised, blank lines collapsed; one edit and one undo step.
    private mutating func paste(_ pasted: String, at cursor: TextPosition, place: FieldPlace, now: Double) {
        let (clean, removed) = PastedText.clean(pasted)
        let text = TextEditor.insertable(clean)
        history.closeRun()
        guard apply(.text(place, at: cursor, removed: "", inserted: text), run: nil, now: now) else { return }
        if let message = removed.message(language) { status = StatusMessage(text: message, isError: false) }
    }

    /// The text came back from the external editor: one edit, one undo step.
    public mutating func externalEditFinished(_ text: String?, place: FieldPlace, now: Double) {
        defer { syncView() }
        guard let text else {
            status = StatusMessage(text: phrases.t("Den externa redigeraren gav ingen text; inget ändrades.",
                                                   "The external editor returned nothing; nothing changed."), isError: true)
            return
        }
        guard let editor = editors[place] else { return }
        let (clean, removed) = PastedText.clean(text)
        let new = TextBuffer(clean)
        guard new.text != editor.buffer.text else {
            status = StatusMessage(text: phrases.t("Texten är oförändrad.", "The text is unchanged."), isError: false)
            return
        }
        history.closeRun()
        let start = TextPosition(paragraph: 0, offset: 0)
        guard apply(.text(place, at: start, removed: editor.buffer.text, inserted: new.text), run: nil, now: now) else { return }
        editors[place]?.moveTo(start)
        var message = phrases.t("Texten från den externa redigeraren är inläst (Ctrl-Z ångrar).",
                                "The text from the external editor is read in (Ctrl-Z undoes).")
        if let cleaned = removed.message(language) { message += " " + cleaned }
        status = StatusMessage(text: message, isError: false)
    }
}
