import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

/// Handing a draft in to an inbox (`feedback submit`, and the submit key of the interface):
/// the draft is exported under the usual rules (errors block), the file is placed in the
/// inbox's incoming/ folder atomically, and the hand-in is recorded in the secretary's data
/// folder so that its receipt can be found later.
public struct Submission: Sendable {
    public let inbox: Inbox
    /// The secretary's data folder (where hand-in records are kept), nil for none.
    public let dataFolder: String?

    public init(inbox: Inbox, dataFolder: String?) {
        self.inbox = inbox
        self.dataFolder = dataFolder
    }

    public enum Failure: Error, Sendable {
        /// The draft has errors; nothing was handed in.
        case findings([Finding])
        /// The draft is written against another form or version than the inbox takes.
        case otherForm(Localized)
        case board(BoardError)

        public func message(_ language: Language) -> String {
            switch self {
            case .findings(let findings): return FindingsReport.summary(findings, language: language)
            case .otherForm(let message): return message[language]
            case .board(let error): return error.message(language)
            }
        }
    }

    /// What a hand-in did.
    public struct Outcome: Sendable {
        /// The file in incoming/ (nil when `alreadyAccepted`).
        public var handedInPath: String?
        /// Where the receipt will be written (relative names are predictable: the same name
        /// in receipts/).
        public var expectedReceiptPath: String?
        /// SHA-256 of the export's content (`contentSha256` in the file and the receipt).
        public var contentSha256: String
        /// SHA-256 of the exact file handed in (the receipt's `handIn.sha256`); nil when
        /// nothing was handed in.
        public var fileSha256: String?
        public var revision: Int
        /// The draft's warnings (they do not block).
        public var warnings: [Finding]
        /// The same content is already accepted: nothing was handed in again.
        public var alreadyAccepted: Receipt?
        /// The local record of this hand-in (nil without a data folder, or if it could not be
        /// written; the hand-in itself stands).
        public var recordPath: String?
    }

    /// What a replacing hand-in's name carries (`feedback submit --replace`): the board takes
    /// it as the committee's answer even though another document was accepted before. The
    /// name is part of the signed receipt, so the replacement is on record.
    public static let replaceMarker = ".replace-"

    /// Whether a file in incoming/ was handed in to replace the committee's answer.
    public static func isReplacing(_ name: String) -> Bool { name.contains(replaceMarker) }

    /// The answer that counts for the draft's committee in this inbox, when this user may
    /// read the receipts: what a hand-in of another document would replace.
    public func currentAnswer(for draft: Draft) -> Receipt? {
        guard let committee = draft.committeeID(in: inbox.form), let summary = try? LedgerSummary.load(inbox) else { return nil }
        return summary.current[committee]?.receipt
    }

    /// Whether handing `draft` in would replace the committee's accepted answer (another
    /// document, or an undecided one after a decided one): the interface asks first.
    public func wouldReplace(_ draft: Draft) -> Receipt? {
        guard let current = currentAnswer(for: draft) else { return nil }
        if current.export.documentID != draft.documentID { return current }
        let form = inbox.form
        return form.isDecided(status: current.export.status) && !form.isDecided(status: draft.status(in: form)) ? current : nil
    }

    /// Exports `draft` (stamped `exportedAt`) and hands it in; the record notes the time on
    /// `clock`. With `replace` the hand-in replaces the committee's accepted answer.
    public func submit(_ draft: Draft, exportedAt: Timestamp, clock: BoardClock = BoardClock(),
                       replace: Bool = false) throws(Failure) -> Outcome {
        guard draft.formID == inbox.form.id, draft.formVersion == inbox.form.version else {
            throw .otherForm(Localized(
                sv: "inkorgen tar emot formuläret \(inbox.form.id) version \(inbox.form.version), men utkastet är skrivet mot \(Sanitizer.visible(draft.formID)) version \(draft.formVersion); ingenting lämnades in",
                en: "the inbox takes form \(inbox.form.id) version \(inbox.form.version), but the draft is written against \(Sanitizer.visible(draft.formID)) version \(draft.formVersion); nothing was handed in"))
        }
        let result: Exporter.Result
        do { result = try Exporter(form: inbox.form).export(draft, exportedAt: exportedAt) } catch {
            switch error { case .findings(let findings): throw .findings(findings) }
        }
        if let earlier = acceptedReceipt(contentSha256: result.contentSha256) {
            return Outcome(handedInPath: nil, expectedReceiptPath: nil, contentSha256: result.contentSha256, fileSha256: nil,
                           revision: draft.revision, warnings: result.warnings, alreadyAccepted: earlier, recordPath: nil)
        }
        let stem = String(result.fileName.dropLast(".json".count))
        var placed: String?
        for _ in 0..<20 {
            let token = String(UInt32.random(in: 0...UInt32.max), radix: 16)
            let name = "\(stem)\(replace ? Submission.replaceMarker : "-")\(String(repeating: "0", count: 8 - token.count))\(token).json"
            let path = inbox.incomingFolder + "/" + name
            do {
                try BoardFiles.createExclusive(result.bytes, at: path, mode: 0o644, sync: true)
                placed = path
                break
            } catch {
                switch error {
                case .exists: continue
                case .store(let error): throw .board(BoardError(error))
                }
            }
        }
        guard let path = placed else {
            throw .board(BoardError(sv: "ingen ledig filnamn i \(Sanitizer.visible(inbox.incomingFolder))", en: "no free file name in \(Sanitizer.visible(inbox.incomingFolder))"))
        }
        let name = FileStore.fileName(of: path)
        let receiptPath = inbox.receiptsFolder + "/" + Arrival.safeStem(name) + ".json"
        let record = HandInRecord(inbox: absolute(inbox.path), file: name, documentID: draft.documentID, revision: draft.revision,
                                  committeeID: draft.committeeID(in: inbox.form) ?? "", contentSha256: result.contentSha256,
                                  fileSha256: ContentDigest.sha256Hex(result.bytes), handedInAt: clock.now(),
                                  order: BoardFiles.nanosecondsNow(), keyID: inbox.publicKey.id,
                                  publicKeyPEM: inbox.publicKey.pem)
        let recordPath = dataFolder.flatMap { try? record.save(in: $0) }
        return Outcome(handedInPath: path, expectedReceiptPath: receiptPath, contentSha256: result.contentSha256,
                       fileSha256: record.fileSha256, revision: draft.revision, warnings: result.warnings, alreadyAccepted: nil, recordPath: recordPath)
    }

    /// An accepted receipt in the inbox for this content, if the secretary may read receipts/.
    func acceptedReceipt(contentSha256: String) -> Receipt? {
        guard let ledger = try? ReceiptLedger.load(inbox) else { return nil }
        return ledger.entries.last { $0.receipt.isAccepted && $0.receipt.export.contentSha256 == contentSha256 }?.receipt
    }

    func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard let resolved = realpath(path, &buffer) else { return path }
        return String(cString: resolved)
    }
}
