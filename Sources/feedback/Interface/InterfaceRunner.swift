import FeedbackHistory
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
    /// The user's local date (FEEDBACK_TODAY or SOURCE_DATE_EPOCH fix it).
    let today: SimpleDate
    var decoder = KeyDecoder()
    var lock: DraftLock?
    var form: FormDefinition?
    var finished = false
    /// The draft file as last read or written by this window: a save that finds another
    /// file or another change there writes nothing (`FileStore.save(_:to:expecting:)`).
    var known: DiskIdentity?
    /// When the read-only window last looked at the lock and the file.
    var lastCheck = 0.0
    var lockWasFree = false
    /// When the decoder started waiting inside a bracketed paste.
    var pasteQuietSince: Double?
    /// Autosaves are encoded and written here, off the keystroke path; draft saves wait for
    /// it to be idle so an autosave can never land after the save that removes it.
    let autosaveQueue = DispatchQueue(label: "feedback.autosave")
    let finishedAutosaves = AutosaveResults()
    /// Where the text goes when the disk refuses the draft.
    let emergency = EmergencyStore()
    /// What to tell on standard error once the terminal is restored (where rescued text went,
    /// side files of others left alone).
    var exitNotes: [String] = []
    var exitCode: Int32 = 0
    /// The last save of the draft that failed (with where its text went), until one succeeds.
    var lastFailedSave: StoreError?
    /// The last emergency copy written: the digest of its bytes and where they went.
    var lastRescue: (digest: [UInt8], rescue: Rescue)?

    init(terminal: Terminal, app: App, catalog: FormCatalog, language: Language, dataFolder: String, exportFolder: String,
         overrideLock: Bool, today: SimpleDate) {
        self.today = today
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
        shutDown()
        return exitCode
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

    /// The file the side files of a draft live beside: the draft, or the file its own link leads to.
    func sideBase(_ path: String) -> String {
        store.resolvedTarget(path)
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
            case .create(let committee, let from): create(committee, from: from)
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
            let autosavePath = DraftFiles.autosavePath(for: sideBase(path))
            autosaveQueue.async {
                let draft = snapshot.draft()
                var failure: StoreError?
                do throws(StoreError) {
                    // Never what the reader would refuse; never through a link, never over a
                    // file that is not the user's own.
                    let bytes = try DraftCodec.encodeForSaving(draft, form: form, path: autosavePath)
                    try store.saveSideFile(bytes, to: autosavePath)
                } catch {
                    failure = error
                }
                results.add(failure)
            }
        case .save(let draft, let path, let purpose):
            guard let form else { return }
            autosaveQueue.sync {}
            let failure = save(draft, to: path, purpose: purpose, form: form)
            var copy: String?
            if let failure, purpose == .draft || purpose == .draftOverwriting || failure.losesText {
                // The disk (or another program's change) said no: the text goes to the user's
                // own state folder. (A save as onto a taken name loses nothing.)
                let rescue = rescue(DraftCodec.encode(draft, form: form), for: path, now: now)
                if case .savedCopy(let saved) = rescue { copy = saved }
                var described = failure.storeError(path: path)
                described.rescue = rescue
                lastFailedSave = described
            } else if failure == nil, purpose != .copy(replace: false), purpose != .copy(replace: true) {
                lastFailedSave = nil
            }
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
        case .computeChanges(let draft):
            guard let form else { return }
            let report = HistoryWork.changes(draft, form: form, exportFolder: exportFolder, catalog: catalog, language: language)
            perform(app.handle(.changesComputed(report), now: now))
        case .editExternally(let text, let place):
            let edited = ExternalEditor.edit(text, terminal: terminal, language: language)
            perform(app.handle(.externalEditFinished(edited, place: place), now: InterfaceRunner.now()))
        case .setAsideAutosave:
            if let path = app.session?.path {
                let base = sideBase(path)
                try? store.renameOwn(DraftFiles.autosavePath(for: base), to: DraftFiles.setAsidePath(for: base))
            }
        case .removeAutosave(let path):
            store.removeOwn(DraftFiles.autosavePath(for: sideBase(path)))
        case .takeLock(let path):
            if case .acquired(let newLock) = DraftLock.acquire(for: sideBase(path), now: Timestamp(secondsSinceEpoch: Int64(now)), store: store) {
                lock = newLock
            }
            known = store.identity(of: path)
        case .releaseLock:
            lock?.release()
            lock = nil
        case .takeOver(let path):
            takeOver(path)
        case .quit:
            finished = true
        }
    }

    /// Writes a draft or a copy; the session decided what and where. Never a file the
    /// reader would refuse; the draft only over the file this window read; a copy without
    /// replacing anything unless the user said so, and never over a draft another window holds.
    private func save(_ draft: Draft, to path: String, purpose: SessionCommand.SavePurpose, form: FormDefinition) -> SaveFailure? {
        do throws(StoreError) {
            let bytes = try DraftCodec.encodeForSaving(draft, form: form, path: path)
            switch purpose {
            case .draft:
                known = try store.save(bytes, to: path, expecting: known)
            case .draftOverwriting:
                known = try store.save(bytes, to: path)
            case .copy(replace: false):
                try store.saveNew(bytes, to: path)
            case .copy(replace: true):
                if let holder = DraftLock.holder(for: store.resolvedTarget(path)) { return .locked(holder: holder.description(language)) }
                try store.save(bytes, to: path)
            }
        } catch {
            switch error.kind {
            case .changedOnDisk: return .changedOnDisk
            case .exists where purpose == .copy(replace: false): return .exists
            default: return .store(error)
            }
        }
        return nil
    }

    /// Writes an emergency copy of a draft that could not be saved, unless the same bytes
    /// were rescued already (a save tried again on a full disk makes no second copy).
    private func rescue(_ bytes: [UInt8], for path: String, now: Double) -> Rescue {
        let digest = SHA256.hash(bytes)
        if let last = lastRescue, last.digest == digest, case .savedCopy = last.rescue { return last.rescue }
        let rescue = emergency.write(bytes, for: path, now: Timestamp(secondsSinceEpoch: Int64(now)))
        lastRescue = (digest, rescue)
        return rescue
    }

    func shutDown() {
        autosaveQueue.sync {}
        lock?.release()
        lock = nil
        terminal.close()
        if let lastFailedSave, app.session?.unsaved == true {
            // Leaving with text that is not in its file: say where it is, or that it is nowhere.
            exitNotes.append("feedback: " + lastFailedSave.message(language))
            exitCode = 1
        }
        for note in exitNotes { FileHandle.standardError.write(Data((Sanitizer.visible(note) + "\n").utf8)) }
    }

    // MARK: - The other window (read-only views)

    /// A read-only window looks every second whether the holder saved or left.
    private func checkOtherWindow() {
        guard let session = app.session, session.readOnly != nil, let form else { return }
        let now = InterfaceRunner.now()
        guard now - lastCheck >= 1 else { return }
        lastCheck = now
        if let identity = store.identity(of: session.path), identity != known,
           let bytes = try? store.read(path: session.path, limit: DraftCodec.maximumSize),
           let fresh = try? DraftCodec.decode(bytes, file: session.path, form: form) {
            known = identity
            perform(app.handle(.changedOnDisk(fresh), now: now))
        }
        let free: Bool
        // The kernel's answer: a holder killed (even a zombie not yet reaped) holds nothing.
        free = !DraftLock.isHolderAlive(for: sideBase(session.path), store: store)
        if free && !lockWasFree { perform(app.handle(.lockReleased, now: now)) }
        lockWasFree = free
    }

    private func takeOver(_ path: String) {
        let now = InterfaceRunner.now()
        switch DraftLock.acquire(for: sideBase(path), now: Timestamp(secondsSinceEpoch: Int64(now)), store: store) {
        case .acquired(let newLock):
            lock = newLock
            do {
                let (bytes, identity) = try store.readWithIdentity(path: path, limit: DraftCodec.maximumSize)
                let (draft, draftForm) = try DraftCodec.decode(bytes, file: path, catalog: catalog)
                form = draftForm
                known = identity
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
        case .refused(let error), .unavailable(let error):
            perform(app.handle(.tookOver(nil, problem: error.message(language)), now: now))
        }
    }

    // MARK: - Opening drafts

    /// Opens a draft: reads it, takes its lock (or opens read-only), and offers a newer autosave.
    /// The draft opens read-only, saying why, when a side file is not the user's own (a planted
    /// link, FIFO or another user's file where the lock or autosave must go) or the draft is
    /// reached through another user's link.
    func open(_ path: String, loaded alreadyLoaded: (Draft, FormDefinition)? = nil, identity knownIdentity: DiskIdentity? = nil) {
        let loaded: (Draft, FormDefinition)
        var identity = knownIdentity
        if let alreadyLoaded {
            loaded = alreadyLoaded
            if identity == nil { identity = store.identity(of: path) }
        } else {
            do {
                let (bytes, readIdentity) = try store.readWithIdentity(path: path, limit: DraftCodec.maximumSize)
                loaded = try DraftCodec.decode(bytes, file: path, catalog: catalog)
                identity = readIdentity
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
        var base = path
        do { base = try store.draftTarget(path) } catch { readOnly = refusedReadOnly(error) }
        if readOnly == nil {
            switch DraftLock.acquire(for: base, now: now, override: overrideLock, store: store) {
            case .acquired(let newLock):
                lock = newLock
            case .held(let holder, let otherHost):
                let who = holder.description(language, time: .current)
                readOnly = ReadOnlyReason(message: language == .sv
                    ? "utkastet är öppet hos \(who)" + (otherHost ? "; starta med --override-lock för att ta över låset" : "")
                    : "the draft is open by \(who)" + (otherHost ? "; start with --override-lock to take over the lock" : ""),
                    canTakeOver: !otherHost)
            case .refused(let error):
                readOnly = refusedReadOnly(error)
            case .unavailable:
                // No lock can be made (e.g. a read-only folder): saving will tell the same story.
                readOnly = nil
            }
        }
        if readOnly == nil, let problem = store.sideFileProblem(DraftFiles.autosavePath(for: base)) {
            // The autosave could be neither written nor trusted: no editing without it.
            readOnly = refusedReadOnly(problem)
            lock?.release()
            lock = nil
        }
        if readOnly == nil {
            // Temporary files a killed save left behind are removed; others' are left and told.
            let leftovers = store.removeStaleTemporaries(of: base, now: now.secondsSinceEpoch)
            for foreign in leftovers.foreign {
                exitNotes.append("feedback: " + (language == .sv ? "lämnades orörd: " : "left alone: ") + foreign.message(language))
            }
        }
        form = draftForm
        known = identity
        let session = EditorSession(form: draftForm, draft: draft, path: path, language: language,
                                    exportFolder: exportFolder, readOnly: readOnly, today: today,
                                    lastYear: HistoryWork.lastYear(of: draft, form: draftForm, catalog: catalog, language: language))
        app.open(session)
        if readOnly == nil { offerAutosave(beside: base, draft: draft, form: draftForm) }
    }

    /// The read-only reason for a side file (or link) that is not the user's own.
    private func refusedReadOnly(_ error: StoreError) -> ReadOnlyReason {
        // The name and the reason first: the status line is one line of the terminal.
        let name = Sanitizer.visible(FileStore.fileName(of: error.path))
        return ReadOnlyReason(message: language == .sv
            ? "\(name): \(error.reason(.sv)); ta bort den eller spara en kopia med Ctrl-W (\(Sanitizer.visible(error.path)))"
            : "\(name): \(error.reason(.en)); remove it or save a copy with Ctrl-W (\(Sanitizer.visible(error.path)))",
            canTakeOver: false)
    }

    private func offerAutosave(beside base: String, draft: Draft, form: FormDefinition) {
        let autosavePath = DraftFiles.autosavePath(for: base)
        let bytes: [UInt8]?
        do { bytes = try store.readOwn(path: autosavePath, limit: DraftCodec.maximumSize) } catch {
            // Ours but unreadable (too large, an I/O error): kept aside, never silently deleted.
            try? store.renameOwn(autosavePath, to: DraftFiles.setAsidePath(for: base))
            return
        }
        guard let bytes else { return }
        guard let autosaved = try? DraftCodec.decode(bytes, file: autosavePath, form: form) else {
            // A broken autosave is kept aside, never silently deleted.
            try? store.renameOwn(autosavePath, to: DraftFiles.setAsidePath(for: base))
            return
        }
        var comparable = autosaved
        comparable.revision = draft.revision
        comparable.modified = draft.modified
        if comparable == draft {
            store.removeOwn(autosavePath)
            return
        }
        app.offerRestore(autosaved)
    }

    /// Creates a new draft for a committee in the data folder (named as `feedback new`
    /// names it), empty or started from last year's file, and opens it.
    func create(_ committee: String, from lastYear: String?) {
        guard let form = catalog.latest() else { return }
        do { try store.makeDirectory(dataFolder) } catch {
            app.showStartMessage(error.message(language))
            return
        }
        let now = Timestamp(secondsSinceEpoch: Int64(InterfaceRunner.now()))
        var draft = Draft.new(form: form, committee: committee, documentID: UUIDText.random(), now: now)
        if let lastYear {
            do {
                draft = try StartFromLastYear.draft(from: lastYear, form: form, committee: committee, catalog: catalog,
                                                    documentID: draft.documentID, now: now).draft
            } catch {
                app.showStartMessage(error.message(language))
                return
            }
        }
        let bytes = DraftCodec.encode(draft, form: form)
        for attempt in 1...1000 {
            let path = dataFolder + "/" + DraftFiles.newDraftName(form: form, committee: committee, attempt: attempt)
            do {
                // Created without replacing anything, even a file made a moment ago elsewhere.
                known = try store.saveNew(bytes, to: path)
            } catch where error.kind == .exists {
                continue
            } catch {
                app.showStartMessage(error.message(language))
                return
            }
            open(path)
            return
        }
    }

    /// Moves a draft (and its autosave) to the trash, then lists the folder again.
    func trash(_ path: String) {
        if let holder = DraftLock.holder(for: sideBase(path), store: store) {
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

extension SaveFailure {
    /// Whether the text may now be only in the window: not after a "save as" that found its
    /// name taken (the session asks whether to replace it; the draft's own file is there).
    var losesText: Bool {
        switch self {
        case .exists: return false
        case .locked, .store, .changedOnDisk, .other: return true
        }
    }

    /// The failure as a store error, for the note on leaving.
    func storeError(path: String) -> StoreError {
        switch self {
        case .store(let error): return error
        case .changedOnDisk: return StoreError(path: path, operation: "write", kind: .changedOnDisk)
        case .exists: return StoreError(path: path, operation: "create", kind: .exists)
        case .locked, .other: return StoreError(path: path, operation: "write", errno: EBUSY)
        }
    }
}
