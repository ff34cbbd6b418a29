import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// The start screen: drafts with file and case number, a second draft for a committee,
/// the trash.
@Suite struct StartTests {
    func screen(_ language: Language = .sv) -> StartScreen {
        let form = shippedForm()
        let complete = DraftSummary.of(SampleDrafts.complete(form), form: form, path: "/data/pf-aterkoppling-2028_hsn.json", language: language)
        var other = Draft.new(form: form, committee: "kn", documentID: "kn", now: SampleDrafts.now)
        other.metadata["caseNumber"] = .text("KN 2027/3")
        let started = DraftSummary.of(other, form: form, path: "/data/pf-aterkoppling-2028_kn.json", language: language)
        return StartScreen(form: form, language: language, folder: "/data", drafts: [complete, started], time: .utc)
    }

    @Test func listsDraftsWithFileAndCaseNumber() {
        Harness(start: screen()).expectScreen("start-sv")
        Harness(start: screen(.en)).expectScreen("start-en")
    }

    @Test func opensAndCreatesAndWarnsBeforeASecondDraftForACommittee() {
        var h = Harness(start: screen())
        h.press(.enter)
        guard case .open(let path)? = h.takeCommands().last else {
            Issue.record("enter did not open")
            return
        }
        #expect(path.hasSuffix(".json"))
        h.press(.character("n"))
        #expect(h.text().contains("välj nämnd"))
        h.press(.down, .enter)  // Hälso- och sjukvårdsnämnden has a draft
        h.expectScreen("start-second-draft")
        h.press(.character("j"))
        guard case .create("hsn")? = h.takeCommands().last else {
            Issue.record("no create")
            return
        }
    }

    @Test func movesADraftToTheTrashAfterAsking() {
        var h = Harness(start: screen())
        h.press(.character("d"))
        #expect(h.text().contains("till papperskorgen?"))
        h.press(.character("n"))
        #expect(h.takeCommands().isEmpty)
        h.press(.delete, .character("j"))
        guard case .trash(let path)? = h.takeCommands().last else {
            Issue.record("no trash command")
            return
        }
        #expect(path.hasSuffix(".json"))
    }
}
