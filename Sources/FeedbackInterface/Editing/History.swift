import FeedbackModel

/// Where the user was: the page, and on it the cursor, field, row or cell. Undo and redo
/// bring the user back to the place of the change.
public struct Focus: Sendable, Equatable {
    public var page: Int
    /// The text cursor (text pages).
    public var cursor: TextPosition?
    /// The field (details) or cell (tables) index.
    public var field: Int
    /// The table row.
    public var row: Int

    public init(page: Int, cursor: TextPosition? = nil, field: Int = 0, row: Int = 0) {
        self.page = page
        self.cursor = cursor
        self.field = field
        self.row = row
    }
}

/// How an edit may join the one before it into one undo step.
public enum EditRun: Sendable, Equatable {
    /// Characters typed one after another at the same place.
    case typing
    /// Backspaces one after another.
    case deleting
    /// Keystrokes in one field or cell (and the value they are normalised to).
    case field(FieldPlace, row: Int?, key: String?)
}

/// The one undo history of a session, whatever was edited.
public struct History: Sendable {
    struct Entry: Sendable {
        var edit: Edit
        var before: Focus
        var after: Focus
        var run: EditRun?
    }

    private(set) var undoStack: [Entry] = []
    private(set) var redoStack: [Entry] = []
    /// Whether the last entry may absorb the next edit of the same run.
    private var runOpen = false
    /// Steps kept (bounded memory).
    static let limit = 1000

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Records an applied edit, joining it to the previous one when they are one run.
    mutating func record(_ edit: Edit, before: Focus, after: Focus, run: EditRun?) {
        redoStack.removeAll()
        if let run, runOpen, var last = undoStack.last, last.run == run, let merged = History.merge(last.edit, edit, run: run) {
            last.edit = merged
            last.after = after
            undoStack[undoStack.count - 1] = last
            return
        }
        undoStack.append(Entry(edit: edit, before: before, after: after, run: run))
        if undoStack.count > History.limit { undoStack.removeFirst(undoStack.count - History.limit) }
        runOpen = run != nil
    }

    /// Ends the current run, so the next edit starts a new undo step.
    mutating func closeRun() { runOpen = false }

    mutating func popUndo() -> Entry? {
        guard let entry = undoStack.popLast() else { return nil }
        redoStack.append(entry)
        runOpen = false
        return entry
    }

    mutating func popRedo() -> Entry? {
        guard let entry = redoStack.popLast() else { return nil }
        undoStack.append(entry)
        runOpen = false
        return entry
    }

    /// Forgets everything (the draft was replaced from the disk).
    mutating func clear() {
        undoStack.removeAll()
        redoStack.removeAll()
        runOpen = false
    }

    /// Two edits of one run as one, or nil when they do not join.
    static func merge(_ a: Edit, _ b: Edit, run: EditRun) -> Edit? {
        switch (a, b, run) {
        case (.text(let p, let at, let removed, let inserted), .text(let q, let at2, let removed2, let inserted2), .typing):
            guard p == q, removed2.isEmpty, at2 == TextBuffer.end(of: inserted, at: at) else { return nil }
            return .text(p, at: at, removed: removed, inserted: inserted + inserted2)
        case (.text(let p, let at, let removed, let inserted), .text(let q, let at2, let removed2, let inserted2), .deleting):
            guard p == q, inserted.isEmpty, inserted2.isEmpty, TextBuffer.end(of: removed2, at: at2) == at else { return nil }
            return .text(p, at: at2, removed: removed2 + removed, inserted: "")
        case (.value(let p, let from, _), .value(let q, _, let to), .field):
            guard p == q else { return nil }
            return .value(p, from: from, to: to)
        case (.cell(let p, let row, let key, let from, _), .cell(let q, let row2, let key2, _, let to), .field):
            guard p == q, row == row2, key == key2 else { return nil }
            return .cell(p, row: row, key: key, from: from, to: to)
        default:
            return nil
        }
    }
}
