import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// The text editor alone: keys in, text, cursor and rendered rows out.
@Suite struct TextEditorTests {
    func editor(_ text: String, width: Int = 21, height: Int = 5) -> TextEditor {
        var e = TextEditor(text: text)
        e.setViewSize(width: width, height: height)
        return e
    }

    func rows(_ e: inout TextEditor, width: Int = 21, height: Int = 5) -> [String] {
        e.setViewSize(width: width, height: height)
        var grid = ScreenGrid(width: width, height: height)
        _ = e.render(into: &grid, row: 0, column: 0, width: width, height: height)
        return grid.lines.map { var l = $0; while l.hasSuffix(" ") { l.removeLast() }; return l }
    }

    @Test func softWrapsAtSpacesAndHardWrapsLongWords() {
        var e = editor("Nämnden bidrar till målen genom bättre tillgänglighet och samverkan")
        #expect(rows(&e) == ["Nämnden bidrar till", "målen genom bättre", "tillgänglighet och", "samverkan", ""])
        var long = editor("Regionstyrelsensplaneringsförutsättningar")
        #expect(rows(&long) == ["Regionstyrelsensplan", "eringsförutsättninga", "r", "", ""])
    }

    @Test func rewrapsOnResize() {
        var e = editor("ett två tre fyra fem sex sju åtta nio tio")
        #expect(rows(&e, width: 11)[0] == "ett två")
        #expect(rows(&e, width: 31)[0] == "ett två tre fyra fem sex sju")
    }

    @Test func wideCharactersTakeTwoCellsAndWrapWhole() {
        var e = editor("中文中文中文中文中文中文", width: 11)
        let r = rows(&e, width: 11)
        #expect(r[0] == "中文中文中")
        #expect(r[1] == "文中文中文")
        #expect(r[2] == "中文")
        // The cursor after three wide characters is at column 6.
        e.moveTo(TextPosition(paragraph: 0, offset: 9))
        #expect(e.rowAndColumn(of: e.cursor).column == 6)
    }

    @Test func emojiAndCombiningMarksAreOneCharacter() {
        var e = editor("a😀e\u{301}b")
        e.moveToEnd()
        e.moveLeft()
        e.moveLeft()
        e.backspace()  // deletes 😀 whole
        #expect(e.text == "ae\u{301}b")
        e.moveRight()
        e.backspace()  // deletes e + combining acute together
        #expect(e.text == "ab")
        var flags = editor("🇸🇪🇫🇮")
        flags.moveToEnd()
        flags.backspace()
        #expect(flags.text == "🇸🇪")
    }

    @Test func upAndDownKeepTheVisualColumn() {
        var e = editor("kort\nen mycket längre rad här\nx\nen till lång rad med ord", width: 41)
        e.moveTo(TextPosition(paragraph: 1, offset: 0))
        for _ in 0..<15 { e.moveRight() }
        e.moveUp()
        #expect(e.cursor == TextPosition(paragraph: 0, offset: 4))  // end of "kort"
        e.moveDown()
        #expect(e.rowAndColumn(of: e.cursor).column == 15)
        e.moveDown()
        #expect(e.cursor == TextPosition(paragraph: 2, offset: 1))
        e.moveDown()
        #expect(e.rowAndColumn(of: e.cursor).column == 15)
        #expect(e.cursor.paragraph == 3)
    }

    @Test func upAndDownMoveBetweenWrappedRows() {
        var e = editor("Nämnden bidrar till målen genom bättre tillgänglighet")
        e.moveToStart()
        e.moveRight(); e.moveRight(); e.moveRight()
        e.moveDown()
        #expect(e.rowAndColumn(of: e.cursor) == (1, 3))
        e.moveDown()
        #expect(e.rowAndColumn(of: e.cursor) == (2, 3))
        e.moveUp(); e.moveUp()
        #expect(e.cursor == TextPosition(paragraph: 0, offset: 4))  // after "Näm" (ä is two bytes)
    }

    @Test func homeEndAndWords() {
        var e = editor("första andra tredje\nnästa stycke")
        e.moveTo(TextPosition(paragraph: 0, offset: 9))
        e.moveHome()
        #expect(e.cursor.offset == 0)
        e.moveEnd()
        #expect(e.cursor == TextPosition(paragraph: 0, offset: "första andra tredje".utf8.count))
        e.moveWordLeft()
        #expect(e.cursor.offset == "första andra ".utf8.count)
        e.moveWordLeft()
        #expect(e.cursor.offset == "första ".utf8.count)
        e.moveWordRight()
        #expect(e.cursor.offset == "första andra ".utf8.count)
        e.moveToEnd()
        #expect(e.cursor == TextPosition(paragraph: 1, offset: "nästa stycke".utf8.count))
    }

    @Test func backspaceAndDeleteJoinParagraphs() {
        var e = editor("ett\ntvå")
        e.moveTo(TextPosition(paragraph: 1, offset: 0))
        e.backspace()
        #expect(e.text == "etttvå")
        e.newParagraph()
        #expect(e.text == "ett\ntvå")
        e.moveTo(TextPosition(paragraph: 0, offset: 3))
        e.deleteForward()
        #expect(e.text == "etttvå")
    }

    @Test func pasteNormalisesLineBreaksAndBlankLines() {
        var e = editor("start ")
        e.moveToEnd()
        e.insert("rad ett\r\nrad två\rrad tre\n\n\nrad fyra")
        #expect(e.text == "start rad ett\nrad två\nrad tre\nrad fyra")
        #expect(e.buffer.paragraphCount == 4)
        #expect(e.cursor == TextPosition(paragraph: 3, offset: "rad fyra".utf8.count))
    }

    @Test func controlAndBidiCharactersAreShownVisibly() {
        var e = editor("a\u{1B}[31mb\u{202E}c\u{7}")
        let r = rows(&e, width: 31)
        #expect(r[0] == "a^[[31mb<U+202E>c^G")
        // Each hazard is one character to the cursor.
        e.moveTo(TextPosition(paragraph: 0, offset: 1))
        e.moveRight()
        #expect(e.rowAndColumn(of: e.cursor).column == 3)
    }

    @Test func countsFollowEdits() {
        var e = editor("ett två")
        #expect(e.buffer.characterCount == 7)
        #expect(e.buffer.wordTotal == 2)
        e.moveToEnd()
        e.insert("\ntre fyra e\u{301}")
        // The counts are those of the stored text: paragraphs separated by a blank line.
        #expect(e.buffer.nfcText == "ett två\n\ntre fyra \u{E9}")
        #expect(e.buffer.characterCount == TextRules.stats(e.buffer.nfcText).characters)
        #expect(e.buffer.wordTotal == 5)
        e.insert("\n- punkt\n- punkt två")
        #expect(e.buffer.nfcText == "ett två\n\ntre fyra \u{E9}\n\n- punkt\n- punkt två")
        #expect(e.buffer.textStats == TextRules.stats(e.buffer.nfcText))
    }

    @Test func scrollsToKeepTheCursorVisible() {
        var e = editor((1...30).map { "rad \($0)" }.joined(separator: "\n"), height: 5)
        e.moveToEnd()
        // Paragraphs are drawn with a blank row between them.
        #expect(rows(&e) == ["rad 28", "", "rad 29", "", "rad 30"])
        e.pageUp()
        #expect(e.cursor.paragraph < 29)
        #expect(rows(&e).contains("rad \(e.cursor.paragraph + 1)"))
        e.moveToStart()
        #expect(rows(&e).first == "rad 1")
        // Bullet items are drawn without blank rows between them.
        var list = editor("Inledning\n- ett\n- två\nSlut", height: 6)
        #expect(rows(&list, height: 6) == ["Inledning", "", "- ett", "- två", "", "Slut"])
    }

    @Test func hugeTextsStayFast() {
        // 100 000 lines pasted in one go: one step, all there, counted.
        let lines = (0..<100_000).map { "Rad \($0) med lite text i ett stycke." }
        var e = editor("")
        e.insert(lines.joined(separator: "\n"))
        #expect(e.buffer.paragraphCount == 100_000)
        #expect(e.buffer.wordTotal == 100_000 * 8)
        var grid = ScreenGrid(width: 60, height: 20)
        e.setViewSize(width: 60, height: 20)
        _ = e.render(into: &grid, row: 0, column: 0, width: 60, height: 20)
        #expect(grid.lines.last?.hasPrefix("Rad 99999") == true)
    }
}

/// Re-wrapping around an edit gives exactly the rows a full wrap gives.
@Suite struct IncrementalWrapTests {
    @Test func rewrapMatchesAFullWrapAfterRandomEdits() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["ord ", "längre ord ", "x", " ", "  ", "中文", "😀 ", "e\u{301}", "\t", "Regionstyrelsensplaneringsförutsättningar", "\u{1B}", "a", "ö"]
        for _ in 0..<300 {
            let width = Int.random(in: 3...40, using: &generator)
            var buffer = TextBuffer((0..<Int.random(in: 0...80, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            buffer.setWrapWidth(width)
            _ = buffer.rows(of: 0)
            for _ in 0..<10 {
                let paragraph = buffer.paragraphs[0]
                // Random grapheme-aligned edit.
                let offsets = [0] + paragraph.indices.dropFirst().map { paragraph.utf8.distance(from: paragraph.startIndex, to: $0) } + [paragraph.utf8.count]
                let a = offsets.randomElement(using: &generator)!
                let b = offsets.filter { $0 >= a }.randomElement(using: &generator)!
                let insert = Bool.random(using: &generator) ? pieces.randomElement(using: &generator)! : ""
                buffer.replace(from: TextPosition(paragraph: 0, offset: a), to: TextPosition(paragraph: 0, offset: b), with: insert)
                let incremental = buffer.rows(of: 0)
                #expect(incremental == Wrap.rowStarts(buffer.paragraphs[0], width: width), "width \(width): \(buffer.paragraphs[0].debugDescription)")
            }
        }
    }
}

/// Counts kept by edits inside a long paragraph are the counts of the whole text.
@Suite struct IncrementalCountTests {
    @Test func countsAfterEditsInALongLineMatchAFullCount() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["ord ", "två ord ", "x", " ", "\t", "中文", "😀", "e\u{301}", "\u{1B}", "\u{202E}", "\u{AD}", "a", "ö", "–", "  "]
        var line = ""
        while line.utf8.count < 40_000 { line += pieces.randomElement(using: &generator)! }
        var buffer = TextBuffer(TextRules.nfc(line))
        for _ in 0..<300 {
            let paragraph = buffer.paragraphs[0]
            let length = paragraph.utf8.count
            var a = Int.random(in: 0...length, using: &generator)
            // Snap to a scalar boundary.
            let u = Array(paragraph.utf8)
            while a < length, u[a] & 0xC0 == 0x80 { a += 1 }
            var b = min(length, a + Int.random(in: 0...3, using: &generator))
            while b < length, u[b] & 0xC0 == 0x80 { b += 1 }
            let insert = Bool.random(using: &generator) ? pieces.randomElement(using: &generator)! : ""
            buffer.replace(from: TextPosition(paragraph: 0, offset: a), to: TextPosition(paragraph: 0, offset: b), with: insert)
            let full = TextRules.stats(TextRules.nfc(buffer.paragraphs[0]))
            #expect(buffer.characterCount == full.characters)
            #expect(buffer.wordTotal == full.words)
            #expect(buffer.hazardTotals.control == full.controlCount && buffer.hazardTotals.bidi == full.bidiCount && buffer.hazardTotals.format == full.formatCount)
        }
    }
}
