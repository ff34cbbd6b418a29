import FeedbackModel

/// What one line (or one result of the shell) gives: lines to write, work for the shell.
public struct PlainStep: Sendable {
    public var lines: [String] = []
    public var commands: [AppCommand] = []
    /// True once the session has ended (quit, after saving).
    public var finished = false
}

/// The accessible mode: the whole job in plain lines, for screen readers, braille displays
/// and scripts. It drives the same session as the full interface (the same draft, edits,
/// history, autosave, locks, validation and export); only the way in and out differs. Every
/// line it writes stands on its own when read aloud, with the important word first.
public struct PlainSession: Sendable {
    public internal(set) var app: App
    let phrases: Phrases
    var mode: Mode = .command

    enum Mode: Sendable {
        case command
        /// Lines until a line with a single ".": for `skriv N` or `lägg till`.
        case collecting(Collect, lines: [String])
        /// A table row filled in field by field.
        case row(RowEntry)
        /// A yes/no question of the session (its dialog) waits for an answer.
        case answering
        /// The session asks for a file name (save as after a failed save).
        case fileName
    }

    enum Collect: Sendable, Equatable {
        case replaceParagraph(Int)
        case append
    }

    struct RowEntry: Sendable {
        var place: FieldPlace
        var row: Int
        var cell: Int
        var isNew: Bool
    }

    public init(session: EditorSession) {
        var session = session
        session.words = .plain(language: session.language)
        app = App(session: session)
        phrases = Phrases(language: session.language)
    }

    var session: EditorSession { app.session! }
    var language: Language { session.language }

    /// The first lines: which draft, how far it has come, how to get help.
    public mutating func opening() -> [String] {
        var lines = [phrases.t("Utkast: \(Sanitizer.visible(session.path)).", "Draft: \(Sanitizer.visible(session.path)).")]
        if let readOnly = session.readOnly {
            lines.append(phrases.t("Skrivskyddat: \(readOnly.message). Spara som fil sparar en kopia.",
                                   "Read-only: \(readOnly.message). Save as file saves a copy."))
        }
        lines += overviewSummary()
        if let note = session.handIn {
            lines.append(phrases.t("Regionstyrelsen: \(note.text).", "The regional board: \(note.text)."))
        }
        lines.append(phrases.t("Skriv hjälp för kommandona.", "Type help for the commands."))
        lines += describeDialog()
        return lines
    }

    /// An autosave newer than the draft: asks whether to take it (yes/no).
    public mutating func offerRestore(_ autosaved: Draft) -> [String] {
        app.offerRestore(autosaved)
        return describeDialog()
    }

    /// The commands to run when the program must stop (a signal, the end of input): save.
    public mutating func emergencySave(now: Double) -> [AppCommand] {
        app.emergencySave(now: now)
    }

    /// The prompt before each line: where the user is, or what is being typed.
    public var prompt: String {
        switch mode {
        case .collecting: return phrases.t("text (punkt avslutar)> ", "text (full stop ends)> ")
        case .row(let entry):
            guard let field = session.field(of: session.page) else { return "> " }
            let cells = TableCell.cells(field.columns, years: session.form.planPeriod.years)
            guard entry.cell < cells.count else { return "> " }
            let cell = cells[entry.cell]
            var text = cell.fullLabel(language)
            if case .choice(let options) = cell.column.kind {
                text += " (" + options.enumerated().map { PlainSession.numbered($0.element.label[language], $0.offset + 1) }.joined(separator: ", ") + ")"
            }
            if !entry.isNew, let current = session.draft.value(at: entry.place)?.rows[safe: entry.row]?[cell.key]?.displayText, !current.isEmpty {
                text += " [\(choiceLabel(current, cell: cell))]"
            }
            return text + ": "
        case .answering: return phrases.t("ja eller nej> ", "yes or no> ")
        case .fileName: return phrases.t("filnamn> ", "file name> ")
        case .command: return pageName + "> "
        }
    }

    /// A choice as the number that picks it and its label ("2 medicinteknik"); a label that
    /// already starts with that number ("1 – hög") is not numbered twice.
    static func numbered(_ label: String, _ number: Int) -> String {
        let digits = String(number)
        if label == digits || (label.hasPrefix(digits) && label.dropFirst(digits.count).first?.isWhitespace == true) { return label }
        return digits + " " + label
    }

    /// The prompt before the next line, or nil while text is being collected and the next
    /// line has already arrived (a paste into `lägg till`: the terminal shows the pasted
    /// lines, and a prompt before each would be read aloud ten times).
    public func prompt(pasting: Bool) -> String? {
        if case .collecting = mode, pasting { return nil }
        return prompt
    }

    /// "rubrik 3", "uppgifter", "rubrik 4, risker".
    var pageName: String {
        switch session.page {
        case .metadata: return phrases.t("uppgifter", "details")
        case .field(let s, let f):
            let section = session.form.sections[s]
            var name = phrases.t("rubrik \(section.number)", "heading \(section.number)")
            if f > 0 { name += ", " + section.fields[f].label[language].lowercased() }
            return name
        }
    }

    // MARK: - Lines in

    /// Handles one line the user typed.
    public mutating func handle(_ line: String, now: Double) -> PlainStep {
        var step = PlainStep()
        switch mode {
        case .collecting(let purpose, var lines):
            if line.trimmingWhitespace == "." {
                mode = .command
                step.lines = finishCollect(purpose, lines: lines, now: now)
            } else {
                lines.append(line)
                mode = .collecting(purpose, lines: lines)
            }
        case .row(let entry):
            step.lines = rowLine(line, entry: entry, now: now)
        case .answering:
            step = answer(line, now: now)
        case .fileName:
            step = fileName(line, now: now)
        case .command:
            step = command(line, now: now)
        }
        step.commands = app.withAutosave(sessionCommands(step.commands), now: now)
        step.lines += describeDialog()
        if step.commands.contains(where: { if case .session(.quit) = $0 { return true } else { return false } }) { step.finished = true }
        return step
    }

    /// Handles what the shell reports back (a save, an export, the editor, a document).
    public mutating func handle(_ event: AppEvent, now: Double) -> PlainStep {
        let before = session.status
        var step = PlainStep()
        step.commands = app.handle(event, now: now)
        if case .autosaveFinished(nil) = event { return step }
        if let status = session.status, status != before { step.lines.append(status.text) }
        step.lines += describeDialog()
        if step.commands.contains(where: { if case .session(.quit) = $0 { return true } else { return false } }) { step.finished = true }
        return step
    }

    /// The session's own commands out of app commands (plain mode issues only those).
    private func sessionCommands(_ commands: [AppCommand]) -> [SessionCommand] {
        commands.compactMap { if case .session(let c) = $0 { return c } else { return nil } }
    }

    mutating func edit(_ body: (inout EditorSession) -> [SessionCommand]) -> [AppCommand] {
        body(&app.session!).map { .session($0) }
    }

    /// The session's status after a change, as the confirmation line.
    func confirmation(_ fallback: String) -> [String] {
        if let status = session.status { return [status.text] }
        return [fallback]
    }
}
