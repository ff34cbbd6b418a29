import Foundation
import Testing
import TestSupport
@testable import FeedbackHistory
@testable import FeedbackModel

/// What the start screen offers as "start from last year", and the last export of a draft.
@Suite struct LastYearFinderTests {
    let form = shippedForm()

    @Test func candidatesAreEarlierRoundsOfTheCommitteeBestFirst() throws {
        let drafts = TemporaryFolder()
        let exports = TemporaryFolder()
        try exports.write(bytes: LastYear.bytes(LastYear.exportFile), "pf-aterkoppling-2027_hsn_r5.json")
        // Last year's draft (its form unknown here), an older revision's export, this year's
        // draft, another committee's export, an autosave, and files that are not feedback.
        try drafts.write(bytes: LastYear.bytes(LastYear.draftFile), "pf-aterkoppling-2027_hsn.json")
        var older = try LastYear.draft()
        older.revision = 3
        older.metadata["status"] = .text("klar-for-beslut")
        try exports.write(bytes: try Exporter(form: LastYear.form()).export(older, exportedAt: LastYear.exportedAt).bytes,
                          "pf-aterkoppling-2027_hsn_r3.json")
        try drafts.write(bytes: DraftCodec.encode(SampleDrafts.complete(form), form: form), "pf-aterkoppling-2028_hsn.json")
        var other = try LastYear.draft()
        other.metadata["committee"] = .text("run")
        try exports.write(bytes: try Exporter(form: LastYear.form()).export(other, exportedAt: LastYear.exportedAt).bytes,
                          "pf-aterkoppling-2027_run_r5.json")
        try drafts.write(bytes: LastYear.bytes(LastYear.draftFile), ".pf-aterkoppling-2027_hsn.autosave.json")
        try drafts.write("anteckningar.json", "{\"inte\": \"feedback\"}")
        try drafts.write("trasig.json", "{")
        try drafts.write("readme.txt", "x")

        let found = LastYearFinder.candidates(in: [drafts.path, exports.path], for: form, committee: "hsn", catalog: .embedded())
        #expect(found.map { ($0.path as NSString).lastPathComponent } ==
                ["pf-aterkoppling-2027_hsn_r5.json", "pf-aterkoppling-2027_hsn_r3.json", "pf-aterkoppling-2027_hsn.json"])
        #expect(found[0].label(.sv) == "Export 2027–2030, revision 5, beslutad, 2026-04-10 – pf-aterkoppling-2027_hsn_r5.json")
        #expect(found[1].label(.en) == "Export 2027–2030, revision 3, ready for decision, 2026-04-10 – pf-aterkoppling-2027_hsn_r3.json")
        #expect(found[2].label(.sv) == "Utkast pf-aterkoppling-2027 v1, revision 5, beslutad, 2026-04-09 – pf-aterkoppling-2027_hsn.json")
        // All committees, and a catalog that knows last year's form (the draft's period is then known).
        let all = LastYearFinder.candidates(in: [drafts.path, exports.path], for: form, committee: nil, catalog: try LastYear.catalog())
        #expect(all.count == 4)
        #expect(all.allSatisfy { $0.planPeriod?.label == "2027–2030" })
        // Nothing earlier than last year's own round for last year's form.
        #expect(LastYearFinder.candidates(in: [exports.path], for: try LastYear.form(), committee: "hsn", catalog: .embedded()).isEmpty)
        #expect(LastYearFinder.candidates(in: ["/nonexistent"], for: form, committee: "hsn", catalog: .embedded()).isEmpty)
    }

    @Test func theStartScreenCanStartFromACandidate() throws {
        let folder = TemporaryFolder()
        try folder.write(bytes: LastYear.bytes(LastYear.exportFile), "förra.json")
        let candidate = try #require(LastYearFinder.candidates(in: [folder.path], for: form, committee: "hsn", catalog: .embedded()).first)
        let started = try StartFromLastYear.draft(from: candidate.path, form: form, committee: "hsn", catalog: .embedded(),
                                                 documentID: "d", now: SampleDrafts.now)
        #expect(started.draft.unconfirmedCarriedParts(in: form).count == 19)
        #expect(started.summary.lines(.sv).first == "Från föregående år: förra.json (export, planperiod 2027–2030, revision 5).")
        #expect(throws: StartFromLastYear.Failure.self) {
            try StartFromLastYear.draft(from: candidate.path, form: form, committee: "rs", catalog: .embedded(), documentID: "d", now: SampleDrafts.now)
        }
        do {
            _ = try StartFromLastYear.draft(from: folder.file("saknas.json"), form: form, committee: "hsn", catalog: .embedded(),
                                            documentID: "d", now: SampleDrafts.now)
        } catch {
            #expect(error.message(.sv).contains("saknas.json"))
        }
    }

    @Test func theLatestExportOfADraftAndLastYearsTextBesideTheEditor() throws {
        let folder = TemporaryFolder()
        var draft = SampleDrafts.complete(form)
        let writer = ExportWriter(form: form)
        _ = try writer.write(draft, folder: folder.path, exportedAt: SampleDrafts.now)
        draft.revision = 4
        draft.metadata["contactName"] = .text("Ny kontakt")
        _ = try writer.write(draft, folder: folder.path, exportedAt: SampleDrafts.now)
        var another = SampleDrafts.complete(form)
        another.documentID = "ett-annat-dokument"
        another.revision = 9
        _ = try writer.write(another, folder: folder.path, exportedAt: SampleDrafts.now)
        let latest = try #require(ExportHistory.latestExport(documentID: draft.documentID, in: folder.path, catalog: .embedded()))
        #expect(latest.revision == 4 && latest.metadataValue("contactName") == "Ny kontakt")
        #expect(ExportHistory.latestExport(documentID: "inget", in: folder.path, catalog: .embedded()) == nil)
        // "What has changed since the last export": nothing, then one value.
        #expect(FeedbackDiff.between(latest, PastFeedbackReader.snapshot(of: draft, form: form)).isEqual)
        draft.metadata["contactName"] = .text("Tredje kontakt")
        #expect(FeedbackDiff.between(latest, PastFeedbackReader.snapshot(of: draft, form: form)).metadata.map(\.id) == ["contactName"])

        let last = try PastFeedbackReader.read(path: LastYear.exportFile, catalog: .embedded())
        #expect(last.text(at: .section("goals", "text"))?.hasPrefix("Hälso- och sjukvårdsnämnden ställer sig bakom") == true)
        #expect(last.text(at: .section("other", "text")) == nil)
        #expect(last.text(at: .metadata("contactName")) == "Karin Lindqvist")
    }
}
