import ArgumentParser
import FeedbackAnswers
import FeedbackBoard
import FeedbackModel

struct BoardStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Vilka har lämnat in, vilka saknas / who has handed in and who is missing.",
        discussion: """
            One line per committee on the form: missing, refused (why), or received revision N at a
            time, on time or late, its status and how many headings are done; then a summary, and, once
            the board has begun answering (feedback board answer), which received committees have their answer.
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
        case .text:
            Console.out(status.text(language: language))
            // Once the board has begun answering: which received committees have their answer.
            let answers = AnswerOverview(status: status)
            if answers.lines.contains(where: { $0.answer != nil }) { Console.out(answers.text(opened.form, language: language)) }
        case .json:
            var json = status.json()
            if case .object(var object) = json, !opened.form.answers.isEmpty {
                object["answers"] = AnswerOverview(status: status).json()
                json = .object(object)
            }
            Console.out(bytes: JSONWriter.pretty(json))
        }
        if !status.isComplete { throw ExitCode(1) }
    }
}
