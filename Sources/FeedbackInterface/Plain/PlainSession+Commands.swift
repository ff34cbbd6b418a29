import FeedbackModel

/// The commands of the accessible mode, each answered with one short confirmation.
extension PlainSession {
    mutating func command(_ line: String, now: Double) -> PlainStep {
        var step = PlainStep()
        let text = line.trimmingWhitespace
        guard !text.isEmpty else { return step }
        guard let (command, rest) = PlainCommand.parse(text) else {
            step.lines = [phrases.t("Okänt kommando: \(Sanitizer.visible(text)).", "Unknown command: \(Sanitizer.visible(text))."),
                          commandList()]
            return step
        }
        app.session!.status = nil
        switch command.id {
        case .help: step.lines = helpLines(rest)
        case .go: step.lines = go(rest, now: now)
        case .guidance: step.lines = guidance()
        case .read: step.lines = read(rest)
        case .write: step.lines = write(rest, now: now)
        case .append:
            guard requireText() else { step.lines = notOnATextPage(); break }
            if refuseReadOnlyLine(&step) { break }
            if rest.isEmpty {
                mode = .collecting(.append, lines: [])
                step.lines = [phrases.t("Skriv texten. En punkt ensam på en rad avslutar.", "Type the text. A full stop alone on a line ends it.")]
            } else {
                step.lines = finishCollect(.append, lines: [rest], now: now)
            }
        case .edit:
            guard case .text(let place) = session.pageKind else { step.lines = notOnATextPage(); break }
            if refuseReadOnlyLine(&step) { break }
            step.commands = [.session(.editExternally(session.editors[place]?.buffer.nfcText ?? "", place: place))]
            step.lines = [phrases.t("Öppnar texten i din editor.", "Opening the text in your editor.")]
        case .table: step.lines = table(rest, now: now)
        case .newRow: step.lines = newRow(now: now)
        case .editRow: step.lines = editRow(rest)
        case .deleteRow: step.lines = deleteRow(rest, now: now)
        case .check: step.lines = check()
        case .overview: step.lines = overview()
        case .changes:
            step.commands = edit { $0.perform(.changes, key: .function(5), now: now) }
        case .lastYear: step.lines = lastYearLines()
        case .confirm:
            app.session!.confirmCarried(now: now)
            step.lines = confirmation("")
        case .done: step.lines = done(rest, now: now)
        case .undo: step.lines = undoLine(now: now)
        case .redo: step.lines = redoLine(now: now)
        case .save:
            step.commands = edit { $0.save(now: now) }
        case .saveAs:
            guard !rest.isEmpty else {
                step.lines = [phrases.t("Skriv spara som och filens namn, till exempel spara som kopia.json.",
                                        "Type save as and the file's name, for example save as copy.json.")]
                break
            }
            step.commands = edit { $0.saveCopy(to: rest, replace: false, now: now) }
        case .export:
            step.commands = edit { $0.reviewExport(now: now) }
        case .submit:
            if let note = session.handIn { step.lines = [phrases.t("Senaste inlämningen: ", "The last hand-in: ") + note.text + "."] }
            step.commands = edit { $0.reviewSubmit(now: now) }
        case .document: step = document(rest, now: now)
        case .importDocument:
            guard !rest.isEmpty else {
                step.lines = [phrases.t("Skriv importera och dokumentets namn, till exempel importera underlag.docx.",
                                        "Type import and the document's name, for example import notes.docx.")]
                break
            }
            if refuseReadOnlyLine(&step) { break }
            step.commands = edit { $0.fileNameChosen(rest, purpose: .importFrom, now: now) }
        case .quit:
            step.commands = edit { $0.quit(now: now) }
            if step.commands.contains(where: { if case .session(.quit) = $0 { return true } else { return false } }) {
                step.lines = [phrases.t("Avslutar.", "Quitting.")]
            }
        case .quitAnyway:
            step.commands = [.session(.quit)]
            step.lines = [phrases.t("Avslutar utan att spara.", "Quitting without saving.")]
        }
        return step
    }

    func commandList() -> String {
        phrases.t("Kommandon: ", "Commands: ") + PlainCommand.all.map { language == .sv ? $0.sv[0] : $0.en[0] }.joined(separator: ", ") + "."
    }

    func helpLines(_ rest: String) -> [String] {
        if let (command, _) = PlainCommand.parse(rest) {
            return ["\(command.usage[language]): \(command.help[language])"]
        }
        var lines = [phrases.t("Kommandon, svenska eller engelska ord:", "Commands, in Swedish or English words:")]
        for command in PlainCommand.all {
            let other = language == .sv ? command.en[0] : command.sv[0]
            lines.append("\(command.usage[language]) (\(other)): \(command.help[language])")
        }
        return lines
    }

    mutating func refuseReadOnlyLine(_ step: inout PlainStep) -> Bool {
        guard let readOnly = session.readOnly else { return false }
        step.lines = [phrases.t("Skrivskyddat: \(readOnly.message). Spara som fil sparar en kopia.",
                                "Read-only: \(readOnly.message). Save as file saves a copy.")]
        return true
    }

    func requireText() -> Bool {
        if case .text = session.pageKind { return true }
        return false
    }

    func notOnATextPage() -> [String] {
        [phrases.t("Här finns ingen text: gå till en rubrik först, till exempel gå 1.", "There is no text here: go to a heading first, for example go 1.")]
    }

    // MARK: - Going and reading

    mutating func go(_ rest: String, now: Double) -> [String] {
        let target = rest.lowercased()
        if ["uppgifter", "details", "0"].contains(target) {
            app.session!.goToPage(0, now: now)
            return [phrases.t("Uppgifter. \(session.form.metadata.count) fält; läs visar dem.", "Details. \(session.form.metadata.count) fields; read shows them.")]
        }
        let form = session.form
        let index = Int(target).flatMap { n in form.sections.firstIndex { $0.number == n } }
            ?? form.sections.firstIndex { !target.isEmpty && ($0.shortTitle[language].lowercased().hasPrefix(target) || $0.id.hasPrefix(target)) }
        guard let s = index, let page = session.pages.firstIndex(of: .field(section: s, field: 0)) else {
            return [phrases.t("Ingen sådan rubrik. Skriv gå 1 till gå \(form.sections.count), eller gå uppgifter.",
                              "No such heading. Type go 1 to go \(form.sections.count), or go details.")]
        }
        app.session!.goToPage(page, now: now)
        return [headingLine(s)]
    }

    /// "Rubrik 3, Kompetens: påbörjad, 2 stycken, 120 ord."
    func headingLine(_ s: Int) -> String {
        let section = session.form.sections[s]
        var parts = ["\(phrases.t("Rubrik", "Heading")) \(section.number), \(section.shortTitle[language]): \(stateWord(session.state(ofSection: s)))"]
        let place = FieldPlace.section(section.id, section.fields[0].id)
        if let editor = session.editors[place] {
            let count = editor.buffer.paragraphs.filter { !Paragraphs.isBlank($0) }.count
            parts.append(phrases.t("\(count) \(count == 1 ? "stycke" : "stycken")", "paragraphs: \(count)"))
            parts.append(phrases.t("\(phrases.count(editor.buffer.wordTotal)) ord", "\(phrases.count(editor.buffer.wordTotal)) words"))
        }
        let tables = section.fields.filter { !$0.kind.isText }
        if !tables.isEmpty {
            parts.append(phrases.t("tabeller: ", "tables: ") + tables.map { $0.label[language].lowercased() }.joined(separator: ", "))
        }
        return parts.joined(separator: ", ") + "."
    }

    func stateWord(_ state: PartState) -> String {
        switch state {
        case .empty: return phrases.t("tom", "empty")
        case .inProgress: return phrases.t("påbörjad", "started")
        case .ready: return phrases.t("klar", "done")
        case .hasErrors: return phrases.t("har fel", "has errors")
        }
    }

    func guidance() -> [String] {
        guard let s = session.page.sectionIndex else {
            return session.form.metadata.compactMap { field in field.help.map { "\(field.label[language]): \($0[language])" } }
        }
        let section = session.form.sections[s]
        var lines = [phrases.t("Vägledning för rubrik \(section.number), \(section.shortTitle[language]):", "Guidance for heading \(section.number), \(section.shortTitle[language]):")]
        lines += Paragraphs.lines(section.guidance[language]).map(String.init)
        for field in section.fields where !field.kind.isText {
            lines.append(field.label[language] + (field.help.map { ": " + $0[language] } ?? "."))
        }
        return lines
    }

    /// The text numbered by paragraph, or the details numbered by field.
    func read(_ rest: String) -> [String] {
        switch session.pageKind {
        case .details:
            return session.form.metadata.enumerated().map { i, field in detailsLine(i, field) }
        case .table:
            return tableLines()
        case .text(let place):
            let paragraphs = numberedParagraphs(place)
            if paragraphs.isEmpty { return [phrases.t("Texten är tom. Lägg till skriver text.", "The text is empty. Append adds text.")] }
            if let n = Int(rest) {
                guard n >= 1, n <= paragraphs.count else { return [paragraphRange(paragraphs.count)] }
                return [paragraphLine(n, paragraphs[n - 1].text)]
            }
            return paragraphs.enumerated().map { paragraphLine($0.offset + 1, $0.element.text) } + counterLines(place)
        }
    }

    func paragraphLine(_ n: Int, _ text: String) -> String {
        Paragraphs.isBullet(text) ? phrases.t("Stycke \(n), punkt: ", "Paragraph \(n), bullet: ") + Sanitizer.visible(String(text.dropFirst(2)))
                                  : phrases.t("Stycke \(n): ", "Paragraph \(n): ") + Sanitizer.visible(text)
    }

    func paragraphRange(_ count: Int) -> String {
        phrases.t("Det finns \(count) \(count == 1 ? "stycke" : "stycken"); välj 1 till \(count).",
                  "There \(count == 1 ? "is 1 paragraph" : "are \(count) paragraphs"); choose 1 to \(count).")
    }

    /// The text's paragraphs (blank lines left out) with their line in the editor.
    func numberedParagraphs(_ place: FieldPlace) -> [(line: Int, text: String)] {
        guard let editor = session.editors[place] else { return [] }
        return editor.buffer.paragraphs.enumerated().filter { !Paragraphs.isBlank($0.element) }.map { ($0.offset, $0.element) }
    }

    func counterLines(_ place: FieldPlace) -> [String] {
        guard let editor = session.editors[place], let field = session.field(of: session.page) else { return [] }
        var line = phrases.t("Längd: \(phrases.count(editor.buffer.characterCount)) tecken", "Length: \(phrases.count(editor.buffer.characterCount)) characters")
        if let max = field.rules.maxChars?.value { line += phrases.t(" av högst \(phrases.count(max))", " of at most \(phrases.count(max))") }
        line += phrases.t(", \(phrases.count(editor.buffer.wordTotal)) ord.", ", \(phrases.count(editor.buffer.wordTotal)) words.")
        return [line] + (session.checks.byPlace[place] ?? []).map(findingLine)
    }

    func detailsLine(_ i: Int, _ field: FieldDefinition) -> String {
        let value = EditorSession.editText(session.draft.metadata[field.id])
        var shown = value.isEmpty ? phrases.t("tomt", "empty") : Sanitizer.visible(value)
        if session.isChoice(field.kind) {
            shown = session.choices(for: field.kind).first { $0.id == value }?.label ?? shown
        }
        var line = "\(i + 1) \(field.label[language]): \(shown)."
        let findings = session.findings(ofMetadata: field.id)
        if !findings.isEmpty { line += " " + findings.map(findingLine).joined(separator: " ") }
        return line
    }

    func findingLine(_ finding: Finding) -> String {
        (finding.severity == .error ? phrases.t("Fel: ", "Error: ") : phrases.t("Varning: ", "Warning: ")) + finding.message[language]
    }

    // MARK: - Writing

    mutating func write(_ rest: String, now: Double) -> [String] {
        var words = rest.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = words.first, let n = Int(first) else {
            return [phrases.t("Skriv skriv och ett nummer, till exempel skriv 2 ny text.", "Type write and a number, for example write 2 new text.")]
        }
        words.removeFirst()
        let text = words.first ?? ""
        var step = PlainStep()
        if refuseReadOnlyLine(&step) { return step.lines }
        switch session.pageKind {
        case .details:
            guard n >= 1, n <= session.form.metadata.count else {
                return [phrases.t("Uppgifterna har fält 1 till \(session.form.metadata.count).", "The details have fields 1 to \(session.form.metadata.count).")]
            }
            return setField(n - 1, text, now: now)
        case .table:
            return [phrases.t("I en tabell: ändra rad N, ny rad eller ta bort rad N.", "In a table: edit row N, new row or delete row N.")]
        case .text(let place):
            let count = numberedParagraphs(place).count
            guard n >= 1, n <= count + 1 else { return [paragraphRange(count)] }
            if text.isEmpty {
                mode = .collecting(.replaceParagraph(n), lines: [])
                return [phrases.t("Skriv det nya stycket \(n). En punkt ensam på en rad avslutar.", "Type the new paragraph \(n). A full stop alone on a line ends it.")]
            }
            return finishCollect(.replaceParagraph(n), lines: [text], now: now)
        }
    }

    /// Lines collected for a paragraph or an append, applied as one edit.
    mutating func finishCollect(_ purpose: Collect, lines: [String], now: Double) -> [String] {
        guard case .text(let place) = session.pageKind, let editor = session.editors[place] else { return notOnATextPage() }
        let (clean, removed) = PastedText.clean(lines.joined(separator: "\n"))
        let inserted = TextEditor.insertable(clean)
        let paragraphs = numberedParagraphs(place)
        let edit: Edit
        let message: String
        switch purpose {
        case .replaceParagraph(let n) where n <= paragraphs.count:
            let target = paragraphs[n - 1]
            edit = .text(place, at: TextPosition(paragraph: target.line, offset: 0), removed: target.text, inserted: inserted)
            message = phrases.t("Stycke \(n) är ändrat.", "Paragraph \(n) is changed.")
        default:
            let end = editor.buffer.end
            let prefix = editor.buffer.isEmpty ? "" : "\n"
            guard !inserted.trimmingWhitespace.isEmpty else { return [phrases.t("Ingen text; inget ändrades.", "No text; nothing changed.")] }
            edit = .text(place, at: end, removed: "", inserted: prefix + inserted)
            let added = Paragraphs.lines(inserted).count
            // "ett stycke tillagt", "två stycken tillagda": the participle agrees in number.
            message = phrases.t("\(added) \(added == 1 ? "stycke tillagt" : "stycken tillagda"); texten har nu \(paragraphs.count + added).",
                                "Paragraphs added: \(added); the text now has \(paragraphs.count + added).")
        }
        app.session!.history.closeRun()
        guard app.session!.apply(edit, run: nil, now: now) else { return session.dialog == nil ? confirmation("") : [] }
        app.session!.history.closeRun()
        var result = [message]
        if let note = removed.message(language) { result.append(note) }
        let own = session.checks.byPlace[place] ?? []
        if own.hasErrors { result += own.filter { $0.severity == .error }.map(findingLine) }
        return result
    }

    /// Sets a field of the details: typed values in their forgiving form, choices by number
    /// or name; the committee only after a yes.
    mutating func setField(_ index: Int, _ text: String, now: Double) -> [String] {
        let field = session.form.metadata[index]
        let place = FieldPlace.metadata(field.id)
        if session.isChoice(field.kind) {
            let options = session.choices(for: field.kind)
            guard let option = PlainSession.option(text, options) else {
                return [phrases.t("\(field.label[language]): välj ett av ", "\(field.label[language]): choose one of ")
                        + options.enumerated().map { PlainSession.numbered($0.element.label, $0.offset + 1) }.joined(separator: ", ") + "."]
            }
            let current = EditorSession.editText(session.draft.metadata[field.id])
            if field.kind == .committee, !current.isEmpty, option.id != current {
                app.session!.askToChangeCommittee(to: option.id, from: current)
                return []
            }
            app.session!.history.closeRun()
            guard app.session!.apply(.value(place, from: session.draft.metadata[field.id], to: .text(option.id)), run: nil, now: now) else {
                return session.dialog == nil ? confirmation("") : []
            }
            app.session!.loadLine()
            return ["\(field.label[language]): \(option.label)."]
        }
        let interpreted = ForgivingInput.interpret(text, field: field)
        let value = EditorSession.value(fromTyped: interpreted ?? text, amount: field.kind == .amount).map(FieldValue.init)
        app.session!.history.closeRun()
        guard app.session!.apply(.value(place, from: session.draft.metadata[field.id], to: value), run: nil, now: now) else {
            return session.dialog == nil ? confirmation("") : []
        }
        app.session!.loadLine()
        var lines = ["\(field.label[language]): " + (value == nil ? phrases.t("tomt", "empty") : Sanitizer.visible(EditorSession.editText(value))) + "."]
        if let interpreted, interpreted != text { lines[0] += phrases.t(" Tolkat som \(interpreted).", " Understood as \(interpreted).") }
        lines += session.findings(ofMetadata: field.id).map(findingLine)
        return lines
    }

    /// A choice by its number, id or the start of its name.
    static func option(_ text: String, _ options: [(id: String, label: String)]) -> (id: String, label: String)? {
        let typed = text.trimmingWhitespace.lowercased()
        guard !typed.isEmpty else { return nil }
        if let n = Int(typed), n >= 1, n <= options.count { return options[n - 1] }
        return options.first { $0.id.lowercased() == typed || $0.label.lowercased() == typed }
            ?? options.first { $0.label.lowercased().hasPrefix(typed) }
    }

    // MARK: - Check, overview, done

    func check() -> [String] {
        let all = session.allFindings
        guard !all.isEmpty else { return [phrases.t("Inga fel eller varningar. Utkastet kan exporteras.", "No errors or warnings. The draft can be exported.")] }
        var lines = [FindingsReport.summary(all, language: language) + "."]
        for finding in all {
            let heading = finding.sectionID.flatMap { session.form.section(id: $0) }
                .map { phrases.t("rubrik \($0.number)", "heading \($0.number)") } ?? phrases.t("uppgifter", "details")
            lines.append(findingLine(finding) + " (" + heading + ")")
        }
        return lines
    }

    func overviewSummary() -> [String] {
        let all = session.allFindings
        var line = phrases.done(session.sectionsDone, of: session.form.sections.count)
        let empty = session.form.sections.indices.filter { session.state(ofSection: $0) == .empty }.map { session.form.sections[$0].number }
        if !empty.isEmpty {
            line += phrases.t("; \(empty.count == 1 ? "rubrik" : "rubrikerna") \(empty.map(String.init).joined(separator: ", ")) saknar text",
                              "; \(empty.count == 1 ? "heading" : "headings") \(empty.map(String.init).joined(separator: ", ")) \(empty.count == 1 ? "has" : "have") no text")
        }
        line += "; " + FindingsReport.summary(all, language: language) + "."
        return [line]
    }

    func overview() -> [String] {
        var lines = overviewSummary()
        lines.append(phrases.t("Uppgifter: \(stateWord(session.state(ofSection: nil))).", "Details: \(stateWord(session.state(ofSection: nil)))."))
        lines += session.form.sections.indices.map(headingLine)
        return lines
    }

    mutating func done(_ rest: String, now: Double) -> [String] {
        if let n = Int(rest) {
            guard let s = session.form.sections.firstIndex(where: { $0.number == n }),
                  let page = session.pages.firstIndex(of: .field(section: s, field: 0)) else {
                return [phrases.t("Ingen rubrik \(n).", "No heading \(n).")]
            }
            app.session!.goToPage(page, now: now)
        }
        guard let s = session.page.sectionIndex else {
            return [phrases.t("Uppgifterna markeras inte; de är klara när de saknar fel. Gå till en rubrik först.",
                              "The details are not marked; they are done when they have no errors. Go to a heading first.")]
        }
        let section = session.form.sections[s]
        let wasMarked = session.draft.readySections.contains(section.id)
        app.session!.toggleReady(now: now)
        let heading = phrases.t("Rubrik \(section.number), \(section.shortTitle[language])", "Heading \(section.number), \(section.shortTitle[language])")
        guard session.draft.readySections.contains(section.id) != wasMarked else { return confirmation("") }
        if wasMarked { return [heading + phrases.t(": inte längre markerad som klar.", ": no longer marked as done.")] }
        switch session.state(ofSection: s) {
        case .ready: return [heading + phrases.t(": markerad som klar. ", ": marked as done. ") + overviewSummary()[0]]
        case .empty: return [heading + phrases.t(": markerad som klar, men tom; den räknas när den har innehåll.", ": marked as done, but empty; it counts once it has content.")]
        default:
            let errors = session.findings(ofSection: s).errorCount
            return [heading + phrases.t(": markerad som klar, men har \(phrases.errors(errors)); den räknas när felen är rättade.",
                                        ": marked as done, but has \(phrases.errors(errors)); it counts once they are corrected.")]
        }
    }

    func lastYearLines() -> [String] {
        guard let lastYear = session.lastYear else {
            return [phrases.t("Utkastet är inte startat från förra årets återkoppling.", "The draft was not started from last year's feedback.")]
        }
        guard case .field(let s, _) = session.page else { return [phrases.t("Gå till en rubrik först.", "Go to a heading first.")] }
        let section = session.form.sections[s]
        let place = FieldPlace.section(section.id, section.fields[0].id)
        guard let text = lastYear.texts[place], !text.isEmpty else {
            return [phrases.t("Förra året fanns ingen text under rubrik \(section.number).", "Last year there was no text under heading \(section.number).")]
        }
        return [phrases.t("Förra året, rubrik \(section.number) (\(Sanitizer.visible(lastYear.source))):", "Last year, heading \(section.number) (\(Sanitizer.visible(lastYear.source))):")]
            + Paragraphs.lines(text).enumerated().map { paragraphLine($0.offset + 1, String($0.element)) }
    }

    // MARK: - Documents

    mutating func document(_ rest: String, now: Double) -> PlainStep {
        var step = PlainStep()
        let words = rest.split(separator: " ", maxSplits: 1).map(String.init)
        guard let kind = words.first.flatMap({ DocumentKind(rawValue: $0.lowercased()) }) else {
            step.lines = [phrases.t("Skriv dokument docx, dokument html eller dokument md, och om du vill ett filnamn.",
                                    "Type document docx, document html or document md, and a file name if you like.")]
            return step
        }
        var next = session.draft
        if session.unsaved && session.readOnly == nil { next.revision += 1 }
        let path = words.count > 1 ? words[1] : session.file.exportFolder + "/" + EditorSession.documentName(for: next, form: session.form, kind: kind)
        step.commands = edit { $0.startRender(kind, to: path, replace: false, now: now) }
        return step
    }
}
