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
            Checks the Ed25519 signature with a trusted key: --key, else the board-key setting, else
            the inbox's key recorded when you handed the file in (feedback submit); and that the file
            is byte for byte as the board wrote it; with --export, that the receipt is for exactly
            that file. A key merely lying beside the receipt (receipt-key.pub) is never trusted.
            Exit 0 when it holds, 1 when it does not, 3 when the signature matches only an untrusted
            key, 2 when a file cannot be read. What is signed: docs/handing-in.md.
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
        let configuration = try common.configuration()
        // Trusted keys only: --key, else the board-key setting (the region's configuration),
        // else the key pinned when this data folder handed the file in. A key merely lying
        // beside the receipt's folder is used to say what it would show, never trusted.
        let beside = FileStore.directory(of: FileStore.directory(of: receipt)) + "/" + InboxLayout.publicKey
        let pinned = ReceiptFile.unverifiedReceipt(bytes).flatMap { ReceiptIndex(dataFolder: configuration.draftsFolder).record(for: $0) }
        let source: KeySource
        if let key { source = .given(key) } else if let setting = configuration.boardKey { source = .setting(setting) }
        else if let record = pinned, record.pinnedKey != nil { source = .handIn(record) } else { source = .beside(beside) }
        let publicKey: ReceiptPublicKey
        switch source {
        case .handIn(let record):
            guard let pinnedKey = record.pinnedKey else { throw ExitCode(2) }
            publicKey = pinnedKey
        case .given(let keyPath), .setting(let keyPath), .beside(let keyPath):
            guard FileStore().exists(keyPath) else {
                throw CommandFailure(message: sv ? "feedback: styrelsens offentliga nyckel finns inte i \(Sanitizer.visible(keyPath)); ange den med --key"
                                                 : "feedback: the board's public key is not at \(Sanitizer.visible(keyPath)); name it with --key", code: 2)
            }
            do { publicKey = try ReceiptPublicKey(pem: String(decoding: try read(keyPath, limit: 64 * 1024), as: UTF8.self)) } catch let error as BoardError {
                throw CommandFailure(message: "feedback: \(Sanitizer.visible(keyPath)): " + error.message(language), code: 2)
            }
        }
        let check = ReceiptFile.verify(bytes, key: publicKey)
        var problems = check.problems
        if let export, let parsed = check.receipt {
            problems += ReceiptFile.matches(parsed, export: try read(export, limit: DraftCodec.maximumSize))
        }
        let valid = check.receipt != nil && problems.isEmpty
        if format == .json {
            Console.out(bytes: JSONWriter.pretty(.object(JSONObject([
                ("receipt", .string(receipt)), ("valid", .bool(valid && source.isTrusted)),
                ("signatureMatches", .bool(valid)), ("trusted", .bool(source.isTrusted)),
                ("keyId", .string(publicKey.id)), ("keySource", .string(source.name)),
                ("decision", check.receipt.map { .string($0.decision.rawValue) } ?? .null),
                ("problems", .array(problems.map { .object(JSONObject([("sv", .string($0.sv)), ("en", .string($0.en))])) })),
            ]))))
        } else {
            let verdict: String
            if !valid {
                verdict = sv ? "INTE giltig" : "NOT valid"
            } else if source.isTrusted {
                verdict = sv ? "giltig, signerad med styrelsens nyckel \(publicKey.id) (\(source.text(language)))"
                             : "valid, signed with the board's key \(publicKey.id) (\(source.text(language)))"
            } else {
                verdict = sv ? "INTE BETRODD: signaturen stämmer bara med nyckeln bredvid kvittensen (\(Sanitizer.visible(beside)), id \(publicKey.id)), och den kan vem som helst ha lagt där; ange styrelsens nyckel med --key eller inställningen board-key"
                             : "NOT TRUSTED: the signature only matches the key beside the receipt (\(Sanitizer.visible(beside)), id \(publicKey.id)), which anyone could have put there; name the board's key with --key or the board-key setting"
            }
            Console.out(Sanitizer.visible(receipt) + ": " + verdict)
            if let r = check.receipt { Console.out("  " + ReceiptVerify.describe(r, language)) }
            for problem in problems { Console.out("  " + Sanitizer.visible(problem[language])) }
            if export != nil && problems.isEmpty {
                Console.out(sv ? "  exportfilen är den som lämnades in" : "  the export file is the one handed in")
            }
        }
        if !valid { throw ExitCode(1) }
        if !source.isTrusted { throw ExitCode(ReceiptVerify.untrustedExitCode) }
    }

    /// The exit code of a receipt whose signature matches only a key that is not trusted.
    static let untrustedExitCode: Int32 = 3

    /// Where the key that checks a receipt came from.
    enum KeySource {
        case given(String)
        case setting(String)
        case handIn(HandInRecord)
        /// `receipt-key.pub` beside the receipts folder: anyone who can write there could
        /// have put it there, so it is never trusted.
        case beside(String)

        var isTrusted: Bool {
            if case .beside = self { return false }
            return true
        }

        var name: String {
            switch self {
            case .given: return "key-option"
            case .setting: return "board-key-setting"
            case .handIn: return "pinned-at-hand-in"
            case .beside: return "beside-receipt-untrusted"
            }
        }

        func text(_ language: Language) -> String {
            let sv = language == .sv
            switch self {
            case .given(let path): return (sv ? "nyckeln från --key " : "the key from --key ") + Sanitizer.visible(path)
            case .setting(let path): return (sv ? "nyckeln i inställningen board-key " : "the key of the board-key setting ") + Sanitizer.visible(path)
            case .handIn(let record): return sv ? "nyckeln som sparades vid inlämningen \(SwedishTime.minuteText(record.handedInAt))"
                                               : "the key recorded at the hand-in \(SwedishTime.minuteText(record.handedInAt))"
            case .beside(let path): return Sanitizer.visible(path)
            }
        }
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
