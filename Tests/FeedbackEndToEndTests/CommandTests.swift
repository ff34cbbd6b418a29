import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// The headless commands, run as the built binary: output and exit codes.
@Suite struct CommandTests {
    let form = shippedForm()

    func writeDraft(_ draft: Draft, to folder: TemporaryFolder, name: String = "utkast.json") throws -> String {
        try folder.write(bytes: DraftCodec.encode(draft, form: form), name)
        return folder.file(name)
    }

    @Test func newCreatesADraftAndRefusesToOverwrite() throws {
        let folder = TemporaryFolder()
        let created = try feedback(["new", "--committee", "hsn", "-o", "d.json"], in: folder.path)
        #expect(created.status == 0)
        #expect(created.stdout == "d.json\n")
        let (draft, _) = try DraftCodec.decode(try FileStore.readLimited(path: folder.file("d.json"), limit: 1 << 20), file: "d.json", catalog: .embedded())
        #expect(draft.committeeID(in: form) == "hsn")
        #expect(draft.status(in: form) == "utkast")
        let again = try feedback(["new", "--committee", "hsn", "-o", "d.json"], in: folder.path)
        #expect(again.status == 2)
        #expect(again.stderr.contains("finns redan"))
        let unknown = try feedback(["new", "--committee", "xyz", "-o", "e.json"], in: folder.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Okänd nämnd xyz"))
        #expect(unknown.stderr.contains("hsn (Hälso- och sjukvårdsnämnden)"))
        // Without -o: the data folder.
        let data = try feedback(["new", "--committee", "pn"], in: folder.path, environment: ["XDG_DATA_HOME": folder.file("data")])
        #expect(data.status == 0)
        #expect(data.stdout.hasPrefix(folder.file("data") + "/feedback/pf-aterkoppling-2028_pn.json"))
    }

    @Test func validateExitCodesAndFormats() throws {
        let folder = TemporaryFolder()
        let good = try writeDraft(SampleDrafts.complete(form), to: folder, name: "bra.json")
        var warned = SampleDrafts.complete(form)
        warned.sections["economy"]!["risks"] = .table([])
        let warning = try writeDraft(warned, to: folder, name: "varning.json")
        var broken = SampleDrafts.complete(form)
        broken.metadata["contactEmail"] = .text("inte en adress")
        let bad = try writeDraft(broken, to: folder, name: "fel.json")

        let ok = try feedback(["validate", good])
        #expect(ok.status == 0)
        #expect(ok.stdout == "\(good): 0 fel, 0 varningar\n")
        let warn = try feedback(["validate", warning])
        #expect(warn.status == 0)
        #expect(warn.stdout.contains("1 varning"))
        #expect(warn.stdout.contains("  4. Nämndens plan för hållbar ekonomi och prioriteringar av resurser\n    varning"))
        let fail = try feedback(["validate", good, bad])
        #expect(fail.status == 1)
        #expect(fail.stdout.contains("  Uppgifter\n    fel     Kontaktpersonens e-post: Det ser inte ut som en e-postadress."))
        let english = try feedback(["validate", "--lang", "en", bad])
        #expect(english.stdout.contains("1 error, 0 warnings"))
        #expect(english.stdout.contains("  Details\n    error   Contact e-mail: This does not look like an e-mail address."))
        let fromLang = try feedback(["validate", bad], environment: ["LANG": "en_GB.UTF-8"])
        #expect(fromLang.stdout.contains("1 error"))

        let json = try feedback(["validate", "--format", "json", good, bad])
        #expect(json.status == 1)
        let parsed = try JSONParser.parse(json.stdoutBytes)
        let files = try #require(parsed.objectValue?["files"]?.arrayValue)
        #expect(files.count == 2)
        #expect(files[0].objectValue?["valid"] == .bool(true))
        let finding = try #require(files[1].objectValue?["findings"]?.arrayValue?.first?.objectValue)
        #expect(finding["code"] == .string("pattern"))
        #expect(finding["pointer"] == .string("/metadata/contactEmail"))
        #expect(finding["severity"] == .string("error"))
        #expect(finding["message"]?.objectValue?["en"]?.stringValue?.contains("e-mail") == true)
    }

    @Test func unreadableInputIsExitTwo() throws {
        let folder = TemporaryFolder()
        try folder.write("trasig.json", "{\"format\": \"feedback-draft\", ")
        let truncated = try feedback(["validate", folder.file("trasig.json")])
        #expect(truncated.status == 2)
        #expect(truncated.stderr.contains("trasig.json: rad 1, kolumn 30: texten tar slut för tidigt"))
        let missing = try feedback(["validate", folder.file("finns-inte.json")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("filen eller mappen finns inte"))
        let json = try feedback(["validate", "--format", "json", folder.file("trasig.json")])
        #expect(json.status == 2)
        #expect(try JSONParser.parse(json.stdoutBytes).objectValue?["files"]?.arrayValue?.first?.objectValue?["error"] != nil)
        let usage = try feedback(["validate"])
        #expect(usage.status == 2)
        let badOption = try feedback(["validate", "--format", "xml", "x.json"])
        #expect(badOption.status == 2)
        let unknownCommand = try feedback(["exportera"])
        #expect(unknownCommand.status == 2)
        let help = try feedback(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("validate"))
        // A hostile file name is printed harmlessly.
        let hostile = try feedback(["validate", "/nonexistent/\u{1B}]0;x\u{7}.json"])
        #expect(!hostile.stderr.contains("\u{1B}"))
        #expect(hostile.stderr.contains("^[]0;x^G.json"))
    }

    @Test func exportWritesOnceAndRefusesErrors() throws {
        let folder = TemporaryFolder()
        var broken = SampleDrafts.complete(form)
        broken.metadata["contactName"] = nil
        let bad = try writeDraft(broken, to: folder, name: "fel.json")
        let refused = try feedback(["export", bad], in: folder.path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Kontaktperson: måste fyllas i."))
        #expect(refused.stderr.contains("exporterades inte"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("Exports")))

        let good = try writeDraft(SampleDrafts.complete(form), to: folder, name: "bra.json")
        let env = ["SOURCE_DATE_EPOCH": "1775635200"]
        let first = try feedback(["export", good], in: folder.path, environment: env)
        #expect(first.status == 0)
        let lines = first.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Exports/pf-aterkoppling-2028_hsn_r3.json")
        #expect(lines.last?.hasPrefix("sha256 ") == true)
        let written = try FileStore.readLimited(path: folder.file("Exports/pf-aterkoppling-2028_hsn_r3.json"), limit: 1 << 22)
        let expected = try Exporter(form: form).export(SampleDrafts.complete(form), exportedAt: Timestamp(secondsSinceEpoch: 1_775_635_200))
        #expect(written == expected.bytes)
        #expect(lines.last == "sha256 \(expected.contentSha256)")
        // Same draft again: the same file, left as it was.
        let second = try feedback(["export", good], in: folder.path)
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("Exports/pf-aterkoppling-2028_hsn_r3.json\n"))
        #expect(second.stderr.contains("lämnades orörd"))
        // --out elsewhere, created when missing.
        let out = try feedback(["export", "--out", folder.file("ut/mapp"), good], environment: env)
        #expect(out.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.file("ut/mapp/pf-aterkoppling-2028_hsn_r3.json")))
    }

    @Test func schemaAndForms() throws {
        let schema = try feedback(["schema"])
        #expect(schema.status == 0)
        #expect(schema.stdoutBytes == ExportSchema(form: form).bytes())
        let object = try #require(try JSONParser.parse(schema.stdoutBytes).objectValue)
        #expect(object["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
        let unknown = try feedback(["schema", "--form", "nej"])
        #expect(unknown.status == 2)

        let forms = try feedback(["forms"], in: Paths.root)
        #expect(forms.status == 0)
        #expect(forms.stdout.contains("pf-aterkoppling-2028 v1  Nämndens återkoppling på planeringsförutsättningar 2028–2031"))
        #expect(forms.stdout.contains("hsn=Hälso- och sjukvårdsnämnden"))
        let folder = TemporaryFolder()
        try folder.write("trasig.yaml", "id: [\n")
        let broken = try feedback(["forms", "--forms", folder.path])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("trasig.yaml:"))
        #expect(broken.stdout.contains("pf-aterkoppling-2028 v1"))
    }

    @Test func interfaceRefusesWithoutATerminal() throws {
        let result = try feedback([])
        #expect(result.status == 2)
        #expect(result.stderr.contains("ingen terminal"))
        let english = try feedback(["fill", "--lang", "en"])
        #expect(english.stderr.contains("not a terminal"))
        let folder = TemporaryFolder()
        try folder.write("x.json", "not json")
        let unreadable = try feedback(["fill", folder.file("x.json")])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr.contains("x.json"))
    }
}
