import CNcursesw
import FeedbackInterface
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal: curses for output, raw bytes for input (decoded by FeedbackInterface.KeyDecoder).
///
/// The only code in the program that talks to curses. One may be open at a time; `close()`
/// (or deinit) gives the terminal back as it was, and so do exit() and crashes while open.
public final class Terminal {
    /// How long a lone ESC waits for the rest of a sequence before it is the Escape key, in
    /// seconds: `$ESCDELAY` milliseconds, else 25 ms. Give this to `waitForInput` while the
    /// decoder `isAwaitingMore`, then call the decoder's `timeout()`.
    public let escapeDelay: Double
    /// Whether roles are shown in colour (else as reverse video, bold, underline and dim).
    public var usesColors: Bool { palette.usesColors }

    private enum Phase { case active, suspended, closed }

    private let screen: OpaquePointer
    private let signals: SignalPipe
    private let palette: Palette
    private var phase = Phase.active
    /// The grid on the terminal now; nil forces a full redraw.
    private var shown: ScreenGrid?
    private var cursorVisible: Bool?
    /// Events found together (a hang-up and a resize) and handed out one per call.
    var queued: [InputEvent] = []
    var readBuffer = [UInt8](repeating: 0, count: Terminal.readLimit)

    /// Input is read in chunks of up to this many bytes, so a 5 MB paste arrives quickly.
    static let readLimit = 64 * 1024

    /// Bracketed paste on and off (the terminal wraps pastes in ESC [ 200 ~ … ESC [ 201 ~).
    private static let pasteOn = "\u{1B}[?2004h"
    private static let pasteOff = "\u{1B}[?2004l"

    /// Starts curses on standard input and output.
    ///
    /// Both must be terminals (with a pipe, keys would arrive as raw escape sequences), and
    /// `TERM` must name a known terminal. Input is raw bytes, not curses keys: `keypad` is
    /// off, since `KeyDecoder` knows more sequences (and bracketed paste) than curses does.
    public init(colors: Bool = true) throws(StartError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        Terminal.chooseLocale()
        // The shell's modes, put back on a crash (a failure only loses that safety net).
        _ = SignalPipe.saveModes(of: STDIN_FILENO)
        // Our handlers go in before newterm: curses then leaves SIGWINCH, SIGINT and SIGTERM
        // alone (it only catches signals whose action is still the default).
        let signals = SignalPipe()
        guard let screen = newterm(nil, feedback_stdout(), feedback_stdin()) else {
            signals.close()
            throw .unusableTerm(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        self.signals = signals
        let window = feedback_stdscr()
        raw()
        noecho()
        nonl()
        typeahead(-1)  // curses must never read stdin: the bytes are ours
        keypad(window, false)
        intrflush(window, false)
        leaveok(window, false)
        scrollok(window, false)
        let delay = getenv("ESCDELAY").flatMap { Int(String(cString: $0)) }.map { max(0, min($0, 10_000)) } ?? 25
        escapeDelay = Double(delay) / 1000
        set_escdelay(Int32(delay))
        palette = Palette(colors: colors)
        signals.armEmergencyRestore(bytes: Terminal.restoreBytes())
        Terminal.send(Terminal.pasteOn)
        wnoutrefresh(window)
        doupdate()
    }

    deinit {
        close()
    }

    /// The user's locale, but always a UTF-8 character set: curses needs one to draw å, ä, ö
    /// (under `LANG=C` it would show them as `M-C` escapes), and the text is UTF-8 anyway.
    private static func chooseLocale() {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            return
        }
    }

    /// The terminal's size now: TIOCGWINSZ on standard output, else what curses believes.
    public var size: (width: Int, height: Int) {
        var rows: Int32 = 0
        var columns: Int32 = 0
        if feedback_window_size(STDOUT_FILENO, &rows, &columns) == 0 {
            return (Int(columns), Int(rows))
        }
        guard phase != .closed, let window = feedback_stdscr() else { return (80, 24) }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    // MARK: Output

    /// Draws the grid, sending only the cells that changed since the last draw. The grid is
    /// clipped to the terminal; a terminal larger than the grid shows blanks beyond it.
    public func draw(_ grid: ScreenGrid) {
        guard phase == .active, let window = feedback_stdscr() else { return }
        let (width, height) = size
        if Int(getmaxy(window)) != height || Int(getmaxx(window)) != width {
            resizeterm(Int32(height), Int32(width))
            shown = nil
        }
        if let shown, shown.width != grid.width || shown.height != grid.height { self.shown = nil }
        if shown == nil {
            werase(window)
            clearok(window, true)
        }
        let rows = min(grid.height, height)
        let columns = min(grid.width, width)
        for row in 0..<rows {
            drawRow(row, of: grid, columns: columns, window: window)
        }
        if let cursor = grid.cursor, cursor.row >= 0, cursor.row < rows, cursor.column >= 0, cursor.column < columns {
            if cursorVisible != true { curs_set(1); cursorVisible = true }
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else if cursorVisible != false {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(window)
        doupdate()
        shown = grid
    }

    /// Sends the changed cells of one row. A cell is also sent when its neighbour's width
    /// changed, so the halves of a wide character are always written together.
    private func drawRow(_ row: Int, of grid: ScreenGrid, columns: Int, window: UnsafeMutablePointer<WINDOW>) {
        var dirty = [Bool](repeating: shown == nil, count: columns + 1)
        if let old = shown {
            for column in 0..<columns where old[row, column] != grid[row, column] {
                dirty[column] = true
                if old[row, column].width == 2 || grid[row, column].width == 2 { dirty[column + 1] = true }
                if grid[row, column].width == 0, column > 0 { dirty[column - 1] = true }
            }
        }
        var column = 0
        while column < columns {
            defer { column += 1 }
            guard dirty[column] else { continue }
            let cell = grid[row, column]
            if cell.width == 0 {
                // The right half of the wide character to its left, written with it; an
                // orphan half (its left half overwritten) shows as a blank.
                if column > 0, grid[row, column - 1].width == 2 { continue }
                put(Cell(" ", width: 1, style: cell.style), row: row, column: column, window: window)
                continue
            }
            if cell.width == 2 && column + 1 >= columns {
                // Half a wide character does not fit at the right edge.
                put(Cell(" ", width: 1, style: cell.style), row: row, column: column, window: window)
                continue
            }
            put(cell, row: row, column: column, window: window)
        }
    }

    /// Writes one cell: its grapheme (a spacing character and up to CCHARW_MAX - 1 marks).
    private func put(_ cell: Cell, row: Int, column: Int, window: UnsafeMutablePointer<WINDOW>) {
        var characters: [wchar_t] = []
        let limit = Int(feedback_ccharw_max())
        if cell.width == 1 || cell.width == 2 {
            for scalar in cell.text.unicodeScalars {
                guard characters.count < limit else { break }
                // Never send a control character, whatever the grid says.
                let v = scalar.value
                let safe = v < 0x20 || (v >= 0x7F && v < 0xA0) ? 0xFFFD : v
                characters.append(wchar_t(bitPattern: safe))
            }
        }
        if characters.isEmpty { characters = [wchar_t(0x20)] }  // blank, or a cell wider than 2
        characters.append(0)
        let (attributes, pair) = palette.attributes(for: cell.style)
        var character = cchar_t()
        _ = characters.withUnsafeBufferPointer { setcchar(&character, $0.baseAddress, attributes, pair, nil) }
        // The bottom-right cell returns ERR (the cursor cannot move past it); it is written.
        _ = mvwadd_wch(window, Int32(row), Int32(column), &character)
        if cell.width == 2, Int(getcurx(window)) == column + 1 {
            // curses (the C library's wcwidth) finds it narrower than the grid does, e.g. a
            // flag it cut to its first half: blank the second cell rather than leave old text.
            var blank = cchar_t()
            _ = [wchar_t(0x20), 0].withUnsafeBufferPointer { setcchar(&blank, $0.baseAddress, attributes, pair, nil) }
            _ = mvwadd_wch(window, Int32(row), Int32(column + 1), &blank)
        }
    }

    /// The next draw repaints the whole screen (after something else wrote to the terminal).
    public func redrawEverything() {
        shown = nil
    }

    /// Tells curses the new size after SIGWINCH; the next draw repaints everything.
    func resizeCurses(width: Int, height: Int) {
        guard phase == .active, width > 0, height > 0 else { return }
        resizeterm(Int32(height), Int32(width))
        shown = nil
    }

    /// After SIGCONT: curses' modes and paste mode back on, and a full repaint next.
    func continueAfterStop() {
        guard phase == .active else { return }
        reset_prog_mode()
        Terminal.send(Terminal.pasteOn)
        cursorVisible = nil
        shown = nil
    }

    var signalDescriptor: Int32 { phase == .closed ? -1 : signals.readEnd }

    func drainSignals() -> [Int32] {
        phase == .closed ? [] : signals.drain()
    }

    // MARK: Leaving and coming back

    /// Gives the terminal back for a while (to run `$EDITOR`): paste mode off, curses ends.
    public func suspend() {
        guard phase == .active else { return }
        Terminal.send(Terminal.pasteOff)
        endwin()
        signals.disarmEmergencyRestore()
        phase = .suspended
    }

    /// Takes the terminal back after `suspend()`; the next draw repaints everything.
    public func resume() {
        guard phase == .suspended, let window = feedback_stdscr() else { return }
        phase = .active
        reset_prog_mode()
        signals.armEmergencyRestore(bytes: Terminal.restoreBytes())
        Terminal.send(Terminal.pasteOn)
        cursorVisible = nil
        shown = nil
        clearok(window, true)
        wnoutrefresh(window)
        doupdate()
    }

    /// Ends curses and gives the terminal back as it was. Idempotent.
    public func close() {
        guard phase != .closed else { return }
        if phase == .active {
            Terminal.send(Terminal.pasteOff)
            endwin()
        }
        phase = .closed
        signals.close()
        delscreen(screen)
    }

    /// Writes a control sequence straight to the terminal. Not through `putp`: that goes to
    /// stdio's buffer for stdout, which is flushed only at exit. curses' own buffer is empty
    /// whenever this is called (after doupdate, or before the first), so the order holds.
    static func send(_ sequence: String) {
        let bytes = Array(sequence.utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }  // the terminal is gone: nothing to switch
                offset += written
            }
        }
    }

    /// What puts the terminal back if the program dies with curses active: paste mode off,
    /// attributes off, cursor on, and back from the alternate screen (from terminfo).
    private static func restoreBytes() -> [UInt8] {
        var bytes = Array(pasteOff.utf8)
        for capability in ["sgr0", "cnorm", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1, Int(bitPattern: value) != 0 else { continue }
            bytes += withoutPadding(Array(String(cString: value).utf8))
        }
        return bytes
    }

    /// Terminfo strings may hold padding (`$<5>`), which only tputs understands.
    private static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                i = close + 1
                continue
            }
            result.append(bytes[i])
            i += 1
        }
        return result
    }
}
