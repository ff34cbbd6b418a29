import Testing
@testable import FeedbackModel

/// The form's `answers:`: the board's judgements and the per-row decisions (issue 21).
@Suite struct FormAnswersTests {
    func read(_ text: String) throws(FormError) -> FormDefinition {
        try FormReader.read(yaml: Array(text.utf8), source: "x.yaml")
    }

    func problem(_ from: String, _ to: String) -> String? {
        let text = EmbeddedForms.files[0].1
        let changed = text.replacingOccurrences(of: from, with: to)
        guard changed != text else { return "the replacement did not apply: \(from)" }
        do {
            _ = try read(changed)
            return nil
        } catch {
            return "\(error.line ?? 0): \(error.problem)"
        }
    }

    @Test func theShippedFormDeclaresJudgementsAndTheInvestmentDecisions() throws {
        let form = try read(EmbeddedForms.files[0].1)
        #expect(form.answers.judgements.map(\.id) == ["beaktas", "delvis", "beaktas-inte", "styrdialog"])
        #expect(form.answers.judgement(id: "delvis")?.label == Localized(sv: "beaktas delvis", en: "partly taken into account"))
        #expect(form.answers.rows.count == 1)
        let rows = try #require(form.answers.rowDecisions(section: "investments", field: "investments"))
        #expect(rows.options.map(\.id) == ["tas-in", "tas-inte-in", "senare"])
        #expect(rows.label.sv == "Investeringsplanen")
        // The embedded definition is the same.
        #expect(EmbeddedForms.definitions[0].answers == form.answers)
    }

    @Test func aFormWithoutAnswersHasNone() throws {
        let text = EmbeddedForms.files[0].1
        let cut = try #require(text.range(of: "\nanswers:\n"))
        let form = try read(String(text[..<cut.lowerBound]) + "\n")
        #expect(form.answers.isEmpty)
        #expect(form.answers.rows.isEmpty)
    }

    @Test(arguments: [
        ("    - table: investments\n", "    - table: investment\n", "\"investment\" is not a table field"),
        ("    - table: investments\n", "    - table: text\n", "\"text\" is not a table field"),
        ("  judgements:\n", "  judgement:\n", "unknown key \"judgement\" in answers"),
        ("    - id: delvis\n", "    - id: beaktas\n", "option id \"beaktas\" is used twice"),
        ("    - id: styrdialog\n", "    - id: \"styr dialog\"\n", "option id \"styr dialog\" must be"),
        ("      label:\n        sv: \"Investeringsplanen\"\n        en: \"The investment plan\"\n", "", "lacks the key \"label\""),
    ])
    func brokenAnswersAreRefusedWithLineAndReason(from: String, to: String, expected: String) {
        let found = problem(from, to)
        #expect(found?.contains(expected) == true, "\(found ?? "accepted")")
        #expect(found?.hasPrefix("0:") == false, "no line: \(found ?? "")")
    }

    @Test func aTableNamedTwiceIsRefused() {
        let twice = "  rows:\n    - table: investments\n      label: {sv: a, en: a}\n      options: [{id: x, label: {sv: x, en: x}}]\n"
        #expect(problem("  rows:\n", twice)?.contains("names the table \"investments\" twice") == true)
    }

    @Test func judgementsMustNotBeEmpty() {
        let text = EmbeddedForms.files[0].1
        let start = text.range(of: "  judgements:\n")!
        let end = text.range(of: "  rows:\n")!
        let changed = String(text[..<start.lowerBound]) + "  judgements: []\n" + String(text[end.lowerBound...])
        #expect(throws: FormError.self) { try read(changed) }
    }
}
