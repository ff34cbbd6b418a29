import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Terminal {
    /// Waits up to `timeout` seconds (nil: forever) for input on standard input or a signal,
    /// and returns what arrived. Signals come first; bytes already waiting are read in one
    /// go, up to 64 KiB, so a large bracketed paste arrives in large chunks.
    public func waitForInput(timeout: Double?) -> InputEvent {
        if !queued.isEmpty { return queued.removeFirst() }
        let deadline = timeout.map { Terminal.now() + max(0, $0) }
        while true {
            var descriptors = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: signalDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            var milliseconds: Int32 = -1
            if let deadline {
                let remaining = deadline - Terminal.now()
                milliseconds = remaining <= 0 ? 0 : Int32(min(remaining * 1000, 86_400_000).rounded(.up))
            }
            let ready = poll(&descriptors, 2, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }  // a signal: its byte is in the pipe
                return .endOfInput
            }
            if ready == 0 { return .timeout }
            if descriptors[1].revents & Int16(POLLIN) != 0 {
                queued = events(for: drainSignals())
                if !queued.isEmpty { return queued.removeFirst() }
            }
            let input = descriptors[0].revents
            if input & Int16(POLLNVAL) != 0 { return .endOfInput }
            if input & Int16(POLLIN | POLLHUP | POLLERR) != 0 { return readInput() }
        }
    }

    /// What the signals mean for the caller: ending signals first (one is enough), then at
    /// most one resize for any number of SIGWINCH and SIGCONT.
    private func events(for signals: [Int32]) -> [InputEvent] {
        var events: [InputEvent] = []
        if let ending = signals.first(where: { $0 != SIGWINCH && $0 != SIGCONT }) {
            events.append(.signal(ending))
        }
        if signals.contains(SIGCONT) {
            // Stopped and continued: the shell may have changed the modes, and what is on
            // the screen is unknown. Take the terminal back and repaint.
            continueAfterStop()
        }
        if signals.contains(SIGWINCH) || signals.contains(SIGCONT) {
            let (width, height) = size
            resizeCurses(width: width, height: height)
            events.append(.resized)
        }
        return events
    }

    /// Reads what is waiting on standard input: at least one read, then more while more is
    /// ready at once, up to the read limit.
    private func readInput() -> InputEvent {
        var total = 0
        let limit = Terminal.readLimit
        while total < limit {
            let count = readBuffer.withUnsafeMutableBytes { buffer in
                read(STDIN_FILENO, buffer.baseAddress! + total, limit - total)
            }
            if count > 0 {
                total += count
                if !Terminal.isReadable(STDIN_FILENO) { break }
                continue
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { break }
            // 0 is end of file; EIO is a terminal that hung up.
            if total == 0 { return .endOfInput }
            break
        }
        return .bytes(Array(readBuffer[0..<total]))
    }

    private static func isReadable(_ fd: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1_000_000_000
    }
}
