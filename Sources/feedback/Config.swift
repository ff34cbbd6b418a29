import ArgumentParser
import FeedbackConfiguration
import FeedbackModel

struct Config: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Visa inställningarna som gäller / show the settings in effect and where each came from.",
        discussion: """
            Settings are read from /etc/feedback/config, then $XDG_CONFIG_HOME/feedback/config \
            (~/.config/feedback/config), then FEEDBACK_* environment variables, then flags; what is \
            read later wins. The files hold `key = value` lines and `#` comment lines; unknown keys \
            are refused with the file and line. --template prints a commented file naming every key. \
            Exit 2 when a configuration file cannot be read or trusted.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "text or json")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Skriv ut en kommenterad konfigurationsfil / print a commented configuration file.")
    var template = false

    func run() throws {
        let language = common.language
        if template {
            Console.out(bytes: Array(ConfigurationTemplate.text(language).utf8))
            return
        }
        let report = ConfigurationReport(try common.configuration())
        switch format {
        case .text: Console.out(report.text(language))
        case .json: Console.out(bytes: JSONWriter.pretty(report.json()))
        }
    }
}
