import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// The terminal interface on the second template: its own headings, metadata, status words
/// and tables, with nothing of the shipped form (golden screens in Screens/, with assertions).
@Suite struct SecondFormTests {
    let form = SecondForm.form()

    @Test func theDetailsPageShowsTheFormsOwnFieldsAndStatus() {
        var h = Harness(form: form)
        h.expectScreen("second-form-details")
        let text = h.text()
        #expect(text.contains("Ansvarig tjänsteperson"))
        #expect(text.contains("under arbete"))
        #expect(text.contains("0 av 4 klara"))
        #expect(text.contains("Verksamhetsplan 2029–2031"))
        #expect(!text.contains("PF"))
        #expect(!text.contains("Kontaktperson"))
        // Typing goes into the responsible officer (the committee is already chosen).
        h.type("Anna Berg")
        #expect(h.draft().metadata["responsible"] == .text("Anna Berg"))
    }

    @Test func aHeadingWithAWordLimitAndTheCostsTable() {
        var h = Harness(form: form)
        h.goToSection(1)
        h.press(.alt("t"))
        h.type(String(repeating: "ord ", count: 210))
        #expect(h.text().contains("Uppdrag och inriktning"))
        // 210 words against maxWords 200: the heading has an error.
        let findings = Validator(form: form).validate(h.draft()).filter { $0.pointer.hasPrefix("/sections/mission") }
        #expect(findings.contains { $0.severity == .error })
        #expect(h.lines()[2].contains("✗"))
        h.goToSection(3)
        h.expectScreen("second-form-finances")
        let text = h.text()
        #expect(text.contains("3. Driftkostnader och risker – Driftkostnader"))
        #expect(text.contains("Inga rader ännu"))
        #expect(text.contains("Verksamhetsplan 2029–2031 · Fastighetsnämnden"))
    }

    @Test func theDecidedStatusIsTheFormsAntagen() {
        let draft = SecondForm.draft(form, committee: "fn", index: 0, phase: "antagen")
        #expect(form.isDecided(status: draft.status(in: form)))
        #expect(form.decidedOption?.label.sv == "antagen")
        #expect(form.meetingDateFieldID == "adoptedOn")
        // Late and adopted: no late warning; late and in progress: one.
        let late = Validator(form: form, today: SimpleDate(year: 2028, month: 11, day: 1)!)
        #expect(!late.validate(draft).contains { $0.code == "lateDraft" })
        let working = SecondForm.draft(form, committee: "fn", index: 0, phase: "arbete")
        #expect(late.validate(working).contains { $0.code == "lateDraft" })
        // Adopted without date and paragraph: the form's condition speaks.
        var bare = draft
        bare.metadata["adoptedOn"] = nil
        #expect(Validator(form: form).validate(bare).contains { $0.code == "conditionRequired" })
        // The paragraph is forgiven by its pattern, not by its id.
        #expect(ForgivingInput.interpret("12", field: form.metadataField(id: "minute")!) == "§ 12")
    }
}
