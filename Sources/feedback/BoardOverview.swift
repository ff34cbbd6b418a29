import ArgumentParser
import FeedbackBoard
import FeedbackInterface
import FeedbackModel
import FeedbackTerminal
import Foundation

/// `feedback board [DIR]`: the round's overview. On a terminal the full-screen overview
/// (Enter opens a committee's accepted export read-only with its check and receipt); in a
/// pipe, with --plain or on a dumb terminal the same text as `board status`.
struct BoardOverviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Överblick över omgången / the round's overview (the default of `feedback board`).",
        shouldDisplay: false
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Text i stället för helskärm / text instead of the full screen (as board status).")
    var plain = false

    @Argument(help: "Inkorgen / the inbox folder (default: the inbox setting, see feedback config, else the current folder).")
    var inbox: String?

    func run() throws {
        let language = common.language
        let opened = try BoardCommand.open(inbox ?? BoardCommand.defaultInbox(common), language: language)
        let wantsText = InterfaceOptions.plainAsked(flag: plain) || isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0
        if wantsText {
            let status: RoundStatus
            do { status = try RoundStatus.load(opened) } catch { throw CommandFailure(message: "feedback: " + error.message(language), code: 2) }
            Console.out(status.text(language: language))
            if !status.isComplete { throw ExitCode(1) }
            return
        }
        try Self.openInterface(opened, common: common)
    }

    static func openInterface(_ inbox: Inbox, common: CommonOptions) throws {
        let language = common.language
        // The shell carries out what a committee's export may ask (documents, a copy saved).
        let shell = try InterfaceStart.shell(try common.configuration(), catalog: try common.catalog(), language: language, overrideLock: false)
        let work: BoardWork
        do { work = try BoardWork(inbox: inbox, language: language, today: shell.today, exportFolder: shell.exportFolder) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        let terminal = try InterfaceStart.terminal(language: language, plainHint: Localized(sv: "feedback board --plain skriver läget som text",
                                                                                             en: "feedback board --plain prints the status as text"))
        let runner = InterfaceRunner(terminal: terminal, app: App(board: BoardScreen(overview: work.overview(), language: language)), shell: shell)
        runner.board = work
        let code = runner.run()
        if code != 0 { throw ExitCode(code) }
    }
}
