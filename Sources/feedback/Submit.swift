import ArgumentParser
import FeedbackBoard
import FeedbackModel

struct Submit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Lämna in ett utkast till styrelsens inkorg / hand a draft in to the board's inbox.",
        discussion: """
            Exports the draft under the usual rules (errors block: exit 1, findings printed; warnings
            are shown) and places the file in the inbox's incoming/ folder atomically: no partial
            file is ever visible there and nothing is replaced. Prints where it went and where the
            board's receipt will appear. Exit 2 when the draft or inbox cannot be read, or the inbox
            takes another form.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Styrelsens inkorg / the board's inbox (default: $FEEDBACK_INBOX).")
    var inbox: String?

    @Argument(help: "Utkastfilen / the draft file.")
    var draft: String

    func run() throws {
        let language = common.language
        let sv = language == .sv
        guard let inboxPath = try inbox ?? BoardCommand.configuredInbox(common) else {
            throw CommandFailure(message: sv ? "feedback: ange inkorgen med --inbox DIR (eller inställningen inbox, se feedback config)"
                                             : "feedback: name the inbox with --inbox DIR (or the inbox setting, see feedback config)", code: 2)
        }
        let (loaded, form) = try Drafts.load(draft, catalog: try common.catalog(), language: language)
        let opened = try BoardCommand.open(inboxPath, language: language)
        let dataFolder = try common.configuration().draftsFolder
        let outcome: Submission.Outcome
        do {
            outcome = try Submission(inbox: opened, dataFolder: dataFolder).submit(loaded, exportedAt: BoardCommand.stampTime(), clock: BoardCommand.clock())
        } catch .findings(let findings) {
            Console.err(FindingsReport.text(file: draft, findings: findings, form: form, language: language))
            Console.err(sv ? "Utkastet har fel och lämnades inte in." : "The draft has errors and was not handed in.")
            throw ExitCode(1)
        } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        if !outcome.warnings.isEmpty {
            Console.err(FindingsReport.text(file: draft, findings: outcome.warnings, form: form, language: language))
        }
        if let earlier = outcome.alreadyAccepted {
            Console.out(sv ? "Samma innehåll är redan mottaget och kvitterat \(SwedishTime.minuteText(earlier.receivedAt)) (revision \(outcome.revision)); ingenting lämnades in igen."
                           : "The same content was already received and receipted \(SwedishTime.minuteText(earlier.receivedAt)) (revision \(outcome.revision)); nothing was handed in again.")
            return
        }
        let path = Sanitizer.visible(outcome.handedInPath ?? "")
        let receipt = Sanitizer.visible(outcome.expectedReceiptPath ?? "")
        Console.out(sv ? "Inlämnad: \(path)" : "Handed in: \(path)")
        Console.out("sha256 \(outcome.contentSha256)")
        Console.out(sv ? "Kvittensen kommer i \(receipt) när styrelsen har tagit emot filen (feedback receipt list visar läget)."
                       : "The receipt will appear in \(receipt) once the board has received the file (feedback receipt list shows where it stands).")
    }
}
