import Foundation
import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// Drives the accessible mode with lines, as a script or a screen-reader user would, and
/// plays the shell (saves and exports succeed) so whole transcripts can be compared.
struct PlainHarness {
    var plain: PlainSession
    var now = 1_806_480_000.0
    var transcript: [String] = []
    var finished = false
    var exported: Draft?

    init(draft: Draft? = nil, language: Language = .sv, readOnly: ReadOnlyReason? = nil) {
        let form = shippedForm()
        let draft = draft ?? Draft.new(form: form, committee: "hsn", documentID: "test", now: SampleDrafts.now)
        let ids = IDCounter()
        plain = PlainSession(session: EditorSession(form: form, draft: draft, path: "/tmp/utkast.json", language: language,
                                                    exportFolder: "/srv/export", readOnly: readOnly, time: .utc,
                                                    makeDocumentID: { ids.next() }))
        transcript = plain.opening()
    }

    var session: EditorSession { plain.app.session! }

    mutating func say(_ line: String) {
        now += 1
        transcript.append(plain.prompt + line)
        let step = plain.handle(line, now: now)
        transcript += step.lines
        finished = finished || step.finished
        shell(step.commands)
    }

    mutating func say(_ lines: [String]) { for line in lines { say(line) } }

    /// What the real shell would do, succeeding.
    mutating func shell(_ commands: [AppCommand]) {
        for command in commands {
            guard case .session(let c) = command else { continue }
            let step: PlainStep
            switch c {
            case .save(let draft, let path, let purpose):
                step = plain.handle(.saveFinished(draft, path: path, purpose: purpose, failure: nil, emergencyCopy: nil), now: now)
            case .export(let draft, let folder):
                exported = draft
                let result = try! Exporter(form: shippedForm()).export(draft, exportedAt: Timestamp(secondsSinceEpoch: 0))
                let outcome = ExportWriter.Outcome(path: folder + "/" + result.fileName, contentSha256: result.contentSha256, unchanged: false,
                                                   warnings: result.warnings)
                step = plain.handle(.exportFinished(.success(outcome)), now: now)
            case .autosave:
                step = plain.handle(.autosaveFinished(error: nil), now: now)
            case .quit:
                finished = true
                continue
            default:
                continue
            }
            transcript += step.lines
            finished = finished || step.finished
            shell(step.commands)
        }
    }

    func text() -> String { transcript.joined(separator: "\n") + "\n" }

    /// Compares the whole transcript with `Transcripts/NAME.txt` (FEEDBACK_RECORD=1 re-records).
    func expectTranscript(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = text()
        // No escape sequence, ever, and no other control character but the line feed.
        #expect(!actual.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) },
                "a control character in the transcript", sourceLocation: sourceLocation)
        let folder = Paths.root + "/Tests/FeedbackInterfaceTests/Transcripts"
        let path = folder + "/" + name + ".txt"
        if ProcessInfo.processInfo.environment["FEEDBACK_RECORD"] == "1" {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("no transcript \(name).txt; record it with FEEDBACK_RECORD=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let shownA = first < a.count ? String(a[first]) : "∅"
            let shownB = first < b.count ? String(b[first]) : "∅"
            Issue.record(Comment(rawValue: "transcript \(name) differs at line \(first + 1):\n expected \(shownA.debugDescription)\n actual   \(shownB.debugDescription)"),
                         sourceLocation: sourceLocation)
        }
    }
}

@Suite struct PlainTests {
    @Test func aWholeSittingInSwedish() {
        var h = PlainHarness()
        h.say(["hjälp", "läs", "skriv 2 HSN 2027/45", "skriv 3 2027-4-8", "skriv 4 45", "skriv 7 3",
               "gå 1", "vägledning", "lägg till", "Nämnden bidrar till målen.", "- Genom nära vård", "- Genom samverkan", ".",
               "läs", "skriv 1 Nämnden bidrar tydligt till målen.", "klar", "översikt",
               "gå 5", "tabell", "ny rad", "Ny MR-kamera", "2", "12 500", "", "3000", "", "2", "1",
               "tabell", "ångra", "gör om", "kontroll", "spara", "flyga", "avsluta"])
        h.expectTranscript("sitting-sv")
        #expect(h.finished)
        let draft = h.session.currentDraft()
        #expect(draft.metadata["meetingDate"] == .text("2027-04-08"))
        #expect(draft.metadata["paragraph"] == .text("§ 45"))
        #expect(draft.metadata["status"] == .text("beslutad"))
        #expect(draft.text(at: .section("goals", "text")) == "Nämnden bidrar tydligt till målen.\n\n- Genom nära vård\n- Genom samverkan")
        let row = draft.sections["investments"]?["investments"]?.rows.first
        #expect(row?["amounts/2028"] == .integer(12_500) && row?["category"] == .text("medicinteknik"))
    }

    /// The secretary's guide's table of commands is generated from the parser's (FEEDBACK_RECORD=1 rewrites it).
    @Test func theGuidesCommandTableIsTheParsersTable() throws {
        try GeneratedBlock.check(in: "docs/secretaries.md", begin: "<!-- plain commands: generated from PlainCommand.all; FEEDBACK_RECORD=1 swift test rewrites it -->",
                                 end: "<!-- end of plain commands -->", content: PlainCommand.markdownTable(), what: "table of the accessible mode's commands")
    }

    @Test func inEnglish() {
        var h = PlainHarness(language: .en)
        h.say(["help", "go 3", "append", "We train our own specialists.", ".", "read", "done", "check", "quit"])
        h.expectTranscript("sitting-en")
    }

    @Test func exportAsksOnWarningsAndSavesFirst() {
        var draft = SampleDrafts.complete(shippedForm())
        draft.sections["economy"]!["risks"] = .table([])
        var h = PlainHarness(draft: draft)
        h.say(["gå 6", "lägg till Ett tillägg.", "ja", "exportera", "ja"])
        h.expectTranscript("export-with-a-warning")
        #expect(h.exported?.revision == draft.revision + 1)
        #expect(h.exported?.text(at: .section("other", "text")).hasSuffix("Ett tillägg.") == true)
    }

    @Test func aReadOnlyDraftSaysSoOnEveryChange() {
        var h = PlainHarness(draft: SampleDrafts.complete(shippedForm()), readOnly: ReadOnlyReason(message: "öppet hos anna på server1"))
        h.say(["gå 1", "lägg till Text.", "spara", "avsluta"])
        h.expectTranscript("read-only")
        #expect(h.finished)
    }

    @Test func changingTheCommitteeAsks() {
        var h = PlainHarness()
        h.say(["skriv 1 kultur", "nej", "läs 1", "skriv 1 5", "ja"])
        #expect(h.session.currentDraft().metadata["committee"] == .text("kn"))
        h.expectTranscript("committee-change")
    }
}
