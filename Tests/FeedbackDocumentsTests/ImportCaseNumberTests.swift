import FeedbackModel
import Foundation
import Testing
import TestSupport
@testable import FeedbackDocuments

/// An import reports every paragraph it does not place, whatever its style, and offers a
/// "Dnr …" line for the form's case number field without replacing a number already set.
@Suite struct ImportCaseNumberTests {
    let form = DocumentDrafts.form

    func newDraft() -> Draft {
        Draft.new(form: form, committee: "kn", documentID: "00000000-0000-4000-8000-000000000000", now: SampleDrafts.now)
    }

    /// A document as Word users write it: a Title, the committee, a "Dnr" line, then heading 1.
    func source(title: String = "Svar till regionstyrelsen våren 2027", dnr: String = "Dnr KN 2027/12", footerText: String? = nil) -> SourceDocument {
        var blocks: [SourceBlock] = [
            .paragraph(SourceParagraph(text: title, kind: .title, location: 1)),
            .paragraph(SourceParagraph(text: "Kulturnämnden", kind: .subtitle, location: 2)),
            .paragraph(SourceParagraph(text: dnr, kind: .normal, location: 3)),
            .paragraph(SourceParagraph(text: "1. \(form.sections[0].title.sv)", kind: .heading(1), location: 4)),
            .paragraph(SourceParagraph(text: "Nämnden bidrar till målen.", kind: .normal, location: 5)),
        ]
        if let footerText { blocks.append(.paragraph(SourceParagraph(text: footerText, kind: .footer, location: 6))) }
        return SourceDocument(blocks: blocks)
    }

    func importing(_ source: SourceDocument, into draft: Draft) -> DocumentImport {
        DocumentImporter(form: form).importing(source, format: .docx, file: "kn.docx", into: draft, options: ImportOptions())
    }

    var caseNumberField: String {
        get throws { try #require(form.caseNumberFieldID) }
    }

    @Test func theShippedFormMarksItsCaseNumberField() throws {
        let id = try caseNumberField
        #expect(form.metadataField(id: id)?.kind == .shortText)
        #expect(form.metadata.filter(\.caseNumber).count == 1)
    }

    @Test func aTitleThatIsNotTheFormsIsReportedNotDropped() throws {
        let result = importing(source(), into: newDraft())
        #expect(result.report.unplaced.map(\.text) == ["Svar till regionstyrelsen våren 2027"])
        #expect(result.report.unplaced.first?.reason.en == "a title before the first heading")
        #expect(result.sideFileText?.contains("Svar till regionstyrelsen våren 2027") == true)
        // The form's own title is the document's title, not unplaced text.
        let own = importing(source(title: form.title.sv), into: newDraft())
        #expect(own.report.unplaced.isEmpty)
    }

    @Test func footerStyledTextInTheBodyIsReported() throws {
        let result = importing(source(title: form.title.sv, footerText: "Bilaga 3 till protokollet"), into: newDraft())
        #expect(result.report.unplaced.map(\.text) == ["Bilaga 3 till protokollet"])
    }

    @Test func aDnrLineIsOfferedForTheCaseNumber() throws {
        let id = try caseNumberField
        let result = importing(source(), into: newDraft())
        #expect(result.canApply)
        #expect(result.applied(to: newDraft()).text(at: .metadata(id)) == "KN 2027/12")
        #expect(result.report.placements.contains { $0.place == .metadata(id) && $0.changed })
        for (line, number) in [("Diarienummer: HSN 2027/45", "HSN 2027/45"), ("Dnr. RS 2027-00123", "RS 2027-00123"), ("Vårt dnr KN 2027/12", "KN 2027/12")] {
            #expect(importing(source(dnr: line), into: newDraft()).applied(to: newDraft()).text(at: .metadata(id)) == number, "\(line)")
        }
    }

    @Test func aCaseNumberAlreadySetIsNeverReplaced() throws {
        let id = try caseNumberField
        var draft = newDraft()
        draft.metadata[id] = .text("KN 2027/99")
        let result = importing(source(), into: draft)
        #expect(result.canApply)
        #expect(result.applied(to: draft).text(at: .metadata(id)) == "KN 2027/99")
        #expect(result.report.notes.contains { $0.message.sv.contains("KN 2027/12") && $0.message.sv.contains("KN 2027/99") })
    }

    @Test func linesThatOnlyLookLikeCaseNumbersAreNotTaken() {
        #expect(CaseNumberLine.number(in: "Dnrx 2027/12") == nil)
        #expect(CaseNumberLine.number(in: "Ert dnr RS 2027/1") == nil)
        #expect(CaseNumberLine.number(in: "Diarienummer saknas") == nil)
        #expect(CaseNumberLine.number(in: "Datum 2027-04-01\nDnr KN 2027/12") == "KN 2027/12")
    }
}
