/// A spreadsheet as the XLSX writer sees it: named sheets of rows of cells. Numbers stay
/// numbers and totals are formulas (with the value they had when written), so a reader can
/// sort, filter and audit them in Excel or LibreOffice.
public struct Workbook: Sendable, Equatable {
    public var properties: DocumentProperties
    public var sheets: [Sheet]

    public init(properties: DocumentProperties, sheets: [Sheet] = []) {
        self.properties = properties
        self.sheets = sheets
    }
}

/// One sheet: a header row (frozen, with a filter over the table when `filter` is set), then
/// body rows, then rows after the table (totals) that the filter leaves out.
public struct Sheet: Sendable, Equatable {
    /// The tab's name (at most 31 characters, none of `[]:*?/\`; the writer makes it so).
    public var name: String
    public var header: [String]
    public var rows: [[SheetCell]]
    /// Rows after the body, e.g. a totals row of `SUM` formulas (bold).
    public var footer: [[SheetCell]]
    /// Whether the header row gets Excel's filter buttons.
    public var filter: Bool

    public init(name: String, header: [String], rows: [[SheetCell]], footer: [[SheetCell]] = [], filter: Bool = true) {
        self.name = name
        self.header = header
        self.rows = rows
        self.footer = footer
        self.filter = filter
    }

    /// The spreadsheet reference of a cell: column 0, row 0 of the body is `A2` (row 1 is the header).
    public static func reference(column: Int, row: Int) -> String {
        columnName(column) + String(row + 2)
    }

    /// `A`, `B`, … `Z`, `AA`, …
    public static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// `SUM` over a column of the body, with its value: the totals row's cell.
    public func sum(column: Int) -> SheetCell {
        let values = rows.map { column < $0.count ? $0[column].number ?? 0 : 0 }
        let total = values.reduce(0, +)
        guard !rows.isEmpty else { return .formula("0", cached: 0) }
        return .formula("SUM(\(Sheet.reference(column: column, row: 0)):\(Sheet.reference(column: column, row: rows.count - 1)))", cached: total)
    }
}

/// One cell of a sheet.
public enum SheetCell: Sendable, Equatable {
    case empty
    case text(String)
    /// A number, shown with a thousands separator (Swedish Excel shows `1 234 567`).
    case number(Double)
    /// A formula without the leading `=`, and its value when written.
    case formula(String, cached: Double)

    public static func integer(_ n: Int) -> SheetCell { .number(Double(n)) }

    /// The cell's numeric value, if it has one.
    public var number: Double? {
        switch self {
        case .number(let n), .formula(_, let n): return n
        case .empty, .text: return nil
        }
    }
}
