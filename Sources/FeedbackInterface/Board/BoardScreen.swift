import FeedbackModel

/// One committee's line in the board's overview.
public struct BoardRow: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Nothing received.
        case missing
        /// Nothing accepted; the latest hand-in was refused.
        case refused
        /// An export is accepted, not yet decided (the status the form marks decided).
        case received
        /// An accepted, decided export.
        case decided
    }

    public var committeeID: String
    public var name: String
    public var kind: Kind
    /// "mottagen r3 2027-04-15 10:02, i tid, Beslutad, 6 av 6 rubriker utan fel, av anna"
    public var state: String
    /// Handed in after the deadline.
    public var late: Bool

    public init(committeeID: String, name: String, kind: Kind, state: String, late: Bool = false) {
        self.committeeID = committeeID
        self.name = name
        self.kind = kind
        self.state = state
        self.late = late
    }

    /// Only an accepted export can be opened.
    public var canOpen: Bool { kind == .received || kind == .decided }

    var role: ColorRole {
        switch kind {
        case .missing: return .muted
        case .refused: return .error
        case .received: return late ? .warning : .accent
        case .decided: return late ? .warning : .ok
        }
    }
}

/// What the board's overview shows: the round, its committees, the summary.
public struct BoardOverview: Sendable, Equatable {
    /// "Återkoppling på planeringsförutsättningar 2027–2030 (pf-aterkoppling v1), sista dag 2027-04-15"
    public var title: String
    public var inbox: String
    public var rows: [BoardRow]
    /// "8 nämnder: 5 mottagna (3 beslutade), 1 avvisad, 2 saknas; 1 sen. …"
    public var summary: String
    /// Further lines: files that belong to no committee, receipts that do not count.
    public var notes: [String]

    public init(title: String, inbox: String, rows: [BoardRow], summary: String, notes: [String] = []) {
        self.title = title
        self.inbox = inbox
        self.rows = rows
        self.summary = summary
        self.notes = notes
    }
}

/// The board's overview (`feedback board`): every committee of the round with its state;
/// Enter opens a committee's accepted export read-only. Pure state like the start screen.
public struct BoardScreen: Sendable {
    public let language: Language
    public private(set) var overview: BoardOverview
    public internal(set) var selected = 0
    let keymap = Keymap.standard
    let phrases: Phrases
    var message: (text: String, isError: Bool)?
    var showingHelp = false
    var size = (width: 80, height: 24)

    public enum Command: Sendable, Equatable {
        /// Open the accepted export of the committee in this row.
        case open(Int)
        /// Read the inbox again.
        case reload
        case quit
    }

    public init(overview: BoardOverview, language: Language) {
        self.overview = overview
        self.language = language
        phrases = Phrases(language: language)
    }

    public mutating func resize(width: Int, height: Int) { size = (width, height) }

    /// The inbox read again; the same committee stays selected.
    public mutating func replace(_ fresh: BoardOverview) {
        let id = overview.rows.indices.contains(selected) ? overview.rows[selected].committeeID : nil
        overview = fresh
        selected = fresh.rows.firstIndex { $0.committeeID == id } ?? min(selected, max(0, fresh.rows.count - 1))
    }

    public mutating func showMessage(_ text: String, isError: Bool = true) { message = (text, isError) }

    /// Marks the row whose export is open (so going back lands on it).
    public mutating func select(_ index: Int) {
        if overview.rows.indices.contains(index) { selected = index }
    }

    /// The next (or previous, `step` −1) committee after `index` that has an accepted export.
    public func neighbour(of index: Int, step: Int) -> Int? {
        var i = index + step
        while overview.rows.indices.contains(i) {
            if overview.rows[i].canOpen { return i }
            i += step
        }
        return nil
    }

    var context: KeyContext { showingHelp ? .message : .board }

    public mutating func handle(_ key: Key) -> [Command] {
        guard let action = keymap.action(for: key, in: context) else { return [] }
        message = nil
        if showingHelp {
            showingHelp = false
            return []
        }
        switch action {
        case .selectUp: selected = max(0, selected - 1)
        case .selectDown: selected = min(max(0, overview.rows.count - 1), selected + 1)
        case .listFirst: selected = 0
        case .listLast: selected = max(0, overview.rows.count - 1)
        case .choose:
            guard overview.rows.indices.contains(selected) else { return [] }
            let row = overview.rows[selected]
            guard row.canOpen else {
                message = (row.kind == .missing
                           ? phrases.t("\(row.name) har inte lämnat in något ännu.", "\(row.name) has handed in nothing yet.")
                           : phrases.t("\(row.name) har ingen godkänd export: \(row.state)", "\(row.name) has no accepted export: \(row.state)"), true)
                return []
            }
            return [.open(selected)]
        case .reloadBoard: return [.reload]
        case .help: showingHelp = true
        case .quit: return [.quit]
        default: break
        }
        return []
    }
}
