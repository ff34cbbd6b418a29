import Testing
import TestSupport
@testable import FeedbackModel

/// The round's timeline in the form file: read, checked, and named by line when wrong.
@Suite struct TimelineTests {
    func shippedText() -> String { EmbeddedForms.files[0].1 }

    func read(_ yaml: String) throws(FormError) -> FormDefinition {
        try FormReader.read(yaml: Array(yaml.utf8), source: "t.yaml")
    }

    func failure(_ yaml: String) -> FormError? {
        do { _ = try read(yaml); return nil } catch { return error }
    }

    func line(of needle: String, in text: String) -> Int? {
        text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    @Test func shippedFormHasTheRoundsPhasesInOrder() throws {
        let form = shippedForm()
        let phases = form.timeline.phases
        #expect(phases.map(\.id) == ["kickoff", "premisesDecided", "committeeMeetings", "deadline"])
        #expect(phases.map(\.start.description) == ["2027-02-10", "2027-03-09", "2027-03-18", "2027-04-16"])
        #expect(phases[2].end == SimpleDate(year: 2027, month: 4, day: 16))
        #expect(!phases[2].isSingleDay && phases[2].dates == "2027-03-18–2027-04-16")
        #expect(form.timeline.deadline?.start == form.deadline)
        #expect(form.deadline == SimpleDate(year: 2027, month: 4, day: 16))
        #expect(zip(phases, phases.dropFirst()).allSatisfy { $0.start <= $1.start })
        #expect(phases.allSatisfy { !$0.label.sv.isEmpty && !$0.label.en.isEmpty })
    }

    @Test func anImpossibleDateIsNamedWithItsLine() throws {
        let text = shippedText().replacingOccurrences(of: "date: \"2027-03-09\"", with: "date: \"2027-02-30\"")
        let error = try #require(failure(text))
        #expect(error.problem.contains("premisesDecided") && error.problem.contains("YYYY-MM-DD"))
        #expect(error.line == line(of: "2027-02-30", in: text))
    }

    @Test func phasesOutOfOrderAreRefused() throws {
        let text = shippedText().replacingOccurrences(of: "date: \"2027-03-09\"", with: "date: \"2027-01-09\"")
        let error = try #require(failure(text))
        #expect(error.problem.contains("premisesDecided") && error.problem.contains("kickoff") && error.problem.contains("date order"))
        #expect(error.line == line(of: "2027-01-09", in: text))
    }

    @Test func aPeriodThatEndsBeforeItStartsIsRefused() throws {
        let text = shippedText().replacingOccurrences(of: "to: \"2027-04-16\"", with: "to: \"2027-03-01\"")
        let error = try #require(failure(text))
        #expect(error.problem.contains("committeeMeetings") && error.problem.contains("before it starts"))
    }

    @Test func theDeadlineMustBePresentAndOneDay() throws {
        let without = shippedText().replacingOccurrences(of: "  - id: deadline\n", with: "  - id: lastDay\n")
        #expect(try #require(failure(without)).problem.contains("lacks the deadline"))
        let range = shippedText().replacingOccurrences(of: "  - id: deadline\n    date: \"2027-04-16\"\n",
                                                       with: "  - id: deadline\n    from: \"2027-04-16\"\n    to: \"2027-04-17\"\n")
        #expect(try #require(failure(range)).problem.contains("one day"))
    }

    @Test func aPhaseNeedsADateOrAPeriod() throws {
        let both = shippedText().replacingOccurrences(of: "    date: \"2027-02-10\"\n", with: "    date: \"2027-02-10\"\n    to: \"2027-02-11\"\n")
        #expect(try #require(failure(both)).problem.contains("either date"))
        let none = shippedText().replacingOccurrences(of: "    date: \"2027-02-10\"\n", with: "")
        #expect(try #require(failure(none)).problem.contains("either date"))
        let twice = shippedText().replacingOccurrences(of: "  - id: premisesDecided\n", with: "  - id: kickoff\n")
        #expect(try #require(failure(twice)).problem.contains("used twice"))
    }

    @Test func formsWithOnlyADeadlineStillRead() throws {
        // The form files of earlier years gave only `deadline:`; they read as a one-day timeline.
        let text = shippedText()
        let start = try #require(text.range(of: "\ntimeline:\n"))
        let end = try #require(text.range(of: "\ncommittees:\n"))
        let legacy = text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "\ndeadline: \"2027-04-20\"\n")
        let form = try read(legacy)
        #expect(form.deadline == SimpleDate(year: 2027, month: 4, day: 20))
        #expect(form.timeline.phases.map(\.id) == ["deadline"])
        #expect(form.timeline.deadline?.label == Timeline.standardDeadlineLabel)
        // Both ways at once would give two deadlines that may disagree.
        let both = text.replacingOccurrences(of: "\ntimeline:\n", with: "\ndeadline: \"2027-04-16\"\ntimeline:\n")
        #expect(try #require(failure(both)).problem.contains("deadline is given twice"))
        // Neither: no deadline at all.
        let neither = text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "\n")
        #expect(try #require(failure(neither)).problem.contains("lacks a timeline"))
    }
}
