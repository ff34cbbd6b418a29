import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// Ctrl-E: the board's export, the committee's document, and importing text from Word.
@Suite struct DocumentsTests {
    @Test func theMenuOffersExportDocumentsAndImport() {
        var h = Harness(draft: SampleDrafts.complete(shippedForm()))
        h.press(.control("e"))
        h.expectScreen("export-menu")
        h.press(.character("1"))
        #expect(h.text().contains("Exportera till regionstyrelsen"))
    }

    @Test func theCommitteesDocumentIsWrittenAfterSavingWithItsName() {
        var h = Harness(draft: SampleDrafts.complete(shippedForm()))
        h.goToSection(6)
        h.typeAfterTheDecision(" Ändrat.")
        h.press(.control("e"), .character("3"))
        #expect(h.text().contains("/srv/export/pf-aterkoppling-2028_hsn_r4.docx"))
        h.press(.enter)
        // Unsaved: saved first, then written as revision 4.
        guard let (saved, path) = h.takeDraftSave() else {
            Issue.record("the document was not preceded by a save")
            return
        }
        h.event(.saveFinished(saved, path: path, purpose: .draft, failure: nil, emergencyCopy: nil))
        guard case .session(.renderDocument(let rendered, .docx, "/srv/export/pf-aterkoppling-2028_hsn_r4.docx", false))? = h.takeCommands().last else {
            Issue.record("no render after the save")
            return
        }
        #expect(rendered.revision == 4)
        h.event(.renderFinished(.docx, path: "/srv/export/pf-aterkoppling-2028_hsn_r4.docx", failure: .exists))
        #expect(h.text().contains("finns redan"))
        h.press(.character("j"))
        guard case .session(.renderDocument(_, .docx, _, true))? = h.takeCommands().last else {
            Issue.record("no replacing render")
            return
        }
        h.event(.renderFinished(.docx, path: "/srv/export/pf-aterkoppling-2028_hsn_r4.docx", failure: nil))
        #expect(h.text().contains("Dokumentet är skrivet"))
    }

    @Test func anImportIsShownFirstAndAppliedAsOneUndoStep() {
        var h = Harness()
        h.goToSection(1)
        h.type("Befintlig text.")
        h.press(.control("e"), .character("6"))
        h.press(.control("u"))
        h.type("/tmp/underlag.docx")
        h.press(.enter)
        guard case .session(.readImport("/tmp/underlag.docx", _, false, false))? = h.takeCommands().last else {
            Issue.record("no import read")
            return
        }
        let proposal = ImportProposal(
            file: "/tmp/underlag.docx",
            values: [.init(place: .section("development", "text"), value: .text("Utveckling från Word.\n\nAndra stycket.")),
                     .init(place: .metadata("caseNumber"), value: .text("HSN 2027/45"))],
            report: ["Rubrik 2: 2 stycken (stycke 4–5)", "Diarienummer: HSN 2027/45"],
            conflicts: ["Rubrik 1"], sideFileText: "Ett stycke utan rubrik.", replace: false, unplacedToOther: false)
        h.event(.importRead(proposal, problem: nil))
        h.expectScreen("import-review-conflict")
        // With a conflict, yes imports nothing; E asks the shell again with replace.
        h.press(.character("e"))
        guard case .session(.readImport("/tmp/underlag.docx", _, true, false))? = h.takeCommands().last else {
            Issue.record("no replacing read")
            return
        }
        var replacing = proposal
        replacing.replace = true
        replacing.values.append(.init(place: .section("goals", "text"), value: .text("Mål från Word.")))
        h.event(.importRead(replacing, problem: nil))
        h.press(.character("j"))
        #expect(h.draft().text(at: .section("development", "text")) == "Utveckling från Word.\n\nAndra stycket.")
        #expect(h.draft().text(at: .section("goals", "text")) == "Mål från Word.")
        #expect(h.draft().metadata["caseNumber"] == .text("HSN 2027/45"))
        guard case .session(.writeSideFile("Ett stycke utan rubrik.", "/tmp/utkast.json"))? = h.takeCommands().last else {
            Issue.record("the unplaced text was not kept")
            return
        }
        h.event(.sideFileWritten(path: "/tmp/utkast.unplaced.txt", problem: nil))
        #expect(h.session.status?.text.contains("Ctrl-Z ångrar hela importen.") == true)
        #expect(h.session.status?.text.contains("/tmp/utkast.unplaced.txt") == true)
        // One undo takes the whole import back.
        h.press(.control("z"))
        #expect(h.draft().text(at: .section("goals", "text")) == "Befintlig text.")
        #expect(h.draft().text(at: .section("development", "text")).isEmpty)
        #expect(h.draft().metadata["caseNumber"] == nil)
    }

    @Test func aReadOnlyWindowCannotImport() {
        var h = Harness(readOnly: ReadOnlyReason(message: "öppet hos anna"))
        h.press(.control("e"), .character("6"))
        #expect(h.takeCommands().isEmpty)
        #expect(h.text().contains("Skrivskyddat"))
    }
}
