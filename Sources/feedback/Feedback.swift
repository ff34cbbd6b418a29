import ArgumentParser
import FeedbackBoard
import FeedbackConfiguration
import FeedbackModel
import FeedbackTerminal
import Foundation

/// `feedback`: the terminal interface by default, and headless commands for scripts.
@main
struct Feedback: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback",
        abstract: "Nämndens återkoppling på planeringsförutsättningar / committee feedback on the planning premises.",
        discussion: """
            Utan kommando öppnas terminalgränssnittet: fortsätt ett utkast eller börja ett nytt.
            Without a command the terminal interface opens: resume a draft or start a new one.

            Exit codes: 0 ok, 1 findings of severity error, 2 usage error or unreadable input.
            Settings: /etc/feedback/config, ~/.config/feedback/config, FEEDBACK_* variables, flags (see `feedback config`).
            """,
        version: ProgramVersion.current,
        subcommands: [Fill.self, New.self, Validate.self, Export.self, Diff.self, Render.self, Import.self, Submit.self, Schema.self, Forms.self, FormCommand.self,
                      Board.self, Receipts.self, Answers.self, Config.self, GenerateManual.self]
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var options: InterfaceOptions

    func run() throws {
        try Fill.openInterface(draftPath: nil, common: common.settings, options: options.settings)
    }

    /// Runs the command line, mapping every usage error to exit code 2.
    static func main() {
        // A write over the file size limit (ulimit -f) fails with EFBIG and is reported, instead
        // of killing the program; the terminal interface catches the signal itself.
        signal(SIGXFSZ, SIG_IGN)
        // The shapes a person waits for (the interface, validate, --version) skip the
        // command tree's reflection; anything else is ArgumentParser's, with its help.
        if let quick = QuickStart(arguments: Array(CommandLine.arguments.dropFirst())) {
            do {
                try quick.run()
                Foundation.exit(0)
            } catch let code as ExitCode {
                Foundation.exit(code.rawValue)
            } catch let failure as CommandFailure {
                Console.err(failure.message)
                Foundation.exit(failure.code)
            } catch {
                exit(withError: error)
            }
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            if error is ExitCode {
                exit(withError: error)
            }
            if let failure = error as? CommandFailure {
                Console.err(failure.message)
                Foundation.exit(failure.code)
            }
            // Argument errors: ArgumentParser's message (which quotes what was typed), our exit code.
            Console.err(fullMessage(for: error))
            Foundation.exit(2)
        }
    }
}

/// An error a command reports with its own message and exit code.
struct CommandFailure: Error {
    var message: String
    var code: Int32
}

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Språk för meddelanden / language of messages: sv or en (default: the configuration's language, else from LANG, else sv).")
    var lang: LanguageOption?

    @Option(name: .long, help: "Egna formulärmappar / your own folders of form definitions, separated by ':' (default: the configuration's forms, else ./Forms if present).")
    var forms: String?

    /// The options as plain values.
    var settings: CommonSettings { CommonSettings(lang: lang, forms: forms) }

    var language: Language { settings.language }

    func configuration() throws(CommandFailure) -> Configuration { try settings.configuration() }

    func catalog() throws(CommandFailure) -> FormCatalog { try settings.catalog() }
}

/// The options every command takes, as values: parsed by ArgumentParser, or the defaults of
/// the quick start.
struct CommonSettings {
    var lang: LanguageOption?
    var forms: String?

    /// The language of messages: the flag, else the configuration's (which falls back to LANG).
    var language: Language {
        if let lang { return lang.language }
        if let configuration = try? Configuration.current { return configuration.language }
        return Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    /// The configuration in effect (files, environment) with these flags on top; a broken
    /// configuration file is exit 2 with its name and line.
    func configuration() throws(CommandFailure) -> Configuration {
        do {
            var configuration = try Configuration.current
            try configuration.override(.language, with: lang?.rawValue, flag: "--lang")
            try configuration.override(.forms, with: forms, flag: "--forms")
            return configuration
        } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
    }

    /// The embedded forms, then those of the installed, the region's and the user's folders;
    /// the default form is the round's (the `inbox` setting's copy of the form), else the
    /// `form` setting's, else the newest.
    func catalog() throws(CommandFailure) -> FormCatalog {
        let configuration = try configuration()
        var catalog = FormCatalog.load(folders: configuration.formSearchPath.map(\.path))
        if let inbox = configuration.inbox, FileManager.default.fileExists(atPath: inbox) {
            do {
                let form = try RoundForm.read(inbox: inbox)
                catalog.add(form)
                catalog.defaultForm = (form.id, form.version)
                return catalog
            } catch {
                Console.err("feedback: " + error.message(language))
            }
        }
        if let id = configuration.form { catalog.defaultForm = (id, nil) }
        return catalog
    }
}

enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case sv, en
    var language: Language { self == .sv ? .sv : .en }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writing to standard output and error: the one path for everything the commands print.
/// Text goes through `Sanitizer.visible` (controls, bidi and format characters shown as `^[`
/// or `<U+202E>`; tab and line feed kept), so no file name, form title, draft text or error
/// message can send a raw control character to a terminal. JSON bytes come from
/// `JSONWriter.pretty`, which escapes them.
enum Console {
    static func out(_ text: String) {
        write(Sanitizer.visible(text, singleLine: false) + "\n", to: FileHandle.standardOutput)
    }

    static func err(_ text: String) {
        write(Sanitizer.visible(text, singleLine: false) + "\n", to: FileHandle.standardError)
    }

    /// JSON written by `JSONWriter.pretty` (already terminal-safe).
    static func out(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// JSON on standard error, when standard output carries a file (`-o -`).
    static func err(bytes: [UInt8]) {
        FileHandle.standardError.write(Data(bytes))
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
