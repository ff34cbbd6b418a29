import Testing
@testable import FeedbackInterface

@Suite struct KeyDecoderTests {
    func keys(_ bytes: [UInt8]) -> [Key] {
        var d = KeyDecoder()
        return d.feed(bytes) + d.timeout()
    }

    func keys(_ text: String) -> [Key] { keys(Array(text.utf8)) }

    @Test func textAndControlKeys() {
        #expect(keys("aå中😀") == [.character("a"), .character("å"), .character("中"), .character("😀")])
        #expect(keys("e\u{301}") == [.character("e\u{301}")])
        #expect(keys([0x13, 0x11, 0x0D, 0x09, 0x7F, 0x08]) == [.control("s"), .control("q"), .enter, .tab, .backspace, .backspace])
    }

    @Test func escapeSequences() {
        #expect(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(keys("\u{1B}OA\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~") == [.up, .home, .end, .home, .end])
        #expect(keys("\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[Z") == [.pageUp, .pageDown, .delete, .backTab])
        #expect(keys("\u{1B}[1;5C\u{1B}[1;5D\u{1B}[1;3A") == [.wordRight, .wordLeft, .ctrlUp])
        #expect(keys("\u{1B}OP\u{1B}[15~\u{1B}[24~") == [.function(1), .function(5), .function(12)])
        #expect(keys("\u{1B}1\u{1B}b") == [.alt("1"), .alt("b")])
    }

    @Test func loneEscapeWaitsThenIsEscape() {
        var d = KeyDecoder()
        #expect(d.feed([0x1B]) == [])
        #expect(d.isAwaitingMore)
        #expect(d.isAwaitingLoneEscape)
        #expect(d.timeout() == [.escape])
        // Half a sequence is not a lone Escape: it is worth waiting for.
        #expect(d.feed([0x1B, 0x5B, 0x31, 0x3B]) == [])
        #expect(d.isAwaitingMore && !d.isAwaitingLoneEscape)
        #expect(d.feed([0x35, 0x46]) == [.ctrlEnd])
        // A sequence split across reads is still one key.
        #expect(d.feed([0x1B, 0x5B]) == [])
        #expect(d.feed([0x41]) == [.up])
    }

    @Test func splitUTF8IsJoined() {
        var d = KeyDecoder()
        let bytes = Array("ö".utf8)
        #expect(d.feed([bytes[0]]) == [])
        #expect(d.feed([bytes[1]]) == [.character("ö")])
        #expect(keys([0xFF, 0x61]) == [.character("\u{FFFD}"), .character("a")])
    }

    @Test func bracketedPasteIsOneKeyEvenWhenSplit() {
        var d = KeyDecoder()
        let body = "rad ett\nrad två \u{1B}[31m röd"
        let all = Array("\u{1B}[200~\(body)\u{1B}[201~x".utf8)
        var result: [Key] = []
        // Feed in 3-byte pieces: the terminator may be split too.
        var i = 0
        while i < all.count {
            result += d.feed(Array(all[i..<min(all.count, i + 3)]))
            i += 3
        }
        #expect(result == [.paste(body), .character("x")])
    }

    @Test func hugePasteArrivesAsOneKey() {
        var d = KeyDecoder()
        let line = Array("Rad med text från Word, åäö.\n".utf8)
        var bytes = Array("\u{1B}[200~".utf8)
        for _ in 0..<100_000 { bytes += line }
        bytes += Array("\u{1B}[201~".utf8)
        var result: [Key] = []
        var i = 0
        while i < bytes.count {
            result += d.feed(Array(bytes[i..<min(bytes.count, i + 65_536)]))
            i += 65_536
        }
        #expect(result.count == 1)
        if case .paste(let text)? = result.first { #expect(text.utf8.count == line.count * 100_000) }
    }

    @Test func arbitraryBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var d = KeyDecoder()
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = d.feed(bytes)
            _ = d.timeout()
        }
    }
}
