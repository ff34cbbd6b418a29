import ArgumentParser
import FeedbackModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Kontrollera utkast / check drafts against their form.",
        discussion: """
            Exit 0 when no draft has errors (warnings allowed), 1 when one has, 2 when a file cannot be read. \
            A draft that is not decided after the form's deadline is reported as a warning; today is the \
            local date, or FEEDBACK_TODAY=YYYY-MM-DD (or SOURCE_DATE_EPOCH) when set.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "text or json")
    var format: OutputFormat = .text

    @Argument(help: "Utkastfiler / draft files.")
    var drafts: [String]

    func validate() throws {
        guard !drafts.isEmpty else { throw ValidationError("Ange minst ett utkast / name at least one draft.") }
    }

    func run() throws {
        try Validate.check(drafts, format: format, common: common.settings)
    }

    /// Validates the drafts and prints the findings; exit 1 on errors, 2 on an unreadable file.
    static func check(_ drafts: [String], format: OutputFormat, common: CommonSettings) throws {
        let language = common.language
        let catalog = try common.catalog()
        let today = try Drafts.today(language: language)
        var worst: Int32 = 0
        var results: [JSONValue] = []
        for path in drafts {
            do {
                let (draft, form) = try Drafts.load(path, catalog: catalog, language: language)
                let findings = Validator(form: form, today: today).validate(draft)
                if findings.hasErrors { worst = max(worst, 1) }
                switch format {
                case .text: Console.out(FindingsReport.text(file: path, findings: findings, form: form, language: language))
                case .json: results.append(FindingsReport.json(file: path, findings: findings, form: form))
                }
            } catch {
                worst = 2
                switch format {
                case .text: Console.err(error.message)
                case .json:
                    results.append(.object(JSONObject([("file", .string(path)), ("valid", .bool(false)),
                                                       ("error", .string(error.message))])))
                }
            }
        }
        if format == .json {
            Console.out(bytes: JSONWriter.pretty(.object(JSONObject([("files", .array(results))]))))
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
