import ArgumentParser
import FeedbackBoard
import FeedbackModel

/// `feedback receipt`: the secretary's and the auditor's side of receipts.
struct Receipts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Kvittenser: kontrollera och lista / receipts: verify and list.",
        subcommands: [ReceiptVerify.self, ReceiptList.self]
    )
}

struct ReceiptVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Kontrollera en kvittens / check a receipt's signature, and that it matches an export file.",
        discussion: """
            Checks the Ed25519 signature with the board's public key (--key, default: receipt-key.pub
            of the inbox the receipt lies in) and that the file is byte for byte as the board wrote
            it; with --export, that the receipt is for exactly that file. Exit 0 when it holds, 1 when
            it does not, 2 when a file cannot be read.
            """
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Styrelsens offentliga nyckel / the board's public key (PEM).")
    var key: String?

    @Option(name: .long, help: "Exportfilen kvittensen ska gälla / the export file the receipt should be for.")
    var export: String?

    @Option(name: .long, help: "text or json")
    var format: OutputFormat = .text

    @Argument(help: "Kvittensen / the receipt file.")
    var receipt: String

    func run() throws {
        let language = common.language
        let sv = language == .sv
        func read(_ path: String, limit: Int) throws(CommandFailure) -> [UInt8] {
            do { return try FileStore.readLimited(path: path, limit: limit) } catch {
                throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
            }
        }
        let bytes = try read(receipt, limit: ReceiptFile.maximumSize)
        // --key, else the board-key setting (the region's configuration), else the inbox's own
        // public key beside the receipts folder.
        let keyPath = try key ?? common.configuration().boardKey ?? FileStore.directory(of: FileStore.directory(of: receipt)) + "/" + InboxLayout.publicKey
        guard FileStore().exists(keyPath) else {
            throw CommandFailure(message: sv ? "feedback: styrelsens offentliga nyckel finns inte i \(Sanitizer.visible(keyPath)); ange den med --key"
                                             : "feedback: the board's public key is not at \(Sanitizer.visible(keyPath)); name it with --key", code: 2)
        }
        let publicKey: ReceiptPublicKey
        do { publicKey = try ReceiptPublicKey(pem: String(decoding: try read(keyPath, limit: 64 * 1024), as: UTF8.self)) } catch let error as BoardError {
            throw CommandFailure(message: "feedback: \(Sanitizer.visible(keyPath)): " + error.message(language), code: 2)
        }
        let check = ReceiptFile.verify(bytes, key: publicKey)
        var problems = check.problems
        if let export, let parsed = check.receipt {
            problems += ReceiptFile.matches(parsed, export: try read(export, limit: DraftCodec.maximumSize))
        }
        if format == .json {
            Console.out(bytes: JSONWriter.pretty(.object(JSONObject([
                ("receipt", .string(receipt)), ("valid", .bool(check.receipt != nil && problems.isEmpty)),
                ("keyId", .string(publicKey.id)),
                ("decision", check.receipt.map { .string($0.decision.rawValue) } ?? .null),
                ("problems", .array(problems.map { .object(JSONObject([("sv", .string($0.sv)), ("en", .string($0.en))])) })),
            ]))))
        } else {
            Console.out(Sanitizer.visible(receipt) + ": " + (problems.isEmpty && check.receipt != nil
                ? (sv ? "giltig, signerad med styrelsens nyckel \(publicKey.id)" : "valid, signed with the board's key \(publicKey.id)")
                : (sv ? "INTE giltig" : "NOT valid")))
            if let r = check.receipt { Console.out("  " + ReceiptVerify.describe(r, language)) }
            for problem in problems { Console.out("  " + Sanitizer.visible(problem[language])) }
            if export != nil && problems.isEmpty {
                Console.out(sv ? "  exportfilen är den som lämnades in" : "  the export file is the one handed in")
            }
        }
        if check.receipt == nil || !problems.isEmpty { throw ExitCode(1) }
    }

    static func describe(_ r: Receipt, _ language: Language) -> String {
        let sv = language == .sv
        let who = Sanitizer.visible(r.export.committeeID ?? "?")
        let revision = r.export.revision.map { "r\($0)" } ?? "r?"
        let verdict = r.isAccepted ? (sv ? "godkänd" : "accepted") : (sv ? "avvisad" : "refused")
        let time = r.onTime ? (sv ? "i tid" : "on time") : (sv ? "sen" : "late")
        return sv ? "\(who) \(revision), \(verdict), inlämnad \(SwedishTime.minuteText(r.handIn.handedInAt)) av \(Sanitizer.visible(r.handIn.owner)), mottagen \(SwedishTime.minuteText(r.receivedAt)), \(time); fil \(Sanitizer.visible(r.handIn.file)) sha256 \(Sanitizer.visible(r.handIn.sha256))"
                  : "\(who) \(revision), \(verdict), handed in \(SwedishTime.minuteText(r.handIn.handedInAt)) by \(Sanitizer.visible(r.handIn.owner)), received \(SwedishTime.minuteText(r.receivedAt)), \(time); file \(Sanitizer.visible(r.handIn.file)) sha256 \(Sanitizer.visible(r.handIn.sha256))"
    }
}

struct ReceiptList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Dina inlämningar och deras kvittenser / your hand-ins and their receipts.",
        discussion: "Reads the hand-ins recorded in the data folder by `feedback submit` and checks each receipt."
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "text or json")
    var format: OutputFormat = .text

    func run() throws {
        let language = common.language
        let index = ReceiptIndex(dataFolder: try common.configuration().draftsFolder)
        let summaries = index.records().map(index.summary(for:))
        if format == .json {
            Console.out(bytes: JSONWriter.pretty(.object(JSONObject([("handIns", .array(summaries.map { s in
                .object(JSONObject([
                    ("committee", .string(s.record.committeeID)), ("documentId", .string(s.record.documentID)),
                    ("revision", .integer(s.record.revision)), ("inbox", .string(s.record.inbox)), ("file", .string(s.record.file)),
                    ("state", .string(s.state.rawValue)), ("line", .string(s.line(language))),
                    ("receipt", s.receiptPath.map { .string($0) } ?? .null),
                ]))
            }))]))))
            return
        }
        if summaries.isEmpty {
            Console.out(language == .sv ? "Inga inlämningar ännu (feedback submit UTKAST --inbox DIR)." : "No hand-ins yet (feedback submit DRAFT --inbox DIR).")
        }
        for s in summaries {
            Console.out("\(Sanitizer.visible(s.record.committeeID)) r\(s.record.revision)  \(s.line(language))  \(Sanitizer.visible(s.record.inbox))")
        }
    }
}
