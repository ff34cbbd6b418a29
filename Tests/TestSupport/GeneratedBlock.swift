import Foundation
import Testing

/// A block of the documentation made by the program (the key table, the accessible mode's
/// commands, the settings, the README's screen): compared with what the program makes now,
/// rewritten with FEEDBACK_RECORD=1.
public enum GeneratedBlock {
    /// Checks the text between the lines `begin` and `end` of `file` (a path relative to the
    /// package's root, such as `docs/secretaries.md`).
    public static func check(in file: String, begin: String, end: String, content: String, what: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = Paths.root + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let start = text.range(of: begin), let stop = text.range(of: end), start.upperBound <= stop.lowerBound else {
            Issue.record("\(file) has no generated \(what) (between \(begin) and \(end))", sourceLocation: sourceLocation)
            return
        }
        let current = String(text[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["FEEDBACK_RECORD"] == "1" {
            try (text[..<start.upperBound] + "\n" + content + text[stop.lowerBound...]).write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == "\n" + content, "\(file)'s \(what) differs from the program's (FEEDBACK_RECORD=1 rewrites it)",
                sourceLocation: sourceLocation)
    }
}
