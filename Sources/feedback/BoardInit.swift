import ArgumentParser
import FeedbackBoard
import FeedbackModel

struct BoardInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Skapa en inkorg för en planeringsomgång / make an inbox for a planning round.",
        discussion: """
            Makes DIR (new or empty) with incoming/, accepted/, refused/, receipts/, a copy of the form,
            a README for board staff and the board's Ed25519 key pair for receipts (private key in
            private/, mode 0600; public key receipt-key.pub). With --group GROUP the folders are set up
            for a shared server: secretaries in GROUP can hand in, nobody can remove or replace
            another's file (setgid, sticky bit; see the README it writes).
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Formulärets id / form id (default: the shipped form).")
    var form: String?

    @Option(name: .long, help: "Gruppen som får lämna in på en delad server / the group that may hand in on a shared server.")
    var group: String?

    @Argument(help: "Inkorgens mapp / the inbox folder.")
    var inbox: String

    func run() throws {
        let language = common.language
        let catalog = try common.catalog()
        guard let definition = catalog.latest(id: form) else {
            let known = Set(catalog.forms.map(\.id)).sorted().joined(separator: ", ")
            throw CommandFailure(message: language == .sv ? "Okänt formulär \(Sanitizer.visible(form ?? "")) (kända: \(known))."
                                                          : "Unknown form \(Sanitizer.visible(form ?? "")) (known: \(known)).", code: 2)
        }
        let created: Inbox
        do { created = try InboxSetup.create(at: inbox, form: definition, group: group, now: Drafts.now()) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        let path = Sanitizer.visible(created.path)
        if !definition.review.isEmpty {
            // `form next` left things for a person to check: say so where the round starts.
            Console.err(language == .sv ? "obs: formuläret har kvar att granska (review: i filen):" : "note: the form still has things to review (review: in the file):")
            for item in definition.review { Console.err("  - " + item) }
        }
        if language == .sv {
            Console.out("Inkorg skapad: \(path) för \(definition.id) version \(definition.version), sista dag \(definition.deadline).")
            Console.out("Nämnderna lämnar in med: feedback submit UTKAST --inbox \(path)")
            Console.out("Kvittensnyckel \(created.publicKey.id): \(Sanitizer.visible(created.publicKeyPath)) (privat: \(Sanitizer.visible(created.privateKeyPath)))")
            Console.out(group == nil ? "Bara du kan lämna in här; för en delad server: feedback board init DIR --group GRUPP (se README.md)."
                                     : "Gruppen \(Sanitizer.visible(group ?? "")) kan lämna in; ingen kan ta bort eller byta ut en annans fil.")
        } else {
            Console.out("Inbox made: \(path) for \(definition.id) version \(definition.version), deadline \(definition.deadline).")
            Console.out("Committees hand in with: feedback submit DRAFT --inbox \(path)")
            Console.out("Receipt key \(created.publicKey.id): \(Sanitizer.visible(created.publicKeyPath)) (private: \(Sanitizer.visible(created.privateKeyPath)))")
            Console.out(group == nil ? "Only you can hand in here; for a shared server: feedback board init DIR --group GROUP (see README.md)."
                                     : "The group \(Sanitizer.visible(group ?? "")) can hand in; nobody can remove or replace another's file.")
        }
    }
}
