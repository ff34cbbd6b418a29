import FeedbackModel
import Foundation
import Testing
import TestSupport
@testable import FeedbackDocuments

/// Importing documents made by other programs, the way people write them (see
/// Fixtures/make_fixtures.py), and hand-written Markdown.
@Suite struct ImportFixtureTests {
    let form = DocumentDrafts.form

    func newDraft(_ committee: String = "hsn") -> Draft {
        Draft.new(form: form, committee: committee, documentID: "00000000-0000-4000-8000-000000000000", now: SampleDrafts.now)
    }

    func imported(_ name: String, committee: String = "hsn", options: ImportOptions = ImportOptions()) throws -> (Draft, DocumentImport) {
        let result = try DocumentImporter(form: form).importDocument(at: Tools.fixtures + "/" + name, into: newDraft(committee), options: options)
        return (result.applied(to: newDraft(committee)), result)
    }

    func notes(_ result: DocumentImport) -> String {
        result.report.notes.map(\.message.en).joined(separator: "\n")
    }

    @Test func boldNumberedHeadingsInNormalStyle() throws {
        let (draft, result) = try imported("people-bold-headings.docx")
        #expect(result.canApply)
        #expect(draft.text(at: .section("goals", "text")) == "Nämnden bidrar till målet om en god och jämlik vård genom att korta väntetiderna.\n\nMålen följs upp i delårsrapporterna.")
        // "2 …" without a dot; the tracked insertion taken, the deletion dropped; bullets kept.
        #expect(draft.text(at: .section("development", "text")) == "Omställningen till nära vård fortsätter tillsammans med kommunerna.\n\n- Mobila team i fyra kommuner\n- Digital triagering i primärvården")
        // "Rubrik 3 – …"; the soft hyphen and zero-width space removed; hidden text left out.
        #expect(draft.text(at: .section("competence", "text")) == "Bristen på specialistsjuksköterskor är störst inom anestesi och intensivvård.\n\nSynlig text.")
        // Capitals.
        #expect(draft.text(at: .section("economy", "text")) == "Nämnden planerar åtgärder för 150 mnkr per år.")
        // The title alone, no number.
        #expect(draft.text(at: .section("other", "text")) == "Tidplanen för PF bör vara känd tidigare.")
        #expect(draft.text(at: .section("investments", "text")) == "Investeringarna avser främst fastigheter och medicinteknik.")

        // Options by label whatever the case.
        let risks = draft.value(at: .section("economy", "risks"))?.rows ?? []
        #expect(risks.map { $0["likelihood"] } == [.text("hog"), .text("medel")])
        #expect(risks.map { $0["consequence"] } == [.text("medel"), .text("hog")])

        // The table pasted from Excel: amounts with no-break spaces and "tkr" read, "1,2 mnkr"
        // refused with its reason (kept as text), "1" and "2 – medel" as priorities, the
        // totals row not imported.
        let investments = draft.value(at: .section("investments", "investments"))?.rows ?? []
        #expect(investments.count == 2)
        #expect(investments.first?["amounts/2028"] == .integer(45_000))
        #expect(investments.first?["amounts/2029"] == .integer(120_000))
        #expect(investments.first?["decision"] == .text("beslutad"))
        #expect(investments.first?["category"] == .text("byggnader"))
        #expect(investments.last?["amounts/2029"] == .integer(12_000))
        #expect(investments.last?["amounts/2030"] == .text("1,2 mnkr"))
        #expect(investments.map { $0["priority"] } == [.text("1"), .text("2")])
        #expect(notes(result).contains("“1,2 mnkr” was not read as an amount: amounts are in tkr, not mnkr (write 1 200)"))
        #expect(notes(result).contains("the document's totals row says 1 000 for 2031, the rows add up to 0"))

        // Tracked changes, the comment and the invisible characters are reported.
        #expect(notes(result).contains("1 insertion taken, 1 deletion dropped"))
        #expect(notes(result).contains("Margin comments not imported (they are not part of the text): 1."))
        #expect(notes(result).contains("1 soft hyphen, 1 zero-width character"))
        #expect(notes(result).contains("characters of hidden text"))
        // Nothing dropped silently: the text before the first heading is unplaced, in the side file.
        #expect(result.report.unplaced.map(\.text) == ["Hälso- och sjukvårdsnämndens svar på PF 2028–2031", "Utkast till nämndens sammanträde, version 3."])
        #expect(result.sideFileText?.contains("Utkast till nämndens sammanträde, version 3.") == true)
        // The strike-through text of the deletion is nowhere.
        #expect(!String(decoding: DraftCodec.encode(draft, form: form), as: UTF8.self).contains("STRUKEN"))
    }

    @Test func headingStylesWithWordNumbering() throws {
        let (draft, result) = try imported("people-heading-styles.docx", committee: "kn")
        #expect(result.canApply)
        // Heading 2 numbered by Word's list numbering: the text is only "Mål och uppdrag".
        #expect(draft.text(at: .section("goals", "text")) == "Kulturnämnden bidrar till målet om ett attraktivt län.\n\nBakgrund\n\nKulturplanen gäller 2028–2031.")
        // A deleted paragraph mark joins the two paragraphs.
        #expect(draft.text(at: .section("development", "text")) == "Biblioteken får nya öppettider och meröppet i tre kommuner.")
        #expect(draft.text(at: .section("competence", "text")) == "Nämnden behöver fler bibliotekarier.")
        #expect(draft.text(at: .section("other", "text")) == "Inga övriga synpunkter.")
        // The metadata table with the labels people use.
        #expect(draft.metadata["caseNumber"] == .text("KN 2027/12"))
        #expect(draft.metadata["contactName"] == .text("Per Nilsson"))
        #expect(draft.metadata["contactEmail"] == .text("per.nilsson@region.example"))
        #expect(draft.metadata["committee"] == .text("kn"))
        #expect(result.committee == "kn")
        // A two-row header: "Effekt (tkr)" merged over the years.
        let sensitivity = draft.value(at: .section("economy", "sensitivity"))?.rows ?? []
        #expect(sensitivity.count == 1)
        #expect(sensitivity.first?["parameter"] == .text("Löneökning"))
        #expect(form.planPeriod.years.map { sensitivity.first?[TableRow.yearKey("effect", $0)] } == [.integer(-4000), .integer(-4100), .integer(-4200), .integer(-4300)])
        #expect(result.report.unplaced.isEmpty)
    }

    @Test func handWrittenMarkdownWithSetextAndATXHeadings() throws {
        let (draft, result) = try imported("people.md", committee: "tn")
        #expect(result.canApply)
        #expect(draft.text(at: .section("goals", "text")) == "Tandvårdsnämnden bidrar till målet om en jämlik hälsa: fler barn ska gå på regelbundna kontroller.\n\nUppföljning sker varje år.\n\n- Fler kallelser\n- Mobil tandvård i inlandet")
        #expect(draft.text(at: .section("development", "text")) == "Digitala bokningar införs 2028, se planen (https://region.example/plan).")
        #expect(draft.text(at: .section("competence", "text")) == "Det är svårt att rekrytera tandhygienister & tandsköterskor.")
        #expect(draft.text(at: .section("economy", "text")) == "Ekonomin är i balans.")
        #expect(draft.text(at: .section("other", "text")) == "- Tidplanen bör vara känd tidigare.")
        #expect(draft.metadata["status"] == .text("klar-for-beslut"))
        #expect(draft.metadata["caseNumber"] == .text("TN 2027/8"))
        // The investment table stands under heading 4 but is recognised by its header.
        let rows = draft.value(at: .section("investments", "investments"))?.rows ?? []
        #expect(rows.map { $0["object"] } == [.text("Nya behandlingsstolar"), .text("Klinik | Skellefteå")])
        #expect(rows.map { $0["category"] } == [.text("medicinteknik"), .text("byggnader")])
        #expect(rows.first?["amounts/2031"] == .integer(1200))
        #expect(notes(result).contains("Heading 5 (Investment planning) is not in the document"))
        #expect(result.report.unplaced.map(\.text) == ["Återkoppling från Tandvårdsnämnden", "Skrivet i en textredigerare, inte med programmet."])
    }

    @Test func unplacedTextCanGoUnderTheOtherHeading() throws {
        let (draft, result) = try imported("people-bold-headings.docx", options: ImportOptions(unplaced: .otherHeading))
        #expect(result.sideFileText == nil)
        #expect(draft.text(at: .section("other", "text")) == "Tidplanen för PF bör vara känd tidigare.\n\nHälso- och sjukvårdsnämndens svar på PF 2028–2031\n\nUtkast till nämndens sammanträde, version 3.")
    }

    @Test func unplacedTextIsAddedAfterWhatHeadingSixAlreadySays() throws {
        var target = newDraft("tn")
        target.sections["other", default: [:]]["text"] = .text("Vår egen synpunkt.")
        let md = TemporaryFolder()
        try md.write("x.md", "Inledning utan rubrik.\n\n## 1. Nämndens bidrag till fullmäktiges mål och uppdrag\n\nText.\n")
        let result = try DocumentImporter(form: form).importDocument(at: md.file("x.md"), into: target, options: ImportOptions(unplaced: .otherHeading))
        #expect(result.canApply)
        #expect(result.applied(to: target).text(at: .section("other", "text")) == "Vår egen synpunkt.\n\nInledning utan rubrik.")
    }

    @Test(.enabled(if: Tools.pythonDocx, "python-docx is not installed (pip install python-docx)"))
    func freshlyMadeFixturesImportLikeTheCommittedOnes() throws {
        let folder = TemporaryFolder()
        _ = try Tools.pythonScript("make_fixtures.py", [folder.path])
        for name in ["people-bold-headings.docx", "people-heading-styles.docx"] {
            let importer = DocumentImporter(form: form)
            let committed = try importer.importDocument(at: Tools.fixtures + "/" + name, into: newDraft())
            let fresh = try importer.importDocument(at: folder.file(name), into: newDraft())
            #expect(committed.changes == fresh.changes, "\(name)")
            #expect(committed.report.notes == fresh.report.notes, "\(name)")
        }
    }
}
