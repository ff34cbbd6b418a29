import ArgumentParser
import FeedbackBoard
import FeedbackModel
import Foundation

/// `feedback board`: the regional board's side of a planning round.
struct Board: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Styrelsens sida: inkorg, mottagning, läget, sammanställning / the board's side of a round.",
        discussion: """
            feedback board init DIR              make an inbox for a round (--group for a shared server)
            feedback board allow DIR COMMITTEE USER|@GROUP …   who may hand in for a committee (--remove)
            feedback board receive DIR           take in what was handed in, write signed receipts (--watch)
            feedback board status DIR            who has handed in; exit 0 only when every committee has decided feedback
            feedback board report DIR --format html|docx|md|csv|xlsx [-o FILE]   the compiled document
            feedback board answer DIR COMMITTEE --template | --from FILE   the board's answer to a committee
            feedback board traceability DIR [--format md|html|docx] [-o FILE]   committee × heading → judgement
            feedback board [DIR]                 the overview (DIR default: $FEEDBACK_INBOX, else .)
            """,
        subcommands: [BoardOverviewCommand.self, BoardInit.self, BoardAllow.self, BoardReceive.self, BoardStatus.self, BoardReport.self, BoardAnswerCommand.self, BoardTraceability.self],
        defaultSubcommand: BoardOverviewCommand.self
    )
}

/// Shared by the board's commands.
enum BoardCommand {
    /// Opens an inbox, or fails with exit code 2 and a clear message.
    static func open(_ path: String, language: Language) throws(CommandFailure) -> Inbox {
        do { return try Inbox.open(path) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
    }

    /// The configured inbox (the `inbox` setting: a configuration file or `$FEEDBACK_INBOX`),
    /// else the current folder.
    static func defaultInbox(_ common: CommonOptions) throws(CommandFailure) -> String {
        try configuredInbox(common) ?? "."
    }

    /// The board's clock: the system's, or `FEEDBACK_NOW` for rehearsals and tests.
    static func clock() -> BoardClock {
        BoardClock.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    /// The time files are stamped with: `SOURCE_DATE_EPOCH` when set (reproducible bytes),
    /// else the board's clock.
    static func stampTime() -> Timestamp {
        let environment = ProcessInfo.processInfo.environment
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty { return Drafts.exportTime(environment: environment) }
        return clock().now()
    }

    /// The `inbox` setting (`/etc/feedback/config`, `~/.config/feedback/config`, or
    /// `$FEEDBACK_INBOX`) when there is one.
    static func configuredInbox(_ common: CommonOptions) throws(CommandFailure) -> String? {
        try common.configuration().inbox
    }
}
