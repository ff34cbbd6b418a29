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

    var sectionIndex: Int? {
        if case .field(let s, _) = self { return s }
        return nil
    }
}

/// Where the focus is on the details page or a table page, and the line being edited there.
struct FieldFocus: Sendable, Equatable {
    /// The metadata field index, or the cell index in the current row.
    var index = 0
    /// The table row.
    var row = 0
    /// The text of the focused field or cell being edited (text, date, amount); nil for choices.
    var line: LineEditor?
    /// The first row and the first cell shown in a table grid (scrolling, set when keys are handled).
    var firstRow = 0
    var firstCell = 0
}

/// A cell of a table row as the interface lists it: plan-year columns give one cell per year.
struct TableCell: Sendable, Equatable {
    var key: String
    var column: ColumnDefinition
    var year: Int?

    func label(_ language: Language) -> String {
        if let year { return String(year) }
        return column.label[language]
    }

    /// "Belopp (tkr) 2028" for messages and the cell's own line.
    func fullLabel(_ language: Language) -> String {
        if let year { return "\(column.label[language]) \(year)" }
        return column.label[language]
    }

    var isAmount: Bool { column.kind == .amount || column.kind == .planYears }

    var isChoice: Bool {
        if case .choice = column.kind { return true }
        return false
    }

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
