import FeedbackBoard
import FeedbackInterface
import FeedbackModel
import Foundation

/// The board's overview in the terminal interface: the inbox's round status as rows, and a
/// committee's accepted export opened read-only (checked against its receipt first).
final class BoardWork {
    let inbox: Inbox
    let language: Language
    let today: SimpleDate
    let exportFolder: String
    private(set) var status: RoundStatus
    /// When the inbox was last read (the overview reads it again now and then).
    private(set) var readAt = Date().timeIntervalSince1970

    init(inbox: Inbox, language: Language, today: SimpleDate, exportFolder: String) throws(BoardError) {
        self.inbox = inbox
        self.language = language
        self.today = today
        self.exportFolder = exportFolder
        status = try RoundStatus.load(inbox)
    }

    /// Reads the inbox again; the problem when it cannot be read (the old status stays).
    func reload() -> String? {
        readAt = Date().timeIntervalSince1970
        do { status = try RoundStatus.load(inbox) } catch { return error.message(language) }
        return nil
    }

    func overview() -> BoardOverview {
        let rows = status.committees.map { state -> BoardRow in
            let kind: BoardRow.Kind
            switch state.kind {
            case .missing: kind = .missing
            case .refused: kind = .refused
            case .received: kind = state.isDecided ? .decided : .received
            }
            return BoardRow(committeeID: state.committee.id, name: state.committee.name(language), kind: kind,
                            state: status.line(for: state, language: language), late: state.accepted.map { !$0.onTime } ?? false)
        }
        // Named absolutely, wherever the overview was started.
        let path = URL(fileURLWithPath: inbox.path).standardizedFileURL.path
        return BoardOverview(title: status.title(language: language), inbox: path, rows: rows, summary: status.summaryLine(language),
                             notes: status.notes(language: language))
    }

    /// The accepted export of the committee in `row`, as a read-only draft whose notice is
    /// its receipt; or why it cannot be shown (a file changed since its receipt is not).
    enum Opened {
        case success(EditorSession)
        case failure(String)
    }

    func session(row: Int) -> Opened {
        guard status.committees.indices.contains(row) else { return .failure(language == .sv ? "ingen sådan nämnd" : "no such committee") }
        let state = status.committees[row]
        let accepted: AcceptedExport
        do { accepted = try inbox.acceptedExport(of: state) } catch { return .failure(error.message(language)) }
        let receipt = accepted.receipt
        let sv = language == .sv
        let revision = receipt.export.revision ?? accepted.draft.revision
        let sha = String((receipt.export.contentSha256 ?? receipt.handIn.sha256).prefix(12))
        let onTime = receipt.onTime ? (sv ? "i tid" : "on time") : (sv ? "efter sista dagen" : "after the deadline")
        let words = ActionWords.keys(language: language)
        let next = words.name(.nextCommittee, in: .boardCommittee).map { sv ? "; \($0) nästa nämnd" : "; \($0) next committee" } ?? ""
        let back = words.name(.backToBoard, in: .boardCommittee).map { sv ? ", \($0) överblicken" : ", \($0) the overview" } ?? ""
        let message = sv
            ? "mottagen export r\(revision), kvitterad \(SwedishTime.minuteText(receipt.receivedAt)) (\(onTime)), inlämnad av \(Sanitizer.visible(receipt.handIn.owner)), SHA-256 \(sha)…\(next)\(back)"
            : "accepted export r\(revision), receipted \(SwedishTime.minuteText(receipt.receivedAt)) (\(onTime)), handed in by \(Sanitizer.visible(receipt.handIn.owner)), SHA-256 \(sha)…\(next)\(back)"
        // Never saved where it was read: a copy (Ctrl-W) is proposed in the working folder.
        let path = FileManager.default.currentDirectoryPath + "/" + FileStore.fileName(of: accepted.path)
        var session = EditorSession(form: inbox.form, draft: accepted.draft, path: path, language: language, exportFolder: exportFolder,
                                    readOnly: ReadOnlyReason(message: message), today: today)
        let findings = inbox.findings(of: accepted)
        let show = words.name(.findings).map { sv ? " (\($0) visar dem)" : " (\($0) shows them)" } ?? ""
        session.showMessage("\(state.committee.name(language)): \(FindingsReport.summary(findings, language: language))\(show).", isError: false)
        return .success(session)
    }
}
