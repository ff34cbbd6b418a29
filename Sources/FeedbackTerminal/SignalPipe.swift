import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals turned into bytes on a pipe (the self-pipe trick), so the input loop learns of a
/// resize or a hang-up through poll() and the handlers themselves do nothing but write().
///
/// This is the only Swift file that may call the shim's signal and restore functions: their
/// state lives in C `static` variables, which exist once per object file that uses them.
final class SignalPipe {
    /// The signals the interface reacts to: resize, continue after a stop, and every other
    /// signal whose default action would end the program (the caller saves and exits): the
    /// hang-up of SSH, kill's SIGTERM, Ctrl-C's SIGINT, SIGQUIT, SIGUSR1/2, SIGALRM, SIGPIPE,
    /// SIGXFSZ, SIGXCPU, the profiling timers, SIGIO, SIGPWR, SIGSTKFLT and the real-time
    /// signals. None of them may leave the terminal raw or lose what was typed.
    static let caught: [Int32] = [SIGWINCH, SIGCONT, SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM,
                                  SIGPIPE, SIGXFSZ, SIGXCPU, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT]
                                  + Array(SignalPipe.realTime)
    /// glibc's real-time signals (SIGRTMIN is 34: 32 and 33 belong to the threads library).
    static let realTime: ClosedRange<Int32> = 34...64
    /// Crashes, on which the terminal is restored before the previous handler runs.
    static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT, SIGSYS]
    /// Signals the kernel raises in the program because of its own write (a closed pipe, the
    /// file size limit): the write fails with EPIPE / EFBIG and says so; they end nothing.
    static let fromOwnWrites: Set<Int32> = [SIGPIPE, SIGXFSZ]

    /// The read end, for poll().
    let readEnd: Int32
    private let writeEnd: Int32
    private var previous: [Int32: sigaction] = [:]
    private var fatalCaught = false

    /// Creates the pipe and installs the handlers. Without a pipe (no file descriptors left)
    /// both ends are -1: poll() ignores them and signals go unnoticed, nothing worse.
    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) != 0 { ends = [-1, -1] }
        readEnd = ends[0]
        writeEnd = ends[1]
        for fd in ends where fd >= 0 {
            // Never block: not the reader (it drains), not the handler (a full pipe is enough).
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
        }
        feedback_set_signal_pipe(writeEnd)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in SignalPipe.caught {
            var old = sigaction()
            if feedback_catch_signal(sig, &old) == 0 { previous[sig] = old }
            sigaddset(&unblock, sig)
        }
        // A parent may pass on a blocked signal mask (Foundation's Process started from a
        // dispatch thread does): a resize or a SIGTERM would then never arrive.
        _ = pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// The signal numbers that arrived since the last call, in order, duplicates kept.
    func drain() -> [Int32] {
        guard readEnd >= 0 else { return [] }
        var signals: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count > 0 {
                for byte in buffer[0..<count] {
                    let signal = Int32(byte & 0x7F)
                    let raisedByOwnCall = byte & 0x80 != 0
                    if raisedByOwnCall && SignalPipe.fromOwnWrites.contains(signal) { continue }
                    signals.append(signal)
                }
                continue
            }
            if count < 0 && errno == EINTR { continue }
            return signals
        }
    }

    /// Remembers how to put the terminal back on a crash or an exit() that skips close().
    func armEmergencyRestore(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { feedback_set_restore_bytes($0.baseAddress, $0.count) }
        }
        feedback_register_exit_restore()
        if !fatalCaught {
            for sig in SignalPipe.fatal { _ = feedback_catch_fatal(sig) }
            fatalCaught = true
        }
        feedback_arm_restore(1)
    }

    /// Curses has left the terminal (suspend or close): nothing to restore on a crash.
    func disarmEmergencyRestore() {
        feedback_arm_restore(0)
    }

    /// Saves the shell's terminal modes of `fd`, to restore them on a crash.
    static func saveModes(of fd: Int32) -> Bool {
        feedback_save_modes(fd) == 0
    }

    /// Puts back every handler and closes the pipe.
    func close() {
        feedback_arm_restore(0)
        if fatalCaught {
            for sig in SignalPipe.fatal { _ = feedback_release_fatal(sig) }
            fatalCaught = false
        }
        for (sig, old) in previous {
            var action = old
            _ = feedback_restore_signal(sig, &action)
        }
        previous = [:]
        feedback_set_signal_pipe(-1)
        if readEnd >= 0 { closeDescriptor(readEnd) }
        if writeEnd >= 0 { closeDescriptor(writeEnd) }
    }
}

/// `close(2)`, which the method above shadows.
func closeDescriptor(_ fd: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(fd)
    #elseif canImport(Darwin)
    _ = Darwin.close(fd)
    #endif
}
