import ArgumentParser
import FeedbackModel

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Skriv ut exportens JSON Schema / print the JSON Schema (draft 2020-12) of the export."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Formulärets id / form id (default: the shipped form).")
    var form: String?

    func run() throws {
        let catalog = common.catalog()
        guard let definition = catalog.latest(id: form) else {
            throw CommandFailure(message: "Okänt formulär / unknown form: \(Sanitizer.visible(form ?? ""))", code: 2)
        }
        Console.out(bytes: ExportSchema(form: definition).bytes())
    }
}
