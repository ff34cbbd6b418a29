import FeedbackModel

/// What differs between two versions of a committee's feedback (draft or export, the same
/// round or two rounds): metadata, per heading the changed paragraphs with the words added
/// and removed, and table rows added, removed and changed.
public struct FeedbackDiff: Sendable, Equatable {
    public var metadata: [MetadataChange]
    /// Only the headings with a difference, in B's order (then those only in A).
    public var sections: [SectionDiff]

    public var isEqual: Bool { metadata.isEmpty && sections.isEmpty }
}

/// Whether a part is in both versions, only in B, or only in A.
public enum DiffChange: String, Sendable, Equatable {
    case changed, added, removed
}

/// A metadata value that differs (nil: empty).
public struct MetadataChange: Sendable, Equatable {
    public var id: String
    public var label: Localized?
    public var before: String?
    public var after: String?
}

/// A heading with differences.
public struct SectionDiff: Sendable, Equatable {
    public var id: String
    public var number: Int?
    public var title: Localized?
    public var change: DiffChange
    public var texts: [TextDiff]
    public var tables: [TableDiff]
}

/// A text field's changed paragraphs.
public struct TextDiff: Sendable, Equatable {
    public var fieldID: String
    public var label: Localized?
    public var paragraphs: [ParagraphDiff]
}

/// A paragraph added, removed, or changed (with its words marked).
public struct ParagraphDiff: Sendable, Equatable {
    public var change: DiffChange
    /// The paragraph's index (from 0) in A's and in B's text.
    public var before: Int?
    public var after: Int?
    public var beforeText: String?
    public var afterText: String?
    /// Word by word, white space made single spaces: the whole paragraph for a changed one.
    public var words: [WordSegment]
}

/// A run of words that is in both versions, only in B (added) or only in A (removed).
public struct WordSegment: Sendable, Equatable {
    /// In both versions, only in B, only in A.
    public enum Op: String, Sendable, Equatable {
        case same, added, removed
    }

    public var op: Op
    public var text: String
}

/// A table's rows added, removed and changed.
public struct TableDiff: Sendable, Equatable {
    public var fieldID: String
    public var label: Localized?
    public var columns: [ColumnDefinition]?
    public var rows: [RowDiff]
}

/// A row added, removed, or changed. Rows are matched by their first text column (the
/// object, the risk, the parameter), then by likeness, never by position alone: moving a
/// row is not a change.
public struct RowDiff: Sendable, Equatable {
    public var change: DiffChange
    public var before: Int?
    public var after: Int?
    /// The row's name (its first text cell), if any.
    public var key: String?
    /// For a changed row the cells that differ; for an added or removed row every cell.
    public var cells: [CellChange]
}

/// A cell's value before and after (nil: empty), and for two amounts the difference.
public struct CellChange: Sendable, Equatable {
    public var column: String
    /// The plan year of a per-year amount.
    public var year: Int?
    public var before: CellValue?
    public var after: CellValue?

    /// after − before, when both are amounts.
    public var difference: Int? {
        guard case .integer(let a)? = before, case .integer(let b)? = after else { return nil }
        let (result, overflow) = b.subtractingReportingOverflow(a)
        return overflow ? nil : result
    }
}
