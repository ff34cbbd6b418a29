import FeedbackModel

/// `ångra` and `gör om` say what they undid or redid, not only where the user is now: a
/// screen-reader user cannot glance at the page to see what changed.
extension PlainSession {
    mutating func undoLine(now: Double) -> [String] {
        guard let edit = session.history.undoStack.last?.edit, session.readOnly == nil else {
            app.session!.undo(now: now)
            return confirmation(phrases.t("Inget att ångra.", "Nothing to undo."))
        }
        app.session!.undo(now: now)
        return [phrases.t("Ångrat: \(describe(edit)). Nu på \(pageName).", "Undone: \(describe(edit)). Now on \(pageName).")]
    }

    mutating func redoLine(now: Double) -> [String] {
        guard let edit = session.history.redoStack.last?.edit, session.readOnly == nil else {
            app.session!.redo(now: now)
            return confirmation(phrases.t("Inget att göra om.", "Nothing to redo."))
        }
        app.session!.redo(now: now)
        return [phrases.t("Gjort om: \(describe(edit)). Nu på \(pageName).", "Redone: \(describe(edit)). Now on \(pageName).")]
    }

    /// One change in words: "text tillagd i rubrik 1 (”Nämnden bidrar …”)".
    func describe(_ edit: Edit) -> String {
        switch edit {
        case .text(let place, _, let removed, let inserted):
            let whereText = placeName(place)
            if removed.isEmpty {
                return phrases.t("text tillagd i \(whereText) (\(snippet(inserted)))", "text added in \(whereText) (\(snippet(inserted)))")
            }
            if inserted.isEmpty {
                return phrases.t("text borttagen i \(whereText) (\(snippet(removed)))", "text removed in \(whereText) (\(snippet(removed)))")
            }
            return phrases.t("text ändrad i \(whereText) (\(snippet(inserted)))", "text changed in \(whereText) (\(snippet(inserted)))")
        case .value(let place, let from, let to):
            if case .metadata(let id) = place {
                let label = session.form.metadataField(id: id)?.label[language] ?? id
                return phrases.t("ändringen av \(label)", "the change of \(label)")
            }
            let before = from?.rows.count ?? 0, after = to?.rows.count ?? 0
            if after > before { return phrases.t("ny rad i \(placeName(place))", "a new row in \(placeName(place))") }
            if after < before { return phrases.t("borttagen rad i \(placeName(place))", "a deleted row in \(placeName(place))") }
            return phrases.t("ändringen i \(placeName(place))", "the change in \(placeName(place))")
        case .cell(let place, let row, let key, _, _):
            var field: FieldDefinition?
            if case .section(let sectionID, let fieldID) = place {
                field = session.form.sections.first { $0.id == sectionID }?.fields.first { $0.id == fieldID }
            }
            let cell = field.flatMap { TableCell.cells($0.columns, years: session.form.planPeriod.years).first { $0.key == key } }
            let label = cell?.fullLabel(language) ?? key
            return phrases.t("\(label) på rad \(row + 1) i \(placeName(place))", "\(label) in row \(row + 1) of \(placeName(place))")
        case .ready(let section, _, let to):
            let number = session.form.sections.first { $0.id == section }?.number ?? 0
            return to ? phrases.t("markeringen klar för rubrik \(number)", "the done mark of heading \(number)")
                      : phrases.t("borttagen markering klar för rubrik \(number)", "the removed done mark of heading \(number)")
        case .carried:
            return phrases.t("bekräftelsen av det som kom från föregående år", "the confirmation of what came from last year")
        case .group(let edits):
            if edits.count == 1, let only = edits.first { return describe(only) }
            let places = Set(edits.flatMap(\.places)).count
            return phrases.t("\(edits.count) ändringar på \(places) ställen", "\(edits.count) changes in \(places) places")
        }
    }

    /// "uppgifterna", "rubrik 3", "rubrik 4, risker".
    func placeName(_ place: FieldPlace) -> String {
        switch place {
        case .metadata: return phrases.t("uppgifterna", "the details")
        case .section(let sectionID, let fieldID):
            guard let section = session.form.sections.first(where: { $0.id == sectionID }) else { return sectionID }
            var name = phrases.t("rubrik \(section.number)", "heading \(section.number)")
            if let index = section.fields.firstIndex(where: { $0.id == fieldID }), index > 0 {
                name += ", " + section.fields[index].label[language].lowercased()
            }
            return name
        }
    }

    /// The start of a text, on one line, quoted: ”Nämnden bidrar till …”.
    private func snippet(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingWhitespace
        guard line.count > 40 else { return "”" + Sanitizer.visible(line) + "”" }
        // Cut at a word's end: a screen reader reads a cut word as another word.
        var cut = String(line.prefix(41))
        if let space = cut.lastIndex(of: " "), space > cut.startIndex { cut = String(cut[..<space]) }
        let short = cut.trimmingWhitespace + " …"
        return "”" + Sanitizer.visible(short) + "”"
    }
}
