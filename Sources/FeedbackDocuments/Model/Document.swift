import FeedbackModel

/// A document as the writers see it: properties and a list of blocks. The committee's
/// document and the board's compiled report are both built as one, then written as .docx,
/// .html or .md by `DocxWriter`, `HTMLWriter` and `MarkdownWriter`.
public struct Document: Sendable, Equatable {
    public var properties: DocumentProperties
    public var blocks: [Block]

    public init(properties: DocumentProperties, blocks: [Block] = []) {
        self.properties = properties
        self.blocks = blocks
    }
}

/// What a document says about itself (the .docx core properties, the HTML head).
public struct DocumentProperties: Sendable, Equatable {
    /// The document's title (the .docx title property, the HTML `<title>`).
    public var title: String
    public var language: DocumentLanguage
    /// Who the document is from, e.g. the committee.
    public var author: String
    public var subject: String
    /// A stable identifier, e.g. the draft's document id.
    public var identifier: String
    /// A revision number, when the document has one.
    public var revision: Int?
    /// The creation and modification date written into the .docx (`SOURCE_DATE_EPOCH` or the
    /// draft's last change, so the same content gives the same bytes). Nil: 1980-01-01.
    public var date: Timestamp?

    public init(title: String, language: DocumentLanguage, author: String = "", subject: String = "",
                identifier: String = "", revision: Int? = nil, date: Timestamp? = nil) {
        self.title = title
        self.language = language
        self.author = author
        self.subject = subject
        self.identifier = identifier
        self.revision = revision
        self.date = date
    }
}

/// A BCP 47 language tag for spell checking and screen readers: `sv-SE`, `en-GB`.
public struct DocumentLanguage: Sendable, Equatable, Hashable {
    public var tag: String

    public init(tag: String) {
        self.tag = tag
    }

    public static let swedish = DocumentLanguage(tag: "sv-SE")
    public static let english = DocumentLanguage(tag: "en-GB")

    /// The tag for one of the product's languages.
    public init(_ language: Language) {
        self = language == .sv ? .swedish : .english
    }

    /// The primary language subtag ("sv"), for HTML's `lang`.
    public var primary: String {
        String(tag.split(separator: "-").first ?? Substring(tag))
    }
}

/// One block of a document, in reading order.
public enum Block: Sendable, Equatable {
    /// The document's one title (Word's Title style, the HTML `h1`).
    case title(String)
    /// A line under the title (Word's Subtitle style).
    case subtitle(String)
    /// A heading: level 1 is Word's Heading 1 (HTML `h2`), level 2 Heading 2 (`h3`), …
    /// up to level 5.
    case heading(level: Int, text: String)
    case paragraph([Run])
    /// A bullet list, one item per element (Word's List Bullet style).
    case bulletList([[Run]])
    case table(Table)
    /// Label–value pairs about the document (committee, case number, …).
    case metadata(MetadataTable)
    /// A small line at the end, e.g. the document id, revision and content hash (also in the
    /// footer of every page of a .docx, with the page number).
    case footer(String)
    /// A stacked bar chart, drawn where a format can draw (HTML, as inline SVG). Formats
    /// without figures leave it out: a chart always stands beside the table of its numbers.
    case chart(BarChart)
}

/// A stacked bar chart: one bar per category (plan year), one segment per series
/// (committee), the total above each bar.
public struct BarChart: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var label: String
        public var values: [Int]

        public init(label: String, values: [Int]) {
            self.label = label
            self.values = values
        }
    }

    public var title: String
    public var categories: [String]
    public var series: [Series]
    /// The label of the series that gathers the smallest when there are more series than
    /// colours, e.g. "Övriga nämnder".
    public var othersLabel: String

    public init(title: String, categories: [String], series: [Series], othersLabel: String) {
        self.title = title
        self.categories = categories
        self.series = series
        self.othersLabel = othersLabel
    }
}

/// A piece of text with one formatting. A line feed in `text` is a line break, a tab a tab.
public struct Run: Sendable, Equatable {
    public var text: String
    public var bold: Bool
    public var italic: Bool

    public init(_ text: String, bold: Bool = false, italic: Bool = false) {
        self.text = text
        self.bold = bold
        self.italic = italic
    }
}

extension Block {
    /// A paragraph of plain text.
    public static func text(_ text: String) -> Block {
        .paragraph([Run(text)])
    }
}

/// A table with a header row, body rows and an optional totals row.
public struct Table: Sendable, Equatable {
    /// The table's accessible name (HTML `<caption>`, Word's table title).
    public var caption: String
    public var columns: [TableColumn]
    /// Body rows; each row has one cell per column (missing cells are written empty). A line
    /// feed in a cell is a line break.
    public var rows: [[String]]
    /// A totals row written after the body (bold; the HTML `<tfoot>`).
    public var totals: [String]?
    /// Whether the first cell of each body row names the row (HTML `<th scope="row">`).
    public var firstColumnIsHeader: Bool

    public init(caption: String, columns: [TableColumn], rows: [[String]], totals: [String]? = nil,
                firstColumnIsHeader: Bool = false) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.firstColumnIsHeader = firstColumnIsHeader
    }
}

/// A table column: its header and how its cells are aligned.
public struct TableColumn: Sendable, Equatable {
    public var header: String
    public var alignment: ColumnAlignment

    public init(_ header: String, alignment: ColumnAlignment = .start) {
        self.header = header
        self.alignment = alignment
    }
}

/// How the cells of a column line up: text at the start, amounts at the end.
public enum ColumnAlignment: Sendable, Equatable {
    case start, center, end
}

/// Label–value pairs, written as a two-column table (labels as row headers).
public struct MetadataTable: Sendable, Equatable {
    /// The accessible name of the table.
    public var caption: String
    /// Column headers where a format needs them (Markdown): e.g. "Uppgift", "Värde".
    public var labelHeader: String
    public var valueHeader: String
    public var entries: [MetadataEntry]

    public init(caption: String, labelHeader: String, valueHeader: String, entries: [MetadataEntry]) {
        self.caption = caption
        self.labelHeader = labelHeader
        self.valueHeader = valueHeader
        self.entries = entries
    }
}

/// One label and its value.
public struct MetadataEntry: Sendable, Equatable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// The formats a document can be written in.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case docx, html, md

    public var fileExtension: String { rawValue }
}
