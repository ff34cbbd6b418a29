import FeedbackInterface
import FeedbackModel
import FeedbackTerminal
import Foundation

/// The imperative shell around the interface core: reads keys, draws frames, and carries
/// out the file work the core asks for (save, autosave, export, locks, the external editor).
/// The rules (what is saved where, when a lock moves) are the core's.
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
    /// The draft file as last read or written by this window (to notice changes by others).
    var known: FileIdentity?
    /// When the read-only window last looked at the lock and the file.
    var lastCheck = 0.0
    var lockWasFree = false
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
        sendSize()
        while !finished {
            // Inside a bracketed paste nothing changes on screen until it ends.
            if !decoder.isPasting { draw() }
            let waiting = decoder.isAwaitingMore
            let dirty = app.session.map { $0.unautosaved } ?? false
            let timeout: Double? = waiting ? (decoder.isAwaitingLoneEscape ? terminal.escapeDelay : 0.5) : (dirty ? 0.15 : 1.0)
            let event = terminal.waitForInput(timeout: timeout)
            for failure in finishedAutosaves.take() {
                perform(app.handle(.autosaveFinished(error: failure), now: InterfaceRunner.now()))
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
                checkOtherWindow()
            case .resized:
                sendSize()
            case .signal, .endOfInput:
                // SSH dropped (SIGHUP, end of input) or we were told to stop: save everything.
                perform(app.emergencySave(now: InterfaceRunner.now()))
                finished = true
            }
        }
        shutDown()
        return 0
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
            case .session(let sessionCommand): perform(sessionCommand)
            case .open(let path): open(path)
            case .create(let committee): create(committee)
            case .trash(let path): trash(path)
            case .quit: finished = true
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
                results.add(failure)
            }
        case .save(let draft, let path, let purpose):
            guard let form else { return }
            autosaveQueue.sync {}
            let failure = save(draft, to: path, purpose: purpose, form: form)
            let copy = failure == nil ? nil : EmergencyCopy.write(draft, form: form, of: path)
            perform(app.handle(.saveFinished(draft, path: path, purpose: purpose, failure: failure, emergencyCopy: copy), now: now))
        case .export(let draft, let folder):
            guard let form else { return }
            let result: Result<ExportWriter.Outcome, ExportWriter.Failure>
            do {
                result = .success(try ExportWriter(form: form, store: store).write(draft, folder: folder, exportedAt: Drafts.exportTime()))
            } catch {
                result = .failure(error)
            }
            perform(app.handle(.exportFinished(result), now: now))
        case .renderDocument(let draft, let kind, let path, let replace):
            guard let form else { return }
            let failure = DocumentWork.render(draft, form: form, kind: kind, to: path, replace: replace, language: language, store: store)
            perform(app.handle(.renderFinished(kind, path: path, failure: failure), now: now))
        case .readImport(let path, let draft, let replace, let unplacedToOther):
            guard let form else { return }
            let (proposal, problem) = DocumentWork.proposal(path: path, into: draft, form: form, replace: replace,
                                                            unplacedToOther: unplacedToOther, language: language)
            perform(app.handle(.importRead(proposal, problem: problem), now: now))
        case .writeSideFile(let text, let draftPath):
            let (path, problem) = DocumentWork.writeSideFile(text, besideDraft: draftPath, store: store, language: language)
            perform(app.handle(.sideFileWritten(path: path, problem: problem), now: now))
        case .editExternally(let text, let place):
            let edited = ExternalEditor.edit(text, terminal: terminal, language: language)
            perform(app.handle(.externalEditFinished(edited, place: place), now: InterfaceRunner.now()))
        case .setAsideAutosave:
            if let path = app.session?.path {
                _ = store.fileSystem.rename(DraftFiles.autosavePath(for: path), DraftFiles.setAsidePath(for: path))
            }
        case .removeAutosave(let path):
            store.remove(DraftFiles.autosavePath(for: path))
        case .takeLock(let path):
            if case .acquired(let newLock) = DraftLock.acquire(for: path, now: Timestamp(secondsSinceEpoch: Int64(now)), store: store) {
                lock = newLock
            }
            known = FileIdentity(path)
        case .releaseLock:
            lock?.release()
            lock = nil
        case .takeOver(let path):
            takeOver(path)
        case .quit:
            finished = true
        }
    }

    /// Writes a draft or a copy; the session decided what and where.
    private func save(_ draft: Draft, to path: String, purpose: SessionCommand.SavePurpose, form: FormDefinition) -> SaveFailure? {
        switch purpose {
        case .draft:
            // Never replace what this window did not read.
            if let known, let now = FileIdentity(path), now != known { return .changedOnDisk }
        case .draftOverwriting:
            break
        case .copy(let replace):
            if store.exists(path) {
                if !replace { return .exists }
                if case .held(let holder, _) = LockProbe.holder(of: path) { return .locked(holder: holder.description(language)) }
            }
        }
        do {
            try store.save(DraftCodec.encode(draft, form: form), to: path)
        } catch {
            return .store(error)
        }
        if purpose != .copy(replace: false) && purpose != .copy(replace: true) { known = FileIdentity(path) }
        return nil
    }

    func shutDown() {
        autosaveQueue.sync {}
        lock?.release()
        lock = nil
        terminal.close()
    }

    // MARK: - The other window (read-only views)

    /// A read-only window looks every second whether the holder saved or left.
    private func checkOtherWindow() {
        guard let session = app.session, session.readOnly != nil, let form else { return }
        let now = InterfaceRunner.now()
        guard now - lastCheck >= 1 else { return }
        lastCheck = now
        if let identity = FileIdentity(session.path), identity != known,
           let bytes = try? store.read(path: session.path, limit: DraftCodec.maximumSize),
           let fresh = try? DraftCodec.decode(bytes, file: session.path, form: form) {
            known = identity
            perform(app.handle(.changedOnDisk(fresh), now: now))
        }
        let free: Bool
        if case .held = LockProbe.holder(of: session.path) { free = false } else { free = true }
        if free && !lockWasFree { perform(app.handle(.lockReleased, now: now)) }
        lockWasFree = free
    }

    private func takeOver(_ path: String) {
        let now = InterfaceRunner.now()
        switch DraftLock.acquire(for: path, now: Timestamp(secondsSinceEpoch: Int64(now)), store: store) {
        case .acquired(let newLock):
            lock = newLock
            do {
                let bytes = try store.read(path: path, limit: DraftCodec.maximumSize)
                let (draft, draftForm) = try DraftCodec.decode(bytes, file: path, catalog: catalog)
                form = draftForm
                known = FileIdentity(path)
                perform(app.handle(.tookOver(draft, problem: nil), now: now))
            } catch let error as StoreError {
                perform(app.handle(.tookOver(nil, problem: error.message(language)), now: now))
            } catch let error as DraftError {
                perform(app.handle(.tookOver(nil, problem: error.message(language)), now: now))
            } catch {
                perform(app.handle(.tookOver(nil, problem: "\(error)"), now: now))
            }
        case .held(let holder, _):
            perform(app.handle(.tookOver(nil, problem: holder.description(language)), now: now))
        case .unavailable(let error):
            perform(app.handle(.tookOver(nil, problem: error.message(language)), now: now))
        }
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
                app.showStartMessage(error.message(language))
                return
            } catch let error as DraftError {
                app.showStartMessage(error.message(language))
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
            let who = holder.description(language, time: .current)
            readOnly = ReadOnlyReason(message: language == .sv
                ? "utkastet är öppet hos \(who)" + (otherHost ? "; starta med --override-lock för att ta över låset" : "")
                : "the draft is open by \(who)" + (otherHost ? "; start with --override-lock to take over the lock" : ""),
                canTakeOver: !otherHost)
        case .unavailable:
            // No lock can be made (e.g. a read-only folder): saving will tell the same story.
            readOnly = nil
        }
        form = draftForm
        known = FileIdentity(path)
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

    /// Creates a new draft for a committee in the data folder (named as `feedback new`
    /// names it) and opens it.
    func create(_ committee: String) {
        guard let form = catalog.latest() else { return }
        do { try store.makeDirectory(dataFolder) } catch {
            app.showStartMessage(error.message(language))
            return
        }
        var attempt = 1
        var path = dataFolder + "/" + DraftFiles.newDraftName(form: form, committee: committee, attempt: attempt)
        while store.exists(path) {
            attempt += 1
            path = dataFolder + "/" + DraftFiles.newDraftName(form: form, committee: committee, attempt: attempt)
        }
        let now = Timestamp(secondsSinceEpoch: Int64(InterfaceRunner.now()))
        let draft = Draft.new(form: form, committee: committee, documentID: UUIDText.random(), now: now)
        do { try store.save(DraftCodec.encode(draft, form: form), to: path) } catch {
            app.showStartMessage(error.message(language))
            return
        }
        open(path)
    }

    /// Moves a draft (and its autosave) to the trash, then lists the folder again.
    func trash(_ path: String) {
        if case .held(let holder, _) = LockProbe.holder(of: path) {
            app.showStartMessage(language == .sv ? "Utkastet är öppet hos \(holder.description(language)); det flyttades inte."
                                                 : "The draft is open by \(holder.description(language)); it was not moved.")
            return
        }
        let now = Timestamp(secondsSinceEpoch: Int64(InterfaceRunner.now()))
        do {
            let target = try Trash.move(path, now: now)
            let autosave = DraftFiles.autosavePath(for: path)
            if store.exists(autosave) { _ = try? Trash.move(autosave, now: now) }
            app.replaceDrafts(DraftListing.summaries(in: dataFolder, catalog: catalog, language: language))
            app.showStartMessage((language == .sv ? "Flyttat till papperskorgen: " : "Moved to the trash: ") + Sanitizer.visible(target), isError: false)
        } catch {
            app.showStartMessage(error.message(language))
        }
    }
}

/// Autosave results from the background queue, collected for the main loop.
final class AutosaveResults: @unchecked Sendable {
    private var finished: [StoreError?] = []
    private let lock = NSLock()

    func add(_ result: StoreError?) {
        lock.lock()
        finished.append(result)
        lock.unlock()
    }

    func take() -> [StoreError?] {
        lock.lock()
        defer { lock.unlock() }
        let all = finished
        finished = []
        return all
    }
}
