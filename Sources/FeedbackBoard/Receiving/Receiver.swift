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
        /// Files left in incoming/ for now, with why (still being written, could not be removed).
        public var leftAlone: [(file: String, why: Localized)] = []
        /// Files whose receipt already existed (an earlier run stopped before removing them).
        public var finished: [String] = []
        /// What the board should know of this pass: owners over their share, whose files wait.
        public var notices: [Localized] = []
    }

    /// How much one pass takes: per owner (so one person cannot exhaust the board for the
    /// others), and how many bytes are held in memory at once.
    public struct Limits: Sendable {
        public var filesPerOwner = 200
        public var bytesPerOwner = 256 * 1024 * 1024
        /// Files are read and checked in groups of at most this many bytes (a larger file is
        /// a group of its own), so memory stays bounded whatever incoming/ holds.
        public var bytesInMemory = 24 * 1024 * 1024
        /// A hidden name (submit's temporary files) older than this many seconds was
        /// abandoned: it is refused and removed.
        public var hiddenGrace: Int64 = 600
        /// The most of a refused file kept in refused/ (enough to show why).
        public var refusedCopy = 1024 * 1024
        /// The board's own account (the inbox's owner, placing files sent another way) has
        /// no share limit: the limits keep other users from exhausting the board.
        public var boardUnlimited = true

        public init() {}
    }

    /// Receives everything in incoming/. Files modified less than `settle` seconds ago are
    /// left for the next run (a watcher should not read a file still being copied in).
    /// Every entry is answered with a receipt its owner can see: hidden names once
    /// abandoned, names that are not UTF-8, folders; each owner's share of a pass is
    /// limited, and the rest waits with a notice naming the owner.
    public func receiveAll(settle: Int64 = 0, limits: Limits = Limits()) throws(BoardError) -> Batch {
        let now = clock.now()
        let lock = try ReceiveLock.acquire(inbox)
        defer { lock.release() }
        var batch = Batch()
        var summary = try LedgerSummary.load(inbox)
        let permissions = try HandInPermissions.load(inbox)
        let listing: (names: [String], notUTF8: [[UInt8]])
        do { listing = try BoardFiles.rawNames(in: inbox.incomingFolder) } catch { throw BoardError(error) }
        let answeredFolders = summary.folders
        var pending: [Listed] = []
        let realNow = BoardFiles.nanosecondsNow()
        for name in listing.names {
            guard let listed = Listed.stat(name: name, raw: nil, folder: inbox.incomingFolder) else { continue }
            if listed.isFolder && answeredFolders.contains(listed.name) { continue }
            if name.hasPrefix(".") && !listed.isFolder && realNow - listed.changedNanosecondsSinceEpoch < limits.hiddenGrace * 1_000_000_000 { continue }
            if settle > 0, !listed.isFolder, realNow - listed.modifiedNanoseconds < settle * 1_000_000_000 {
                batch.leftAlone.append((name, Localized(sv: "ändrades nyss; tas emot vid nästa körning", en: "changed just now; received next time")))
                continue
            }
            pending.append(listed)
        }
        for raw in listing.notUTF8 {
            if let listed = Listed.stat(name: Sanitizer.visible(String(decoding: raw, as: UTF8.self)), raw: raw, folder: inbox.incomingFolder) {
                pending.append(listed)
            }
        }
        // In the order they were handed in, so an older revision after a newer is refused.
        pending.sort { ($0.changed, $0.changedNanoseconds, $0.name) < ($1.changed, $1.changedNanoseconds, $1.name) }
        pending = share(pending, limits: limits, batch: &batch)

        var accepted = summary.current.mapValues { $0.receipt }
        var documents = summary.documents
        var failure: BoardError?
        var verified: [String] = []
        // Groups of bounded size: read and checked in parallel, decided in order, written in
        // parallel; only one group's bytes are in memory at a time.
        for group in Receiver.groups(pending, bytes: limits.bytesInMemory) {
            let form = inbox.form
            let folder = inbox.incomingFolder
            let clock = self.clock
            let arrivals = ParallelMap.map(group) { listed in Arrival.read(listed, folder: folder, form: form, clock: clock) }
            var decided: [(Arrival, Receipt)] = []
            for arrival in arrivals {
                if let sha = arrival.sha256, hasReceipt(file: arrival.name, sha256: sha) {
                    if let problem = removeFromIncoming(arrival) { batch.leftAlone.append((arrival.name, problem)) }
                    batch.finished.append(arrival.name)
                    continue
                }
                let receipt = decide(arrival, accepted: accepted, documents: documents, permissions: permissions, now: now)
                if receipt.isAccepted, let committee = receipt.export.committeeID {
                    accepted[committee] = receipt
                    if let document = receipt.export.documentID, documents[document] == nil { documents[document] = committee }
                }
                decided.append((arrival, receipt))
            }
            let refusedCopy = limits.refusedCopy
            let results = ParallelMap.map(decided) { arrival, decision -> Result<Outcome, BoardError> in
                do throws(BoardError) { return .success(try write(arrival, decision, refusedCopy: refusedCopy)) } catch { return .failure(error) }
            }
            var written: [(Arrival, Outcome)] = []
            for (index, result) in results.enumerated() {
                switch result {
                case .success(let outcome): written.append((decided[index].0, outcome))
                case .failure(let error): failure = failure ?? error
                }
            }
            // A file that could not be archived and receipted stays in incoming/ for the next
            // run; the others are finished first.
            guard !written.isEmpty else { continue }
            // One flush for the group: archive and receipts are on disk before any file
            // handed in leaves incoming/.
            do { try BoardFiles.syncFileSystem(inbox.path) } catch { throw BoardError(error) }
            let problems = ParallelMap.map(written.map(\.0)) { arrival in
                arrival.isFolder ? nil : removeFromIncoming(arrival)
            }
            for ((arrival, outcome), problem) in zip(written, problems) {
                if let problem { batch.leftAlone.append((arrival.name, problem)) }
                batch.outcomes.append(outcome)
                verified.append(outcome.receiptSha256)
            }
            let committees = Set(inbox.form.committees.map(\.id))
            for (_, outcome) in written {
                summary.apply(ReceiptLedger.Entry(receipt: outcome.receipt, file: outcome.receiptFile), committees: committees)
            }
            BoardFiles.syncDirectory(inbox.incomingFolder)
        }
        // The receipts just signed need no verifying by the next status, and its summary
        // already counts them (stamped now: a receipt made by anything else later shows).
        if !verified.isEmpty, let stamp = LedgerSummary.Stamp(inbox) { summary.save(inbox, stamp: stamp) }
        if !verified.isEmpty {
            let cache = VerifiedReceipts(inbox: inbox)
            var hashes = cache.read()
            hashes.formUnion(verified)
            cache.write(hashes)
        }
        if let failure { throw failure }
        return batch
    }

    /// Whether a file with this name and these bytes already has a receipt (a receive that
    /// stopped before it removed the file from incoming/): its receipt's name is known.
    func hasReceipt(file: String, sha256: String) -> Bool {
        let stem = inbox.receiptsFolder + "/" + Arrival.safeStem(file)
        for attempt in 1...20 {
            let path = attempt == 1 ? stem + ".json" : "\(stem)-\(attempt).json"
            guard let bytes = try? FileStore.readLimited(path: path, limit: ReceiptFile.maximumSize) else { return false }
            let check = ReceiptFile.verify(bytes, key: inbox.publicKey)
            if check.isValid, let receipt = check.receipt, receipt.handIn.file == file, receipt.handIn.sha256 == sha256 { return true }
        }
        return false
    }

    /// Each owner's share of a pass (files and bytes, in hand-in order; an owner's first file
    /// always fits); the rest waits for the next pass, with a notice naming the owner.
    func share(_ pending: [Listed], limits: Limits, batch: inout Batch) -> [Listed] {
        var files: [UInt32: Int] = [:]
        var bytes: [UInt32: Int] = [:]
        var waiting: [UInt32: (files: Int, bytes: Int)] = [:]
        var taken: [Listed] = []
        let board = inboxOwner
        for listed in pending {
            let size = min(listed.size, Arrival.maximumSize)
            let owner = listed.ownerID
            if limits.boardUnlimited && owner == board {
                taken.append(listed)
                continue
            }
            if files[owner, default: 0] >= limits.filesPerOwner || (files[owner, default: 0] > 0 && bytes[owner, default: 0] + size > limits.bytesPerOwner) {
                waiting[owner, default: (0, 0)].files += 1
                waiting[owner, default: (0, 0)].bytes += listed.size
                continue
            }
            files[owner, default: 0] += 1
            bytes[owner, default: 0] += size
            taken.append(listed)
        }
        for (owner, left) in waiting.sorted(by: { $0.key < $1.key }) {
            let name = Sanitizer.visible(BoardFiles.userName(owner))
            let megabytes = max(1, left.bytes / 1024 / 1024)
            batch.notices.append(Localized(
                sv: "\(name) har lämnat in mer än en omgång tar (högst \(limits.filesPerOwner) filer och \(limits.bytesPerOwner / 1024 / 1024) MB per person): \(left.files) filer (\(megabytes) MB) väntar till nästa körning",
                en: "\(name) has handed in more than one pass takes (at most \(limits.filesPerOwner) files and \(limits.bytesPerOwner / 1024 / 1024) MB per person): \(left.files) files (\(megabytes) MB) wait for the next run"))
        }
        return taken
    }

    /// Consecutive groups of at most `bytes` bytes (a larger entry is a group of its own).
    static func groups(_ pending: [Listed], bytes: Int) -> [[Listed]] {
        var groups: [[Listed]] = []
        var current: [Listed] = []
        var size = 0
        for listed in pending {
            let cost = min(listed.size, Arrival.maximumSize + 1)
            if !current.isEmpty && size + cost > bytes {
                groups.append(current)
                current = []
                size = 0
            }
            current.append(listed)
            size += cost
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    /// Archives one arrival and writes its signed receipt.
    func write(_ arrival: Arrival, _ decision: Receipt, refusedCopy: Int = Limits().refusedCopy) throws(BoardError) -> Outcome {
        var receipt = decision
        receipt.archivedAs = try archive(arrival, receipt, refusedCopy: refusedCopy)
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
    func decide(_ arrival: Arrival, accepted: [String: Receipt], documents: [String: String] = [:],
                permissions: HandInPermissions, now: Timestamp) -> Receipt {
        var reasons = arrival.reasons
        var facts = arrival.facts
        if arrival.bytes != nil, let committee = facts.committeeID, inbox.form.committee(id: committee) != nil,
           let refusal = permissionRefusal(arrival, committee: committee, permissions: permissions) {
            reasons.insert(refusal, at: 0)
        }
        if reasons.isEmpty, let committee = facts.committeeID, let revision = facts.revision {
            reasons += answerRefusals(committee: committee, revision: revision, facts: facts, replacing: Submission.isReplacing(arrival.name),
                                      earlier: accepted[committee], documents: documents)
        }
        if !reasons.isEmpty {
            // Only what the file claims; the rest is not vouched for.
            facts.headingsDone = nil
            facts.headings = nil
        }
        let handedInAt = arrival.handedInAt
        return Receipt(formID: inbox.form.id, formVersion: inbox.form.version,
                       handIn: Receipt.HandIn(file: arrival.name, sha256: arrival.sha256 ?? "", size: arrival.size,
                                              owner: arrival.owner, ownerID: arrival.ownerID, handedInAt: handedInAt),
                       receivedAt: now, deadline: inbox.form.deadline,
                       onTime: handedInAt < SwedishTime.endOfDay(inbox.form.deadline),
                       decision: reasons.isEmpty ? .accepted : .refused, reasons: reasons, export: facts,
                       archivedAs: nil, keyID: key.publicKey.id)
    }

    /// One answer per committee: revisions compare within one document; another document
    /// counts only when handed in to replace the accepted one, and a decided answer gives
    /// way to an undecided one only then; a document accepted for another committee is not
    /// taken for this one.
    func answerRefusals(committee: String, revision: Int, facts: Receipt.ExportFacts, replacing: Bool, earlier: Receipt?,
                        documents: [String: String]) -> [Receipt.Reason] {
        if let document = facts.documentID, let owner = documents[document], owner != committee {
            return [Receipt.Reason(code: "documentOfOtherCommittee", pointer: "/documentId", message: Localized(
                sv: "dokumentet \(Sanitizer.visible(document)) är redan godkänt som \(owner)s återkoppling och kan inte lämnas in för \(committee)",
                en: "the document \(Sanitizer.visible(document)) is already accepted as \(owner)'s feedback and cannot be handed in for \(committee)"))]
        }
        guard let earlier, let earlierRevision = earlier.export.revision else { return [] }
        let form = inbox.form
        let who = "r\(earlierRevision), \(SwedishTime.minuteText(earlier.handIn.handedInAt)), \(Sanitizer.visible(earlier.handIn.owner))"
        if earlier.export.documentID != facts.documentID {
            guard replacing else {
                let document = Sanitizer.visible(earlier.export.documentID ?? "?")
                return [Receipt.Reason(code: "otherDocument", pointer: "/documentId", message: Localized(
                    sv: "nämnden har redan en godkänd återkoppling, dokumentet \(document) (\(who)); ett annat dokument ersätter den bara om det lämnas in med feedback submit --replace",
                    en: "the committee already has accepted feedback, the document \(document) (\(who)); another document replaces it only when handed in with feedback submit --replace"))]
            }
            return []
        }
        if revision <= earlierRevision {
            let same = earlier.contentSha256Matches(facts)
            return [Receipt.Reason(code: same ? "alreadyAccepted" : "notNewer", pointer: "/revision", message: same
                ? Localized(sv: "samma export (revision \(revision)) är redan godkänd \(SwedishTime.minuteText(earlier.receivedAt))",
                            en: "the same export (revision \(revision)) was already accepted \(SwedishTime.minuteText(earlier.receivedAt))")
                : Localized(sv: "revision \(revision) är inte nyare än den redan godkända revision \(earlierRevision); spara utkastet och exportera igen",
                            en: "revision \(revision) is not newer than the revision \(earlierRevision) already accepted; save the draft and export again"))]
        }
        if form.isDecided(status: earlier.export.status) && !form.isDecided(status: facts.status) && !replacing {
            return [Receipt.Reason(code: "undecidedAfterDecided", pointer: "/status", message: Localized(
                sv: "den godkända återkopplingen (\(who)) är beslutad, den här är det inte; den ersätter en beslutad bara om den lämnas in med feedback submit --replace",
                en: "the accepted feedback (\(who)) is decided, this one is not; it replaces a decided one only when handed in with feedback submit --replace"))]
        }
        return []
    }

    /// Why the file's owner may not hand in for `committee`, or nil when they may: they are
    /// on the committee's list, or they are the board itself (the inbox's owner, placing a
    /// file sent another way), or the round is personal and the committee has no list.
    func permissionRefusal(_ arrival: Arrival, committee: String, permissions: HandInPermissions) -> Receipt.Reason? {
        let entries = permissions.entries(for: committee)
        if arrival.ownerID == inboxOwner { return nil }
        if entries.isEmpty && inbox.manifest.group == nil { return nil }
        if permissions.allows(uid: arrival.ownerID, committee: committee) { return nil }
        let who = Sanitizer.visible(arrival.owner)
        let name = inbox.form.committee(id: committee).map { Sanitizer.visible($0.name) } ?? committee
        let nameEn = inbox.form.committee(id: committee).map { Sanitizer.visible($0.nameEn) } ?? committee
        let listed = entries.map { Sanitizer.visible($0) }.joined(separator: ", ")
        return Receipt.Reason(code: "notAllowed", pointer: "/committee/id", message: entries.isEmpty
            ? Localized(sv: "ingen får lämna in för \(committee) (\(name)) ännu, inte heller \(who); styrelsen anger vilka med feedback board allow",
                        en: "nobody may hand in for \(committee) (\(nameEn)) yet, \(who) neither; the board names who with feedback board allow")
            : Localized(sv: "\(who) får inte lämna in för \(committee) (\(name)); det får: \(listed)",
                        en: "\(who) may not hand in for \(committee) (\(nameEn)); those who may: \(listed)"))
    }

    /// The inbox folder's owner: the board's account.
    var inboxOwner: UInt32 {
        var status = stat()
        return stat(inbox.path, &status) == 0 ? status.st_uid : geteuid()
    }

    /// Keeps the bytes received: accepted ones as `accepted/FORM_COMMITTEE_rN.json`, refused
    /// ones under their own name in refused/ with the reasons beside them. Never replaces a
    /// file; an identical file already there (from a run that stopped) is reused.
    func archive(_ arrival: Arrival, _ receipt: Receipt, refusedCopy: Int) throws(BoardError) -> String? {
        guard let all = arrival.bytes else { return nil }
        // Of a refused file, only as much as shows why.
        let bytes = receipt.isAccepted || all.count <= refusedCopy ? all : Array(all.prefix(refusedCopy))
        let whole = max(arrival.size, all.count)
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
                var text = "Avvisad / refused: \(arrival.name)\nInlämnad av / handed in by: \(arrival.owner)\n\(reasons)\n"
                if bytes.count < whole {
                    text += "Sparat / kept: de första \(bytes.count) av \(whole) byte / the first \(bytes.count) of \(whole) bytes\n"
                }
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
    func removeFromIncoming(_ arrival: Arrival) -> Localized? {
        let path = inbox.incomingFolder + "/" + arrival.name
        let failed: Bool
        if let raw = arrival.rawName {
            failed = BoardFiles.withRawPath(folder: inbox.incomingFolder, name: raw) { unlink($0) } != 0
        } else {
            failed = unlink(path) != 0
        }
        guard failed && errno != ENOENT else { return nil }
        let error = StoreError(path: path, operation: "remove", errno: errno)
        return Localized(sv: error.message(.sv), en: error.message(.en))
    }
}

/// An entry of incoming/ as listed, before anything of it is read.
struct Listed: Sendable {
    var name: String
    /// The name's bytes when they are not UTF-8.
    var raw: [UInt8]?
    var ownerID: UInt32
    var changed: Timestamp
    var changedNanoseconds: Int
    var changedNanosecondsSinceEpoch: Int64
    var modifiedNanoseconds: Int64
    var size: Int
    var isFolder: Bool

    /// The entry's status without following a link; nil when it is gone.
    static func stat(name: String, raw: [UInt8]?, folder: String) -> Listed? {
        var status = Glibc.stat()
        let result = raw.map { raw in BoardFiles.withRawPath(folder: folder, name: raw) { lstat($0, &status) } } ?? lstat(folder + "/" + name, &status)
        guard result == 0 else { return nil }
        return Listed(name: name, raw: raw, ownerID: status.st_uid, changed: Timestamp(secondsSinceEpoch: Int64(status.st_ctim.tv_sec)),
                      changedNanoseconds: Int(status.st_ctim.tv_nsec),
                      changedNanosecondsSinceEpoch: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec),
                      modifiedNanoseconds: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
                      size: Int(status.st_size), isFolder: (status.st_mode & S_IFMT) == S_IFDIR)
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
    /// A folder in incoming/: answered once, left where it is (removing a whole folder
    /// someone else made is not receive's business).
    var isFolder = false
    /// The name's bytes when they are not UTF-8 (`name` is then only its visible form).
    var rawName: [UInt8]?
    /// The whole file's size (`bytes` may be only its start, when it cannot be an export).
    var size = 0

    /// The largest file taken (the same as the largest draft).
    static let maximumSize = DraftCodec.maximumSize

    static func read(_ listed: Listed, folder: String, form: FormDefinition, clock: BoardClock) -> Arrival {
        let path = folder + "/" + listed.name
        var arrival = Arrival(name: listed.name, bytes: nil, sha256: nil, owner: BoardFiles.userName(listed.ownerID), ownerID: listed.ownerID,
                              handedInAt: clock.shifted(listed.changed), nanoseconds: listed.changedNanoseconds,
                              modifiedNanoseconds: listed.modifiedNanoseconds, facts: Receipt.ExportFacts(), reasons: [])
        arrival.rawName = listed.raw
        func refuse(_ code: String, _ message: Localized) -> Arrival {
            arrival.reasons = [Receipt.Reason(code: code, pointer: "", message: message)]
            return arrival
        }
        if listed.raw != nil {
            return refuse("nameNotUTF8", Localized(sv: "filnamnet är inte UTF-8 och lästes inte; lämna in med feedback submit",
                                                   en: "the file name is not UTF-8 and was not read; hand in with feedback submit"))
        }
        if listed.isFolder {
            arrival.isFolder = true
            return refuse("folder", Localized(sv: "en mapp, ingen fil: den lästes inte och lämnas kvar; ta bort den",
                                              en: "a folder, not a file: it was not read and is left where it is; remove it"))
        }
        if listed.name.hasPrefix(".") {
            return refuse("hiddenName", Localized(sv: "namnet börjar med en punkt (en dold eller övergiven fil) och lästes inte; lämna in med feedback submit",
                                                  en: "the name starts with a dot (a hidden or abandoned file) and was not read; hand in with feedback submit"))
        }
        do {
            let file = try BoardFiles.readHandIn(path, limit: maximumSize)
            arrival.bytes = file.bytes
            arrival.sha256 = file.sha256
            arrival.size = file.size
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
