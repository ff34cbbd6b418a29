import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

/// The secretary's side of receipts: for each hand-in recorded in the data folder, whether
/// the board has receipted it, and the line the interface shows ("kvitterad 2027-04-15 10:02").
public struct ReceiptIndex: Sendable {
    public let dataFolder: String

    public init(dataFolder: String) {
        self.dataFolder = dataFolder
    }

    /// Every hand-in recorded, in the order they were made.
    public func records() -> [HandInRecord] {
        let folder = dataFolder + "/" + HandInRecord.folderName
        guard let names = try? BoardFiles.names(in: folder).names else { return [] }
        var records: [HandInRecord] = []
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            guard let bytes = try? FileStore.readLimited(path: folder + "/" + name, limit: 1 << 20),
                  let record = HandInRecord(json: bytes) else { continue }
            records.append(record)
        }
        return records.sorted { ($0.order, $0.file) < ($1.order, $1.file) }
    }

    /// The hand-in a receipt is for (the same file name and bytes), if it was made from this
    /// data folder: its record holds the key pinned at hand-in.
    public func record(for receipt: Receipt) -> HandInRecord? {
        records().last { $0.file == receipt.handIn.file && $0.fileSha256 == receipt.handIn.sha256 }
    }

    /// The state of the latest hand-in of a document (a draft's `documentID`), or nil when
    /// it was never handed in.
    public func summary(forDocument documentID: String) -> ReceiptSummary? {
        records().last { $0.documentID == documentID }.map(summary(for:))
    }

    /// The state of the hand-in of exactly this export content, if it was handed in.
    public func summary(forContent contentSha256: String) -> ReceiptSummary? {
        records().last { $0.contentSha256 == contentSha256 }.map(summary(for:))
    }

    /// Looks for the board's receipt of a hand-in and checks it: signed with the key the
    /// inbox had at hand-in, for exactly the bytes handed in.
    public func summary(for record: HandInRecord) -> ReceiptSummary {
        let base = String(record.receiptPath.dropLast(".json".count))
        for attempt in 1...5 {
            let path = attempt == 1 ? record.receiptPath : "\(base)-\(attempt).json"
            guard let bytes = try? FileStore.readLimited(path: path, limit: ReceiptFile.maximumSize) else {
                if attempt == 1 && !FileStore().exists(path) {
                    return ReceiptSummary(record: record, state: .waiting, receipt: nil, receiptPath: nil, problems: [])
                }
                continue
            }
            // The key pinned at hand-in; only old records without one fall back to the
            // inbox's current key file (checked against the recorded id below).
            let keyPath = record.inbox + "/" + InboxLayout.publicKey
            guard let key = record.pinnedKey ?? (try? FileStore.readLimited(path: keyPath, limit: 64 * 1024))
                    .flatMap({ try? ReceiptPublicKey(pem: String(decoding: $0, as: UTF8.self)) }) else {
                return ReceiptSummary(record: record, state: .unverified, receipt: nil, receiptPath: path, problems: [
                    Localized(sv: "inkorgens offentliga nyckel kan inte läsas", en: "the inbox's public key cannot be read")])
            }
            let check = ReceiptFile.verify(bytes, key: key)
            guard let receipt = check.receipt, receipt.handIn.file == record.file else { continue }
            var problems = check.problems
            if key.id != record.keyID {
                problems.append(Localized(sv: "inkorgens nyckel har bytts sedan inlämningen (\(record.keyID) → \(key.id))",
                                          en: "the inbox's key has changed since the hand-in (\(record.keyID) → \(key.id))"))
            }
            if receipt.handIn.sha256 != record.fileSha256 {
                problems.append(Localized(sv: "kvittensen gäller en annan fil än den som lämnades in", en: "the receipt is for another file than the one handed in"))
            }
            guard problems.isEmpty else {
                return ReceiptSummary(record: record, state: .unverified, receipt: receipt, receiptPath: path, problems: problems)
            }
            if receipt.isAccepted, let current = currentAnswer(of: record, key: key), current.handIn.sha256 != receipt.handIn.sha256 {
                return ReceiptSummary(record: record, state: .superseded, receipt: receipt, receiptPath: path, problems: [],
                                      supersededBy: current)
            }
            return ReceiptSummary(record: record, state: receipt.isAccepted ? .accepted : .refused, receipt: receipt,
                                  receiptPath: path, problems: [])
        }
        return ReceiptSummary(record: record, state: .waiting, receipt: nil, receiptPath: nil, problems: [])
    }
}

extension ReceiptIndex {
    /// The answer that counts for the record's committee now (the board's receipts, read
    /// where this user may read them and signed with the pinned key), nil when unknown.
    func currentAnswer(of record: HandInRecord, key: ReceiptPublicKey) -> Receipt? {
        guard let inbox = try? Inbox.open(record.inbox), inbox.publicKey == key,
              let summary = try? LedgerSummary.load(inbox) else { return nil }
        return summary.current[record.committeeID]?.receipt
    }
}

/// One hand-in's receipt state, as the secretary sees it.
public struct ReceiptSummary: Sendable {
    public enum State: String, Sendable, Equatable {
        /// No receipt yet.
        case waiting
        /// Receipted and accepted.
        case accepted
        /// Receipted and refused (the reasons are in the receipt).
        case refused
        /// A receipt is there but does not verify.
        case unverified
        /// Accepted, but another hand-in now counts for the committee.
        case superseded
    }

    public var record: HandInRecord
    public var state: State
    public var receipt: Receipt?
    public var receiptPath: String?
    public var problems: [Localized]
    /// For `superseded`: the receipt of the answer that counts now.
    public var supersededBy: Receipt?

    public init(record: HandInRecord, state: State, receipt: Receipt?, receiptPath: String?, problems: [Localized],
                supersededBy: Receipt? = nil) {
        self.record = record
        self.state = state
        self.receipt = receipt
        self.receiptPath = receiptPath
        self.problems = problems
        self.supersededBy = supersededBy
    }

    /// "kvitterad 2027-04-15 10:02", "avvisad 2027-04-15 10:02: …", "inlämnad …, väntar på
    /// kvittens": one line, safe to print.
    public func line(_ language: Language) -> String {
        let sv = language == .sv
        switch state {
        case .waiting:
            return sv ? "inlämnad \(SwedishTime.minuteText(record.handedInAt)), väntar på kvittens"
                      : "handed in \(SwedishTime.minuteText(record.handedInAt)), waiting for the receipt"
        case .accepted:
            guard let receipt else { return "" }
            let late = receipt.onTime ? "" : (sv ? " (efter sista dagen)" : " (after the deadline)")
            return (sv ? "kvitterad " : "receipted ") + SwedishTime.minuteText(receipt.receivedAt) + late
        case .refused:
            guard let receipt else { return "" }
            var text = (sv ? "avvisad " : "refused ") + SwedishTime.minuteText(receipt.receivedAt)
            if let first = receipt.reasons.first { text += ": " + first.message[language] }
            return Sanitizer.visible(text)
        case .superseded:
            guard let receipt, let current = supersededBy else { return "" }
            let revision = current.export.revision.map { "r\($0)" } ?? "r?"
            return Sanitizer.visible(sv
                ? "kvitterad \(SwedishTime.minuteText(receipt.receivedAt)), sedan ersatt av \(revision) inlämnad \(SwedishTime.minuteText(current.handIn.handedInAt)) av \(current.handIn.owner)"
                : "receipted \(SwedishTime.minuteText(receipt.receivedAt)), then superseded by \(revision) handed in \(SwedishTime.minuteText(current.handIn.handedInAt)) by \(current.handIn.owner)")
        case .unverified:
            let why = problems.first.map { $0[language] } ?? ""
            return Sanitizer.visible((sv ? "kvittensen kan inte godtas: " : "the receipt cannot be trusted: ") + why)
        }
    }
}
