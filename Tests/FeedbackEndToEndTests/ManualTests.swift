import Foundation
import Testing
import TestSupport
import FeedbackInterface
import FeedbackModel

/// The manual page and the shell completions, from the built binary: the page names every
/// command of the parser's own tree and every option, man renders it without a warning, and
/// each completion script parses in its shell and knows every command.
@Suite struct ManualTests {
    /// The displayed commands, walked from `--experimental-dump-help` (the parser's tree).
    static func commandTree() throws -> [(path: [String], options: [String])] {
        let dump = try feedback(["--experimental-dump-help"])
        let root = try #require(try JSONParser.parse(dump.stdoutBytes).objectValue?["command"]?.objectValue)
        var found: [(path: [String], options: [String])] = []
        func walk(_ command: JSONObject, _ parent: [String]) {
            guard command["shouldDisplay"] != .bool(false), let name = command["commandName"]?.stringValue else { return }
            let path = parent + [name]
            let options = (command["arguments"]?.arrayValue ?? []).compactMap { argument -> String? in
                guard let object = argument.objectValue, object["shouldDisplay"] != .bool(false) else { return nil }
                return object["preferredName"]?.objectValue?["name"]?.stringValue ?? object["valueName"]?.stringValue
            }
            found.append((path, options))
            for sub in command["subcommands"]?.arrayValue ?? [] { if let object = sub.objectValue { walk(object, path) } }
        }
        walk(root, [])
        return found
    }

    func manual(_ language: String) throws -> String {
        let made = try feedback(["generate-manual", "--lang", language, "--date", "2026-12-01"])
        try #require(made.status == 0, "\(made.stderr)")
        return made.stdout
    }

    @Test func thePageNamesEveryCommandAndOption() throws {
        let tree = try Self.commandTree()
        #expect(tree.count >= 8, "fill, new, validate, export, schema, forms, config, help and the root")
        for language in ["en", "sv"] {
            let page = try manual(language)
            for (path, options) in tree {
                let name = path.joined(separator: " ").replacingOccurrences(of: "-", with: "\\-")
                #expect(page.contains(".SS \"\(name)\"\n"), "\(language): no section for \(path.joined(separator: " "))")
                for option in options {
                    let escaped = option.replacingOccurrences(of: "-", with: "\\-")
                    #expect(page.contains("\\-\\-\(escaped)") || page.contains("\\fI\(option)\\fR") || option.count == 1,
                            "\(language): \(path.joined(separator: " ")) \(option) is not in the page")
                }
            }
            #expect(!page.contains("generate\\-manual"), "the hidden command stays out")
        }
    }

    @Test func theKeysSectionIsTheInterfacesKeymap() throws {
        for language in [Language.en, .sv] {
            let page = try manual(language.rawValue)
            let keys = try #require(page.range(of: language == .sv ? "\n.SH TANGENTER\n" : "\n.SH KEYS\n"))
            let end = try #require(page.range(of: "\n.SH ", range: keys.upperBound..<page.endIndex))
            let section = page[keys.upperBound...end.lowerBound]  // with the last row's newline
            let reference = Keymap.reference(language: language)
            #expect(reference.count >= 3, "the keymap has contexts")
            var rows = 0
            for group in reference {
                #expect(section.contains(".SS \"\(group.title)\"\n"), "\(language): no \(group.title)")
                for row in group.rows {
                    let help = row.help.replacingOccurrences(of: "\\", with: "\\e")
                    #expect(section.contains(".TP\n.B \(row.keys)\n\(help)\n"), "\(language): \(row.keys) — \(row.help)")
                    rows += 1
                }
            }
            // Nothing else: every row of the section comes from the keymap.
            #expect(section.components(separatedBy: ".TP\n").count - 1 == rows, "\(language): \(section.components(separatedBy: ".TP\n").count - 1) rows in the page, \(rows) in the keymap")
        }
    }

    @Test(.enabled(if: isInstalled("man") && isInstalled("gzip"), "needs man-db"))
    func manRendersBothPagesWithoutAWarning() throws {
        let folder = TemporaryFolder()
        for language in ["en", "sv"] {
            try folder.write("feedback.1", try manual(language))
            let warnings = try run("/bin/sh", ["-c", "man --warnings -E UTF-8 -l -Tutf8 -Z '\(folder.file("feedback.1"))' 2>&1 >/dev/null"])
            #expect(warnings.stdout.isEmpty, "\(language): \(warnings.stdout)")
            let shown = try run("/bin/sh", ["-c", "MANWIDTH=80 man -l '\(folder.file("feedback.1"))' | col -b"])
            #expect(shown.status == 0)
            #expect(shown.stdout.contains(language == "sv" ? "NAMN" : "NAME"))
            #expect(shown.stdout.contains("feedback validate"))
            #expect(shown.stdout.contains("/etc/feedback/config"))
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func theCompletionScriptKnowsEveryCommand(shell: String) throws {
        let script = try feedback(["--generate-completion-script", shell])
        #expect(script.status == 0)
        for (path, _) in try Self.commandTree() where path.count == 2 {
            #expect(script.stdout.contains(path[1]), "\(shell) completion lacks \(path[1])")
        }
    }

    func parses(_ shell: String) throws {
        let script = try feedback(["--generate-completion-script", shell])
        let folder = TemporaryFolder()
        try folder.write("completion", script.stdout)
        let checked = try run("/usr/bin/env", [shell, "-n", folder.file("completion")])
        #expect(checked.status == 0, "\(shell) -n: \(checked.stderr)")
    }

    @Test(.enabled(if: isInstalled("bash"), "needs bash")) func theBashCompletionParses() throws { try parses("bash") }
    @Test(.enabled(if: isInstalled("zsh"), "needs zsh")) func theZshCompletionParses() throws { try parses("zsh") }
    @Test(.enabled(if: isInstalled("fish"), "needs fish")) func theFishCompletionParses() throws { try parses("fish") }
}
