import FeedbackInterface
import FeedbackModel
import FeedbackTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `feedback-test-helper terminal-selftest`: a tiny program that exercises the terminal backend for the
/// end-to-end tests (run inside tmux). It draws wide characters, a combining mark, a control
/// token and colours; echoes every decoded key; shows the size after a resize; quits on
/// Ctrl-Q, and on SIGHUP or SIGTERM, always restoring the terminal.
///
/// Arguments: `--no-color`, `--lang sv|en`.
enum TerminalSelfTest {
    /// The sample line on row 6, followed by the token `^[` and `|` (which ends at column 21).
    static let sample = "Hej åäö 中文 😀 e\u{301} "

    /// Runs until Ctrl-Q or a signal; 0 when the terminal was used and given back, 2 when
    /// there is no usable terminal (with a message on standard error).
    static func run(arguments: [String]) -> Int32 {
        let language = languageOption(arguments) ?? Language.fromEnvironment(environment(["LC_ALL", "LC_MESSAGES", "LANG"]))
        let terminal: Terminal
        do {
            terminal = try Terminal(colors: !arguments.contains("--no-color"))
        } catch {
            writeError("feedback: " + error.message(language) + "\n")
            return 2
        }
        var state = State(size: terminal.size)
        var decoder = KeyDecoder()
        while true {
            // Redrawing in the middle of a paste is wasted work: wait for its end.
            if !decoder.isPasting { terminal.draw(state.grid(colors: terminal.usesColors)) }
            let timeout: Double? = decoder.isPasting ? 2 : decoder.isAwaitingMore ? terminal.escapeDelay : nil
            var keys: [Key] = []
            switch terminal.waitForInput(timeout: timeout) {
            case .bytes(let bytes):
                keys = decoder.feed(bytes)
            case .timeout:
                keys = decoder.timeout()
            case .resized:
                state.size = terminal.size
            case .signal, .endOfInput:
                terminal.close()
                return 0
            }
            for key in keys {
                if key == .control("q") {
                    terminal.close()
                    return 0
                }
                state.record(key)
            }
        }
    }

    /// What the self-test shows.
    struct State {
        var size: (width: Int, height: Int)
        var lastKey = "key: (none)"
        var typed = ""
        var keyCount = 0

        mutating func record(_ key: Key) {
            keyCount += 1
            lastKey = TerminalSelfTest.describe(key)
            if case .character(let character) = key {
                typed.append(character)
                if typed.count > 40 { typed.removeFirst(typed.count - 40) }
            }
        }

        func grid(colors: Bool) -> ScreenGrid {
            var grid = ScreenGrid(width: size.width, height: size.height)
            let header = Style(.header, bold: true)
            grid.fill(row: 0, column: 0, width: grid.width, height: 1, style: header)
            grid.put(" feedback terminaltest / terminal self-test   Ctrl-Q avslutar / quits", row: 0, column: 0, style: header)
            grid.put(lastKey, row: 1, column: 0)
            grid.put("typed: " + typed, row: 2, column: 0)
            grid.put("size \(size.width)x\(size.height)", row: 3, column: 0)
            grid.put("keys: \(keyCount)", row: 4, column: 0)
            var x = grid.put(colors ? "colours:" : "no colours:", row: 5, column: 0)
            for role in ColorRole.allCases where role != .normal {
                x = grid.put(" ", row: 5, column: x)
                x = grid.put("\(role)", row: 5, column: x, style: Style(role))
            }
            // The sample comes last, with the cursor right after it: on the first screen curses
            // then has no reason to move the cursor, so where the terminal's cursor ends up
            // shows whether the terminal agrees with the grid on every character's width.
            let afterSample = grid.put(TerminalSelfTest.sample, row: 6, column: 0)
            let afterToken = grid.put("\u{1B}", row: 6, column: afterSample)  // shown as the token ^[
            let end = grid.put("|", row: 6, column: afterToken)
            grid.cursor = (row: 6, column: min(end, max(0, grid.width - 1)))
            return grid
        }
    }

    /// A key as the tests read it: `character(a)`, `control(s)`, `paste: 12 bytes, 2 lines`.
    static func describe(_ key: Key) -> String {
        switch key {
        case .character(let c): return "key: character(\(Sanitizer.visible(String(c))))"
        case .control(let c): return "key: control(\(Sanitizer.visible(String(c))))"
        case .alt(let c): return "key: alt(\(Sanitizer.visible(String(c))))"
        case .function(let n): return "key: function(\(n))"
        case .paste(let text): return "paste: \(text.utf8.count) bytes, \(lineCount(text)) lines"
        default: return "key: \(key)"
        }
    }

    /// Lines in pasted text; tmux turns LF into CR when it pastes, so CR, LF and CR LF all end one.
    static func lineCount(_ text: String) -> Int {
        var lines = 1
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0D || (byte == 0x0A && previous != 0x0D) { lines += 1 }
            previous = byte
        }
        return lines
    }

    private static func languageOption(_ arguments: [String]) -> Language? {
        guard let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count else { return nil }
        return Language(rawValue: arguments[index + 1])
    }

    private static func environment(_ names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }

    private static func writeError(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
