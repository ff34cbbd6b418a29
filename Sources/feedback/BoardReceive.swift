import ArgumentParser
import FeedbackBoard
import FeedbackModel

struct BoardReceive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive",
        abstract: "Ta emot det som lämnats in och skriv kvittenser / receive what was handed in, with signed receipts.",
        discussion: """
            Checks every file in incoming/: an export of the inbox's form and version, schema-valid,
            its content hash right, every rule of the form passed, a committee on the form's list, a
            revision newer than the one accepted before; on time or late against the deadline.
            Accepted files go to accepted/, refused ones to refused/; every one gets a signed receipt
            in receipts/. Exit 0 when all were accepted, 1 when one was refused, 2 when the inbox or
            key cannot be used. --watch goes on receiving until Ctrl-C (SIGINT, SIGTERM or SIGHUP).
            """
    )

    @OptionGroup var common: CommonOptions

    @Flag(name: .long, help: "Fortsätt ta emot tills Ctrl-C / keep receiving until stopped.")
    var watch = false

    @Option(name: .long, help: "Den privata nyckeln / the private key (default: DIR/private/receipt-key.pem).")
    var key: String?

    @Option(name: .long, help: "text or json")
    var format: OutputFormat = .text

    @Argument(help: "Inkorgen / the inbox folder.")
    var inbox: String

    func run() throws {
        let language = common.language
        let opened = try BoardCommand.open(inbox, language: language)
        let signingKey: ReceiptSigningKey
        do { signingKey = try opened.signingKey(at: key) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        let receiver = Receiver(inbox: opened, key: signingKey, clock: BoardCommand.clock())
        if watch {
            if language == .sv {
                Console.err("Tar emot i \(Sanitizer.visible(opened.incomingFolder)) tills Ctrl-C …")
            } else {
                Console.err("Receiving in \(Sanitizer.visible(opened.incomingFolder)) until Ctrl-C …")
            }
            ReceiveWatch.run(receiver, report: { print($0, language: language) },
                             failure: { Console.err("feedback: " + $0.message(language)) })
            return
        }
        let batch: Receiver.Batch
        do { batch = try receiver.receiveAll() } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        print(batch, language: language)
        if batch.outcomes.contains(where: { !$0.receipt.isAccepted }) { throw ExitCode(1) }
    }

    func print(_ batch: Receiver.Batch, language: Language) {
        if format == .json {
            Console.out(bytes: JSONWriter.pretty(BoardReceive.json(batch)))
            return
        }
        let sv = language == .sv
        for outcome in batch.outcomes {
            let r = outcome.receipt
            let who = r.export.committeeID.map { Sanitizer.visible($0) } ?? "?"
            let revision = r.export.revision.map { "r\($0)" } ?? "r?"
            let time = r.onTime ? (sv ? "i tid" : "on time") : (sv ? "sen" : "late")
            let verdict = r.isAccepted ? (sv ? "godkänd" : "accepted") : (sv ? "avvisad" : "refused ")
            Console.out("\(verdict)  \(who) \(revision)  \(Sanitizer.visible(r.handIn.file))  \(time), \(sv ? "av" : "by") \(Sanitizer.visible(r.handIn.owner))  → \(Sanitizer.visible(outcome.receiptFile))")
            for reason in r.reasons {
                Console.out("    \(Sanitizer.visible(reason.message[language]))")
            }
        }
        for name in batch.finished {
            Console.out(sv ? "klar  \(Sanitizer.visible(name)) (hade redan kvittens)" : "done  \(Sanitizer.visible(name)) (already had a receipt)")
        }
        for (file, why) in batch.leftAlone {
            Console.err("\(Sanitizer.visible(file)): \(why[language])")
        }
        for notice in batch.notices {
            Console.err((sv ? "obs: " : "note: ") + Sanitizer.visible(notice[language]))
        }
        let accepted = batch.outcomes.filter(\.receipt.isAccepted).count
        let refused = batch.outcomes.count - accepted
        Console.out(sv ? "\(batch.outcomes.count) mottagna: \(accepted) godkända, \(refused) avvisade."
                       : "\(batch.outcomes.count) received: \(accepted) accepted, \(refused) refused.")
    }

    static func json(_ batch: Receiver.Batch) -> JSONValue {
        .object(JSONObject([
            ("received", .array(batch.outcomes.map { outcome in
                let r = outcome.receipt
                return .object(JSONObject([
                    ("file", .string(r.handIn.file)), ("decision", .string(r.decision.rawValue)),
                    ("committee", r.export.committeeID.map { .string($0) } ?? .null),
                    ("revision", r.export.revision.map { .integer($0) } ?? .null),
                    ("onTime", .bool(r.onTime)), ("handedInBy", .string(r.handIn.owner)),
                    ("receipt", .string(outcome.receiptFile)), ("archivedAs", r.archivedAs.map { .string($0) } ?? .null),
                    ("reasons", .array(r.reasons.map { reason in
                        .object(JSONObject([("code", .string(reason.code)), ("pointer", .string(reason.pointer)),
                                            ("message", .object(JSONObject([("sv", .string(reason.message.sv)), ("en", .string(reason.message.en))])))]))
                    })),
                ]))
            })),
            ("finished", .array(batch.finished.map { .string($0) })),
            ("leftAlone", .array(batch.leftAlone.map { .string($0.file) })),
            ("notices", .array(batch.notices.map { .object(JSONObject([("sv", .string($0.sv)), ("en", .string($0.en))])) })),
        ]))
    }
}
