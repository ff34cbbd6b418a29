import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// The headless commands against hostile folders: FIFOs, planted links, control characters
/// in form titles and file names, a file size limit, and exports at the same moment.
@Suite struct HostileInputTests {
    let form = shippedForm()

    func writeDraft(_ draft: Draft, to folder: TemporaryFolder, name: String = "utkast.json") throws -> String {
        try folder.write(bytes: DraftCodec.encode(draft, form: form), name)
        return folder.file(name)
    }

    /// Runs the binary with a time limit (coreutils' timeout): a hang is exit 124, not a stuck test.
    func feedbackWithin(_ seconds: Int, _ arguments: [String], in folder: String? = nil) throws -> RunResult {
        try run("/usr/bin/env", ["timeout", "-s", "KILL", "\(seconds)", Paths.binary] + arguments, in: folder)
    }

    static func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            let v = s.value
            return (v < 0x20 && v != 0x0A && v != 0x09) || (v >= 0x7F && v <= 0x9F) || TextRules.isBidiControl(v)
        }
    }

    /// Issue 9, defect 12: form titles in `forms`, heading lines in `validate`/`export` and a
    /// path echoed by `new -o` reached the terminal raw.
    @Test func nothingPrintedCarriesARawControlCharacter() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("Forms"), withIntermediateDirectories: true)
        var yaml = EmbeddedForms.files[0].1
        yaml = yaml.replacingOccurrences(of: "title:\n  sv: \"", with: "title:\n  sv: \"\\e[2J\\e]0;titel\\a\\u202Efel ")
        let sectionTitle = try #require(form.sections.first?.title.sv)
        yaml = yaml.replacingOccurrences(of: "sv: \"\(sectionTitle)\"", with: "sv: \"\\e[31m\(sectionTitle)\\u202E\"")
        try folder.write("Forms/fientlig.yaml", yaml)
        let forms = try feedback(["forms"], in: folder.path)
        #expect(forms.status == 0, "\(forms.stderr)")
        #expect(forms.stdout.contains("^[[2J^[]0;titel^G<U+202E>fel"), "\(forms.stdout)")
        #expect(!Self.hasRawControl(forms.stdout + forms.stderr))

        var broken = SampleDrafts.complete(form)
        broken.sections["goals"]!["text"] = .text("")
        let draft = try writeDraft(broken, to: folder, name: "utkast\u{1B}[2J.json")
        let validated = try feedback(["validate", draft], in: folder.path)
        #expect(validated.status == 1)
        #expect(validated.stdout.contains("^[[31m"), "\(validated.stdout)")
        #expect(validated.stdout.contains("utkast^[[2J.json"))
        #expect(!Self.hasRawControl(validated.stdout + validated.stderr))
        let exported = try feedback(["export", draft], in: folder.path)
        #expect(exported.status == 1)
        #expect(exported.stderr.contains("^[[31m"))
        #expect(!Self.hasRawControl(exported.stdout + exported.stderr))

        let created = try feedback(["new", "--committee", "hsn", "-o", "ny\u{1B}]0;x\u{07}\u{202E}.json"], in: folder.path)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == "ny^[]0;x^G<U+202E>.json\n")
        let again = try feedback(["new", "--committee", "hsn", "-o", "ny\u{1B}]0;x\u{07}\u{202E}.json"], in: folder.path)
        #expect(again.status == 2)
        #expect(!Self.hasRawControl(again.stderr))
        // ArgumentParser's own messages quote what was typed.
        let usage = try feedback(["validate", "--format", "\u{1B}[5mjson", draft], in: folder.path)
        #expect(usage.status == 2)
        #expect(!Self.hasRawControl(usage.stderr), "\(usage.stderr.debugDescription)")
    }

    /// Issue 9, defect 3: a FIFO in the forms folder hung every command; one with the
    /// export's name hung `export`.
    @Test func aFIFOWhereAFileShouldBeHangsNothing() throws {
        let folder = TemporaryFolder()
        let draft = try writeDraft(SampleDrafts.complete(form), to: folder)
        try FileManager.default.createDirectory(atPath: folder.file("Forms"), withIntermediateDirectories: true)
        mkfifo(folder.file("Forms/rör.yaml"), 0o644)
        let forms = try feedbackWithin(30, ["forms"], in: folder.path)
        #expect(forms.status == 1, "\(forms.stderr)")
        #expect(forms.stderr.contains("rör.yaml") && forms.stderr.contains("FIFO"), "\(forms.stderr)")
        let validated = try feedbackWithin(30, ["validate", draft], in: folder.path)
        #expect(validated.status == 0, "\(validated.stderr)")

        try FileManager.default.createDirectory(atPath: folder.file("Exports"), withIntermediateDirectories: true)
        let name = Exporter(form: form).fileName(for: SampleDrafts.complete(form))
        mkfifo(folder.file("Exports/" + name), 0o644)
        let exported = try feedbackWithin(30, ["export", "--out", "Exports", draft], in: folder.path)
        #expect(exported.status == 2, "\(exported.stdout) \(exported.stderr)")
        #expect(exported.stderr.contains(name) && exported.stderr.contains("FIFO"), "\(exported.stderr)")

        mkfifo(folder.file("rör.json"), 0o644)
        let fifoDraft = try feedbackWithin(30, ["validate", "rör.json"], in: folder.path)
        #expect(fifoDraft.status == 2)
        #expect(fifoDraft.stderr.contains("FIFO"))
        let created = try feedbackWithin(30, ["new", "--committee", "hsn", "-o", "rör.json"], in: folder.path)
        #expect(created.status == 2)
        #expect(created.stderr.contains("finns redan (en namngiven rörledning (FIFO))"), "\(created.stderr)")
    }

    /// Issue 9, defect 1: `new -o` and `export --out` wrote through (dangling) links.
    @Test func newAndExportNeverWriteThroughALink() throws {
        let folder = TemporaryFolder()
        let draft = try writeDraft(SampleDrafts.complete(form), to: folder)
        try folder.write("privat.txt", "orört")
        symlink(folder.file("privat.txt"), folder.file("länk.json"))
        symlink(folder.file("saknas.json"), folder.file("dinglar.json"))
        for target in ["länk.json", "dinglar.json"] {
            let created = try feedback(["new", "--committee", "hsn", "-o", target], in: folder.path)
            #expect(created.status == 2)
            #expect(created.stderr.contains("finns redan (en symbolisk länk)"), "\(created.stderr)")
        }
        #expect(try folder.read("privat.txt") == "orört")
        #expect(!FileManager.default.fileExists(atPath: folder.file("saknas.json")))

        try FileManager.default.createDirectory(atPath: folder.file("Exports"), withIntermediateDirectories: true)
        let name = Exporter(form: form).fileName(for: SampleDrafts.complete(form))
        symlink(folder.file("saknas-export.json"), folder.file("Exports/" + name))
        let exported = try feedback(["export", "--out", "Exports", draft], in: folder.path)
        #expect(exported.status == 2)
        #expect(exported.stderr.contains("symbolisk länk"), "\(exported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("saknas-export.json")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("Exports")) == [name])
    }

    /// Issue 9, defect 14: EFBIG was shown as "system error 27" (and SIGXFSZ could kill).
    @Test func aFileSizeLimitIsExplained() throws {
        let folder = TemporaryFolder()
        let draft = try writeDraft(SampleDrafts.complete(form), to: folder)
        let size = try Exporter(form: form).export(SampleDrafts.complete(form), exportedAt: Timestamp(secondsSinceEpoch: 0)).bytes.count
        #expect(size > 4 * 1024)
        // ulimit -f counts blocks of 1024 bytes: 4 KB is too little for the export.
        let result = try run("/bin/sh", ["-c", "ulimit -f 4; exec \"$0\" export --out Exports \"$1\"", Paths.binary, draft], in: folder.path)
        #expect(result.status == 2, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("ulimit -f"), "\(result.stderr)")
        #expect(!result.stderr.contains("systemfel"))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.file("Exports"))) ?? []).isEmpty, "a partial file was left")
    }

    @Test func contradictoryLimitsFailFeedbackForms() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("Forms"), withIntermediateDirectories: true)
        try folder.write("Forms/motsägelse.yaml", EmbeddedForms.files[0].1.replacingOccurrences(of: "minDate: \"2027-01-01\"", with: "minDate: \"2028-06-01\""))
        let forms = try feedback(["forms"], in: folder.path)
        #expect(forms.status == 1)
        #expect(forms.stderr.contains("minDate (2028-06-01) is after maxDate (2027-12-31)"), "\(forms.stderr)")
    }

    /// Issue 9, defect 6: two exports at the same moment of the same committee and revision
    /// with different content reported the same file name, and one was lost.
    @Test func aHundredExportsAtTheSameMomentLoseNothing() throws {
        let folder = TemporaryFolder()
        var drafts: [String] = []
        var expected: Set<String> = []
        for i in 0..<100 {
            var draft = SampleDrafts.complete(form)
            draft.metadata["contactName"] = .text("Handläggare \(i)")
            drafts.append(try writeDraft(draft, to: folder, name: "utkast-\(i).json"))
            expected.insert(try Exporter(form: form).export(draft, exportedAt: Timestamp(secondsSinceEpoch: 0)).contentSha256)
        }
        #expect(expected.count == 100)
        // All start, then wait for a file to appear, so they export at the same moment.
        let go = folder.file("go")
        let script = "while [ ! -e \"$2\" ]; do sleep 0.01; done; exec \"$0\" export --out \"$3\" \"$1\""
        let processes = try drafts.map { try Spawned(["/bin/sh", "-c", script, Paths.binary, $0, go, folder.file("Exports")]) }
        FileManager.default.createFile(atPath: go, contents: nil)
        var printed: [String] = []
        var hashes: Set<String> = []
        for process in processes {
            let path = process.readLine(timeout: 120)
            let hash = process.readLine(timeout: 120)
            #expect(process.wait() == 0)
            if let path { printed.append(path) }
            if let hash { hashes.insert(String(hash.dropFirst("sha256 ".count))) }
        }
        #expect(Set(printed).count == 100, "two exports reported the same file")
        #expect(hashes == expected)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.file("Exports")).filter { $0.hasSuffix(".json") }
        #expect(files.count == 100, "\(files.count) files")
        var onDisk: Set<String> = []
        for file in files {
            let object = try #require(try JSONParser.parse(try FileStore.readLimited(path: folder.file("Exports/" + file), limit: 1 << 22)).objectValue)
            if let hash = object["contentSha256"]?.stringValue { onDisk.insert(hash) }
        }
        #expect(onDisk == expected, "an export was lost or replaced")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("Exports")).allSatisfy { !$0.contains(".tmp-") })
    }
}
