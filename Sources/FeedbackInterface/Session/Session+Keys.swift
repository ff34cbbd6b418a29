import FeedbackModel

/// Keys in: the keymap says which action a key is where the user is; the action is performed.
extension EditorSession {
    /// Handles a key and returns what the shell must do.
    public mutating func handle(_ key: Key, now: Double) -> [SessionCommand] {
        let commands = dispatch(key, now: now)
        syncView()
        return commands
    }

    mutating func dispatch(_ key: Key, now: Double) -> [SessionCommand] {
        if dialog != nil { return handleDialog(key, now: now) }
        switch key {
        case .character, .paste: break
        default: status = nil
        }
        let context = keyContext
        guard let action = keymap.action(for: key, in: context) else {
            if context == .pageList {
                // Typing in the page list goes to the page, so typing is never lost.
                focusOnList = false
                return dispatch(key, now: now)
            }
            return []
        }
        return perform(action, key: key, now: now)
    }

    mutating func perform(_ action: Action, key: Key, now: Double) -> [SessionCommand] {
        switch action {
        case .save: return save(now: now)
        case .saveAs:
            commitField(now: now)
            dialog = .fileName(FileNamePrompt(line: LineEditor(EditorSession.copyName(for: file.path)), purpose: .saveCopy))
            return []
        case .quit: return quit(now: now)
        case .exportMenu:
            commitField(now: now)
            dialog = .exportMenu(selected: 0)
        case .findings:
            commitField(now: now)
            dialog = .findings(selected: 0)
        case .help: dialog = .help(scroll: 0)
        case .guidance: dialog = .guidance(scroll: 0)
        case .toggleInlineGuidance:
            inlineGuidance.toggle()
            status = StatusMessage(text: inlineGuidance ? phrases.t("Vägledningen visas ovanför texten.", "The guidance shows above the text.")
                                                        : phrases.t("Vägledningen är dold.", "The guidance is hidden.")
                                                          + words.sentence(.toggleInlineGuidance, sv: "visar den igen", en: "shows it again"),
                                   isError: false)
        case .nextPage: goToPage(pageIndex + 1, now: now)
        case .previousPage: goToPage(pageIndex - 1, now: now)
        case .goToPage:
            guard case .alt(let c) = key, let n = Int(String(c)) else { return [] }
            if n == 0 { goToPage(0, now: now) } else if n <= form.sections.count,
                let index = pages.firstIndex(of: .field(section: n - 1, field: 0)) { goToPage(index, now: now) }
        case .pageList:
            commitField(now: now)
            focusOnList = true
        case .undo: undo(now: now)
        case .redo: redo(now: now)
        case .markReady: toggleReady(now: now)
        case .confirmCarried: confirmCarried(now: now)
        case .toggleLastYear:
            guard let lastYear else {
                status = StatusMessage(text: phrases.t("Utkastet är inte startat från förra årets återkoppling (det görs på startskärmen eller med feedback new --from).",
                                                       "The draft was not started from last year's feedback (that is done on the start screen or with feedback new --from)."),
                                       isError: false)
                return []
            }
            showLastYear.toggle()
            status = StatusMessage(text: showLastYear ? phrases.t("Förra årets text visas under årets: ", "Last year's text shows below this year's: ") + Sanitizer.visible(lastYear.source)
                                                      : phrases.t("Förra årets text är dold.", "Last year's text is hidden."), isError: false)
        case .changes:
            commitField(now: now)
            dialog = .working(title: phrases.t("Ändringar", "Changes"), text: phrases.t("Jämför …", "Comparing …"))
            return [.computeChanges(currentDraft())]
        case .interruptHint:
            status = StatusMessage(text: String(words.sentence(.quit, sv: "sparar och avslutar", en: "saves and quits").dropFirst()), isError: false)
        case .listUp: moveInList(to: pageIndex - 1, now: now)
        case .listDown: moveInList(to: pageIndex + 1, now: now)
        case .listFirst: moveInList(to: 0, now: now)
        case .listLast: moveInList(to: pages.count - 1, now: now)
        case .openPage: focusOnList = false
        default:
            switch pageKind {
            case .text(let place): return performText(action, key: key, place: place, now: now)
            case .details: return performDetails(action, key: key, now: now)
            case .table(let place): return performTable(action, key: key, place: place, now: now)
            }
        }
        return []
    }

    mutating func goToPage(_ index: Int, now: Double) {
        guard !pages.isEmpty else { return }
        commitField(now: now)
        history.closeRun()
        pageIndex = min(max(0, index), pages.count - 1)
        focusOnList = false
        loadLine()
    }

    private mutating func moveInList(to index: Int, now: Double) {
        commitField(now: now)
        history.closeRun()
        pageIndex = min(max(0, index), pages.count - 1)
        loadLine()
    }

    /// Refuses a change in a read-only window, saying why and what can be done.
    mutating func refuseReadOnly() -> Bool {
        guard let readOnly = file.readOnly else { return false }
        status = StatusMessage(text: phrases.t("Skrivskyddat: \(readOnly.message).", "Read-only: \(readOnly.message).")
                                    + words.sentence(.saveAs, sv: "sparar en kopia", en: "saves a copy"), isError: true)
        return true
    }

    /// "utkast.json" → "utkast-kopia.json" (the copy's proposed name in save as).
    static func copyName(for path: String) -> String {
        let folder = FileStore.directory(of: path)
        var name = FileStore.fileName(of: path)
        if name.hasSuffix(".json") { name.removeLast(5) }
        let prefix = !path.contains("/") ? "" : folder == "/" ? "/" : folder + "/"
        return prefix + name + "-kopia.json"
    }
}
