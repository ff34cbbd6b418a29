import FeedbackModel

/// Picks the Swedish or English text; all interface text goes through here.
struct Phrases: Sendable {
    let language: Language

    func t(_ sv: String, _ en: String) -> String { language == .sv ? sv : en }

    func count(_ n: Int) -> String { AmountFormat.display(n, separator: language == .sv ? " " : ",") }

    /// "4 av 6 klara"
    func done(_ done: Int, of total: Int) -> String { t("\(done) av \(total) klara", "\(done) of \(total) done") }

    /// "1 fel", "2 varningar", "1 warning": a count with its noun in the right number.
    func errors(_ n: Int) -> String { t("\(count(n)) fel", "\(count(n)) \(n == 1 ? "error" : "errors")") }

    func warnings(_ n: Int) -> String {
        t("\(count(n)) \(n == 1 ? "varning" : "varningar")", "\(count(n)) \(n == 1 ? "warning" : "warnings")")
    }

    func rows(_ n: Int) -> String { t("\(count(n)) \(n == 1 ? "rad" : "rader")", "\(count(n)) \(n == 1 ? "row" : "rows")") }

    var metadataTitle: String { t("Uppgifter", "Details") }
}
