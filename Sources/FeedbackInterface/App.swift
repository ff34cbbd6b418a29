import FeedbackModel

/// What the shell tells the interface.
public enum AppEvent: Sendable {
    case key(Key)
    /// Time passes (for autosave and messages); sent when no key arrives for a while.
    case tick
    case saveFinished(Draft, path: String, purpose: SessionCommand.SavePurpose, error: StoreError?)
    case exportFinished(Result<ExportWriter.Outcome, ExportWriter.Failure>)
    case externalEditFinished(String?, place: FieldPlace)
}

/// What the interface asks the shell to do.
public enum AppCommand: Sendable {
    case session(SessionCommand)
    case open(String)
    case create(committeeID: String)
    case quit
}

/// The whole interface: the start screen or an open draft. Pure state: keys and results
/// in, commands and a rendered screen out.
///
/// The start screen and the session are separate optionals, mutated in place: taking a
/// session out of an enum to change it would leave two references to its text buffers and
/// make every keystroke copy them.
public struct App: Sendable {
    public internal(set) var start: StartScreen?
    public internal(set) var session: EditorSession?
    public let language: Language

    public init(start: StartScreen) {
        self.start = start
        language = start.language
    }

    public init(session: EditorSession) {
        self.session = session
        language = session.language
    }

    public mutating func open(_ session: EditorSession) {
        start = nil
        self.session = session
    }

    /// Shows a message on the start screen (when it is showing).
    public mutating func showStartMessage(_ text: String) {
        start?.showMessage(text)
    }

    /// Shows an autosave newer than the draft and asks whether to restore it.
    public mutating func offerRestore(_ autosaved: Draft) {
        guard let current = session?.currentDraft(), let form = session?.form else { return }
        let differences = DraftDifferences.describe(from: current, to: autosaved, form: form, language: language)
        session?.overlay = .restore(differences: differences.isEmpty ? [Phrases(language: language).t("(bara tidsstämpeln)", "(only the time stamp)")] : differences,
                                    autosaved: autosaved)
    }

    public mutating func handle(_ event: AppEvent, now: Double) -> [AppCommand] {
        guard session != nil else {
            guard case .key(let key) = event, start != nil else { return [] }
            return start!.handle(key).map {
                switch $0 {
                case .open(let path): return .open(path)
                case .create(let id): return .create(committeeID: id)
                case .quit: return .quit
                }
            }
        }
        var commands: [SessionCommand] = []
        switch event {
        case .key(let key):
            commands = session!.handle(key, now: now)
        case .tick:
            break
        case .saveFinished(let draft, let path, let purpose, let error):
            if purpose == .autosave {
                // Success needs nothing: the session counted the snapshot as saved when it
                // was taken (edits since then are still pending). A failure is shown and
                // the next autosave tries again.
                if let error {
                    session!.showMessage(Phrases(language: language).t("Autosparningen misslyckades: ", "Autosave failed: ") + error.message(language), isError: true)
                    session!.autosaveFailed()
                }
            } else {
                commands = session!.saveFinished(draft, path: path, error: error)
            }
        case .exportFinished(let result):
            session!.exportFinished(result)
        case .externalEditFinished(let text, let place):
            session!.externalEditFinished(text, place: place, now: now)
        }
        // No autosave beside a save of the draft (or a quit): the save removes the autosave,
        // and one written after it would be a stale copy.
        let saving = commands.contains { command in
            switch command {
            case .save, .quit: return true
            default: return false
            }
        }
        if !saving, session!.autosaveDue(now: now) {
            commands.append(.autosave(session!.snapshot(), path: session!.path))
            session!.autosaveTaken()  // in flight; a failure is reported by saveFinished
        }
        return commands.map { .session($0) }
    }

    /// The commands to run when the terminal goes away (SIGHUP) or the program is told to
    /// stop (SIGTERM): save everything, then quit.
    public mutating func emergencySave(now: Double) -> [AppCommand] {
        guard let current = session, current.readOnly == nil, current.unsaved else { return [.quit] }
        let draft = session!.draftForSaving(now: EditorSession.timestamp(now))
        return [.session(.save(draft, path: current.path, purpose: .draft)), .quit]
    }

    public mutating func render(into grid: inout ScreenGrid) {
        if grid.width < EditorSession.minimumSize.width || grid.height < EditorSession.minimumSize.height {
            App.renderTooSmall(into: &grid, language: language)
            return
        }
        if session != nil {
            session!.render(into: &grid)
        } else {
            start?.render(into: &grid)
        }
    }

    static func renderTooSmall(into grid: inout ScreenGrid, language: Language) {
        let p = Phrases(language: language)
        grid.cursor = nil
        let lines = [p.t("Terminalen är för liten", "Terminal too small"),
                     "\(grid.width)×\(grid.height) – " + p.t("minst", "at least") + " \(EditorSession.minimumSize.width)×\(EditorSession.minimumSize.height)"]
        let wrapped = lines.flatMap { EditorSession.wrapLines($0, width: grid.width) }
        for (i, line) in wrapped.enumerated() {
            let y = max(0, grid.height / 2 - wrapped.count / 2) + i
            guard y >= 0, y < grid.height else { continue }
            let x = max(0, (grid.width - DisplayText.width(of: line)) / 2)
            grid.put(line, row: y, column: x, limit: grid.width, style: Style(.warning, bold: true))
        }
    }
}
