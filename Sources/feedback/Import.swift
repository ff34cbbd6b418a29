import ArgumentParser
import FeedbackDocuments
import FeedbackModel
import Foundation

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Läs in ett Word- eller Markdown-dokument i ett utkast / import a Word or Markdown document into a draft.",
        discussion: """
            Reads a .docx or .md written to the form (by a person in Word, or by feedback render): headings by number
            ("1.", "1 ", "Rubrik 1") or title, tables by their header cells, the metadata table. Tracked changes are
            read as accepted; comments are ignored. Prints what went where and every text it could not place; that
            text goes to a side file DRAFT.unplaced.txt (default) or, with --unplaced other, under the form's last heading with a text field (or its fallbackSection).
            --into refuses to overwrite a non-empty heading, table or value unless --replace (exit 1, nothing
            written). --dry-run writes nothing. Exit 0 ok, 1 refused, 2 unreadable input or usage.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Utkastet att läsa in i / the draft to import into.")
    var into: String?

    @Option(name: [.short, .customLong("output")], help: "Skapa ett nytt utkast / create a new draft at this path \(OutputFile.helpSuffix); the report then goes to standard error.")
    var output: String?

    @Option(name: .long, help: "Nämndens id för ett nytt utkast (standard: ur dokumentet) / committee id for a new draft (default: from the document).")
    var committee: String?

    @Option(name: .long, help: "Formulärets id för ett nytt utkast / form id for a new draft (default: the shipped form).")
    var form: String?

    @Flag(name: .long, help: "Visa vad som skulle hända, skriv ingenting / show what would happen, write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Ersätt rubriker och värden som redan har innehåll / replace headings and values that have content.")
    var replace = false

    @Option(name: .long, help: "side-file (standard) eller other: var text som inte kan placeras hamnar / where text that cannot be placed goes.")
    var unplaced: UnplacedOption = .sideFile

    @Option(name: .long, help: "text or json")
    var format: OutputFormat = .text

    @Argument(help: "Dokumentet / the document (.docx or .md).")
    var document: String

    func validate() throws {
        if into != nil && output != nil { throw ValidationError("Ange --into eller -o, inte båda / give --into or -o, not both.") }
        if into == nil && output == nil && !dryRun { throw ValidationError("Ange --into UTKAST eller -o NYTT (eller --dry-run) / give --into DRAFT or -o NEW (or --dry-run).") }
    }

    func run() throws {
        let language = common.language
        let sv = language == .sv
        let catalog = try common.catalog()
        let options = ImportOptions(unplaced: unplaced.value, replace: replace)

        var lock: DraftLock?
        defer { lock?.release() }
        var target: Draft
        var definition: FormDefinition
        if let into {
            (target, definition) = try Drafts.load(into, catalog: catalog, language: language)
        } else {
            guard let found = catalog.latest(id: form) else {
                throw CommandFailure(message: sv ? "Okänt formulär \(Sanitizer.visible(form ?? ""))." : "Unknown form \(Sanitizer.visible(form ?? "")).", code: 2)
            }
            definition = found
            if let committee, definition.committee(id: committee) == nil {
                throw CommandFailure(message: sv ? "Okänd nämnd \(Sanitizer.visible(committee))." : "Unknown committee \(Sanitizer.visible(committee)).", code: 2)
            }
            if let output, !OutputFile.isStandardOutput(output), FileStore().exists(output) {
                throw CommandFailure(message: sv ? "\(Sanitizer.visible(output)) finns redan; ingenting skrevs över." : "\(Sanitizer.visible(output)) already exists; nothing was overwritten.", code: 2)
            }
            target = Draft.new(form: definition, committee: committee ?? "", documentID: UUID().uuidString.lowercased(), now: Drafts.now())
        }

        let importer = DocumentImporter(form: definition)
        let read: ReadDocument
        do { read = try importer.read(document) } catch {
            throw CommandFailure(message: error.message(language), code: 2)
        }
        if let into, !dryRun {
            // Nobody else may be editing the draft while it is imported into.
            switch DraftLock.acquire(for: into, now: Drafts.now()) {
            case .acquired(let acquired): lock = acquired
            case .held(let holder, _):
                throw CommandFailure(message: (sv ? "\(Sanitizer.visible(into)) är öppet i feedback: " : "\(Sanitizer.visible(into)) is open in feedback: ")
                    + holder.description(language) + (sv ? ". Stäng det först; ingenting ändrades." : ". Close it first; nothing was changed."), code: 2)
            case .refused(let error):
                // A planted or foreign file where the lock must go.
                throw CommandFailure(message: error.message(language) + (sv ? "; ingenting ändrades." : "; nothing was changed."), code: 2)
            case .unavailable: break
            }
        }
        var result = importer.importing(read, into: target, options: options)
        if into == nil && committee == nil {
            // A new draft takes its committee from the document.
            guard let found = result.committee else {
                if dryRun {
                    print(result, language: language)
                    return
                }
                throw CommandFailure(message: sv ? "Dokumentet säger inte vilken nämnd det är från; ange --committee." : "The document does not say which committee it is from; give --committee.", code: 2)
            }
            target = Draft.new(form: definition, committee: found, documentID: target.documentID, now: target.created)
            result = importer.importing(read, into: target, options: options)
        }
        print(result, language: language)
        guard result.canApply else { throw ExitCode(1) }
        if dryRun {
            Console.err(sv ? "Provkörning: ingenting skrevs." : "Dry run: nothing was written.")
            return
        }
        let path = into ?? output ?? ""
        let store = FileStore()
        if let side = result.sideFileText {
            // Beside the draft, or beside the document when the draft goes to standard output.
            let sidePath = Import.freeName(for: OutputFile.isStandardOutput(path) ? document : path, store: store)
            do { try store.save(Array(side.utf8), to: sidePath) } catch { throw CommandFailure(message: error.message(language), code: 2) }
            Console.err((sv ? "Text som inte kunde placeras: " : "Text that could not be placed: ") + Sanitizer.visible(sidePath))
        }
        guard !result.changes.isEmpty || into == nil else {
            Console.err(sv ? "Utkastet hade redan detta innehåll; det ändrades inte." : "The draft already had this content; it was not changed.")
            return
        }
        var written = result.applied(to: target)
        written.revision += 1
        written.modified = Drafts.now()
        // With --format json standard output is the report alone.
        try OutputFile.write(DraftCodec.encode(written, form: definition), to: path, language: language, mode: 0o600,
                             pathToStandardError: format == .json)
    }

    /// The report: on standard output, or on standard error when the new draft goes there.
    private func print(_ result: DocumentImport, language: Language) {
        let toError = OutputFile.isStandardOutput(output)
        switch format {
        case .text: toError ? Console.err(result.report.text(language)) : Console.out(result.report.text(language))
        case .json:
            let bytes = JSONWriter.pretty(result.report.json())
            toError ? Console.err(bytes: bytes) : Console.out(bytes: bytes)
        }
    }

    /// `hsn.unplaced.txt` beside `hsn.json`, or the next free `hsn.unplaced-2.txt`.
    static func freeName(for draft: String, store: FileStore) -> String {
        let base = draft.hasSuffix(".json") ? String(draft.dropLast(5)) : draft
        for n in 1...1000 {
            let candidate = n == 1 ? base + ".unplaced.txt" : base + ".unplaced-\(n).txt"
            if !store.exists(candidate) { return candidate }
        }
        return base + ".unplaced-\(UUID().uuidString.prefix(8)).txt"
    }
}

enum UnplacedOption: String, ExpressibleByArgument, CaseIterable {
    case sideFile = "side-file"
    case other

    var value: ImportOptions.Unplaced { self == .sideFile ? .sideFile : .otherHeading }
}
