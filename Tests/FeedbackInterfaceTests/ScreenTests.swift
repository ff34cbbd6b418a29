import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// The whole interface: key sequences in, the rendered screen out (whole screens compared
/// with golden files in Screens/, re-recorded with FEEDBACK_RECORD=1).
@Suite struct ScreenTests {
    @Test func opensOnTheDetailsPageWithTheCaseNumberFocused() {
        let h = Harness()
        h.expectScreen("details-new-sv")
        // The committee is not the first focus: typing goes into the case number.
        var typing = h
        typing.type("HSN 2027/45")
        #expect(typing.draft().metadata["caseNumber"] == .text("HSN 2027/45"))
        #expect(typing.draft().metadata["committee"] == .text("hsn"))
    }

    @Test func speaksEnglishOnRequest() {
        Harness(language: .en).expectScreen("details-new-en")
    }

    @Test func aNewDraftHasNothingDoneAndOnlyEmptyMarkers() {
        let h = Harness()
        let lines = h.lines()
        #expect(lines.contains { $0.contains("0 av 6 klara") })
        #expect(!lines.contains { $0.contains("◐") || $0.contains("●") })
    }

    @Test func headingsCountAsDoneOnlyWhenMarkedAndWithoutErrors() {
        var h = Harness()
        h.goToSection(1)
        h.type("Nämnden bidrar.")  // short: a warning, no error
        #expect(h.lines()[2].contains("1 Mål och uppdrag") && h.lines()[2].contains("◐"))
        #expect(h.text().contains("0 av 6 klara"))
        h.expectScreen("heading-typed")
        h.press(.control("d"))
        #expect(h.text().contains("1 av 6 klara"))
        #expect(h.lines()[2].contains("●"))
        h.expectScreen("heading-marked-done")
        // Unmarking takes it back; undo of the mark is one step.
        h.press(.control("z"))
        #expect(h.text().contains("0 av 6 klara"))
        h.press(.control("y"))
        #expect(h.draft().readySections == ["goals"])
        // A heading with errors does not count even when marked.
        h.press(.control("a"))
        h.press(.paste(String(repeating: "ord ", count: 3_100)))  // over 12 000 characters: an error
        #expect(h.lines()[2].contains("✗"))
        #expect(h.text().contains("0 av 6 klara"))
    }

    @Test func cursorSitsAfterTheTextTyped() {
        var h = Harness()
        h.goToSection(2)
        h.press(.alt("t"))  // hide the guidance: the text starts right under the title
        h.type("Hej åäö 中文")
        let screen = h.screen()
        let row = screen.lines.firstIndex { $0.contains("Hej åäö 中文") }
        #expect(row != nil)
        #expect(screen.cursor?.row == row)
        #expect(screen.cursor?.column == 26 + DisplayText.width(of: "Hej åäö 中文"))
    }

    @Test func paragraphsAreSeparatedByABlankRowAndStoredWithABlankLine() {
        var h = Harness()
        h.goToSection(1)
        h.press(.alt("t"))
        h.type("Första stycket.\nAndra stycket.\n- en punkt\n- en till\nSista.\n\n\n")
        // Enter makes a paragraph; bullets stay one list; blank lines are not content.
        #expect(h.draft().text(at: .section("goals", "text")) == "Första stycket.\n\nAndra stycket.\n\n- en punkt\n- en till\n\nSista.")
        h.expectScreen("paragraphs")
        // The counter counts what is stored.
        let stored = h.draft().text(at: .section("goals", "text"))
        #expect(h.session.editors[.section("goals", "text")]!.buffer.characterCount == TextRules.stats(stored).characters)
        // A pasted text keeps its paragraphs the same way.
        h.goToSection(2)
        h.press(.paste("Ett\r\n\r\nTvå\n\n\n\nTre"))
        #expect(h.draft().text(at: .section("development", "text")) == "Ett\n\nTvå\n\nTre")
    }

    @Test func pasteIsOneEditAndOneUndoAndUndoShowsTheTextAgain() {
        var h = Harness()
        h.goToSection(3)
        h.type("Före.")
        h.press(.enter)
        let block = (1...2_000).map { "Rad \($0) inklistrad från Word." }.joined(separator: "\r\n")
        h.press(.paste(block))
        #expect(h.draft().text(at: .section("competence", "text")).hasSuffix("Rad 2000 inklistrad från Word."))
        #expect(h.text().contains("Rad 2000 inklistrad från Word."))
        h.press(.control("z"))
        #expect(h.draft().text(at: .section("competence", "text")) == "Före.")
        // The text is in view again and the cursor in it, not on the rule line.
        h.expectScreen("undo-of-a-paste")
        let screen = h.screen()
        let row = screen.lines.firstIndex { $0.contains("Före.") }
        #expect(row != nil && screen.cursor?.row == row! + 2)
    }

    @Test func pastedWordTextIsCleanedWithAMessage() {
        var h = Harness()
        h.goToSection(1)
        h.press(.paste("verk\u{AD}sam\u{AD}het och\u{200B}samverkan\u{FEFF}"))
        #expect(h.draft().text(at: .section("goals", "text")) == "verksamhet ochsamverkan")
        #expect(h.text().contains("2 mjuka bindestreck och 2 osynliga nollbreddstecken togs bort."))
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
    }

    @Test func findingsAreListedWholeAndJumpToTheirPlace() {
        var h = Harness()
        h.press(.control("f"))
        h.expectScreen("findings-new-draft")
        let text = h.text()
        #expect(text.contains("Kontroll: 8 fel, 1 varning"))
        // Down to "4 Ekonomi: Text", Enter: the economy text page opens.
        for _ in 0..<6 { h.press(.down) }
        h.press(.enter)
        #expect(h.text().contains("4. Nämndens plan för hållbar ekonomi"))
        h.type("Nu skriver vi här")
        #expect(h.draft().text(at: .section("economy", "text")) == "Nu skriver vi här")
    }

    @Test func findingJumpGoesToTheCharacter() {
        var draft = SampleDrafts.complete(shippedForm())
        draft.sections["goals"]!["text"] = .text(SampleDrafts.swedishText(words: 40) + "\n\nEtt\u{7}fel")
        var h = Harness(draft: Draft(formID: draft.formID, formVersion: draft.formVersion, documentID: draft.documentID,
                                     revision: draft.revision, created: draft.created, modified: draft.modified,
                                     metadata: draft.metadata, sections: draft.sections))
        #expect(h.session.allFindings.map(\.code) == ["controlCharacter"])
        h.press(.control("f"), .enter)
        h.press(.backspace)  // removes the letter before the control character (after yes: the sample is decided)
        h.press(.character("j"))
        #expect(h.draft().text(at: .section("goals", "text")).hasSuffix("Et\u{7}fel"))
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
        #expect(h.text().contains("Uppgifter · planperiod"))
        h.press(.control("p"))
        #expect(h.text().contains("Uppgifter · planperiod"))
    }

    @Test func typingAfterEscapeGoesToThePageNotNowhere() {
        var h = Harness()
        h.goToSection(1)
        h.type("före")
        h.press(.escape)
        h.type(" efter")
        #expect(h.draft().text(at: .section("goals", "text")) == "före efter")
    }

    @Test func helpListsEveryKeyOfTheKeymapAndNoLineLeavesTheBox() {
        var h = Harness(height: 40)
        h.press(.control("g"))
        h.expectScreen("help-top")
        // Scroll through all of it: every binding's help is there, and no row passes the frame.
        var seen = ""
        for _ in 0..<40 {
            let screen = h.screen()
            seen += screen.text
            for line in screen.lines where line.contains("│") {
                let inner = line.split(separator: "│", omittingEmptySubsequences: false)
                #expect(inner.count == 3 || inner.count == 2, "a help row crosses the frame: \(line)")
            }
            h.press(.pageDown)
        }
        for section in Keymap.standard.reference(language: .sv) where !section.title.contains("start") && !section.title.contains("nämnd väljs") {
            for row in section.rows {
                let firstWord = row.help.split(separator: " ").first.map(String.init) ?? row.help
                #expect(seen.contains(firstWord), "\(row.keys): \(row.help)")
            }
        }
        h.press(.escape)
        #expect(!h.text().contains("Den här hjälpen"))
        var en = Harness(height: 40, language: .en)
        en.press(.function(1))
        #expect(en.text().contains("Save the draft"))
    }

    @Test func theWholeGuidanceCanBeRead() {
        var h = Harness(width: 132, height: 40)
        h.goToSection(4)
        #expect(h.text().contains("Ctrl-T visar hela vägledningen"))
        h.press(.control("t"))
        var seen = ""
        for _ in 0..<10 {
            seen += h.text()
            h.press(.pageDown)
        }
        // Heading 4's explanation of its two tables, and each column's help.
        let guidance = shippedForm().sections[3].guidance.sv
        let lastLine = guidance.split(separator: "\n").last.map(String.init) ?? ""
        #expect(seen.contains(String(lastLine.suffix(30))))
        #expect(seen.contains("Sannolikhet"))
        #expect(seen.contains("Känslighetsanalys"))
        // On a table page too.
        var t = Harness()
        t.goToSection(4)
        t.press(.control("n"))
        t.press(.control("t"))
        t.expectScreen("guidance-on-a-table-page")
    }

    @Test func resizeRewrapsAndTooSmallRecovers() {
        var h = Harness()
        h.goToSection(1)
        h.press(.alt("t"))
        h.type("ett två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton sjutton")
        #expect(h.lines().contains { $0.contains("ett två tre fyra fem sex sju åtta nio tio elva tolv") })
        h.resize(55, 24)
        #expect(!h.lines().contains { $0.contains("ett två tre fyra fem sex sju åtta nio tio elva tolv") })
        #expect(h.lines().contains { $0.contains("ett två tre fyra fem sex sju") })
        h.resize(20, 5)
        h.expectScreen("too-small-20x5")
        h.resize(1, 1)
        _ = h.text()
        h.type("ändå")
        h.resize(100, 30)
        let text = h.text()
        #expect(!text.contains("för liten"))
        #expect(text.contains("sjuttonändå"))
    }

    @Test func controlCharactersNeverReachTheScreen() {
        var h = Harness()
        h.goToSection(1)
        h.press(.paste("a\u{1B}[2Jb\u{9B}c\r\u{202E}d"))
        for cell in h.screen().cells {
            #expect(!cell.text.unicodeScalars.contains { TextRules.hazard($0.value) != nil })
        }
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
        #expect(text.hasSuffix("raden.\n\nSLUT"))
        #expect(h.text().contains("SLUT"))
        h.press(.control("z"))
        #expect(h.draft().text(at: .section("development", "text")).isEmpty)
    }

    @Test func theHintBarShowsTheKeysOfThePageInFront() {
        var h = Harness()
        #expect(h.lines()[23].contains("Välj"))
        h.goToSection(1)
        // At 80 columns the way on (^N) goes before the external editor; wider, both show.
        #expect(h.lines()[23].contains("^N Nästa"))
        var wide = Harness(width: 100)
        wide.goToSection(1)
        #expect(wide.lines()[23].contains("^O Editor") && wide.lines()[23].contains("^N Nästa"))
        h.goToSection(5)
        h.press(.control("n"))
        #expect(h.lines()[23].contains("^R Ny rad"))
        h.press(.escape)
        #expect(h.lines()[23].contains("Öppna"))
        for line in [h.lines()[23]] { #expect(line.contains("^G Hjälp") && line.contains("^Q Avsluta")) }
    }

    @Test func thePageListAdaptsToTheWidth() {
        var narrow = Harness(width: 60, height: 20)
        narrow.expectScreen("details-60x20")
        var wide = Harness(width: 120, height: 30)
        wide.goToSection(4)
        wide.expectScreen("heading-4-120x30")
    }
}
