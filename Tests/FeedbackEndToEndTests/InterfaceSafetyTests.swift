import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// The terminal interface, in tmux, when something else is in the way: a draft changed on
/// disk by another program, "save as" onto an existing file, a FIFO as lock or autosave,
/// a temporary file left by a killed save.
@Suite("Interface safety in tmux", .enabled(if: TmuxSession.isAvailable, "⚠️ SKIPPED: tmux is not installed (apt-get install tmux)"))
struct InterfaceSafetyTests {
    let form = shippedForm()

    func start(_ path: String, in folder: TemporaryFolder) throws -> TmuxSession {
        try TmuxSession(command: "exec \(shellQuote(Paths.binary)) fill \(shellQuote(path))",
                        environment: ["XDG_DATA_HOME": folder.file("data"), "XDG_STATE_HOME": folder.file("state"), "HOME": folder.path],
                        folder: folder.path)
    }

    /// The screen as one line: box sides and line ends as spaces, runs of spaces as one.
    static func flat(_ screen: String) -> String {
        screen.replacingOccurrences(of: "│", with: " ").replacingOccurrences(of: "\n", with: " ")
            .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    func text(_ path: String) throws -> String {
        try DraftCodec.decode(try FileStore.readLimited(path: path, limit: 1 << 24), file: path, form: form).text(at: .section("goals", "text"))
    }

    /// Issue 9, defect 8: a draft changed on disk while open was overwritten without a word.
    @Test func aDraftChangedOnDiskIsNotOverwritten() throws {
        let folder = TemporaryFolder()
        let path = folder.file("utkast.json")
        #expect(try feedback(["new", "--committee", "hsn", "-o", path]).status == 0)
        let tmux = try start(path, in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"))
        // Another program writes the draft.
        var theirs = try DraftCodec.decode(try FileStore.readLimited(path: path, limit: 1 << 24), file: path, form: form)
        theirs.sections["goals", default: [:]]["text"] = .text("Någon annans ändring")
        try Data(DraftCodec.encode(theirs, form: form)).write(to: URL(fileURLWithPath: path))
        tmux.sendKeys("M-1", "C-t")
        tmux.type("Min text")
        #expect(tmux.waitFor("Min text"))
        tmux.sendKeys("C-s")
        #expect(tmux.waitFor("ändrats på disken"), "\(tmux.capture())")
        #expect(try text(path) == "Någon annans ändring")
        // The text is safe in the state folder, and the message says where.
        let copies = EmergencyStore(folder: folder.file("state/feedback")).copies(for: path)
        #expect(copies.count == 1)
        if let copy = copies.first { #expect(try text(copy) == "Min text") }
    }

    /// Issue 9, defect 5: save as overwrote existing files without asking, even a draft
    /// another window had locked.
    @Test func saveAsNeverReplacesAnExistingFile() throws {
        let folder = TemporaryFolder()
        let path = folder.file("utkast.json")
        let other = folder.file("annat.json")
        #expect(try feedback(["new", "--committee", "hsn", "-o", path]).status == 0)
        #expect(try feedback(["new", "--committee", "pn", "-o", other]).status == 0)
        let before = try FileStore.readLimited(path: other, limit: 1 << 24)
        let holder = try start(other, in: folder)
        defer { holder.kill() }
        #expect(holder.waitFor("Uppgifter"))
        let tmux = try start(path, in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"))
        tmux.sendKeys("M-1", "C-t")
        tmux.type("Sparas som")
        tmux.sendKeys("C-w")
        #expect(tmux.waitFor("Spara som"))
        tmux.sendKeys(["End"] + Array(repeating: "BSpace", count: path.count + 20))
        tmux.type(other)
        tmux.sendKeys("Enter")
        // The name is taken: nothing is replaced without asking.
        #expect(tmux.waitFor("Filen finns redan"), "\(tmux.capture())")
        #expect(try FileStore.readLimited(path: other, limit: 1 << 24) == before)
        // Replacing it is refused too: another window holds it.
        tmux.sendKeys("j")
        #expect(tmux.waitFor("öppen hos"), "\(tmux.capture())")
        #expect(try FileStore.readLimited(path: other, limit: 1 << 24) == before)
        // A new name works, and the lock moves with the draft.
        tmux.sendKeys(["End"] + Array(repeating: "BSpace", count: other.count + 20))
        tmux.type(folder.file("ny.json"))
        tmux.sendKeys("Enter")
        #expect(tmux.waitUntil(timeout: 10) { _ in DraftLock.holder(for: folder.file("ny.json")) != nil })
        #expect(try text(folder.file("ny.json")) == "Sparas som")
        #expect(DraftLock.holder(for: path) == nil)
    }

    /// Issue 9, defect 3: a FIFO as lock or autosave left `fill` blocked on a blank screen,
    /// deaf to Ctrl-Q, Ctrl-C and SIGTERM.
    @Test(arguments: ["lock", "autosave"])
    func aFIFOAsSideFileNeitherHangsNorIsUsed(kind: String) throws {
        let folder = TemporaryFolder()
        let path = folder.file("utkast.json")
        #expect(try feedback(["new", "--committee", "hsn", "-o", path]).status == 0)
        let fifo = kind == "lock" ? DraftFiles.lockPath(for: path) : DraftFiles.autosavePath(for: path)
        #expect(mkfifo(fifo, 0o600) == 0)
        let tmux = try start(path, in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("FIFO", timeout: 15), "\(tmux.capture())")
        #expect(tmux.capture().contains("Skrivskyddat") || tmux.capture().contains("skrivskydd"), "\(tmux.capture())")
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit(timeout: 15))
        #expect(PosixFileSystem().status(fifo, followLinks: false)?.kind == .fifo, "the FIFO was replaced")
        // SIGTERM is heard too.
        let again = try start(path, in: folder)
        defer { again.kill() }
        #expect(again.waitFor("FIFO", timeout: 15))
        let pid = try #require(again.pid())
        kill(pid, SIGTERM)
        #expect(again.waitForExit(timeout: 15))
    }

    /// Issue 9, defect 14: kill -9 during a save left `.NAME.tmp-PID-…` behind that nothing
    /// removed; opening the draft now does.
    @Test func openingADraftRemovesTheTemporaryFileOfAKilledSave() throws {
        let folder = TemporaryFolder()
        let path = folder.file("utkast.json")
        #expect(try feedback(["new", "--committee", "hsn", "-o", path]).status == 0)
        // A save killed half-way: a process that no longer exists, a minute ago.
        let child = try Spawned(["/bin/true"])
        let dead = child.pid
        child.wait()
        let left = folder.file(".utkast.json.tmp-\(dead)-4242")
        FileManager.default.createFile(atPath: left, contents: Data(repeating: 0x7B, count: 5 * 1024 * 1024))
        let then = Int(Date().timeIntervalSince1970) - 120
        var times = [timeval(tv_sec: then, tv_usec: 0), timeval(tv_sec: then, tv_usec: 0)]
        utimes(left, &times)
        let tmux = try start(path, in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"))
        #expect(!FileManager.default.fileExists(atPath: left))
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit())
    }
}
