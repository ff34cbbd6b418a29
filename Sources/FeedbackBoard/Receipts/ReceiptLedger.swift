import FeedbackModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

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

    /// Reads and verifies every `*.json` in receipts/, in parallel. Signatures are the cost:
    /// the SHA-256 of each receipt verified once is kept in `private/verified-receipts`
    /// (readable and writable by the board only, like the key), and a file with those exact
    /// bytes is not verified again. Without access to private/ everything is verified.
    public static func load(_ inbox: Inbox) throws(BoardError) -> ReceiptLedger {
        let names: [String]
        do { names = try BoardFiles.names(in: inbox.receiptsFolder).names.filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") } } catch {
            throw BoardError(error)
        }
        let cache = VerifiedReceipts(inbox: inbox)
        let known = cache.read()
        let results = ParallelMap.map(names) { name -> (String, ReceiptFile.Check, String?) in
            let path = inbox.receiptsFolder + "/" + name
            guard let bytes = try? FileStore.readLimited(path: path, limit: ReceiptFile.maximumSize) else {
                return (name, ReceiptFile.Check(receipt: nil, problems: [Localized(sv: "kan inte läsas", en: "cannot be read")]), nil)
            }
            let sha = ContentDigest.sha256Hex(bytes)
            return (name, ReceiptFile.verify(bytes, key: inbox.publicKey, alreadyVerified: known.contains(sha)), sha)
        }
        var entries: [Entry] = []
        var rejected: [(String, [Localized])] = []
        var verified = known
        for (name, check, sha) in results {
            let file = InboxLayout.receipts + "/" + name
            if check.isValid, let receipt = check.receipt, receipt.formID == inbox.form.id, receipt.formVersion == inbox.form.version {
                entries.append(Entry(receipt: receipt, file: file))
                if let sha { verified.insert(sha) }
            } else {
                rejected.append((file, check.problems.isEmpty ? [Localized(sv: "gäller ett annat formulär", en: "is for another form")] : check.problems))
            }
        }
        if verified.count > known.count { cache.write(verified) }
        entries.sort { ($0.receipt.receivedAt, $0.receipt.handIn.handedInAt, $0.file) < ($1.receipt.receivedAt, $1.receipt.handIn.handedInAt, $1.file) }
        return ReceiptLedger(entries: entries, rejected: rejected)
    }

    /// Every committee any receipt names.
    var namedCommittees: Set<String> { Set(entries.compactMap(\.receipt.export.committeeID)) }

    /// The answer that counts for each committee (see `LedgerSummary`).
    public var acceptedByCommittee: [String: Entry] { summary(namedCommittees).current }

    /// For each committee whose answer another document replaced, the replaced one's last
    /// accepted receipt.
    public var replacedByCommittee: [String: Entry] { summary(namedCommittees).replaced }

    /// Which committee each accepted document id belongs to.
    public var committeeByDocument: [String: String] { summary(namedCommittees).documents }

    /// Whether a file with this name and these bytes already has a receipt (a receive that
    /// stopped before it removed the file from incoming/).
    func hasReceipt(file: String, sha256: String) -> Bool {
        entries.contains { $0.receipt.handIn.file == file && $0.receipt.handIn.sha256 == sha256 }
    }
}

/// The SHA-256 of every receipt file the board has verified, one per line, in
/// `private/verified-receipts`: a cache, so `status` need not check 300 signatures each time.
struct VerifiedReceipts {
    let path: String
    let folder: String

    init(inbox: Inbox) {
        folder = inbox.privateFolder
        path = inbox.privateFolder + "/verified-receipts"
    }

    func read() -> Set<String> {
        guard let bytes = try? FileStore.readLimited(path: path, limit: 64 * 1024 * 1024) else { return [] }
        return Set(String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init).filter(ContentDigest.isHexDigest))
    }

    /// Saved only where this user may write private/ (the board); a failure only costs time.
    func write(_ hashes: Set<String>) {
        guard access(folder, W_OK) == 0 else { return }
        let text = hashes.sorted().joined(separator: "\n") + "\n"
        try? FileStore().save(Array(text.utf8), to: path, newFileMode: 0o600)
    }
}
