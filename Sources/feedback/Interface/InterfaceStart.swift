import FeedbackConfiguration
import FeedbackInterface
import FeedbackModel
import FeedbackTerminal
import Foundation

/// What every interface (a draft, the start screen, the board's overview) starts from: the
/// shell with today's date, the absolute exports folder and the configured inbox and
/// template, and the terminal.
enum InterfaceStart {
    static func shell(_ configuration: Configuration, catalog: FormCatalog, language: Language, overrideLock: Bool) throws(CommandFailure) -> DraftShell {
        let today: SimpleDate
        do { today = try Today.date() } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        // Exports are named by their absolute path, wherever the program was started.
        let configured = configuration.exportsFolder
        let exportFolder = configured.hasPrefix("/") ? configured : FileManager.default.currentDirectoryPath + "/" + configured
        let shell = DraftShell(catalog: catalog, language: language, dataFolder: configuration.draftsFolder, exportFolder: exportFolder,
                               overrideLock: overrideLock, today: today, inbox: configuration.inbox)
        shell.documentTemplate = configuration.documentTemplate
        return shell
    }

    /// The full-screen terminal, or exit 2 saying what works without it (`plainHint`).
    static func terminal(language: Language, plainHint: Localized) throws(CommandFailure) -> Terminal {
        let colors = (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        do { return try Terminal(colors: colors) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language) + " (" + plainHint[language] + ")", code: 2)
        }
    }
}
