import FeedbackModel

/// The validator's findings, kept per place and checked again only where an edit happened.
struct Checks: Sendable {
    var byPlace: [FieldPlace: [Finding]] = [:]
    var conditions: [Finding] = []
    /// The draft is late (today after the deadline, not decided).
    var calendar: [Finding] = []
    /// Parts carried over from last year, not yet edited or confirmed.
    var carry: [Finding] = []
    /// Tables' findings kept by row, so an edit of one row (or a row added at the end)
    /// checks that row only: a burst of new rows stays linear.
    var tables: [FieldPlace: TableChecks] = [:]
}

struct TableChecks: Sendable {
    var counts: [Finding]
    var rows: [[Finding]]

    var all: [Finding] { counts + rows.joined() }
}

extension EditorSession {
    mutating func revalidateAll() {
        checks.carry = validator.validateCarryOver(draft)
        for field in form.metadata { revalidate(.metadata(field.id)) }
        for section in form.sections {
            for field in section.fields { revalidate(.section(section.id, field.id)) }
        }
    }

    mutating func revalidate(_ place: FieldPlace) {
        switch place {
        case .metadata(let id):
            if let field = form.metadataField(id: id) {
                checks.byPlace[place] = validator.validate(field: field, value: draft.metadata[id], at: place)
            }
            checks.conditions = validator.validateConditions(draft)
            checks.calendar = validator.validateCalendar(draft)
        case .section(let sectionID, let fieldID):
            guard let field = form.section(id: sectionID)?.field(id: fieldID) else { return }
            if let editor = editors[place] {
                // Counts kept per paragraph; the text itself only for pattern rules.
                let text = field.rules.pattern == nil ? nil : editor.buffer.nfcText
                checks.byPlace[place] = validator.validateText(field: field, stats: editor.buffer.textStats, text: text, at: place)
            } else if case .table(let columns) = field.kind {
                let rows = draft.value(at: place)?.rows ?? []
                let table = TableChecks(counts: validator.validateTableCounts(field: field, rowCount: rows.count, at: place),
                                        rows: rows.enumerated().map { validator.validateRow($1, index: $0, columns: columns, tableLabel: field.label, at: place) })
                checks.tables[place] = table
                checks.byPlace[place] = table.all
            } else {
                checks.byPlace[place] = validator.validate(field: field, value: draft.value(at: place), at: place)
            }
        }
    }

    /// Checks a table again after an edit, row by row where the edit allows: one cell's row,
    /// or a row added or removed at the end; anything else checks the whole table.
    mutating func revalidateTable(_ place: FieldPlace, after edit: Edit) {
        guard case .section(let sectionID, let fieldID) = place, let field = form.section(id: sectionID)?.field(id: fieldID),
              case .table(let columns) = field.kind, var table = checks.tables[place] else { return revalidate(place) }
        let rows = draft.value(at: place)?.rows ?? []
        func check(_ index: Int) -> [Finding] {
            validator.validateRow(rows[index], index: index, columns: columns, tableLabel: field.label, at: place)
        }
        switch edit {
        case .cell(_, let row, _, _, _) where row < rows.count && table.rows.count == rows.count:
            table.rows[row] = check(row)
        case .value(_, let from, _) where rows.count == table.rows.count + 1:
            // One row added (Ctrl-R adds below the selected one): the rows after it are
            // checked again, as their numbers changed.
            let old = from?.rows ?? []
            guard old.count == table.rows.count, let at = EditorSession.insertedIndex(old: old, new: rows) else { return revalidate(place) }
            table.rows.insert(check(at), at: at)
            for later in (at + 1)..<rows.count { table.rows[later] = check(later) }
        case .value(_, let from, _) where rows.count + 1 == table.rows.count:
            let old = from?.rows ?? []
            guard old.count == table.rows.count, let at = EditorSession.insertedIndex(old: rows, new: old) else { return revalidate(place) }
            table.rows.remove(at: at)
            for later in at..<rows.count { table.rows[later] = check(later) }
        default:
            return revalidate(place)
        }
        table.counts = validator.validateTableCounts(field: field, rowCount: rows.count, at: place)
        checks.tables[place] = table
        checks.byPlace[place] = table.all
    }

    /// Where `new` has the one row more that `old` lacks (nil when it differs otherwise).
    static func insertedIndex(old: [TableRow], new: [TableRow]) -> Int? {
        guard new.count == old.count + 1 else { return nil }
        var at = 0
        while at < old.count && old[at] == new[at] { at += 1 }
        var i = at
        while i < old.count && old[i] == new[i + 1] { i += 1 }
        return i == old.count ? at : nil
    }

    /// Every finding, in form order.
    public var allFindings: [Finding] {
        var result: [Finding] = []
        for field in form.metadata { result += checks.byPlace[.metadata(field.id)] ?? [] }
        result += checks.conditions
        result += checks.calendar
        for section in form.sections {
            for field in section.fields { result += checks.byPlace[.section(section.id, field.id)] ?? [] }
        }
        return result + checks.carry
    }

    /// The findings of one metadata field, its conditions included.
    func findings(ofMetadata id: String) -> [Finding] {
        (checks.byPlace[.metadata(id)] ?? []) + (checks.conditions + checks.calendar + checks.carry).filter { $0.target.field == .metadata(id) }
    }

    func findings(ofSection index: Int?) -> [Finding] {
        guard let index else {
            return form.metadata.flatMap { checks.byPlace[.metadata($0.id)] ?? [] } + checks.conditions + checks.calendar
                + checks.carry.filter { $0.sectionID == nil }
        }
        let section = form.sections[index]
        return section.fields.flatMap { checks.byPlace[.section(section.id, $0.id)] ?? [] } + checks.carry.filter { $0.sectionID == section.id }
    }

    func hasContent(_ place: FieldPlace) -> Bool {
        if let editor = editors[place] { return editor.buffer.wordTotal > 0 }
        return Progress.hasContent(draft.value(at: place))
    }

    /// The marker state of the details page (nil) or a heading: the same rule as the start
    /// screen's (`Progress`).
    func state(ofSection index: Int?) -> PartState {
        if let index {
            let section = form.sections[index]
            let content = section.fields.contains { hasContent(.section(section.id, $0.id)) }
            return Progress.state(hasContent: content, findings: findings(ofSection: index),
                                  markedReady: draft.readySections.contains(section.id))
        }
        return Progress.state(hasContent: Progress.detailsHaveContent(draft, form: form), findings: findings(ofSection: nil),
                              markedReady: true)
    }

    /// Headings marked done and without errors (●).
    var sectionsDone: Int {
        form.sections.indices.filter { state(ofSection: $0) == .ready }.count
    }
}
