import FeedbackModel
import Foundation

/// Every receipt in an inbox's receipts/ folder, checked against the inbox's key: the
/// record of what the board has received. Files that do not verify are listed apart and
/// never count.
public struct ReceiptLedger: Sendable {
    /// A verified receipt and its file.
    public struct Entry: Sendable {
        public var receipt: Receipt
        /// Path relative to the inbox: `receipts/NAME.json`.
        public var file: String
    }

    /// Verified receipts, in the order they were received.
    public var entries: [Entry]
    /// Files in receipts/ that are not valid receipts of this inbox, with why.
    public var rejected: [(file: String, problems: [Localized])]

    /// Reads and verifies every `*.json` in receipts/ (in parallel; verification is the
    /// cost).
    public static func load(_ inbox: Inbox) throws(BoardError) -> ReceiptLedger {
        let names: [String]
        do { names = try BoardFiles.names(in: inbox.receiptsFolder).names.filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") } } catch {
            throw BoardError(error)
        }
        let results = ParallelMap.map(names) { name -> (String, ReceiptFile.Check) in
            let path = inbox.receiptsFolder + "/" + name
            guard let bytes = try? FileStore.readLimited(path: path, limit: ReceiptFile.maximumSize) else {
                return (name, ReceiptFile.Check(receipt: nil, problems: [Localized(sv: "kan inte läsas", en: "cannot be read")]))
            }
            return (name, ReceiptFile.verify(bytes, key: inbox.publicKey))
        }
        var entries: [Entry] = []
        var rejected: [(String, [Localized])] = []
        for (name, check) in results {
            let file = InboxLayout.receipts + "/" + name
            if check.isValid, let receipt = check.receipt, receipt.formID == inbox.form.id, receipt.formVersion == inbox.form.version {
                entries.append(Entry(receipt: receipt, file: file))
            } else {
                rejected.append((file, check.problems.isEmpty ? [Localized(sv: "gäller ett annat formulär", en: "is for another form")] : check.problems))
            }
        }
        entries.sort { ($0.receipt.receivedAt, $0.receipt.handIn.handedInAt, $0.file) < ($1.receipt.receivedAt, $1.receipt.handIn.handedInAt, $1.file) }
        return ReceiptLedger(entries: entries, rejected: rejected)
    }

    /// The newest accepted receipt of each committee (the highest revision).
    public var acceptedByCommittee: [String: Entry] {
        var result: [String: Entry] = [:]
        for entry in entries where entry.receipt.isAccepted {
            guard let committee = entry.receipt.export.committeeID else { continue }
            if let current = result[committee], (current.receipt.export.revision ?? -1) >= (entry.receipt.export.revision ?? -1) { continue }
            result[committee] = entry
        }
        return result
    }

    /// Whether a file with this name and these bytes already has a receipt (a receive that
    /// stopped before it removed the file from incoming/).
    func hasReceipt(file: String, sha256: String) -> Bool {
        entries.contains { $0.receipt.handIn.file == file && $0.receipt.handIn.sha256 == sha256 }
    }
}
