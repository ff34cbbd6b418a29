import FeedbackModel

/// A committee's feedback as read from an export or a draft file, whatever form and round
/// it was written in: the shape that carrying over and comparing work on.
public struct PastFeedback: Sendable, Equatable {
    /// What kind of file it was read from.
    public enum Kind: String, Sendable, Equatable {
        case export, draft
    }

    public var kind: Kind
    /// Where it was read from ("" for a draft in memory).
    public var path: String
    public var formID: String
    public var formVersion: Int
    public var formTitle: Localized?
    public var committeeID: String?
    /// Nil for a draft of a form this program does not know.
    public var planPeriod: PlanPeriod?
    public var premises: Premises?
    public var deadline: SimpleDate?
    public var documentID: String
    public var revision: Int
    /// The status option id (`utkast`, `klar-for-beslut`, `beslutad`).
    public var status: String?
    /// An export's `contentSha256`, and whether the content still has that hash (false:
    /// the file was changed after it was exported).
    public var contentSha256: String?
    public var hashMatches: Bool?
    /// The export time, or the draft's last change.
    public var time: Timestamp?
    /// Metadata in order: the committee, the values of the details page, the status.
    public var metadata: [MetadataValue]
    public var sections: [PastSection]

    public func section(id: String) -> PastSection? { sections.first { $0.id == id } }

    /// A text, nil when empty or absent.
    public func text(section: String, field: String) -> String? {
        self.section(id: section)?.texts.first { $0.fieldID == field }?.text
    }

    public func metadataValue(_ id: String) -> String? {
        metadata.first { $0.id == id }?.value
    }

    /// The file name without its folder.
    public var fileName: String { path.split(separator: "/").last.map(String.init) ?? path }
}

/// One metadata value (nil when empty).
public struct MetadataValue: Sendable, Equatable {
    public var id: String
    public var label: Localized?
    public var value: String?

    public init(id: String, label: Localized? = nil, value: String?) {
        self.id = id
        self.label = label
        self.value = value
    }
}

/// One heading of past feedback: its texts and its tables.
public struct PastSection: Sendable, Equatable {
    public var id: String
    public var number: Int?
    public var title: Localized?
    public var texts: [PastText]
    public var tables: [PastTable]

    public init(id: String, number: Int?, title: Localized?, texts: [PastText] = [], tables: [PastTable] = []) {
        self.id = id
        self.number = number
        self.title = title
        self.texts = texts
        self.tables = tables
    }

    public func table(_ fieldID: String) -> PastTable? { tables.first { $0.fieldID == fieldID } }
}

/// A text field's content (never empty: empty texts are left out).
public struct PastText: Sendable, Equatable {
    public var fieldID: String
    public var label: Localized?
    public var text: String
}

/// A table's rows. Cells are keyed as in drafts: the column id, or `column/year` for plan
/// years; empty cells are absent.
public struct PastTable: Sendable, Equatable {
    public var fieldID: String
    public var label: Localized?
    /// The columns, when the form is known (labels, kinds, order).
    public var columns: [ColumnDefinition]?
    public var rows: [TableRow]
}

extension PastFeedback {
    /// Last year's text for a place of this year's form (headings and fields matched by
    /// id), for showing beside the editor; nil when last year had none there.
    public func text(at place: FieldPlace) -> String? {
        switch place {
        case .section(let section, let field): return text(section: section, field: field)
        case .metadata(let id): return metadataValue(id)
        }
    }
}
