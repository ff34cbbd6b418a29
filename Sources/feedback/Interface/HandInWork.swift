import FeedbackBoard
import FeedbackInterface
import FeedbackModel

/// The interface's hand-ins: handing a draft in to the configured inbox, and where each
/// draft's last hand-in stands (the board's signed receipt checked), for the start screen
/// and the open draft.
struct HandInWork {
    /// The configured inbox (nil: none).
    let inbox: String?
    /// The secretary's data folder, where hand-ins are recorded (the drafts folder).
    let dataFolder: String
    let language: Language

    /// Where the last hand-in of each document stands, by document id (the records read once).
    func notes() -> [String: HandInNote] {
        let index = ReceiptIndex(dataFolder: dataFolder)
        var last: [String: HandInRecord] = [:]
        for record in index.records() { last[record.documentID] = record }
        return last.mapValues { note(index.summary(for: $0)) }
    }

    /// Where the last hand-in of one document stands (nil: never handed in).
    func note(forDocument documentID: String) -> HandInNote? {
        ReceiptIndex(dataFolder: dataFolder).summary(forDocument: documentID).map(note)
    }

    func note(_ summary: ReceiptSummary) -> HandInNote {
        let kind: HandInNote.Kind
        switch summary.state {
        case .waiting: kind = .waiting
        case .accepted: kind = .accepted
        case .refused: kind = .refused
        case .unverified, .superseded: kind = .problem
        }
        return HandInNote(kind: kind, text: summary.line(language))
    }

    /// "dokumentet D r5, beslutad, inlämnad … av anna": the answer a hand-in would replace.
    static func describe(_ receipt: Receipt, _ language: Language) -> String {
        let document = receipt.export.documentID ?? "?"
        let revision = receipt.export.revision.map { "r\($0)" } ?? "r?"
        let status = receipt.export.status ?? "?"
        return Sanitizer.visible(language == .sv
            ? "dokumentet \(document) \(revision), \(status), inlämnat \(SwedishTime.minuteText(receipt.handIn.handedInAt)) av \(receipt.handIn.owner)"
            : "the document \(document) \(revision), \(status), handed in \(SwedishTime.minuteText(receipt.handIn.handedInAt)) by \(receipt.handIn.owner)")
    }

    /// Hands the (saved) draft in: exported under the usual rules, placed in the inbox.
    func submit(_ draft: Draft, replace: Bool = false) -> SubmitOutcome {
        guard let inbox else {
            return .failed(language == .sv ? "ingen inkorg är inställd (inställningen inbox, se feedback config)"
                                           : "no inbox is set (the inbox setting, see feedback config)")
        }
        let opened: Inbox
        do { opened = try Inbox.open(inbox) } catch { return .failed(error.message(language)) }
        let submission = Submission(inbox: opened, dataFolder: dataFolder)
        if !replace, let current = submission.wouldReplace(draft) {
            return .wouldReplace(HandInWork.describe(current, language))
        }
        let outcome: Submission.Outcome
        do {
            outcome = try submission.submit(draft, exportedAt: BoardCommand.stampTime(), clock: BoardCommand.clock(), replace: replace)
        } catch .findings(let findings) {
            return .findings(findings)
        } catch {
            return .failed(error.message(language))
        }
        if let earlier = outcome.alreadyAccepted {
            let sv = language == .sv
            let text = (sv ? "kvitterad " : "receipted ") + SwedishTime.minuteText(earlier.receivedAt)
            return .alreadyReceived(HandInNote(kind: .accepted, text: text))
        }
        let note = self.note(forDocument: draft.documentID)
            ?? HandInNote(kind: .waiting, text: language == .sv ? "inlämnad, väntar på kvittens" : "handed in, waiting for the receipt")
        return .handedIn(path: outcome.handedInPath ?? "", contentSha256: outcome.contentSha256, note: note)
    }
}
