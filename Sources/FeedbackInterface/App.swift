import FeedbackModel

/// What the shell tells the interface.
public enum AppEvent: Sendable {
    case key(Key)
    /// The terminal's size (at the start and after every resize).
    case resize(width: Int, height: Int)
    /// Time passes (for autosave and messages); sent when no key arrives for a while.
    case tick
    case saveFinished(Draft, path: String, purpose: SessionCommand.SavePurpose, failure: SaveFailure?, emergencyCopy: String?)
    case autosaveFinished(error: StoreError?)
    case exportFinished(Result<ExportWriter.Outcome, ExportWriter.Failure>)
    case submitFinished(SubmitOutcome)
    /// The state of the draft's last hand-in changed (the board's receipt arrived).
    case handInChanged(HandInNote?)
    case externalEditFinished(String?, place: FieldPlace)
    case renderFinished(DocumentKind, path: String, failure: SaveFailure?)
    case importRead(ImportProposal?, problem: String?)
    case sideFileWritten(path: String?, problem: String?)
    /// A declined autosave was kept in the user's private folder (`path`), or could not be
    /// (`problem`).
    case autosaveKept(path: String?, problem: String?)
    case changesComputed(ChangesReport)
    /// A read-only window: the lock's holder is gone / the draft was saved by its holder.
    case lockReleased
    case changedOnDisk(Draft)
    /// The result of `takeOver`: the draft read again, or why not.
    case tookOver(Draft?, problem: String?)
}

/// What the interface asks the shell to do.
public enum AppCommand: Sendable {
    case session(SessionCommand)
    case open(String)
    case create(committeeID: String, from: String?)
    case trash(String)
    /// The board's overview: open the accepted export of the committee in this row / read the
    /// inbox again.
    case openCommittee(Int)
    case reloadBoard
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
    /// The board's overview (`feedback board`); a committee's export opens over it.
    public internal(set) var board: BoardScreen?
    /// The page the last committee's export was on: the next one opens on the same heading,
    /// so the board reads one heading across the committees.
    var boardPage: Int?
    public let language: Language
    var size = (width: 80, height: 24)

    public init(start: StartScreen) {
        self.start = start
        language = start.language
    }

    public init(session: EditorSession) {
        self.session = session
        language = session.language
    }

    public init(board: BoardScreen) {
        self.board = board
        language = board.language
    }

    /// Opens a committee's export (read-only) over the board's overview, the row marked.
    public mutating func openFromBoard(_ session: EditorSession, row: Int) {
        board?.select(row)
        var session = session
        session.fromBoard = true
        if let page = boardPage { session.goToPage(page, now: 0) }
        boardPage = nil
        open(session)
    }

    /// The inbox read again (the overview keeps the selected committee).
    public mutating func replaceBoard(_ overview: BoardOverview) {
        board?.replace(overview)
    }

    /// Shows a message on the board's overview, or in the open export over it.
    public mutating func showBoardMessage(_ text: String, isError: Bool = true) {
        if session != nil { session!.showMessage(text, isError: isError) } else { board?.showMessage(text, isError: isError) }
    }

    public mutating func open(_ session: EditorSession) {
        start = nil
        self.session = session
        self.session!.resize(width: size.width, height: size.height)
    }

    /// Shows a message on the start screen (when it is showing).
    public mutating func showStartMessage(_ text: String, isError: Bool = true) {
        start?.showMessage(text, isError: isError)
    }

    /// A new listing of the drafts on the start screen.
    public mutating func replaceDrafts(_ drafts: [DraftSummary]) {
        start?.replaceDrafts(drafts)
    }

    /// Shows an autosave newer than the draft and asks whether to restore it.
    public mutating func offerRestore(_ autosaved: Draft) {
        session?.offerRestore(autosaved)
    }

    public mutating func handle(_ event: AppEvent, now: Double) -> [AppCommand] {
        if case .resize(let width, let height) = event {
            size = (width, height)
            start?.resize(width: width, height: height)
            board?.resize(width: width, height: height)
            session?.resize(width: width, height: height)
            return []
        }
        if board != nil { return handleOnBoard(event, now: now) }
        return handleSession(event, now: now)
    }

    /// Keys to the start screen, or keys and the shell's results to the open draft.
    mutating func handleSession(_ event: AppEvent, now: Double) -> [AppCommand] {
        guard session != nil else {
            guard case .key(let key) = event, start != nil else { return [] }
            return start!.handle(key).map {
                switch $0 {
                case .open(let path): return .open(path)
                case .create(let id, let from): return .create(committeeID: id, from: from)
                case .trash(let path): return .trash(path)
                case .quit: return .quit
                }
            }
        }
        var commands: [SessionCommand] = []
        switch event {
        case .key(let key):
            commands = session!.handle(key, now: now)
        case .resize, .tick:
            break
        case .saveFinished(let draft, let path, let purpose, let failure, let copy):
            commands = session!.saveFinished(draft, path: path, purpose: purpose, failure: failure, emergencyCopy: copy)
        case .autosaveFinished(let error):
            // Success needs nothing: the session counted the snapshot as saved when it was
            // taken (edits since then are still pending). A failure is shown and retried.
            if let error {
                session!.showMessage(Phrases(language: language).t("Autosparningen misslyckades: ", "Autosave failed: ") + error.message(language), isError: true)
                session!.autosaveFailed()
            }
        case .exportFinished(let result):
            session!.exportFinished(result)
        case .submitFinished(let outcome):
            session!.submitFinished(outcome)
        case .handInChanged(let note):
            session!.handInChanged(note)
        case .externalEditFinished(let text, let place):
            session!.externalEditFinished(text, place: place, now: now)
        case .renderFinished(let kind, let path, let failure):
            session!.renderFinished(kind, path: path, failure: failure)
        case .importRead(let proposal, let problem):
            session!.importRead(proposal, problem: problem)
        case .sideFileWritten(let path, let problem):
            session!.sideFileWritten(path, problem: problem)
        case .autosaveKept(let path, let problem):
            session!.autosaveKept(path, problem: problem)
        case .changesComputed(let report):
            session!.changesComputed(report)
        case .lockReleased:
            session!.lockReleased()
        case .changedOnDisk(let draft):
            session!.changedOnDisk(draft)
        case .tookOver(let draft, let problem):
            session!.tookOver(draft, problem: problem)
        }
        return withAutosave(commands, now: now)
    }

    /// `feedback board`: keys go to the overview, or to the committee's export opened over it
    /// (its own keys first: the next committee, back to the overview). A quit of the export's
    /// session goes back to the overview.
    mutating func handleOnBoard(_ event: AppEvent, now: Double) -> [AppCommand] {
        guard session != nil else {
            guard case .key(let key) = event else { return [] }
            return board!.handle(key).map {
                switch $0 {
                case .open(let row): return .openCommittee(row)
                case .reload: return .reloadBoard
                case .quit: return .quit
                }
            }
        }
        if case .key(let key) = event, session!.dialog == nil, let action = Keymap.standard.action(for: key, in: .boardCommittee) {
            let row = board!.selected
            switch action {
            case .nextCommittee, .previousCommittee:
                let step = action == .nextCommittee ? 1 : -1
                guard let next = board!.neighbour(of: row, step: step) else {
                    session!.showMessage(Phrases(language: language).t(step == 1 ? "Efter den här finns ingen nämnd med en godkänd export."
                                                                               : "Före den här finns ingen nämnd med en godkänd export.",
                                                                          step == 1 ? "There is no further committee with an accepted export after this one."
                                                                               : "There is no committee with an accepted export before this one."), isError: false)
                    return []
                }
                boardPage = session!.pageIndex
                return backToBoard(session!.quit(now: now)) + [.openCommittee(next)]
            case .backToBoard:
                return backToBoard(session!.quit(now: now))
            default: break
            }
        }
        return backToBoard(handleSession(event, now: now))
    }

    /// A committee's export opened from the board closes (its session quit): back to the
    /// overview, any lock of a copy saved from it given up.
    mutating func backToBoard(_ commands: [AppCommand]) -> [AppCommand] {
        var kept: [AppCommand] = []
        for command in commands {
            if case .session(.quit) = command {
                session = nil
                kept.append(.session(.releaseLock))
            } else {
                kept.append(command)
            }
        }
        return kept
    }

    mutating func backToBoard(_ commands: [SessionCommand]) -> [AppCommand] {
        backToBoard(commands.map { .session($0) })
    }

    /// The session's commands, with an autosave when one is due: what every way of driving
    /// the session (keys, plain lines, the shell's results) ends with.
    mutating func withAutosave(_ commands: [SessionCommand], now: Double) -> [AppCommand] {
        var commands = commands
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
            session!.autosaveTaken()  // in flight; a failure is reported by autosaveFinished
        }
        return commands.map { .session($0) }
    }

    /// The commands to run when the terminal goes away (SIGHUP) or the program is told to
    /// stop (SIGTERM): save everything, then quit.
    public mutating func emergencySave(now: Double) -> [AppCommand] {
        guard let current = session, current.readOnly == nil, current.unsaved else { return [.quit] }
        let draft = session!.draftForSaving(now: EditorSession.timestamp(now))
        return [.session(.save(draft, path: current.path, purpose: .draftOverwriting)), .quit]
    }

    public func render(into grid: inout ScreenGrid) {
        if grid.width < EditorSession.minimumSize.width || grid.height < EditorSession.minimumSize.height {
            App.renderTooSmall(into: &grid, language: language)
            return
        }
        if let session {
            session.render(into: &grid)
        } else if let board {
            board.render(into: &grid)
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
