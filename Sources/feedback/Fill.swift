import ArgumentParser
import FeedbackInterface
import FeedbackTerminal
import Foundation
import FeedbackModel

/// Options of the terminal interface.
struct InterfaceOptions: ParsableArguments {
    @Flag(name: .long, help: "Ta över ett lås från en annan dator / take over a lock held from another host.")
    var overrideLock = false

    @Option(name: .customLong("exports"), help: "Mapp för exporter / folder for exports (default: Exports).")
    var exportFolder: String = "Exports"
}

struct Fill: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fyll i ett utkast i terminalgränssnittet / fill in a draft in the terminal interface."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var options: InterfaceOptions

    @Argument(help: "Utkastfilen / the draft file (default: the start screen).")
    var draft: String?

    func run() throws {
        try Fill.openInterface(draftPath: draft, common: common, options: options)
    }

    static func openInterface(draftPath: String?, common: CommonOptions, options: InterfaceOptions) throws {
        let language = common.language
        let catalog = common.catalog()
        guard let form = catalog.latest() else {
            throw CommandFailure(message: "feedback: inget formulär / no form", code: 2)
        }
        // Refuse an unreadable draft before the screen changes, with the same message as validate.
        let loaded = try draftPath.map { try Drafts.load($0, catalog: catalog, language: language) }
        let colors = (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        let terminal: Terminal
        do { terminal = try Terminal(colors: colors) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        let dataFolder = Drafts.dataFolder()
        let start = StartScreen(form: form, language: language, folder: dataFolder,
                                drafts: DraftListing.summaries(in: dataFolder, catalog: catalog, language: language))
        // Exports are named by their absolute path, wherever the program was started.
        let exportFolder = options.exportFolder.hasPrefix("/") ? options.exportFolder
            : FileManager.default.currentDirectoryPath + "/" + options.exportFolder
        let runner = InterfaceRunner(terminal: terminal, app: App(start: start), catalog: catalog, language: language,
                                     dataFolder: dataFolder, exportFolder: exportFolder, overrideLock: options.overrideLock)
        if let draftPath, let loaded { runner.open(draftPath, loaded: loaded) }
        let code = runner.run()
        if code != 0 { throw ExitCode(code) }
    }
}
