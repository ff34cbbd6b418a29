import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// Form patterns: the supported syntax, what matches, the shapes refused when a form is read
/// (with their reasons), and a matcher whose work is linear in the text for every pattern.
@Suite struct PatternTests {
    func pattern(_ regex: String) throws -> FormPattern { try FormPattern(regex) }

    func refusal(_ regex: String) -> String? {
        do {
            _ = try FormPattern(regex)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test(arguments: [
        ("^[A-ZÅÄÖ]{1,6} ?[0-9]{4}[-/][0-9]{1,6}$", "HSN 2027/45", true),
        ("^[A-ZÅÄÖ]{1,6} ?[0-9]{4}[-/][0-9]{1,6}$", "RS 2027-00123", true),
        ("^[A-ZÅÄÖ]{1,6} ?[0-9]{4}[-/][0-9]{1,6}$", "hsn 2027/45", false),
        ("^§ ?[0-9]{1,4}$", "§ 45", true),
        ("^§ ?[0-9]{1,4}$", "§ 45a", false),
        ("^[^@ ]+@[^@ ]+\\.[^@ ]+$", "asa.oberg@region.example", true),
        ("^[^@ ]+@[^@ ]+\\.[^@ ]+$", "asa oberg@region.example", false),
        ("^[^@ ]+@[^@ ]+\\.[^@ ]+$", "asa@localhost", false),
        ("b", "abc", true),                       // a search, as JSON Schema's pattern
        ("^b", "abc", false),
        ("c$", "abc", true),
        ("^a.c$", "abc", true),
        ("^a.c$", "a\nc", false),                 // . is not a line end
        ("^\\w+$", "Åsa_Öberg9", true),           // \w is Unicode-aware, like Python's and Swift's
        ("^\\d+$", "٣٤", true),                   // Arabic-Indic digits are digits (Nd)
        ("^\\s$", "\u{00A0}", true),
        ("^\\S+$", "a b", false),
        ("\\bord\\b", "ett ord här", true),
        ("\\bord\\b", "förord", false),
        ("\\Bord", "förord", true),
        ("^(?:ja|nej)$", "nej", true),
        ("^(ja|nej)$", "kanske", false),
        ("^a{2,3}$", "aaa", true),
        ("^a{2,3}$", "aaaa", false),
        ("^a{2,}$", "aaaaaa", true),
        ("^a{2}$", "a", false),
        ("^[^0-9]*$", "abc", true),
        ("^[a\\-z]+$", "a-z", true),
        ("^[\\d.]+$", "1.5", true),
        ("^\\u00e5$", "å", true),
        ("^x?$", "", true),
        ("^$", "", true),
        ("a{", "a{", true),                       // a { that is no quantifier is a character
        ("^\\d+(,\\d+)*$", "1,22,333", true),
        ("^\\d+(,\\d+)*$", "1,,2", false),
        ("^[a-z]+(-[a-z]+)*$", "fram-och-tillbaka", true),
    ])
    func matchingFollowsTheSearchSemantics(regex: String, text: String, expected: Bool) throws {
        #expect(try pattern(regex).matches(text) == expected, "\(regex) on \(text.debugDescription)")
    }

    @Test(arguments: [
        ("(a)\\1", "backreferences"),
        ("(?=a)", "lookahead"),
        ("(?<=a)b", "lookbehind"),
        ("(?<name>a)", "named groups"),
        ("(?i)a", "flags"),
        ("\\p{L}", "property"),
        ("[[:alpha:]]", "POSIX"),
        ("a**", "quantifier follows"),
        ("*a", "nothing to repeat"),
        ("(a", "never closed"),
        ("a)", "unmatched"),
        ("[z-a]", "backwards"),
        ("a{3,2}", "smallest count above its largest"),
        ("a{1001}", "above 1000"),
        ("\\q", "not supported"),
        ("[abc", "never closed"),
        ("[]", "empty class"),
    ])
    func unsupportedSyntaxIsRefusedWithAReason(regex: String, reason: String) {
        let refused = refusal(regex)
        #expect(refused?.contains(reason) == true, "\(regex): \(refused ?? "accepted")")
    }

    @Test(arguments: [
        ("^(a+)+$", "ends in a repetition"),
        ("(a*)*", "ends in a repetition"),
        ("^(\\w+\\s?)*$", "ends in a repetition"),
        ("^(\\d{1,3})+$", "ends in a repetition"),
        ("^(a*a)+$", "ends in a repetition"),
        ("^([a-z]+ ?)+$", "ends in a repetition"),
        ("(a|ab)*", "alternatives can begin with the same character"),
        ("(a|a)+c", "alternatives can begin with the same character"),
        ("^(\\d|\\w)+$", "alternatives can begin with the same character"),
        ("(a?)*", "empty text"),
        ("(|a)+", "empty text"),
        ("^\\d+\\d*$", "two repetitions in a row"),
        ("^.*.*=.*$", "two repetitions in a row"),
        ("^\\w+\\s*\\w+$", "two repetitions in a row"),
        ("(a{1000}){1000}", "more than 20000 steps"),
    ])
    func catastrophicShapesAreRefusedWithAReason(regex: String, reason: String) {
        let refused = refusal(regex)
        #expect(refused?.contains(reason) == true, "\(regex): \(refused ?? "accepted")")
    }

    @Test func aPatternOfTheShippedFormIsAcceptedAndSafeShapesToo() throws {
        for regex in ["^[A-ZÅÄÖ]{1,6} ?[0-9]{4}[-/][0-9]{1,6}$", "^§ ?[0-9]{1,4}$", "^[^@ ]+@[^@ ]+\\.[^@ ]+$",
                      "^(\\d{4})+$", "^[a-z]+(-[a-z]+)*$", "^\\d+(,\\d+)*$", "^(x\\d*)+$", "^(ab?)+$", "^\\s*\\S.*$",
                      "^(a*b)+$", "^\\+?[0-9 -]{6,20}$"] {
            #expect(refusal(regex) == nil, "\(regex) was refused: \(refusal(regex) ?? "")")
        }
    }

    /// The matcher's work is counted, not timed: at most (length + 1) × (4 × states + 2)
    /// steps, whatever the text. A backtracking matcher takes about length² steps on the
    /// shipped e-mail pattern and 2^length on (a+)+ (the issue's 56 s and 37 minutes).
    @Test func workIsLinearInTheTextForTheHardestInputs() throws {
        let email = try pattern("^[^@ ]+@[^@ ]+\\.[^@ ]+$")
        for n in [1_000, 32_000] {
            for text in [String(repeating: "b.", count: n), "x@" + String(repeating: "b.", count: n),
                         "x@" + String(repeating: "b.", count: n) + " ",  // 193 s for Swift's Regex at 32 000
                         String(repeating: "@", count: n), "a@" + String(repeating: "b", count: 2 * n) + " "] {
                let (_, steps) = email.matchWithSteps(text)
                let length = text.unicodeScalars.count
                #expect(steps <= email.stepBudget(length: length), "\(steps) steps for \(length) characters")
            }
        }
        // The unanchored search is linear too.
        let search = try pattern("[^@ ]+@[^@ ]+\\.[^@ ]+")
        let long = String(repeating: "b.", count: 32_000)
        let (matched, steps) = search.matchWithSteps(long)
        #expect(!matched)
        #expect(steps <= search.stepBudget(length: long.unicodeScalars.count))
        // And ten times the text is at most ten times the work (give or take the start).
        let short = String(repeating: "b.", count: 3_200)
        let (_, shortSteps) = search.matchWithSteps(short)
        #expect(steps <= 11 * shortSteps, "\(shortSteps) steps for 6 400 characters, \(steps) for 64 000")
    }

    @Test func aCatastrophicFormPatternIsRefusedWhenTheFormIsRead() {
        let text = EmbeddedForms.files[0].1.replacingOccurrences(of: "regex: '^[^@ ]+@[^@ ]+\\.[^@ ]+$'", with: "regex: '^(a+)+$'")
        #expect(text.contains("^(a+)+$"))
        do {
            _ = try FormReader.read(yaml: Array(text.utf8), source: "x.yaml")
            Issue.record("^(a+)+$ was accepted")
        } catch {
            #expect(error.problem.contains("refused"))
            #expect(error.problem.contains("exponential"))
            #expect(error.line == text.components(separatedBy: "\n").firstIndex { $0.contains("^(a+)+$") }.map { $0 + 1 })
        }
    }

    /// Issue 9, defect 10: a long value is checked against its length before its pattern.
    @Test func lengthLimitsComeBeforePatterns() {
        let form = shippedForm()
        var draft = SampleDrafts.complete(form)
        draft.metadata["contactEmail"] = .text("x@" + String(repeating: "b.", count: 32_000))
        let codes = Validator(form: form).validate(draft).filter { $0.pointer == "/metadata/contactEmail" }.map(\.code)
        #expect(codes == ["maxChars"])
        // Beyond the limit for pattern input (a field without maxChars): reported, not matched.
        var limits = Limits()
        limits.patternInputCharacters = 50
        var rules = FieldRules()
        rules.pattern = form.metadataField(id: "contactEmail")?.rules.pattern
        let field = FieldDefinition(id: "x", label: Localized(sv: "X", en: "X"), kind: .shortText, rules: rules)
        let findings = Validator(form: form, limits: limits).validate(field: field, value: .text(String(repeating: "a", count: 60)), at: .metadata("x"))
        #expect(findings.map(\.code) == ["patternNotChecked"])
    }
}
