import Foundation
import Testing
import TestSupport

/// The program knows no form by name: every id of the shipped form comes from the form
/// file, so another template (or next year's) runs without a line of code. The embedded
/// copy of the form and the benchmark's corpus are the only places allowed to name them.
@Suite struct ShippedFormIDsTests {
    static let ids = ["investments", "economy", "risks", "sensitivity", "beslutad", "contactName", "contactEmail",
                      "meetingDate", "paragraph"]

    /// The Swift files under Sources/ that may not name the shipped form's ids.
    static func files() -> [String] {
        let root = Paths.root + "/Sources"
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("feedback-bench/") && !$0.contains("Embedded") }
            .sorted()
            .map { root + "/" + $0 }
    }

    @Test func noSourceNamesTheShippedFormsIDs() throws {
        let files = Self.files()
        #expect(files.count > 100, "the Sources tree was not found under \(Paths.root)")
        var hits: [String] = []
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            guard Self.ids.contains(where: { text.contains("\"\($0)\"") }) else { continue }
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                for id in Self.ids where line.contains("\"\(id)\"") {
                    hits.append("\(file.dropFirst(Paths.root.count + 1)):\(number + 1): \"\(id)\"")
                }
            }
        }
        #expect(hits.isEmpty, "the shipped form's ids in Sources/ (the form file must say it instead):\n\(hits.joined(separator: "\n"))")
    }
}
