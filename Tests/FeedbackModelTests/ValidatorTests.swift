import Testing
import TestSupport
@testable import FeedbackModel

@Suite struct ValidatorTests {
    let form = shippedForm()

    func findings(_ change: (inout Draft) -> Void) -> [Finding] {
        var draft = SampleDrafts.complete(form)
        change(&draft)
        return Validator(form: form).validate(draft)
    }

    func codes(_ change: (inout Draft) -> Void) -> [String] {
        findings(change).map(\.code)
    }

    @Test func completeDraftHasNoFindings() {
        #expect(findings { _ in }.isEmpty)
    }

    @Test func required() {
        let f = findings { $0.sections["goals"]!["text"] = .text("  \n\n ") }
        #expect(f.map(\.code) == ["required"])
        #expect(f[0].severity == .error)
        #expect(f[0].pointer == "/sections/goals/text")
        #expect(f[0].sectionID == "goals")
        #expect(f[0].message.sv == "Text: måste fyllas i.")
        #expect(f[0].message.en == "Text: is required.")
        // Section 6 is optional.
        #expect(codes { $0.sections["other"] = nil }.isEmpty)
        #expect(codes { $0.metadata["contactName"] = nil } == ["required"])
    }

    @Test func maxCharsCountsScalarsAfterNFC() {
        // 12 000 is the limit; "é" written decomposed is one character after NFC.
        let decomposed = String(repeating: "e\u{301}", count: 12_000)
        #expect(codes { $0.sections["goals"]!["text"] = .text(decomposed) }.filter { $0 == "maxChars" }.isEmpty)
        let f = findings { $0.sections["goals"]!["text"] = .text(decomposed + "x") }
        let over = f.first { $0.code == "maxChars" }
        #expect(over?.severity == .error)
        #expect(over?.message.sv == "Text: för lång, 12 001 tecken av högst 12 000.")
        #expect(over?.message.en == "Text: too long, 12,001 characters of at most 12,000.")
        // Emoji and CJK count as one scalar each.
        #expect(TextRules.stats("😀中å").characters == 3)
        #expect(TextRules.stats(TextRules.nfc("a\u{30A}")).characters == 1)
    }

    @Test func wordRules() {
        #expect(TextRules.stats("  Ett  två\ttre\nfyra\u{A0}fem – sex ").words == 7)
        let few = findings { $0.sections["goals"]!["text"] = .text("För kort text.") }
        #expect(few.map(\.code) == ["minWords"])
        #expect(few[0].severity == .warning)
        #expect(few[0].message.sv.contains("(3 ord, gräns 30.)"))
        let many = findings { $0.sections["development"]!["text"] = .text(SampleDrafts.swedishText(words: 1_600)) }
        #expect(many.contains { $0.code == "maxWords" && $0.severity == .warning })
    }

    @Test func patternWithItsOwnMessage() {
        let f = findings { $0.metadata["paragraph"] = .text("45") }
        #expect(f.map(\.code) == ["pattern"])
        #expect(f[0].message.sv.hasPrefix("Paragraf: Skriv paragrafen som ”§ 45”"))
        #expect(codes { $0.metadata["paragraph"] = .text("§45") }.isEmpty)
        let warning = findings { $0.metadata["caseNumber"] = .text("ärende 45") }
        #expect(warning.map(\.severity) == [.warning])
        #expect(codes { $0.metadata["contactEmail"] = .text("inte en adress") } == ["pattern"])
    }

    @Test func datesAndRanges() {
        #expect(codes { $0.metadata["meetingDate"] = .text("2027-02-30") } == ["invalidDate"])
        #expect(codes { $0.metadata["meetingDate"] = .text("8 april") } == ["invalidDate"])
        #expect(codes { $0.metadata["meetingDate"] = .text("2026-12-31") } == ["dateTooEarly"])
        // A meeting after the deadline (2027-04-16) is also a warning: the feedback will be late.
        #expect(codes { $0.metadata["meetingDate"] = .text("2028-01-01") } == ["dateTooLate", "meetingAfterDeadline"])
        #expect(codes { $0.metadata["meetingDate"] = .text("2027-12-31") } == ["meetingAfterDeadline"])
        #expect(codes { $0.metadata["meetingDate"] = .text("2027-04-16") }.isEmpty)
        #expect(SimpleDate(iso: "2028-02-29") != nil)
        #expect(SimpleDate(iso: "2027-02-29") == nil)
    }

    @Test func conditionalRuleForDecidedStatus() {
        let f = findings {
            $0.metadata["meetingDate"] = nil
            $0.metadata["paragraph"] = .text(" ")
        }
        #expect(f.map(\.code) == ["conditionRequired", "conditionRequired"])
        #expect(f.map(\.pointer) == ["/metadata/meetingDate", "/metadata/paragraph"])
        // Not required while the status is a draft.
        #expect(codes {
            $0.metadata["status"] = .text("utkast")
            $0.metadata["meetingDate"] = nil
            $0.metadata["paragraph"] = nil
        }.isEmpty)
    }

    @Test func choicesAndCommittees() {
        #expect(codes { $0.metadata["status"] = .text("klar") } == ["invalidChoice"])
        #expect(codes { $0.metadata["committee"] = .text("xyz") } == ["invalidChoice"])
        #expect(codes { $0.metadata["committee"] = nil } == ["required"])
    }

    @Test func tableRowsCellsAndYears() {
        // Amounts: typed text that is not a number is kept and reported at its cell.
        let f = findings { draft in
            var rows = draft.sections["investments"]!["investments"]!.rows
            rows[0][TableRow.yearKey("amounts", 2029)] = .text("12,5")
            rows[0][TableRow.yearKey("amounts", 2030)] = .text("1 200")
            rows[0][TableRow.yearKey("amounts", 2031)] = .integer(-5)
            rows[0][TableRow.yearKey("amounts", 2035)] = .integer(100)
            rows[0]["category"] = .text("rymdskepp")
            rows.append(TableRow())
            draft.sections["investments"]!["investments"] = .table(rows)
        }
        #expect(f.contains { $0.code == "invalidAmount" && $0.pointer == "/sections/investments/investments/0/amounts/2029" })
        #expect(!f.contains { $0.pointer.hasSuffix("/0/amounts/2030") })
        #expect(f.contains { $0.code == "amountTooSmall" && $0.target.cell == "amounts/2031" })
        #expect(f.contains { $0.code == "yearOutsidePlanPeriod" && $0.target == FindingTarget(field: .section("investments", "investments"), row: 0, cell: "amounts/2035") })
        #expect(f.contains { $0.code == "invalidChoice" && $0.target.cell == "category" })
        // The empty second row: every required cell is reported.
        #expect(f.filter { $0.target.row == 1 && $0.code == "required" }.count == 8)
        let risk = findings { $0.sections["economy"]!["risks"] = .table([]) }
        #expect(risk.map(\.code) == ["tooFewRows"])
        #expect(risk[0].severity == .warning)
        let many = findings { $0.sections["investments"]!["investments"] = .table(Array(repeating: $0.sections["investments"]!["investments"]!.rows[0], count: 61)) }
        #expect(many.map(\.code) == ["tooManyRows"])
        #expect(AmountFormat.parse("-1 200 000") == -1_200_000)
        #expect(AmountFormat.parse("\u{2212}300") == -300)
        #expect(AmountFormat.parse("12 5x") == nil)
        #expect(AmountFormat.parse("1-2") == nil)
        #expect(AmountFormat.parse("") == nil)
        #expect(AmountFormat.display(-1_234_567) == "-1 234 567")
    }

    @Test func hazardousCharactersAreReportedWithTheirPlace() {
        let f = findings { $0.sections["goals"]!["text"] = .text(SampleDrafts.swedishText(words: 40) + " a\u{1B}[31m b\u{202E}c \u{200B} \u{7}") }
        let control = f.first { $0.code == "controlCharacter" }
        #expect(control?.severity == .error)
        #expect(control?.message.en.contains("contains 2 control characters, the first (^[) at character") == true)
        #expect(control?.target.offset != nil)
        #expect(f.contains { $0.code == "bidiCharacter" && $0.severity == .error })
        #expect(f.contains { $0.code == "formatCharacter" && $0.severity == .warning })
        // Emoji sequences with ZWJ are not hazards.
        #expect(TextRules.stats("👩‍💻").hazardCount == 0)
    }

    @Test func statsAreAdditiveAcrossParagraphs() {
        let a = "Första stycket\u{7} med ord"
        let b = "  andra\u{202E}  stycke "
        #expect(TextRules.stats(a).followed(by: TextRules.stats(b)) == TextRules.stats(a + "\n" + b))
    }
}

/// Every finding of a table row names the row (from 1) and the column, also warnings with a
/// message of the form's own, in the interface and in the headless report.
@Suite struct RowFindingTests {
    @Test func rowFindingsNameTheirRowAndColumn() {
        let form = shippedForm()
        var draft = SampleDrafts.complete(form)
        var second = TableRow()
        second["risk"] = .text("Ny risk")
        second["likelihood"] = .text("lag")
        second["consequence"] = .text("lag")
        draft.sections["economy"]!["risks"] = .table(draft.sections["economy"]!["risks"]!.rows + [second])
        let findings = Validator(form: form).validate(draft)
        let measure = findings.first { $0.target.cell == "measure" }
        #expect(measure?.severity == .warning)
        #expect(measure?.message.sv.hasPrefix("Risker och känslighet, rad 2, Åtgärd: ") == true)
        #expect(measure?.message.en.hasPrefix("Risks, row 2, Measure: ") == true)
        let report = FindingsReport.text(file: "d.json", findings: findings, form: form, language: .sv)
        #expect(report.contains("rad 2, Åtgärd"))
    }
}
