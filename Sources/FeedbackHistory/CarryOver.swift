import FeedbackModel

/// Starts this year's draft from last year's feedback: texts under the headings with the
/// same ids, table rows with their plan-year amounts moved to this plan period, the contact
/// person; everything marked "från föregående år" until edited or confirmed, and whatever
/// has no place in this form kept in a note, so that nothing is lost.
public struct CarryOver: Sendable {
    public let form: FormDefinition

    public init(form: FormDefinition) {
        self.form = form
    }

    /// The new draft and what went into it.
    public struct Result: Sendable {
        public var draft: Draft
        public var summary: CarrySummary
    }

    public func draft(from past: PastFeedback, committee: String, documentID: String, now: Timestamp) -> Result {
        var draft = Draft.new(form: form, committee: committee, documentID: documentID, now: now)
        var carried = CarriedOver(source: CarrySource(
            kind: past.kind == .export ? .export : .draft, path: past.path, formID: past.formID, formVersion: past.formVersion,
            planPeriod: past.planPeriod, committeeID: past.committeeID, documentID: past.documentID, revision: past.revision,
            contentSha256: past.contentSha256))
        var summary = CarrySummary(source: carried.source, period: form.planPeriod)

        // The metadata the form marks `carry: true` (who to ask, not what was decided: the
        // case number, meeting and status belong to last year's decision).
        for id in form.carriedMetadataIDs {
            guard let field = form.metadataField(id: id), field.kind.isText, let value = past.metadataValue(id),
                  TextRules.stats(value).hasContent else { continue }
            draft.metadata[id] = .text(value)
            carried.unconfirmed.insert(.metadata(id))
            summary.metadata += 1
        }
        for pastSection in past.sections {
            let section = form.section(id: pastSection.id)
            for text in pastSection.texts {
                if let section, let field = section.field(id: text.fieldID), field.kind.isText {
                    let place = FieldPlace.section(section.id, field.id)
                    draft.setValue(.text(text.text), at: place)
                    carried.unconfirmed.insert(place)
                    summary.texts += 1
                } else {
                    carried.notes.append(CarriedNote(sectionID: pastSection.id, fieldID: text.fieldID, number: pastSection.number,
                                                     title: pastSection.title, text: text.text))
                }
            }
            for table in pastSection.tables {
                let rows = table.rows.filter { !$0.cells.isEmpty }
                guard !rows.isEmpty else { continue }
                if let section, let field = section.field(id: table.fieldID), case .table(let columns) = field.kind {
                    let carriedRows = rows.map { carry($0, columns: columns) }
                    draft.setValue(.table(carriedRows), at: .section(section.id, field.id))
                    summary.add(rows: carriedRows, table: field.label)
                } else {
                    carried.notes.append(CarriedNote(sectionID: pastSection.id, fieldID: table.fieldID, number: pastSection.number,
                                                     title: pastSection.title, text: Self.written(table)))
                }
            }
        }
        summary.notes = carried.notes
        draft.carriedOver = carried
        return Result(draft: draft, summary: summary)
    }

    /// Last year's row in this year's table: cells of columns and years that are in both
    /// are kept; the rest goes to the row's note; plan years new to the period are flagged.
    func carry(_ past: TableRow, columns: [ColumnDefinition]) -> TableRow {
        var row = TableRow()
        var carry = RowCarry()
        for key in past.cells.keys.sorted() {
            guard let value = past.cells[key] else { continue }
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.count == 2, let year = Int(parts[1]) {
                if columns.contains(where: { $0.id == parts[0] && $0.kind == .planYears }), form.planPeriod.contains(year) {
                    row[key] = value
                } else {
                    carry.kept.append(KeptValue(column: parts[0], year: year, value: value))
                }
            } else if columns.contains(where: { $0.id == key && $0.kind != .planYears }) {
                row[key] = value
            } else {
                carry.kept.append(KeptValue(column: key, year: nil, value: value))
            }
        }
        for column in columns where column.kind == .planYears {
            for year in form.planPeriod.years where row[TableRow.yearKey(column.id, year)] == nil {
                carry.newYearCells.append(TableRow.yearKey(column.id, year))
            }
        }
        row.carry = carry
        return row
    }

    /// A table under a heading this form no longer has, written out row by row.
    static func written(_ table: PastTable) -> String {
        func label(_ id: String) -> String { table.columns?.first { $0.id == id }?.label.sv ?? id }
        let order = table.columns?.map(\.id) ?? []
        return table.rows.enumerated().map { index, row in
            let keys = row.cells.keys.sorted { a, b in
                let ca = a.split(separator: "/").first.map(String.init) ?? a
                let cb = b.split(separator: "/").first.map(String.init) ?? b
                let ia = order.firstIndex(of: ca) ?? order.count
                let ib = order.firstIndex(of: cb) ?? order.count
                return (ia, a) < (ib, b)
            }
            let cells = keys.compactMap { key -> String? in
                guard let value = row.cells[key] else { return nil }
                let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
                let name = parts.count == 2 ? "\(label(parts[0])) \(parts[1])" : label(key)
                return "\(name): \(value.displayText)"
            }
            return "Rad \(index + 1): " + cells.joined(separator: "; ")
        }.joined(separator: "\n")
    }
}
