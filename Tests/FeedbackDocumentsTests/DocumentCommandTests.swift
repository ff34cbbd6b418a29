import FeedbackModel
import Foundation
import Testing
import TestSupport
@testable import FeedbackDocuments

/// `feedback render` and `feedback import` as a user runs them (the built binary).
@Suite struct DocumentCommandTests {
    let form = DocumentDrafts.form
    let sample = Paths.fixture("sample-hsn.json")

    func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test func renderWritesTheSameBytesEveryTimeAndNeverReplacesADifferentFile() throws {
        let folder = TemporaryFolder()
        let first = try feedback(["render", sample], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "pf-aterkoppling-2028_hsn_r7.docx\n")
        let written = try bytes(folder.file("pf-aterkoppling-2028_hsn_r7.docx"))
        // Again, in another process: the same bytes, and it says so.
        let second = try feedback(["render", sample], in: folder.path)
        #expect(second.status == 0)
        #expect(second.stderr.contains("samma innehåll"))
        #expect(try bytes(folder.file("pf-aterkoppling-2028_hsn_r7.docx")) == written)
        // SOURCE_DATE_EPOCH changes the date in the properties, so the bytes: refused without --force.
        let epoch = ["SOURCE_DATE_EPOCH": "1775635200"]
        let refused = try feedback(["render", sample], in: folder.path, environment: epoch)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("finns redan med annat innehåll"))
        #expect(try bytes(folder.file("pf-aterkoppling-2028_hsn_r7.docx")) == written)
        let forced = try feedback(["render", sample, "--force"], in: folder.path, environment: epoch)
        #expect(forced.status == 0)
        let core = try DocxReading.part("docProps/core.xml", of: try bytes(folder.file("pf-aterkoppling-2028_hsn_r7.docx")))
        #expect(core?.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-04-08T08:00:00Z</dcterms:created>") == true)
    }

    /// `-o -` is standard output for every command that writes a file; nothing named "-" is made.
    @Test func aDashIsStandardOutputForNewImportAndRender() throws {
        let folder = TemporaryFolder()
        let environment = ["XDG_DATA_HOME": folder.file("data")]
        let new = try feedback(["new", "--committee", "kn", "-o", "-"], in: folder.path, environment: environment)
        #expect(new.status == 0, "\(new.stderr)")
        let draft = try DraftCodec.decode(new.stdoutBytes, file: "-", form: form)
        #expect(draft.committeeID(in: form) == "kn")

        let docx = try feedback(["render", sample, "-o", "-"], in: folder.path)
        #expect(docx.status == 0 && docx.stdoutBytes.starts(with: Array("PK".utf8)))
        try folder.write(bytes: docx.stdoutBytes, "hsn.docx")
        let imported = try feedback(["import", folder.file("hsn.docx"), "-o", "-", "--format", "json"], in: folder.path, environment: environment)
        #expect(imported.status == 0, "\(imported.stderr)")
        // The new draft on standard output, the report on standard error.
        let back = try DraftCodec.decode(imported.stdoutBytes, file: "-", form: form)
        #expect(back.committeeID(in: form) == "hsn")
        #expect(imported.stderr.contains("\"placed\""))
        #expect(!FileManager.default.fileExists(atPath: folder.file("-")))
    }

    @Test func renderFormatsLanguageAndStandardOutput() throws {
        let folder = TemporaryFolder()
        let md = try feedback(["render", sample, "-o", "-", "--format", "md", "--lang", "en"], in: folder.path)
        #expect(md.status == 0)
        #expect(md.stdout.hasPrefix("# Committee feedback on the planning premises 2028–2031\n"))
        #expect(md.stdout.contains("## 5\\. Investment planning") || md.stdout.contains("## 5. Investment planning"))
        let html = try feedback(["render", sample, "-o", "papers.html"], in: folder.path)
        #expect(html.status == 0)
        #expect(try folder.read("papers.html").hasPrefix("<!DOCTYPE html>\n<html lang=\"sv-SE\">"))
        let wrong = try feedback(["render", sample, "--format", "html", "--template", Tools.fixtures + "/template-region.docx"], in: folder.path)
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--template gäller bara --format docx"))
        let missing = try feedback(["render", folder.file("nothing.json")], in: folder.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nothing.json"))
    }

    @Test func renderWithTheRegionsTemplate() throws {
        let folder = TemporaryFolder()
        let result = try feedback(["render", sample, "--template", Tools.fixtures + "/template-region.docx", "-o", "with-template.docx"], in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let styles = try DocxReading.part("word/styles.xml", of: try bytes(folder.file("with-template.docx")))
        #expect(styles?.contains("w:styleId=\"Rubrik1\"") == true)
        let document = try DocxReading.part("word/document.xml", of: try bytes(folder.file("with-template.docx")))
        #expect(document?.contains("<w:pStyle w:val=\"Rubrik1\"/>") == true)
        #expect(document?.contains("Mallens brödtext") == false)
    }

    /// A draft file with the sample's content but an empty heading 6 and no investments.
    func partialDraft(in folder: TemporaryFolder) throws -> String {
        var draft = try DocumentDrafts.sample()
        draft.sections["other"] = [:]
        draft.sections["investments", default: [:]]["investments"] = nil
        let path = folder.file("hsn.json")
        try FileStore().save(DraftCodec.encode(draft, form: form), to: path)
        return path
    }

    @Test func importIntoRefusesToOverwriteUnlessReplace() throws {
        let folder = TemporaryFolder()
        let draft = try partialDraft(in: folder)
        let before = try bytes(draft)
        let document = Tools.fixtures + "/people-bold-headings.docx"
        let refused = try feedback(["import", document, "--into", draft], in: folder.path)
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("Ingenting ändrades"))
        #expect(refused.stdout.contains("Rubrik 1: Nämndens bidrag till fullmäktiges mål och uppdrag"))
        #expect(try bytes(draft) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["hsn.json"])

        let dry = try feedback(["import", document, "--into", draft, "--replace", "--dry-run"], in: folder.path)
        #expect(dry.status == 0)
        #expect(dry.stderr.contains("Provkörning: ingenting skrevs."))
        #expect(try bytes(draft) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["hsn.json"])

        let replaced = try feedback(["import", document, "--into", draft, "--replace"], in: folder.path)
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let (after, _) = try DraftCodec.decode(try bytes(draft), file: draft, catalog: .embedded())
        #expect(after.revision == 8)
        #expect(after.text(at: .section("other", "text")) == "Tidplanen för PF bör vara känd tidigare.")
        #expect(after.metadata["caseNumber"] == .text("HSN 2027/45"))  // not in the document: kept
        // The text before the first heading went to the side file.
        let side = try folder.read("hsn.unplaced.txt")
        #expect(side.contains("Utkast till nämndens sammanträde, version 3."))
        #expect(replaced.stderr.contains("hsn.unplaced.txt"))
    }

    @Test func importFillsEmptyHeadingsWithoutReplace() throws {
        let folder = TemporaryFolder()
        let draft = try partialDraft(in: folder)
        let markdown = folder.file("svar.md")
        try folder.write("svar.md", """
            Inledning som inte hör till någon rubrik.

            ## 6. Nämndens övriga synpunkter

            Tidplanen bör vara känd tidigare.

            | Objekt | Kategori | 2028 | 2029 | 2030 | 2031 | Beslut | Prioritet |
            |---|---|---|---|---|---|---|---|
            | Ny MR-kamera | Medicinteknisk utrustning | 45 000 tkr | 0 | 0 | 0 | ny | 1 |
            """)
        let result = try feedback(["import", markdown, "--into", draft, "--unplaced", "other", "--lang", "en"], in: folder.path)
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(result.stdout.contains("Heading 6: Other comments ← 2 paragraphs"))
        let (after, _) = try DraftCodec.decode(try bytes(draft), file: draft, catalog: .embedded())
        #expect(after.text(at: .section("other", "text")) == "Tidplanen bör vara känd tidigare.\n\nInledning som inte hör till någon rubrik.")
        #expect(after.value(at: .section("investments", "investments"))?.rows.first?["amounts/2028"] == .integer(45_000))
        #expect(after.text(at: .section("goals", "text")) == (try DocumentDrafts.sample()).text(at: .section("goals", "text")))
        #expect(!FileManager.default.fileExists(atPath: folder.file("hsn.unplaced.txt")))
    }

    @Test func importIntoANewDraftTakesTheCommitteeFromTheDocument() throws {
        let folder = TemporaryFolder()
        let created = try feedback(["import", Tools.fixtures + "/people-heading-styles.docx", "-o", "kn.json", "--format", "json"], in: folder.path)
        #expect(created.status == 0, "\(created.stderr)")
        let report = try JSONParser.parse(Array(created.stdout.utf8))
        #expect(created.stderr.contains("kn.json"))
        #expect(report.objectValue?["placed"]?.arrayValue?.isEmpty == false)
        let (draft, _) = try DraftCodec.decode(try bytes(folder.file("kn.json")), file: "kn.json", catalog: .embedded())
        #expect(draft.committeeID(in: form) == "kn")
        #expect(draft.text(at: .section("competence", "text")) == "Nämnden behöver fler bibliotekarier.")
        // A document that does not say, and no --committee.
        let unknown = try feedback(["import", Tools.fixtures + "/people-bold-headings.docx", "-o", "new.json"], in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--committee"))
        // An existing file is never overwritten.
        let existing = try feedback(["import", Tools.fixtures + "/people-heading-styles.docx", "-o", "kn.json"], in: folder.path)
        #expect(existing.status == 2)
        #expect(existing.stderr.contains("finns redan"))
    }

    @Test func aDraftOpenInTheInterfaceIsNotImportedInto() throws {
        let folder = TemporaryFolder()
        let draft = try partialDraft(in: folder)
        let before = try bytes(draft)
        guard case .acquired(let lock) = DraftLock.acquire(for: draft, now: SampleDrafts.now) else {
            Issue.record("no lock")
            return
        }
        defer { lock.release() }
        let result = try feedback(["import", Tools.fixtures + "/people.md", "--into", draft], in: folder.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("är öppet i feedback"))
        #expect(try bytes(draft) == before)
    }

    @Test func importingTheDraftsOwnDocumentChangesNothing() throws {
        let folder = TemporaryFolder()
        try FileStore().save(try bytes(sample), to: folder.file("hsn.json"))
        let before = try bytes(folder.file("hsn.json"))
        #expect(try feedback(["render", "hsn.json", "-o", "hsn.docx"], in: folder.path).status == 0)
        let result = try feedback(["import", "hsn.docx", "--into", "hsn.json"], in: folder.path)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stderr.contains("Utkastet hade redan detta innehåll"))
        #expect(try bytes(folder.file("hsn.json")) == before)
    }

    @Test func usageErrorsExitTwo() throws {
        let folder = TemporaryFolder()
        #expect(try feedback(["import", Tools.fixtures + "/people.md"], in: folder.path).status == 2)
        #expect(try feedback(["import", Tools.fixtures + "/people.md", "--into", "a.json", "-o", "b.json"], in: folder.path).status == 2)
        try folder.write("notes.rtf", "{\\rtf1}")
        let unknown = try feedback(["import", folder.file("notes.rtf"), "--dry-run"], in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("okänd filtyp"))
    }
}
