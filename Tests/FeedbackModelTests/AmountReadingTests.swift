import Testing
@testable import FeedbackModel

/// The one rule for amounts, shared by the interface, the validator, the export and imports.
@Suite struct AmountReadingTests {
    @Test func wholeTkrAreRead() {
        for (text, value) in [("1 200", 1200), ("12 500", 12500), ("−300", -300), ("-300", -300), ("– 300", -300), ("+62 000", 62000),
                              ("45 000 tkr", 45000), ("45 000tkr", 45000), ("7 TKR", 7), ("1\u{00A0}200", 1200), ("1\u{202F}200\u{2009}000", 1_200_000),
                              ("  0  ", 0), ("1 2 3", 123)] {
            #expect(AmountFormat.read(text) == .amount(value), "\(text)")
            #expect(AmountFormat.parse(text) == value, "\(text)")
        }
        #expect(AmountFormat.read("   ") == .empty)
        #expect(AmountFormat.parse("") == nil)
    }

    @Test func othersAreRefusedWithAReason() {
        let cases: [(String, AmountRefusal)] = [
            ("1,2 mnkr", .millions(inTkr: 1200)), ("1.25 mnkr", .millions(inTkr: 1250)), ("3 MNKR", .millions(inTkr: 3000)),
            ("−0,5 mkr", .millions(inTkr: -500)), ("2 miljoner", .millions(inTkr: 2000)), ("1,2345 mnkr", .millions(inTkr: nil)),
            ("1,5", .decimals), ("12.5", .decimals), ("1.200", .decimals), ("12 500 kr", .kronor), ("300 SEK", .kronor),
            ("5 %", .percent), ("1234567890123456", .tooLarge), ("12 5x", .notANumber), ("1-2", .notANumber), ("--5", .notANumber),
            ("tkr", .notANumber), ("(300)", .notANumber), ("abc", .notANumber),
        ]
        for (text, refusal) in cases {
            #expect(AmountFormat.read(text) == .refused(refusal), "\(text)")
            #expect(AmountFormat.parse(text) == nil, "\(text)")
        }
        #expect(AmountRefusal.millions(inTkr: 1200).reason.sv == "belopp anges i tkr, inte mnkr (skriv 1 200)")
        #expect(AmountRefusal.millions(inTkr: 1200).reason.en == "amounts are in tkr, not mnkr (write 1 200)")
    }

    @Test func theValidatorGivesTheReason() {
        let form = FormCatalog.embedded().latest()!
        var row = TableRow()
        row["object"] = .text("MR")
        row["amounts/2028"] = .text("1,2 mnkr")
        let findings = Validator(form: form).validateRow(row, index: 0, columns: form.section(id: "investments")!.field(id: "investments")!.columns,
                                                         tableLabel: Localized(sv: "Investeringar", en: "Investments"), at: .section("investments", "investments"))
        let finding = findings.first { $0.code == "invalidAmount" }
        #expect(finding?.message.sv.contains("inte mnkr (skriv 1 200)") == true)
    }
}
