import FeedbackModel

/// Tables: the metadata table, the form's tables by their header cells, totals rows
/// checked against the rows, amounts read by the one amount rule.
extension SourceMapper {
    func place(_ table: SourceTable, section: SectionDefinition?, format: DocumentFormat, into content: inout Content) {
        let source = SourceMapper.where_(table.location, format: format)
        if placeMetadata(table, source: source, format: format, into: &content) { return }
        guard let match = matcher.table(for: table, currentSection: section?.id) else {
            let text = table.rows.map { $0.filter { !$0.trimmingWhitespace.isEmpty }.joined(separator: " | ") }.filter { !$0.isEmpty }.joined(separator: "\n")
            if !text.isEmpty {
                content.unplaced.append(ImportReport.Unplaced(text: text, source: source, reason: Localized(
                    sv: "en tabell vars rubrikrad inte motsvarar någon av formulärets tabeller",
                    en: "a table whose header row matches none of the form's tables")))
            }
            return
        }
        let place = FieldPlace.section(match.section.id, match.field.id)
        var rows: [TableRow] = []
        var documentTotals: [String]?
        let label = match.field.label
        let body = table.rows.dropFirst(match.headerRows)
        var unmatchedColumns: [String: [String]] = [:]
        let headerRow = table.rows.first ?? []
        for (r, cells) in body.enumerated() {
            if cells.allSatisfy({ $0.trimmingWhitespace.isEmpty }) { continue }
            if FormMatcher.isTotalsRow(cells) && r == body.count - 1 {
                documentTotals = cells
                continue
            }
            var row = TableRow()
            for (i, cell) in cells.enumerated() {
                let text = cell.trimmingWhitespace
                guard !text.isEmpty else { continue }
                guard i < match.columns.count, let mapped = match.columns[i] else {
                    let name = i < headerRow.count && !headerRow[i].isEmpty ? headerRow[i] : "#\(i + 1)"
                    unmatchedColumns[name, default: []].append(text)
                    continue
                }
                let (column, year) = (mapped.column, mapped.year)
                let key = year.map { TableRow.yearKey(column.id, $0) } ?? column.id
                row[key] = value(text, column: column, year: year, tableLabel: label, row: rows.count + 1, source: source, into: &content)
            }
            if !row.cells.isEmpty { rows.append(row) }
        }
        for (name, values) in unmatchedColumns.sorted(by: { $0.key < $1.key }) {
            content.unplaced.append(ImportReport.Unplaced(text: "\(name): " + values.joined(separator: "; "), source: source, reason: Localized(
                sv: "en kolumn som inte finns i tabellen \(label.sv)", en: "a column the table \(label.en) does not have")))
        }
        if let documentTotals { checkTotals(documentTotals, rows: rows, match: match, source: source, into: &content) }
        content.tables[place, default: []] += rows
        content.tableSources[place, default: []].append(table.location)
    }

    /// A cell's value for a column: options by label, amounts by the amount rule (a refused
    /// amount is kept as text, which the validator reports, and noted with its reason).
    func value(_ text: String, column: ColumnDefinition, year: Int?, tableLabel: Localized, row: Int, source: Localized,
               into content: inout Content) -> CellValue {
        switch column.kind {
        case .shortText:
            return .text(text.replacingOccurrences(of: "\n", with: " "))
        case .choice(let options):
            if let option = FormMatcher.option(for: text, in: options) { return .text(option.id) }
            let known = options.map { $0.label.sv }.joined(separator: ", ")
            let knownEn = options.map { $0.label.en }.joined(separator: ", ")
            content.notes.append(ImportReport.Note(severity: .warning, message: Localized(
                sv: "\(tableLabel.sv), rad \(row), \(column.label.sv): ”\(text)” är inget av valen (\(known)); texten behölls och behöver rättas.",
                en: "\(tableLabel.en), row \(row), \(column.label.en): “\(text)” is none of the options (\(knownEn)); the text was kept and needs correcting.")))
            return .text(text)
        case .amount, .planYears:
            let cellName = year.map { "\(column.label.sv) \($0)" } ?? column.label.sv
            let cellNameEn = year.map { "\(column.label.en) \($0)" } ?? column.label.en
            switch AmountFormat.read(text) {
            case .amount(let n): return .integer(n)
            case .empty: return .text("")
            case .refused(let refusal):
                content.notes.append(ImportReport.Note(severity: .warning, message: Localized(
                    sv: "\(tableLabel.sv), rad \(row), \(cellName): ”\(text)” lästes inte som belopp: \(refusal.reason.sv). Texten behölls och behöver rättas.",
                    en: "\(tableLabel.en), row \(row), \(cellNameEn): “\(text)” was not read as an amount: \(refusal.reason.en). The text was kept and needs correcting.")))
                return .text(text)
            }
        }
    }

    /// A totals row is not imported (the program sums), but a sum that differs is reported.
    func checkTotals(_ totals: [String], rows: [TableRow], match: FormMatcher.TableMatch, source: Localized, into content: inout Content) {
        for (i, cell) in totals.enumerated() {
            guard i < match.columns.count, let mapped = match.columns[i], let year = mapped.year,
                  case .amount(let stated) = AmountFormat.read(cell) else { continue }
            let column = mapped.column
            let key = TableRow.yearKey(column.id, year)
            let sum = rows.reduce(0) { total, row in
                if case .integer(let n)? = row[key] { return total + n }
                return total
            }
            if sum != stated {
                content.notes.append(ImportReport.Note(severity: .warning, message: Localized(
                    sv: "\(match.field.label.sv): dokumentets summarad säger \(AmountFormat.display(stated)) för \(year), raderna blir \(AmountFormat.display(sum)). Raderna importerades; programmet summerar själv.",
                    en: "\(match.field.label.en): the document's totals row says \(AmountFormat.display(stated)) for \(year), the rows add up to \(AmountFormat.display(sum)). The rows were imported; the program adds them up itself.")))
            }
        }
    }

    /// A two-column table whose first column names the form's metadata fields.
    func placeMetadata(_ table: SourceTable, source: Localized, format: DocumentFormat, into content: inout Content) -> Bool {
        let rows = table.rows.filter { $0.count >= 2 }
        let recognised = rows.filter { matcher.metadataField(for: $0[0]) != nil }.count
        guard recognised >= 2, recognised * 2 >= rows.count - 1 else { return false }
        let ignored: Set<String> = Set([DocumentLabels.labelHeader, DocumentLabels.valueHeader, DocumentLabels.planPeriod, DocumentLabels.premises]
            .flatMap { [FormMatcher.key($0.sv), FormMatcher.key($0.en)] })
        for row in table.rows {
            guard let labelCell = row.first else { continue }
            let valueText = row.dropFirst().joined(separator: " ").trimmingWhitespace
            let labelKey = FormMatcher.key(labelCell)
            if labelKey == FormMatcher.key(DocumentLabels.planPeriod.sv) || labelKey == FormMatcher.key(DocumentLabels.planPeriod.en) {
                if !valueText.isEmpty, FormMatcher.key(valueText) != FormMatcher.key(form.planPeriod.label) {
                    content.notes.append(ImportReport.Note(severity: .warning, message: Localized(
                        sv: "Dokumentet gäller planperioden \(valueText), formuläret \(form.planPeriod.label).",
                        en: "The document is for the plan period \(valueText), the form for \(form.planPeriod.label).")))
                }
                continue
            }
            if ignored.contains(labelKey) { continue }
            guard let field = matcher.metadataField(for: labelCell) else {
                let text = row.filter { !$0.trimmingWhitespace.isEmpty }.joined(separator: ": ")
                if !text.isEmpty {
                    content.unplaced.append(ImportReport.Unplaced(text: text, source: source, reason: Localized(
                        sv: "en uppgift som formuläret inte har", en: "an item the form does not have")))
                }
                continue
            }
            if valueText.isEmpty || ["–", "—", "-"].contains(valueText) { continue }
            switch field.kind {
            case .committee:
                if let committee = matcher.committee(for: valueText) {
                    content.committee = committee.id
                    content.metadata[field.id] = .text(committee.id)
                } else {
                    content.notes.append(ImportReport.Note(severity: .warning, message: Localized(
                        sv: "Nämnden ”\(valueText)” finns inte i formulärets lista.", en: "The committee “\(valueText)” is not in the form's list.")))
                }
            case .choice(let options):
                if let option = FormMatcher.option(for: valueText, in: options) {
                    content.metadata[field.id] = .text(option.id)
                } else {
                    content.notes.append(ImportReport.Note(severity: .warning, message: Localized(
                        sv: "\(field.label.sv): ”\(valueText)” är inget av valen; värdet importerades inte.",
                        en: "\(field.label.en): “\(valueText)” is none of the options; the value was not imported.")))
                    content.unplaced.append(ImportReport.Unplaced(text: "\(labelCell): \(valueText)", source: source, reason: Localized(
                        sv: "inget av valen för \(field.label.sv)", en: "none of the options for \(field.label.en)")))
                }
            case .amount:
                if case .amount(let n) = AmountFormat.read(valueText) { content.metadata[field.id] = .integer(n) } else { content.metadata[field.id] = .text(valueText) }
            default:
                content.metadata[field.id] = .text(valueText.replacingOccurrences(of: "\n", with: " "))
            }
            content.metadataSources[field.id] = table.location
        }
        return true
    }
}
