import ArgumentParser
import FeedbackConfiguration
import FeedbackInterface
import FeedbackTerminal
import Foundation
import FeedbackModel

/// Options of the terminal interface.
struct InterfaceOptions: ParsableArguments {
    @Flag(name: .long, help: "Ta över ett lås från en annan dator / take over a lock held from another host.")
    var overrideLock = false

    @Option(name: .customLong("exports"), help: "Mapp för exporter / folder for exports (default: the configuration's exports, else Exports).")
    var exportFolder: String?

    @Flag(name: .long, help: "Tillgängligt läge: rader in och ut, för skärmläsare och skript / accessible mode: plain lines in and out, for screen readers and scripts (also FEEDBACK_PLAIN=1, TERM=dumb).")
    var plain = false

    /// The options as plain values.
    var settings: InterfaceSettings { InterfaceSettings(overrideLock: overrideLock, exportFolder: exportFolder, plain: plain) }

    /// `--plain`, `FEEDBACK_PLAIN` (not empty, not 0) or a dumb terminal.
    static func plainAsked(flag: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        flag || environment["FEEDBACK_PLAIN"].map { !$0.isEmpty && $0 != "0" } == true || environment["TERM"] == "dumb"
    }
}

/// The interface's options as values: parsed by ArgumentParser, or the quick start's defaults.
struct InterfaceSettings {
    var overrideLock = false
    var exportFolder: String?
    var plain = false

    /// The accessible mode: asked for, or a terminal that cannot show the full screen.
    var wantsPlain: Bool { InterfaceOptions.plainAsked(flag: plain) }
}

struct Fill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Fyll i ett utkast i terminalgränssnittet / fill in a draft in the terminal interface."
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var options: InterfaceOptions

    @Argument(help: "Utkastfilen / the draft file (default: the start screen).")
    var draft: String?

    func run() throws {
        try Fill.openInterface(draftPath: draft, common: common.settings, options: options.settings)
    }

    static func openInterface(draftPath: String?, common: CommonSettings, options: InterfaceSettings) throws {
        let language = common.language
        var configuration = try common.configuration()
        do { try configuration.override(.exports, with: options.exportFolder, flag: "--exports") } catch {
            throw CommandFailure(message: error.message(language), code: 2)
        }
        let catalog = try common.catalog()
        guard let form = catalog.latest() else {
            throw CommandFailure(message: "feedback: inget formulär / no form", code: 2)
        }
        // Refuse an unreadable draft before the screen changes, with the same message as validate.
        let loaded = try draftPath.map { try Drafts.loadWithIdentity($0, catalog: catalog, language: language) }
        let shell = try InterfaceStart.shell(configuration, catalog: catalog, language: language, overrideLock: options.overrideLock)
        let dataFolder = shell.dataFolder
        let start = StartScreen(form: form, language: language, folder: dataFolder,
                                drafts: DraftListing.summaries(in: dataFolder, catalog: catalog, language: language, handIns: shell.handIns.notes()),
                                today: shell.today,
                                lastYear: HistoryWork.offers(in: [dataFolder, shell.exportFolder], form: form, catalog: catalog, language: language))
        if options.wantsPlain {
            let code = PlainRunner(shell: shell).run(draft: draftPath, loaded: loaded, start: start)
            if code != 0 { throw ExitCode(code) }
            return
        }
        let terminal = try InterfaceStart.terminal(language: language, plainHint: Localized(sv: "feedback --plain fungerar utan helskärm",
                                                                                             en: "feedback --plain works without the full screen"))
        let runner = InterfaceRunner(terminal: terminal, app: App(start: start), shell: shell)
        if let draftPath, let loaded { runner.open(draftPath, loaded: (loaded.0, loaded.1), identity: loaded.2) }
        let code = runner.run()
        if code != 0 { throw ExitCode(code) }
    }
}
