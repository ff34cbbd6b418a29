import Foundation

/// A program running in a real terminal: a private tmux server that tests drive with keys
/// and read back as text. Every session has its own server socket, so tests run in parallel.
///
/// The pane stays after the program exits (`remain-on-exit`), so a test can read the last
/// screen and the exit status.
public final class TmuxSession: @unchecked Sendable {
    /// Whether tmux is on the PATH.
    public static var isAvailable: Bool { isInstalled("tmux") }

    /// tmux's version as (major, minor), e.g. (3, 3) for "tmux 3.3a"; nil without tmux.
    public static let version: (major: Int, minor: Int)? = {
        guard isAvailable, let result = try? runTmux(["-V"]), result.status == 0 else { return nil }
        // "tmux 3.3a", "tmux next-3.4", "tmux master"
        let digits = result.stdout.drop { !$0.isNumber }
        let parts = digits.split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        guard let major = parts.first else { return nil }
        return (major, parts.count > 1 ? parts[1] : 0)
    }()

    /// `resize-window` needs tmux 2.9 or later.
    public static var canResize: Bool {
        guard let version else { return false }
        return version.major > 2 || (version.major == 2 && version.minor >= 9)
    }

    public enum StartError: Error, CustomStringConvertible {
        case tmuxMissing
        case failed(String)

        public var description: String {
            switch self {
            case .tmuxMissing: return "tmux is not installed"
            case .failed(let message): return "tmux did not start: \(message)"
            }
        }
    }

    /// The private server's socket name (`tmux -L`).
    public let socket: String
    /// The session's name.
    public let name: String
    /// The session's pane, as a tmux target (exact name, current window).
    private var target: String { "=\(name):" }
    public let width: Int
    public let height: Int
    private let configuration: String
    /// The tmux server's process id and socket file (which kill-server leaves behind).
    private let serverPID: Int32?
    private let socketPath: String?
    private let lock = NSLock()
    private var killed = false

    private static let counter = Counter()

    /// Starts `command` (run by `sh -c`; prefix it with `exec` to make the program the pane's
    /// process) in a detached session of `width`×`height` cells, with `LANG=C.UTF-8`,
    /// `TERM=xterm-256color`, no status line, and `environment` on top.
    public init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:],
                folder: String? = nil) throws {
        guard TmuxSession.isAvailable else { throw StartError.tmuxMissing }
        let number = TmuxSession.counter.next()
        socket = "feedback-test-\(getpid())-\(number)"
        name = "t\(number)"
        self.width = width
        self.height = height
        // A private configuration instead of the user's: the options must be set before the
        // session exists (a status line would take a row; remain-on-exit must catch a quick exit).
        configuration = NSTemporaryDirectory() + "/\(socket).conf"
        let options = """
            set -g status off
            set -g remain-on-exit on
            set -g default-terminal xterm-256color
            set -g history-limit 100
            set -g escape-time 0

            """
        try Data(options.utf8).write(to: URL(fileURLWithPath: configuration))
        var arguments = ["-f", configuration, "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)"]
        if let folder { arguments += ["-c", folder] }
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        arguments.append(command)
        let result = try TmuxSession.runTmux(["-u", "-L", socket] + arguments)
        guard result.status == 0 else {
            try? FileManager.default.removeItem(atPath: configuration)
            throw StartError.failed(result.stderr)
        }
        let server = (try? TmuxSession.runTmux(["-L", socket, "display-message", "-p", "#{pid} #{socket_path}"]))?
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ", maxSplits: 1) ?? []
        serverPID = server.first.flatMap { Int32($0) }
        socketPath = server.count == 2 ? String(server[1]) : nil
    }

    deinit {
        kill()
    }

    /// Runs a tmux command on this session's server.
    @discardableResult
    public func tmux(_ arguments: [String]) throws -> RunResult {
        // -u: the server speaks UTF-8 whatever the locale.
        try TmuxSession.runTmux(["-u", "-L", socket] + arguments)
    }

    private func tmuxOutput(_ arguments: [String]) -> String? {
        guard let result = try? tmux(arguments), result.status == 0 else { return nil }
        var text = result.stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Keys by tmux name: `C-s`, `Enter`, `Up`, `F1`, `Escape`, `BSpace`, or plain text.
    public func sendKeys(_ keys: String...) {
        _ = try? tmux(["send-keys", "-t", target] + keys)
    }

    /// Keys by tmux name, from a list (`Array(repeating: "BSpace", count: 80)`).
    public func sendKeys(_ keys: [String]) {
        _ = try? tmux(["send-keys", "-t", target] + keys)
    }

    /// Text typed literally, whatever it contains (å ä ö, emoji, `C-s` as letters).
    public func type(_ text: String) {
        _ = try? tmux(["send-keys", "-t", target, "-l", "--", text])
    }

    /// Pastes text as the terminal would: as a bracketed paste when the program asked for it.
    /// tmux turns each LF into CR, as terminals do.
    public func paste(_ text: String) {
        let file = NSTemporaryDirectory() + "/\(socket)-paste-\(TmuxSession.counter.next())"
        defer { try? FileManager.default.removeItem(atPath: file) }
        guard (try? Data(text.utf8).write(to: URL(fileURLWithPath: file))) != nil else { return }
        let buffer = "feedback-paste"
        _ = try? tmux(["load-buffer", "-b", buffer, file])
        _ = try? tmux(["paste-buffer", "-p", "-d", "-b", buffer, "-t", target])
    }

    /// The screen as text, one line per row, trailing spaces removed.
    public func capture() -> String {
        tmuxOutput(["capture-pane", "-p", "-t", target]) ?? ""
    }

    /// Everything the pane shows and has scrolled away, wrapped lines joined: for messages
    /// that may have scrolled or wrapped.
    public func captureAll() -> String {
        tmuxOutput(["capture-pane", "-p", "-J", "-S", "-", "-t", target]) ?? ""
    }

    /// The screen with trailing spaces kept (as far as the program wrote them).
    public func captureFull() -> [String] {
        (tmuxOutput(["capture-pane", "-p", "-N", "-t", target]) ?? "").components(separatedBy: "\n")
    }

    /// The screen with colours and attributes as escape sequences.
    public func captureWithEscapes() -> String {
        tmuxOutput(["capture-pane", "-p", "-e", "-t", target]) ?? ""
    }

    /// One row of the screen (trailing spaces removed), or "" outside it.
    public func line(_ row: Int) -> String {
        let lines = capture().components(separatedBy: "\n")
        return row >= 0 && row < lines.count ? lines[row] : ""
    }

    /// Where the terminal's cursor is (zero-based).
    public func cursor() -> (row: Int, column: Int) {
        let parts = (tmuxOutput(["display-message", "-p", "-t", target, "#{cursor_y} #{cursor_x}"]) ?? "")
            .split(separator: " ").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (-1, -1)
    }

    /// A tmux format for the pane, e.g. `#{alternate_on}`, `#{cursor_flag}`, `#{pane_width}`.
    public func format(_ format: String) -> String {
        tmuxOutput(["display-message", "-p", "-t", target, format]) ?? ""
    }

    /// Waits until the screen contains `text`; false after `timeout` seconds.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) -> Bool {
        waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the screen satisfies `condition`, checking every 30 ms.
    @discardableResult
    public func waitUntil(timeout: Double, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if condition(capture()) { return true }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.03)
        }
    }

    /// Waits until the program has exited and tmux knows how; false after `timeout` seconds.
    @discardableResult
    public func waitForExit(timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var polls = 0
        while ending() == nil {
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.03)
            polls += 1
            if polls % 8 == 0 { nudge() }
        }
        return true
    }

    /// How the program ended, once tmux knows: the pane is dead (its terminal closed) a
    /// moment before tmux has reaped the process and learnt its status.
    private func ending() -> (status: Int32?, signal: Int32?)? {
        let fields = format("#{pane_dead}|#{pane_dead_status}|#{pane_dead_signal}").split(separator: "|", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0] == "1" else { return nil }
        let status = Int32(fields[1])
        let signal = Int32(fields[2])
        return status == nil && signal == nil ? nil : (status, signal)
    }

    /// tmux 3.3a sometimes misses the SIGCHLD of a pane's process (seen about once in ten
    /// sessions with tests in parallel): the process stays a zombie and the pane never gets
    /// its status. Another SIGCHLD makes the server reap it; it is harmless otherwise.
    private func nudge() {
        guard let pid = serverPID, pid > 1 else { return }
        #if canImport(Glibc)
        _ = Glibc.kill(pid, SIGCHLD)
        #elseif canImport(Darwin)
        _ = Darwin.kill(pid, SIGCHLD)
        #endif
    }

    /// Resizes the terminal; the program gets SIGWINCH.
    public func resize(width: Int, height: Int) {
        _ = try? tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pane's process id: the program itself when the command starts with `exec`.
    public func pid() -> Int32? {
        Int32(format("#{pane_pid}"))
    }

    /// Whether the program is still running.
    public func isRunning() -> Bool {
        format("#{pane_dead}") == "0"
    }

    /// The program's exit status once it has exited normally; nil while it runs or after a
    /// signal. Waits up to a second for tmux to learn the status of a program just ended.
    public func exitStatus() -> Int32? {
        waitForExit(timeout: 1)
        return ending()?.status
    }

    /// The signal that ended the program, if one did (tmux 3.3 and later).
    public func exitSignal() -> Int32? {
        waitForExit(timeout: 1)
        return ending()?.signal
    }

    /// Stops the private server (and the program). Idempotent.
    public func kill() {
        lock.lock()
        let already = killed
        killed = true
        lock.unlock()
        guard !already else { return }
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: configuration)
        if let socketPath { try? FileManager.default.removeItem(atPath: socketPath) }
    }
}

extension TmuxSession {
    /// Runs tmux to completion, with its output. Not through Foundation's `Process`:
    /// - the tmux server is forked from the first client and keeps every descriptor the
    ///   client inherited, among them the socket `Process` watches to learn that its child
    ///   ended, so `waitUntilExit` never returns; here every descriptor but the pipes is
    ///   closed in the child;
    /// - `Process` passes on the calling thread's signal mask, and test threads (dispatch,
    ///   Swift concurrency) block nearly every signal: the server would never see SIGCHLD
    ///   and the program under test would ignore SIGWINCH and SIGTERM. Here the child
    ///   starts with no signal blocked and the default actions.
    static func runTmux(_ arguments: [String]) throws -> RunResult {
        var environment = ProcessInfo.processInfo.environment
        // swift test sets NO_COLOR=1; LINES and COLUMNS would override the real size in curses.
        for name in ["TMUX", "TMUX_PANE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "FEEDBACK_FORMS", "NO_COLOR",
                     "LINES", "COLUMNS", "ESCDELAY"] {
            environment.removeValue(forKey: name)
        }
        environment["LANG"] = "C.UTF-8"
        return try spawn(["tmux"] + arguments, environment: environment)
    }

    private static func spawn(_ arguments: [String], environment: [String: String]) throws -> RunResult {
        var output: [Int32] = [-1, -1]
        var errors: [Int32] = [-1, -1]
        guard pipe(&output) == 0 else { throw StartError.failed("pipe: errno \(errno)") }
        guard pipe(&errors) == 0 else {
            close(output[0]); close(output[1])
            throw StartError.failed("pipe: errno \(errno)")
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        SpawnParts.closeOtherDescriptors(&actions)

        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGHUP, SIGINT, SIGTERM, SIGQUIT, SIGCHLD, SIGWINCH, SIGCONT] { sigaddset(&defaults, signal) }
        var pid: pid_t = 0
        let spawned = SpawnParts.withAttributes(resetting: defaults) { attributes in
            SpawnParts.withStrings(arguments, environment) { argv, envp in posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp) }
        }
        close(output[1])
        close(errors[1])
        guard spawned == 0 else {
            close(output[0]); close(errors[0])
            throw StartError.failed("posix_spawnp \(arguments[0]): error \(spawned)")
        }
        let (out, err) = readBoth(output[0], errors[0])
        close(output[0])
        close(errors[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { status = -1; break }
        }
        // WIFEXITED / WEXITSTATUS, which do not import.
        let exitStatus: Int32 = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return RunResult(status: exitStatus, stdout: String(decoding: out, as: UTF8.self),
                         stderr: String(decoding: err, as: UTF8.self), stdoutBytes: out)
    }

    /// Reads two pipes to their ends at once (so neither can fill up and stall the child).
    private static func readBoth(_ first: Int32, _ second: Int32) -> ([UInt8], [UInt8]) {
        var results: [[UInt8]] = [[], []]
        var open = [true, true]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open[0] || open[1] {
            var descriptors = [
                pollfd(fd: open[0] ? first : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: open[1] ? second : -1, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&descriptors, 2, -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in 0..<2 where open[index] && descriptors[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptors[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    results[index] += buffer[0..<count]
                } else if count == 0 || errno != EINTR {
                    open[index] = false
                }
            }
        }
        return (results[0], results[1])
    }
}

/// Session numbers unique within the process.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
