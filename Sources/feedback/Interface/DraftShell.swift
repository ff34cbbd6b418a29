import FeedbackHistory
import FeedbackInterface
import FeedbackModel
import Foundation

/// The file work behind a session, for both ways of using it (the full-screen interface and
/// the accessible line mode): saves, autosaves, exports, documents, locks, the other window.
/// The rules (what is saved where, when a lock moves) are the session's; the shell carries
/// them out and says what happened, as events for the session.
final class DraftShell {
    let catalog: FormCatalog
    let language: Language
    let store = FileStore()
    /// Where each draft was left (the user's state), to open it there again.
    let returnPoints = ReturnPoints()
    let dataFolder: String
    let exportFolder: String
    let overrideLock: Bool
    /// The user's local date (FEEDBACK_TODAY or SOURCE_DATE_EPOCH fix it).
    let today: SimpleDate
    /// Runs the user's editor on a text (the full-screen interface suspends curses first).
    var runEditor: (String) -> String? = { _ in nil }
    var lock: DraftLock?
    var form: FormDefinition?
    /// The draft file as last read or written by this window: a save that finds another
    /// file or another change there writes nothing (`FileStore.save(_:to:expecting:)`).
    var known: DiskIdentity?
    /// When the read-only window last looked at the lock and the file.
    var lastCheck = 0.0
    var lockWasFree = false
    /// Autosaves are encoded and written here, off the keystroke path; draft saves wait for
    /// it to be idle so an autosave can never land after the save that removes it.
    let autosaveQueue = DispatchQueue(label: "feedback.autosave")
    let finishedAutosaves = AutosaveResults()
    /// Where the text goes when the disk refuses the draft.
    let emergency = EmergencyStore()
    /// What to tell on standard error once the terminal is restored (where rescued text went,
    /// side files of others left alone).
    var exitNotes: [String] = []
    /// The last save of the draft that failed (with where its text went), until one succeeds.
    var lastFailedSave: StoreError?
    /// The last emergency copy written: the digest of its bytes and where they went.
    var lastRescue: (digest: [UInt8], rescue: Rescue)?
    /// Hand-ins to the board's inbox and their receipts (the inbox from the configuration).
    var handIns: HandInWork
    /// When the open draft's hand-in was last looked at (a receipt may arrive any time).
    var lastHandInCheck = 0.0
    /// The region's Word template for the committee's .docx (the `template` setting).
    var documentTemplate: String?

    enum Opened {
        case opened(EditorSession, restore: Draft?)
        case failed(String)
    }

    enum Created {
        case created(String)
        case failed(String)
    }

    init(catalog: FormCatalog, language: Language, dataFolder: String, exportFolder: String, overrideLock: Bool, today: SimpleDate,
         inbox: String? = nil) {
        handIns = HandInWork(inbox: inbox, dataFolder: dataFolder, language: language)
        self.catalog = catalog
        self.language = language
        self.dataFolder = dataFolder
        self.exportFolder = exportFolder
        self.overrideLock = overrideLock
        self.today = today
    }

    static func now() -> Double { Date().timeIntervalSince1970 }

    /// The file the side files of a draft live beside: the draft, or the file its own link leads to.
    func sideBase(_ path: String) -> String {
        store.resolvedTarget(path)
    }

    /// Carries out one command of the session and returns what to tell it (nil: nothing yet).
    func execute(_ command: SessionCommand, session: EditorSession?) -> AppEvent? {
        let now = DraftShell.now()
        switch command {
        case .autosave(let snapshot, let path):
            guard let form else { return nil }
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
            return nil
        case .save(let draft, let path, let purpose):
            guard let form else { return nil }
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
            return .saveFinished(draft, path: path, purpose: purpose, failure: failure, emergencyCopy: copy)
        case .export(let draft, let folder):
            guard let form else { return nil }
            let result: Result<ExportWriter.Outcome, ExportWriter.Failure>
            do {
                result = .success(try ExportWriter(form: form, store: store).write(draft, folder: folder, exportedAt: Drafts.exportTime()))
            } catch {
                result = .failure(error)
            }
            return .exportFinished(result)
        case .submit(let draft, let replace):
            return .submitFinished(handIns.submit(draft, replace: replace))
        case .renderDocument(let draft, let kind, let path, let replace):
            guard let form else { return nil }
            let failure = DocumentWork.render(draft, form: form, kind: kind, to: path, replace: replace, language: language, store: store,
                                              template: documentTemplate)
            return .renderFinished(kind, path: path, failure: failure)
        case .readImport(let path, let draft, let replace, let unplacedToOther):
            guard let form else { return nil }
            let (proposal, problem) = DocumentWork.proposal(path: path, into: draft, form: form, replace: replace,
                                                            unplacedToOther: unplacedToOther, language: language)
            return .importRead(proposal, problem: problem)
        case .writeSideFile(let text, let draftPath):
            let (path, problem) = DocumentWork.writeSideFile(text, besideDraft: draftPath, store: store, language: language)
            return .sideFileWritten(path: path, problem: problem)
        case .computeChanges(let draft):
            guard let form else { return nil }
            let report = HistoryWork.changes(draft, form: form, exportFolder: exportFolder, catalog: catalog, language: language)
            return .changesComputed(report)
        case .editExternally(let text, let place):
            return .externalEditFinished(runEditor(text), place: place)
        case .setAsideAutosave:
            guard let path = session?.path else { return nil }
            return setAsideAutosave(sideBase(path), now: now)
        case .removeAutosave(let path):
            store.removeOwn(DraftFiles.autosavePath(for: sideBase(path)))
            return nil
        case .takeLock(let path):
            if case .acquired(let newLock) = DraftLock.acquire(for: sideBase(path), now: Timestamp(secondsSinceEpoch: Int64(now)), store: store) {
                lock = newLock
            }
            known = store.identity(of: path)
            return nil
        case .releaseLock:
            lock?.release()
            lock = nil
            return nil
        case .takeOver(let path):
            return takeOver(path)
        case .quit:
            return nil
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

    /// Keeps a declined autosave in the user's private state folder (never beside the draft,
    /// where in a shared folder another user could have planted the name or could remove
    /// it), then removes the autosave; says where it went.
    private func setAsideAutosave(_ base: String, now: Double) -> AppEvent {
        let autosave = DraftFiles.autosavePath(for: base)
        let bytes: [UInt8]
        do {
            guard let read = try store.readOwn(path: autosave, limit: DraftCodec.maximumSize) else { return .autosaveKept(path: nil, problem: nil) }
            bytes = read
        } catch {
            return .autosaveKept(path: nil, problem: error.message(language))
        }
        switch emergency.write(bytes, for: base, now: Timestamp(secondsSinceEpoch: Int64(now))) {
        case .savedCopy(let copy):
            store.removeOwn(autosave)
            return .autosaveKept(path: copy, problem: nil)
        default:
            return .autosaveKept(path: nil, problem: emergency.folder)
        }
    }

    /// Writes an emergency copy of a draft that could not be saved, unless the same bytes
    /// were rescued already (a save tried again on a full disk makes no second copy).
    private func rescue(_ bytes: [UInt8], for path: String, now: Double) -> Rescue {
        let digest = ContentDigest.sha256(bytes)
        if let last = lastRescue, last.digest == digest, case .savedCopy = last.rescue { return last.rescue }
        let rescue = emergency.write(bytes, for: path, now: Timestamp(secondsSinceEpoch: Int64(now)))
        lastRescue = (digest, rescue)
        return rescue
    }

    /// Waits for the autosave, gives up the lock; returns what to say on standard error once
    /// the terminal is back, and the exit code.
    func shutDown(session: EditorSession?) -> (notes: [String], code: Int32) {
        autosaveQueue.sync {}
        lock?.release()
        lock = nil
        var code: Int32 = 0
        if let lastFailedSave, session?.unsaved == true {
            // Leaving with text that is not in its file: say where it is, or that it is nowhere.
            exitNotes.append("feedback: " + lastFailedSave.message(language))
            code = 1
        }
        return (exitNotes.map { Sanitizer.visible($0) }, code)
    }

    /// Autosaves finished on the background queue since the last call.
    func finishedAutosaveEvents() -> [AppEvent] {
        finishedAutosaves.take().map { .autosaveFinished(error: $0) }
    }

    // MARK: - The other window (read-only views)

    /// A read-only window looks every second whether the holder saved or left.
    func checkOtherWindow(_ session: EditorSession?) -> [AppEvent] {
        guard let session, session.readOnly != nil, let form else { return [] }
        let now = DraftShell.now()
        guard now - lastCheck >= 1 else { return [] }
        lastCheck = now
        var events: [AppEvent] = []
        if let identity = store.identity(of: session.path), identity != known,
           let bytes = try? store.read(path: session.path, limit: DraftCodec.maximumSize),
           let fresh = try? DraftCodec.decode(bytes, file: session.path, form: form) {
            known = identity
            events.append(.changedOnDisk(fresh))
        }
        let free: Bool
        // The kernel's answer: a holder killed (even a zombie not yet reaped) holds nothing.
        free = !DraftLock.isHolderAlive(for: sideBase(session.path), store: store)
        if free && !lockWasFree { events.append(.lockReleased) }
        lockWasFree = free
        return events
    }

    private func takeOver(_ path: String) -> AppEvent {
        let now = DraftShell.now()
        switch DraftLock.acquire(for: sideBase(path), now: Timestamp(secondsSinceEpoch: Int64(now)), store: store) {
        case .acquired(let newLock):
            lock = newLock
            do {
                let (bytes, identity) = try store.readWithIdentity(path: path, limit: DraftCodec.maximumSize)
                let (draft, draftForm) = try DraftCodec.decode(bytes, file: path, catalog: catalog)
                form = draftForm
                known = identity
                return .tookOver(draft, problem: nil)
            } catch let error as StoreError {
                return .tookOver(nil, problem: error.message(language))
            } catch let error as DraftError {
                return .tookOver(nil, problem: error.message(language))
            } catch {
                return .tookOver(nil, problem: "\(error)")
            }
        case .held(let holder, _):
            return .tookOver(nil, problem: holder.description(language))
        case .refused(let error), .unavailable(let error):
            return .tookOver(nil, problem: error.message(language))
        }
    }

    /// A hand-in waiting for its receipt is looked at every few seconds; the session hears
    /// when the board's receipt has come (or says no).
    func checkHandIn(_ session: EditorSession?) -> [AppEvent] {
        guard let session, session.handIn?.kind == .waiting else { return [] }
        let now = DraftShell.now()
        guard now - lastHandInCheck >= 3 else { return [] }
        lastHandInCheck = now
        let note = handIns.note(forDocument: session.draft.documentID)
        return note == session.handIn ? [] : [.handInChanged(note)]
    }

    // MARK: - Opening drafts

    /// Opens a draft: reads it, takes its lock (or opens read-only), and offers a newer autosave.
    /// The draft opens read-only, saying why, when a side file is not the user's own (a planted
    /// link, FIFO or another user's file where the lock or autosave must go) or the draft is
    /// reached through another user's link.
    func open(_ path: String, loaded alreadyLoaded: (Draft, FormDefinition)? = nil, identity knownIdentity: DiskIdentity? = nil) -> Opened {
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
                return .failed(error.message(language))
            } catch let error as DraftError {
                return .failed(error.message(language))
            } catch {
                return .failed("\(error)")
            }
        }
        let (draft, draftForm) = loaded
        var readOnly: ReadOnlyReason?
        let now = Timestamp(secondsSinceEpoch: Int64(DraftShell.now()))
        var base = path
        do { base = try store.draftTarget(path) } catch { readOnly = refusedReadOnly(error) }
        if readOnly == nil {
            switch DraftLock.acquire(for: base, now: now, override: overrideLock, store: store) {
            case .acquired(let newLock):
                lock = newLock
            case .held(let holder, let otherHost):
                readOnly = ReadOnlyReason(message: holder.heldText(language, time: .current) + (otherHost
                    ? (language == .sv ? "; starta med --override-lock för att ta över låset" : "; start with --override-lock to take over the lock")
                    : ""),
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
        var session = EditorSession(form: draftForm, draft: draft, path: path, language: language,
                                    exportFolder: exportFolder, readOnly: readOnly, today: today,
                                    lastYear: HistoryWork.lastYear(of: draft, form: draftForm, catalog: catalog, language: language))
        session.setBoard(inbox: handIns.inbox, note: handIns.note(forDocument: draft.documentID))
        if let point = returnPoints.point(for: draft.documentID) { session.resume(at: point) }
        lastHandInCheck = DraftShell.now()
        return .opened(session, restore: readOnly == nil ? autosave(beside: base, draft: draft, form: draftForm) : nil)
    }

    /// The read-only reason for a side file (or link) that is not the user's own.
    private func refusedReadOnly(_ error: StoreError) -> ReadOnlyReason {
        // The name and the reason first: the status line is one line of the terminal. How to
        // save a copy is added by the session, in the words of the mode that shows it.
        let name = Sanitizer.visible(FileStore.fileName(of: error.path))
        return ReadOnlyReason(message: language == .sv
            ? "\(name): \(error.reason(.sv)); ta bort den (\(Sanitizer.visible(error.path)))"
            : "\(name): \(error.reason(.en)); remove it (\(Sanitizer.visible(error.path)))",
            canTakeOver: false)
    }

    /// Remembers where the user leaves a draft (not a committee's export opened from the board).
    func remember(_ session: EditorSession?) {
        guard let session, !session.fromBoard else { return }
        returnPoints.remember(session.returnPoint, for: session.draft.documentID)
    }

    /// An autosave newer than the draft, to offer for restore (nil when there is none).
    private func autosave(beside base: String, draft: Draft, form: FormDefinition) -> Draft? {
        let autosavePath = DraftFiles.autosavePath(for: base)
        let bytes: [UInt8]?
        do { bytes = try store.readOwn(path: autosavePath, limit: DraftCodec.maximumSize) } catch {
            // Ours but unreadable (too large, an I/O error): kept aside, never silently deleted.
            try? store.renameOwn(autosavePath, to: DraftFiles.setAsidePath(for: base))
            return nil
        }
        guard let bytes else { return nil }
        guard let autosaved = try? DraftCodec.decode(bytes, file: autosavePath, form: form) else {
            // A broken autosave is kept in the user's private folder, never silently deleted.
            if case .savedCopy = emergency.write(bytes, for: base, now: Timestamp(secondsSinceEpoch: Int64(DraftShell.now()))) {
                store.removeOwn(autosavePath)
            }
            return nil
        }
        var comparable = autosaved
        comparable.revision = draft.revision
        comparable.modified = draft.modified
        if comparable == draft {
            store.removeOwn(autosavePath)
            return nil
        }
        return autosaved
    }

    /// Creates a new draft for a committee in the data folder (named as `feedback new`
    /// names it), empty or started from last year's file, and opens it.
    func create(_ committee: String, from lastYear: String?) -> Created {
        guard let form = catalog.latest() else { return .failed("no form") }
        do { try store.makeDirectory(dataFolder) } catch {
            return .failed(error.message(language))
        }
        let now = Timestamp(secondsSinceEpoch: Int64(DraftShell.now()))
        var draft = Draft.new(form: form, committee: committee, documentID: UUIDText.random(), now: now)
        if let lastYear {
            do {
                draft = try StartFromLastYear.draft(from: lastYear, form: form, committee: committee, catalog: catalog,
                                                    documentID: draft.documentID, now: now).draft
            } catch {
                return .failed(error.message(language))
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
                return .failed(error.message(language))
            }
            return .created(path)
        }
        return .failed(language == .sv ? "Inget ledigt namn för ett nytt utkast." : "No free name for a new draft.")
    }

    /// Moves a draft (and its autosave) to the trash, then lists the folder again.
    /// Moves a draft (and its autosave) to the trash; what to say, and the folder listed again.
    func trash(_ path: String) -> (message: String, isError: Bool, drafts: [DraftSummary]?) {
        if let holder = DraftLock.holder(for: sideBase(path), store: store) {
            let held = holder.heldText(language)
            return (held.prefix(1).uppercased() + held.dropFirst() + (language == .sv ? "; det flyttades inte." : "; it was not moved."), true, nil)
        }
        let now = Timestamp(secondsSinceEpoch: Int64(DraftShell.now()))
        do {
            let target = try Trash.move(path, now: now)
            let autosave = DraftFiles.autosavePath(for: path)
            if store.exists(autosave) { _ = try? Trash.move(autosave, now: now) }
            return ((language == .sv ? "Flyttat till papperskorgen: " : "Moved to the trash: ") + Sanitizer.visible(target), false,
                    DraftListing.summaries(in: dataFolder, catalog: catalog, language: language, handIns: handIns.notes()))
        } catch {
            return (error.message(language), true, nil)
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
