import FeedbackBoard
import FeedbackModel

/// The feedback a board answer is for: a committee's accepted export in the round, read from
/// the inbox's archive and checked against its receipt.
public struct AnsweredFeedback: Sendable {
    public var reference: BoardAnswer.Feedback
    public var export: ExportFile

    /// The newest accepted export of `committee` in the inbox.
    public static func latest(in inbox: Inbox, committee: String) throws(BoardError) -> AnsweredFeedback {
        let ledger = try ReceiptLedger.load(inbox)
        guard let entry = ledger.acceptedByCommittee[committee] else {
            let known = inbox.form.committee(id: committee) != nil
            throw BoardError(sv: known ? "\(Sanitizer.visible(committee)) har ingen godkänd återkoppling i inkorgen ännu"
                                       : "\(Sanitizer.visible(committee)) är ingen nämnd i formuläret \(inbox.form.id)",
                             en: known ? "\(Sanitizer.visible(committee)) has no accepted feedback in the inbox yet"
                                       : "\(Sanitizer.visible(committee)) is not a committee of the form \(inbox.form.id)")
        }
        return try read(inbox: inbox, receipt: entry.receipt)
    }

    /// The accepted export a receipt names, checked byte for byte against it.
    public static func read(inbox: Inbox, receipt: Receipt) throws(BoardError) -> AnsweredFeedback {
        guard let archivedAs = receipt.archivedAs, receipt.isAccepted else {
            throw BoardError(sv: "kvittensen gäller ingen godkänd export", en: "the receipt is for no accepted export")
        }
        let path = inbox.path + "/" + archivedAs
        let bytes: [UInt8]
        do { bytes = try FileStore.readLimited(path: path, limit: DraftCodec.maximumSize) } catch { throw BoardError(error) }
        let sha = ContentDigest.sha256Hex(bytes)
        guard sha == receipt.handIn.sha256 else {
            throw BoardError(sv: "\(Sanitizer.visible(path)) är inte den fil kvittensen gäller (SHA-256 \(sha))",
                             en: "\(Sanitizer.visible(path)) is not the file its receipt is for (SHA-256 \(sha))")
        }
        let export: ExportFile
        do { export = try ExportReader.read(bytes, form: inbox.form) } catch {
            throw BoardError(sv: "\(Sanitizer.visible(path)): \(error.message.sv)", en: "\(Sanitizer.visible(path)): \(error.message.en)")
        }
        return AnsweredFeedback(
            reference: BoardAnswer.Feedback(committeeID: export.committeeID, documentID: export.documentID, revision: export.revision,
                                            contentSha256: export.statedContentSha256, archivedAs: archivedAs, fileSha256: sha),
            export: export)
    }

    /// Reads the export an answer names (`feedback.archivedAs` in `inboxPath`) and checks that
    /// it is exactly the feedback answered.
    public static func named(by answer: BoardAnswer, inboxPath: String, form: FormDefinition) throws(BoardError) -> ExportFile {
        let path = inboxPath + "/" + answer.feedback.archivedAs
        guard !answer.feedback.archivedAs.contains(".."), !answer.feedback.archivedAs.hasPrefix("/") else {
            throw BoardError(sv: "svaret anger en otillåten sökväg till exporten", en: "the answer names a path to the export that is not allowed")
        }
        let bytes: [UInt8]
        do { bytes = try FileStore.readLimited(path: path, limit: DraftCodec.maximumSize) } catch { throw BoardError(error) }
        guard ContentDigest.sha256Hex(bytes) == answer.feedback.fileSha256 else {
            throw BoardError(sv: "\(Sanitizer.visible(path)) är inte den export svaret gäller", en: "\(Sanitizer.visible(path)) is not the export the answer is for")
        }
        do { return try ExportReader.read(bytes, form: form) } catch {
            throw BoardError(sv: "\(Sanitizer.visible(path)): \(error.message.sv)", en: "\(Sanitizer.visible(path)): \(error.message.en)")
        }
    }

    /// Whether `answer` names exactly this feedback.
    public func problems(of answer: BoardAnswer) -> [AnswerProblem] {
        guard answer.feedback == reference else {
            return [AnswerProblem("/feedback", sv: "svaret gäller inte nämndens godkända export (\(reference.committeeID) revision \(reference.revision), innehåll \(reference.contentSha256.prefix(12))…); skriv ut en ny mall med --template",
                                  en: "the answer is not for the committee's accepted export (\(reference.committeeID) revision \(reference.revision), content \(reference.contentSha256.prefix(12))…); print a new template with --template")]
        }
        return []
    }

    /// The answer to fill: every heading with no judgement and no text, every row of the
    /// tables the form names with no decision.
    public func template(form: FormDefinition) -> BoardAnswer {
        let draft = export.draft
        var rows: [BoardAnswer.Row] = []
        for decisions in form.answers.rows {
            let columns = form.section(id: decisions.sectionID)?.field(id: decisions.fieldID)?.columns ?? []
            for (index, row) in (draft.value(at: .section(decisions.sectionID, decisions.fieldID))?.rows ?? []).enumerated() {
                rows.append(BoardAnswer.Row(sectionID: decisions.sectionID, fieldID: decisions.fieldID, row: index + 1,
                                            object: AnswerCheck.objectName(row, columns: columns), decision: nil, text: ""))
            }
        }
        return BoardAnswer(formID: form.id, formVersion: form.version, feedback: reference, revision: 0, answeredAt: nil, answeredBy: "",
                           headings: form.sections.map { BoardAnswer.Heading(sectionID: $0.id, judgement: nil, text: "") }, rows: rows)
    }
}
