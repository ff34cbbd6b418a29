import ArgumentParser
import FeedbackConfiguration
import FeedbackHistory
import FeedbackModel
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Skapa ett nytt utkast / create a new draft for a committee.",
        discussion: """
            With --from LAST.json (an export or a draft of an earlier round) the draft starts from \
            last year's feedback: the texts of the headings this form still has, the table rows with \
            their amounts moved to this plan period, the contact person. Everything carried over is \
            marked "från föregående år" until it is edited or confirmed; what has no place in this \
            form is kept in notes. The path of the new draft is printed on standard output, what was \
            carried over on standard error.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Nämndens id ur formuläret / the committee's id from the form (see `feedback forms`); with --from, the file's committee by default.")
    var committee: String?

    @Option(name: .long, help: "Formulärets id / form id (default: the shipped form).")
    var form: String?

    @Option(name: .long, help: "Börja från föregående års export eller utkast / start from last year's export or draft.")
    var from: String?

    @Option(name: [.short, .customLong("output")], help: "Var utkastet sparas / where to write the draft (default: the drafts folder, see `feedback config`) \(OutputFile.helpSuffix).")
    var output: String?

    func run() throws {
        let language = common.language
        let catalog = try common.catalog()
        guard let definition = catalog.latest(id: form) else {
            let known = Set(catalog.forms.map(\.id)).sorted().joined(separator: ", ")
            throw CommandFailure(message: language == .sv ? "Okänt formulär \(Sanitizer.visible(form ?? "")) (kända: \(known))."
                                                          : "Unknown form \(Sanitizer.visible(form ?? "")) (known: \(known)).", code: 2)
        }
        var past: PastFeedback?
        if let from {
            // Kept as an absolute path in the draft, so the interface finds last year's text
            // whatever folder it is started from.
            let path = from.hasPrefix("/") ? from : FileManager.default.currentDirectoryPath + "/" + from
            do { past = try PastFeedbackReader.read(path: path, catalog: catalog) } catch {
                throw CommandFailure(message: error.message(language), code: 2)
            }
        }
        let committeeID = try self.committeeID(past: past, form: definition, language: language)
        let store = FileStore()
        let path: String
        if let output {
            path = output
        } else {
            // The same names as the start screen gives: FORM_COMMITTEE.json, then -2, -3 …
            let folder = try common.configuration().draftsFolder
            do { try store.makeDirectory(folder) } catch { throw CommandFailure(message: error.message(language), code: 2) }
            var attempt = 1
            var candidate = folder + "/" + DraftFiles.newDraftName(form: definition, committee: committeeID, attempt: attempt)
            while store.exists(candidate) && attempt < 1000 {
                attempt += 1
                candidate = folder + "/" + DraftFiles.newDraftName(form: definition, committee: committeeID, attempt: attempt)
            }
            path = candidate
        }
        let documentID = UUID().uuidString.lowercased()
        var draft = Draft.new(form: definition, committee: committeeID, documentID: documentID, now: Drafts.now())
        var summary: CarrySummary?
        if let past {
            if past.hashMatches == false {
                Console.err(language == .sv
                    ? "feedback: obs: \(Sanitizer.visible(past.fileName)) har ändrats efter exporten (innehållet stämmer inte med contentSha256)"
                    : "feedback: note: \(Sanitizer.visible(past.fileName)) was changed after it was exported (the content does not match contentSha256)")
            }
            let result = CarryOver(form: definition).draft(from: past, committee: committeeID, documentID: documentID, now: Drafts.now())
            draft = result.draft
            summary = result.summary
        }
        if OutputFile.isStandardOutput(output) {
            try OutputFile.write(DraftCodec.encode(draft, form: definition), to: OutputFile.standardOutput, language: language)
            for line in summary?.lines(language) ?? [] { Console.err(Sanitizer.visible(line)) }
            return
        }
        do {
            // Created without replacing anything: a file, a link (even a dangling one) or a
            // FIFO already at the path stays as it is.
            try store.saveNew(DraftCodec.encode(draft, form: definition), to: path)
        } catch where error.kind == .exists {
            let what = store.fileSystem.status(path, followLinks: false).map { StoreError.kindName($0.kind) }
            let sv = what.map { " (\($0.sv))" } ?? ""
            let en = what.map { " (\($0.en))" } ?? ""
            throw CommandFailure(message: language == .sv ? "\(Sanitizer.visible(path)) finns redan\(sv); ingenting skrevs över."
                                                          : "\(Sanitizer.visible(path)) already exists\(en); nothing was overwritten.", code: 2)
        } catch {
            throw CommandFailure(message: error.message(language), code: 2)
        }
        Console.out(path)
        for line in summary?.lines(language) ?? [] { Console.err(Sanitizer.visible(line)) }
    }

    /// `--committee`, else last year's; it must be one of the form's committees and, with
    /// `--from`, the committee whose feedback the file is.
    func committeeID(past: PastFeedback?, form: FormDefinition, language: Language) throws(CommandFailure) -> String {
        let known = form.committees.map { "\($0.id) (\($0.name(language)))" }.joined(separator: ", ")
        guard let id = committee ?? past?.committeeID else {
            throw CommandFailure(message: language == .sv ? "Ange nämnden med --committee. Välj en av: \(known)."
                                                          : "Name the committee with --committee. Choose one of: \(known).", code: 2)
        }
        guard form.committee(id: id) != nil else {
            throw CommandFailure(message: language == .sv ? "Okänd nämnd \(Sanitizer.visible(id)). Välj en av: \(known)."
                                                          : "Unknown committee \(Sanitizer.visible(id)). Choose one of: \(known).", code: 2)
        }
        if let past, let pastID = past.committeeID, pastID != id {
            throw CommandFailure(message: language == .sv
                ? "\(Sanitizer.visible(past.fileName)) är nämnden \(Sanitizer.visible(pastID)):s återkoppling, inte \(Sanitizer.visible(id)):s; ingenting skrevs."
                : "\(Sanitizer.visible(past.fileName)) is the feedback of committee \(Sanitizer.visible(pastID)), not \(Sanitizer.visible(id)); nothing was written.", code: 2)
        }
        return id
    }
}
