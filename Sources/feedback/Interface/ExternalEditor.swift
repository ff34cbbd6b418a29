import FeedbackInterface
import FeedbackModel
import FeedbackTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens a text in the user's `$VISUAL` / `$EDITOR` (else `vi`) and reads it back.
///
/// The editor must own the terminal: it runs in this process's group (the terminal's
/// foreground group), with curses suspended and default signal handling. Foundation's
/// `Process` starts children in a group of their own, where an interactive editor cannot
/// read the terminal ("Error reading input").
enum ExternalEditor {
    static func edit(_ text: String, terminal: Terminal, language: Language) -> String? {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let folder = NSTemporaryDirectory()
        let path = folder + "/feedback-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt"
        do { try FileStore().save(Array(text.utf8) + [0x0A], to: path) } catch { return nil }
        defer { FileStore().remove(path) }
        terminal.suspend()
        defer { terminal.resume() }
        // Through the shell, so EDITOR may carry arguments ("code --wait", "nano -w").
        let status = ForegroundProcess.run(["/bin/sh", "-c", "exec \(editor) \"$1\"", "feedback-editor", path])
        guard status == 0, let bytes = try? FileStore.readLimited(path: path, limit: DraftCodec.maximumSize) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Runs a program in the terminal's foreground process group and waits for it.
enum ForegroundProcess {
    /// The exit status (0 success), or -1 when it could not start or was killed by a signal.
    static func run(_ arguments: [String]) -> Int32 {
        // Like system(3): the parent ignores the keyboard's signals while the child runs
        // (Ctrl-C in the editor must not end this program) and restores them afterwards.
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        var oldInterrupt = sigaction()
        var oldQuit = sigaction()
        sigaction(SIGINT, &ignore, &oldInterrupt)
        sigaction(SIGQUIT, &ignore, &oldQuit)
        defer {
            sigaction(SIGINT, &oldInterrupt, nil)
            sigaction(SIGQUIT, &oldQuit, nil)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with every signal at its default and none blocked.
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for a in cArguments { free(a) } }
        var pid: pid_t = 0
        let started = posix_spawn(&pid, arguments[0], nil, &attributes, &cArguments, environ)
        guard started == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        // WIFEXITED / WEXITSTATUS
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return -1
    }
}
