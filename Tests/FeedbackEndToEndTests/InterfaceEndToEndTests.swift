import Foundation
import Testing
import TestSupport
@testable import FeedbackDocuments
@testable import FeedbackModel

/// The real program in a real terminal (tmux): typing, saving, reopening, exporting,
/// resizing, pasting and the findings list. Skipped, and reported, where tmux is missing.
@Suite("Interface in tmux", .enabled(if: TmuxSession.isAvailable, "⚠️ SKIPPED: tmux is not installed (apt-get install tmux)"))
struct InterfaceEndToEndTests {
    let form = shippedForm()

    func start(_ arguments: String, in folder: TemporaryFolder, width: Int = 80, height: Int = 24,
               environment: [String: String] = [:]) throws -> TmuxSession {
        try TmuxSession(command: "exec \(shellQuoted(Paths.binary)) \(arguments)", width: width, height: height,
                        environment: ["XDG_DATA_HOME": folder.file("data"), "HOME": folder.path].merging(environment) { _, new in new },
                        folder: folder.path)
    }

    func newDraft(in folder: TemporaryFolder, _ draft: Draft? = nil) throws -> String {
        if let draft {
            try folder.write(bytes: DraftCodec.encode(draft, form: form), "utkast.json")
        } else {
            let result = try feedback(["new", "--committee", "hsn", "-o", folder.file("utkast.json")])
            #expect(result.status == 0)
        }
        return folder.file("utkast.json")
    }

    func load(_ path: String) throws -> Draft {
        try DraftCodec.decode(try FileStore.readLimited(path: path, limit: 1 << 26), file: path, form: form)
    }

    @Test func fillEveryHeadingSaveQuitReopenAndExport() throws {
        let folder = TemporaryFolder()
        let path = try newDraft(in: folder)
        let tmux = try start("fill \(shellQuoted(path))", in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter · planperiod"), "\(tmux.capture())")
        // The details page: the case number has the focus (not the committee).
        for value in ["HSN 2027/45", "2027-04-08", "§ 45", "Åsa Öberg", "asa.oberg@region.example"] {
            tmux.type(value)
            tmux.sendKeys("Down")
        }
        #expect(tmux.waitFor("asa.oberg@region.example"))
        // Every heading, in Swedish.
        var texts: [String] = []
        for n in 1...6 {
            let text = "Rubrik \(n): " + SampleDrafts.swedishText(words: 45, seed: n) + " Slutord\(n)åäö."
            texts.append(text)
            tmux.sendKeys("M-\(n)")
            #expect(tmux.waitFor("\(n). Nämndens"), "\(tmux.capture())")
            tmux.type(text)
            #expect(tmux.waitFor("Slutord\(n)åäö."), "\(tmux.capture())")
        }
        tmux.sendKeys("C-s")
        #expect(tmux.waitFor("✓ sparat"), "\(tmux.capture())")
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit())
        #expect(tmux.exitStatus() == 0)
        let saved = try load(path)
        for (i, section) in form.sections.enumerated() {
            #expect(saved.text(at: .section(section.id, "text")) == texts[i])
        }
        #expect(saved.metadata["contactName"] == .text("Åsa Öberg"))
        #expect(saved.revision == 1)
        #expect(!FileManager.default.fileExists(atPath: DraftFiles.lockPath(for: path)))
        #expect(!FileManager.default.fileExists(atPath: DraftFiles.autosavePath(for: path)))

        // Reopen: the text is there. Export from inside the interface.
        let again = try start("fill \(shellQuoted(path))", in: folder)
        defer { again.kill() }
        // It reopens where it was left (the last heading filled), not on the details.
        #expect(again.waitFor("Slutord6åäö.") || again.waitFor("Avsluta"), "\(again.capture())")
        again.sendKeys("M-3")
        #expect(again.waitFor("Slutord3åäö."), "\(again.capture())")
        again.sendKeys("C-e", "1")
        #expect(again.waitFor("Exportera ändå?") || again.waitFor("Inga fel eller varningar"), "\(again.capture())")
        // Nothing unsaved: revision 1 is exported as it was saved, into the folder named in full.
        let exports = folder.file("Exports").replacingOccurrences(of: "//", with: "/")
        #expect(again.capture().contains("Revision 1. Mapp: " + exports), "\(again.capture())")
        again.sendKeys("j")
        #expect(again.waitFor("Exporten är skriven"), "\(again.capture())")
        #expect(again.capture().contains(exports + "/pf-aterkoppling-2028_hsn_r1.json"), "\(again.capture())")
        again.sendKeys("Escape", "C-q")
        #expect(again.waitForExit())
        let exportPath = folder.file("Exports/pf-aterkoppling-2028_hsn_r1.json")
        let exported = try #require(try JSONParser.parse(try FileStore.readLimited(path: exportPath, limit: 1 << 22)).objectValue)
        #expect(Exporter.contentHash(of: exported) == exported["contentSha256"]?.stringValue)
        let sections = try #require(exported["sections"]?.arrayValue)
        #expect(sections[2].objectValue?["fields"]?.objectValue?["text"] == .string(texts[2]))
        #expect(exported["committee"]?.objectValue?["id"] == .string("hsn"))
    }

    /// The board gets one file per revision: exporting unsaved changes saves them first and
    /// the file carries the saved revision; an unchanged export writes nothing new.
    @Test func exportFromTheInterfaceCarriesTheSavedRevision() throws {
        let folder = TemporaryFolder()
        var draft = SampleDrafts.complete(form)
        draft.sections["economy"]!["risks"] = .table(draft.sections["economy"]!["risks"]!.rows)
        let path = try newDraft(in: folder, draft)
        let tmux = try start("fill \(shellQuoted(path))", in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"))
        tmux.sendKeys("M-6", "M-t", "C-End")
        // The sample is decided: the first change asks, and yes sets the status back.
        tmux.type(" ")
        #expect(tmux.waitFor("Texten är beslutad"), "\(tmux.capture())")
        tmux.sendKeys("j")
        #expect(tmux.waitFor("måste beslutas igen"), "\(tmux.capture())")
        tmux.type("Ändrat före exporten.")
        #expect(tmux.waitFor("ej sparat"))
        tmux.sendKeys("C-e", "1")
        #expect(tmux.waitFor("sparas först som revision 4"), "\(tmux.capture())")
        tmux.sendKeys("j")
        #expect(tmux.waitFor("Exporten är skriven"), "\(tmux.capture())")
        tmux.sendKeys("Escape", "C-e", "1", "j")
        #expect(tmux.waitFor("ingen ny fil skrevs"), "\(tmux.capture())")
        tmux.sendKeys("Escape", "C-q")
        #expect(tmux.waitForExit())
        let saved = try load(path)
        #expect(saved.revision == 4)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("Exports"))
        #expect(files == ["pf-aterkoppling-2028_hsn_r4.json"])
        let exported = try #require(try JSONParser.parse(try FileStore.readLimited(path: folder.file("Exports/" + files[0]), limit: 1 << 22)).objectValue)
        #expect(exported["revision"] == .integer(4))
        let other = exported["sections"]?.arrayValue?[5].objectValue?["fields"]?.objectValue?["text"]?.stringValue ?? ""
        #expect(other.hasSuffix("Ändrat före exporten.") && other == saved.text(at: .section("other", "text")))
    }

    /// The committee's document written from the interface, and text imported from a
    /// document written by someone else, as one undo step.
    @Test func documentsFromAndIntoTheInterface() throws {
        let folder = TemporaryFolder()
        let path = try newDraft(in: folder)
        try folder.write("underlag.md", """
            # Återkoppling

            ## 2. Nämndens utvecklingsinsatser

            Vi bygger ut nära vård i hela länet.

            - Fler mottagningar
            - Digitala besök

            ## 3 Kompetensförsörjning

            Vi utbildar egna specialister.
            """)
        // The region's Word template from the configuration, as `feedback render` takes it.
        let template = Paths.root + "/Tests/FeedbackDocumentsTests/Fixtures/template-region.docx"
        let tmux = try start("fill \(shellQuoted(path))", in: folder, environment: ["FEEDBACK_TEMPLATE": template])
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"))
        tmux.sendKeys("C-e", "6", "C-u")
        tmux.type(folder.file("underlag.md"))
        tmux.sendKeys("Enter")
        #expect(tmux.waitFor("Importera: underlag.md"), "\(tmux.capture())")
        tmux.sendKeys("j")
        #expect(tmux.waitFor("Importerat från underlag.md"), "\(tmux.capture())")
        tmux.sendKeys("M-2", "M-t")
        #expect(tmux.waitFor("- Digitala besök"), "\(tmux.capture())")
        // The document, from the saved revision.
        tmux.sendKeys("C-e", "3", "Enter")
        #expect(tmux.waitFor("Dokumentet är skrivet"), "\(tmux.capture())")
        tmux.sendKeys("Escape", "C-q")
        #expect(tmux.waitForExit())
        let saved = try load(path)
        #expect(saved.text(at: .section("development", "text")) == "Vi bygger ut nära vård i hela länet.\n\n- Fler mottagningar\n- Digitala besök")
        #expect(saved.text(at: .section("competence", "text")) == "Vi utbildar egna specialister.")
        let document = try FileStore.readLimited(path: folder.file("Exports/pf-aterkoppling-2028_hsn_r1.docx"), limit: 1 << 24)
        #expect(Array(document.prefix(2)) == [0x50, 0x4B], "not a zip container")
        let styles = try SafeZip.open(folder.file("Exports/pf-aterkoppling-2028_hsn_r1.docx")).read("word/styles.xml")
            .map { String(decoding: $0, as: UTF8.self) }
        #expect(styles?.contains("w:styleId=\"Rubrik1\"") == true, "the configured template was not used")
        #expect(saved.revision == 1)
    }

    /// This year's draft started from last year's export on the start screen: the days left
    /// in the header, last year's text under this year's, the marks until confirmed.
    @Test func startFromLastYearOnTheStartScreen() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("Exports"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: LastYear.exportFile, toPath: folder.file("Exports/pf-aterkoppling-2027_hsn_r5.json"))
        try FileManager.default.createDirectory(atPath: folder.file("forms"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: LastYear.formFile, toPath: folder.file("forms/pf-aterkoppling-2027.yaml"))
        let tmux = try TmuxSession(command: "exec \(shellQuoted(Paths.binary)) --forms \(shellQuoted(folder.file("forms")))",
                                   environment: ["XDG_DATA_HOME": folder.file("data"), "HOME": folder.path, "FEEDBACK_TODAY": "2027-04-04"],
                                   folder: folder.path)
        defer { tmux.kill() }
        #expect(tmux.waitFor("i dag 2027-04-04 · 12 dagar kvar"), "\(tmux.capture())")
        tmux.sendKeys("Down", "Enter")  // Hälso- och sjukvårdsnämnden
        #expect(tmux.waitFor("Börja från förra året?"), "\(tmux.capture())")
        tmux.sendKeys("j")
        #expect(tmux.waitFor("12 dagar kvar"), "\(tmux.capture())")
        tmux.sendKeys("M-1", "M-t", "M-l")
        #expect(tmux.waitFor("från föregående år"), "\(tmux.capture())")
        #expect(tmux.waitFor("Förra året: Export"), "\(tmux.capture())")
        tmux.sendKeys("C-b")
        #expect(tmux.waitFor("Bekräftat som årets"), "\(tmux.capture())")
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit())
        let path = folder.file("data/feedback/pf-aterkoppling-2028_hsn.json")
        let draft = try load(path)
        #expect(draft.carriedOver?.source.path.hasSuffix("pf-aterkoppling-2027_hsn_r5.json") == true)
        #expect(!draft.isUnconfirmedCarry(.section("goals", "text")))
        #expect(!draft.text(at: .section("goals", "text")).isEmpty)
    }

    @Test(.enabled(if: TmuxSession.canResize, "⚠️ SKIPPED: this tmux cannot resize windows"))
    func resizeWhileEditingRewrapsAndRecoversFromTooSmall() throws {
        let folder = TemporaryFolder()
        let path = try newDraft(in: folder)
        let tmux = try start("fill \(shellQuoted(path))", in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"))
        tmux.sendKeys("M-1", "M-t")
        let long = "ett två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton"
        tmux.type(long)
        #expect(tmux.waitFor("ett två tre fyra fem sex sju åtta nio tio elva tolv"))
        tmux.resize(width: 50, height: 20)
        #expect(tmux.waitUntil(timeout: 10) { !$0.contains("ett två tre fyra fem sex sju åtta nio tio elva tolv") && $0.contains("ett två tre fyra fem sex sju") },
                "\(tmux.capture())")
        tmux.resize(width: 30, height: 8)
        #expect(tmux.waitFor("för liten"), "\(tmux.capture())")
        tmux.type(" mer")
        tmux.resize(width: 100, height: 30)
        #expect(tmux.waitFor("sexton mer"), "\(tmux.capture())")
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit())
        #expect(try load(path).text(at: .section("goals", "text")) == long + " mer")
    }

    @Test func pasteOfOneMegabyteIsOneEdit() throws {
        let folder = TemporaryFolder()
        let path = try newDraft(in: folder)
        let tmux = try start("fill \(shellQuoted(path))", in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"))
        tmux.sendKeys("M-2")
        #expect(tmux.waitFor("2. Nämndens"))
        let line = "Inklistrad rad från Word med åäö och siffror 12 345 tkr, rad nummer "
        var block = ""
        var n = 0
        while block.utf8.count < 1_000_000 {
            block += line + String(n) + "\n"
            n += 1
        }
        block += "SISTA RADEN"
        let started = Date()
        tmux.paste(block)
        #expect(tmux.waitFor("SISTA RADEN", timeout: 20), "\(tmux.capture())")
        #expect(Date().timeIntervalSince(started) < 20)
        // One undo step takes the whole paste away.
        tmux.sendKeys("C-z")
        #expect(tmux.waitUntil(timeout: 10) { !$0.contains("SISTA RADEN") && $0.contains("Skriv eller klistra in") }, "\(tmux.capture())")
        tmux.sendKeys("C-y")
        #expect(tmux.waitFor("SISTA RADEN"))
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit(timeout: 20))
        let text = try load(path).text(at: .section("development", "text"))
        // Every line is a paragraph, stored with a blank line between (the paragraph model).
        #expect(text == Paragraphs.canonical(block))
        #expect(text.hasSuffix("SISTA RADEN"))
    }

    @Test func findingsListJumpsToTheField() throws {
        let folder = TemporaryFolder()
        let path = try newDraft(in: folder)
        let tmux = try start("fill \(shellQuoted(path))", in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"))
        tmux.sendKeys("C-f")
        #expect(tmux.waitFor("Kontroll: 8 fel, 1 varning"), "\(tmux.capture())")
        #expect(tmux.capture().contains("✗ 3 Kompetens: Text: måste fyllas i."))
        // "3 Kompetens" is the 6th finding.
        for _ in 0..<5 { tmux.sendKeys("Down") }
        tmux.sendKeys("Enter")
        #expect(tmux.waitFor("3. Nämndens inriktning för kompetensförsörjning"), "\(tmux.capture())")
        tmux.type("Kompetens hoppade hit")
        #expect(tmux.waitFor("Kompetens hoppade hit"))
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit())
        #expect(try load(path).text(at: .section("competence", "text")) == "Kompetens hoppade hit")
    }

    @Test func startScreenCreatesADraftInTheDataFolder() throws {
        let folder = TemporaryFolder()
        let tmux = try start("", in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Nytt utkast – välj nämnd:"), "\(tmux.capture())")
        tmux.sendKeys("Down", "Down", "Enter")  // Regionala utvecklingsnämnden
        #expect(tmux.waitFor("Regionala utvecklingsnämnden · utkast"), "\(tmux.capture())")
        tmux.sendKeys("M-6")
        tmux.type("Övrigt från RUN")
        #expect(tmux.waitFor("Övrigt från RUN"))
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit())
        let path = folder.file("data/feedback/pf-aterkoppling-2028_run.json")
        #expect(try load(path).text(at: .section("other", "text")) == "Övrigt från RUN")
        // Next time the start screen lists it.
        let again = try start("", in: folder)
        defer { again.kill() }
        #expect(again.waitFor("Regionala utvecklingsnämnden"), "\(again.capture())")
        #expect(again.capture().contains("Dina utkast"))
        again.sendKeys("Enter")
        // It reopens on heading 6, where it was left.
        #expect(again.waitFor("Övrigt från RUN"), "\(again.capture())")
        #expect(!again.capture().contains("Uppgifter · planperiod"))
        again.sendKeys("C-q")
        #expect(again.waitForExit())
    }

    @Test func externalEditorEditsTheTextAndItIsReadBack() throws {
        let folder = TemporaryFolder()
        var draft = undecided(SampleDrafts.complete(form))
        draft.sections["other", default: [:]]["text"] = .text("Före redigeringen.")
        let path = try newDraft(in: folder, draft)
        // An "editor" that appends a paragraph to the file it is given.
        try folder.write("editor.sh", "#!/bin/sh\nprintf '%s\\n' 'Tillagt i editorn, åäö.' >> \"$1\"\n")
        chmod(folder.file("editor.sh"), 0o755)
        let tmux = try TmuxSession(command: "exec \(shellQuoted(Paths.binary)) fill \(shellQuoted(path))",
                                   environment: ["VISUAL": folder.file("editor.sh"), "HOME": folder.path], folder: folder.path)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"))
        tmux.sendKeys("M-6", "M-t")
        #expect(tmux.waitFor("Före redigeringen."))
        tmux.sendKeys("C-o")
        #expect(tmux.waitFor("Tillagt i editorn, åäö."), "\(tmux.capture())")
        #expect(tmux.capture().contains("Texten från den externa redigeraren är inläst"))
        tmux.sendKeys("C-z")
        #expect(tmux.waitUntil(timeout: 10) { !$0.contains("Tillagt i editorn") })
        tmux.sendKeys("C-y", "C-q")
        #expect(tmux.waitForExit())
        #expect(try load(path).text(at: .section("other", "text")) == "Före redigeringen.\n\nTillagt i editorn, åäö.")
    }

    /// The external editor is a real, interactive editor: it must own the terminal (the
    /// first version started it in a background process group, where vim said "Error
    /// reading input" and nothing happened).
    @Test(arguments: ["vim", "nano"])
    func realEditorsOwnTheTerminal(editor: String) throws {
        try #require(isInstalled(editor), "⚠️ \(editor) is not installed")
        let folder = TemporaryFolder()
        var draft = undecided(SampleDrafts.complete(form))
        draft.sections["other", default: [:]]["text"] = .text("Före redigeringen.")
        let path = try newDraft(in: folder, draft)
        let command = editor == "vim" ? "vim -u NONE -N -i NONE" : "nano --ignorercfiles"
        let tmux = try TmuxSession(command: "exec \(shellQuoted(Paths.binary)) fill \(shellQuoted(path))",
                                   environment: ["EDITOR": command, "VISUAL": "", "HOME": folder.path], folder: folder.path)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"))
        tmux.sendKeys("M-6", "M-t")
        #expect(tmux.waitFor("Före redigeringen."))
        tmux.sendKeys("C-o")
        if editor == "vim" {
            #expect(tmux.waitFor("Före redigeringen.") && tmux.waitUntil(timeout: 10) { !$0.contains("Alt-T visar den igen") }, "\(tmux.capture())")
            tmux.sendKeys("G", "o")
            tmux.type("Skrivet i vim, åäö.")
            tmux.sendKeys("Escape")
            tmux.type(":wq")
            tmux.sendKeys("Enter")
        } else {
            #expect(tmux.waitFor("GNU nano") || tmux.waitFor("^X"), "\(tmux.capture())")
            tmux.sendKeys("M-/")  // to the end of the file
            tmux.type("Skrivet i nano, åäö.")
            tmux.sendKeys("C-s")
            tmux.sendKeys("C-x")
        }
        let written = editor == "vim" ? "Skrivet i vim, åäö." : "Skrivet i nano, åäö."
        #expect(tmux.waitFor("Texten från den externa redigeraren är inläst"), "\(tmux.capture())")
        #expect(tmux.waitFor(written), "\(tmux.capture())")
        #expect(!tmux.capture().contains("Error reading input"))
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit())
        let text = try load(path).text(at: .section("other", "text"))
        #expect(text.hasPrefix("Före redigeringen.") && text.hasSuffix(written), "\(text.debugDescription)")
    }

    /// A complete sample with the status before the decided one: for tests of editing that
    /// are not about the decision (a decided text asks before it changes).
    func undecided(_ draft: Draft) -> Draft {
        var draft = draft
        guard let field = form.statusField, let decided = form.decidedOption,
              let index = field.options.firstIndex(where: { $0.id == decided.id }), index > 0 else { return draft }
        draft.metadata[field.id] = .text(field.options[index - 1].id)
        return draft
    }
}
