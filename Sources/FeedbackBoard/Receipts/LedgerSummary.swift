import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

/// What the round's state needs of the receipts, built from them in the order they were
/// received: the answer that counts for each committee (a later revision of the same
/// document, or another document handed in to replace it), the answer it replaced, the
/// latest refusal, the count of hand-ins, which committee each accepted document belongs
/// to. `receive` keeps it in `private/ledger-summary.json` (the board's alone), stamped with
/// the receipts folder's change time, so `board status` and the overview read one small
/// file instead of every receipt; when the stamp differs, every receipt is read again.
public struct LedgerSummary: Sendable {
    public static let format = "feedback-ledger-summary"
    static let fileName = "ledger-summary.json"

    /// The accepted answer that counts, by committee.
    public var current: [String: ReceiptLedger.Entry] = [:]
    /// The last accepted receipt of a document another one replaced, by committee.
    public var replaced: [String: ReceiptLedger.Entry] = [:]
    /// The latest refused hand-in, by committee.
    public var latestRefusal: [String: ReceiptLedger.Entry] = [:]
    /// Receipts per committee of the form.
    public var handIns: [String: Int] = [:]
    /// Receipts naming no committee of the form.
    public var orphans = 0
    /// Accepted document id → its committee.
    public var documents: [String: String] = [:]
    /// Folders in incoming/ already answered.
    public var folders: Set<String> = []
    /// Files in receipts/ that are not valid receipts of this inbox.
    public var rejected: [(file: String, problems: [Localized])] = []
    /// Receipts counted.
    public var count = 0

    public init() {}

    /// Takes one more receipt, in the order received.
    mutating func apply(_ entry: ReceiptLedger.Entry, committees: Set<String>) {
        count += 1
        let receipt = entry.receipt
        if receipt.reasons.contains(where: { $0.code == "folder" }) { folders.insert(receipt.handIn.file) }
        guard let committee = receipt.export.committeeID, committees.contains(committee) else {
            orphans += 1
            return
        }
        handIns[committee, default: 0] += 1
        guard receipt.isAccepted else {
            latestRefusal[committee] = entry
            return
        }
        if let document = receipt.export.documentID, documents[document] == nil { documents[document] = committee }
        if let previous = current[committee] {
            if previous.receipt.export.documentID != receipt.export.documentID {
                replaced[committee] = previous
            } else if (previous.receipt.export.revision ?? -1) >= (receipt.export.revision ?? -1) {
                return
            }
        }
        current[committee] = entry
    }

    /// The summary of every receipt of the inbox: the stored one when the receipts folder
    /// has not changed since it was written, else built from every receipt (and stored,
    /// where this user may write private/).
    public static func load(_ inbox: Inbox) throws(BoardError) -> LedgerSummary {
        let stamp = Stamp(inbox)
        if let stamp, let stored = read(inbox, stamp: stamp) { return stored }
        let ledger = try ReceiptLedger.load(inbox)
        let summary = ledger.summary(Set(inbox.form.committees.map(\.id)))
        if let stamp { summary.save(inbox, stamp: stamp) }
        return summary
    }

    /// The receipts folder's identity and change time: any receipt made or removed changes it.
    struct Stamp: Equatable {
        var text: String

        init?(_ inbox: Inbox) {
            var status = stat()
            guard stat(inbox.receiptsFolder, &status) == 0 else { return nil }
            text = "\(status.st_dev):\(status.st_ino):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec):\(status.st_ctim.tv_sec).\(status.st_ctim.tv_nsec)"
        }
    }

    static func path(_ inbox: Inbox) -> String { inbox.privateFolder + "/" + fileName }

    /// Stored by the board only (private/ is the board's): never trusted from elsewhere.
    func save(_ inbox: Inbox, stamp: Stamp) {
        guard access(inbox.privateFolder, W_OK) == 0 else { return }
        func entry(_ e: ReceiptLedger.Entry?) -> JSONValue {
            guard let e else { return .null }
            return .object(JSONObject([("file", .string(e.file)), ("receipt", .object(e.receipt.signedJSON))]))
        }
        let committees = Set(handIns.keys).union(current.keys).union(latestRefusal.keys).sorted()
        let object = JSONObject([
            ("format", .string(LedgerSummary.format)), ("formatVersion", .integer(1)), ("stamp", .string(stamp.text)),
            ("count", .integer(count)), ("orphans", .integer(orphans)),
            ("committees", .object(JSONObject(committees.map { c in
                (c, .object(JSONObject([("current", entry(current[c])), ("replaced", entry(replaced[c])),
                                        ("latestRefusal", entry(latestRefusal[c])), ("handIns", .integer(handIns[c] ?? 0))])))
            }))),
            ("documents", .object(JSONObject(documents.keys.sorted().map { ($0, .string(documents[$0] ?? "")) }))),
            ("folders", .array(folders.sorted().map { .string($0) })),
            ("rejected", .array(rejected.map { r in
                .object(JSONObject([("file", .string(r.file)),
                                    ("problems", .array(r.problems.map { .object(JSONObject([("sv", .string($0.sv)), ("en", .string($0.en))])) }))]))
            })),
        ])
        try? FileStore().save(JSONWriter.pretty(.object(object)), to: LedgerSummary.path(inbox), newFileMode: 0o600)
    }

    static func read(_ inbox: Inbox, stamp: Stamp) -> LedgerSummary? {
        guard access(inbox.privateFolder, R_OK) == 0,
              let bytes = try? FileStore.readLimited(path: path(inbox), limit: 256 << 20),
              case .object(let o)? = try? JSONParser.parse(bytes), o["format"]?.stringValue == format,
              o["stamp"]?.stringValue == stamp.text, case .object(let committees)? = o["committees"] else { return nil }
        func entry(_ value: JSONValue?) -> ReceiptLedger.Entry?? {
            guard let value, value != .null else { return .some(nil) }
            guard case .object(let e) = value, let file = e["file"]?.stringValue, case .object(let r)? = e["receipt"],
                  case .object(let signature)? = r["signature"], let keyID = signature["keyId"]?.stringValue,
                  let receipt = try? Receipt(json: r, keyID: keyID) else { return nil }
            return .some(ReceiptLedger.Entry(receipt: receipt, file: file))
        }
        var summary = LedgerSummary()
        summary.count = o["count"]?.intValue ?? 0
        summary.orphans = o["orphans"]?.intValue ?? 0
        for (committee, value) in committees.members {
            guard case .object(let c) = value, let current = entry(c["current"]), let replaced = entry(c["replaced"]),
                  let refusal = entry(c["latestRefusal"]) else { return nil }
            summary.current[committee] = current
            summary.replaced[committee] = replaced
            summary.latestRefusal[committee] = refusal
            summary.handIns[committee] = c["handIns"]?.intValue ?? 0
        }
        if case .object(let documents)? = o["documents"] {
            for (document, value) in documents.members { summary.documents[document] = value.stringValue }
        }
        if case .array(let folders)? = o["folders"] { summary.folders = Set(folders.compactMap(\.stringValue)) }
        if case .array(let rejected)? = o["rejected"] {
            for value in rejected {
                guard case .object(let r) = value, let file = r["file"]?.stringValue, case .array(let problems)? = r["problems"] else { continue }
                summary.rejected.append((file, problems.compactMap { p in
                    guard case .object(let m) = p, let sv = m["sv"]?.stringValue, let en = m["en"]?.stringValue else { return nil }
                    return Localized(sv: sv, en: en)
                }))
            }
        }
        return summary
    }
}

extension ReceiptLedger {
    /// The summary of these receipts (for the committees `committees` of the form).
    public func summary(_ committees: Set<String>) -> LedgerSummary {
        var summary = LedgerSummary()
        for entry in entries { summary.apply(entry, committees: committees) }
        summary.rejected = rejected
        return summary
    }
}
