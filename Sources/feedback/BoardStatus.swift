import ArgumentParser
import FeedbackBoard
import FeedbackModel

struct BoardStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Vilka har lämnat in, vilka saknas / who has handed in and who is missing.",
        discussion: """
            One line per committee on the form: missing, refused (why), or received revision N at a
            time, on time or late, its status and how many headings are done; then a summary.
            Exit 0 only when every committee has an accepted, decided export (so it can drive
            reminders), 1 otherwise, 2 when the inbox cannot be read.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "text or json")
    var format: OutputFormat = .text

    @Argument(help: "Inkorgen / the inbox folder.")
    var inbox: String

    func run() throws {
        let language = common.language
        let opened = try BoardCommand.open(inbox, language: language)
        let status: RoundStatus
        do { status = try RoundStatus.load(opened) } catch { throw CommandFailure(message: "feedback: " + error.message(language), code: 2) }
        switch format {
        case .text: Console.out(status.text(language: language))
        case .json: Console.out(bytes: JSONWriter.pretty(status.json()))
        }
        if !status.isComplete { throw ExitCode(1) }
    }
}
