import FeedbackModel

/// The one edit funnel: every change goes through `apply`, which records history, marks the
/// draft as changed and checks the changed places again.
extension EditorSession {
    /// Where the user is now, for the history.
    var focusNow: Focus {
        var f = Focus(page: pageIndex)
        switch pageKind {
        case .text(let place): f.cursor = editors[place]?.cursor
        case .details, .table:
            f.field = currentFocus.index
            f.row = currentFocus.row
        }
        return f
    }

    /// Applies an edit made by the user and records it; refused (false) when read-only.
    @discardableResult
    mutating func apply(_ edit: Edit, run: EditRun?, before: Focus? = nil, now: Double) -> Bool {
        guard !edit.isEmpty else { return true }
        if refuseReadOnly() { return false }
        let before = before ?? focusNow
        if changesDecidedText(edit) {
            askToChangeDecided(edit, before: before)
            return false
        }
        perform(edit)
        history.record(edit, before: before, after: focusNow, run: run)
        afterEdit(edit, now: now)
        return true
    }

    /// Changes the document (and, for text, puts the cursor at the end of the change).
    private mutating func perform(_ edit: Edit) {
        switch edit {
        case .text(let place, let at, let removed, let inserted):
            guard editors[place] != nil else { return }
            let end = editors[place]!.apply(at: at, removed: removed, inserted: inserted)
            editors[place]!.moveTo(end)
            draft.noteEdit(at: place)  // an edited part is this year's: its carry-over mark goes
        case .value(let place, _, let to):
            draft.setValue(to, at: place)
            draft.noteEdit(at: place)
        case .cell(let place, let row, let key, _, let to):
            var rows = draft.value(at: place)?.rows ?? []
            guard row < rows.count else { return }
            rows[row][key] = to
            draft.setValue(.table(rows), at: place)
            draft.noteEdit(at: place, row: row, cell: key)
        case .ready(let section, _, let to):
            if to { draft.readySections.insert(section) } else { draft.readySections.remove(section) }
        case .carried(_, let to):
            draft.carriedOver = to
        case .group(let edits):
            for e in edits { perform(e) }
        }
    }

    private mutating func afterEdit(_ edit: Edit, now: Double) {
        edited(now)
        if draft.carriedOver != nil || !checks.carry.isEmpty { checks.carry = validator.validateCarryOver(draft) }
        var metadataChanged = false
        let places = Set(edit.places)
        for place in places {
            if case .metadata = place { metadataChanged = true } else if places.count == 1, checks.tables[place] != nil {
                revalidateTable(place, after: edit)
            } else {
                revalidate(place)
            }
        }
        if metadataChanged { for field in form.metadata { revalidate(.metadata(field.id)) } }
    }

    /// Notes an edit: the draft differs from the file and from the autosave.
    mutating func edited(_ now: Double) {
        if !file.unautosaved { file.firstUnautosavedEdit = now }
        file.unsaved = true
        file.unautosaved = true
        file.lastEdit = now
    }

    mutating func undo(now: Double) {
        if refuseReadOnly() { return }
        commitField(now: now)
        guard let entry = history.popUndo() else {
            status = StatusMessage(text: phrases.t("Inget att ångra.", "Nothing to undo."), isError: false)
            return
        }
        perform(entry.edit.inverse)
        restore(entry.before)
        afterEdit(entry.edit, now: now)
    }

    mutating func redo(now: Double) {
        if refuseReadOnly() { return }
        guard let entry = history.popRedo() else {
            status = StatusMessage(text: phrases.t("Inget att göra om.", "Nothing to redo."), isError: false)
            return
        }
        perform(entry.edit)
        restore(entry.after)
        afterEdit(entry.edit, now: now)
    }

    /// Brings the user back to where a change was made.
    mutating func restore(_ f: Focus) {
        pageIndex = min(max(0, f.page), pages.count - 1)
        focusOnList = false
        switch pageKind {
        case .text(let place):
            if let cursor = f.cursor { editors[place]?.moveTo(cursor) }
        case .details, .table:
            var focus = currentFocus
            focus.index = f.field
            focus.row = f.row
            currentFocus = focus
        }
        loadLine()
    }

    mutating func toggleReady(now: Double) {
        guard let s = page.sectionIndex else {
            status = StatusMessage(text: phrases.t("Uppgifter markeras inte som klara: sidan är klar (●) när den saknar fel.",
                                                   "Details are not marked as done: the page is done (●) when it has no errors."), isError: false)
            return
        }
        commitField(now: now)
        let section = form.sections[s]
        let marked = draft.readySections.contains(section.id)
        guard apply(.ready(section: section.id, from: marked, to: !marked), run: nil, now: now) else { return }
        history.closeRun()
        let heading = "\(section.number) \(section.shortTitle[language])"
        if marked {
            status = StatusMessage(text: phrases.t("Rubrik \(heading) är inte längre markerad som klar.", "Heading \(heading) is no longer marked as done."), isError: false)
        } else if state(ofSection: s) == .ready {
            status = StatusMessage(text: phrases.t("Rubrik \(heading) är markerad som klar (●).", "Heading \(heading) is marked as done (●).")
                                       + words.sentence(.markReady, sv: "tar bort markeringen", en: "removes the mark"), isError: false)
        } else {
            let errors = findings(ofSection: s).errorCount
            let text = hasAnyContent(s)
                ? phrases.t("Rubrik \(heading) är markerad som klar men har \(phrases.errors(errors)); den räknas som klar när felen är rättade.",
                            "Heading \(heading) is marked as done but has \(phrases.errors(errors)); it counts as done once they are corrected.")
                : phrases.t("Rubrik \(heading) är markerad som klar men är tom; den räknas som klar när den har innehåll.",
                            "Heading \(heading) is marked as done but is empty; it counts as done once it has content.")
            status = StatusMessage(text: text, isError: true)
        }
    }

    private func hasAnyContent(_ s: Int) -> Bool {
        let section = form.sections[s]
        return section.fields.contains { hasContent(.section(section.id, $0.id)) }
    }
}

extension EditorSession {
    /// The carried-over part in front of the user: the page's text, or the focused table row.
    var carriedPartInFront: CarriedPart? {
        switch pageKind {
        case .text(let place):
            return draft.isUnconfirmedCarry(place) ? .field(place) : nil
        case .table(let place):
            return draft.isUnconfirmedCarry(place, row: currentFocus.row) ? .row(place, currentFocus.row) : nil
        case .details:
            guard let id = form.metadata[safe: currentFocus.index]?.id else { return nil }
            return draft.isUnconfirmedCarry(.metadata(id)) ? .field(.metadata(id)) : nil
        }
    }

    /// Confirms the carried part in front as this year's (one undo step).
    mutating func confirmCarried(now: Double) {
        guard let part = carriedPartInFront else {
            status = StatusMessage(text: phrases.t("Här finns inget från föregående år att bekräfta.", "Nothing from last year to confirm here."), isError: false)
            return
        }
        var next = draft
        next.confirm(part)
        history.closeRun()
        let edit: Edit
        switch part {
        case .row(let place, _): edit = .value(place, from: draft.value(at: place), to: next.value(at: place))
        default: edit = .carried(from: draft.carriedOver, to: next.carriedOver)
        }
        guard apply(edit, run: nil, now: now) else { return }
        let label = draft.label(of: part, in: form, language: language)
        status = StatusMessage(text: phrases.t("Bekräftat som årets: \(Sanitizer.visible(label)).", "Confirmed as this year's: \(Sanitizer.visible(label))."),
                               isError: false)
    }
}
