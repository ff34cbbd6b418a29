import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// The accessible mode through the real program: scripts over a pipe (whole transcripts
/// compared with golden files), the whole sample draft filled in it, and a person at a pty.
@Suite struct PlainModeTests {
    let form = shippedForm()

    func runScript(_ lines: [String], in folder: TemporaryFolder, language: String = "sv") throws -> RunResult {
        try feedback(["fill", "--plain", "--lang", language, "--exports", "Exports", "d.json"], in: folder.path,
                     environment: ["FEEDBACK_TODAY": "2027-04-04", "XDG_DATA_HOME": folder.file("data"), "HOME": folder.path,
                                   "XDG_STATE_HOME": folder.file("state")],
                     input: Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    func newDraft(in folder: TemporaryFolder) throws {
        #expect(try feedback(["new", "--committee", "hsn", "-o", folder.file("d.json")]).status == 0)
    }

    /// A draft reopens where it was left, with the guidance as it was (issue 20).
    @Test func aDraftReopensWhereItWasLeft() throws {
        let folder = TemporaryFolder()
        try newDraft(in: folder)
        let first = try runScript(["gå 4", "avsluta"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.file("state/feedback/places.json")))
        let again = try runScript(["avsluta"], in: folder)
        #expect(again.stdout.contains("rubrik 4> avsluta"), "\(again.stdout)")
    }

    /// Whole transcripts, Swedish and English, beside the tests (FEEDBACK_RECORD=1 re-records).
    @Test(arguments: ["sv", "en"])
    func scriptTranscripts(language: String) throws {
        let folder = TemporaryFolder()
        try newDraft(in: folder)
        let script = language == "sv"
            ? ["översikt", "skriv 2 HSN 2027/45", "skriv 4 45", "gå 3", "lägg till", "Vi utbildar egna specialister.", "- Fler ST-tjänster", ".",
               "läs", "skriv 2 - Fler ST-tjänster i hela länet", "klar", "kontroll", "spara", "okänt", "avsluta"]
            : ["overview", "write 2 HSN 2027/45", "go 3", "append", "We train our own specialists.", ".", "read", "done", "save", "quit"]
        let result = try runScript(script, in: folder, language: language)
        #expect(result.status == 0, "\(result.stderr)")
        // Never an escape sequence, nor any other control character but the line feed.
        #expect(!result.stdoutBytes.contains { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }, "a control byte in the transcript")
        let path = Paths.root + "/Tests/FeedbackEndToEndTests/Transcripts/plain-script-\(language).txt"
        if ProcessInfo.processInfo.environment["FEEDBACK_RECORD"] == "1" {
            try result.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        } else {
            let expected = try String(contentsOfFile: path, encoding: .utf8)
            #expect(result.stdout == expected, "transcript differs (FEEDBACK_RECORD=1 re-records):\n\(result.stdout)")
        }
        let draft = try DraftCodec.decode(try FileStore.readLimited(path: folder.file("d.json"), limit: 1 << 24), file: "d.json", form: form)
        #expect(draft.metadata["caseNumber"] == .text("HSN 2027/45"))
        #expect(draft.readySections == ["competence"])
    }

    /// Everything the full interface can do to a draft can be done here: the shipped sample
    /// draft, filled in plain mode from an empty one, exports exactly as the sample does.
    @Test func theSampleDraftFilledInPlainModeExportsAsTheSample() throws {
        let folder = TemporaryFolder()
        try newDraft(in: folder)
        let sample = SampleDrafts.complete(form)
        var script = ["skriv 2 HSN 2027/45", "skriv 3 2027-04-08", "skriv 4 § 45", "skriv 5 Åsa Öberg", "skriv 6 asa.oberg@region.example", "skriv 7 beslutad"]
        for section in form.sections {
            script += ["gå \(section.number)", "lägg till"] + Paragraphs.lines(sample.text(at: .section(section.id, "text"))).map(String.init) + [".", "klar"]
        }
        script += ["gå 4", "tabell risker", "ny rad", "Bemanningsbrist inom specialistvården", "hög", "medel", "Uppgiftsväxling och egen utbildning av specialister",
                   "tabell känslighet", "ny rad", "Löneökning", "+1 procentenhet", "-42 000", "-43 000", "-44 000", "-45 000",
                   "gå 5", "tabell", "ny rad", "Ny magnetkamera, Umeå", "medicin", "18 500", "0", "0", "0", "ny", "1",
                   "kontroll", "exportera", "ja", "avsluta"]
        let result = try runScript(script, in: folder)
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("Exports"))
        #expect(files.count == 1, "\(result.stdout)")
        guard let name = files.first else { return }
        let ours = try #require(try JSONParser.parse(try FileStore.readLimited(path: folder.file("Exports/" + name), limit: 1 << 24)).objectValue)
        let expected = try #require(try JSONParser.parse(try Exporter(form: form).export(sample, exportedAt: Timestamp(secondsSinceEpoch: 0)).bytes).objectValue)
        for key in ["form", "committee", "planPeriod", "premises", "deadline", "metadata", "status", "sections"] {
            #expect(ours[key] == expected[key], "\(key) differs")
        }
        let draft = try DraftCodec.decode(try FileStore.readLimited(path: folder.file("d.json"), limit: 1 << 24), file: "d.json", form: form)
        #expect(draft.readySections == sample.readySections)
    }

    /// A person at a terminal: prompts, multi-line input and $EDITOR through a real pty.
    @Test(.enabled(if: pythonHasPexpect, "⚠️ SKIPPED: Python's pexpect is not installed (pip install pexpect)"))
    func aPersonAtAPty() throws {
        let folder = TemporaryFolder()
        try newDraft(in: folder)
        try folder.write("editor.sh", "#!/bin/sh\nprintf '%s\\n' 'Skrivet i editorn.' >> \"$1\"\n")
        chmod(folder.file("editor.sh"), 0o755)
        let script = """
            import pexpect, sys
            child = pexpect.spawn(sys.argv[1], ['fill', '--plain', 'd.json'], cwd=sys.argv[2], encoding='utf-8', timeout=20,
                                  env={'LANG': 'C.UTF-8', 'HOME': sys.argv[2], 'EDITOR': sys.argv[3], 'FEEDBACK_TODAY': '2027-04-04', 'TERM': 'xterm'})
            child.expect('uppgifter> ')
            child.sendline('gå 2')
            child.expect('rubrik 2> ')
            child.sendline('lägg till')
            child.expect('punkt avslutar')
            child.sendline('Första raden.')
            child.sendline('Andra raden.')
            child.sendline('.')
            child.expect('2 stycken tillagda')
            child.expect('rubrik 2> ')
            child.sendline('redigera')
            child.expect('Texten från den externa redigeraren är inläst')
            child.expect('rubrik 2> ')
            child.sendline('läs 3')
            child.expect('Stycke 3: Skrivet i editorn.')
            child.expect('rubrik 2> ')
            child.sendline('avsluta')
            child.expect(pexpect.EOF)
            child.close()
            sys.exit(child.exitstatus)
            """
        try folder.write("drive.py", script)
        let result = try run("/usr/bin/env", ["python3", folder.file("drive.py"), Paths.binary, folder.path, folder.file("editor.sh")])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let draft = try DraftCodec.decode(try FileStore.readLimited(path: folder.file("d.json"), limit: 1 << 24), file: "d.json", form: form)
        #expect(draft.text(at: .section("development", "text")) == "Första raden.\n\nAndra raden.\n\nSkrivet i editorn.")
    }

    @Test func theEndOfAScriptSavesWhatWasTyped() throws {
        let folder = TemporaryFolder()
        try newDraft(in: folder)
        let result = try runScript(["gå 6", "lägg till Sista ordet."], in: folder)
        #expect(result.status == 0)
        let draft = try DraftCodec.decode(try FileStore.readLimited(path: folder.file("d.json"), limit: 1 << 24), file: "d.json", form: form)
        #expect(draft.text(at: .section("other", "text")) == "Sista ordet.")
    }

    @Test func termDumbGivesThePlainMode() throws {
        let folder = TemporaryFolder()
        try newDraft(in: folder)
        let result = try feedback(["fill", "d.json"], in: folder.path, environment: ["TERM": "dumb", "HOME": folder.path],
                                  input: Array("översikt\navsluta\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("0 av 6 klara"))
    }

    /// The decided text through the real program: a change asks; no keeps the decided text
    /// on disk as it was, yes saves the change with the status set back.
    @Test func aDecidedTextAsksBeforeItChanges() throws {
        let folder = TemporaryFolder()
        let decided = SampleDrafts.complete(form)
        try folder.write(bytes: DraftCodec.encode(decided, form: form), "d.json")
        let place = FieldPlace.section(form.sections[0].id, form.sections[0].fields[0].id)
        func saved() throws -> Draft {
            try DraftCodec.decode(try FileStore.readLimited(path: folder.file("d.json"), limit: 1 << 24), file: "d.json", form: form)
        }
        let no = try runScript(["gå 1", "lägg till", "Ett tillägg.", ".", "nej", "spara", "avsluta"], in: folder)
        #expect(no.status == 0, "\(no.stderr)")
        #expect(no.stdout.contains("Texten är beslutad."), "\(no.stdout)")
        #expect(try saved().text(at: place) == decided.text(at: place))
        #expect(form.isDecided(status: try saved().status(in: form)))
        let yes = try runScript(["gå 1", "lägg till", "Ett tillägg.", ".", "ja", "spara", "avsluta"], in: folder)
        #expect(yes.status == 0, "\(yes.stderr)")
        #expect(yes.stdout.contains("måste beslutas igen"), "\(yes.stdout)")
        #expect(try saved().text(at: place).hasSuffix("Ett tillägg."))
        #expect(!form.isDecided(status: try saved().status(in: form)))
    }
}

/// Whether Python with the pexpect package is available.
let pythonHasPexpect: Bool = {
    guard isInstalled("python3"), let result = try? run("/usr/bin/env", ["python3", "-c", "import pexpect"]) else { return false }
    return result.status == 0
}()
