import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// docs/forms.md: its example form is a form the program accepts, and it names every key
/// the form reader knows.
@Suite struct FormsGuideTests {
    static func guide() throws -> String {
        try String(contentsOfFile: Paths.root + "/docs/forms.md", encoding: .utf8)
    }

    /// The first ```yaml block of the guide.
    static func example() throws -> String {
        let text = try guide()
        guard let start = text.range(of: "```yaml\n"),
              let end = text.range(of: "\n```", range: start.upperBound..<text.endIndex) else { return "" }
        return String(text[start.upperBound..<end.lowerBound]) + "\n"
    }

    @Test func theExampleFormIsAccepted() throws {
        let yaml = try Self.example()
        #expect(!yaml.isEmpty, "no ```yaml block in docs/forms.md")
        let form = try FormReader.read(yaml: Array(yaml.utf8), source: "docs/forms.md")
        #expect(form.id == "aktivitetsplan-2029")
        #expect(form.decidedOption?.label.sv == "fastställd")
        #expect(form.carriedMetadataIDs == ["contact"])
        #expect(form.meetingDateFieldID == "decidedOn")
        #expect(form.tables.map(\.field.id) == ["costs", "risks"])
        #expect(form.tables[1].field.matrix == TableMatrix(rows: "impact", columns: "likelihood"))
        #expect(form.fallbackTextField?.section.id == "plan")
        // And what `form next` makes of it reads too.
        let next = FormNextYear.make(yaml: yaml, form: form)
        let nextForm = try FormReader.read(yaml: Array(next.text.utf8), source: "next")
        #expect(nextForm.id == "aktivitetsplan-2030")
        #expect(nextForm.planPeriod.firstYear == 2030)
        #expect(nextForm.deadline == SimpleDate(year: 2029, month: 11, day: 15))
        #expect(!nextForm.review.isEmpty)
    }

    @Test func everyKeyIsDocumented() throws {
        let text = try Self.guide()
        let keys = ["id", "version", "title", "shortTitle", "premises", "planPeriod", "timeline", "committees", "metadata",
                    "conditions", "sections", "fallbackSection", "review", "options", "decided", "default", "carry", "columns",
                    "sum", "matrix", "required", "minChars", "maxChars", "minWords", "maxWords", "pattern", "min", "max",
                    "minDate", "maxDate", "minRows", "maxRows", "guidance", "help", "label", "type"]
        for key in keys {
            #expect(text.contains("`\(key)") || text.contains(" \(key)`") || text.contains("`\(key):"), "\(key) is not in docs/forms.md")
        }
    }
}
