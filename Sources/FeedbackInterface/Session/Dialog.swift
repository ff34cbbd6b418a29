import FeedbackModel

/// A box over the page that takes the keys until it closes.
enum Dialog: Sendable {
    case help(scroll: Int)
    /// The whole guidance of the current heading (or the details page's help).
    case guidance(scroll: Int)
    case findings(selected: Int)
    /// The findings before an export: errors block it, warnings ask.
    case exportReview(findings: [Finding], selected: Int)
    /// Work in progress (saving, exporting).
    case working(title: String, text: String)
    case exportDone(ExportWriter.Outcome)
    /// A message to read; any key closes it.
    case message(title: String, lines: [String], isError: Bool)
    case question(Question)
    /// Save under another path (a copy with its own document id).
    case saveAs(LineEditor, problem: String?)
    /// Saving failed while quitting; where the text is (an emergency copy), if anywhere.
    case quitFailed(problem: String, emergencyCopy: String?)
    case choice(ChoicePicker)

    var context: KeyContext {
        switch self {
        case .help, .guidance: return .reading
        case .findings: return .findingsList
        case .exportReview: return .exportReview
        case .working, .exportDone, .message: return .message
        case .question: return .question
        case .saveAs: return .saveAs
        case .quitFailed: return .quitFailed
        case .choice: return .choicePicker
        }
    }
}

/// A yes/no question and what a yes does.
struct Question: Sendable {
    enum Subject: Sendable {
        /// An autosave newer than the draft: take it?
        case restoreAutosave(Draft, differences: [String])
        /// Change the committee of the draft.
        case changeCommittee(to: String, focus: Focus)
        /// Save as onto a file that exists.
        case replaceFile(Draft, path: String)
        /// The holder of the lock has closed the draft: take it over?
        case takeOver
        /// The draft changed on disk since it was opened: replace it with this window's text?
        case overwriteChanged
    }

    var subject: Subject
    var title: String
    var lines: [String]
    var yes: String
    var no: String
}

/// A list of choices for a choice field or cell; nothing changes until one is chosen.
struct ChoicePicker: Sendable {
    var place: FieldPlace
    /// The table row and cell key, for a cell.
    var row: Int?
    var key: String?
    var title: String
    var options: [(id: String, label: String)]
    var selected: Int
    var current: String?
}
