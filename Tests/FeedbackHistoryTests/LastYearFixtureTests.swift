import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// The 2027–2030 round of the fixtures: its form reads, its draft is complete, and its export
/// is what the program makes of the draft (FEEDBACK_RECORD=1 writes it again).
@Suite struct LastYearFixtureTests {
    @Test func theFormAndDraftOfLastYearRead() throws {
        let form = try LastYear.form()
        #expect(form.id == "pf-aterkoppling-2027")
        #expect(form.planPeriod.label == "2027–2030")
        #expect(form.deadline == SimpleDate(year: 2026, month: 4, day: 17))
        #expect(form.sections.map(\.id) == ["goals", "development", "competence", "economy", "investments", "premisesComments"])
        #expect(form.section(id: "investments")?.field(id: "investments")?.columns.map(\.id)
                == ["object", "category", "amounts", "financing", "decision", "priority"])
        let draft = try LastYear.draft()
        #expect(Validator(form: form).validate(draft).isEmpty)
    }

    @Test func theExportIsMadeByTheProgram() throws {
        let form = try LastYear.form()
        let result = try Exporter(form: form).export(LastYear.draft(), exportedAt: LastYear.exportedAt)
        if ProcessInfo.processInfo.environment["FEEDBACK_RECORD"] == "1" {
            try Data(result.bytes).write(to: URL(fileURLWithPath: LastYear.exportFile))
        }
        #expect(try LastYear.bytes(LastYear.exportFile) == result.bytes, "run FEEDBACK_RECORD=1 swift test to write the fixture export again")
        #expect(result.fileName == "pf-aterkoppling-2027_hsn_r5.json")
    }
}
