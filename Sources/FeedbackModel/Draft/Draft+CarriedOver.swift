/// Confirming carried-over parts, clearing their mark on edit, and naming them.
extension Draft {
    /// Whether a text or metadata value still carries the mark "från föregående år".
    public func isUnconfirmedCarry(_ place: FieldPlace) -> Bool {
        carriedOver?.unconfirmed.contains(place) ?? false
    }

    /// Whether a table row still carries the mark.
    public func isUnconfirmedCarry(_ place: FieldPlace, row: Int) -> Bool {
        guard let rows = value(at: place)?.rows, rows.indices.contains(row), let carry = rows[row].carry else { return false }
        return !carry.confirmed
    }

    /// Every carried part not yet edited or confirmed, in the form's order: metadata, then
    /// each heading's fields and rows, then the notes.
    public func unconfirmedCarriedParts(in form: FormDefinition) -> [CarriedPart] {
        var parts: [CarriedPart] = []
        let unconfirmed = carriedOver?.unconfirmed ?? []
        for field in form.metadata where unconfirmed.contains(.metadata(field.id)) {
            parts.append(.field(.metadata(field.id)))
        }
        for section in form.sections {
            for field in section.fields {
                let place = FieldPlace.section(section.id, field.id)
                if unconfirmed.contains(place) { parts.append(.field(place)) }
                if case .table = field.kind {
                    for (index, row) in (value(at: place)?.rows ?? []).enumerated() where row.carry.map({ !$0.confirmed }) ?? false {
                        parts.append(.row(place, index))
                    }
                }
            }
        }
        for (index, note) in (carriedOver?.notes ?? []).enumerated() where !note.confirmed {
            parts.append(.note(index))
        }
        return parts
    }

    /// Confirms a carried part as this year's: its mark goes away (a row keeps its note).
    public mutating func confirm(_ part: CarriedPart) {
        switch part {
        case .field(let place):
            carriedOver?.unconfirmed.remove(place)
        case .row(let place, let index):
            updateRow(at: place, index) { $0.confirmed = true }
        case .note(let index):
            if carriedOver?.notes.indices.contains(index) == true { carriedOver?.notes[index].confirmed = true }
        }
    }

    /// Confirms every carried part at once.
    public mutating func confirmAllCarried(in form: FormDefinition) {
        for part in unconfirmedCarriedParts(in: form) { confirm(part) }
    }

    /// Call on every edit: editing a carried text or value clears its mark; editing a cell of
    /// a carried row clears the row's mark, and filling a new year's cell clears its flag.
    public mutating func noteEdit(at place: FieldPlace, row: Int? = nil, cell: String? = nil) {
        guard carriedOver != nil || row != nil else { return }
        carriedOver?.unconfirmed.remove(place)
        guard let row else { return }
        updateRow(at: place, row) { carry in
            carry.confirmed = true
            if let cell { carry.newYearCells.removeAll { $0 == cell } }
        }
    }

    private mutating func updateRow(at place: FieldPlace, _ index: Int, _ change: (inout RowCarry) -> Void) {
        guard case .table(var rows)? = value(at: place), rows.indices.contains(index), var carry = rows[index].carry else { return }
        change(&carry)
        rows[index].carry = carry
        setValue(.table(rows), at: place)
    }

    /// The part in words: "Text", "Kontaktperson", "Investeringar, rad 2 (Ny magnetkamera)",
    /// or the note's heading. Texts from the draft: print through `Sanitizer`.
    public func label(of part: CarriedPart, in form: FormDefinition, language: Language) -> String {
        switch part {
        case .field(.metadata(let id)):
            return form.metadataField(id: id)?.label[language] ?? id
        case .field(.section(let sectionID, let fieldID)):
            return form.section(id: sectionID)?.field(id: fieldID)?.label[language] ?? fieldID
        case .row(let place, let index):
            guard case .section(let sectionID, let fieldID) = place, let field = form.section(id: sectionID)?.field(id: fieldID) else {
                return "\(index + 1)"
            }
            var label = language == .sv ? "\(field.label[language]), rad \(index + 1)" : "\(field.label[language]), row \(index + 1)"
            let rows = value(at: place)?.rows ?? []
            if let first = field.columns.first(where: { $0.kind == .shortText }), rows.indices.contains(index),
               let name = rows[index][first.id]?.displayText, !name.isEmpty {
                label += " (\(name.count > 60 ? String(name.prefix(59)) + "…" : name))"
            }
            return label
        case .note(let index):
            guard let carried = carriedOver, carried.notes.indices.contains(index) else { return "" }
            return carried.notes[index].heading(language, period: carried.source.planPeriod)
        }
    }
}
