import ArgumentParser
import FeedbackConfiguration
import FeedbackModel

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exportera ett utkast till JSON för regionstyrelsen / export a draft as JSON for the regional board.",
        discussion: """
            Refuses a draft with errors (exit 1, findings printed). Writes one file to the exports folder (Exports/, the configuration's exports, or --out),
            prints its path and SHA-256, and never replaces a different earlier export.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Mapp för exporten / output folder (default: the configuration's exports, else Exports).")
    var out: String?

    @Argument(help: "Utkastfilen / the draft file.")
    var draft: String

    func run() throws {
        let language = common.language
        var configuration = try common.configuration()
        do { try configuration.override(.exports, with: out, flag: "--out") } catch {
            throw CommandFailure(message: error.message(language), code: 2)
        }
        let (loaded, form) = try Drafts.load(draft, catalog: common.catalog(), language: language)
        let outcome: ExportWriter.Outcome
        do {
            outcome = try ExportWriter(form: form).write(loaded, folder: configuration.exportsFolder, exportedAt: Drafts.exportTime())
        } catch .findings(let findings) {
            Console.err(FindingsReport.text(file: draft, findings: findings, form: form, language: language))
            Console.err(language == .sv ? "Utkastet har fel och exporterades inte." : "The draft has errors and was not exported.")
            throw ExitCode(1)
        } catch .store(let error) {
            throw CommandFailure(message: error.message(language), code: 2)
        }
        if !outcome.warnings.isEmpty {
            Console.err(FindingsReport.text(file: draft, findings: outcome.warnings, form: form, language: language))
        }
        for note in outcome.foreignFiles {
            Console.err((language == .sv ? "obs: lämnades orörd: " : "note: left alone: ") + note.message(language))
        }
        if outcome.unchanged {
            Console.err(language == .sv ? "Samma innehåll var redan exporterat; filen lämnades orörd."
                                        : "The same content was already exported; the file was left as it was.")
        }
        Console.out(outcome.path)
        Console.out("sha256 \(outcome.contentSha256)")
    }
}
