import ArgumentParser
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
            """,
        version: Exporter.generatorVersion,
        subcommands: [Fill.self, New.self, Validate.self, Export.self, Diff.self, Render.self, Import.self, Submit.self, Schema.self, Forms.self, Board.self, Receipts.self]
    )

    @OptionGroup var common: CommonOptions
    @OptionGroup var options: InterfaceOptions

    func run() throws {
        try Fill.openInterface(draftPath: nil, common: common, options: options)
    }

    /// Runs the command line, mapping every usage error to exit code 2.
    static func main() {
        // A hidden self-test of the terminal backend, driven by the end-to-end tests.
        if CommandLine.arguments.dropFirst().first == "__terminal-selftest" {
            Foundation.exit(TerminalSelfTest.run(arguments: Array(CommandLine.arguments.dropFirst(2))))
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
                FileHandle.standardError.write(Data((failure.message + "\n").utf8))
                Foundation.exit(failure.code)
            }
            // Argument errors: ArgumentParser's message, our exit code.
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
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
    @Option(name: .long, help: "Språk för meddelanden / language of messages: sv or en (default: from LANG, else sv).")
    var lang: LanguageOption?

    @Option(name: .long, help: "Mapp med formulärdefinitioner / folder of form definitions (default: $FEEDBACK_FORMS, else ./Forms if present).")
    var forms: String?

    var language: Language {
        lang?.language ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    /// The embedded forms plus those in the forms folder.
    func catalog() -> FormCatalog {
        FormCatalog.load(folder: formsFolder)
    }

    var formsFolder: String? {
        if let forms { return forms }
        if let env = ProcessInfo.processInfo.environment["FEEDBACK_FORMS"], !env.isEmpty { return env }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "Forms", isDirectory: &isDirectory), isDirectory.boolValue { return "Forms" }
        return nil
    }
}

enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case sv, en
    var language: Language { self == .sv ? .sv : .en }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writing to standard output and error.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func out(bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
