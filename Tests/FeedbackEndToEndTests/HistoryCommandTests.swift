import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// `feedback new --from` and `feedback diff`, run as the built binary.
@Suite struct HistoryCommandTests {
    let form = shippedForm()

    func copyFixture(_ path: String, to folder: TemporaryFolder, as name: String) throws -> String {
        try folder.write(bytes: LastYear.bytes(path), name)
        return folder.file(name)
    }

    @Test func newFromLastYearsExport() throws {
        let folder = TemporaryFolder()
        _ = try copyFixture(LastYear.exportFile, to: folder, as: "förra.json")
        let result = try feedback(["new", "--from", "förra.json", "-o", "ny.json"], in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "ny.json\n")
        #expect(result.stderr.hasPrefix("Från föregående år: förra.json (export, planperiod 2027–2030, revision 5).\n"))
        #expect(result.stderr.contains("2031 är nytt i planperioden"))
        let (draft, _) = try DraftCodec.decode(try FileStore.readLimited(path: folder.file("ny.json"), limit: 1 << 24), file: "ny.json", catalog: .embedded())
        #expect(draft.committeeID(in: form) == "hsn")
        #expect(draft.carriedOver?.source.path.hasPrefix("/") == true)
        #expect(draft.carriedOver?.source.path.hasSuffix("/förra.json") == true)
        #expect(FileManager.default.fileExists(atPath: draft.carriedOver?.source.path ?? ""))
        #expect(draft.unconfirmedCarriedParts(in: form).count == 19)
        // The new amounts are errors until filled; what came over is listed as warnings.
        let validate = try feedback(["validate", "ny.json"], in: folder.path)
        #expect(validate.status == 1)
        #expect(validate.stdout.contains("fel     Investeringar, rad 1, Belopp (tkr) 2031: måste fyllas i."))
        #expect(validate.stdout.contains("varning Text: från föregående år och ännu inte bekräftad. Redigera eller bekräfta den för i år. [carriedOverUnconfirmed /sections/goals/text]"))
        #expect(validate.stdout.contains("[carriedOverNote /carriedOver/notes/0]"))
        // English.
        let english = try feedback(["new", "--lang", "en", "--from", "förra.json", "-o", "ny2.json"], in: folder.path)
        #expect(english.stderr.contains("Everything carried over is marked “from last year” until you edit or confirm it."))
    }

    @Test func newFromLastYearsDraftWithAndWithoutItsForm() throws {
        let folder = TemporaryFolder()
        _ = try copyFixture(LastYear.draftFile, to: folder, as: "utkast-2027.json")
        let known = try feedback(["new", "--forms", LastYear.folder, "--from", "utkast-2027.json", "-o", "a.json"], in: folder.path)
        #expect(known.status == 0, "\(known.stderr)")
        #expect(known.stderr.hasPrefix("Från föregående år: utkast-2027.json (utkast, planperiod 2027–2030, revision 5)."))
        let unknown = try feedback(["new", "--from", "utkast-2027.json", "-o", "b.json"], in: folder.path)
        #expect(unknown.status == 0, "\(unknown.stderr)")
        #expect(unknown.stderr.hasPrefix("Från föregående år: utkast-2027.json (utkast, revision 5)."))
        // Both give the same content.
        let diff = try feedback(["diff", "a.json", "b.json"], in: folder.path)
        #expect(diff.status == 0, "\(diff.stdout)")
    }

    @Test func newFromRefusesWhatItCannotUse() throws {
        let folder = TemporaryFolder()
        _ = try copyFixture(LastYear.exportFile, to: folder, as: "förra.json")
        let other = try feedback(["new", "--committee", "rs", "--from", "förra.json", "-o", "ny.json"], in: folder.path)
        #expect(other.status == 2)
        #expect(other.stderr == "förra.json är nämnden hsn:s återkoppling, inte rs:s; ingenting skrevs.\n")
        #expect(!FileManager.default.fileExists(atPath: folder.file("ny.json")))
        let missing = try feedback(["new", "--from", "saknas.json", "-o", "ny.json"], in: folder.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("saknas.json") && missing.stderr.contains("finns inte"))
        try folder.write("trasig.json", "{\"schemaVersion\": 1, \"form\": ")
        let broken = try feedback(["new", "--from", "trasig.json", "-o", "ny.json"], in: folder.path)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("trasig.json"))
        try folder.write("annat.json", "{\"hej\": 1}")
        let notOurs = try feedback(["new", "--from", "annat.json", "-o", "ny.json"], in: folder.path)
        #expect(notOurs.stderr.contains("varken en export eller ett utkast"))
        let noCommittee = try feedback(["new", "-o", "ny.json"], in: folder.path)
        #expect(noCommittee.status == 2)
        #expect(noCommittee.stderr.contains("Ange nämnden med --committee"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("ny.json")))
        // An export changed by hand after it was made still carries over, with a note.
        let text = try folder.read("förra.json").replacingOccurrences(of: "Karin Lindqvist", with: "Karin Lind")
        try folder.write("ändrad.json", text)
        let changed = try feedback(["new", "--from", "ändrad.json", "-o", "ny.json"], in: folder.path)
        #expect(changed.status == 0)
        #expect(changed.stderr.hasPrefix("feedback: obs: ändrad.json har ändrats efter exporten"))
    }

    @Test func diffExitCodesAndText() throws {
        let folder = TemporaryFolder()
        let last = try copyFixture(LastYear.exportFile, to: folder, as: "2027.json")
        let this = Paths.root + "/Exports/example-hsn.json"
        let same = try feedback(["diff", last, last])
        #expect(same.status == 0)
        #expect(same.stdout.hasSuffix("Inga skillnader i innehållet.\n"))
        let different = try feedback(["diff", "--forms", LastYear.folder, last, this])
        #expect(different.status == 1)
        #expect(different.stdout.contains("  Planperiod: 2027–2030 → 2028–2031\n"))
        #expect(different.stdout.contains("för [-2026–2029-]{+2028–2031+} och bidrar"))
        #expect(different.stdout.contains("Investeringar, rad 1 ”Ombyggnad av akutmottagningen, Norrlands universitetssjukhus” ändrad: Belopp (tkr) 2027: 30 000 → (tomt); Belopp (tkr) 2028: 120 000 → 45 000 (-75 000);"))
        #expect(different.stdout.contains("6. Nämndens synpunkter på planeringsförutsättningarna och processen (rubriken finns inte i B)"))
        let unreadable = try feedback(["diff", last, folder.file("saknas.json")])
        #expect(unreadable.status == 2)
        #expect(unreadable.stdout.isEmpty)
        let usage = try feedback(["diff", last])
        #expect(usage.status == 2)
    }

    @Test(.enabled(if: pythonJSONSchemaAvailable, "⚠️ SKIPPED: python3 with jsonschema is not installed (pip install jsonschema)"))
    func diffJSONValidatesAgainstItsSchema() throws {
        let folder = TemporaryFolder()
        let last = LastYear.exportFile
        let this = Paths.root + "/Exports/example-hsn.json"
        let sample = Paths.fixture("sample-hsn.json")
        // A draft changed in every way the output can show.
        var changed = try DraftCodec.decode(FileStore.readLimited(path: sample, limit: 1 << 20), file: sample, form: form)
        changed.sections["goals"]!["text"] = .text(changed.text(at: .section("goals", "text")).replacingOccurrences(of: "oktober", with: "juni") + "\n\nNytt.")
        var rows = changed.sections["investments"]!["investments"]!.rows
        rows[0][TableRow.yearKey("amounts", 2030)] = .integer(1)
        rows.remove(at: 1)
        changed.sections["investments"]!["investments"] = .table(rows)
        changed.metadata["meetingDate"] = nil
        try folder.write(bytes: DraftCodec.encode(changed, form: form), "changed.json")
        var outputs: [String] = []
        for (index, pair) in [(last, this), (this, this), (sample, folder.file("changed.json")), (folder.file("changed.json"), last)].enumerated() {
            let result = try feedback(["diff", "--format", "json", "--forms", LastYear.folder, pair.0, pair.1])
            #expect(result.status == (pair.0 == pair.1 ? 0 : 1))
            let object = try #require(try JSONParser.parse(result.stdoutBytes).objectValue)
            #expect(object["equal"] == .bool(pair.0 == pair.1))
            try folder.write(bytes: result.stdoutBytes, "diff\(index).json")
            outputs.append(folder.file("diff\(index).json"))
        }
        // The schema must also refuse a broken output, or the check proves nothing.
        let broken = try folder.read("diff0.json").replacingOccurrences(of: "\"change\": \"changed\"", with: "\"change\": \"moved\"")
        try folder.write("broken.json", broken)
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            Draft202012Validator.check_schema(schema)
            validator = Draft202012Validator(schema)
            for path in sys.argv[2:]:
                errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
                print(path, "valid" if not errors else "invalid: " + errors[0].message)
            """
        try folder.write("check.py", script)
        let check = try run("/usr/bin/env", ["python3", folder.file("check.py"), Paths.root + "/Sources/FeedbackHistory/Diff/diff.schema.json"] + outputs + [folder.file("broken.json")])
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(lines.count == outputs.count + 1)
        for (line, path) in zip(lines, outputs) { #expect(line == "\(path) valid") }
        #expect(lines.last?.hasPrefix(folder.file("broken.json") + " invalid") == true)
    }
}
