@testable import FeedbackInterface

/// Direct edits of an editor for the editor's own tests (the interface edits through the
/// session's funnel, which also records the history).
extension TextEditor {
    var text: String { buffer.text }

    mutating func insert(_ typed: String) {
        moveTo(apply(at: cursor, removed: "", inserted: TextEditor.insertable(typed)))
    }

    mutating func newParagraph() { insert("\n") }

    mutating func backspace() {
        let start = buffer.position(before: cursor)
        guard start != cursor else { return }
        moveTo(apply(at: start, removed: buffer.text(from: start, to: cursor), inserted: ""))
    }

    mutating func deleteForward() {
        let end = buffer.position(after: cursor)
        guard end != cursor else { return }
        let at = cursor
        _ = apply(at: at, removed: buffer.text(from: at, to: end), inserted: "")
        moveTo(at)
    }
}
