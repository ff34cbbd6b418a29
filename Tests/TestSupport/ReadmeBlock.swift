import Foundation
import Testing

/// A block of README.md made by the program (the key table, the accessible mode's
/// commands): compared with what the program makes now, rewritten with FEEDBACK_RECORD=1.
public enum ReadmeBlock {
    public static func check(begin: String, end: String, content: String, what: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = Paths.root + "/README.md"
        let readme = try String(contentsOfFile: path, encoding: .utf8)
        guard let start = readme.range(of: begin), let stop = readme.range(of: end), start.upperBound <= stop.lowerBound else {
            Issue.record("README.md has no generated \(what) (between \(begin) and \(end))", sourceLocation: sourceLocation)
            return
        }
        let current = String(readme[start.upperBound..<stop.lowerBound])
        if ProcessInfo.processInfo.environment["FEEDBACK_RECORD"] == "1" {
            try (readme[..<start.upperBound] + "\n" + content + readme[stop.lowerBound...]).write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == "\n" + content, "README.md's \(what) differs from the program's (FEEDBACK_RECORD=1 rewrites it)",
                sourceLocation: sourceLocation)
    }
}
