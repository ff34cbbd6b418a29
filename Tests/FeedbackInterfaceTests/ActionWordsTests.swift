import Foundation
import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// One voice for keys: a message names an action in the words of the mode that shows it.
@Suite struct ActionWordsTests {
    /// Every `Ctrl-…`/`Alt-…` written into a string literal of the interface outside the keymap.
    static func keyNamesInMessages() throws -> [String] {
        let folders = ["Sources/FeedbackInterface", "Sources/feedback/Interface"]
        let pattern = try NSRegularExpression(pattern: #""[^"]*\b(Ctrl|Alt)-[A-Za-z0-9]"#)
        var found: [String] = []
        for folder in folders {
            let root = Paths.root + "/" + folder
            guard let files = FileManager.default.enumerator(atPath: root) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") && !file.hasPrefix("Keymap/") {
                let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = String(line)
                    if code.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                    if pattern.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil {
                        found.append("\(folder)/\(file):\(number + 1): \(code.trimmingCharacters(in: .whitespaces))")
                    }
                }
            }
        }
        return found
    }

    @Test func noKeyNameIsWrittenIntoAMessageOutsideTheKeymap() throws {
        let found = try Self.keyNamesInMessages()
        #expect(found.isEmpty, "key names written into messages (take them from ActionWords):\n\(found.joined(separator: "\n"))")
    }

    @Test func theScanFindsAKeyNameInAString() throws {
        // The scan itself must be able to fail: the pattern matches a literal as it was written.
        let pattern = try NSRegularExpression(pattern: #""[^"]*\b(Ctrl|Alt)-[A-Za-z0-9]"#)
        let line = #"status = StatusMessage(text: phrases.t("Rad borttagen. Ctrl-Z ångrar.", "Row deleted."), isError: false)"#
        #expect(pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil)
    }

    @Test func theFullScreenNamesKeysAndPlainModeNamesCommands() {
        let keys = ActionWords.keys(language: .sv), plain = ActionWords.plain(language: .sv)
        #expect(keys.name(.undo) == "Ctrl-Z")
        #expect(plain.name(.undo) == "ångra")
        #expect(plain.name(.saveAs) == "spara som")
        #expect(ActionWords.plain(language: .en).name(.deleteRow) == "delete row")
        #expect(keys.sentence(.undo, sv: "ångrar", en: "undoes") == " Ctrl-Z ångrar.")
        #expect(plain.sentence(.undo, sv: "ångrar", en: "undoes") == " Ångra ångrar.")
        // No plain command shows the guidance above the text: the hint is left out.
        #expect(plain.name(.toggleInlineGuidance) == nil)
        #expect(plain.sentence(.toggleInlineGuidance, sv: "visar den", en: "shows it") == "")
    }

    @Test func plainModeMessagesNameItsCommandsNeverKeys() {
        var h = PlainHarness()
        h.say(["gå 5", "tabell", "ny rad", "Ny MR-kamera", "2", "12 500", "", "3000", "", "2", "1",
               "ta bort rad 1", "ångra", "gå 1", "lägg till Text.", "klar", "avsluta"])
        let text = h.text()
        #expect(!text.contains("Ctrl-") && !text.contains("Alt-"), "a key name in plain mode:\n\(text)")
        #expect(text.contains("Rad 1 borttagen. Ångra ångrar."))
    }

    @Test func plainModeNamesUndoAfterAChangeOfCommittee() {
        var h = PlainHarness()
        h.say(["skriv 1 5", "ja"])
        #expect(h.text().contains("Nämnden är ändrad till Kulturnämnden. Ångra ångrar."), "\(h.text())")
        var en = PlainHarness(language: .en)
        en.say(["write 1 5", "yes"])
        #expect(en.text().contains("Undo undoes."), "\(en.text())")
    }

    @Test func theFullScreenNamesTheKey() {
        var h = Harness()
        h.press(.alt("1"), .character("a"), .control("d"))
        #expect(h.text().contains("Ctrl-D tar bort"))
    }
}
