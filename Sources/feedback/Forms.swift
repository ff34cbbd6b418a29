import ArgumentParser
import FeedbackModel

struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forms",
        abstract: "Lista och kontrollera formulären / list and check the available forms.",
        discussion: """
            Forms are read from the program itself, then /usr/share/feedback/forms (installed), then \
            /etc/feedback/forms (the region's own), then the configuration's forms folders (--forms); \
            a later file with the same id and version replaces an earlier one, and this list says so. \
            Each form is read and checked: keys, types, rules, and the timeline (valid dates in \
            date order, a deadline phase). Exit 1 when a form file cannot be read.
            """
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let sv = language == .sv
        let catalog = try common.catalog()
        for form in catalog.forms.sorted(by: { ($0.id, $0.version) < ($1.id, $1.version) }) {
            Console.out("\(form.id) v\(form.version)  \(form.title[language])")
            let deadline = sv ? "sista dag" : "deadline"
            let period = sv ? "planperiod" : "plan period"
            Console.out("  \(period) \(form.planPeriod.label), \(deadline) \(form.deadline), \(form.sections.count) \(sv ? "rubriker" : "headings")")
            Console.out("  \(sv ? "tidplan" : "timeline"):")
            let width = form.timeline.phases.map { $0.dates.count }.max() ?? 10
            for phase in form.timeline.phases {
                let dates = phase.dates.padding(toLength: width, withPad: " ", startingAt: 0)
                Console.out("    \(dates)  \(Sanitizer.visible(phase.label[language]))")
            }
            if form.timeline.phases.count == 1 {
                Console.out(sv
                    ? "  obs: formuläret har bara sista dag, ingen tidplan (timeline) med kickoff, PF-beslut och sammanträden"
                    : "  note: the form gives only the deadline, no timeline with kickoff, PF decision and meetings")
            }
            Console.out("  \(sv ? "källa" : "source"): \(Self.sourceName(form.source, language))")
            for earlier in catalog.replaced[form.source] ?? [] {
                let same = Self.sameText(form.source, earlier.source)
                let verdict = same ? (sv ? "samma innehåll" : "the same content")
                                   : (sv ? "skiljer sig; den här gäller" : "differs; this one is used")
                Console.out("  \(sv ? "ersätter" : "replaces") \(Self.sourceName(earlier.source, language)) (\(verdict))")
            }
            let committees = form.committees.map { "\($0.id)=\($0.name(language))" }.joined(separator: ", ")
            Console.out("  \(sv ? "nämnder" : "committees"): \(committees)")
            if !form.review.isEmpty {
                Console.out(sv ? "  att granska innan formuläret skickas ut (ta sedan bort review: ur filen):"
                               : "  to review before the form goes out (then remove review: from the file):")
                for item in form.review { Console.out("    - " + Sanitizer.visible(item)) }
            }
        }
        for problem in catalog.problems {
            Console.err((sv ? "fel: " : "error: ") + problem.description)
        }
        if !catalog.problems.isEmpty { throw ExitCode(1) }
    }

    /// A file path as it is, safe to print; an embedded form as "the built-in copy".
    static func sourceName(_ source: String, _ language: Language) -> String {
        if source.hasPrefix("embedded:") { return language == .sv ? "den inbyggda kopian" : "the built-in copy" }
        return Sanitizer.visible(source)
    }

    /// Whether two form sources (files or embedded copies) have the same bytes.
    static func sameText(_ a: String, _ b: String) -> Bool {
        guard let first = text(of: a), let second = text(of: b) else { return false }
        return first == second || first + [0x0A] == second || first == second + [0x0A]
    }

    static func text(of source: String) -> [UInt8]? {
        if source.hasPrefix("embedded:") {
            let name = source.dropFirst("embedded:".count)
            return EmbeddedForms.files.first { $0.0 == name }.map { Array($0.1.utf8) }
        }
        return try? FileStore.readLimited(path: source, limit: FormReader.maximumSize)
    }
}
