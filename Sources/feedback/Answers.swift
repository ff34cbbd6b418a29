import ArgumentParser
import FeedbackAnswers
import FeedbackBoard
import FeedbackDocuments
import FeedbackModel

/// `feedback board answer INBOX COMMITTEE`: the board writes its answer to a committee's
/// accepted feedback (headless: `--template`, then `--from FILE`).
struct BoardAnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Styrelsens svar på en nämnds återkoppling / the board's answer to a committee's feedback.",
        discussion: """
            --template prints the answer to fill as JSON: every heading with "judgement" (one of the form's
            answers.judgements, see feedback schema --answer) and "text" (the motivation), and for the tables
            the form names every row with a "decision". --from FILE takes the filled file back, checks it
            against the form and the committee's accepted export, signs it with the board's key and publishes
            it in DIR/answers/ as the next revision (an earlier revision stays). Exit 0 when published, 1
            when the answer has problems (each named with its place), 2 when the inbox or key cannot be used.
            """
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Skriv ut svaret att fylla i / print the answer to fill in (JSON).")
    var template = false

    @Option(name: .long, help: "Det ifyllda svaret / the filled answer (JSON) to sign and publish.")
    var from: String?

    @Option(name: .long, help: "Den privata nyckeln / the private key (default: DIR/private/receipt-key.pem).")
    var key: String?

    @Argument(help: "Inkorgen / the inbox folder.")
    var inbox: String

    @Argument(help: "Nämndens id / the committee's id (e.g. hsn).")
    var committee: String

    func validate() throws {
        guard template != (from != nil) else {
            throw ValidationError("Ange --template eller --from FIL / give --template or --from FILE.")
        }
    }

    func run() throws {
        let language = common.language
        let sv = language == .sv
        let opened = try BoardCommand.open(inbox, language: language)
        guard !opened.form.answers.isEmpty else {
            throw CommandFailure(message: sv ? "feedback: formuläret \(opened.form.id) anger inga bedömningar (answers:); styrelsen kan inte svara i programmet"
                                             : "feedback: the form \(opened.form.id) declares no judgements (answers:); the board cannot answer in the program", code: 2)
        }
        let feedback: AnsweredFeedback
        do { feedback = try AnsweredFeedback.latest(in: opened, committee: committee) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        if template {
            Console.out(bytes: JSONWriter.pretty(.object(feedback.template(form: opened.form).json(form: opened.form))))
            return
        }
        guard let from else { return }
        let bytes: [UInt8]
        do { bytes = try FileStore.readLimited(path: from, limit: AnswerFile.maximumSize) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        var answer: BoardAnswer
        do { answer = try BoardAnswer.parse(bytes).answer } catch {
            throw CommandFailure(message: "feedback: \(Sanitizer.visible(from)): " + error.line(language), code: 2)
        }
        for index in answer.headings.indices { answer.headings[index].text = TextRules.nfc(answer.headings[index].text) }
        for index in answer.rows.indices { answer.rows[index].text = TextRules.nfc(answer.rows[index].text) }
        let problems = feedback.problems(of: answer) + AnswerCheck(form: opened.form).problems(answer, feedback: feedback.export.draft)
        guard problems.isEmpty else {
            Console.err(sv ? "\(Sanitizer.visible(from)): svaret publicerades inte:" : "\(Sanitizer.visible(from)): the answer was not published:")
            for problem in problems { Console.err("  " + problem.line(language)) }
            throw ExitCode(1)
        }
        let signingKey: ReceiptSigningKey
        do { signingKey = try opened.signingKey(at: key) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        let published: AnswerArchive.Published
        do {
            published = try AnswerArchive(inboxPath: opened.path).publish(answer, form: opened.form, key: signingKey,
                                                                          now: BoardCommand.stampTime(), by: Account.myName)
        } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        Console.out(sv ? "publicerat: \(Sanitizer.visible(published.path)) (revision \(published.answer.revision)): \(published.answer.tallyText(opened.form, language: language))"
                       : "published: \(Sanitizer.visible(published.path)) (revision \(published.answer.revision)): \(published.answer.tallyText(opened.form, language: language))")
    }
}

/// `feedback answer`: the committee's side of the board's answers.
struct Answers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Styrelsens svar: kontrollera och lista / the board's answers: verify and list.",
        subcommands: [AnswerVerify.self, AnswerList.self]
    )

    /// The public key trusted for answers: `--key`, else the `board-key` setting.
    static func trustedKey(_ path: String?, common: CommonOptions) throws -> ReceiptPublicKey? {
        let language = common.language
        guard let keyPath = try path ?? common.configuration().boardKey else { return nil }
        let bytes: [UInt8]
        do { bytes = try FileStore.readLimited(path: keyPath, limit: 64 * 1024) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        do { return try ReceiptPublicKey(pem: String(decoding: bytes, as: UTF8.self)) } catch {
            throw CommandFailure(message: "feedback: \(Sanitizer.visible(keyPath)): " + error.message(language), code: 2)
        }
    }
}

struct AnswerVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Kontrollera styrelsens svar / check the signature of a board answer.",
        discussion: """
            Checks the Ed25519 signature against the board's public key, and only that key: --key, else the
            board-key setting (a key found beside the file is not trusted). The file must be byte for byte as
            the board wrote it. Exit 0 when it holds, 1 when it does not, 2 when a file cannot be read or no
            key is given.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Styrelsens offentliga nyckel / the board's public key (PEM; default: the board-key setting).")
    var key: String?

    @Argument(help: "Svarsfilen / the answer file.")
    var answer: String

    func run() throws {
        let language = common.language
        let sv = language == .sv
        guard let publicKey = try Answers.trustedKey(key, common: common) else {
            throw CommandFailure(message: sv ? "feedback: ange styrelsens offentliga nyckel med --key eller inställningen board-key"
                                             : "feedback: name the board's public key with --key or the board-key setting", code: 2)
        }
        let bytes: [UInt8]
        do { bytes = try FileStore.readLimited(path: answer, limit: AnswerFile.maximumSize) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        let check = AnswerFile.verify(bytes, key: publicKey)
        Console.out(Sanitizer.visible(answer) + ": " + (check.isValid
            ? (sv ? "giltigt, signerat med styrelsens nyckel \(publicKey.id)" : "valid, signed with the board's key \(publicKey.id)")
            : (sv ? "INTE giltigt" : "NOT valid")))
        if let a = check.answer {
            Console.out(sv ? "  svar till \(Sanitizer.visible(a.feedback.committeeID)) revision \(a.revision), på export revision \(a.feedback.revision) (innehåll \(Sanitizer.visible(a.feedback.contentSha256)))"
                           : "  answer to \(Sanitizer.visible(a.feedback.committeeID)) revision \(a.revision), on export revision \(a.feedback.revision) (content \(Sanitizer.visible(a.feedback.contentSha256)))")
        }
        for problem in check.problems { Console.out("  " + Sanitizer.visible(problem[language])) }
        if !check.isValid { throw ExitCode(1) }
    }
}

struct AnswerList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Styrelsens svar på dina inlämningar / the board's answers to your hand-ins.",
        discussion: """
            For each document handed in with feedback submit (the newest hand-in), the board's newest answer to
            exactly that content, checked against the key the inbox had at the hand-in (or the board-key
            setting when set).
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "text or json")
    var format: OutputFormat = .text

    func run() throws {
        let language = common.language
        let configuration = try common.configuration()
        let pinned = try Answers.trustedKey(nil, common: common)
        let entries = AnswerIndex(dataFolder: configuration.draftsFolder, pinnedKey: pinned).entries()
        if format == .json {
            Console.out(bytes: JSONWriter.pretty(.object(JSONObject([("answers", .array(entries.map { e in
                .object(JSONObject([
                    ("committee", .string(e.record.committeeID)), ("documentId", .string(e.record.documentID)),
                    ("revision", .integer(e.record.revision)), ("inbox", .string(e.record.inbox)),
                    ("answer", e.path.map { .string($0) } ?? .null), ("answerRevision", e.answer.map { .integer($0.revision) } ?? .null),
                    ("judgements", e.answer.map { answer in .object(JSONObject(answer.headings.map { ($0.sectionID, $0.judgement.map { .string($0) } ?? .null) })) } ?? .null),
                    ("line", .string(e.line(language))),
                ]))
            }))]))))
            return
        }
        if entries.isEmpty {
            Console.out(language == .sv ? "Inga inlämningar ännu (feedback submit UTKAST --inbox DIR)." : "No hand-ins yet (feedback submit DRAFT --inbox DIR).")
        }
        for e in entries {
            Console.out("\(Sanitizer.visible(e.record.committeeID)) r\(e.record.revision)  \(e.line(language))" + (e.path.map { "  " + Sanitizer.visible($0) } ?? ""))
        }
    }
}

/// `feedback render ANSWER.json`: the dialogue meeting's document.
enum AnswerRendering {
    /// Whether the file is a board answer (its `format` member), read cheaply.
    static func isAnswer(_ path: String) -> Bool {
        guard let bytes = try? FileStore.readLimited(path: path, limit: AnswerFile.maximumSize),
              case .object(let object)? = try? JSONParser.parse(bytes) else { return false }
        return object["format"]?.stringValue == BoardAnswer.format
    }

    /// The document of a published answer: verified with the trusted key (--key's board-key
    /// setting, else the public key of the inbox it lies in), beside the export it answers.
    static func render(_ path: String, inboxPath: String?, format: DocumentFormat, language: Language, messages: Language,
                       common: CommonOptions, template: DocxTemplate?) throws -> (bytes: [UInt8], name: String) {
        let sv = messages == .sv
        let bytes: [UInt8]
        do { bytes = try FileStore.readLimited(path: path, limit: AnswerFile.maximumSize) } catch {
            throw CommandFailure(message: "feedback: " + error.message(messages), code: 2)
        }
        // An answer lies in INBOX/answers/.
        let inboxFolder = inboxPath ?? FileStore.directory(of: FileStore.directory(of: path))
        let inbox: Inbox
        do { inbox = try Inbox.open(inboxFolder) } catch {
            throw CommandFailure(message: (sv ? "feedback: inkorgen till svaret kan inte öppnas (ange den med --inbox): " : "feedback: the answer's inbox cannot be opened (name it with --inbox): ")
                                 + error.message(messages), code: 2)
        }
        let key = try Answers.trustedKey(nil, common: common) ?? inbox.publicKey
        let check = AnswerFile.verify(bytes, key: key)
        guard let answer = check.answer, check.isValid else {
            throw CommandFailure(message: "feedback: \(Sanitizer.visible(path)): " + (check.problems.first?[messages] ?? ""), code: 1)
        }
        let export: ExportFile
        do { export = try AnsweredFeedback.named(by: answer, inboxPath: inbox.path, form: inbox.form) } catch {
            throw CommandFailure(message: "feedback: " + error.message(messages), code: 2)
        }
        do {
            return (try AnswerDocument.render(answer: answer, feedback: export.draft, form: inbox.form, format: format, language: language, template: template),
                    AnswerDocument.fileName(answer: answer, format: format))
        } catch {
            throw CommandFailure(message: error.message(messages), code: 2)
        }
    }
}

/// `feedback board traceability DIR`: committee × heading → the board's judgement.
struct BoardTraceability: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "traceability",
        abstract: "Spårbarhet: nämnd × rubrik → styrelsens bedömning / traceability of the board's answers.",
        discussion: """
            A table of every committee and heading with the board's judgement (from each committee's newest
            answer that verifies with the inbox's key), then each committee's motivations, then every row
            decision (the investment objects and whether they enter the plan). .docx, .html or .md; without
            -o the text formats go to standard output.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "docx, html or md (default: from -o's extension, else md).")
    var format: DocumentFormatOption?

    @Option(name: [.short, .customLong("output")], help: "Filen som skrivs / the file to write.")
    var output: String?

    @Argument(help: "Inkorgen / the inbox folder.")
    var inbox: String

    func run() throws {
        let language = common.language
        let documentLanguage = common.lang?.language ?? .sv
        let opened = try BoardCommand.open(inbox, language: language)
        let format = self.format?.format ?? output.flatMap(DocumentFormatOption.fromExtension) ?? .md
        if format == .docx && (output == nil || output == "-") {
            throw CommandFailure(message: language == .sv ? "feedback: ange -o FIL för docx" : "feedback: give -o FILE for docx", code: 2)
        }
        let bytes: [UInt8]
        do {
            bytes = try AnswerTraceability.render(AnswerTraceability.load(opened), form: opened.form, format: format,
                                                  language: documentLanguage, date: BoardCommand.stampTime())
        } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        guard let output, output != "-" else {
            Console.out(bytes: bytes)
            return
        }
        do { try FileStore().save(bytes, to: output, newFileMode: 0o644) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        Console.out(Sanitizer.visible(output))
    }
}
