import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// `feedback forms` shows each form's timeline and refuses a form file with a broken one;
/// `feedback validate` warns about a late draft and a meeting after the deadline.
@Suite struct TimelineCommandTests {
    @Test func formsPrintsTheTimeline() throws {
        let forms = try feedback(["forms"], in: Paths.root)
        #expect(forms.status == 0)
        #expect(forms.stdout.contains("  tidplan:\n    2027-02-10             Kickoff: majoritetens förslag"))
        #expect(forms.stdout.contains("    2027-03-18–2027-04-16  Nämnderna behandlar planeringsförutsättningarna"))
        #expect(forms.stdout.contains("    2027-04-16             Sista dag för nämndernas återkoppling"))
        let english = try feedback(["forms", "--lang", "en"], in: Paths.root)
        #expect(english.stdout.contains("  timeline:\n    2027-02-10             Kickoff: the majority's proposal"))
    }

    @Test func formsRefusesABrokenTimelineNamingTheLine() throws {
        let folder = TemporaryFolder()
        let text = EmbeddedForms.files[0].1
            .replacingOccurrences(of: "id: pf-aterkoppling-2028\n", with: "id: pf-aterkoppling-2029\n")
            .replacingOccurrences(of: "date: \"2027-03-09\"", with: "date: \"2027-01-09\"")
        try folder.write("pf-aterkoppling-2029.yaml", text)
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains("2027-01-09") }) + 1
        let result = try feedback(["forms", "--forms", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("pf-aterkoppling-2029.yaml:\(line):"))
        #expect(result.stderr.contains("list the phases in date order"))
        // An old form file with only a deadline still reads, with a note.
        let legacy = text.replacingOccurrences(of: "date: \"2027-01-09\"", with: "date: \"2027-03-09\"")
        let start = try #require(legacy.range(of: "\ntimeline:\n"))
        let end = try #require(legacy.range(of: "\ncommittees:\n"))
        try folder.write("pf-aterkoppling-2029.yaml",
                         legacy.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "\ndeadline: \"2027-04-20\"\n"))
        let old = try feedback(["forms", "--forms", folder.path])
        #expect(old.status == 0)
        #expect(old.stdout.contains("    2027-04-20  Sista dag för nämndernas återkoppling"))
        #expect(old.stdout.contains("obs: formuläret har bara sista dag"))
    }

    @Test func validateWarnsAboutALateDraftAtFixedToday() throws {
        let form = shippedForm()
        let folder = TemporaryFolder()
        var draft = SampleDrafts.complete(form)
        draft.metadata["status"] = .text("klar-for-beslut")
        try folder.write(bytes: DraftCodec.encode(draft, form: form), "hsn.json")
        for (today, late) in [("2027-04-15", false), ("2027-04-16", false), ("2027-04-17", true)] {
            let result = try feedback(["validate", "hsn.json"], in: folder.path, environment: ["FEEDBACK_TODAY": today])
            #expect(result.status == 0, "warnings never fail validate (\(today))")
            #expect(result.stdout.contains("[lateDraft /metadata/status]") == late, "\(today): \(result.stdout)")
            #expect(result.stdout.hasPrefix("hsn.json: 0 fel, \(late ? 1 : 0) \(late ? "varning" : "varningar")"), "\(today)")
        }
        let english = try feedback(["validate", "--lang", "en", "--format", "json", "hsn.json"], in: folder.path,
                                   environment: ["FEEDBACK_TODAY": "2027-04-18"])
        let object = try #require(try JSONParser.parse(english.stdoutBytes).objectValue)
        let finding = try #require(object["files"]?.arrayValue?.first?.objectValue?["findings"]?.arrayValue?.first?.objectValue)
        #expect(finding["code"] == .string("lateDraft"))
        #expect(finding["severity"] == .string("warning"))
        #expect(finding["message"]?.objectValue?["en"]?.stringValue?.contains("(2 days past the deadline)") == true)
        // SOURCE_DATE_EPOCH fixes today too (2027-04-15T22:30:00Z is the 15th, 1808001000 the 17th).
        let epoch = try feedback(["validate", "hsn.json"], in: folder.path,
                                 environment: ["FEEDBACK_TODAY": "", "SOURCE_DATE_EPOCH": "1807828200"])
        #expect(!epoch.stdout.contains("lateDraft"))
        let epochLate = try feedback(["validate", "hsn.json"], in: folder.path,
                                     environment: ["FEEDBACK_TODAY": "", "SOURCE_DATE_EPOCH": "1808001000"])
        #expect(epochLate.stdout.contains("lateDraft"))
    }

    @Test func validateRefusesAnUnusableToday() throws {
        let form = shippedForm()
        let folder = TemporaryFolder()
        try folder.write(bytes: DraftCodec.encode(SampleDrafts.complete(form), form: form), "hsn.json")
        let result = try feedback(["validate", "hsn.json"], in: folder.path, environment: ["FEEDBACK_TODAY": "17 april"])
        #expect(result.status == 2)
        #expect(result.stderr == "feedback: FEEDBACK_TODAY=17 april är inget datum; skriv ÅÅÅÅ-MM-DD, t.ex. FEEDBACK_TODAY=2027-04-10\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func validateWarnsAboutAMeetingAfterTheDeadline() throws {
        let form = shippedForm()
        let folder = TemporaryFolder()
        var draft = SampleDrafts.complete(form)
        draft.metadata["meetingDate"] = .text("2027-04-22")
        try folder.write(bytes: DraftCodec.encode(draft, form: form), "hsn.json")
        let result = try feedback(["validate", "hsn.json"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("varning Sammanträdesdatum: sammanträdet 2027-04-22 ligger 6 dagar efter sista dag för återkopplingen (2027-04-16)."))
        #expect(result.stdout.contains("[meetingAfterDeadline /metadata/meetingDate]"))
    }
}
