import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// Issue 9, defect 13: signals without a handler (SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
/// SIGXFSZ) killed `fill` with the terminal left raw, on the alternate screen, with bracketed
/// paste on, and the last keys unsaved. Every signal whose default would end the program is
/// sent to the real program in tmux; afterwards a shell in the same terminal reports the
/// terminal's modes and echoes a paste (so bracketed paste left on would show its markers).
@Suite("Signals in tmux", .enabled(if: TmuxSession.isAvailable, "⚠️ SKIPPED: tmux is not installed (apt-get install tmux)"))
struct SignalTests {
    let form = shippedForm()

    static let endingSignals: [Int32] = [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGXFSZ,
                                         SIGXCPU, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT, 34, 50, 64]

    /// `fill` in tmux, followed in the same terminal by a report of its modes and `cat -v`.
    func start(_ draft: String, in folder: TemporaryFolder) throws -> TmuxSession {
        let script = """
            "$1" fill "$2"
            echo "EXIT=$?"
            stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|icrnl)$' | tr '\\n' ' '
            echo MODES
            exec cat -v
            """
        try folder.write("after.sh", script)
        return try TmuxSession(command: "sh \(shellQuote(folder.file("after.sh"))) \(shellQuote(Paths.binary)) \(shellQuote(draft))",
                               environment: ["XDG_DATA_HOME": folder.file("data"), "XDG_STATE_HOME": folder.file("state"), "HOME": folder.path],
                               folder: folder.path)
    }

    func holder(of draft: String) -> Int32? {
        for _ in 0..<300 {
            if let pid = DraftLock.holder(for: draft)?.pid, pid > 0 { return pid }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    func checkTerminalRestored(_ tmux: TmuxSession, signal: Int32) {
        #expect(tmux.waitFor("MODES", timeout: 20), "signal \(signal): \(tmux.capture())")
        let screen = tmux.capture()
        #expect(screen.contains("EXIT=0"), "signal \(signal): \(screen)")
        #expect(screen.contains("icrnl icanon echo "), "signal \(signal): the terminal was left raw: \(screen)")
        #expect(tmux.format("#{alternate_on}") == "0", "signal \(signal): still on the alternate screen")
        tmux.paste("klistrat\n")
        #expect(tmux.waitUntil(timeout: 10) { $0.components(separatedBy: "klistrat").count >= 3 }, "signal \(signal): \(tmux.capture())")
        #expect(!tmux.capture().contains("[200~"), "signal \(signal): bracketed paste was left on: \(tmux.capture())")
    }

    func savedText(_ draft: String) throws -> String {
        try DraftCodec.decode(try FileStore.readLimited(path: draft, limit: 1 << 24), file: draft, form: form)
            .text(at: .section("development", "text"))
    }

    @Test(arguments: endingSignals)
    func everyEndingSignalRestoresTheTerminalAndSavesTheText(signal: Int32) throws {
        let folder = TemporaryFolder()
        let draft = folder.file("utkast.json")
        #expect(try feedback(["new", "--committee", "hsn", "-o", draft]).status == 0)
        let tmux = try start(draft, in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"), "\(tmux.capture())")
        tmux.sendKeys("M-2", "C-t")
        tmux.type("Skrivet före signal \(signal)")
        #expect(tmux.waitFor("Skrivet före signal \(signal)"))
        let pid = try #require(holder(of: draft))
        #expect(kill(pid, signal) == 0)
        checkTerminalRestored(tmux, signal: signal)
        #expect(try savedText(draft) == "Skrivet före signal \(signal)")
        #expect(!FileManager.default.fileExists(atPath: DraftFiles.lockPath(for: draft)))
        #expect(!FileManager.default.fileExists(atPath: DraftFiles.autosavePath(for: draft)))
    }

    /// The keys typed just before the signal wait behind it: they are read and saved too.
    @Test func keysTypedJustBeforeTheSignalAreSaved() throws {
        let folder = TemporaryFolder()
        let draft = folder.file("utkast.json")
        #expect(try feedback(["new", "--committee", "hsn", "-o", draft]).status == 0)
        let tmux = try start(draft, in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"))
        tmux.sendKeys("M-2", "C-t")
        tmux.type("Början")
        #expect(tmux.waitFor("Början"))
        let pid = try #require(holder(of: draft))
        // Stopped, the program cannot read: the keys and then SIGTERM wait for it together.
        kill(pid, SIGSTOP)
        tmux.type(" och slutet")
        Thread.sleep(forTimeInterval: 0.3)
        kill(pid, SIGTERM)
        kill(pid, SIGCONT)
        checkTerminalRestored(tmux, signal: SIGTERM)
        #expect(try savedText(draft) == "Början och slutet")
    }
}
