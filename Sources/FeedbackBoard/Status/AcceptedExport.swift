import FeedbackModel

/// A committee's accepted export read back from the archive for viewing: the draft it
/// holds (to show read-only), its findings (warnings only: it was accepted), its receipt.
public struct AcceptedExport: Sendable {
    public var committee: Committee
    public var receipt: Receipt
    public var export: ExportFile
    /// The archived file's path.
    public var path: String

    public var draft: Draft { export.draft }
}

extension Inbox {
    /// The accepted export that counts for a committee, checked against its receipt's
    /// SHA-256 (an archived file changed since is refused, not shown).
    public func acceptedExport(of state: CommitteeState) throws(BoardError) -> AcceptedExport {
        guard let receipt = state.accepted, let archived = receipt.archivedAs else {
            throw BoardError(sv: "\(state.committee.name) har ingen godkänd export", en: "\(state.committee.nameEn) has no accepted export")
        }
        let path = self.path + "/" + archived
        let bytes: [UInt8]
        do { bytes = try FileStore.readLimited(path: path, limit: Arrival.maximumSize) } catch { throw BoardError(error) }
        guard ContentDigest.sha256Hex(bytes) == receipt.handIn.sha256 else {
            throw BoardError(sv: "arkivfilen \(Sanitizer.visible(archived)) har ändrats sedan kvittensen",
                             en: "the archived file \(Sanitizer.visible(archived)) has changed since its receipt")
        }
        do {
            return AcceptedExport(committee: state.committee, receipt: receipt, export: try ExportReader.read(bytes, form: form), path: path)
        } catch {
            throw BoardError(error.message)
        }
    }

    /// The findings of an accepted export (its warnings), as the validator gives them.
    public func findings(of accepted: AcceptedExport) -> [Finding] {
        Validator(form: form).validate(accepted.draft)
    }
}
