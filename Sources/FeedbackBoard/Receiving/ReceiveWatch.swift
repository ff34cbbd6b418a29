import Dispatch
import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

/// `board receive --watch`: receives whenever something arrives in incoming/ (inotify, with a
/// rescan every 30 s in case an event is missed), until SIGINT, SIGTERM or SIGHUP. A file is
/// received once it has not changed for a second, so one still being copied in is not taken
/// half written.
public enum ReceiveWatch {
    public static let settleSeconds: Int64 = 1

    /// Runs until a stop signal; `report` gets every batch that did something. Returns when
    /// stopped; a failing batch is reported through `failure` and the watch goes on.
    public static func run(_ receiver: Receiver, report: (Receiver.Batch) -> Void, failure: (BoardError) -> Void) {
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else { return }
        let stopRead = pipeFDs[0]
        let stopWrite = pipeFDs[1]
        defer { close(stopRead); close(stopWrite) }
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                var byte: UInt8 = 1
                _ = write(stopWrite, &byte, 1)
            }
            source.resume()
            sources.append(source)
        }
        defer { sources.forEach { $0.cancel() } }
        let notify = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
        if notify >= 0 {
            let mask = UInt32(IN_CREATE) | UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE) | UInt32(IN_ATTRIB) | UInt32(IN_MODIFY)
            _ = inotify_add_watch(notify, receiver.inbox.incomingFolder, mask)
        }
        defer { if notify >= 0 { close(notify) } }
        while true {
            var again = false
            do {
                let batch = try receiver.receiveAll(settle: settleSeconds)
                if !batch.outcomes.isEmpty || !batch.finished.isEmpty { report(batch) }
                again = !batch.leftAlone.isEmpty || !batch.notices.isEmpty
            } catch {
                failure(error)
            }
            var fds = [pollfd(fd: stopRead, events: Int16(POLLIN), revents: 0)]
            if notify >= 0 { fds.append(pollfd(fd: notify, events: Int16(POLLIN), revents: 0)) }
            let timeout: Int32 = again ? Int32(settleSeconds * 1000) : 30_000
            var ready = poll(&fds, nfds_t(fds.count), timeout)
            while ready < 0 && errno == EINTR { ready = poll(&fds, nfds_t(fds.count), timeout) }
            if fds[0].revents != 0 { return }
            if notify >= 0, fds.count > 1, fds[1].revents != 0 {
                var buffer = [UInt8](repeating: 0, count: 8192)
                while buffer.withUnsafeMutableBytes({ read(notify, $0.baseAddress, $0.count) }) > 0 {}
                // Let a burst of arrivals settle into one batch.
                usleep(200_000)
            }
        }
    }
}
