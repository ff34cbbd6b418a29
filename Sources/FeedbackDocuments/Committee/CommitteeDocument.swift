import FeedbackModel

/// The document a committee decides on, built from its draft: the form's title and plan
/// period, the committee, the planning premises it answers, the metadata, every heading in
/// order with its text (empty ones say so), the tables with a totals row per plan year (as
/// the export sums them), and a footer line with the document id, revision and the export's
/// content SHA-256, so a printed copy can be matched to the file the board received.
public enum CommitteeDocument {
    /// The document of `draft`. `date` goes into the .docx properties (pass
    /// `SOURCE_DATE_EPOCH` when set); nil means the draft's last change.
    public static func make(draft: Draft, form: FormDefinition, language: Language, date: Timestamp? = nil) -> Document {
        let committeeID = draft.committeeID(in: form) ?? ""
        let committee = form.committee(id: committeeID)?.name(language) ?? committeeID
        var blocks: [Block] = [.title(form.title[language])]
        if !committee.isEmpty { blocks.append(.subtitle(committee)) }
        blocks.append(.metadata(metadata(draft, form: form, language: language, committee: committee)))
        for section in form.sections {
            blocks += self.section(section, draft: draft, form: form, language: language)
        }
        let hash = Exporter(form: form).contentHash(of: draft)
        blocks.append(.footer(DocumentLabels.footer(documentID: draft.documentID, revision: draft.revision, contentHash: hash, language: language)))
        let properties = DocumentProperties(
            title: committee.isEmpty ? form.title[language] : "\(form.title[language]) – \(committee)",
            language: DocumentLanguage(language), author: committee, subject: form.premises.title,
            identifier: draft.documentID, revision: draft.revision, date: date ?? draft.modified)
        return Document(properties: properties, blocks: blocks)
    }

    static func metadata(_ draft: Draft, form: FormDefinition, language: Language, committee: String) -> MetadataTable {
        var entries: [MetadataEntry] = []
        for field in form.metadata {
            let value: String
            switch field.kind {
            case .committee:
                value = committee
            case .choice(let options):
                let id = field.id == form.statusFieldID ? draft.status(in: form) : draft.text(at: .metadata(field.id))
                value = options.first { $0.id == id }?.label[language] ?? id
            default:
                if case .integer(let n)? = draft.metadata[field.id] { value = DocumentLabels.amount(n) } else {
                    value = draft.text(at: .metadata(field.id)).trimmingWhitespace
                }
            }
            entries.append(MetadataEntry(field.label[language], value.isEmpty ? DocumentLabels.notGiven : value))
            if field.kind == .committee {
                entries.append(MetadataEntry(DocumentLabels.planPeriod[language], form.planPeriod.label))
                entries.append(MetadataEntry(DocumentLabels.premises[language], "\(form.premises.title) (\(form.premises.caseNumber))"))
            }
        }
        return MetadataTable(caption: DocumentLabels.metadataCaption[language], labelHeader: DocumentLabels.labelHeader[language],
                             valueHeader: DocumentLabels.valueHeader[language], entries: entries)
    }

    /// One heading: its title (level 1) and what the committee wrote under it.
    public static func section(_ section: SectionDefinition, draft: Draft, form: FormDefinition, language: Language) -> [Block] {
        var blocks: [Block] = [.heading(level: 1, text: "\(section.number). \(section.title[language])")]
        let textFields = section.fields.filter { $0.kind == .longText || $0.kind == .shortText }
        for field in section.fields {
            let place = FieldPlace.section(section.id, field.id)
            switch field.kind {
            case .longText, .shortText:
                if textFields.count > 1 { blocks.append(.heading(level: 2, text: field.label[language])) }
                blocks += DraftText.blocks(draft.text(at: place), placeholder: DocumentLabels.nothingReported[language])
            case .table(let columns):
                blocks.append(.heading(level: 2, text: field.label[language]))
                let rows = draft.value(at: place)?.rows ?? []
                if rows.isEmpty {
                    blocks.append(.paragraph([Run(DocumentLabels.noRows[language], italic: true)]))
                } else {
                    blocks.append(.table(table(field, columns: columns, rows: rows, form: form, language: language)))
                }
            case .date, .amount, .choice, .committee:
                var value = draft.text(at: place).trimmingWhitespace
                if case .integer(let n)? = draft.value(at: place) { value = DocumentLabels.amount(n) }
                if let option = field.options.first(where: { $0.id == value }) { value = option.label[language] }
                blocks.append(.paragraph([Run(field.label[language] + ": ", bold: true), Run(value.isEmpty ? DocumentLabels.notGiven : value)]))
            }
        }
        return blocks
    }

    /// The column headers of a table as the document writes them: one per column, one per
    /// plan year ("2028" when the table has one plan-year column, else "Effekt (tkr) 2028").
    public static func headers(_ columns: [ColumnDefinition], form: FormDefinition, language: Language) -> [TableColumn] {
        let yearColumns = columns.filter { $0.kind == .planYears }.count
        var result: [TableColumn] = []
        for column in columns {
            switch column.kind {
            case .planYears:
                for year in form.planPeriod.years {
                    result.append(TableColumn(yearColumns == 1 ? String(year) : "\(column.label[language]) \(year)", alignment: .end))
                }
            case .amount: result.append(TableColumn(column.label[language], alignment: .end))
            case .shortText, .choice: result.append(TableColumn(column.label[language]))
            }
        }
        return result
    }

    /// A table field's rows as the committee's document shows them: one column per column
    /// and plan year, choices by their labels, amounts grouped, a totals row for the
    /// plan-year columns the form sums. The board's report shows each committee's rows so.
    public static func table(_ field: FieldDefinition, columns: [ColumnDefinition], rows: [TableRow], form: FormDefinition, language: Language) -> Table {
        let years = form.planPeriod.years
        var sums: [String: [Int]] = [:]
        let body: [[String]] = rows.map { row in
            var cells: [String] = []
            for column in columns {
                switch column.kind {
                case .planYears:
                    for (i, year) in years.enumerated() {
                        let cell = row[TableRow.yearKey(column.id, year)]
                        cells.append(amountText(cell))
                        if let n = amountValue(cell) { sums[column.id, default: Array(repeating: 0, count: years.count)][i] += n }
                    }
                case .amount:
                    cells.append(amountText(row[column.id]))
                case .choice(let options):
                    let id = row[column.id]?.displayText ?? ""
                    cells.append(options.first { $0.id == id }?.label[language] ?? id)
                case .shortText:
                    cells.append(row[column.id]?.displayText ?? "")
                }
            }
            return cells
        }
        var totals: [String]?
        if columns.contains(where: { $0.kind == .planYears && $0.summable }) {
            var cells: [String] = []
            for column in columns {
                if column.kind == .planYears {
                    for i in years.indices {
                        cells.append(column.summable ? DocumentLabels.amount(sums[column.id]?[i] ?? 0) : "")
                    }
                } else {
                    cells.append("")
                }
            }
            if !cells.isEmpty, cells[0].isEmpty { cells[0] = DocumentLabels.total[language] }
            totals = cells
        }
        let yearColumn = columns.first { $0.kind == .planYears }
        let caption = yearColumn.map { "\(field.label[language]), \($0.label[language].lowercasedFirst)" } ?? field.label[language]
        return Table(caption: caption, columns: headers(columns, form: form, language: language), rows: body, totals: totals)
    }

    /// A whole number shown as an amount; anything else as it was typed.
    static func amountText(_ cell: CellValue?) -> String {
        if let n = amountValue(cell) { return DocumentLabels.amount(n) }
        return cell?.displayText ?? ""
    }

    /// The value the export counts for a cell (a whole number, else nothing).
    static func amountValue(_ cell: CellValue?) -> Int? {
        switch cell {
        case .integer(let n)?: return n
        case .text(let s)?: return AmountFormat.parse(s)
        case nil: return nil
        }
    }
}

extension String {
    /// The string with its first character lower-cased ("Belopp (tkr)" → "belopp (tkr)").
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
