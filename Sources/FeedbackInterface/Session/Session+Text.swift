import FeedbackModel

/// Actions in a long text.
extension EditorSession {
    mutating func performText(_ action: Action, key: Key, place: FieldPlace, now: Double) -> [SessionCommand] {
        // No copy of the editor is held while it changes: a second reference to its buffer
        // would make every keystroke copy the text's arrays (and a long paragraph).
        guard let cursor = editors[place]?.cursor else { return [] }
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
            guard let (start, removed) = editors[place].map({ e -> (TextPosition, String) in
                let start = e.buffer.position(before: cursor)
                return (start, e.buffer.text(from: start, to: cursor))
            }), start != cursor else { return [] }
            apply(.text(place, at: start, removed: removed, inserted: ""), run: .deleting, now: now)
        case .deleteForward:
            guard let (end, removed) = editors[place].map({ e -> (TextPosition, String) in
                let end = e.buffer.position(after: cursor)
                return (end, e.buffer.text(from: cursor, to: end))
            }), end != cursor else { return [] }
            history.closeRun()
            apply(.text(place, at: cursor, removed: removed, inserted: ""), run: nil, now: now)
        case .externalEditor:
            if refuseReadOnly() { return [] }
            return [.editExternally(editors[place]?.buffer.nfcText ?? "", place: place)]
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
        // The one set of limits: a paste that would make the text (or the draft) more than
        // its reader accepts is refused whole, before anything changes.
        if let problem = pasteProblem(text, place: place) {
            status = StatusMessage(text: problem, isError: true)
            return
        }
        history.closeRun()
        guard apply(.text(place, at: cursor, removed: "", inserted: text), run: nil, now: now) else { return }
        if let message = removed.message(language) { status = StatusMessage(text: message, isError: false) }
    }

    /// Why a paste cannot go in, or nil when it can.
    func pasteProblem(_ text: String, place: FieldPlace) -> String? {
        sizeProblem(adding: text, replacing: false, place: place)
    }

    /// Whether the text with `text` added (or, `replacing`, instead of it) stays within the
    /// limits its reader accepts; why not, in words.
    func sizeProblem(adding text: String, replacing: Bool, place: FieldPlace) -> String? {
        let limits = Limits.standard
        let current = editors[place]?.buffer.characterCount ?? 0
        let adding = text.unicodeScalars.count
        let total = replacing ? adding : current + adding
        if !limits.admitsText(characters: total) {
            return phrases.t("Texten ryms inte: en text får ha högst \(phrases.count(limits.textCharacters)) tecken, den skulle få \(phrases.count(total)). Inget ändrades.",
                             "The text does not fit: a text may have at most \(phrases.count(limits.textCharacters)) characters; it would have \(phrases.count(total)). Nothing changed.")
        }
        var bytes = text.utf8.count
        for (other, editor) in editors where !(replacing && other == place) {
            for p in editor.buffer.paragraphs { bytes += p.utf8.count + 2 }
        }
        // A margin for the JSON around the texts (escapes, tables, metadata).
        if !limits.admitsDraft(bytes: bytes + bytes / 8 + 65_536) {
            return phrases.t("Texten ryms inte: utkastet skulle bli större än \(limits.draftBytes / 1024 / 1024) MB, mer än programmet kan läsa tillbaka. Inget ändrades.",
                             "The text does not fit: the draft would be larger than \(limits.draftBytes / 1024 / 1024) MB, more than the program can read back. Nothing changed.")
        }
        return nil
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
        if let problem = sizeProblem(adding: clean, replacing: true, place: place) {
            status = StatusMessage(text: problem, isError: true)
            return
        }
        let new = TextBuffer(clean)
        guard new.text != editor.buffer.text else {
            status = StatusMessage(text: phrases.t("Texten är oförändrad.", "The text is unchanged."), isError: false)
            return
        }
        history.closeRun()
        let start = TextPosition(paragraph: 0, offset: 0)
        guard apply(.text(place, at: start, removed: editor.buffer.text, inserted: new.text), run: nil, now: now) else { return }
        editors[place]?.moveTo(start)
        var message = phrases.t("Texten från den externa redigeraren är inläst.", "The text from the external editor is read in.")
            + words.sentence(.undo, sv: "ångrar", en: "undoes")
        if let cleaned = removed.message(language) { message += " " + cleaned }
        status = StatusMessage(text: message, isError: false)
    }
}
