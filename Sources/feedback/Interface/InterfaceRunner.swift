import FeedbackInterface
import FeedbackModel
import FeedbackTerminal
import Foundation

/// The full-screen interface: reads keys, draws frames, and hands the session's file work to
/// the shell (which the accessible mode shares).
final class InterfaceRunner {
    let terminal: Terminal
    var app: App
    let shell: DraftShell
    /// `feedback board`: the inbox behind the overview.
    var board: BoardWork?
    var decoder = KeyDecoder()
    var finished = false
    /// When the decoder started waiting inside a bracketed paste.
    var pasteQuietSince: Double?
    var language: Language { shell.language }

    init(terminal: Terminal, app: App, shell: DraftShell) {
        self.terminal = terminal
        self.app = app
        self.shell = shell
        let language = shell.language
        shell.runEditor = { text in ExternalEditor.edit(text, terminal: terminal, language: language) }
    }

    static func now() -> Double { Date().timeIntervalSince1970 }

    /// Runs until the user quits or the terminal goes away; returns the exit code.
    func run() -> Int32 {
        sendSize()
        while !finished {
            // Inside a bracketed paste nothing changes on screen until it ends.
            if !decoder.isPasting { draw() }
            let waiting = decoder.isAwaitingMore
            let dirty = app.session.map { $0.unautosaved } ?? false
            let timeout: Double? = waiting ? (decoder.isAwaitingLoneEscape ? terminal.escapeDelay : 0.5) : (dirty ? 0.15 : 1.0)
            let event = terminal.waitForInput(timeout: timeout)
            for finished in shell.finishedAutosaveEvents() { dispatch(finished) }
            switch event {
            case .bytes(let bytes):
                pasteQuietSince = nil
                for key in decoder.feed(bytes) { dispatch(.key(key)) }
            case .timeout:
                if decoder.isAwaitingMore {
                    // A paste that stops arriving for 2 s is taken as it stands.
                    if decoder.isPasting {
                        let now = InterfaceRunner.now()
                        if let since = pasteQuietSince, now - since > 2 {
                            for key in decoder.timeout() { dispatch(.key(key)) }
                            pasteQuietSince = nil
                        } else if pasteQuietSince == nil {
                            pasteQuietSince = now
                        }
                    } else {
                        for key in decoder.timeout() { dispatch(.key(key)) }
                    }
                }
                dispatch(.tick)
                if let board {
                    // The overview follows the inbox (`board receive --watch` may be running).
                    if app.session == nil, InterfaceRunner.now() - board.readAt >= 10, board.reload() == nil { app.replaceBoard(board.overview()) }
                } else {
                    for other in shell.checkOtherWindow(app.session) { dispatch(other) }
                    for receipt in shell.checkHandIn(app.session) { dispatch(receipt) }
                }
            case .resized:
                sendSize()
            case .signal:
                // Told to stop (SIGTERM, SIGHUP, SIGUSR1, …): take in the keys already typed
                // (they wait behind the signal), then save everything.
                takePendingInput()
                perform(app.emergencySave(now: InterfaceRunner.now()))
                finished = true
            case .endOfInput:
                // The terminal went away: save everything.
                perform(app.emergencySave(now: InterfaceRunner.now()))
                finished = true
            }
        }
        let (notes, code) = shell.shutDown(session: app.session)
        terminal.close()
        for note in notes { FileHandle.standardError.write(Data((note + "\n").utf8)) }
        return code
    }

    /// Feeds the bytes that already wait on standard input to the interface (a signal is seen
    /// before them), so the last keys typed before it are saved too.
    private func takePendingInput() {
        reading: for _ in 0..<64 {
            switch terminal.waitForInput(timeout: 0) {
            case .bytes(let bytes): for key in decoder.feed(bytes) { dispatch(.key(key)) }
            case .resized, .signal: continue  // a SIGCONT or another signal queued with it
            case .timeout, .endOfInput: break reading
            }
        }
        if decoder.isAwaitingMore { for key in decoder.timeout() { dispatch(.key(key)) } }
    }

    func sendSize() {
        let size = terminal.size
        perform(app.handle(.resize(width: size.width, height: size.height), now: InterfaceRunner.now()))
    }

    func draw() {
        let size = terminal.size
        var grid = ScreenGrid(width: size.width, height: size.height)
        app.render(into: &grid)
        terminal.draw(grid)
    }

    func dispatch(_ event: AppEvent) {
        perform(app.handle(event, now: InterfaceRunner.now()))
    }

    func perform(_ commands: [AppCommand]) {
        for command in commands where !finished || isSave(command) {
            switch command {
            case .session(.quit):
                shell.remember(app.session)
                finished = true
            case .session(let sessionCommand):
                if let event = shell.execute(sessionCommand, session: app.session) { dispatch(event) }
            case .open(let path): open(path)
            case .create(let committee, let from):
                switch shell.create(committee, from: from) {
                case .created(let path): open(path)
                case .failed(let message): app.showStartMessage(message)
                }
            case .trash(let path):
                let (message, isError, drafts) = shell.trash(path)
                if let drafts { app.replaceDrafts(drafts) }
                app.showStartMessage(message, isError: isError)
            case .openCommittee(let row):
                guard let board else { break }
                switch board.session(row: row) {
                case .success(let session):
                    shell.form = session.form
                    shell.known = nil
                    app.openFromBoard(session, row: row)
                case .failure(let problem):
                    app.showBoardMessage(problem)
                }
            case .reloadBoard:
                guard let board else { break }
                if let problem = board.reload() {
                    app.showBoardMessage(problem)
                } else {
                    app.replaceBoard(board.overview())
                    app.showBoardMessage(language == .sv ? "Inkorgen är läst igen." : "The inbox was read again.", isError: false)
                }
            case .quit: finished = true
            }
        }
    }

    private func isSave(_ command: AppCommand) -> Bool {
        if case .session(.save) = command { return true }
        return false
    }

    /// Opens a draft (read-only when its lock or side files say so) and offers a newer autosave.
    func open(_ path: String, loaded: (Draft, FormDefinition)? = nil, identity: DiskIdentity? = nil) {
        switch shell.open(path, loaded: loaded, identity: identity) {
        case .opened(let session, let restore):
            app.open(session)
            if let restore { app.offerRestore(restore) }
        case .failed(let message):
            app.showStartMessage(message)
        }
    }
}
