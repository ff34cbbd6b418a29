import FeedbackModel

/// A row of sums: one label and one amount per plan year, with the total.
public struct SumRow: Sendable, Equatable {
    public var label: String
    public var amounts: [Int]
    public var total: Int { amounts.reduce(0, +) }
}

/// One table of the form across the round: every committee's rows, in the form's
/// committee order. What the board adds up and draws is what the form declares: each
/// plan-year column summed unless `sum: false`, a matrix when the table has `matrix:`.
public struct ReportTable: Sendable {
    public var section: SectionDefinition
    public var field: FieldDefinition
    /// The committees with at least one row, with their rows.
    public var entries: [(committee: Committee, rows: [TableRow])]
    /// Committees with an accepted export but no rows in this table.
    public var empty: [Committee]

    public var columns: [ColumnDefinition] { field.columns }
    /// The plan-year columns the board adds up.
    public var summedColumns: [ColumnDefinition] { columns.filter { $0.kind == .planYears && $0.summable } }
    /// Every row of every committee, numbered from 1 in that order (the matrix's list).
    public var numberedRows: [(number: Int, committee: Committee, row: TableRow)] {
        var number = 0
        return entries.flatMap { entry in
            entry.rows.map { row in
                number += 1
                return (number, entry.committee, row)
            }
        }
    }
}

extension RoundReport {
    public var years: [Int] { form.planPeriod.years }

    /// Every table field of the form, with each committee's rows (empty rows left out).
    public var tables: [ReportTable] {
        form.tables.map { section, field in
            var entries: [(Committee, [TableRow])] = []
            var empty: [Committee] = []
            for entry in exports {
                let rows = (entry.export.draft.sections[section.id]?[field.id]?.rows ?? []).filter { !$0.cells.isEmpty }
                if rows.isEmpty { empty.append(entry.committee) } else { entries.append((entry.committee, rows)) }
            }
            return ReportTable(section: section, field: field, entries: entries, empty: empty)
        }
    }

    /// The table of a section's field, if the form has it.
    public func table(section: String, field: String) -> ReportTable? {
        tables.first { $0.section.id == section && $0.field.id == field }
    }

    /// A plan-year column's amounts in one row, in the plan period's order (0 where empty).
    func amounts(_ row: TableRow, column: ColumnDefinition) -> [Int] {
        years.map { RoundReport.integer(row[TableRow.yearKey(column.id, $0)]) }
    }

    /// A plan-year column summed per committee and year (every committee with an accepted
    /// export, 0 when it has no rows) and in all.
    public func sums(_ table: ReportTable, column: ColumnDefinition, _ language: Language) -> (rows: [SumRow], total: SumRow) {
        let rows = exports.map { export in
            var sums = Array(repeating: 0, count: years.count)
            for entry in table.entries where entry.committee.id == export.committee.id {
                for row in entry.rows { for (i, n) in amounts(row, column: column).enumerated() { sums[i] += n } }
            }
            return SumRow(label: label(of: export.committee, language), amounts: sums)
        }
        var total = Array(repeating: 0, count: years.count)
        for row in rows { for i in total.indices { total[i] += row.amounts[i] } }
        return (rows, SumRow(label: language == .sv ? "Summa" : "Total", amounts: total))
    }

    /// A plan-year column summed per year over the decided answers only.
    public func decidedSums(_ table: ReportTable, column: ColumnDefinition) -> [Int] {
        let decided = Set(decidedExports.map(\.committee.id))
        var total = Array(repeating: 0, count: years.count)
        for entry in table.entries where decided.contains(entry.committee.id) {
            for row in entry.rows { for (i, n) in amounts(row, column: column).enumerated() { total[i] += n } }
        }
        return total
    }

    /// A plan-year column summed by the options of a choice column of the same table, in the
    /// form's order (options no one used included, so two rounds line up; rows with no or an
    /// unknown option last).
    public func sums(_ table: ReportTable, column: ColumnDefinition, by choice: ColumnDefinition, _ language: Language) -> [SumRow] {
        let rows = table.entries.flatMap(\.rows)
        func sum(_ rows: [TableRow], _ label: String) -> SumRow {
            var sums = Array(repeating: 0, count: years.count)
            for row in rows { for (i, n) in amounts(row, column: column).enumerated() { sums[i] += n } }
            return SumRow(label: label, amounts: sums)
        }
        var result = choice.options.map { option in
            sum(rows.filter { RoundReport.text($0[choice.id]) == option.id }, option.label[language])
        }
        let other = rows.filter { row in !choice.options.contains { $0.id == RoundReport.text(row[choice.id]) } }
        if !other.isEmpty { result.append(sum(other, language == .sv ? "(ej angivet)" : "(not given)")) }
        return result
    }

    /// The matrix of a table with `matrix:`: for each option of the rows column (the last
    /// option at the top) and each option of the columns column, the numbers of the rows
    /// (in `numberedRows`) that have both.
    public func matrix(_ table: ReportTable) -> (rows: [ChoiceOption], columns: [ChoiceOption], cells: [[[Int]]])? {
        guard let matrix = table.field.matrix,
              let rowColumn = table.columns.first(where: { $0.id == matrix.rows }),
              let columnColumn = table.columns.first(where: { $0.id == matrix.columns }) else { return nil }
        let numbered = table.numberedRows
        let rowOptions = Array(rowColumn.options.reversed())
        let cells = rowOptions.map { r in
            columnColumn.options.map { c in
                numbered.filter { RoundReport.text($0.row[rowColumn.id]) == r.id && RoundReport.text($0.row[columnColumn.id]) == c.id }.map(\.number)
            }
        }
        return (rowOptions, columnColumn.options, cells)
    }
}
