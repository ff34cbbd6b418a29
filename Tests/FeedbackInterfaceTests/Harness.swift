import FeedbackModel
import TestSupport
@testable import FeedbackInterface

/// Drives the interface core with keys and reads the rendered screen, with no terminal.
struct Harness {
    var app: App
    var width: Int
    var height: Int
    var now = 1_806_480_000.0
    var commands: [AppCommand] = []

    init(draft: Draft? = nil, width: Int = 80, height: Int = 24, language: Language = .sv, readOnly: ReadOnlyReason? = nil) {
        let form = shippedForm()
        let draft = draft ?? Draft.new(form: form, committee: "hsn", documentID: "test", now: SampleDrafts.now)
        app = App(session: EditorSession(form: form, draft: draft, path: "/tmp/utkast.json", language: language,
                                         exportFolder: "Exports", readOnly: readOnly))
        self.width = width
        self.height = height
    }

    init(start: StartScreen, width: Int = 80, height: Int = 24) {
        app = App(start: start)
        self.width = width
        self.height = height
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

    /// Types text as single keystrokes (one per grapheme; "\n" is Enter).
    mutating func type(_ text: String) {
        for c in text { send(c == "\n" ? .enter : .character(c)) }
    }

    mutating func screen() -> ScreenGrid {
        var grid = ScreenGrid(width: width, height: height)
        app.render(into: &grid)
        return grid
    }

    mutating func text() -> String { screen().text }

    mutating func lines() -> [String] { screen().lines }

    /// The cursor as (row, column) on the screen.
    mutating func cursor() -> (row: Int, column: Int)? { screen().cursor }

    /// Goes to a section's first page (Alt-N).
    mutating func goToSection(_ n: Int) { press(.alt(Character(String(n)))) }

    mutating func draft() -> Draft {
        guard let s = app.session else { fatalError("no session") }
        return s.currentDraft()
    }

    /// The last save of the draft file (not an autosave) among the commands since the last call.
    mutating func takeDraftSave() -> (Draft, String)? {
        for command in takeCommands().reversed() {
            if case .session(.save(let draft, let path, .draft)) = command { return (draft, path) }
        }
        return nil
    }

    /// The session commands issued since the last call.
    mutating func takeCommands() -> [AppCommand] {
        defer { commands = [] }
        return commands
    }
}
