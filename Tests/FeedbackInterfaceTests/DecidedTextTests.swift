import Foundation
import FeedbackModel
import Testing
import TestSupport
@testable import FeedbackInterface

/// The decided text is protected: changing the text of a draft opened with the decided
/// status asks first; no leaves the text as it was decided, yes sets the status back (to the
/// option before the decided one) so the change is on record as made after the decision.
@Suite struct DecidedTextTests {
    let form = shippedForm()

    /// The decided option and the one before it, read from the form (never a literal).
    var decidedID: String { form.decidedOption!.id }
    var optionBefore: String {
        let options = form.statusField!.options
        return options[options.firstIndex { $0.id == decidedID }! - 1].id
    }

    func decidedDraft() -> Draft {
        let draft = SampleDrafts.complete(form)
        precondition(form.isDecided(status: draft.status(in: form)))
        return draft
    }

    @Test func typingInADecidedTextAsksAndNoChangesNothing() {
        var h = Harness(draft: decidedDraft())
        let before = h.draft()
        h.goToSection(1)
        h.type("x")
        #expect(h.text().contains("Texten är beslutad"), "\(h.text())")
        #expect(h.draft() == before)
        h.press(.character("n"))
        #expect(!h.text().contains("J ändrar texten"))
        #expect(h.text().contains("Texten lämnades som den beslutades"), "\(h.text())")
        #expect(h.draft() == before)
        #expect(h.draft().status(in: form) == decidedID)
        // Declining does not open the text: the next change asks again.
        h.type("z")
        #expect(h.text().contains("Texten är beslutad"))
        h.press(.escape)
        #expect(h.draft() == before)
    }

    @Test func yesMakesTheChangeAndSetsTheStatusBack() {
        var h = Harness(draft: decidedDraft())
        let place = FieldPlace.section(form.sections[0].id, form.sections[0].fields[0].id)
        let text = h.draft().text(at: place)
        h.goToSection(1)
        h.type("x")
        h.press(.character("j"))
        let after = h.draft()
        #expect(after.status(in: form) == optionBefore)
        #expect(after.text(at: place) != text)
        #expect(after.text(at: place).count == text.count + 1 && after.text(at: place).contains("x"))
        #expect(h.text().contains("måste beslutas igen"), "\(h.text())")
        #expect(h.text().contains(form.statusLabel(optionBefore, .sv)))
        // Only the first change asks: the next one is made at once.
        h.type("y")
        #expect(!h.text().contains("Texten är beslutad"))
        #expect(h.draft().text(at: place).count == text.count + 2)
        // One undo step brings back the decided text and the decided status together, and
        // with them the question.
        h.press(.control("z"))
        h.press(.control("z"))
        #expect(h.draft().text(at: place) == text)
        #expect(h.draft().status(in: form) == decidedID)
        h.type("w")
        #expect(h.text().contains("Texten är beslutad"))
        #expect(h.draft().text(at: place) == text)
    }

    /// A details field that is not the decision's (the first one typing reaches) asks too;
    /// no puts the field's line back as it was.
    @Test func aDetailsFieldAsksAndNoPutsTheLineBack() {
        var h = Harness(draft: decidedDraft())
        let before = h.draft()
        let id = form.metadata[h.session.currentFocus.index].id
        #expect(id != form.statusFieldID && !form.decisionFieldIDs.contains(id))
        let value = EditorSession.editText(before.metadata[id])
        h.type("Q")
        #expect(h.text().contains("Texten är beslutad"), "\(h.text())")
        h.press(.character("n"))
        #expect(h.draft() == before)
        #expect(!h.text().contains(value + "Q"), "\(h.text())")
        h.type("Q")
        h.press(.character("j"))
        #expect(EditorSession.editText(h.draft().metadata[id]) == value + "Q")
        #expect(h.draft().status(in: form) == optionBefore)
    }

    @Test func theDecisionsOwnFieldsAndTheStatusDoNotAsk() {
        var session = EditorSession(form: form, draft: decidedDraft(), path: "/tmp/utkast.json", language: .sv,
                                    exportFolder: "/srv/export", time: .utc)
        for id in form.decisionFieldIDs {
            let edit = Edit.value(.metadata(id), from: session.draft.metadata[id], to: .text("x"))
            #expect(!session.changesDecidedText(edit), "\(id)")
        }
        let statusID = form.statusFieldID!
        #expect(!session.changesDecidedText(.value(.metadata(statusID), from: nil, to: .text(optionBefore))))
        let other = form.metadata.first { $0.id != statusID && !form.decisionFieldIDs.contains($0.id) && $0.kind != .committee }!
        #expect(session.changesDecidedText(.value(.metadata(other.id), from: nil, to: .text("x"))))
        #expect(session.apply(.value(.metadata(other.id), from: session.draft.metadata[other.id], to: .text("x")), run: nil, now: 1) == false)
        #expect(session.dialog != nil)
        // A draft that was not decided when opened never asks.
        var open = SampleDrafts.complete(form)
        open.metadata[statusID] = .text(optionBefore)
        let undecided = EditorSession(form: form, draft: open, path: "/tmp/utkast.json", language: .sv, exportFolder: "/srv/export", time: .utc)
        #expect(!undecided.changesDecidedText(.value(.metadata(other.id), from: nil, to: .text("x"))))
    }

    @Test func plainModeAsksYesOrNo() {
        var h = PlainHarness(draft: decidedDraft())
        let place = FieldPlace.section(form.sections[0].id, form.sections[0].fields[0].id)
        let text = h.session.currentDraft().text(at: place)
        // The meeting date belongs to the decision: changed without a question.
        let dateIndex = form.metadata.firstIndex { $0.id == form.meetingDateFieldID }! + 1
        h.say("skriv \(dateIndex) 2027-4-9")
        #expect(!h.text().contains("Texten är beslutad"))
        #expect(h.session.currentDraft().metadata[form.meetingDateFieldID!] == .text("2027-04-09"))
        h.say(["gå 1", "lägg till", "En mening till.", "."])
        #expect(h.text().contains("Texten är beslutad."), "\(h.text())")
        #expect(h.plain.prompt == "ja eller nej> ")
        h.say("nej")
        #expect(h.session.currentDraft().text(at: place) == text)
        #expect(h.session.currentDraft().status(in: form) == decidedID)
        h.say(["lägg till", "En mening till.", ".", "ja"])
        #expect(h.session.currentDraft().text(at: place).hasPrefix(text))
        #expect(h.session.currentDraft().text(at: place).hasSuffix("En mening till."))
        #expect(h.session.currentDraft().status(in: form) == optionBefore)
        #expect(h.transcript.last?.contains("måste beslutas igen") == true, "\(h.text())")
        h.say(["lägg till", "Och en till.", "."])
        #expect(h.transcript.filter { $0.hasPrefix("Texten är beslutad") }.count == 2)
        #expect(h.session.currentDraft().text(at: place).hasSuffix("Och en till."))
    }
}
