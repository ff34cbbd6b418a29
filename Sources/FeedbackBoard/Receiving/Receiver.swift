import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

/// Takes every file in an inbox's incoming/ folder, checks it, archives it (accepted/ or
/// refused/), writes its signed receipt and only then removes it from incoming/.
public struct Receiver: Sendable {
    public let inbox: Inbox
    let key: ReceiptSigningKey
    public let clock: BoardClock

    public init(inbox: Inbox, key: ReceiptSigningKey, clock: BoardClock = BoardClock()) {
        self.inbox = inbox
        self.key = key
        self.clock = clock
    }

    /// One file received.
    public struct Outcome: Sendable {
        public var receipt: Receipt
        /// Path relative to the inbox.
        public var receiptFile: String
        /// SHA-256 of the receipt file's bytes.
        var receiptSha256: String = ""
    }

    /// What one run did.
    public struct Batch: Sendable {
        public var outcomes: [Outcome] = []
        /// Files left in incoming/ for now, with why (still being written, name not UTF-8).
        public var leftAlone: [(file: String, why: Localized)] = []
        /// Files whose receipt already existed (an earlier run stopped before removing them).
        public var finished: [String] = []
    }

    /// Receives everything in incoming/. Files modified less than `settle` seconds ago are
    /// left for the next run (a watcher should not read a file still being copied in);
    /// hidden names (submit's temporary files) are never read.
    public func receiveAll(settle: Int64 = 0) throws(BoardError) -> Batch {
        let now = clock.now()
        let lock = try ReceiveLock.acquire(inbox)
        defer { lock.release() }
        var batch = Batch()
        let ledger = try ReceiptLedger.load(inbox)
        let listing: (names: [String], notUTF8: Int)
        do { listing = try BoardFiles.names(in: inbox.incomingFolder) } catch { throw BoardError(error) }
        if listing.notUTF8 > 0 {
            batch.leftAlone.append(("\(listing.notUTF8)", Localized(
                sv: "fil(er) i incoming/ vars namn inte är UTF-8; ta bort dem för hand", en: "file(s) in incoming/ whose names are not UTF-8; remove them by hand")))
        }
        let names = listing.names.filter { !$0.hasPrefix(".") }
        let form = inbox.form
        let folder = inbox.incomingFolder
        let clock = self.clock
        let arrivals = ParallelMap.map(names) { name in Arrival.read(name: name, folder: folder, form: form, clock: clock) }
        var ready: [Arrival] = []
        for arrival in arrivals {
            if arrival.isFolder {
                batch.leftAlone.append((arrival.name, Localized(sv: "en mapp, ingen fil; ta bort den för hand", en: "a folder, not a file; remove it by hand")))
                continue
            }
            if settle > 0, let modified = arrival.modifiedNanoseconds, BoardFiles.nanosecondsNow() - modified < settle * 1_000_000_000 {
                batch.leftAlone.append((arrival.name, Localized(sv: "ändrades nyss; tas emot vid nästa körning", en: "changed just now; received next time")))
                continue
            }
            if let sha = arrival.sha256, ledger.hasReceipt(file: arrival.name, sha256: sha) {
                if let problem = removeFromIncoming(arrival.name) { batch.leftAlone.append((arrival.name, problem)) }
                batch.finished.append(arrival.name)
                continue
            }
            ready.append(arrival)
        }
        // In the order they were handed in, so an older revision after a newer is refused.
        ready.sort { ($0.handedInAt, $0.nanoseconds, $0.name) < ($1.handedInAt, $1.nanoseconds, $1.name) }
        // Decisions in that order; then the files are written in parallel (their names are
        // made exclusively, so two never take the same one).
        var accepted = ledger.acceptedByCommittee.mapValues { $0.receipt }
        var decided: [(Arrival, Receipt)] = []
        for arrival in ready {
            let receipt = decide(arrival, accepted: accepted, now: now)
            if receipt.isAccepted, let committee = receipt.export.committeeID { accepted[committee] = receipt }
            decided.append((arrival, receipt))
        }
        let results = ParallelMap.map(decided) { arrival, decision -> Result<Outcome, BoardError> in
            do throws(BoardError) { return .success(try write(arrival, decision)) } catch { return .failure(error) }
        }
        var written: [(String, Outcome)] = []
        var failure: BoardError?
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let outcome): written.append((decided[index].0.name, outcome))
            case .failure(let error): failure = failure ?? error
            }
        }
        // A file that could not be archived and receipted stays in incoming/ for the next run;
        // the others are finished first.
        if !written.isEmpty {
            // One flush for the whole batch: archive and receipts are on disk before any
            // file handed in leaves incoming/.
            do { try BoardFiles.syncFileSystem(inbox.path) } catch { throw BoardError(error) }
            let problems = ParallelMap.map(written.map(\.0)) { name in removeFromIncoming(name) }
            for ((name, outcome), problem) in zip(written, problems) {
                if let problem { batch.leftAlone.append((name, problem)) }
                batch.outcomes.append(outcome)
            }
            BoardFiles.syncDirectory(inbox.incomingFolder)
        }
        // The receipts just signed need no verifying by the next status.
        if !written.isEmpty {
            let cache = VerifiedReceipts(inbox: inbox)
            var hashes = cache.read()
            for (_, outcome) in written { hashes.insert(outcome.receiptSha256) }
            cache.write(hashes)
        }
        if let failure { throw failure }
        return batch
    }

    /// Archives one arrival and writes its signed receipt.
    func write(_ arrival: Arrival, _ decision: Receipt) throws(BoardError) -> Outcome {
        var receipt = decision
        receipt.archivedAs = try archive(arrival, receipt)
        let bytes = try ReceiptFile.signed(receipt, with: key)
        let path: String
        do {
            path = try BoardFiles.createUnique(bytes, folder: inbox.receiptsFolder, stem: Arrival.safeStem(arrival.name),
                                               ext: ".json", mode: 0o444, sync: false)
        } catch { throw BoardError(error) }
        return Outcome(receipt: receipt, receiptFile: InboxLayout.receipts + "/" + FileStore.fileName(of: path),
                       receiptSha256: ContentDigest.sha256Hex(bytes))
    }

    /// The receipt of one arrival (without where it was archived).
    func decide(_ arrival: Arrival, accepted: [String: Receipt], now: Timestamp) -> Receipt {
        var reasons = arrival.reasons
        var facts = arrival.facts
        if reasons.isEmpty, let committee = facts.committeeID, let revision = facts.revision, let earlier = accepted[committee],
           let earlierRevision = earlier.export.revision, revision <= earlierRevision {
            let same = earlier.export.contentSha256 == facts.contentSha256
            reasons.append(Receipt.Reason(code: same ? "alreadyAccepted" : "notNewer", pointer: "/revision", message: same
                ? Localized(sv: "samma export (revision \(revision)) är redan godkänd \(SwedishTime.minuteText(earlier.receivedAt))",
                            en: "the same export (revision \(revision)) was already accepted \(SwedishTime.minuteText(earlier.receivedAt))")
                : Localized(sv: "revision \(revision) är inte nyare än den redan godkända revision \(earlierRevision); spara utkastet och exportera igen",
                            en: "revision \(revision) is not newer than the revision \(earlierRevision) already accepted; save the draft and export again")))
        }
        if !reasons.isEmpty {
            // Only what the file claims; the rest is not vouched for.
            facts.headingsDone = nil
            facts.headings = nil
        }
        let handedInAt = arrival.handedInAt
        return Receipt(formID: inbox.form.id, formVersion: inbox.form.version,
                       handIn: Receipt.HandIn(file: arrival.name, sha256: arrival.sha256 ?? "", size: arrival.bytes?.count ?? 0,
                                              owner: arrival.owner, ownerID: arrival.ownerID, handedInAt: handedInAt),
                       receivedAt: now, deadline: inbox.form.deadline,
                       onTime: handedInAt < SwedishTime.endOfDay(inbox.form.deadline),
                       decision: reasons.isEmpty ? .accepted : .refused, reasons: reasons, export: facts,
                       archivedAs: nil, keyID: key.publicKey.id)
    }

    /// Keeps the bytes received: accepted ones as `accepted/FORM_COMMITTEE_rN.json`, refused
    /// ones under their own name in refused/ with the reasons beside them. Never replaces a
    /// file; an identical file already there (from a run that stopped) is reused.
    func archive(_ arrival: Arrival, _ receipt: Receipt) throws(BoardError) -> String? {
        guard let bytes = arrival.bytes else { return nil }
        let folder: String
        let stem: String
        if receipt.isAccepted, let committee = receipt.export.committeeID, let revision = receipt.export.revision {
            folder = InboxLayout.accepted
            stem = Arrival.safeStem("\(inbox.form.id)_\(committee)_r\(revision)")
        } else {
            folder = InboxLayout.refused
            stem = Arrival.safeStem(arrival.name)
        }
        let full = inbox.path + "/" + folder
        for attempt in 1...1000 {
            let name = (attempt == 1 ? stem : "\(stem)-\(attempt)") + ".json"
            let path = full + "/" + name
            do {
                try BoardFiles.createExclusive(bytes, at: path, mode: 0o444, sync: false)
            } catch {
                switch error {
                case .exists:
                    if let existing = try? FileStore.readLimited(path: path, limit: bytes.count + 1), existing == bytes {
                        return folder + "/" + name
                    }
                    continue
                case .store(let error): throw BoardError(error)
                }
            }
            if !receipt.isAccepted {
                let reasons = receipt.reasons.map { "- \($0.message.sv)\n  \($0.message.en)" }.joined(separator: "\n")
                let text = "Avvisad / refused: \(arrival.name)\nInlämnad av / handed in by: \(arrival.owner)\n\(reasons)\n"
                _ = try? BoardFiles.createUnique(Array(Sanitizer.visible(text, singleLine: false).utf8), folder: full,
                                                 stem: (attempt == 1 ? stem : "\(stem)-\(attempt)") + ".reasons", ext: ".txt",
                                                 mode: 0o444, sync: false)
            }
            return folder + "/" + name
        }
        throw BoardError(StoreError(path: full + "/" + stem + ".json", operation: "create", kind: .other(EEXIST)))
    }

    /// Removes a received file from incoming/; why not, if it could not be removed (the
    /// receipt stands, and the next run only tries the removal again).
    func removeFromIncoming(_ name: String) -> Localized? {
        let path = inbox.incomingFolder + "/" + name
        guard unlink(path) != 0 && errno != ENOENT else { return nil }
        let error = StoreError(path: path, operation: "remove", errno: errno)
        return Localized(sv: error.message(.sv), en: error.message(.en))
    }
}

/// A file found in incoming/, read and checked.
struct Arrival: Sendable {
    var name: String
    var bytes: [UInt8]?
    var sha256: String?
    var owner: String
    var ownerID: UInt32
    var handedInAt: Timestamp
    var nanoseconds = 0
    /// When the file last changed, in nanoseconds of the system clock (for `settle`).
    var modifiedNanoseconds: Int64?
    var facts: Receipt.ExportFacts
    var reasons: [Receipt.Reason]
    /// A folder in incoming/: left where it is (it cannot be taken, and removing a whole
    /// folder someone else made is not receive's business).
    var isFolder = false

    /// The largest file taken (the same as the largest draft).
    static let maximumSize = DraftCodec.maximumSize

    static func read(name: String, folder: String, form: FormDefinition, clock: BoardClock) -> Arrival {
        let path = folder + "/" + name
        var linkStatus = stat()
        let isFolder = lstat(path, &linkStatus) == 0 && (linkStatus.st_mode & S_IFMT) == S_IFDIR
        var arrival = Arrival(name: name, bytes: nil, sha256: nil, owner: "?", ownerID: UInt32.max,
                              handedInAt: clock.now(), modifiedNanoseconds: nil, facts: Receipt.ExportFacts(), reasons: [])
        if isFolder {
            arrival.isFolder = true
            return arrival
        }
        do {
            let file = try BoardFiles.readHandIn(path, limit: maximumSize)
            arrival.bytes = file.bytes
            arrival.sha256 = ContentDigest.sha256Hex(file.bytes)
            arrival.ownerID = file.ownerID
            arrival.owner = BoardFiles.userName(file.ownerID)
            arrival.handedInAt = clock.shifted(file.changed)
            arrival.nanoseconds = file.changedNanoseconds
            arrival.modifiedNanoseconds = file.modifiedNanoseconds
            let result = ExportCheck(form: form).check(file.bytes)
            arrival.facts = result.facts
            arrival.reasons = result.reasons
        } catch {
            switch error {
            case .notRegular(let owner, let changed):
                if let owner { arrival.ownerID = owner; arrival.owner = BoardFiles.userName(owner) }
                if let changed { arrival.handedInAt = clock.shifted(changed) }
                arrival.reasons = [Receipt.Reason(code: "notAFile", pointer: "", message: Localized(
                    sv: "det är ingen vanlig fil (en länk, mapp eller FIFO) och lästes inte", en: "it is not a regular file (a link, folder or FIFO) and was not read"))]
            case .tooLarge(let owner, let changed, let limit):
                arrival.ownerID = owner
                arrival.owner = BoardFiles.userName(owner)
                arrival.handedInAt = clock.shifted(changed)
                arrival.reasons = [Receipt.Reason(code: "tooLarge", pointer: "", message: Localized(
                    sv: "filen är större än \(limit / 1024 / 1024) MB och lästes inte", en: "the file is larger than \(limit / 1024 / 1024) MB and was not read"))]
            case .store(let error):
                arrival.reasons = [Receipt.Reason(code: "unreadable", pointer: "", message: Localized(sv: error.message(.sv), en: error.message(.en)))]
            }
        }
        return arrival
    }

    /// A name safe in any folder listing: ASCII letters, digits, `.`, `_` and `-`; the
    /// extension `.json` dropped; at most 100 characters.
    static func safeStem(_ name: String) -> String {
        let base = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        var result = ""
        for scalar in base.unicodeScalars.prefix(100) {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F: result.unicodeScalars.append(scalar)
            default: result.append("-")
            }
        }
        while result.hasPrefix(".") { result.removeFirst() }
        return result.isEmpty ? "fil" : result
    }
}
