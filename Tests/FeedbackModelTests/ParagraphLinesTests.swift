import Testing
import TestSupport
@testable import FeedbackModel

/// `Paragraphs.lines` splits byte-wise; it must give what splitting the text's scalars at
/// line breaks (LF, CR LF, a lone CR) gives, for any text: combining marks after a break,
/// emoji, blank lines.
@Suite struct ParagraphLinesTests {
    /// The reference: scalar by scalar, CR LF and CR made LF, then split at LF.
    static func reference(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousCR { previousCR = false; continue }
            previousCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines.filter { !$0.isEmpty && !Paragraphs.isBlank($0) }
    }

    @Test func byteSplitEqualsScalarSplit() {
        var g = SeededGenerator.forTest("byteSplitEqualsScalarSplit")
        let pieces = ["a", "å", "e\u{301}", "\u{301}", "\n", "\n", "\r", "\r\n", " ", "\t", "- ", "😀", "👩‍⚕️", "\u{200B}", "中"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...30, using: &g)).map { _ in pieces.randomElement(using: &g)! }.joined()
            #expect(Paragraphs.lines(text).map(String.init) == Self.reference(text), "seed \(g.seed): \(text.debugDescription)")
        }
    }
}
