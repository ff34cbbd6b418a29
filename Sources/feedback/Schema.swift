import ArgumentParser
import FeedbackAnswers
import FeedbackModel

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Skriv ut exportens JSON Schema / print the JSON Schema (draft 2020-12) of the export."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Formulärets id / form id (default: the shipped form).")
    var form: String?

    @Option(name: .customLong("form-version"), help: "Formulärets version / form version (default: the newest).")
    var formVersion: Int?

    @Flag(name: .long, help: "Schemat för styrelsens svar / the schema of the board's answer (feedback board answer).")
    var answer = false

    func run() throws {
        let catalog = try common.catalog()
        let wanted = formVersion.flatMap { catalog.form(id: form ?? EmbeddedForms.defaultFormID, version: $0) }
        guard let definition = formVersion == nil ? catalog.latest(id: form) : wanted else {
            let known = catalog.forms.map { "\($0.id) v\($0.version)" }.joined(separator: ", ")
            throw CommandFailure(message: "Okänt formulär / unknown form: \(Sanitizer.visible(form ?? EmbeddedForms.defaultFormID)) (\(known))", code: 2)
        }
        Console.out(bytes: answer ? AnswerSchema(form: definition).bytes() : ExportSchema(form: definition).bytes())
    }
}
