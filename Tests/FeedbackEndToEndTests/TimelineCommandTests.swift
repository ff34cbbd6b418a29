import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// `feedback forms` shows each form's timeline and refuses a form file with a broken one.
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
}
