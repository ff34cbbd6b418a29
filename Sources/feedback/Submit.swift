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
            board's receipt will appear, and both hashes: the content's (contentSha256) and the file's
            (the receipt's handIn.sha256). A committee's answer is one document: another document, or
            an undecided one after a decided one, is taken only with --replace. Exit 2 when the draft or inbox cannot be read, or the inbox
            takes another form.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Styrelsens inkorg / the board's inbox (default: $FEEDBACK_INBOX).")
    var inbox: String?

    @Flag(name: .long, help: "Ersätt nämndens godkända återkoppling / replace the committee's accepted feedback (another document, or an undecided one after a decided one).")
    var replace = false

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
        let submission = Submission(inbox: opened, dataFolder: dataFolder)
        if !replace, let current = submission.wouldReplace(loaded) {
            Console.err(sv ? "Regionstyrelsen har redan godkänt nämndens återkoppling: \(HandInWork.describe(current, language)). Det här utkastet skulle ersätta den; lämna in med --replace om det är meningen. Ingenting lämnades in."
                           : "The regional board has already accepted the committee's feedback: \(HandInWork.describe(current, language)). This draft would replace it; hand in with --replace if that is meant. Nothing was handed in.")
            throw ExitCode(1)
        }
        let outcome: Submission.Outcome
        do {
            outcome = try submission.submit(loaded, exportedAt: BoardCommand.stampTime(), clock: BoardCommand.clock(),
                                                                                    replace: replace)
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
        Console.out((sv ? "innehållets sha256 (contentSha256): " : "content sha256 (contentSha256): ") + outcome.contentSha256)
        if let file = outcome.fileSha256 {
            Console.out((sv ? "filens sha256 (kvittensens handIn.sha256): " : "file sha256 (the receipt's handIn.sha256): ") + file)
        }
        if replace {
            Console.out(sv ? "Lämnad som ersättning för nämndens godkända återkoppling (namnet bär \(Submission.replaceMarker))."
                           : "Handed in to replace the committee's accepted feedback (its name carries \(Submission.replaceMarker)).")
        }
        Console.out(sv ? "Kvittensen kommer i \(receipt) när styrelsen har tagit emot filen (feedback receipt list visar läget)."
                       : "The receipt will appear in \(receipt) once the board has received the file (feedback receipt list shows where it stands).")
    }
}
