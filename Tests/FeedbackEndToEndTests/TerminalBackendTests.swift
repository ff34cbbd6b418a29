import Foundation
import Testing
import TestSupport

/// The terminal backend in a real terminal: `feedback-test-helper terminal-selftest` inside tmux.
/// Skipped, and reported as skipped, where tmux is missing.
@Suite("Terminal backend in tmux",
       .enabled(if: TmuxSession.isAvailable, "⚠️ SKIPPED: tmux is not installed (apt-get install tmux)"))
struct TerminalBackendTests {
    /// The self-test's sample row: wide characters, a combining mark, the token for ESC.
    static let sampleRow = "Hej åäö 中文 😀 é ^[|"
    static let sampleLine = 6

    /// Starts the self-test in tmux and waits for its first screen.
    func start(width: Int = 80, height: Int = 24, arguments: String = "", environment: [String: String] = [:]) throws -> TmuxSession {
        let session = try TmuxSession(command: "exec \(shellQuoted(Paths.testHelper)) terminal-selftest \(arguments)",
                                      width: width, height: height, environment: environment)
        let started = session.waitFor("size \(width)x\(height)")
        #expect(started, "the self-test did not draw its screen:\n\(session.capture())")
        return session
    }

    @Test("draws wide characters, combining marks and tokens where they belong")
    func drawsText() throws {
        let tmux = try start()
        defer { tmux.kill() }
        #expect(tmux.line(Self.sampleLine) == Self.sampleRow)
        #expect(tmux.line(0).contains("Ctrl-Q"))
        #expect(tmux.line(3) == "size 80x24")
        // Curses leaves the cursor where it wrote the sample's last cell and the grid wants it
        // there, so the terminal's cursor shows whether tmux agrees with our widths (中 文 😀
        // two cells each, é one, the token ^[ two).
        let cursor = tmux.cursor()
        #expect(cursor.row == Self.sampleLine && cursor.column == 21, "cursor at \(cursor)")
        #expect(tmux.format("#{cursor_flag}") == "1")
        #expect(tmux.format("#{alternate_on}") == "1")
    }

    @Test("draws å, ä, ö and wide characters even under LC_ALL=C")
    func plainLocale() throws {
        let tmux = try TmuxSession(command: "exec env LANG=C LC_ALL=C \(shellQuoted(Paths.testHelper)) terminal-selftest")
        defer { tmux.kill() }
        #expect(tmux.waitFor("size 80x24"), "screen:\n\(tmux.capture())")
        #expect(tmux.line(Self.sampleLine) == Self.sampleRow)
        let cursor = tmux.cursor()
        #expect(cursor.row == Self.sampleLine && cursor.column == 21, "cursor at \(cursor)")
    }

    @Test("shows roles in colour, and without colours when NO_COLOR is set")
    func colours() throws {
        let tmux = try start()
        defer { tmux.kill() }
        #expect(tmux.line(5).hasPrefix("colours: header selection error"))
        // Header: black on cyan (SGR 30 and 46, in whatever combination tmux writes them).
        let header = tmux.captureWithEscapes().components(separatedBy: "\n").first ?? ""
        #expect(header.contains("30") && header.contains("46"), "header row: \(header.debugDescription)")

        let plain = try start(environment: ["NO_COLOR": "1"])
        defer { plain.kill() }
        #expect(plain.line(5).hasPrefix("no colours: header"))
        let plainHeader = plain.captureWithEscapes().components(separatedBy: "\n").first ?? ""
        #expect(plainHeader.contains("7"), "reverse video for the header: \(plainHeader.debugDescription)")
        #expect(!plainHeader.contains("46"))
    }

    @Test("typed text arrives as characters: Swedish letters, ASCII, combining marks, CJK, emoji")
    func typing() throws {
        let tmux = try start()
        defer { tmux.kill() }
        tmux.type("åäö")
        #expect(tmux.waitFor("typed: åäö"), "screen:\n\(tmux.capture())")
        #expect(tmux.line(1) == "key: character(ö)")
        #expect(tmux.line(4) == "keys: 3")
        tmux.type(" Hej e\u{301} 中😀")
        #expect(tmux.waitFor("typed: åäö Hej é 中😀"), "screen:\n\(tmux.capture())")
        #expect(tmux.line(1) == "key: character(😀)")
        #expect(tmux.line(4) == "keys: 12", "é is one key")
        tmux.sendKeys("C-s")
        #expect(tmux.waitFor("key: control(s)"))
        tmux.sendKeys("Up")
        #expect(tmux.waitFor("key: up"))
        tmux.sendKeys("F5")
        #expect(tmux.waitFor("key: function(5)"))
        // A lone Escape is delivered after the escape delay, not held back.
        tmux.sendKeys("Escape")
        #expect(tmux.waitFor("key: escape", timeout: 3))
    }

    @Test("a 1 MB bracketed paste arrives as one paste, quickly")
    func largePaste() throws {
        let tmux = try start()
        defer { tmux.kill() }
        let size = 1024 * 1024
        let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        var bytes = (0..<(size - 1)).map { letters[$0 % letters.count] }
        bytes.append(UInt8(ascii: "."))
        let text = String(decoding: bytes, as: UTF8.self)
        let started = Date()
        tmux.paste(text)
        let arrived = tmux.waitFor("paste: \(size) bytes, 1 lines", timeout: 15)
        let seconds = Date().timeIntervalSince(started)
        #expect(arrived, "screen:\n\(tmux.capture())")
        #expect(seconds < 5, "the paste took \(seconds) s")
        #expect(tmux.line(4) == "keys: 1", "one paste is one key")

        // Lines and non-ASCII text survive a paste too (tmux sends each LF as CR).
        tmux.paste("rad 1 åäö\nrad 2 中文\nrad 3 😀")
        #expect(tmux.waitFor("paste: \("rad 1 åäö\rrad 2 中文\rrad 3 😀".utf8.count) bytes, 3 lines"), "screen:\n\(tmux.capture())")
        // (Waited for: under load the screen can show the paste a frame before the count.)
        #expect(tmux.waitUntil(timeout: 5) { _ in tmux.line(4) == "keys: 2" }, "screen:\n\(tmux.capture())")
    }

    @Test("a resize redraws at the new size",
          .enabled(if: TmuxSession.canResize, "⚠️ SKIPPED: this tmux has no resize-window (needs 2.9 or later)"))
    func resize() throws {
        let tmux = try start()
        defer { tmux.kill() }
        tmux.resize(width: 100, height: 30)
        #expect(tmux.waitFor("size 100x30"), "screen:\n\(tmux.capture())")
        #expect(tmux.line(Self.sampleLine) == Self.sampleRow)
        #expect(tmux.line(0).hasSuffix("quits"), "the header is redrawn")
        tmux.resize(width: 40, height: 10)
        #expect(tmux.waitFor("size 40x10"), "screen:\n\(tmux.capture())")
        #expect(tmux.line(Self.sampleLine) == Self.sampleRow)
        // Narrower than the header: clipped, not wrapped onto the next row.
        #expect(tmux.line(1) == "key: (none)")
    }

    @Test("Ctrl-Q exits with status 0 and gives the terminal back")
    func quit() throws {
        let folder = TemporaryFolder()
        let modes = folder.file("modes.txt")
        // Through a shell, to look at the terminal after the program: its exit status, the
        // modes stty reports, the screen and the cursor. Then `cat -v` shows what a paste
        // sends (and keeps the pane alive: tmux marks a dead pane by scrolling the screen and
        // hiding the cursor).
        let command = "\(shellQuoted(Paths.testHelper)) terminal-selftest; status=$?; stty -a > \(shellQuoted(modes)); "
            + "echo \"exit=$status\"; exec cat -v"
        let tmux = try TmuxSession(command: command)
        defer { tmux.kill() }
        #expect(tmux.waitFor("size 80x24"))
        tmux.sendKeys("C-q")
        #expect(tmux.waitFor("exit=0"), "screen:\n\(tmux.capture())")
        // Back on the main screen, cursor visible, echo and line editing on again.
        #expect(tmux.format("#{alternate_on}") == "0")
        #expect(tmux.format("#{cursor_flag}") == "1")
        #expect(!tmux.capture().contains("Hej åäö"))
        let stty = (try? folder.read("modes.txt")) ?? ""
        let flags = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        #expect(flags.contains("icanon") && flags.contains("echo") && flags.contains("isig") && flags.contains("icrnl"),
                "terminal modes after exit: \(stty)")
        // Bracketed paste is off again: a paste arrives without ESC [ 200 ~ around it.
        tmux.paste("pasted text\n")
        #expect(tmux.waitFor("pasted text"), "screen:\n\(tmux.capture())")
        #expect(!tmux.capture().contains("200~"), "screen:\n\(tmux.capture())")
    }

    @Test("SIGTERM and SIGHUP end it with status 0 and the terminal restored")
    func signals() throws {
        for signal in [SIGTERM, SIGHUP] {
            let tmux = try start()
            defer { tmux.kill() }
            guard let pid = tmux.pid() else {
                Issue.record("no pid for the pane")
                continue
            }
            #expect(kill(pid, signal) == 0)
            #expect(tmux.waitForExit(), "signal \(signal): still running")
            #expect(tmux.exitStatus() == 0, "signal \(signal): status \(String(describing: tmux.exitStatus())), signal \(String(describing: tmux.exitSignal()))")
            #expect(tmux.format("#{alternate_on}") == "0")
        }
    }

    @Test("an unknown TERM gives a clear message and exit status 2")
    func unknownTerm() throws {
        let tmux = try TmuxSession(command: "exec env TERM=no-such-terminal \(shellQuoted(Paths.testHelper)) terminal-selftest --lang en")
        defer { tmux.kill() }
        #expect(tmux.waitForExit())
        #expect(tmux.exitStatus() == 2)
        let screen = tmux.captureAll()
        #expect(screen.contains("feedback: unknown terminal: TERM=no-such-terminal is not in terminfo"), "screen:\n\(screen)")
    }
}

/// The backend without a terminal (no tmux needed).
@Suite("Terminal backend without a terminal")
struct TerminalBackendRefusalTests {
    @Test("without a terminal it refuses with a message and exit status 2")
    func notATerminal() throws {
        let swedish = try run(Paths.testHelper, ["terminal-selftest"])
        #expect(swedish.status == 2)
        #expect(swedish.stderr.hasPrefix("feedback: ingen terminal"), "stderr: \(swedish.stderr)")
        #expect(swedish.stdout.isEmpty, "nothing for the pipe: \(swedish.stdout.debugDescription)")
        let english = try run(Paths.testHelper, ["terminal-selftest"], environment: ["LANG": "en_US.UTF-8"])
        #expect(english.status == 2)
        #expect(english.stderr.hasPrefix("feedback: not a terminal"), "stderr: \(english.stderr)")
    }
}

/// Test-only programs live in `feedback-test-helper`, not in the shipped binary.
@Suite("Test helpers outside the product")
struct TestHelperPlacementTests {
    @Test("the shipped binary has no hidden test entry points")
    func noHiddenEntryPoints() throws {
        for hidden in ["__terminal-selftest", "__lock-probe"] {
            let result = try feedback([hidden])
            #expect(result.status == 2, "\(hidden): \(result.stderr)")
            #expect(result.stderr.contains("Unexpected argument '\(hidden)'"), "\(hidden) is refused as an unknown command: \(result.stderr)")
        }
    }

    @Test("the test helper is built beside the binary and refuses an unknown program")
    func helperRuns() throws {
        let result = try run(Paths.testHelper, ["no-such-program"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("usage: feedback-test-helper"))
    }
}

/// `text` as one word for sh.
func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
