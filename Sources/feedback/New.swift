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
        guard !store.exists(path) else {
            throw CommandFailure(message: language == .sv ? "\(Sanitizer.visible(path)) finns redan; ingenting skrevs över."
                                                          : "\(Sanitizer.visible(path)) already exists; nothing was overwritten.", code: 2)
        }
        let draft = Draft.new(form: definition, committee: committee, documentID: UUID().uuidString.lowercased(), now: Drafts.now())
        do {
            try store.save(DraftCodec.encode(draft, form: definition), to: path)
        } catch {
            throw CommandFailure(message: error.message(language), code: 2)
        }
        Console.out(path)
    }
}
