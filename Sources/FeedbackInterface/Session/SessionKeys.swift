import FeedbackModel

/// What a session asks the shell to do (the core does no I/O itself).
public enum SessionCommand: Sendable {
    public enum SavePurpose: Sendable, Equatable { case draft, autosave }
    /// Write the draft (encoded by the shell) to `path`.
    case save(Draft, path: String, purpose: SavePurpose)
    /// Write an autosave of the draft beside `path`. The snapshot shares the editors' text
    /// (no copy on the keystroke path); the shell joins and writes it on another thread.
    case autosave(DraftSnapshot, path: String)
    /// Validate, export and write into the folder.
    case export(Draft, folder: String)
    /// Open the text in $VISUAL/$EDITOR and report back.
    case editExternally(String, place: FieldPlace)
    /// The user declined the autosave: set it aside.
    case setAsideAutosave
    case quit
}

extension EditorSession {
    static func timestamp(_ now: Double) -> Timestamp { Timestamp(secondsSinceEpoch: Int64(now)) }

    /// Handles a key and returns what the shell must do.
    public mutating func handle(_ key: Key, now: Double) -> [SessionCommand] {
        if overlay != nil { return handleOverlay(key, now: now) }
        if case .character = key {} else if case .paste = key {} else { status = nil }
        // Keys that work everywhere.
        switch key {
        case .control("s"):
            return save(now: now)
        case .control("q"), .control("x"):
            return quit(now: now)
        case .control("e"):
            return reviewExport()
        case .control("f"):
            overlay = .findings(selected: 0)
            return []
        case .control("g"), .function(1):
            overlay = .help(scroll: 0)
            return []
        case .control("t"):
            showGuidance.toggle()
            return []
        case .control("w"):
            overlay = .saveAs(LineEditor(path), problem: nil)
            return []
        case .control("n"):
            goToPage(pageIndex + 1)
            return []
        case .control("p"):
            goToPage(pageIndex - 1)
            return []
        case .alt(let c) where c.isASCII && c.isNumber:
            let n = Int(String(c)) ?? 0
            if n == 0 { goToPage(0) } else if n <= form.sections.count,
                let index = pages.firstIndex(of: .field(section: n - 1, field: 0)) { goToPage(index) }
            return []
        case .escape:
            focusOnList = true
            return []
        case .control("c"):
            status = (phrases.t("Ctrl-Q sparar och avslutar.", "Ctrl-Q saves and quits."), false)
            return []
        default:
            break
        }
        if focusOnList {
            if let commands = handleList(key) { return commands }
        }
        switch page {
        case .metadata: return handleForm(key, now: now)
        case .field:
            if let place = place(of: page), textEditors[place] != nil { return handleText(key, place: place, now: now) }
            return handleForm(key, now: now)
        }
    }

    mutating func goToPage(_ index: Int) {
        guard !pages.isEmpty else { return }
        let clamped = min(max(0, index), pages.count - 1)
        if let place = place(of: page) { withEditor(place) { $0.closeRun() } }
        pageIndex = clamped
        runOpen = false
        focusOnList = false
        loadLine()
    }

    /// Keys for the page list; nil when the key is not the list's and goes to the page.
    private mutating func handleList(_ key: Key) -> [SessionCommand]? {
        switch key {
        case .up: pageIndex = max(0, pageIndex - 1); loadLine()
        case .down: pageIndex = min(pages.count - 1, pageIndex + 1); loadLine()
        case .home: pageIndex = 0; loadLine()
        case .end: pageIndex = pages.count - 1; loadLine()
        case .enter, .right, .tab: focusOnList = false
        default:
            // Any other key leaves the list and goes to the page, so typing is never lost.
            focusOnList = false
            return nil
        }
        return []
    }

    mutating func refuseReadOnly() -> Bool {
        guard let readOnly else { return false }
        status = (phrases.t("Skrivskyddat: ", "Read-only: ") + readOnly.message, true)
        return true
    }

    // MARK: - Text pages

    private mutating func handleText(_ key: Key, place: FieldPlace, now: Double) -> [SessionCommand] {
        guard let current = textEditors[place] else { return [] }
        // Keys that go elsewhere or need checks first.
        switch key {
        case .tab:
            goToPage(pageIndex + 1)
            return []
        case .backTab:
            goToPage(pageIndex - 1)
            return []
        case .control("o"):
            if refuseReadOnly() { return [] }
            return [.editExternally(current.buffer.text, place: place)]
        case .character, .paste, .enter, .backspace, .delete, .control("d"), .control("z"), .control("y"):
            if refuseReadOnly() { return [] }
        default:
            break
        }
        if key == .control("z") && !current.canUndo {
            status = (phrases.t("Inget att ångra.", "Nothing to undo."), false)
            return []
        }
        if key == .control("y") && !current.canRedo {
            status = (phrases.t("Inget att göra om.", "Nothing to redo."), false)
            return []
        }
        let changed = withEditor(place) { editor -> Bool in
            switch key {
            case .character(let c): editor.insert(String(c), typing: true)
            case .paste(let text): editor.insert(text)
            case .enter: editor.newParagraph()
            case .backspace: editor.backspace()
            case .delete, .control("d"): editor.deleteForward()
            case .control("z"): editor.undo()
            case .control("y"): editor.redo()
            case .left: editor.moveLeft(); return false
            case .right: editor.moveRight(); return false
            case .up: editor.moveUp(); return false
            case .down: editor.moveDown(); return false
            case .home, .control("a"): editor.moveHome(); return false
            case .end: editor.moveEnd(); return false
            case .ctrlHome: editor.moveToStart(); return false
            case .ctrlEnd: editor.moveToEnd(); return false
            case .pageUp: editor.pageUp(); return false
            case .pageDown: editor.pageDown(); return false
            case .wordLeft, .alt("b"): editor.moveWordLeft(); return false
            case .wordRight, .alt("f"): editor.moveWordRight(); return false
            case .ctrlUp: editor.scroll(by: -1); return false
            case .ctrlDown: editor.scroll(by: 1); return false
            default: return false
            }
            return true
        } ?? false
        if changed {
            edited(now)
            revalidate(place)
        }
        return []
    }

    /// Runs `body` on the editor of a place in place: copying it out of the dictionary and
    /// back would make every keystroke copy the text's arrays.
    @discardableResult
    mutating func withEditor<R>(_ place: FieldPlace, _ body: (inout TextEditor) -> R) -> R? {
        guard textEditors[place] != nil else { return nil }
        return body(&textEditors[place]!)
    }

    /// The text came back from the external editor.
    public mutating func externalEditFinished(_ text: String?, place: FieldPlace, now: Double) {
        guard let text else {
            status = (phrases.t("Den externa redigeraren gav ingen text; inget ändrades.", "The external editor returned nothing; nothing changed."), true)
            return
        }
        let normalized = text.hasSuffix("\n") ? String(text.dropLast()) : text
        guard withEditor(place, { $0.replaceAll(with: normalized) }) != nil else { return }
        edited(now)
        revalidate(place)
        status = (phrases.t("Texten från den externa redigeraren är inläst (Ctrl-Z ångrar).", "The text from the external editor is read in (Ctrl-Z undoes)."), false)
    }

    // MARK: - Saving and quitting

    mutating func save(now: Double) -> [SessionCommand] {
        if readOnly != nil {
            overlay = .saveAs(LineEditor(path + ".kopia.json"), problem: phrases.t("Utkastet är skrivskyddat; spara en kopia under ett annat namn.", "The draft is read-only; save a copy under another name."))
            return []
        }
        overlay = .saving
        return [.save(draftForSaving(now: EditorSession.timestamp(now)), path: path, purpose: .draft)]
    }

    mutating func quit(now: Double) -> [SessionCommand] {
        guard unsaved, readOnly == nil else { return [.quit] }
        quitAfterSave = true
        return save(now: now)
    }

    /// The shell finished writing the draft file.
    public mutating func saveFinished(_ written: Draft, path: String, error: StoreError?) -> [SessionCommand] {
        if let error {
            let message = error.message(language)
            if quitAfterSave {
                overlay = .quitFailed(problem: message)
            } else {
                overlay = .saveAs(LineEditor(path), problem: phrases.t("Kunde inte spara: ", "Could not save: ") + message)
            }
            quitAfterSave = false
            return []
        }
        if case .saving? = overlay { overlay = nil }
        if case .saveAs? = overlay { overlay = nil }
        saved(written, to: path)
        if quitAfterSave { return [.quit] }
        return []
    }

    // MARK: - Export

    mutating func reviewExport() -> [SessionCommand] {
        let draft = currentDraft()
        let all = validator.validate(draft)
        overlay = .exportReview(findings: all, fileName: Exporter(form: form).fileName(for: draft), selected: 0)
        return []
    }

    public mutating func exportFinished(_ outcome: Result<ExportWriter.Outcome, ExportWriter.Failure>) {
        switch outcome {
        case .success(let done):
            overlay = .exportDone(path: done.path, hash: done.contentSha256, unchanged: done.unchanged)
        case .failure(.findings(let findings)):
            overlay = .exportReview(findings: findings, fileName: "", selected: 0)
        case .failure(.store(let error)):
            overlay = .message(title: phrases.t("Exporten kunde inte skrivas", "The export could not be written"),
                               lines: [error.message(language)], isError: true)
        }
    }

    // MARK: - Overlays

    private mutating func handleOverlay(_ key: Key, now: Double) -> [SessionCommand] {
        guard let current = overlay else { return [] }
        switch current {
        case .help(let scroll):
            switch key {
            case .down: overlay = .help(scroll: scroll + 1)
            case .up: overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown: overlay = .help(scroll: scroll + 10)
            case .pageUp: overlay = .help(scroll: max(0, scroll - 10))
            default: overlay = nil
            }
        case .findings(let selected):
            let all = allFindings
            switch key {
            case .down: overlay = .findings(selected: min(max(0, all.count - 1), selected + 1))
            case .up: overlay = .findings(selected: max(0, selected - 1))
            case .pageDown: overlay = .findings(selected: min(max(0, all.count - 1), selected + 10))
            case .pageUp: overlay = .findings(selected: max(0, selected - 10))
            case .enter:
                overlay = nil
                if selected < all.count { jump(to: all[selected].target) }
            case .escape, .control("f"), .character("q"): overlay = nil
            default: break
            }
        case .exportReview(let list, let fileName, let selected):
            switch key {
            case .down: overlay = .exportReview(findings: list, fileName: fileName, selected: min(max(0, list.count - 1), selected + 1))
            case .up: overlay = .exportReview(findings: list, fileName: fileName, selected: max(0, selected - 1))
            case .enter where list.hasErrors:
                overlay = nil
                if selected < list.count { jump(to: list[selected].target) }
            case .character("j"), .character("J"), .character("y"), .character("Y"), .enter:
                guard !list.hasErrors else { return [] }
                overlay = .exportRunning
                return [.export(currentDraft(), folder: exportFolder)]
            case .escape, .character("n"), .character("N"), .control("e"): overlay = nil
            default: break
            }
        case .exportRunning, .saving:
            break
        case .exportDone, .message:
            overlay = nil
        case .restore(_, let autosaved):
            switch key {
            case .character("j"), .character("J"), .character("y"), .character("Y"), .enter:
                overlay = nil
                restore(autosaved, now: now)
            case .character("n"), .character("N"), .escape:
                overlay = nil
                status = (phrases.t("Utkastet från filen används; den autosparade versionen är sparad åt sidan.",
                                    "The draft from the file is used; the autosaved version is kept aside."), false)
                return [.setAsideAutosave]
            default: break
            }
        case .saveAs(var line, let problem):
            switch key {
            case .escape:
                overlay = nil
            case .enter:
                let target = line.text.trimmingWhitespace
                guard !target.isEmpty else { return [] }
                overlay = .saving
                var written = draftForSaving(now: EditorSession.timestamp(now))
                if readOnly != nil { written.revision = draft.revision }
                return [.save(written, path: target, purpose: .draft)]
            default:
                _ = line.handle(key)
                overlay = .saveAs(line, problem: problem)
            }
        case .quitFailed:
            switch key {
            case .character("s"), .character("S"), .control("w"):
                quitAfterSave = true
                overlay = .saveAs(LineEditor(path), problem: nil)
            case .character("a"), .character("A"), .character("q"), .character("Q"):
                // Quit without saving: the autosave beside the draft keeps the text.
                return [.quit]
            case .escape:
                overlay = nil
            default: break
            }
        }
        return []
    }

    /// Goes to a finding's place: its page, row, cell or character.
    mutating func jump(to target: FindingTarget) {
        guard let index = page(for: target.field) else { return }
        goToPage(index)
        switch target.field {
        case .metadata(let id):
            var f = focus[.metadata] ?? FormFocus()
            f.index = form.metadata.firstIndex { $0.id == id } ?? 0
            focus[.metadata] = f
            loadLine()
        case .section:
            if textEditors[target.field] != nil {
                withEditor(target.field) { editor in
                    editor.moveTo(target.offset.map { editor.buffer.position(forScalarOffset: $0) } ?? editor.buffer.end)
                }
            } else if let field = field(of: page) {
                var f = focus[page] ?? FormFocus()
                f.row = target.row ?? 0
                let cells = TableCell.cells(field.columns, years: form.planPeriod.years)
                f.index = target.cell.flatMap { key in cells.firstIndex { $0.key == key } } ?? 0
                focus[page] = f
                loadLine()
            }
        }
    }
}
