import ArgumentParser
import FeedbackBoard
import FeedbackModel

/// `feedback board allow`: who may hand in for each committee.
struct BoardAllow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allow",
        abstract: "Vem får lämna in för en nämnd / who may hand in for a committee.",
        discussion: """
            feedback board allow DIR COMMITTEE USER|@GROUP …   allow these users and groups
            feedback board allow DIR COMMITTEE --remove USER … take them off the list
            feedback board allow DIR [COMMITTEE]               list who may hand in
            A hand-in is accepted only if its file's owner is allowed for its committee (or is the
            board's own account). Rounds made with --group take no hand-ins for a committee nobody
            is allowed for. Kept in DIR/allowed.json; see docs/handing-in.md.
            """
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Ta bort i stället för att lägga till / remove instead of adding.")
    var remove = false

    @Argument(help: "Inkorgen / the inbox folder.")
    var inbox: String

    @Argument(help: "Nämndens id / the committee's id.")
    var committee: String?

    @Argument(help: "Användare eller @grupper / users or @groups.")
    var people: [String] = []

    func run() throws {
        let language = common.language
        let sv = language == .sv
        let opened = try BoardCommand.open(inbox, language: language)
        var permissions: HandInPermissions
        do { permissions = try HandInPermissions.load(opened) } catch { throw CommandFailure(message: "feedback: " + error.message(language), code: 2) }
        if let committee, opened.form.committee(id: committee) == nil {
            let known = opened.form.committees.map(\.id).joined(separator: ", ")
            throw CommandFailure(message: sv ? "feedback: \(Sanitizer.visible(committee)) är ingen nämnd på formuläret (kända: \(known))"
                                             : "feedback: \(Sanitizer.visible(committee)) is no committee of the form (known: \(known))", code: 2)
        }
        guard let committee, !people.isEmpty else {
            if remove {
                throw CommandFailure(message: sv ? "feedback: --remove behöver en nämnd och minst en användare" : "feedback: --remove needs a committee and at least one user", code: 2)
            }
            for state in opened.form.committees where committee == nil || state.id == committee {
                Console.out(BoardAllow.line(state.id, name: state.name(language), permissions: permissions, group: opened.manifest.group, language: language))
            }
            return
        }
        if !remove {
            for entry in people {
                if let problem = HandInPermissions.problem(with: entry) {
                    throw CommandFailure(message: "feedback: " + problem[language] + (sv ? "; ingenting ändrades" : "; nothing was changed"), code: 2)
                }
            }
            permissions.add(people, to: committee)
        } else {
            permissions.remove(people, from: committee)
        }
        do { try permissions.save(to: opened) } catch { throw CommandFailure(message: "feedback: " + error.message(language), code: 2) }
        Console.out(BoardAllow.line(committee, name: opened.form.committee(id: committee)?.name(language) ?? committee,
                                    permissions: permissions, group: opened.manifest.group, language: language))
    }

    /// "kn  Kulturnämnden: alice, @kn-sek" or the warning that nobody may.
    static func line(_ committee: String, name: String, permissions: HandInPermissions, group: String?, language: Language) -> String {
        let entries = permissions.entries(for: committee)
        let sv = language == .sv
        let who = entries.isEmpty
            ? (group == nil ? (sv ? "alla som kan lägga en fil i incoming/ (ingen lista)" : "anyone who can place a file in incoming/ (no list)")
                            : (sv ? "INGEN (varning: inga inlämningar tas emot för nämnden)" : "NOBODY (warning: no hand-in is taken for the committee)"))
            : entries.map { Sanitizer.visible($0) }.joined(separator: ", ")
        return "\(Sanitizer.visible(committee))  \(Sanitizer.visible(name)): \(who)"
    }
}
