#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Where a child's standard streams go.
enum Stdio {
    case devNull
    /// Standard output to a file (created/truncated), input and errors to /dev/null.
    case outputFile(String)
    /// Standard error to a file (created/truncated), input and output to /dev/null.
    case errorFile(String)
    /// All three on the slave side of a pseudo-terminal (which becomes the controlling terminal).
    case terminal(slave: String)
}

/// The result of a finished child.
struct Exit {
    var status: Int32  // exit code, or 128 + signal
    /// ru_maxrss from wait4. Beware: posix_spawn's vfork-style exec starts the child's
    /// maximum at this (large) process's resident size, so it is an upper bound only.
    var maxRSSKiB: Int
    /// User plus system CPU time of the child (seconds), from wait4: less disturbed by a
    /// busy machine than the wall time.
    var cpuSeconds: Double = 0
}

enum Proc {
    /// The environment children get: minimal and fixed, so runs compare.
    static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var env: [String: String] = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home,
            "XDG_DATA_HOME": home + "/data",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color",
            "SOURCE_DATE_EPOCH": "1806480000",
        ]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Starts a program with posix_spawn. `newSession` makes it a session leader (for a
    /// controlling terminal).
    static func spawn(_ path: String, _ arguments: [String], environment: [String: String], stdio: Stdio) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        switch stdio {
        case .devNull:
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        case .outputFile(let file):
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        case .errorFile(let file):
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        case .terminal(let slave):
            flags |= 0x80  // POSIX_SPAWN_SETSID: setsid() runs before the file actions,
            // so opening the slave makes it the controlling terminal.
            posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw BenchError("posix_spawn \(path): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Waits for a child (blocking).
    static func wait(_ pid: pid_t) -> Exit {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return Exit(status: decode(status), maxRSSKiB: Int(usage.ru_maxrss), cpuSeconds: cpu(usage))
    }

    /// Non-blocking wait; nil while the child runs.
    static func poll(_ pid: pid_t) -> Exit? {
        var status: Int32 = 0
        var usage = rusage()
        let r = wait4(pid, &status, WNOHANG, &usage)
        guard r == pid else { return nil }
        return Exit(status: decode(status), maxRSSKiB: Int(usage.ru_maxrss))
    }

    static func cpu(_ usage: rusage) -> Double {
        Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        if signal == 0 { return (status >> 8) & 0xFF }
        return 128 + signal
    }

    /// Runs to completion and returns the wall time (seconds) and the exit.
    static func timed(_ path: String, _ arguments: [String], environment: [String: String], stdio: Stdio = .devNull) throws -> (Double, Exit) {
        let start = nowNanos()
        let pid = try spawn(path, arguments, environment: environment, stdio: stdio)
        let exit = wait(pid)
        return (seconds(since: start), exit)
    }

    /// A field of /proc/PID/status in kB (VmHWM, VmRSS, ...).
    static func statusField(_ pid: pid_t, _ name: String) -> Int? {
        guard let text = readFile("/proc/\(pid)/status") else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let digits = line.dropFirst(name.count + 1).filter { $0.isNumber }
            return Int(digits)
        }
        return nil
    }

    static func readFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        try bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw BenchError("write \(path) failed") }
                offset += n
            }
        }
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
    static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }

    /// The folder of this executable.
    static func ownFolder() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    /// A program on PATH.
    static func which(_ name: String) -> String? {
        for dir in ["/usr/local/bin", "/usr/bin", "/bin"] where isExecutable(dir + "/" + name) { return dir + "/" + name }
        return nil
    }

    static func makeTemporaryFolder() throws -> String {
        var template = Array("/tmp/feedback-bench-XXXXXX".utf8CString)
        guard let p = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchError("mkdtemp failed")
        }
        return String(cString: p)
    }

    static func makeFolder(_ path: String) { mkdir(path, 0o755) }

    /// Removes a folder tree (only ever one this program made).
    static func removeTree(_ path: String) {
        guard path.hasPrefix("/tmp/feedback-bench-") else { return }
        if let pid = try? spawn("/bin/rm", ["-rf", path], environment: ["PATH": "/usr/bin:/bin"], stdio: .devNull) { _ = wait(pid) }
    }
}

/// A pseudo-terminal whose master side this program holds: a child runs on the slave.
final class Pty {
    let master: Int32
    let slavePath: String
    /// Everything the child wrote.
    private(set) var output: [UInt8] = []
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    init(width: Int, height: Int) throws {
        // posix_openpt/grantpt/unlockpt/ptsname by hand (the Glibc module does not export them):
        // open the multiplexer, unlock the slave (TIOCSPTLCK) and ask its number (TIOCGPTN).
        let fd = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw BenchError("open /dev/ptmx: \(String(cString: strerror(errno)))") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(fd, 0x4004_5431, &unlock) == 0, ioctl(fd, 0x8004_5430, &number) == 0 else {
            close(fd)
            throw BenchError("pty unlock/number failed: \(String(cString: strerror(errno)))")
        }
        let name = "/dev/pts/\(number)"
        master = fd
        slavePath = name
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(fd, UInt(TIOCSWINSZ), &size)
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    deinit { close(master) }

    /// Reads whatever is there; returns false once the slave side is closed (EIO).
    @discardableResult
    func drain() -> Bool {
        while true {
            let n = read(master, &buffer, buffer.count)
            if n > 0 { output += buffer[0..<n]; continue }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return true }
            return false  // EIO: no process has the slave open any more
        }
    }

    /// Waits for input or output readiness up to `milliseconds`.
    private func wait(events: Int16, milliseconds: Int32) -> Int16 {
        var p = pollfd(fd: master, events: events, revents: 0)
        let r = Glibc.poll(&p, 1, milliseconds)
        return r > 0 ? p.revents : 0
    }

    /// Waits until `needle` appears in the output after `from`; returns the time (ns,
    /// monotonic) it was first seen, or nil at the deadline or when the child is gone.
    func waitFor(_ needle: [UInt8], from: Int = 0, deadline: UInt64) -> UInt64? {
        var searched = from
        while true {
            let alive = drain()
            let seen = nowNanos()
            if let _ = find(needle, from: searched) { return seen }
            searched = max(from, output.count - needle.count + 1)
            if !alive || seen >= deadline { return nil }
            let remaining = Int32(min(1000, max(1, (deadline - seen) / 1_000_000)))
            let ev = wait(events: Int16(POLLIN), milliseconds: remaining)
            if ev & Int16(POLLHUP | POLLERR) != 0 && ev & Int16(POLLIN) == 0 { _ = drain(); return find(needle, from: searched) != nil ? nowNanos() : nil }
        }
    }

    func find(_ needle: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, output.count >= needle.count else { return nil }
        let first = needle[0]
        var i = max(0, from)
        let last = output.count - needle.count
        return output.withUnsafeBufferPointer { o in
            needle.withUnsafeBufferPointer { n in
                while i <= last {
                    if o[i] == first {
                        var k = 1
                        while k < n.count && o[i + k] == n[k] { k += 1 }
                        if k == n.count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    /// Writes all bytes (the terminal's input), reading output meanwhile so neither side blocks.
    func send(_ bytes: [UInt8], deadline: UInt64) -> Bool {
        var offset = 0
        return bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = write(master, raw.baseAddress! + offset, min(raw.count - offset, 1 << 16))
                if n > 0 { offset += n; continue }
                if n < 0 && errno == EINTR { continue }
                if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                    guard drain(), nowNanos() < deadline else { return false }
                    _ = wait(events: Int16(POLLOUT | POLLIN), milliseconds: 50)
                    continue
                }
                return false
            }
            return true
        }
    }

    func send(_ text: String) -> Bool { send(Array(text.utf8), deadline: nowNanos() + 5_000_000_000) }

    /// Waits for the child to exit while draining output; kills it at the deadline.
    func finish(_ pid: pid_t, within seconds: Double) -> Exit {
        let deadline = nowNanos() + UInt64(seconds * 1e9)
        while nowNanos() < deadline {
            if let e = Proc.poll(pid) { _ = drain(); return e }
            drain()
            _ = wait(events: Int16(POLLIN), milliseconds: 10)
        }
        kill(pid, SIGKILL)
        let e = Proc.wait(pid)
        return Exit(status: -1, maxRSSKiB: e.maxRSSKiB)
    }

    func clearOutput() { output.removeAll(keepingCapacity: true) }
}
