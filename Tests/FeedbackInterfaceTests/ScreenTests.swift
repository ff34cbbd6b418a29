import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// The whole interface: key sequences in, the rendered screen as text out.
@Suite struct ScreenTests {
    @Test func opensOnTheMetadataPageWithMarkersAndProgress() {
        var h = Harness()
        let lines = h.lines()
        #expect(lines[0].contains("Hälso- och sjukvårdsnämnden"))
        #expect(lines[0].contains("● sparat"))
        #expect(lines[1].hasPrefix(" Uppgifter"))
        #expect(lines[2].contains("1 Mål och uppdrag  ○"))
        #expect(lines[4].contains("✗ Nämndens diarienummer"))
        #expect(lines[21].contains("1 av 6 klara"))
        #expect(lines[23].hasPrefix("^S Spara ^E Exportera ^F Kontroll"))
        #expect(lines[23].contains("^G Hjälp ^Q Avsluta"))
    }

    @Test func speaksEnglishOnRequest() {
        var h = Harness(language: .en)
        let text = h.text()
        #expect(text.contains("Details"))
        #expect(text.contains("Committee case number"))
        #expect(text.contains("^S Save"))
        #expect(text.contains("1 of 6 done"))
    }

    @Test func typingInAHeadingUpdatesCounterMarkerAndProgress() {
        var h = Harness()
        h.goToSection(1)
        #expect(h.lines()[2].contains("1 Mål och uppdrag  ○"))
        h.type("Nämnden bidrar.")
        var lines = h.lines()
        #expect(lines[2].contains("1 Mål och uppdrag  ◐"))  // written, but short: a warning
        #expect(lines[22].hasPrefix(" 15/12 000 tecken · 2 ord/1 500"))
        #expect(lines[0].contains("○ ej sparat"))
        h.type(" " + SampleDrafts.swedishText(words: 40))
        lines = h.lines()
        #expect(lines[2].contains("1 Mål och uppdrag  ●"))
        #expect(lines[21].contains("2 av 6 klara"))
    }

    @Test func cursorSitsAfterTheTextTyped() {
        var h = Harness()
        h.goToSection(2)
        h.press(.control("t"))  // hide the guidance: the text starts right under the title
        h.type("Hej åäö 中文")
        let screen = h.screen()
        let row = screen.lines.firstIndex { $0.contains("Hej åäö 中文") }
        #expect(row != nil)
        #expect(screen.cursor?.row == row)
        #expect(screen.cursor?.column == 24 + DisplayText.width(of: "Hej åäö 中文"))
    }

    @Test func pasteIsOneEditAndOneUndo() {
        var h = Harness()
        h.goToSection(3)
        let block = (1...2_000).map { "Rad \($0) inklistrad från Word." }.joined(separator: "\r\n")
        h.press(.paste(block))
        #expect(h.draft().text(at: .section("competence", "text")).hasSuffix("Rad 2000 inklistrad från Word."))
        #expect(h.text().contains("Rad 2000 inklistrad från Word."))
        h.press(.control("z"))
        #expect(h.draft().text(at: .section("competence", "text")) == "")
    }

    @Test func controlCharactersInALoadedDraftAreShownHarmlessly() {
        var draft = SampleDrafts.complete(shippedForm())
        draft.sections["goals"]!["text"] = .text("Farlig\u{1B}]0;titel\u{7} text \u{202E}vänd\u{9B}31m")
        var h = Harness(draft: draft)
        h.goToSection(1)
        let screen = h.screen()
        #expect(screen.text.contains("Farlig^[]0;titel^G text <U+202E>vänd<U+009B>31m"))
        for cell in screen.cells {
            #expect(!cell.text.unicodeScalars.contains { TextRules.hazard($0.value) != nil })
        }
        #expect(screen.text.contains("✗ 2") || h.session.allFindings.contains { $0.code == "controlCharacter" })
    }

    @Test func findingsListJumpsToThePlace() {
        var h = Harness()
        h.press(.control("f"))
        var text = h.text()
        #expect(text.contains("Kontroll: 8 fel, 1 varning"))
        #expect(text.contains("✗ Uppgifter: Nämndens diarienummer: måste fyllas i."))
        // Down to "4 Ekonomi: Text", Enter: the economy text page opens.
        for _ in 0..<6 { h.press(.down) }
        h.press(.enter)
        text = h.text()
        #expect(text.contains("4. Nämndens plan för hållbar ekonomi"))
        #expect(text.contains("─ Text"))
        h.type("Nu skriver vi här")
        #expect(h.draft().text(at: .section("economy", "text")) == "Nu skriver vi här")
    }

    @Test func findingJumpGoesToTheCharacter() {
        var draft = SampleDrafts.complete(shippedForm())
        let text = SampleDrafts.swedishText(words: 40) + "\n\nEtt\u{7}fel"
        draft.sections["goals"]!["text"] = .text(text)
        var h = Harness(draft: draft)
        let all = h.session.allFindings
        #expect(all.map(\.code) == ["controlCharacter"])
        h.press(.control("f"), .enter)
        h.press(.backspace)  // removes the letter before the control character
        #expect(h.draft().text(at: .section("goals", "text")).hasSuffix("Et\u{7}fel"))
    }

    @Test func metadataFieldsAndChoices() {
        var h = Harness()
        h.press(.down)
        h.type("HSN 2027/45")
        h.press(.down)
        h.type("2027-04-08")
        h.press(.down)
        h.type("45")
        var text = h.text()
        #expect(text.contains("Skriv paragrafen som ”§ 45”"))
        h.press(.home)
        h.type("§ ")
        text = h.text()
        #expect(!text.contains("Skriv paragrafen som"))
        h.press(.down, .down, .down)  // status
        h.press(.right, .right)
        #expect(h.draft().metadata["status"] == .text("beslutad"))
        #expect(h.text().contains("‹ beslutad ›"))
        h.press(.left)
        #expect(h.draft().metadata["status"] == .text("klar-for-beslut"))
        let draft = h.draft()
        #expect(draft.metadata["caseNumber"] == .text("HSN 2027/45"))
        #expect(draft.metadata["meetingDate"] == .text("2027-04-08"))
        #expect(draft.metadata["paragraph"] == .text("§ 45"))
        // Undo takes back the last change on the page.
        h.press(.control("z"))
        #expect(h.draft().metadata["status"] == .text("beslutad"))
    }

    @Test func decidedStatusNeedsDateAndParagraph() {
        var h = Harness()
        for _ in 0..<6 { h.press(.down) }
        h.press(.right, .right)  // beslutad
        let codes = h.session.allFindings.map(\.code)
        #expect(codes.filter { $0 == "conditionRequired" }.count == 2)
        #expect(h.text().contains("✗ Sammanträdesdatum"))
    }

    @Test func tablesAddEditAndDeleteRowsWithImmediateAmountFeedback() {
        var h = Harness()
        h.goToSection(5)
        h.press(.control("n"))  // the investments table
        var text = h.text()
        #expect(text.contains("Inga rader ännu"))
        h.press(.control("r"))
        h.type("Ny magnetkamera")
        h.press(.down, .right)  // category: the first choice
        h.press(.down)
        h.type("12 5x")
        text = h.text()
        #expect(text.contains("ogiltigt belopp"))
        #expect(text.contains("✗ Belopp (tkr) 2028"))
        h.press(.backspace)
        h.type("00")
        text = h.text()
        #expect(!text.contains("ogiltigt belopp"))
        #expect(text.contains("12 500 tkr"))
        let rows = h.draft().sections["investments"]?["investments"]?.rows ?? []
        #expect(rows.count == 1)
        #expect(rows.first?["amounts/2028"] == .integer(12_500))
        #expect(rows.first?["category"] == .text("byggnader"))
        h.press(.control("r"))
        h.type("Ambulanser")
        #expect(h.text().contains("Rad 2 av 2"))
        h.press(.control("k"))
        #expect(h.text().contains("Rad 1 av 1"))
        h.press(.control("z"))
        #expect(h.text().contains("Rad 2 av 2"))
        #expect(h.draft().sections["investments"]?["investments"]?.rows.count == 2)
        h.press(.pageUp)
        #expect(h.text().contains("Rad 1 av 2"))
    }

    @Test func navigationWithTheListAndKeys() {
        var h = Harness()
        h.press(.control("n"))
        #expect(h.text().contains("1. Nämndens bidrag"))
        h.press(.tab)
        #expect(h.text().contains("2. Nämndens utvecklingsinsatser"))
        h.press(.escape, .down, .down)
        #expect(h.text().contains("4. Nämndens plan för hållbar ekonomi"))
        #expect(h.lines().contains { $0.contains("· Risker") })
        h.press(.enter)
        h.type("x")
        #expect(h.draft().text(at: .section("economy", "text")) == "x")
        h.press(.alt("0"))
        #expect(h.text().contains("Uppgifter – planperiod"))
        h.press(.control("p"))
        #expect(h.text().contains("Uppgifter – planperiod"))
    }

    @Test func helpListsEveryKeyInTheInterfacesLanguage() {
        var h = Harness(height: 60)
        h.press(.control("g"))
        let text = h.text()
        for key in ["Ctrl-S", "Ctrl-Q", "Ctrl-E", "Ctrl-F", "Ctrl-T", "Ctrl-Z", "Ctrl-O", "Ctrl-R", "Ctrl-K", "Ctrl-W"] {
            #expect(text.contains(key), "\(key)")
        }
        #expect(text.contains("Spara utkastet"))
        h.press(.escape)
        #expect(!h.text().contains("Spara utkastet"))
        var en = Harness(height: 60, language: .en)
        en.press(.function(1))
        #expect(en.text().contains("Save the draft"))
    }

    @Test func resizeRewrapsAndTooSmallRecovers() {
        var h = Harness()
        h.goToSection(1)
        h.press(.control("t"))
        h.type("ett två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton sjutton")
        #expect(h.lines().contains { $0.contains("ett två tre fyra fem sex sju åtta nio tio elva tolv") })
        h.width = 60
        #expect(!h.lines().contains { $0.contains("ett två tre fyra fem sex sju åtta nio tio elva tolv") })
        #expect(h.lines().contains { $0.contains("ett två tre fyra fem sex sju") })
        h.width = 20
        h.height = 5
        #expect(h.text().contains("Terminalen är för"))
        #expect(h.text().contains("20×5 – minst 50×14"))
        h.width = 1
        h.height = 1
        _ = h.text()
        h.type("ändå")
        h.width = 100
        h.height = 30
        let text = h.text()
        #expect(!text.contains("för liten"))
        #expect(text.contains("sjuttonändå"))
    }

    @Test func saveAndQuitIssueCommands() {
        var h = Harness()
        h.goToSection(1)
        h.type("text")
        h.press(.control("s"))
        guard let (draft, path) = h.takeDraftSave() else {
            Issue.record("no save command")
            return
        }
        #expect(path == "/tmp/utkast.json")
        #expect(draft.revision == 1)
        #expect(draft.text(at: .section("goals", "text")) == "text")
        _ = h.app.handle(.saveFinished(draft, path: path, purpose: .draft, error: nil), now: h.now)
        #expect(h.text().contains("● sparat"))
        // Quitting with nothing unsaved quits at once.
        h.press(.control("q"))
        #expect(h.takeCommands().contains { if case .session(.quit) = $0 { return true } else { return false } })
    }

    @Test func quittingWithChangesSavesFirstAndAFailureNeverLosesText() {
        var h = Harness()
        h.goToSection(1)
        h.type("viktig text")
        h.press(.control("q"))
        guard let (draft, path) = h.takeDraftSave() else {
            Issue.record("quit did not save first")
            return
        }
        // The disk is full: the text stays, the user is told and can save elsewhere.
        let error = StoreError(path: path, operation: "write", kind: .diskFull)
        let after = h.app.handle(.saveFinished(draft, path: path, purpose: .draft, error: error), now: h.now)
        #expect(!after.contains { if case .session(.quit) = $0 { return true } else { return false } })
        var text = h.text()
        #expect(text.contains("disken är full"))
        #expect(text.contains("S spara som annan fil"))
        h.press(.character("s"))
        text = h.text()
        #expect(text.contains("Spara som"))
        for _ in 0..<30 { h.press(.backspace) }
        h.type("/annan/plats.json")
        h.press(.enter)
        guard let (second, secondPath) = h.takeDraftSave(), secondPath == "/annan/plats.json" else {
            Issue.record("save as did not save")
            return
        }
        #expect(second.text(at: .section("goals", "text")) == "viktig text")
        let done = h.app.handle(.saveFinished(second, path: "/annan/plats.json", purpose: .draft, error: nil), now: h.now)
        #expect(done.contains { if case .session(.quit) = $0 { return true } else { return false } })
    }

    @Test func autosaveIsDueSoonAfterTyping() {
        var h = Harness()
        h.goToSection(1)
        h.type("a")
        #expect(!h.takeCommands().contains { if case .session(.autosave) = $0 { return true } else { return false } })
        h.now += 0.5
        let commands = h.app.handle(.tick, now: h.now)
        #expect(commands.contains { if case .session(.autosave) = $0 { return true } else { return false } })
        // Typing without pause still autosaves at least every 0.5 s.
        var saves = 0
        for c in String(repeating: "x", count: 40) {
            h.now += 0.05
            for command in h.app.handle(.key(.character(c)), now: h.now) {
                if case .session(.autosave) = command { saves += 1 }
            }
        }
        #expect(saves >= 2)
    }

    @Test func exportReviewBlocksOnErrorsAndAsksOnWarnings() {
        var h = Harness()
        h.press(.control("e"))
        var text = h.text()
        #expect(text.contains("Exporten stoppas av 8 fel"))
        h.press(.character("j"))
        #expect(!h.takeCommands().contains { if case .session(.export) = $0 { return true } else { return false } })
        h.press(.escape)
        var draft = SampleDrafts.complete(shippedForm())
        draft.sections["economy"]!["risks"] = .table([])
        var ok = Harness(draft: draft)
        ok.press(.control("e"))
        text = ok.text()
        #expect(text.contains("1 varningar. Exportera ändå?"))
        #expect(text.contains("Exports/pf-aterkoppling-2028_hsn_r3.json"))
        ok.press(.character("j"))
        guard case .session(.export(let exported, "Exports"))? = ok.takeCommands().last else {
            Issue.record("no export command")
            return
        }
        #expect(exported == draft)
        let outcome = ExportWriter.Outcome(path: "Exports/pf-aterkoppling-2028_hsn_r3.json", contentSha256: String(repeating: "ab", count: 32), unchanged: false)
        _ = ok.app.handle(.exportFinished(.success(outcome)), now: ok.now)
        text = ok.text()
        #expect(text.contains("Exporten är skriven"))
        #expect(text.contains(String(repeating: "ab", count: 32)))
    }

    @Test func readOnlyDraftRefusesEditsButShowsEverything() {
        var h = Harness(draft: SampleDrafts.complete(shippedForm()), readOnly: ReadOnlyReason(message: "öppet hos anna på server1"))
        #expect(h.text().contains("skrivskyddat"))
        h.goToSection(1)
        let before = h.draft()
        h.type("x")
        #expect(h.draft() == before)
        #expect(h.text().contains("Skrivskyddat: öppet hos anna på server1"))
    }

    @Test func restoreOfferShowsWhatDiffers() {
        let form = shippedForm()
        let draft = SampleDrafts.complete(form)
        var newer = draft
        newer.sections["goals"]!["text"] = .text(draft.text(at: .section("goals", "text")) + " Ytterligare text.")
        var h = Harness(draft: draft)
        h.app.offerRestore(newer)
        let text = h.text()
        #expect(text.contains("Återställ autosparad text?"))
        #expect(text.contains("1. Mål och uppdrag: Text: +18 tecken"))
        h.press(.character("j"))
        #expect(h.draft().text(at: .section("goals", "text")).hasSuffix("Ytterligare text."))
        #expect(h.session.unsaved)
        #expect(h.text().contains("○ "))
    }

    @Test func startScreenListsDraftsAndStartsNewOnes() {
        let form = shippedForm()
        let summary = DraftSummary.of(SampleDrafts.complete(form), form: form, path: "/data/a.json", language: .sv)
        var h = Harness(start: StartScreen(form: form, language: .sv, folder: "/data", drafts: [summary]))
        var text = h.text()
        #expect(text.contains("Hälso- och sjukvårdsnämnden"))
        #expect(text.contains("beslutad"))
        #expect(text.contains("6 av 6 klara"))
        #expect(text.contains("+ Nytt utkast"))
        h.press(.enter)
        guard case .open("/data/a.json")? = h.takeCommands().last else {
            Issue.record("enter did not open")
            return
        }
        h.press(.down, .enter)
        text = h.text()
        #expect(text.contains("välj nämnd"))
        h.press(.down, .enter)
        guard case .create(let committee)? = h.takeCommands().last else {
            Issue.record("no create")
            return
        }
        #expect(committee == "hsn")
    }

    @Test func tenMegabytePasteThroughTheDecoderIsOneEdit() {
        var h = Harness()
        h.goToSection(2)
        var decoder = KeyDecoder()
        let line = Array("Inklistrad rad med åäö, 12 345 tkr och lite mer text för att fylla ut raden.\r\n".utf8)
        var bytes = Array("\u{1B}[200~".utf8)
        bytes.reserveCapacity(10_600_000)
        while bytes.count < 10_500_000 { bytes += line }
        bytes += Array("SLUT\u{1B}[201~".utf8)
        var keys: [Key] = []
        var i = 0
        while i < bytes.count {
            keys += decoder.feed(Array(bytes[i..<min(bytes.count, i + 65_536)]))
            i += 65_536
        }
        #expect(keys.count == 1)
        for key in keys { h.press(key) }
        let text = h.draft().text(at: .section("development", "text"))
        #expect(text.utf8.count > 10_000_000)
        #expect(text.hasSuffix("raden.\nSLUT"))
        #expect(h.text().contains("SLUT"))
        h.press(.control("z"))
        #expect(h.draft().text(at: .section("development", "text")).isEmpty)
    }

    @Test func typingAfterEscapeGoesToThePageNotNowhere() {
        var h = Harness()
        h.goToSection(1)
        h.type("före")
        h.press(.escape)
        h.type(" efter")
        #expect(h.draft().text(at: .section("goals", "text")) == "före efter")
    }

    @Test func noAutosaveBesideASaveOfTheDraft() {
        var h = Harness()
        h.goToSection(1)
        h.type("text")
        h.now += 2  // an autosave is due
        let commands = h.app.handle(.key(.control("s")), now: h.now)
        #expect(commands.contains { if case .session(.save) = $0 { return true } else { return false } })
        #expect(!commands.contains { if case .session(.autosave) = $0 { return true } else { return false } })
    }
}
