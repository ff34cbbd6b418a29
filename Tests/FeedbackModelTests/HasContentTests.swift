import Testing
@testable import FeedbackModel

/// `TextRules.hasContent` is the validator's "has content" without counting the whole text.
@Suite struct HasContentTests {
    @Test func agreesWithTheFullCount() {
        let pieces = [" ", "\t", "\n", "\u{00A0}", "\u{2028}", "\u{3000}", "\u{200B}", "a", "å", "\u{0301}", "§", "😀"]
        var seed: UInt64 = UInt64.random(in: 1...UInt64.max)
        print("HasContentTests seed \(seed)")
        for _ in 0..<2_000 {
            var text = ""
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 60)
            for k in 0..<length {
                let pick = Int((seed >> UInt64(k * 4 % 56)) & 0xF) % pieces.count
                // Mostly white space, so both answers occur.
                text += pick < 7 || k % 3 != 0 ? pieces[pick % 6] : pieces[pick]
            }
            #expect(TextRules.hasContent(text) == TextRules.stats(text).hasContent, "\(Array(text.unicodeScalars))")
        }
        #expect(!TextRules.hasContent(""))
        #expect(!TextRules.hasContent(" \n\t\u{00A0}"))
        #expect(TextRules.hasContent("  x"))
        #expect(TextRules.hasContent("\u{200B}"))
    }
}

/// The byte-offset line splitter cuts exactly the lines the index-by-index one does.
@Suite struct RawLinesTests {
    @Test func sameLinesAsTheIndexWalk() {
        let pieces = ["a", "å", "\n", "\r", "\r\n", " ", "😀", "e\u{0301}", "\n\n", "- "]
        var seed = UInt64.random(in: 1...UInt64.max)
        print("RawLinesTests seed \(seed)")
        for _ in 0..<3_000 {
            var text = ""
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            for k in 0..<Int(seed >> 59) { text += pieces[Int((seed >> UInt64(k % 50)) % UInt64(pieces.count))] }
            #expect(Paragraphs.rawLines(text).map(String.init) == Paragraphs.slowRawLines(text).map(String.init), "\(Array(text.utf8))")
        }
        #expect(Paragraphs.rawLines("").map(String.init) == [""])
        #expect(Paragraphs.rawLines("a\r\nb\rc\n").map(String.init) == ["a", "b", "c", ""])
    }
}
