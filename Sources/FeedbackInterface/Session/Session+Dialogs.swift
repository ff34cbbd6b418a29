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
                return startExport(now: now)
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
        case .saveAs(var line, let problem):
            switch action {
            case .close: dialog = nil
            case .confirm:
                let target = line.text.trimmingWhitespace
                guard !target.isEmpty else { return [] }
                return saveCopy(to: target, replace: false, now: now)
            case .typeText:
                switch key {
                case .character(let c): line.insert(String(c))
                case .paste(let s): line.insert(s)
                default: break
                }
                dialog = .saveAs(line, problem: problem)
            case .deleteBackward: line.backspace(); dialog = .saveAs(line, problem: problem)
            case .deleteForward: line.deleteForward(); dialog = .saveAs(line, problem: problem)
            case .cursorLeft: line.left(); dialog = .saveAs(line, problem: problem)
            case .cursorRight: line.right(); dialog = .saveAs(line, problem: problem)
            case .rowStart: line.home(); dialog = .saveAs(line, problem: problem)
            case .rowEnd: line.end(); dialog = .saveAs(line, problem: problem)
            case .clearField: line.setText(""); dialog = .saveAs(line, problem: problem)
            default: break
            }
        case .quitFailed:
            switch action {
            case .saveElsewhere:
                file.afterSave = .quit
                dialog = .saveAs(LineEditor(EditorSession.copyName(for: file.path)), problem: nil)
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

    private mutating func askToChangeCommittee(to id: String, from current: String) {
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

    private mutating func answerYes(_ subject: Question.Subject, now: Double) -> [SessionCommand] {
        switch subject {
        case .restoreAutosave(let autosaved, _):
            restore(autosaved, now: now)
            return []
        case .changeCommittee(let id, _):
            guard let fieldID = form.committeeFieldID else { return [] }
            history.closeRun()
            apply(.value(.metadata(fieldID), from: draft.metadata[fieldID], to: .text(id)), run: nil, now: now)
            status = StatusMessage(text: phrases.t("Nämnden är ändrad till \(form.committee(id: id)?.name(language) ?? id). Ctrl-Z ångrar.",
                                                   "The committee is changed to \(form.committee(id: id)?.name(language) ?? id). Ctrl-Z undoes."),
                                   isError: false)
            return []
        case .replaceFile(_, let path):
            return saveCopy(to: path, replace: true, now: now)
        case .takeOver:
            return [.takeOver(path: file.path)]
        case .overwriteChanged:
            return saveDraft(now: now, overwriteChanged: true)
        }
    }

    private mutating func answerNo(_ subject: Question.Subject, now: Double) -> [SessionCommand] {
        switch subject {
        case .restoreAutosave:
            status = StatusMessage(text: phrases.t("Utkastet från filen används; den autosparade versionen är sparad åt sidan.",
                                                   "The draft from the file is used; the autosaved version is kept aside."), isError: false)
            return [.setAsideAutosave]
        case .replaceFile:
            dialog = .saveAs(LineEditor(EditorSession.copyName(for: file.path)), problem: nil)
            return []
        case .overwriteChanged:
            file.afterSave = nil
            dialog = .saveAs(LineEditor(EditorSession.copyName(for: file.path)),
                             problem: phrases.t("Spara din version under ett annat namn; filen på disken lämnas orörd.",
                                                "Save your version under another name; the file on disk is left untouched."))
            return []
        case .changeCommittee, .takeOver:
            return []
        }
    }
}
