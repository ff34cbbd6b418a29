import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// The quick start: `feedback`, `fill [DRAFT]`, `validate DRAFT…` and `--version` are run
/// without ArgumentParser's reflection, and behave exactly as ArgumentParser's path does
/// (reached here by adding an option that changes nothing, or `--`).
@Suite struct QuickStartTests {
    let form = shippedForm()

    func same(_ quick: [String], _ parsed: [String], in folder: String? = nil, environment: [String: String] = [:],
              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let a = try feedback(quick, in: folder, environment: environment)
        let b = try feedback(parsed, in: folder, environment: environment)
        #expect(a.status == b.status, "\(quick) vs \(parsed)", sourceLocation: sourceLocation)
        #expect(a.stdout == b.stdout, "\(quick) vs \(parsed)", sourceLocation: sourceLocation)
        #expect(a.stderr == b.stderr, "\(quick) vs \(parsed)", sourceLocation: sourceLocation)
    }

    @Test func theQuickShapesBehaveAsArgumentParsers() throws {
        let folder = TemporaryFolder()
        try folder.write(bytes: DraftCodec.encode(SampleDrafts.complete(form), form: form), "bra.json")
        var broken = SampleDrafts.complete(form)
        broken.metadata["contactEmail"] = .text("inte en adress")
        try folder.write(bytes: DraftCodec.encode(broken, form: form), "fel.json")
        try folder.write(bytes: Array("{}".utf8), "inget.json")

        try same(["--version"], ["--lang", "sv", "--version"])
        try same(["validate", "bra.json"], ["validate", "--format", "text", "bra.json"], in: folder.path)
        try same(["validate", "bra.json", "fel.json", "inget.json", "saknas.json"], ["validate", "--", "bra.json", "fel.json", "inget.json", "saknas.json"],
                 in: folder.path)
        try same(["validate", "fel.json"], ["validate", "--format", "text", "fel.json"], in: folder.path, environment: ["LANG": "en_GB.UTF-8"])
        try same(["fill", "saknas.json"], ["fill", "--", "saknas.json"], in: folder.path)
        try same(["fill", "inget.json"], ["fill", "--", "inget.json"], in: folder.path)
        // Without a terminal the interface says so, the same way on both paths.
        try same([], ["--exports", "Exports"], in: folder.path)
        try same(["fill"], ["fill", "--exports", "Exports"], in: folder.path)
        let version = try feedback(["--version"])
        #expect(version.status == 0 && version.stdout == ProgramVersion.current + "\n" && version.stderr.isEmpty)
    }

    @Test func anythingElseIsArgumentParsers() throws {
        // Help and unknown words still reach ArgumentParser.
        let help = try feedback(["help", "validate"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: feedback validate"), "\(help.stdout)")
        try same(["validate", "help"], ["validate", "--", "help"])
        let unknown = try feedback(["--versio"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown option '--versio'"))
    }

    /// The release binary, when built (or FEEDBACK_RELEASE_BINARY): `feedback --version` in at most 6 M instructions
    /// (17.7 M before the quick start, 13.1 M of them in `parseAsRoot`).
    static let release = ProcessInfo.processInfo.environment["FEEDBACK_RELEASE_BINARY"] ?? Paths.root + "/.build/release/feedback"
    static let valgrind = ["/usr/bin/valgrind", "/usr/local/bin/valgrind"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: valgrind != nil && FileManager.default.isExecutableFile(atPath: release),
                   "needs valgrind and a release build (swift build -c release --product feedback)"))
    func versionIsCheapInInstructions() throws {
        let folder = TemporaryFolder()
        let log = folder.file("callgrind.log")
        // Valgrind cannot read the static binary's debug information: a stripped copy, as packaged.
        let stripped = folder.file("feedback")
        #expect(try run("/usr/bin/strip", ["-o", stripped, Self.release]).status == 0)
        let result = try run(Self.valgrind!, ["--tool=callgrind", "--callgrind-out-file=/dev/null", "--log-file=" + log, stripped, "--version"])
        #expect(result.status == 0)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.contains("Collected :") })
        let count = try #require(Int(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)))
        #expect(count <= 6_000_000, "feedback --version: \(count) instructions")
    }
}
