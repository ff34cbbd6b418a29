import ArgumentParser
import FeedbackInterface
import FeedbackManual
import FeedbackModel

/// `feedback generate-manual`: the man page feedback(1), for `Scripts/package`. Hidden from
/// help: administrators read the result with `man feedback`.
struct GenerateManual: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Skriv ut manualsidan feedback(1) / print the manual page feedback(1) as man(7) source.",
        shouldDisplay: false
    )

    /// `--lang` (sv or en) chooses the page's language; English unless given.
    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "The page's date, YYYY-MM-DD (default: from SOURCE_DATE_EPOCH, else today).")
    var date: String?

    func validate() throws {
        if let date, SimpleDate(iso: date) == nil { throw ValidationError("--date: \(Sanitizer.visible(date)) is not YYYY-MM-DD") }
    }

    func run() throws {
        let tool: CommandReference
        do {
            tool = try CommandReference.parse(dumpHelp: Array(Feedback._dumpHelp().utf8))
        } catch {
            throw CommandFailure(message: "feedback generate-manual: \(error.problem)", code: 2)
        }
        let language = common.lang?.language ?? .en
        // The KEYS section is the interface's own keymap, the table its dispatch and help read.
        let keys = Keymap.reference(language: language).map { section in
            ManualKeySection(title: section.title, rows: section.rows.map { ManualKeyRow(keys: $0.keys, help: $0.help) })
        }
        let page = ManualPage(tool: tool, keys: keys, language: language, version: ProgramVersion.current,
                              date: date ?? Drafts.exportTime().date.description)
        Console.out(bytes: Array(page.roff().utf8))
    }
}
