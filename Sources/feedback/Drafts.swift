import FeedbackModel
import Foundation

/// Loading drafts for the commands, with the errors they print.
enum Drafts {
    static func load(_ path: String, catalog: FormCatalog, language: Language) throws(CommandFailure) -> (Draft, FormDefinition) {
        let bytes: [UInt8]
        do {
            bytes = try FileStore.readLimited(path: path, limit: DraftCodec.maximumSize)
        } catch {
            throw CommandFailure(message: error.message(language), code: 2)
        }
        do {
            return try DraftCodec.decode(bytes, file: path, catalog: catalog)
        } catch {
            throw CommandFailure(message: error.message(language), code: 2)
        }
    }

    /// `$XDG_DATA_HOME/feedback`, else `~/.local/share/feedback`.
    static func dataFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/feedback" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/feedback"
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
