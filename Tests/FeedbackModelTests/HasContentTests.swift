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

/// The byte-level hazard scan finds exactly what the scalar-by-scalar check finds.
@Suite struct SanitizerScanTests {
    @Test func sameVerdictAsEveryScalar() {
        let pieces = ["a", " ", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "\u{AD}", "å", "Ω", "ж",
                      "\u{05FF}", "\u{0600}", "\u{061C}", "\u{06DD}", "–", "\u{200B}", "\u{200D}", "\u{202E}", "\u{2066}",
                      "\u{FEFF}", "😀", "\u{E0041}", "\u{110BD}", "e\u{0301}"]
        var seed = UInt64.random(in: 1...UInt64.max)
        print("SanitizerScanTests seed \(seed)")
        for _ in 0..<5_000 {
            var text = ""
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            for k in 0..<Int(seed >> 60) { text += pieces[Int((seed >> UInt64(k * 3 % 55)) % UInt64(pieces.count))] }
            for singleLine in [true, false] {
                let expected = text.unicodeScalars.contains { Sanitizer.visibleForm(of: $0.value, singleLine: singleLine) != nil }
                #expect(Sanitizer.hasHazard(text, singleLine: singleLine) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) }) \(singleLine)")
            }
        }
    }
}
