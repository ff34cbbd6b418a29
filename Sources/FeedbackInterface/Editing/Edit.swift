import FeedbackModel

/// One change to a draft, as a value that knows its inverse. Every change (typing, a paste,
/// a field, a table cell, a row added or removed, a heading marked done, an import) is an
/// `Edit` applied by the session's one funnel, which records it in the one history.
public enum Edit: Sendable, Equatable {
    /// In a long text: `removed` at `at` replaced by `inserted` (positions in the editor's lines).
    case text(FieldPlace, at: TextPosition, removed: String, inserted: String)
    /// A metadata field or a whole table.
    case value(FieldPlace, from: FieldValue?, to: FieldValue?)
    /// One cell of a table row.
    case cell(FieldPlace, row: Int, key: String, from: CellValue?, to: CellValue?)
    /// A heading's "done" mark.
    case ready(section: String, from: Bool, to: Bool)
    /// Several edits as one step (an import, a normalised value after typing).
    case group([Edit])

    /// The edit that undoes this one.
    public var inverse: Edit {
        switch self {
        case .text(let place, let at, let removed, let inserted):
            return .text(place, at: at, removed: inserted, inserted: removed)
        case .value(let place, let from, let to):
            return .value(place, from: to, to: from)
        case .cell(let place, let row, let key, let from, let to):
            return .cell(place, row: row, key: key, from: to, to: from)
        case .ready(let section, let from, let to):
            return .ready(section: section, from: to, to: from)
        case .group(let edits):
            return .group(edits.reversed().map(\.inverse))
        }
    }

    /// The places whose findings must be checked again.
    public var places: [FieldPlace] {
        switch self {
        case .text(let place, _, _, _), .value(let place, _, _), .cell(let place, _, _, _, _): return [place]
        case .ready: return []
        case .group(let edits): return edits.flatMap(\.places)
        }
    }

    /// The first place the edit touches (where undo goes to show it).
    var firstPlace: FieldPlace? {
        switch self {
        case .text(let place, _, _, _), .value(let place, _, _), .cell(let place, _, _, _, _): return place
        case .ready(let section, _, _): return .section(section, "")
        case .group(let edits): return edits.lazy.compactMap(\.firstPlace).first
        }
    }

    /// Whether the edit changes nothing.
    var isEmpty: Bool {
        switch self {
        case .text(_, _, let removed, let inserted): return removed == inserted
        case .value(_, let from, let to): return from == to
        case .cell(_, _, _, let from, let to): return from == to
        case .ready(_, let from, let to): return from == to
        case .group(let edits): return edits.allSatisfy(\.isEmpty)
        }
    }
}
