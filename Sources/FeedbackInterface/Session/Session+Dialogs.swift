import FeedbackModel

/// Keys while a dialog is open: the dialog's own keymap.
extension EditorSession {
    mutating func handleDialog(_ key: Key, now: Double) -> [SessionCommand] {
        guard let current = dialog else { return [] }
        guard let action = keymap.action(for: key, in: current.context) else {
            // Typing while reading the help or the guidance closes it and goes to the page:
            // typing is never lost.
            if case .reading = current.context, KeyPattern.text.matches(key) {
                dialog = nil
                return dispatch(key, now: now)
            }
            return []
        }
        switch current {
        case .help(let scroll):
            dialog = scrolled(action, scroll).map { .help(scroll: $0) }
        case .guidance(let scroll):
            dialog = scrolled(action, scroll).map { .guidance(scroll: $0) }
        case .findings(let selected):
            let all = allFindings
            switch action {
            case .choose:
                dialog = nil
                if selected < all.count { jump(to: all[selected].target) }
            case .close: dialog = nil
            default: dialog = .findings(selected: moved(action, selected, count: all.count))
            }
        case .changes(let report, let selected):
            let entries = report.entries
            switch action {
            case .choose:
                dialog = nil
                if selected < entries.count, let place = entries[selected].place {
                    jump(to: FindingTarget(field: place, row: entries[selected].row))
                }
            case .close: dialog = nil
            default: dialog = .changes(report, selected: moved(action, selected, count: entries.count))
            }
        case .exportReview(let list, let selected):
            let blocked = list.hasErrors
            switch action {
            case .choose where blocked:
                dialog = nil
                let errors = list.filter { $0.severity == .error }
                if selected < errors.count { jump(to: errors[selected].target) }
            case .confirm where blocked:
                break
            case .confirm, .choose:
                return exportTarget == .inbox ? startSubmit(now: now) : startExport(now: now)
            case .close: dialog = nil
            default:
                let shown = blocked ? list.filter { $0.severity == .error }.count : list.count
                dialog = .exportReview(findings: list, selected: moved(action, selected, count: shown))
            }
        case .working:
            break
        case .exportDone, .message:
            dialog = nil
        case .question(let question):
            switch action {
            case .confirm:
                dialog = nil
                return answerYes(question.subject, now: now)
            case .decline:
                dialog = nil
                return answerNo(question.subject, now: now)
            default:
                dialog = nil
                if case .restoreAutosave = question.subject { return answerNo(question.subject, now: now) }
            }
        case .fileName(var prompt):
            switch action {
            case .close: dialog = nil
            case .confirm:
                let target = prompt.line.text.trimmingWhitespace
                guard !target.isEmpty else { return [] }
                return fileNameChosen(target, purpose: prompt.purpose, now: now)
            case .typeText:
                switch key {
                case .character(let c): prompt.line.insert(String(c))
                case .paste(let s): prompt.line.insert(s)
                default: break
                }
            case .deleteBackward: prompt.line.backspace()
            case .deleteForward: prompt.line.deleteForward()
            case .cursorLeft: prompt.line.left()
            case .cursorRight: prompt.line.right()
            case .rowStart: prompt.line.home()
            case .rowEnd: prompt.line.end()
            case .clearField: prompt.line.setText("")
            default: break
            }
            if case .fileName = dialog { dialog = .fileName(prompt) }
        case .exportMenu(let selected):
            let choices = MenuChoice.allCases
            switch action {
            case .close: dialog = nil
            case .choose: return menuChosen(choices[selected], now: now)
            case .typeText:
                if case .character(let c) = key, let n = Int(String(c)), n >= 1, n <= choices.count {
                    return menuChosen(choices[n - 1], now: now)
                }
            default: dialog = .exportMenu(selected: moved(action, selected, count: choices.count))
            }
        case .importReview(let proposal, let scroll):
            switch action {
            case .confirm:
                dialog = nil
                return applyImport(proposal, now: now)
            case .importReplacing:
                return [.readImport(path: proposal.file, into: currentDraft(), replace: true, unplacedToOther: proposal.unplacedToOther)]
            case .unplacedToOther:
                return [.readImport(path: proposal.file, into: currentDraft(), replace: proposal.replace, unplacedToOther: true)]
            case .selectDown: dialog = .importReview(proposal, scroll: scroll + 1)
            case .selectUp: dialog = .importReview(proposal, scroll: max(0, scroll - 1))
            default:
                dialog = nil
                status = StatusMessage(text: phrases.t("Importen avbröts; inget ändrades.", "The import was cancelled; nothing changed."), isError: false)
            }
        case .quitFailed:
            switch action {
            case .saveElsewhere:
                file.afterSave = .quit
                dialog = .fileName(FileNamePrompt(line: LineEditor(EditorSession.copyName(for: file.path)), purpose: .saveCopy))
            case .quitWithoutSaving: return [.quit]
            case .close: dialog = nil
            default: break
            }
        case .choice(var picker):
            switch action {
            case .close: dialog = nil
            case .choose:
                dialog = nil
                if picker.place == form.committeeFieldID.map({ FieldPlace.metadata($0) }), let current = picker.current,
                   picker.options[picker.selected].id != current {
                    askToChangeCommittee(to: picker.options[picker.selected].id, from: current)
                } else {
                    choose(picker, now: now)
                }
            case .typeText:
                if case .character(let c) = key { picker.jump(to: c) }
                dialog = .choice(picker)
            default:
                picker.selected = moved(action, picker.selected, count: picker.options.count)
                dialog = .choice(picker)
            }
        }
        return []
    }

    /// Scrolling in the help and the guidance; nil closes.
    private func scrolled(_ action: Action, _ scroll: Int) -> Int? {
        switch action {
        case .selectDown: return scroll + 1
        case .selectUp: return max(0, scroll - 1)
        case .selectPageDown: return scroll + max(1, size.height - 6)
        case .selectPageUp: return max(0, scroll - max(1, size.height - 6))
        default: return nil
        }
    }

    private func moved(_ action: Action, _ selected: Int, count: Int) -> Int {
        let last = max(0, count - 1)
        switch action {
        case .selectDown: return min(last, selected + 1)
        case .selectUp: return max(0, selected - 1)
        case .selectPageDown: return min(last, selected + 10)
        case .selectPageUp: return max(0, selected - 10)
        default: return selected
        }
    }

    /// Goes to a finding's place: its page, row, cell or character.
    mutating func jump(to target: FindingTarget) {
        guard let index = pageIndex(for: target.field) else { return }
        pageIndex = index
        focusOnList = false
        history.closeRun()
        switch target.field {
        case .metadata(let id):
            var f = currentFocus
            f.index = form.metadata.firstIndex { $0.id == id } ?? 0
            currentFocus = f
        case .section:
            if let editor = editors[target.field] {
                editors[target.field]!.moveTo(target.offset.map { editor.buffer.position(forScalarOffset: $0) } ?? editor.buffer.end)
            } else {
                var f = currentFocus
                f.row = target.row ?? 0
                f.index = target.cell.flatMap { key in tableCells.firstIndex { $0.key == key } } ?? 0
                currentFocus = f
            }
        }
        loadLine()
    }

    // MARK: - Questions

    mutating func askToChangeCommittee(to id: String, from current: String) {
        let from = form.committee(id: current)?.name(language) ?? current
        let to = form.committee(id: id)?.name(language) ?? id
        dialog = .question(Question(
            subject: .changeCommittee(to: id, focus: focusNow),
            title: phrases.t("Byta nämnd?", "Change the committee?"),
            lines: [phrases.t("Utkastet är skrivet för \(from). Byta till \(to)?", "The draft is written for \(from). Change to \(to)?"),
                    phrases.t("Exportens filnamn och mottagarens uppgifter följer nämnden.",
                              "The export's file name and what the board receives follow the committee.")],
            yes: phrases.t("J byter nämnd", "Y changes the committee"), no: phrases.t("N behåller \(from)", "N keeps \(from)")))
    }

    /// Whether an edit changes the text of a draft opened with the decided status and still
    /// decided: any place but the status and the fields the decided status requires (the
    /// meeting date, the paragraph). A yes sets the status back, so only the first change asks.
    func changesDecidedText(_ edit: Edit) -> Bool {
        guard openedDecided, form.isDecided(status: draft.status(in: form)) else { return false }
        let free = Set(([form.statusFieldID].compactMap { $0 } + form.decisionFieldIDs).map { FieldPlace.metadata($0) })
        return edit.places.contains { !free.contains($0) }
    }

    /// The status a changed decided text goes back to: the option before the decided one,
    /// else the status field's default.
    var statusBeforeDecided: String? {
        guard let field = form.statusField, let decided = form.decidedOption,
              let index = field.options.firstIndex(where: { $0.id == decided.id }) else { return nil }
        if index > 0 { return field.options[index - 1].id }
        return field.defaultValue.flatMap { form.isDecided(status: $0) ? nil : $0 }
    }

    mutating func askToChangeDecided(_ edit: Edit, before: Focus) {
        let decided = form.decidedOption.map { $0.label[language] } ?? ""
        let back = statusBeforeDecided.map { form.statusLabel($0, language) }
        dialog = .question(Question(
            subject: .changeDecided(edit, before: before),
            title: phrases.t("Texten är beslutad", "The text is decided"),
            lines: [phrases.t("Utkastets status är \(decided): texten är den som nämnden har beslutat.",
                              "The draft's status is \(decided): the text is the one the committee decided."),
                    back.map { phrases.t("Ändrar du den går statusen tillbaka till \($0), och texten måste beslutas igen innan den lämnas in som beslutad.",
                                         "If you change it, the status goes back to \($0), and the text must be decided again before it is handed in as decided.") }
                        ?? phrases.t("Ändrar du den måste texten beslutas igen innan den lämnas in som beslutad.",
                                     "If you change it, the text must be decided again before it is handed in as decided.")],
            yes: phrases.t("J ändrar texten", "Y changes the text"), no: phrases.t("N lämnar texten som den beslutades", "N leaves the text as it was decided")))
    }

    /// Yes to changing the decided text: the status goes back and the edit is made, as one
    /// undo step (undo brings back the decided text and its status).
    private mutating func reopenDecided(_ edit: Edit, before: Focus, now: Double) {
        history.closeRun()
        var edits: [Edit] = []
        if let fieldID = form.statusFieldID {
            edits.append(.value(.metadata(fieldID), from: draft.metadata[fieldID], to: statusBeforeDecided.map { .text($0) }))
        }
        edits.append(edit)
        openedDecided = false  // this one change is the answer to the question
        let applied = apply(.group(edits), run: nil, before: before, now: now)
        openedDecided = true
        guard applied else { return }
        history.closeRun()
        loadLine()
        let back = statusBeforeDecided.map { form.statusLabel($0, language) } ?? ""
        status = StatusMessage(text: phrases.t("Texten är ändrad efter beslutet: statusen är nu \(back), och texten måste beslutas igen.",
                                               "The text is changed after the decision: the status is now \(back), and the text must be decided again.")
                                   + words.sentence(.undo, sv: "ångrar", en: "undoes"),
                               isError: false)
    }

    private mutating func answerYes(_ subject: Question.Subject, now: Double) -> [SessionCommand] {
        switch subject {
        case .restoreAutosave(let autosaved, _):
            restore(autosaved, now: now)
            return []
        case .changeCommittee(let id, _):
            guard let fieldID = form.committeeFieldID else { return [] }
            history.closeRun()
            apply(.value(.metadata(fieldID), from: draft.metadata[fieldID], to: .text(id)), run: nil, now: now)
            status = StatusMessage(text: phrases.t("Nämnden är ändrad till \(form.committee(id: id)?.name(language) ?? id).",
                                                   "The committee is changed to \(form.committee(id: id)?.name(language) ?? id).")
                                       + words.sentence(.undo, sv: "ångrar", en: "undoes"),
                                   isError: false)
            return []
        case .replaceFile(_, let path, let purpose):
            if case .render(let kind) = purpose { return startRender(kind, to: path, replace: true, now: now) }
            return saveCopy(to: path, replace: true, now: now)
        case .takeOver:
            return [.takeOver(path: file.path)]
        case .overwriteChanged:
            return saveDraft(now: now, overwriteChanged: true)
        case .replaceAnswer(let handIn):
            dialog = .working(title: phrases.t("Lämna in", "Hand in"), text: phrases.t("Lämnar in till regionstyrelsen …", "Handing in to the regional board …"))
            return [.submit(handIn, replace: true)]
        case .changeDecided(let edit, let before):
            reopenDecided(edit, before: before, now: now)
            return []
        }
    }

    private mutating func answerNo(_ subject: Question.Subject, now: Double) -> [SessionCommand] {
        switch subject {
        case .restoreAutosave:
            status = StatusMessage(text: phrases.t("Utkastet från filen används; den autosparade versionen sparas åt sidan.",
                                                   "The draft from the file is used; the autosaved version is set aside."), isError: false)
            return [.setAsideAutosave]
        case .replaceFile(_, let path, let purpose):
            dialog = .fileName(FileNamePrompt(line: LineEditor(path), purpose: purpose))
            return []
        case .overwriteChanged:
            file.afterSave = nil
            dialog = .fileName(FileNamePrompt(line: LineEditor(EditorSession.copyName(for: file.path)), purpose: .saveCopy,
                                              problem: phrases.t("Spara din version under ett annat namn; filen på disken lämnas orörd.",
                                                                 "Save your version under another name; the file on disk is left untouched.")))
            return []
        case .replaceAnswer:
            status = StatusMessage(text: phrases.t("Ingenting lämnades in.", "Nothing was handed in."), isError: false)
            return []
        case .changeDecided:
            loadLine()
            status = StatusMessage(text: phrases.t("Texten lämnades som den beslutades.", "The text was left as it was decided."), isError: false)
            return []
        case .changeCommittee, .takeOver:
            return []
        }
    }
}
