import Testing
import TestSupport
@testable import FeedbackConfiguration
import FeedbackModel

/// The file format: `key = value`, comments, quotes, and every way a file can be wrong.
@Suite struct ConfigurationFileTests {
    func parse(_ text: String) throws(ConfigurationError) -> ConfigurationFile {
        try ConfigurationFile.parse(Array(text.utf8), path: "/etc/feedback/config")
    }

    func error(_ text: String) -> ConfigurationError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test func keysValuesCommentsAndBlankLines() throws {
        let file = try parse("""
            # the region's settings
              exports = /srv/exports   \t

            forms=/srv/a:/srv/b
            inbox = "  spaced  "
            language = en\r
            board-key =
            """)
        #expect(file.entries == [
            .init(key: .exports, value: "/srv/exports", line: 2),
            .init(key: .forms, value: "/srv/a:/srv/b", line: 4),
            .init(key: .inbox, value: "  spaced  ", line: 5),
            .init(key: .language, value: "en", line: 6),
            .init(key: .boardKey, value: "", line: 7),
        ])
    }

    @Test func aValueMayContainEqualsAndHash() throws {
        let file = try parse("exports = /srv/a=b#c\n")
        #expect(file.entries.first?.value == "/srv/a=b#c")
    }

    @Test func unknownKeyNamesFileLineAndTheKnownKeys() throws {
        let found = try #require(error("exports = x\n\nexpots = y\n"))
        #expect(found.line == 3)
        #expect(found.message(.en) == "/etc/feedback/config:3: unknown key “expots” (known: forms, exports, drafts, template, inbox, form, board-key, language)")
        #expect(found.message(.sv).hasPrefix("/etc/feedback/config:3: okänd nyckel ”expots”"))
    }

    @Test func refusedLines() throws {
        #expect(error("just words\n")?.message(.en) == "/etc/feedback/config:1: the line has no “=”; write key = value")
        #expect(error("inbox = a\ninbox = b\n")?.message(.en) == "/etc/feedback/config:2: “inbox” is already set on line 1")
        #expect(error("language = de\n")?.message(.en) == "/etc/feedback/config:1: language must be sv or en, not “de”")
        #expect(error("inbox = \"open\n")?.line == 1)
        #expect(error("inbox = \"a\"b\"\n")?.line == 1)
        #expect(error("Exports = x\n")?.line == 1, "keys are case-sensitive")
    }

    @Test func binaryAndInvalidUTF8AreRefusedWithTheLine() throws {
        let nul = try #require(error("# fine\nexports = a\u{0}b\n"))
        #expect(nul.line == 2)
        #expect(nul.message(.en) == "/etc/feedback/config:2: is not a text file (byte 0x00 on the line)")
        let escape = try #require(error("inbox = \u{1B}[2J\n"))
        #expect(escape.message(.en).contains("byte 0x1B"))
        do {
            _ = try ConfigurationFile.parse([0x69, 0x6E, 0x62, 0x6F, 0x78, 0x3D, 0xFF, 0x0A], path: "c")
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.message(.en) == "c:1: the line is not valid UTF-8")
        }
    }

    @Test func hostileTextInAMessageIsMadeVisible() throws {
        let found = try #require(error("\u{202E}key = x\n"))
        #expect(found.message(.en).contains("<U+202E>"))
        #expect(!found.message(.en).unicodeScalars.contains { $0.value == 0x202E })
    }

    @Test func theTemplateParsesAndNamesEveryKey() throws {
        for language in Language.allCases {
            let text = ConfigurationTemplate.text(language)
            #expect(try ConfigurationFile.parse(Array(text.utf8), path: "t").entries.isEmpty, "all commented out")
            let uncommented = text.split(separator: "\n").map { line in
                ConfigurationKey.allCases.contains { line.hasPrefix("#\($0.rawValue) = ") } ? String(line.dropFirst()) : String(line)
            }.joined(separator: "\n")
            let entries = try ConfigurationFile.parse(Array(uncommented.utf8), path: "t").entries
            #expect(entries.map(\.key) == ConfigurationKey.allCases)
            for key in ConfigurationKey.allCases { #expect(text.contains(key.environmentVariable)) }
        }
    }
}
