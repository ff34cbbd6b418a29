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
public struct App: Sendable {
    public enum Screen: Sendable {
        case start(StartScreen)
        case editor(EditorSession)
    }

    public var screen: Screen
    public let language: Language

    public init(start: StartScreen) {
        screen = .start(start)
        language = start.language
    }

    public init(session: EditorSession) {
        screen = .editor(session)
        language = session.language
    }

    public var session: EditorSession? {
        if case .editor(let s) = screen { return s }
        return nil
    }

    public mutating func open(_ session: EditorSession) {
        screen = .editor(session)
    }

    /// Shows an autosave newer than the draft and asks whether to restore it.
    public mutating func offerRestore(_ autosaved: Draft) {
        guard case .editor(var session) = screen else { return }
        let differences = DraftDifferences.describe(from: session.currentDraft(), to: autosaved, form: session.form, language: language)
        session.overlay = .restore(differences: differences.isEmpty ? [Phrases(language: language).t("(bara tidsstämpeln)", "(only the time stamp)")] : differences,
                                   autosaved: autosaved)
        screen = .editor(session)
    }

    public mutating func handle(_ event: AppEvent, now: Double) -> [AppCommand] {
        switch screen {
        case .start(var start):
            guard case .key(let key) = event else { return [] }
            let commands = start.handle(key)
            screen = .start(start)
            return commands.map {
                switch $0 {
                case .open(let path): return .open(path)
                case .create(let id): return .create(committeeID: id)
                case .quit: return .quit
                }
            }
        case .editor(var session):
            var commands: [SessionCommand] = []
            switch event {
            case .key(let key):
                commands = session.handle(key, now: now)
            case .tick:
                break
            case .saveFinished(let draft, let path, let purpose, let error):
                if purpose == .autosave {
                    // Success needs nothing: the session counted the snapshot as saved when it
                    // was taken (edits since then are still pending). A failure is shown and
                    // the next autosave tries again.
                    if let error {
                        session.showMessage(Phrases(language: language).t("Autosparningen misslyckades: ", "Autosave failed: ") + error.message(language), isError: true)
                        session.autosaveFailed()
                    }
                } else {
                    commands = session.saveFinished(draft, path: path, error: error)
                }
            case .exportFinished(let result):
                session.exportFinished(result)
            case .externalEditFinished(let text, let place):
                session.externalEditFinished(text, place: place, now: now)
            }
            if session.autosaveDue(now: now), !commands.contains(where: { if case .quit = $0 { return true } else { return false } }) {
                let draft = session.currentDraft()
                commands.append(.save(draft, path: session.path, purpose: .autosave))
                session.autosaved(at: now)  // in flight; a failure is reported by saveFinished
            }
            screen = .editor(session)
            return commands.map { .session($0) }
        }
    }

    /// The commands to run when the terminal goes away (SIGHUP) or the program is told to
    /// stop (SIGTERM): save everything, then quit.
    public mutating func emergencySave(now: Double) -> [AppCommand] {
        guard case .editor(var session) = screen, session.readOnly == nil, session.unsaved else { return [.quit] }
        let draft = session.draftForSaving(now: EditorSession.timestamp(now))
        screen = .editor(session)
        return [.session(.save(draft, path: session.path, purpose: .draft)), .quit]
    }

    public mutating func render(into grid: inout ScreenGrid) {
        if grid.width < EditorSession.minimumSize.width || grid.height < EditorSession.minimumSize.height {
            App.renderTooSmall(into: &grid, language: language)
            return
        }
        switch screen {
        case .start(let start):
            start.render(into: &grid)
        case .editor(var session):
            session.render(into: &grid)
            screen = .editor(session)
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
