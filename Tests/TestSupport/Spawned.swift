import Foundation

/// A child process with pipes on its standard input and output, started with posix_spawn and
/// reaped only by `wait()`: a test can kill it and leave it a zombie on purpose. The child
/// starts with no signal blocked and every descriptor but 0, 1 and 2 closed.
public final class Spawned: @unchecked Sendable {
    public let pid: pid_t
    private var input: Int32
    private let output: Int32
    private var pending: [UInt8] = []
    private var reaped = false
    private var status: Int32 = 0

    public init(_ arguments: [String], environment: [String: String] = [:]) throws {
        var toChild: [Int32] = [-1, -1]
        var fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw POSIXError(.EMFILE) }
        for fd in [toChild[1], fromChild[0]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        SpawnParts.closeOtherDescriptors(&actions)
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        var every = sigset_t()
        sigfillset(&every)
        var child: pid_t = 0
        let spawned = SpawnParts.withAttributes(resetting: every) { attributes in
            SpawnParts.withStrings(arguments, env) { argv, envp in posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp) }
        }
        close(toChild[0])
        close(fromChild[1])
        guard spawned == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL)
        }
        pid = child
        input = toChild[1]
        output = fromChild[0]
    }

    deinit {
        closeInput()
        close(output)
        if !reaped { Glibc.kill(pid, SIGKILL); _ = wait() }
    }

    /// The next line the child writes (without its newline), or nil at the end or after `timeout` seconds.
    public func readLine(timeout: Double = 30) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return nil }
            var descriptor = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(left, 1) * 1000))
            if ready < 0 && errno != EINTR { return nil }
            guard ready > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count <= 0 { return pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self) }
            pending += buffer[0..<count]
        }
    }

    /// Ends the child's standard input.
    public func closeInput() {
        if input >= 0 { close(input); input = -1 }
    }

    public func signal(_ signal: Int32) {
        _ = Glibc.kill(pid, signal)
    }

    /// The process state letter from /proc (R, S, Z for a zombie, …).
    public var state: Character? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].first { $0 != " " }
    }

    /// Reaps the child; its exit status (128 + signal when a signal ended it).
    @discardableResult
    public func wait() -> Int32 {
        if reaped { return status }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 {
            if errno != EINTR { raw = -1; break }
        }
        reaped = true
        status = raw & 0x7F == 0 ? (raw >> 8) & 0xFF : 128 + (raw & 0x7F)
        return status
    }
}
