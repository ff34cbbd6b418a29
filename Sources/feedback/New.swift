import ArgumentParser
import FeedbackModel
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Skapa ett nytt utkast / create a new draft for a committee."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Nämndens id ur formuläret / the committee's id from the form (see `feedback forms`).")
    var committee: String

    @Option(name: .long, help: "Formulärets id / form id (default: the shipped form).")
    var form: String?

    @Option(name: [.short, .customLong("output")], help: "Var utkastet sparas / where to write the draft (default: the data folder).")
    var output: String?

    func run() throws {
        let language = common.language
        let catalog = common.catalog()
        guard let definition = catalog.latest(id: form) else {
            let known = Set(catalog.forms.map(\.id)).sorted().joined(separator: ", ")
            throw CommandFailure(message: language == .sv ? "Okänt formulär \(Sanitizer.visible(form ?? "")) (kända: \(known))."
                                                          : "Unknown form \(Sanitizer.visible(form ?? "")) (known: \(known)).", code: 2)
        }
        guard definition.committee(id: committee) != nil else {
            let known = definition.committees.map { "\($0.id) (\($0.name(language)))" }.joined(separator: ", ")
            throw CommandFailure(message: language == .sv ? "Okänd nämnd \(Sanitizer.visible(committee)). Välj en av: \(known)."
                                                          : "Unknown committee \(Sanitizer.visible(committee)). Choose one of: \(known).", code: 2)
        }
        let store = FileStore()
        let path: String
        if let output {
            path = output
        } else {
            // The same names as the start screen gives: FORM_COMMITTEE.json, then -2, -3 …
            let folder = Drafts.dataFolder()
            do { try store.makeDirectory(folder) } catch { throw CommandFailure(message: error.message(language), code: 2) }
            var attempt = 1
            var candidate = folder + "/" + DraftFiles.newDraftName(form: definition, committee: committee, attempt: attempt)
            while store.exists(candidate) && attempt < 1000 {
                attempt += 1
                candidate = folder + "/" + DraftFiles.newDraftName(form: definition, committee: committee, attempt: attempt)
            }
            path = candidate
        }
        let draft = Draft.new(form: definition, committee: committee, documentID: UUID().uuidString.lowercased(), now: Drafts.now())
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
    }
}
