import FeedbackModel

/// A page of the interface: the metadata ("Uppgifter") or one field of a section.
public enum Page: Equatable, Hashable, Sendable {
    case metadata
    case field(section: Int, field: Int)

    /// Every page of a form, in order.
    static func all(_ form: FormDefinition) -> [Page] {
        var pages: [Page] = [.metadata]
        for (s, section) in form.sections.enumerated() {
            for f in section.fields.indices { pages.append(.field(section: s, field: f)) }
        }
        return pages
    }
}

/// Where the focus is in a metadata or table page, and the line being edited there.
struct FormFocus: Sendable, Equatable {
    /// The metadata field index, or the cell index in the current row.
    var index = 0
    /// The table row.
    var row = 0
    /// The text being edited in the focused field (text, date, amount); nil for choices.
    var line: LineEditor?
}

/// A cell of a table row as the interface lists it: plan-year columns give one cell per year.
struct TableCell: Sendable, Equatable {
    var key: String
    var column: ColumnDefinition
    var year: Int?

    func label(_ language: Language) -> String {
        if let year { return "\(column.label[language]) \(year)" }
        return column.label[language]
    }

    var isAmount: Bool { column.kind == .amount || column.kind == .planYears }

    static func cells(_ columns: [ColumnDefinition], years: [Int]) -> [TableCell] {
        var cells: [TableCell] = []
        for column in columns {
            if column.kind == .planYears {
                for year in years { cells.append(TableCell(key: TableRow.yearKey(column.id, year), column: column, year: year)) }
            } else {
                cells.append(TableCell(key: column.id, column: column, year: nil))
            }
        }
        return cells
    }
}

/// A snapshot for undoing a change on a metadata or table page.
struct ValueSnapshot: Sendable {
    var place: FieldPlace?
    var metadata: [String: FieldValue]?
    var rows: [TableRow]?
    var focus: FormFocus
}
