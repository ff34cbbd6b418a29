import FeedbackModel

/// Where the latest hand-in of a draft to the regional board stands, as the secretary sees
/// it: "kvitterad 2027-04-15 10:02", "avvisad …: why", "inlämnad …, väntar på kvittens".
/// The shell reads the hand-in records and the board's signed receipts; the core only shows.
public struct HandInNote: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Handed in, no receipt yet.
        case waiting
        /// Receipted and accepted by the board.
        case accepted
        /// Receipted and refused (the text says why).
        case refused
        /// A receipt is there but cannot be trusted (the text says why).
        case problem
    }

    public var kind: Kind
    /// One line, safe to print, in the interface's language.
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    var role: ColorRole {
        switch kind {
        case .accepted: return .ok
        case .waiting: return .accent
        case .refused, .problem: return .error
        }
    }
}

/// What handing a draft in to the board's inbox came to (reported by the shell).
public enum SubmitOutcome: Sendable {
    /// The file is in the inbox; the receipt follows when the board receives it.
    case handedIn(path: String, contentSha256: String, note: HandInNote)
    /// The same content was already received and receipted: nothing was handed in again.
    case alreadyReceived(HandInNote)
    /// The export's rules said no (errors): nothing was handed in.
    case findings([Finding])
    /// The inbox could not be used (said in the user's language).
    case failed(String)
    /// Nothing was handed in: it would replace the committee's accepted answer (described,
    /// safe to print), so the user is asked first.
    case wouldReplace(String)
}

/// The board's inbox as the session knows it, and the state of the last hand-in.
struct BoardLink: Sendable, Equatable {
    /// The configured inbox (nil: none configured).
    var inbox: String?
    var note: HandInNote?
}

/// Which way the findings review before an export leads.
enum ExportTarget: Sendable, Equatable {
    /// A JSON file in the exports folder.
    case folder
    /// A hand-in to the board's inbox (exported under the same rules).
    case inbox
}

extension EditorSession {
    /// Sets the board's inbox (from the configuration) and the last hand-in's state; shown in
    /// the menu and the status line from the first frame.
    public mutating func setBoard(inbox: String?, note: HandInNote?) {
        board = BoardLink(inbox: inbox, note: note)
        if let note, status == nil { announce(note) }
        syncView()
    }

    /// "Regionstyrelsen: kvitterad …" in the status line.
    private mutating func announce(_ note: HandInNote) {
        status = StatusMessage(text: phrases.t("Regionstyrelsen: ", "The regional board: ") + note.text, isError: note.kind == .refused || note.kind == .problem)
    }

    /// The shell found the hand-in's state changed (a receipt arrived): say so.
    public mutating func handInChanged(_ note: HandInNote?) {
        guard note != board.note else { return }
        board.note = note
        if let note { announce(note) }
        syncView()
    }

    /// The last hand-in's state, when there is one.
    public var handIn: HandInNote? { board.note }

    /// Ctrl-E, "hand in": the findings first, as for an export (errors block).
    mutating func reviewSubmit(now: Double) -> [SessionCommand] {
        guard board.inbox != nil else {
            dialog = .message(title: phrases.t("Ingen inkorg är inställd", "No inbox is set"), lines: [
                phrases.t("Regionstyrelsens inkorg anges med inställningen inbox: i ~/.config/feedback/config (inbox = /mapp), i /etc/feedback/config eller med FEEDBACK_INBOX.",
                          "The regional board's inbox is set with the inbox setting: in ~/.config/feedback/config (inbox = /folder), in /etc/feedback/config or with FEEDBACK_INBOX."),
                phrases.t("feedback config visar vad som gäller. Till dess: exportera JSON (val 1) och skicka filen.",
                          "feedback config shows what is in effect. Until then: export JSON (choice 1) and send the file."),
            ], isError: true)
            return []
        }
        if refuseReadOnly() {
            dialog = nil
            return []
        }
        commitField(now: now)
        exportTarget = .inbox
        dialog = .exportReview(findings: validator.validate(currentDraft()), selected: 0)
        return []
    }

    /// Hands in what is saved: unsaved changes are saved first (the board gets the revision
    /// the saved draft has).
    mutating func startSubmit(now: Double) -> [SessionCommand] {
        if file.unsaved && file.readOnly == nil {
            file.afterSave = .submit
            return saveDraft(now: now, overwriteChanged: false)
        }
        return [submitSaved()]
    }

    /// Hands in the draft as saved (also once a save asked for by a hand-in has succeeded).
    mutating func submitSaved() -> SessionCommand {
        dialog = .working(title: phrases.t("Lämna in", "Hand in"), text: phrases.t("Lämnar in till regionstyrelsen …", "Handing in to the regional board …"))
        return .submit(currentDraft(), replace: false)
    }

    public mutating func submitFinished(_ outcome: SubmitOutcome) {
        defer { syncView() }
        switch outcome {
        case .handedIn(let path, let sha, let note):
            board.note = note
            dialog = .message(title: phrases.t("Inlämnat till regionstyrelsen", "Handed in to the regional board"), lines: [
                Sanitizer.visible(path),
                phrases.t("Revision \(draft.revision) · SHA-256:", "Revision \(draft.revision) · SHA-256:"),
                sha,
                "",
                phrases.t("Kvittensen kommer när styrelsen har tagit emot filen; den visas här och på startskärmen.",
                          "The receipt follows once the board has received the file; it shows here and on the start screen."),
            ], isError: false)
        case .alreadyReceived(let note):
            board.note = note
            dialog = .message(title: phrases.t("Redan inlämnat", "Already handed in"), lines: [
                phrases.t("Samma innehåll är redan mottaget: \(note.text). Ingenting lämnades in igen.",
                          "The same content was already received: \(note.text). Nothing was handed in again."),
            ], isError: false)
        case .findings(let findings):
            exportTarget = .inbox
            dialog = .exportReview(findings: findings, selected: 0)
        case .failed(let message):
            dialog = .message(title: phrases.t("Kunde inte lämnas in", "Could not be handed in"), lines: [message], isError: true)
        case .wouldReplace(let current):
            dialog = .question(Question(
                subject: .replaceAnswer(currentDraft()), title: phrases.t("Ersätta nämndens återkoppling?", "Replace the committee's feedback?"),
                lines: [phrases.t("Regionstyrelsen har redan godkänt nämndens återkoppling: \(current).",
                                  "The regional board has already accepted the committee's feedback: \(current)."),
                        phrases.t("Lämnas det här utkastet in, ersätter det den; styrelsen ser vilken det ersätter.",
                                  "Handed in, this draft replaces it; the board sees which one it replaces.")],
                yes: phrases.t("J lämnar in som ersättning", "Y hands in as the replacement"),
                no: phrases.t("N lämnar inte in", "N does not hand in")))
        }
    }

    /// The menu's line for handing in: where to, and how the last hand-in stands.
    var submitMenuLabel: String {
        var label = phrases.t("Lämna in till regionstyrelsen", "Hand in to the regional board")
        if board.inbox == nil {
            label += phrases.t(" (ingen inkorg inställd)", " (no inbox set)")
        } else if let note = board.note {
            label += " – " + note.text
        }
        return label
    }
}
