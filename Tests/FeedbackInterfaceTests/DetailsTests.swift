import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// The details page: fields, choices that never change by accident, forgiving input.
@Suite struct DetailsTests {
    @Test func fieldsAreTypedAndForgivingInputIsShownAsUnderstood() {
        var h = Harness()
        h.type("HSN 2027/45")
        h.press(.down)
        h.type("2027-4-8")
        h.press(.down)  // leaving the field: the date takes its stored form
        #expect(h.draft().metadata["meetingDate"] == .text("2027-04-08"))
        #expect(h.text().contains("Tolkat som 2027-04-08."))
        h.type("45")
        h.press(.down)
        #expect(h.draft().metadata["paragraph"] == .text("§ 45"))
        #expect(h.text().contains("Tolkat som § 45."))
        // One undo takes back the typing and its interpretation together.
        h.press(.control("z"))
        #expect(h.draft().metadata["paragraph"] == nil)
        let draft = h.draft()
        #expect(draft.metadata["caseNumber"] == .text("HSN 2027/45"))
    }

    @Test func aStrayArrowNeverChangesAChoice() {
        var h = Harness()
        for _ in 0..<6 { h.press(.down) }  // status
        #expect(h.text().contains("‹ utkast ›"))
        h.press(.left, .right, .right)
        #expect(h.draft().metadata["status"] == .text("utkast"))
        // Enter opens the choices; the arrows move in the list; Enter chooses.
        h.press(.enter)
        h.expectScreen("status-choices")
        h.press(.down, .down, .enter)
        #expect(h.draft().metadata["status"] == .text("beslutad"))
        #expect(h.text().contains("Status: beslutad"))
        // Esc in the list changes nothing.
        h.press(.enter, .up, .escape)
        #expect(h.draft().metadata["status"] == .text("beslutad"))
        // "beslutad" needs the meeting date and paragraph.
        #expect(h.session.allFindings.filter { $0.code == "conditionRequired" }.count == 2)
        #expect(h.text().contains("✗ Sammanträdesdatum"))
    }

    @Test func changingTheCommitteeAsks() {
        var h = Harness()
        h.press(.up)  // the committee field, above the case number
        h.press(.enter, .down, .enter)
        h.expectScreen("committee-change-question")
        h.press(.character("n"))
        #expect(h.draft().metadata["committee"] == .text("hsn"))
        h.press(.enter, .down, .enter, .character("j"))
        #expect(h.draft().metadata["committee"] == .text("run"))
        h.press(.control("z"))
        #expect(h.draft().metadata["committee"] == .text("hsn"))
    }

    @Test func fieldFindingsAreWrappedNotCut() {
        var h = Harness()
        h.type("diarienummer utan mönster")
        h.press(.down, .up)
        let text = h.text()
        // The case-number pattern's whole message is on screen, however long.
        #expect(text.contains("lämna det som det är."))
    }
}

/// Small things a secretary noticed: words in the right number, markers that are only drawn
/// where there is something to mark.
@Suite struct CopyTests {
    @Test func countsHaveTheirNounInTheRightNumber() {
        let sv = Phrases(language: .sv)
        #expect(sv.warnings(1) == "1 varning" && sv.warnings(2) == "2 varningar")
        #expect(sv.errors(1) == "1 fel")
        let en = Phrases(language: .en)
        #expect(en.errors(1) == "1 error" && en.errors(3) == "3 errors")
        #expect(FindingsReport.summary([], language: .sv) == "0 fel, 0 varningar")
    }

    /// With NO_COLOR an error-styled blank became bold and underlined: a column of
    /// underscores beside every field. Blank marker cells carry no style at all.
    @Test func blankMarkerCellsAreNotStyled() {
        let h = Harness(draft: SampleDrafts.complete(shippedForm()))
        let grid = h.screen()
        // The marker column of the details page: column 26 (after the list and its rule).
        for row in 4..<11 {
            let cell = grid[row, 26]
            if cell.text == " " { #expect(cell.style == Style(), "row \(row) has a styled blank marker") }
        }
    }

    @Test func saveAsProposesACopyNameNextToTheDraft() {
        #expect(EditorSession.copyName(for: "/tmp/utkast.json") == "/tmp/utkast-kopia.json")
        #expect(EditorSession.copyName(for: "utkast.json") == "utkast-kopia.json")
        #expect(EditorSession.copyName(for: "/utkast.json") == "/utkast-kopia.json")
    }
}
