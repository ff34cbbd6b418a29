import FeedbackInterface
import FeedbackModel
import FeedbackTerminal
import Foundation

/// The imperative shell around the interface core: reads keys, draws frames, and does the
/// file work the core asks for (save, autosave, export, locks, the external editor).
final class InterfaceRunner {
    let terminal: Terminal
    var app: App
    let catalog: FormCatalog
    let language: Language
    let store = FileStore()
    let dataFolder: String
    let exportFolder: String
    let overrideLock: Bool
    var decoder = KeyDecoder()
    var lock: DraftLock?
    var form: FormDefinition?
    var finished = false
    /// When the decoder started waiting inside a bracketed paste.
    var pasteQuietSince: Double?
    /// Autosaves are encoded and written here, off the keystroke path; draft saves wait for
    /// it to be idle so an autosave can never land after the save that removes it.
    let autosaveQueue = DispatchQueue(label: "feedback.autosave")
    let finishedAutosaves = AutosaveResults()

    init(terminal: Terminal, app: App, catalog: FormCatalog, language: Language, dataFolder: String, exportFolder: String, overrideLock: Bool) {
        self.terminal = terminal
        self.app = app
        self.catalog = catalog
        self.language = language
        self.dataFolder = dataFolder
        self.exportFolder = exportFolder
        self.overrideLock = overrideLock
    }

    static func now() -> Double { Date().timeIntervalSince1970 }

    /// Runs until the user quits or the terminal goes away; returns the exit code.
    func run() -> Int32 {
        while !finished {
            // Inside a bracketed paste nothing changes on screen until it ends.
            if !decoder.isPasting { draw() }
            let waiting = decoder.isAwaitingMore
            let dirty = app.session.map { $0.unautosaved } ?? false
            let timeout: Double? = waiting ? (decoder.isAwaitingLoneEscape ? terminal.escapeDelay : 0.5) : (dirty ? 0.15 : 1.0)
            let event = terminal.waitForInput(timeout: timeout)
            for (draft, path, failure) in finishedAutosaves.take() {
                perform(app.handle(.saveFinished(draft, path: path, purpose: .autosave, error: failure), now: InterfaceRunner.now()))
            }
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
            case .resized:
                break
            case .signal, .endOfInput:
                // SSH dropped (SIGHUP, end of input) or we were told to stop: save everything.
                perform(app.emergencySave(now: InterfaceRunner.now()))
                finished = true
            }
        }
        shutDown()
        return 0
    }

    func draw() {
        let size = terminal.size
        var grid = ScreenGrid(width: size.width, height: size.height)
        app.render(into: &grid)
        terminal.draw(grid)
    }

    func dispatch(_ event: AppEvent) {
        let commands = app.handle(event, now: InterfaceRunner.now())
        perform(commands)
    }

    func perform(_ commands: [AppCommand]) {
        for command in commands where !finished || isSave(command) {
            switch command {
            case .session(let sessionCommand):
                perform(sessionCommand)
            case .open(let path):
                open(path)
            case .create(let committee):
                create(committee)
            case .quit:
                finished = true
            }
        }
    }

    private func isSave(_ command: AppCommand) -> Bool {
        if case .session(.save) = command { return true }
        return false
    }

    func perform(_ command: SessionCommand) {
        let now = InterfaceRunner.now()
        switch command {
        case .autosave(let snapshot, let path):
            guard let form else { return }
            let store = self.store
            let results = finishedAutosaves
            autosaveQueue.async {
                let draft = snapshot.draft()
                var failure: StoreError?
                do throws(StoreError) {
                    try store.save(DraftCodec.encode(draft, form: form), to: DraftFiles.autosavePath(for: path))
                } catch {
                    failure = error
                }
                results.add((draft, path, failure))
            }
        case .save(let draft, let path, let purpose):
            guard let form else { return }
            autosaveQueue.sync {}
            let bytes = DraftCodec.encode(draft, form: form)
            // Autosaves come as `.autosave` snapshots; this writes the draft file itself.
            let target = path
            var failure: StoreError?
            do { try store.save(bytes, to: target) } catch { failure = error }
            if purpose == .draft, failure == nil {
                store.remove(DraftFiles.autosavePath(for: path))
                if let session = app.session, session.path != path {
                    // Saved under another name: the lock moves with it.
                    lock?.release()
                    if case .acquired(let newLock) = DraftLock.acquire(for: path, now: Timestamp(secondsSinceEpoch: Int64(now)), store: store) {
                        lock = newLock
                    }
                    store.remove(DraftFiles.autosavePath(for: session.path))
                }
            }
            let followUp = app.handle(.saveFinished(draft, path: path, purpose: purpose, error: failure), now: now)
            perform(followUp)
        case .export(let draft, let folder):
            guard let form else { return }
            let result: Result<ExportWriter.Outcome, ExportWriter.Failure>
            do {
                result = .success(try ExportWriter(form: form, store: store).write(draft, folder: folder, exportedAt: Drafts.exportTime()))
            } catch {
                result = .failure(error)
            }
            perform(app.handle(.exportFinished(result), now: now))
        case .editExternally(let text, let place):
            let edited = ExternalEditor.edit(text, terminal: terminal, language: language)
            perform(app.handle(.externalEditFinished(edited, place: place), now: InterfaceRunner.now()))
        case .setAsideAutosave:
            if let path = app.session?.path {
                let autosave = DraftFiles.autosavePath(for: path)
                _ = store.fileSystem.rename(autosave, DraftFiles.setAsidePath(for: path))
            }
        case .quit:
            finished = true
        }
    }

    func shutDown() {
        autosaveQueue.sync {}
        lock?.release()
        lock = nil
        terminal.close()
    }

    // MARK: - Opening drafts

    /// Opens a draft: reads it, takes its lock (or opens read-only), and offers a newer autosave.
    func open(_ path: String, loaded alreadyLoaded: (Draft, FormDefinition)? = nil) {
        let loaded: (Draft, FormDefinition)
        if let alreadyLoaded {
            loaded = alreadyLoaded
        } else {
            do {
                let bytes = try store.read(path: path, limit: DraftCodec.maximumSize)
                loaded = try DraftCodec.decode(bytes, file: path, catalog: catalog)
            } catch let error as StoreError {
                showStartMessage(error.message(language))
                return
            } catch let error as DraftError {
                showStartMessage(error.message(language))
                return
            } catch {
                return
            }
        }
        let (draft, draftForm) = loaded
        var readOnly: ReadOnlyReason?
        let now = Timestamp(secondsSinceEpoch: Int64(InterfaceRunner.now()))
        switch DraftLock.acquire(for: path, now: now, override: overrideLock, store: store) {
        case .acquired(let newLock):
            lock = newLock
        case .held(let holder, let otherHost):
            let who = holder.description(language)
            readOnly = ReadOnlyReason(message: language == .sv
                ? "utkastet är öppet hos \(who)" + (otherHost ? "; starta med --override-lock för att ta över låset" : "")
                : "the draft is open by \(who)" + (otherHost ? "; start with --override-lock to take over the lock" : ""))
        case .unavailable(let error):
            // No lock can be made (e.g. a read-only folder): saving will tell the same story.
            readOnly = nil
            _ = error
        }
        form = draftForm
        let session = EditorSession(form: draftForm, draft: draft, path: path, language: language,
                                    exportFolder: exportFolder, readOnly: readOnly)
        app.open(session)
        if readOnly == nil { offerAutosave(for: path, draft: draft, form: draftForm) }
    }

    private func offerAutosave(for path: String, draft: Draft, form: FormDefinition) {
        let autosavePath = DraftFiles.autosavePath(for: path)
        guard store.exists(autosavePath) else { return }
        guard let bytes = try? store.read(path: autosavePath, limit: DraftCodec.maximumSize),
              let autosaved = try? DraftCodec.decode(bytes, file: autosavePath, form: form) else {
            // A broken autosave is kept aside, never silently deleted.
            _ = store.fileSystem.rename(autosavePath, DraftFiles.setAsidePath(for: path))
            return
        }
        var comparable = autosaved
        comparable.revision = draft.revision
        comparable.modified = draft.modified
        if comparable == draft {
            store.remove(autosavePath)
            return
        }
        app.offerRestore(autosaved)
    }

    /// Creates a new draft for a committee in the data folder and opens it.
    func create(_ committee: String) {
        guard let form = catalog.latest() else { return }
        do { try store.makeDirectory(dataFolder) } catch {
            showStartMessage(error.message(language))
            return
        }
        var path = dataFolder + "/\(form.id)_\(committee).json"
        var n = 2
        while store.exists(path) {
            path = dataFolder + "/\(form.id)_\(committee)-\(n).json"
            n += 1
        }
        let now = Timestamp(secondsSinceEpoch: Int64(InterfaceRunner.now()))
        let draft = Draft.new(form: form, committee: committee, documentID: UUID().uuidString.lowercased(), now: now)
        do { try store.save(DraftCodec.encode(draft, form: form), to: path) } catch {
            showStartMessage(error.message(language))
            return
        }
        open(path)
    }

    private func showStartMessage(_ text: String) {
        app.showStartMessage(text)
    }
}

/// Autosaves finished on the background queue, collected for the main loop.
final class AutosaveResults: @unchecked Sendable {
    private var finished: [(Draft, String, StoreError?)] = []
    private let lock = NSLock()

    func add(_ result: (Draft, String, StoreError?)) {
        lock.lock()
        finished.append(result)
        lock.unlock()
    }

    func take() -> [(Draft, String, StoreError?)] {
        lock.lock()
        defer { lock.unlock() }
        let all = finished
        finished = []
        return all
    }
}
