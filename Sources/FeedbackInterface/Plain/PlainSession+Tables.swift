import FeedbackModel

/// Tables in plain lines: rows listed, and filled in field by field.
extension PlainSession {
    /// The current heading's tables; `tabell NAMN` or `tabell N` chooses one.
    mutating func table(_ rest: String, now: Double) -> [String] {
        guard let s = session.page.sectionIndex else {
            return [phrases.t("Uppgifterna har ingen tabell. Rubrik 4 och 5 har tabeller.", "The details have no table. Headings 4 and 5 have tables.")]
        }
        let section = session.form.sections[s]
        let tables = section.fields.enumerated().filter { !$0.element.kind.isText }
        guard !tables.isEmpty else {
            return [phrases.t("Rubrik \(section.number) har ingen tabell.", "Heading \(section.number) has no table.")]
        }
        let typed = rest.lowercased()
        var chosen: Int?
        if let n = Int(typed), n >= 1, n <= tables.count { chosen = tables[n - 1].offset }
        if chosen == nil, !typed.isEmpty {
            chosen = tables.first { $0.element.label[language].lowercased().hasPrefix(typed) || $0.element.id.hasPrefix(typed) }?.offset
        }
        if chosen == nil {
            if case .field(_, let f) = session.page, !section.fields[f].kind.isText { chosen = f }
            else if tables.count == 1 { chosen = tables[0].offset }
        }
        guard let f = chosen, let page = session.pages.firstIndex(of: .field(section: s, field: f)) else {
            return [phrases.t("Rubrik \(section.number) har tabellerna ", "Heading \(section.number) has the tables ")
                    + tables.enumerated().map { "\($0.offset + 1) \($0.element.element.label[language].lowercased())" }.joined(separator: ", ")
                    + phrases.t("; skriv tabell 1 eller tabell 2.", "; type table 1 or table 2.")]
        }
        if page != session.pageIndex { app.session!.goToPage(page, now: now) }
        return tableLines()
    }

    /// "Tabell Investeringar, 2 rader." then each row, the totals and the table's findings.
    func tableLines() -> [String] {
        guard case .table(let place) = session.pageKind, let field = session.field(of: session.page) else { return [] }
        let rows = session.tableRows
        let cells = session.tableCells
        var lines = [phrases.t("Tabell \(field.label[language]), \(phrases.rows(rows.count)).", "Table \(field.label[language]), \(phrases.rows(rows.count)).")]
        for (i, row) in rows.enumerated() {
            let parts = cells.compactMap { cell -> String? in
                guard let value = row[cell.key]?.displayText, !value.isEmpty else { return nil }
                return "\(cell.fullLabel(language)) \(choiceLabel(value, cell: cell))"
            }
            lines.append(phrases.t("Rad \(i + 1): ", "Row \(i + 1): ") + (parts.isEmpty ? phrases.t("tom", "empty") : parts.joined(separator: "; ")) + ".")
        }
        for column in field.columns where column.kind == .planYears && column.summable && !rows.isEmpty {
            let sums = session.form.planPeriod.years.map { year -> String in
                let sum = rows.reduce(0) { total, row in
                    if case .integer(let n)? = row[TableRow.yearKey(column.id, year)] { return total + n }
                    return total
                }
                return "\(year) \(phrases.count(sum))"
            }
            lines.append(phrases.t("Summa \(column.label[language].lowercased()): ", "Total \(column.label[language].lowercased()): ") + sums.joined(separator: ", ") + " tkr.")
        }
        lines += (session.checks.byPlace[place] ?? []).map(findingLine)
        if rows.isEmpty { lines.append(phrases.t("Ny rad lägger till en rad.", "New row adds a row.")) }
        return lines
    }

    func choiceLabel(_ value: String, cell: TableCell) -> String {
        cell.column.options.first { $0.id == value }?.label[language] ?? Sanitizer.visible(value)
    }

    mutating func newRow(now: Double) -> [String] {
        guard case .table(let place) = session.pageKind else { return [phrases.t("Välj en tabell först med tabell.", "Choose a table first with table.")] }
        var step = PlainStep()
        if refuseReadOnlyLine(&step) { return step.lines }
        guard app.session!.addRow(now: now) else { return confirmation("") }
        let row = session.currentFocus.row
        mode = .row(RowEntry(place: place, row: row, cell: 0, isNew: true))
        return [phrases.t("Ny rad \(row + 1). Fyll i fält för fält; tom rad hoppar över, en punkt avslutar.",
                          "New row \(row + 1). Fill in field by field; an empty line skips, a full stop ends.")]
    }

    /// Selects row `rest` (from 1) of the table on the page for a change; else what is wrong.
    private mutating func selectRow(_ rest: String) -> Result<(place: FieldPlace, n: Int), RowRefusal> {
        guard case .table(let place) = session.pageKind else { return .failure(RowRefusal(lines: [phrases.t("Välj en tabell först med tabell.", "Choose a table first with table.")])) }
        var step = PlainStep()
        if refuseReadOnlyLine(&step) { return .failure(RowRefusal(lines: step.lines)) }
        let count = session.tableRows.count
        guard let n = Int(rest), n >= 1, n <= count else {
            return .failure(RowRefusal(lines: [count == 0 ? phrases.t("Tabellen har inga rader.", "The table has no rows.")
                                                          : phrases.t("Välj rad 1 till \(count).", "Choose row 1 to \(count).")]))
        }
        var focus = session.currentFocus
        focus.row = n - 1
        app.session!.currentFocus = focus
        return .success((place, n))
    }

    mutating func editRow(_ rest: String) -> [String] {
        let place: FieldPlace, n: Int
        switch selectRow(rest) {
        case .failure(let refusal): return refusal.lines
        case .success(let selected): (place, n) = selected
        }
        mode = .row(RowEntry(place: place, row: n - 1, cell: 0, isNew: false))
        return [phrases.t("Rad \(n). Skriv ett nytt värde, eller en tom rad för att behålla det; en punkt avslutar.",
                          "Row \(n). Type a new value, or an empty line to keep it; a full stop ends.")]
    }

    mutating func deleteRow(_ rest: String, now: Double) -> [String] {
        if case .failure(let refusal) = selectRow(rest) { return refusal.lines }
        app.session!.deleteRow(now: now)
        return confirmation("")
    }

    /// One line of a row being filled: the value of the cell asked for, then the next cell.
    mutating func rowLine(_ line: String, entry: RowEntry, now: Double) -> [String] {
        let cells = session.tableCells
        let text = line.trimmingWhitespace
        var next = entry
        var lines: [String] = []
        if text == "." {
            mode = .command
            return rowSummary(entry)
        }
        if !text.isEmpty, entry.cell < cells.count {
            let cell = cells[entry.cell]
            let rows = session.draft.value(at: entry.place)?.rows ?? []
            var value: CellValue?
            if case .choice(let options) = cell.column.kind {
                guard let option = PlainSession.option(text, options.map { (id: $0.id, label: $0.label[language]) }) else {
                    return [phrases.t("Välj ett av valen med dess nummer.", "Choose one of the choices by its number.")]
                }
                value = .text(option.id)
            } else {
                value = EditorSession.value(fromTyped: text, amount: cell.isAmount)
            }
            app.session!.history.closeRun()
            guard app.session!.apply(.cell(entry.place, row: entry.row, key: cell.key, from: rows[safe: entry.row]?[cell.key], to: value), run: nil, now: now)
                    || session.dialog == nil else {
                // A question first (the decided text): the answer makes or drops this value; the row ends here.
                mode = .command
                return lines
            }
            if cell.isAmount, value.map({ if case .text = $0 { return true } else { return false } }) ?? false {
                lines.append(phrases.t("Obs: \(Sanitizer.visible(text)) är inget heltal i tkr; skriv till exempel 12 500.",
                                       "Note: \(Sanitizer.visible(text)) is not a whole number of tkr; write for example 12 500."))
            }
        }
        next.cell += 1
        if next.cell >= cells.count {
            mode = .command
            return lines + rowSummary(entry)
        }
        mode = .row(next)
        return lines
    }

    func rowSummary(_ entry: RowEntry) -> [String] {
        let findings = (session.checks.byPlace[entry.place] ?? []).filter { $0.target.row == entry.row }
        var lines = [phrases.t("Rad \(entry.row + 1) är klar.", "Row \(entry.row + 1) is done.")]
        lines += findings.map(findingLine)
        return lines
    }
}

/// Why a row cannot be chosen, as the lines to say.
struct RowRefusal: Error {
    var lines: [String]
}
