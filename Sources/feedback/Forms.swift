import ArgumentParser
import FeedbackModel

struct Forms: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lista och kontrollera formulären / list and check the available forms.",
        discussion: """
            Each form is read and checked: keys, types, rules, and the timeline (valid dates in \
            date order, a deadline phase). Exit 1 when a form file in the forms folder cannot be read.
            """
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
        let language = common.language
        let catalog = common.catalog()
        let embedded = FormCatalog.embedded()
        for form in catalog.forms.sorted(by: { ($0.id, $0.version) < ($1.id, $1.version) }) {
            Console.out("\(form.id) v\(form.version)  \(form.title[language])")
            let deadline = language == .sv ? "sista dag" : "deadline"
            let period = language == .sv ? "planperiod" : "plan period"
            Console.out("  \(period) \(form.planPeriod.label), \(deadline) \(form.deadline), \(form.sections.count) \(language == .sv ? "rubriker" : "headings")")
            Console.out("  \(language == .sv ? "tidplan" : "timeline"):")
            let width = form.timeline.phases.map { $0.dates.count }.max() ?? 10
            for phase in form.timeline.phases {
                let dates = phase.dates.padding(toLength: width, withPad: " ", startingAt: 0)
                Console.out("    \(dates)  \(Sanitizer.visible(phase.label[language]))")
            }
            if form.timeline.phases.count == 1 {
                Console.out(language == .sv
                    ? "  obs: formuläret har bara sista dag, ingen tidplan (timeline) med kickoff, PF-beslut och sammanträden"
                    : "  note: the form gives only the deadline, no timeline with kickoff, PF decision and meetings")
            }
            Console.out("  \(language == .sv ? "källa" : "source"): \(Sanitizer.visible(form.source))")
            if !form.source.hasPrefix("embedded:"), let builtIn = embedded.form(id: form.id, version: form.version),
               builtIn.source != form.source {
                let fileBytes = (try? FileStore.readLimited(path: form.source, limit: FormReader.maximumSize)) ?? []
                let identical = EmbeddedForms.files.contains { Array($0.1.utf8) == fileBytes || Array(($0.1 + "\n").utf8) == fileBytes }
                if identical {
                    Console.out(language == .sv ? "  samma som den inbyggda kopian" : "  the same as the embedded copy")
                } else {
                    Console.out(language == .sv
                        ? "  obs: skiljer sig från den inbyggda kopian med samma id och version och ersätter den"
                        : "  note: differs from the embedded copy with the same id and version, and replaces it")
                }
            }
            let committees = form.committees.map { "\($0.id)=\($0.name(language))" }.joined(separator: ", ")
            Console.out("  \(language == .sv ? "nämnder" : "committees"): \(committees)")
        }
        for problem in catalog.problems {
            Console.err((language == .sv ? "fel: " : "error: ") + problem.description)
        }
        if !catalog.problems.isEmpty { throw ExitCode(1) }
    }
}
