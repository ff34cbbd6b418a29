import Foundation
import Testing
import TestSupport

/// The README and the guides in docs/: a README short enough to read, links that lead
/// somewhere, every dependency named, and examples that run as they are printed.
@Suite struct DocsTests {
    /// The files checked: the README and every guide, as paths relative to the package root.
    static let files: [String] = {
        let guides = (try? FileManager.default.contentsOfDirectory(atPath: Paths.root + "/docs")) ?? []
        return ["README.md"] + guides.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    @Test func theGuidesAreThere() {
        for guide in ["secretaries", "board", "administrators", "benchmarks", "contributing", "forms", "handing-in", "documents", "answers"] {
            #expect(Self.files.contains("docs/\(guide).md"))
        }
    }

    /// A guide nobody links to is a guide nobody finds: the README links every one.
    @Test func theReadmeLinksEveryGuide() throws {
        let links = Set(try MarkdownFile(Paths.root, "README.md").links.map { $0.split(separator: "#").first.map(String.init) ?? $0 })
        for guide in Self.files where guide.hasPrefix("docs/") {
            #expect(links.contains(guide), "README.md does not link \(guide)")
        }
    }

    @Test func theReadmeIsShort() throws {
        let lines = try MarkdownFile(Paths.root, "README.md").lines
        #expect(lines.count <= 400, "README.md has \(lines.count) lines; move the detail to a guide in docs/")
    }

    @Test func theReadmeNamesTheTwoCommands() throws {
        let readme = try MarkdownFile(Paths.root, "README.md")
        let commands = readme.fencedBlocks.flatMap { $0.lines }
        #expect(commands.contains { $0.hasPrefix("swift run feedback ") || $0 == "swift run feedback" })
        #expect(commands.contains { $0.hasPrefix("swift test ") || $0 == "swift test" })
    }

    /// Every package in Package.swift, named as owner/name in the README's dependencies.
    @Test func theReadmeNamesEveryDependency() throws {
        let manifest = try String(contentsOfFile: Paths.root + "/Package.swift", encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"\.package\(url:\s*"https://github\.com/([^"]+?)(?:\.git)?""#)
        let names = pattern.matches(in: manifest, range: NSRange(manifest.startIndex..., in: manifest)).compactMap {
            Range($0.range(at: 1), in: manifest).map { String(manifest[$0]) }
        }
        #expect(names.count >= 5, "no dependencies found in Package.swift: \(names)")
        let readme = try String(contentsOfFile: Paths.root + "/README.md", encoding: .utf8)
        let section = readme.components(separatedBy: "## Dependencies").dropFirst().first?.components(separatedBy: "\n## ").first ?? ""
        for name in names {
            #expect(section.contains("**\(name)**"), "the README's Dependencies section does not name \(name)")
        }
    }

    @Test(arguments: files) func everyRelativeLinkLeadsSomewhere(_ file: String) throws {
        let markdown = try MarkdownFile(Paths.root, file)
        let folder = (file as NSString).deletingLastPathComponent
        for link in markdown.links where !link.contains("://") && !link.hasPrefix("mailto:") {
            let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let target = parts[0].isEmpty ? file : ((folder as NSString).appendingPathComponent(parts[0]) as NSString).standardizingPath
            let path = Paths.root + "/" + target
            guard FileManager.default.fileExists(atPath: path) else {
                Issue.record("\(file): the link \(link) leads to \(target), which does not exist")
                continue
            }
            guard parts.count == 2 else { continue }
            guard target.hasSuffix(".md") else {
                Issue.record("\(file): the link \(link) has an anchor into a file that is not Markdown")
                continue
            }
            let anchors = try MarkdownFile(Paths.root, target).anchors
            #expect(anchors.contains(parts[1]), "\(file): the link \(link) names no heading of \(target) (its anchors: \(anchors.sorted()))")
        }
    }

    /// The README's screen is one of the golden screens the interface tests compare, so it
    /// shows what the program really draws (FEEDBACK_RECORD=1 copies it again).
    @Test func theReadmeScreenIsAGoldenScreen() throws {
        let name = "heading-typed"
        let golden = try String(contentsOfFile: Paths.root + "/Tests/FeedbackInterfaceTests/Screens/\(name).txt", encoding: .utf8)
        let rows = golden.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("|") }.map { $0.dropFirst() }
        #expect(rows.count == 24, "the golden screen \(name) is not an 80×24 screen")
        let content = "```text\n" + rows.joined(separator: "\n") + "\n```\n"
        try GeneratedBlock.check(in: "README.md",
                                 begin: "<!-- screen: Tests/FeedbackInterfaceTests/Screens/\(name).txt; FEEDBACK_RECORD=1 swift test rewrites it -->",
                                 end: "<!-- end of screen -->", content: content, what: "screen")
    }

    /// A `<!-- runs -->` line must stand right before a fenced sh block, or the block would
    /// silently not be run.
    @Test(arguments: files) func everyRunsMarkerIsOnAShellBlock(_ file: String) throws {
        let markdown = try MarkdownFile(Paths.root, file)
        for (index, line) in markdown.lines.enumerated() where line.trimmingCharacters(in: .whitespaces) == MarkdownFile.runsMarker {
            let next = markdown.lines.dropFirst(index + 1).first ?? ""
            #expect(next == "```sh", "\(file):\(index + 1): \(MarkdownFile.runsMarker) is not followed by a ```sh block")
        }
    }

    @Test func theGuidesForEachReaderHaveExamplesThatRun() throws {
        for file in ["README.md", "docs/secretaries.md", "docs/board.md", "docs/administrators.md"] {
            #expect(try !MarkdownFile(Paths.root, file).runnableBlocks.isEmpty, "\(file) has no example marked \(MarkdownFile.runsMarker)")
        }
    }

    /// Every block marked `<!-- runs -->` runs with `sh -e` and exits 0: each in a fresh
    /// empty folder, so any one can be copied alone, with the built `feedback` first on the
    /// PATH and no configuration but the block's own (as the other command tests run the binary).
    @Test(arguments: files) func theMarkedExamplesRun(_ file: String) throws {
        for block in try MarkdownFile(Paths.root, file).runnableBlocks {
            let folder = TemporaryFolder()
            let home = folder.file(".home")
            try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
            let environment = [
                "PATH": Paths.products + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                "HOME": home,
                "XDG_DATA_HOME": home + "/.local/share",
                "XDG_STATE_HOME": home + "/.local/state",
                "XDG_CONFIG_HOME": noConfiguration + "/config",
                "FEEDBACK_SYSTEM_CONFIG_DIR": noConfiguration + "/etc",
            ]
            let script = block.lines.joined(separator: "\n")
            let result = try run("/bin/sh", ["-e", "-c", script], in: folder.path, environment: environment)
            #expect(result.status == 0, """
                \(file):\(block.line): the example exits \(result.status)
                \(script)
                standard error: \(result.stderr)
                """)
        }
    }
}

/// A Markdown file as the tests read it: its lines, fenced blocks, links and headings.
struct MarkdownFile {
    static let runsMarker = "<!-- runs -->"

    struct Block {
        /// The line of the opening fence (1-based), its info string, and the lines inside.
        var line: Int
        var info: String
        var lines: [String]
        var runs: Bool
    }

    let lines: [String]
    let fencedBlocks: [Block]
    /// The lines outside fenced blocks (prose, headings, tables).
    let prose: [String]

    init(_ root: String, _ file: String) throws {
        let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        var blocks: [Block] = []
        var prose: [String] = []
        // The open block and the length of its fence: a fence closes only with at least as
        // many backticks and nothing after them, so a ````markdown block can show a ```sh one.
        var open: (block: Block, fence: Int)?
        for (index, line) in lines.enumerated() {
            let fence = line.prefix { $0 == "`" }.count
            if var current = open {
                if fence >= current.fence && line.dropFirst(fence).allSatisfy({ $0 == " " }) {
                    blocks.append(current.block)
                    open = nil
                } else {
                    current.block.lines.append(line)
                    open = current
                }
            } else if fence >= 3 {
                let marked = index > 0 && lines[index - 1].trimmingCharacters(in: .whitespaces) == Self.runsMarker
                open = (Block(line: index + 1, info: String(line.dropFirst(fence)), lines: [], runs: marked), fence)
            } else {
                prose.append(line)
            }
        }
        fencedBlocks = blocks
        self.prose = prose
    }

    var runnableBlocks: [Block] { fencedBlocks.filter { $0.runs && $0.info == "sh" } }

    /// The targets of the links outside fenced blocks: inline `[text](target)` and
    /// reference definitions `[label]: target`.
    var links: [String] {
        let inline = try! NSRegularExpression(pattern: #"\]\(([^)\s]+)\)"#)
        let reference = try! NSRegularExpression(pattern: #"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)"#)
        return prose.flatMap { line in
            (inline.matches(in: line, range: NSRange(line.startIndex..., in: line))
                + reference.matches(in: line, range: NSRange(line.startIndex..., in: line))).compactMap {
                Range($0.range(at: 1), in: line).map { String(line[$0]) }
            }
        }
    }

    /// The headings' anchors as GitHub makes them: lower case, punctuation dropped, spaces
    /// as hyphens, a repeated one numbered.
    var anchors: Set<String> {
        var seen: [String: Int] = [:]
        var result: Set<String> = []
        for line in prose where line.hasPrefix("#") {
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            let slug = String(title.lowercased().unicodeScalars.filter {
                CharacterSet.alphanumerics.contains($0) || $0 == " " || $0 == "-" || $0 == "_"
            }.map(Character.init)).replacingOccurrences(of: " ", with: "-")
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            result.insert(count == 0 ? slug : "\(slug)-\(count)")
        }
        return result
    }
}
