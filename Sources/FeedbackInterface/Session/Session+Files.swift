import FeedbackModel

/// Saving, quitting, exporting, and what the shell reports back: the session's rules.
extension EditorSession {
    /// The draft to write to its file: a new revision and modification time.
    public func draftForSaving(now: Timestamp) -> Draft {
        var draft = currentDraft()
        draft.revision += 1
        draft.modified = now
        return draft
    }

    mutating func save(now: Double) -> [SessionCommand] {
        if let readOnly = file.readOnly {
            let copy = words.phrase(.saveAs) { keys in
                phrases.t("\(ActionWords.capitalized(keys)) sparar en kopia under ett annat namn, som du sedan kan redigera.",
                          "\(ActionWords.capitalized(keys)) saves a copy under another name, which you can then edit.")
            }
            dialog = .message(title: phrases.t("Skrivskyddat", "Read-only"),
                              lines: [phrases.t("Utkastet kan inte sparas här: \(readOnly.message).", "The draft cannot be saved here: \(readOnly.message).")]
                                + [copy].compactMap { $0 }
                                + (readOnly.canTakeOver ? [phrases.t("När den andra stänger utkastet erbjuds du att ta över det.",
                                                                     "When the other window closes the draft, you are offered to take it over.")] : []),
                              isError: true)
            return []
        }
        return saveDraft(now: now, overwriteChanged: false)
    }

    mutating func saveDraft(now: Double, overwriteChanged: Bool) -> [SessionCommand] {
        commitField(now: now)
        dialog = .working(title: phrases.t("Spara", "Save"), text: phrases.t("Sparar …", "Saving …"))
        return [.save(draftForSaving(now: EditorSession.timestamp(now)), path: file.path,
                      purpose: overwriteChanged ? .draftOverwriting : .draft)]
    }

    mutating func quit(now: Double) -> [SessionCommand] {
        commitField(now: now)
        guard file.unsaved, file.readOnly == nil else { return [.quit] }
        file.afterSave = .quit
        return saveDraft(now: now, overwriteChanged: false)
    }

    /// Save as: a copy with its own document id, never replacing a file unless asked.
    mutating func saveCopy(to target: String, replace: Bool, now: Double) -> [SessionCommand] {
        commitField(now: now)
        var written = draftForSaving(now: EditorSession.timestamp(now))
        written.documentID = makeDocumentID()
        written.revision = 1
        dialog = .working(title: phrases.t("Spara som", "Save as"), text: phrases.t("Sparar …", "Saving …"))
        return [.save(written, path: target, purpose: .copy(replace: replace))]
    }

    /// The shell finished writing the draft (or a copy), or could not.
    public mutating func saveFinished(_ written: Draft, path: String, purpose: SessionCommand.SavePurpose,
                                      failure: SaveFailure?, emergencyCopy: String? = nil) -> [SessionCommand] {
        defer { syncView() }
        if let failure {
            let message = failure.message(language)
            switch failure {
            case .changedOnDisk:
                dialog = .question(Question(
                    subject: .overwriteChanged,
                    title: phrases.t("Utkastet har ändrats på disken", "The draft changed on disk"),
                    lines: [phrases.t("\(Sanitizer.visible(path)) har ändrats av ett annat program sedan du öppnade det.",
                                      "\(Sanitizer.visible(path)) was changed by another program since you opened it."),
                            phrases.t("Skriva över den med din version? Det andra programmets ändringar går då förlorade.",
                                      "Replace it with your version? The other program's changes are then lost.")],
                    yes: phrases.t("J skriver över", "Y replaces it"), no: phrases.t("N sparar din version som en kopia", "N saves your version as a copy")))
            case .exists:
                dialog = .question(Question(
                    subject: .replaceFile(written, path: path, purpose: .saveCopy),
                    title: phrases.t("Filen finns redan", "The file exists"),
                    lines: [phrases.t("\(Sanitizer.visible(path)) finns redan. Ersätta den med utkastet?",
                                      "\(Sanitizer.visible(path)) already exists. Replace it with the draft?")],
                    yes: phrases.t("J ersätter filen", "Y replaces the file"), no: phrases.t("N väljer ett annat namn", "N chooses another name")))
            case .locked, .store, .other:
                let copy = emergencyCopy.map {
                    phrases.t(" Texten är säkrad i \(Sanitizer.visible($0)).", " The text is kept safe in \(Sanitizer.visible($0)).")
                } ?? phrases.t(" Ingen kopia kunde skrivas: texten finns bara här.", " No copy could be written: the text is only here.")
                if case .quit? = file.afterSave {
                    dialog = .quitFailed(problem: message, emergencyCopy: emergencyCopy)
                } else {
                    dialog = .fileName(FileNamePrompt(line: LineEditor(path), purpose: .saveCopy,
                                                      problem: phrases.t("Kunde inte spara: ", "Could not save: ") + message + copy))
                }
            }
            file.afterSave = nil
            return []
        }
        dialog = nil
        var commands: [SessionCommand] = []
        switch purpose {
        case .draft, .draftOverwriting:
            commands.append(.removeAutosave(path: path))
        case .copy:
            // The window now edits the copy: its lock moves with it, the old autosave goes.
            let old = file.path
            if file.readOnly == nil { commands += [.releaseLock, .removeAutosave(path: old)] }
            commands.append(.takeLock(path: path))
            file.path = path
            file.readOnly = nil
            draft.documentID = written.documentID
        }
        draft.revision = written.revision
        draft.modified = written.modified
        file.unsaved = false
        file.unautosaved = false
        file.savedAt = written.modified
        status = StatusMessage(text: phrases.t("Sparat: \(Sanitizer.visible(path))", "Saved: \(Sanitizer.visible(path))"), isError: false)
        switch file.afterSave {
        case .quit?: commands.append(.quit)
        case .export(let folder)?:
            dialog = .working(title: phrases.t("Exportera", "Export"), text: phrases.t("Exporterar …", "Exporting …"))
            commands.append(.export(currentDraft(), folder: folder))
        case .submit?:
            commands.append(submitSaved())
        case .render(let kind, let target, let replace)?:
            dialog = .working(title: phrases.t("Dokument", "Document"), text: phrases.t("Skriver dokumentet …", "Writing the document …"))
            commands.append(.renderDocument(currentDraft(), kind: kind, path: target, replace: replace))
        case nil: break
        }
        file.afterSave = nil
        return commands
    }

    // MARK: - Export

    mutating func reviewExport(now: Double) -> [SessionCommand] {
        commitField(now: now)
        exportTarget = .folder
        dialog = .exportReview(findings: validator.validate(currentDraft()), selected: 0)
        return []
    }

    /// Exports what is saved: unsaved changes are saved first, so the revision in the export
    /// is the saved draft's and the board gets one file per revision.
    mutating func startExport(now: Double) -> [SessionCommand] {
        if file.unsaved && file.readOnly == nil {
            file.afterSave = .export(folder: file.exportFolder)
            return saveDraft(now: now, overwriteChanged: false)
        }
        dialog = .working(title: phrases.t("Exportera", "Export"), text: phrases.t("Exporterar …", "Exporting …"))
        return [.export(currentDraft(), folder: file.exportFolder)]
    }

    public mutating func exportFinished(_ outcome: Result<ExportWriter.Outcome, ExportWriter.Failure>) {
        defer { syncView() }
        switch outcome {
        case .success(let done):
            file.lastExport = done
            dialog = .exportDone(done)
        case .failure(.findings(let findings)):
            exportTarget = .folder
            dialog = .exportReview(findings: findings, selected: 0)
        case .failure(.store(let error)):
            dialog = .message(title: phrases.t("Exporten kunde inte skrivas", "The export could not be written"),
                              lines: [error.message(language)], isError: true)
        }
    }

    // MARK: - The menu, documents and import

    mutating func menuChosen(_ choice: MenuChoice, now: Double) -> [SessionCommand] {
        switch choice {
        case .boardExport:
            return reviewExport(now: now)
        case .submit:
            return reviewSubmit(now: now)
        case .document(let kind):
            // Named for the revision it will carry: unsaved changes are saved first.
            var next = draft
            if file.unsaved && file.readOnly == nil { next.revision += 1 }
            let name = EditorSession.documentName(for: next, form: form, kind: kind)
            dialog = .fileName(FileNamePrompt(line: LineEditor(file.exportFolder + "/" + name), purpose: .render(kind)))
        case .importDocument:
            if refuseReadOnly() {
                dialog = nil
                return []
            }
            dialog = .fileName(FileNamePrompt(line: LineEditor(FileStore.directory(of: file.path) + "/"), purpose: .importFrom))
        }
        return []
    }

    /// `pf-aterkoppling-2028_hsn_r7.docx`: named like the export of the same revision.
    static func documentName(for draft: Draft, form: FormDefinition, kind: DocumentKind) -> String {
        String(Exporter(form: form).fileName(for: draft).dropLast(".json".count)) + "." + kind.fileExtension
    }

    mutating func fileNameChosen(_ target: String, purpose: FileNamePrompt.Purpose, now: Double) -> [SessionCommand] {
        switch purpose {
        case .saveCopy: return saveCopy(to: target, replace: false, now: now)
        case .render(let kind): return startRender(kind, to: target, replace: false, now: now)
        case .importFrom:
            dialog = .working(title: phrases.t("Importera", "Import"), text: phrases.t("Läser dokumentet …", "Reading the document …"))
            return [.readImport(path: target, into: currentDraft(), replace: false, unplacedToOther: false)]
        }
    }

    /// The committee's document carries the revision and hash of the saved draft, so unsaved
    /// changes are saved first (as for an export).
    mutating func startRender(_ kind: DocumentKind, to target: String, replace: Bool, now: Double) -> [SessionCommand] {
        if file.unsaved && file.readOnly == nil {
            file.afterSave = .render(kind, path: target, replace: replace)
            return saveDraft(now: now, overwriteChanged: false)
        }
        dialog = .working(title: phrases.t("Dokument", "Document"), text: phrases.t("Skriver dokumentet …", "Writing the document …"))
        return [.renderDocument(currentDraft(), kind: kind, path: target, replace: replace)]
    }

    public mutating func renderFinished(_ kind: DocumentKind, path: String, failure: SaveFailure?) {
        defer { syncView() }
        switch failure {
        case nil:
            dialog = .message(title: phrases.t("Dokumentet är skrivet", "The document is written"),
                              lines: [Sanitizer.visible(path),
                                      phrases.t("Revision \(draft.revision); sidfoten har exportens SHA-256, så en utskrift kan matchas mot filen regionstyrelsen får.",
                                                "Revision \(draft.revision); the footer carries the export's SHA-256, so a printed copy can be matched to the file the board receives.")],
                              isError: false)
        case .exists?:
            dialog = .question(Question(
                subject: .replaceFile(draft, path: path, purpose: .render(kind)),
                title: phrases.t("Filen finns redan", "The file exists"),
                lines: [phrases.t("\(Sanitizer.visible(path)) finns redan. Ersätta den med dokumentet?",
                                  "\(Sanitizer.visible(path)) already exists. Replace it with the document?")],
                yes: phrases.t("J ersätter filen", "Y replaces the file"), no: phrases.t("N väljer ett annat namn", "N chooses another name")))
        case let problem?:
            dialog = .fileName(FileNamePrompt(line: LineEditor(path), purpose: .render(kind),
                                              problem: phrases.t("Kunde inte skriva dokumentet: ", "Could not write the document: ") + problem.message(language)))
        }
    }

    /// The shell read the document: show what would go where before anything changes.
    public mutating func importRead(_ proposal: ImportProposal?, problem: String?) {
        defer { syncView() }
        guard let proposal else {
            dialog = .message(title: phrases.t("Dokumentet kunde inte läsas", "The document could not be read"),
                              lines: [problem ?? ""], isError: true)
            return
        }
        dialog = .importReview(proposal, scroll: 0)
    }

    /// Applies an import as one edit (one undo step); unplaced text goes to a side file.
    mutating func applyImport(_ proposal: ImportProposal, now: Double) -> [SessionCommand] {
        guard proposal.conflicts.isEmpty || proposal.replace else {
            status = StatusMessage(text: phrases.t("Inget importerades: rubriker med innehåll ersätts bara med E.",
                                                   "Nothing was imported: headings with content are replaced only with E."), isError: true)
            return []
        }
        var edits: [Edit] = []
        for item in proposal.values {
            if let editor = editors[item.place] {
                let text = TextBuffer(item.value.map { EditorSession.editText($0) } ?? "").text
                guard text != editor.buffer.text else { continue }
                edits.append(.text(item.place, at: TextPosition(paragraph: 0, offset: 0), removed: editor.buffer.text, inserted: text))
            } else {
                edits.append(.value(item.place, from: draft.value(at: item.place), to: item.value))
            }
        }
        history.closeRun()
        let count = edits.count
        guard count == 0 || apply(.group(edits), run: nil, now: now) else { return [] }
        history.closeRun()
        for edit in edits {
            if case .text(let place, _, _, _) = edit { editors[place]?.moveTo(TextPosition(paragraph: 0, offset: 0)) }
        }
        status = StatusMessage(text: phrases.t("Importerat från \(Sanitizer.visible(FileStore.fileName(of: proposal.file))): \(count) delar ändrade. ",
                                               "Imported from \(Sanitizer.visible(FileStore.fileName(of: proposal.file))): \(count) parts changed.")
                                    + words.sentence(.undo, sv: "ångrar hela importen", en: "undoes the whole import"),
                               isError: false)
        if let side = proposal.sideFileText, !proposal.unplacedToOther { return [.writeSideFile(side, besideDraft: file.path)] }
        return []
    }

    /// Where a declined autosave is kept: the user's private folder, where no other user can
    /// block or remove it.
    public mutating func autosaveKept(_ path: String?, problem: String?) {
        defer { syncView() }
        if let path {
            status = StatusMessage(text: phrases.t("Utkastet från filen används; den autosparade versionen är sparad i \(Sanitizer.visible(path)).",
                                                   "The draft from the file is used; the autosaved version is kept in \(Sanitizer.visible(path))."),
                                   isError: false)
        } else {
            status = StatusMessage(text: phrases.t("Den autosparade versionen kunde inte sparas åt sidan och finns kvar bredvid utkastet: ",
                                                   "The autosaved version could not be set aside and is still beside the draft: ") + (problem ?? ""),
                                   isError: true)
        }
    }

    public mutating func sideFileWritten(_ path: String?, problem: String?) {
        defer { syncView() }
        if let path {
            status = StatusMessage(text: (status.map { $0.text + " " } ?? "")
                                   + phrases.t("Text som inte kunde placeras finns i \(Sanitizer.visible(path)).",
                                               "Text that could not be placed is in \(Sanitizer.visible(path))."), isError: false)
        } else {
            dialog = .message(title: phrases.t("Sidofilen kunde inte skrivas", "The side file could not be written"),
                              lines: [problem ?? "", phrases.t("Den oplacerade texten finns kvar i dokumentet; importera igen med Ö för att lägga den under rubrik \(fallbackHeadingNumber).",
                                                               "The unplaced text is still in the document; import again with O to put it under heading \(fallbackHeadingNumber).")],
                              isError: true)
        }
    }

    public mutating func changesComputed(_ report: ChangesReport) {
        dialog = .changes(report, selected: 0)
        syncView()
    }

    // MARK: - Autosave

    /// Whether an autosave is due: changes newer than the autosave, and a pause in typing or
    /// long enough since the first unsaved change (so at most ~0.5 s of typing is only in memory).
    public func autosaveDue(now: Double) -> Bool {
        guard file.unautosaved, file.readOnly == nil else { return false }
        return now - file.lastEdit >= 0.25 || now - file.firstUnautosavedEdit >= 0.5
    }

    public mutating func autosaveTaken() {
        file.unautosaved = false
    }

    /// The last autosave did not reach the disk: the changes are pending again.
    public mutating func autosaveFailed() {
        if file.unsaved && !file.unautosaved {
            file.unautosaved = true
            file.firstUnautosavedEdit = file.lastEdit
        }
    }

    /// Offers an autosave newer than the draft, with what differs.
    public mutating func offerRestore(_ autosaved: Draft) {
        let differences = DraftDifferences.describe(from: currentDraft(), to: autosaved, form: form, language: language)
        let lines = [phrases.t("Det finns en autosparad version från \(time.format(autosaved.modified)) som är nyare än utkastet.",
                               "There is an autosaved version from \(time.format(autosaved.modified)) that is newer than the draft."),
                     phrases.t("Det som skiljer:", "What differs:")]
            + (differences.isEmpty ? [phrases.t("  (bara tidsstämpeln)", "  (only the time stamp)")] : differences.map { "  " + $0 })
        dialog = .question(Question(subject: .restoreAutosave(autosaved, differences: differences),
                                    title: phrases.t("Återställ autosparad text?", "Restore autosaved text?"), lines: lines,
                                    yes: phrases.t("J återställer", "Y restores"), no: phrases.t("N behåller filens version", "N keeps the file's version")))
        syncView()
    }

    /// Takes the restored autosave instead of the draft read from the file (one undo step back).
    mutating func restore(_ autosaved: Draft, now: Double) {
        replaceDocument(with: autosaved)
        edited(now)
        status = StatusMessage(text: phrases.t("Den autosparade versionen är återställd.", "The autosaved version is restored.")
                                    + words.sentence(.save, sv: "sparar den", en: "saves it"), isError: false)
    }

    /// Puts another version of the draft in the window (history starts again).
    mutating func replaceDocument(with new: Draft) {
        draft = new
        openedDecided = form.isDecided(status: new.status(in: form))
        makeEditors()
        history.clear()
        revalidateAll()
        loadLine()
    }

    // MARK: - The lock and the file on disk (read-only windows)

    /// The holder of the lock is gone: offer to take over.
    public mutating func lockReleased() {
        guard let readOnly = file.readOnly, readOnly.canTakeOver else { return }
        if dialog == nil {
            dialog = .question(Question(subject: .takeOver, title: phrases.t("Utkastet är ledigt", "The draft is free"),
                                        lines: [phrases.t("Utkastet är inte längre öppet någon annanstans. Ta över det och redigera här?",
                                                          "The draft is no longer open elsewhere. Take it over and edit here?")],
                                        yes: phrases.t("J tar över", "Y takes over"), no: phrases.t("N fortsätter skrivskyddat", "N stays read-only")))
        }
        syncView()
    }

    /// The shell took the lock and read the draft again: this window edits it now.
    public mutating func tookOver(_ fresh: Draft?, problem: String?) {
        defer { syncView() }
        guard let fresh else {
            status = StatusMessage(text: phrases.t("Kunde inte ta över: ", "Could not take over: ") + (problem ?? ""), isError: true)
            return
        }
        replaceDocument(with: fresh)
        file.readOnly = nil
        file.unsaved = false
        file.unautosaved = false
        status = StatusMessage(text: phrases.t("Du har tagit över utkastet och kan redigera det.", "You have taken over the draft and can edit it."),
                               isError: false)
    }

    /// The draft file changed on disk (its holder saved): a read-only window shows the new version.
    public mutating func changedOnDisk(_ fresh: Draft) {
        defer { syncView() }
        guard file.readOnly != nil else { return }
        let place = pageIndex
        replaceDocument(with: fresh)
        pageIndex = place
        loadLine()
        status = StatusMessage(text: phrases.t("Uppdaterat: utkastet sparades \(time.format(fresh.modified)) i det andra fönstret.",
                                               "Updated: the draft was saved at \(time.format(fresh.modified)) in the other window."),
                               isError: false)
    }
}

/// What differs between a draft and a newer autosave of it, per part.
public enum DraftDifferences {
    public static func describe(from old: Draft, to new: Draft, form: FormDefinition, language: Language) -> [String] {
        let p = Phrases(language: language)
        var lines: [String] = []
        let metadataChanged = form.metadata.contains { old.metadata[$0.id] != new.metadata[$0.id] }
        if metadataChanged { lines.append(p.t("Uppgifter: ändrade", "Details: changed")) }
        for section in form.sections {
            var parts: [String] = []
            for field in section.fields {
                let place = FieldPlace.section(section.id, field.id)
                let a = old.value(at: place)
                let b = new.value(at: place)
                guard a != b else { continue }
                if field.kind.isText {
                    let before = TextRules.stats(TextRules.nfc(old.text(at: place))).characters
                    let after = TextRules.stats(TextRules.nfc(new.text(at: place))).characters
                    let delta = after - before
                    let sign = delta > 0 ? "+" : delta < 0 ? "−" : "±"
                    parts.append(p.t("\(field.label.sv): \(sign)\(p.count(abs(delta))) tecken", "\(field.label.en): \(sign)\(p.count(abs(delta))) characters"))
                } else {
                    parts.append(p.t("\(field.label.sv): \(p.rows(b?.rows.count ?? 0)) (var \(a?.rows.count ?? 0))",
                                     "\(field.label.en): \(p.rows(b?.rows.count ?? 0)) (was \(a?.rows.count ?? 0))"))
                }
            }
            if old.readySections.contains(section.id) != new.readySections.contains(section.id) {
                parts.append(new.readySections.contains(section.id) ? p.t("markerad klar", "marked done") : p.t("inte längre markerad klar", "no longer marked done"))
            }
            if !parts.isEmpty { lines.append("\(section.number). \(section.shortTitle[language]): " + parts.joined(separator: ", ")) }
        }
        return lines
    }
}
