import FeedbackModel
import Foundation

/// Loading drafts for the commands, with the errors they print.
enum Drafts {
    static func load(_ path: String, catalog: FormCatalog, language: Language) throws(CommandFailure) -> (Draft, FormDefinition) {
        let (draft, form, _) = try loadWithIdentity(path, catalog: catalog, language: language)
        return (draft, form)
    }

    /// The draft, its form, and which file on disk it was read from (for saves that must not
    /// overwrite another program's change).
    static func loadWithIdentity(_ path: String, catalog: FormCatalog, language: Language) throws(CommandFailure) -> (Draft, FormDefinition, DiskIdentity) {
        let bytes: [UInt8]
        let identity: DiskIdentity
        do {
            (bytes, identity) = try FileStore().readWithIdentity(path: path, limit: DraftCodec.maximumSize)
        } catch {
            throw CommandFailure(message: error.message(language), code: 2)
        }
        do {
            let (draft, form) = try DraftCodec.decode(bytes, file: path, catalog: catalog)
            return (draft, form, identity)
        } catch {
            throw CommandFailure(message: error.message(language), code: 2)
        }
    }

    /// The time an export is stamped with: `SOURCE_DATE_EPOCH` when set (reproducible builds), else now.
    static func exportTime(environment: [String: String] = ProcessInfo.processInfo.environment) -> Timestamp {
        if let text = environment["SOURCE_DATE_EPOCH"], !text.isEmpty {
            if let seconds = Int64(text), seconds >= 0, seconds < 253_402_300_800 {
                return Timestamp(secondsSinceEpoch: seconds)
            }
            Console.err("feedback: SOURCE_DATE_EPOCH=\(Sanitizer.visible(text)) är inget antal sekunder / is not a number of seconds; using the current time")
        }
        return Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
    }

    /// Today's date for the commands (`FEEDBACK_TODAY`, `SOURCE_DATE_EPOCH`, else the local
    /// date); an unusable `FEEDBACK_TODAY` is a usage error.
    static func today(language: Language) throws(CommandFailure) -> SimpleDate {
        do {
            let resolution = try Today.resolve()
            if let ignored = resolution.ignored { Console.err("feedback: " + ignored.message(language)) }
            return resolution.date
        } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
    }

    /// `SOURCE_DATE_EPOCH` when it is set to a valid number of seconds, else nil.
    static func sourceDateEpoch(environment: [String: String] = ProcessInfo.processInfo.environment) -> Timestamp? {
        guard let text = environment["SOURCE_DATE_EPOCH"], !text.isEmpty else { return nil }
        if let seconds = Int64(text), seconds >= 0, seconds < 253_402_300_800 { return Timestamp(secondsSinceEpoch: seconds) }
        Console.err("feedback: SOURCE_DATE_EPOCH=\(Sanitizer.visible(text)) är inget antal sekunder / is not a number of seconds; ignored")
        return nil
    }

    static func now() -> Timestamp {
        Timestamp(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
    }
}
