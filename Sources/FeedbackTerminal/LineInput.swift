#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines from standard input for the accessible mode, with the signals that should end the
/// program (the same self-pipe as the full-screen terminal, without curses): a terminal, a
/// pipe or a file alike, never a cursor movement or a colour.
public final class LineInput {
    /// What `next` saw.
    public enum Event: Equatable, Sendable {
        case line(String)
        /// A signal that asks the program to end (SIGHUP, SIGTERM, …): save and exit.
        case signal(Int32)
        /// Standard input ended.
        case endOfInput
    }

    private let signals = SignalPipe()
    private var pending: [UInt8] = []
    private var ended = false
    private var closed = false

    /// True when standard input is a terminal (then prompts are for a person).
    public let isInteractive: Bool

    public init() {
        isInteractive = isatty(STDIN_FILENO) == 1
    }

    deinit { close() }

    /// The next line (without its line break), a signal, or the end of input.
    public func next() -> Event {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                var bytes = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                if bytes.last == 0x0D { bytes.removeLast() }
                return .line(String(decoding: bytes, as: UTF8.self))
            }
            if ended {
                guard !pending.isEmpty else { return .endOfInput }
                let bytes = pending
                pending = []
                return .line(String(decoding: bytes, as: UTF8.self))
            }
            var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: signals.readEnd, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                ended = true
                continue
            }
            if descriptors[1].revents & Int16(POLLIN) != 0,
               let ending = signals.drain().first(where: { $0 != SIGWINCH && $0 != SIGCONT }) {
                return .signal(ending)
            }
            if descriptors[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                var buffer = [UInt8](repeating: 0, count: 65_536)
                let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if count > 0 {
                    pending += buffer[0..<count]
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    ended = true
                }
            } else if descriptors[0].revents & Int16(POLLNVAL) != 0 {
                ended = true
            }
        }
    }

    /// Whether another line is already waiting, unread (the rest of a paste): looked at
    /// without blocking.
    public var hasLineWaiting: Bool {
        if pending.contains(0x0A) { return true }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    /// Writes text to standard output as it is (the caller made it safe to print).
    public static func write(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Puts the signal handlers back.
    public func close() {
        guard !closed else { return }
        closed = true
        signals.close()
    }
}
