import ArgumentParser
import FeedbackHistory
import FeedbackModel

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Jämför två versioner / compare two versions of a committee's feedback.",
        discussion: """
            A and B are drafts or exports, of the same round or of two rounds. Shown: metadata \
            changes; per heading the changed paragraphs with the words removed [-like this-] and \
            added {+like this+}; table rows added, removed and changed, amounts per year with the \
            difference. Rows are matched by name, so moving a row is not a change; white space \
            inside a paragraph is not compared. Exit 0 when equal, 1 when they differ, 2 when a \
            file cannot be read. --format json: the shape in Sources/FeedbackHistory/Diff/diff-format.md.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "text or json")
    var format: OutputFormat = .text

    @Argument(help: "Den tidigare versionen / the earlier version (draft or export).")
    var a: String

    @Argument(help: "Den senare versionen / the later version (draft or export).")
    var b: String

    func run() throws {
        let language = common.language
        let catalog = try common.catalog()
        let before: PastFeedback
        let after: PastFeedback
        do {
            before = try PastFeedbackReader.read(path: a, catalog: catalog)
            after = try PastFeedbackReader.read(path: b, catalog: catalog)
        } catch {
            throw CommandFailure(message: error.message(language), code: 2)
        }
        let diff = FeedbackDiff.between(before, after)
        switch format {
        case .text: Console.out(DiffRendering.text(diff, a: before, b: after, language: language))
        case .json: Console.out(bytes: JSONWriter.pretty(DiffRendering.json(diff, a: before, b: after)))
        }
        if !diff.isEqual { throw ExitCode(1) }
    }
}
