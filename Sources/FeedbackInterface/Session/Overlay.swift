import FeedbackModel

/// A box over the main screen that takes the keys until it closes.
enum Overlay: Sendable {
    case help(scroll: Int)
    case findings(selected: Int)
    /// The findings before an export: errors block it, warnings ask.
    case exportReview(findings: [Finding], fileName: String, selected: Int)
    case exportRunning
    case exportDone(path: String, hash: String, unchanged: Bool)
    /// A message to read; any key closes it.
    case message(title: String, lines: [String], isError: Bool)
    /// An autosave newer than the draft: restore it (j/y) or not (n).
    case restore(differences: [String], autosaved: Draft)
    /// Save under another path.
    case saveAs(LineEditor, problem: String?)
    /// Saving failed while quitting.
    case quitFailed(problem: String)
    case saving
}
