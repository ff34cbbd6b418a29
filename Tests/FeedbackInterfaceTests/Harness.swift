import Foundation
import FeedbackModel
import Testing
import TestSupport
@testable import FeedbackInterface

/// Drives the interface core with keys and reads the rendered screen, with no terminal.
struct Harness {
    var app: App
    var width: Int
    var height: Int
    var now = 1_806_480_000.0
    var commands: [AppCommand] = []

    init(draft: Draft? = nil, width: Int = 80, height: Int = 24, language: Language = .sv, readOnly: ReadOnlyReason? = nil,
         path: String = "/tmp/utkast.json", today: SimpleDate? = nil, lastYear: LastYearTexts? = nil,
         form: FormDefinition = shippedForm()) {
        let draft = draft ?? Draft.new(form: form, committee: form.committee(id: "hsn")?.id ?? form.committees[0].id,
                                       documentID: "test", now: SampleDrafts.now)
        let ids = IDCounter()
        app = App(session: EditorSession(form: form, draft: draft, path: path, language: language,
                                         exportFolder: "/srv/export", readOnly: readOnly, time: .utc, today: today,
                                         lastYear: lastYear, makeDocumentID: { ids.next() }))
        self.width = width
        self.height = height
        _ = app.handle(.resize(width: width, height: height), now: now)
    }

    init(start: StartScreen, width: Int = 80, height: Int = 24) {
        app = App(start: start)
        self.width = width
        self.height = height
        _ = app.handle(.resize(width: width, height: height), now: now)
    }

    init(board: BoardScreen, width: Int = 80, height: Int = 24) {
        app = App(board: board)
        self.width = width
        self.height = height
        _ = app.handle(.resize(width: width, height: height), now: now)
    }

    var session: EditorSession { app.session! }

    mutating func press(_ keys: Key...) {
        for key in keys { send(key) }
    }

    mutating func send(_ key: Key) {
        now += 0.05
        commands += app.handle(.key(key), now: now)
        _ = screen()  // render after every key, as the real loop does
    }

    /// Sends any event (a result from the shell) and keeps the commands.
    mutating func event(_ event: AppEvent) {
        commands += app.handle(event, now: now)
    }

    mutating func resize(_ width: Int, _ height: Int) {
        self.width = width
        self.height = height
        _ = app.handle(.resize(width: width, height: height), now: now)
    }

    /// Types text as single keystrokes (one per grapheme; "\n" is Enter).
    mutating func type(_ text: String) {
        for c in text { send(c == "\n" ? .enter : .character(c)) }
    }

    func screen() -> ScreenGrid {
        var grid = ScreenGrid(width: width, height: height)
        app.render(into: &grid)
        return grid
    }

    func text() -> String { screen().text }

    func lines() -> [String] { screen().lines }

    /// The cursor as (row, column) on the screen.
    func cursor() -> (row: Int, column: Int)? { screen().cursor }

    /// Goes to a section's first page (Alt-N).
    /// Types into a draft opened with the decided status (the shared samples are decided):
    /// the first character asks whether to change the decided text, the answer is yes (the
    /// status goes back), then the rest is typed.
    mutating func typeAfterTheDecision(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let first = text.first else { return }
        type(String(first))
        #expect(self.text().contains("Texten är beslutad"), sourceLocation: sourceLocation)
        press(.character("j"))
        type(String(text.dropFirst()))
    }

    mutating func goToSection(_ n: Int) { press(.alt(Character(String(n)))) }

    func draft() -> Draft {
        guard let s = app.session else { fatalError("no session") }
        return s.currentDraft()
    }

    /// The last save of the draft file (not an autosave) among the commands since the last call.
    mutating func takeDraftSave() -> (Draft, String)? {
        for command in takeCommands().reversed() {
            if case .session(.save(let draft, let path, let purpose)) = command, purpose != .copy(replace: false), purpose != .copy(replace: true) {
                return (draft, path)
            }
        }
        return nil
    }

    /// The session commands issued since the last call.
    mutating func takeCommands() -> [AppCommand] {
        defer { commands = [] }
        return commands
    }

    /// Answers the last save as the shell would: written (no failure) or failed.
    mutating func finishSave(failure: SaveFailure? = nil, emergencyCopy: String? = nil) {
        for command in takeCommands().reversed() {
            if case .session(.save(let draft, let path, let purpose)) = command {
                event(.saveFinished(draft, path: path, purpose: purpose, failure: failure, emergencyCopy: emergencyCopy))
                return
            }
        }
        Issue.record("no save was asked for")
    }
}

/// Document ids "copy-1", "copy-2" … for tests.
final class IDCounter: @unchecked Sendable {
    private var n = 0
    private let lock = NSLock()
    func next() -> String {
        lock.lock()
        defer { lock.unlock() }
        n += 1
        return "copy-\(n)"
    }
}

/// Whole screens compared with golden text files beside the tests (`Screens/NAME.txt`),
/// re-recorded with `FEEDBACK_RECORD=1 swift test`, as ratatui's TestBackend and tig's
/// screen dumps do.
enum Golden {
    static let folder = Paths.root + "/Tests/FeedbackInterfaceTests/Screens"

    /// The screen as the golden file holds it: every row (trailing spaces removed) framed
    /// by "|" so blank rows count, then the cursor.
    static func dump(_ grid: ScreenGrid) -> String {
        var lines = grid.lines.map { line -> String in
            var l = line
            while l.hasSuffix(" ") { l.removeLast() }
            return "|" + l
        }
        lines.append("cursor: " + (grid.cursor.map { "\($0.row),\($0.column)" } ?? "hidden"))
        return lines.joined(separator: "\n") + "\n"
    }

    static func check(_ grid: ScreenGrid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let path = folder + "/" + name + ".txt"
        let actual = dump(grid)
        if ProcessInfo.processInfo.environment["FEEDBACK_RECORD"] == "1" {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            Issue.record("no golden screen \(name).txt; record it with FEEDBACK_RECORD=1 swift test", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report: [String] = []
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : "∅"
            let y = i < b.count ? String(b[i]) : "∅"
            if x != y { report.append("row \(i): expected \(x.debugDescription)\n        actual   \(y.debugDescription)") }
        }
        let message = "screen \(name) differs (FEEDBACK_RECORD=1 re-records):\n" + report.joined(separator: "\n")
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}

extension Harness {
    /// Compares the whole screen with `Screens/NAME.txt`.
    func expectScreen(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.check(screen(), name, sourceLocation: sourceLocation)
    }
}
