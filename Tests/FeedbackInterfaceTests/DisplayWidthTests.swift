import Testing
@testable import FeedbackInterface

@Suite("Display width of Unicode scalars")
struct DisplayWidthTests {
    /// Single-cell scalars: neither wide nor zero-width.
    @Test(
        "Narrow scalars",
        arguments: [
            "a" as Unicode.Scalar,
            "\u{E5}",  // å, precomposed
            "\u{BC}",  // ¼ (East Asian Ambiguous, narrow by default)
            "\u{AD}",  // SOFT HYPHEN: not zero-width here
            "\u{2764}",  // ❤ on its own
            "#", "0", "~", "\u{A0}", "\u{2FF}", "\u{3A9}", "\u{416}",
        ]
    )
    func narrow(_ scalar: Unicode.Scalar) {
        #expect(!DisplayWidth.isWide(scalar))
        #expect(!DisplayWidth.isZeroWidth(scalar))
    }

    @Test(
        "Wide scalars",
        arguments: [
            "\u{4E2D}" as Unicode.Scalar,  // 中
            "\u{AC00}",  // 가
            "\u{1F600}",  // 😀
            "\u{3000}",  // IDEOGRAPHIC SPACE
            "\u{1100}",  // HANGUL CHOSEONG KIYEOK
            "\u{FF21}",  // FULLWIDTH LATIN CAPITAL LETTER A
            "\u{231A}",  // ⌚ (emoji presentation)
            "\u{1F3FB}",  // skin-tone modifier (wide on its own)
            "\u{20000}",  // CJK Extension B
        ]
    )
    func wide(_ scalar: Unicode.Scalar) {
        #expect(DisplayWidth.isWide(scalar))
        #expect(!DisplayWidth.isZeroWidth(scalar))
    }

    @Test(
        "Zero-width scalars",
        arguments: [
            "\u{301}" as Unicode.Scalar,  // COMBINING ACUTE ACCENT
            "\u{300}",  // COMBINING GRAVE ACCENT, first scalar past the fast path
            "\u{200B}",  // ZERO WIDTH SPACE
            "\u{200D}",  // ZERO WIDTH JOINER
            "\u{FE0E}",  // VS15
            "\u{FE0F}",  // VS16
            "\u{1160}",  // HANGUL JUNGSEONG FILLER
            "\u{E0100}",  // VARIATION SELECTOR-17
        ]
    )
    func zeroWidth(_ scalar: Unicode.Scalar) {
        #expect(DisplayWidth.isZeroWidth(scalar))
        #expect(!DisplayWidth.isWide(scalar))
    }

    @Test("VS16 widens emoji-capable narrow scalars only")
    func vs16() {
        #expect(DisplayWidth.widensWithVS16("\u{2764}"))  // ❤
        #expect(DisplayWidth.widensWithVS16("#"))
        #expect(DisplayWidth.widensWithVS16("0"))
        #expect(DisplayWidth.widensWithVS16("9"))
        #expect(DisplayWidth.widensWithVS16("\u{A9}"))  // ©
        #expect(!DisplayWidth.widensWithVS16("a"))
        #expect(!DisplayWidth.widensWithVS16("\u{4E2D}"))  // 中: already wide
        #expect(!DisplayWidth.widensWithVS16("\u{1F600}"))  // 😀: already wide
        #expect(!DisplayWidth.widensWithVS16("\u{FE0F}"))
    }

    @Test("Nothing below U+0300 is wide or zero-width (the fast path)")
    func fastPath() {
        for value in UInt32(0)..<0x300 {
            let scalar = Unicode.Scalar(value)!
            #expect(!DisplayWidth.isWide(scalar), "U+\(String(value, radix: 16))")
            #expect(!DisplayWidth.isZeroWidth(scalar), "U+\(String(value, radix: 16))")
        }
        for table in [DisplayWidth.wideRanges, DisplayWidth.zeroWidthRanges] {
            #expect(table.allSatisfy { $0.0 >= 0x300 })
        }
    }

    @Test("Tables are sorted, disjoint and within Unicode")
    func tables() {
        for table in [DisplayWidth.wideRanges, DisplayWidth.zeroWidthRanges, DisplayWidth.vs16Ranges] {
            #expect(!table.isEmpty)
            #expect(table.allSatisfy { $0.0 <= $0.1 && $0.1 <= 0x10FFFF })
            #expect(zip(table, table.dropFirst()).allSatisfy { $0.1 < $1.0 })
        }
        // Wide and zero-width never overlap (spot check at the range ends).
        for (low, high) in DisplayWidth.wideRanges {
            for value in [low, high] {
                if let scalar = Unicode.Scalar(value) {
                    #expect(!DisplayWidth.isZeroWidth(scalar))
                }
            }
        }
    }
}
