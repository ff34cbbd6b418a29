import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// One history, whatever was edited: typing, fields, rows, marks.
@Suite struct HistoryTests {
    @Test func oneUndoHistoryAcrossPagesGoesBackToEachPlace() {
        var h = Harness()
        h.type("HSN 2027/1")                 // 1: a field
        h.goToSection(1)
        h.type("Mål och bidrag.")            // 2: a typed run
        h.press(.control("d"))               // 3: the mark
        h.goToSection(5)
        h.press(.control("n"), .control("r")) // 4: a row
        h.type("MR")                         // 5: a cell
        h.press(.control("z"))
        #expect(h.draft().sections["investments"]?["investments"]?.rows.first?["object"] == nil)
        h.press(.control("z"))
        #expect(h.draft().sections["investments"]?["investments"] == nil)
        h.press(.control("z"))
        #expect(h.draft().readySections.isEmpty)
        #expect(h.text().contains("1. Nämndens bidrag"))  // undo went back to heading 1
        h.press(.control("z"))
        #expect(h.draft().text(at: .section("goals", "text")).isEmpty)
        h.press(.control("z"))
        #expect(h.draft().metadata["caseNumber"] == nil)
        #expect(h.text().contains("Uppgifter · planperiod"))
        h.press(.control("z"))
        #expect(h.text().contains("Inget att ångra."))
        for _ in 0..<5 { h.press(.control("y")) }
        #expect(h.draft().sections["investments"]?["investments"]?.rows.first?["object"] == .text("MR"))
        #expect(h.draft().readySections == ["goals"])
    }

    @Test func typedRunsAndBackspaceRunsAreOneStepEach() {
        var h = Harness()
        h.goToSection(1)
        h.type("hej på dig")
        h.press(.enter)
        h.type("igen")
        h.press(.control("z"))
        #expect(h.draft().text(at: .section("goals", "text")) == "hej på dig")
        h.press(.control("z"))
        h.press(.control("z"))
        #expect(h.draft().text(at: .section("goals", "text")).isEmpty)
        h.type("abcdef")
        h.press(.left, .right)  // a cursor move ends the run
        for _ in 0..<4 { h.press(.backspace) }
        #expect(h.draft().text(at: .section("goals", "text")) == "ab")
        h.press(.control("z"))
        #expect(h.draft().text(at: .section("goals", "text")) == "abcdef")
    }

    @Test func theExternalEditorsTextIsOneStep() {
        var h = Harness()
        h.goToSection(2)
        h.type("gammal")
        h.press(.control("o"))
        guard case .session(.editExternally("gammal", let place))? = h.takeCommands().last else {
            Issue.record("no external edit")
            return
        }
        h.event(.externalEditFinished("ny text\n\nmed två stycken\n", place: place))
        #expect(h.draft().text(at: .section("development", "text")) == "ny text\n\nmed två stycken")
        h.press(.control("z"))
        #expect(h.draft().text(at: .section("development", "text")) == "gammal")
    }
}
