import ArgumentParser
import FeedbackBoard
import FeedbackModel

/// `feedback board [DIR]`: the round's overview. For now the same text as `board status`; the
/// full-screen overview belongs to the terminal interface.
struct BoardOverview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Överblick över omgången / the round's overview (the default of `feedback board`).",
        shouldDisplay: false
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "Inkorgen / the inbox folder (default: $FEEDBACK_INBOX, else the current folder).")
    var inbox: String?

    func run() throws {
        let language = common.language
        let opened = try BoardCommand.open(inbox ?? BoardCommand.defaultInbox(common), language: language)
        let status: RoundStatus
        do { status = try RoundStatus.load(opened) } catch { throw CommandFailure(message: "feedback: " + error.message(language), code: 2) }
        Console.out(status.text(language: language))
        if !status.isComplete { throw ExitCode(1) }
    }
}
