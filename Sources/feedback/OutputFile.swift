import FeedbackModel
import Foundation

/// What every command's `-o/--output` means: a file, or standard output when it is `-` (as
/// `cat`, `curl` and pandoc read it). The one place that says so, for every command that
/// writes a file.
enum OutputFile {
    /// The option's value that means standard output.
    static let standardOutput = "-"
    /// The words the options' help ends with.
    static let helpSuffix = "(- for standard output)"

    static func isStandardOutput(_ path: String?) -> Bool {
        path == standardOutput
    }

    /// Writes `bytes` to standard output for `-`, else saves them (a new file gets mode 0644)
    /// and prints the path on standard output, or on standard error when standard output
    /// carries something else (a JSON report).
    static func write(_ bytes: [UInt8], to path: String, language: Language, mode: mode_t = 0o644,
                      pathToStandardError: Bool = false) throws(CommandFailure) {
        if isStandardOutput(path) {
            Console.out(bytes: bytes)
            return
        }
        do { try FileStore().save(bytes, to: path, newFileMode: mode) } catch {
            throw CommandFailure(message: "feedback: " + error.message(language), code: 2)
        }
        if pathToStandardError { Console.err(Sanitizer.visible(path)) } else { Console.out(Sanitizer.visible(path)) }
    }
}
