import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// Side files are the user's own or they are nothing; new files replace nothing; a save
/// notices a draft changed on disk. (Another user's files are made with chown, as root; the
/// same plants by a real second user are in the end-to-end SharedFolderTests.)
@Suite struct SideFileTests {
    let text = Array("utkastets text\n".utf8)
    static var isRoot: Bool { getuid() == 0 }
    /// A user id that is not ours (nobody).
    let stranger: uid_t = 65534

    func contents(_ path: String) -> [UInt8]? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map { [UInt8]($0) }
    }

    /// Runs `body` on another thread; false if it has not returned within `seconds`.
    func finishes(within seconds: Double, _ body: @escaping @Sendable () -> Void) -> Bool {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success
    }

    @Test func aPlantedLinkIsNeitherFollowedNorReadNorReplaced() throws {
        let folder = TemporaryFolder()
        let victim = folder.file("privat.json")
        try folder.write("privat.json", "hemligt")
        symlink(victim, folder.file(".utkast.json.autosave.json"))
        let store = FileStore()
        let autosave = folder.file(".utkast.json.autosave.json")
        #expect(throws: StoreError.self) { _ = try store.readOwn(path: autosave, limit: 1 << 20) }
        do {
            try store.saveSideFile(text, to: autosave)
            Issue.record("the autosave went through a link")
        } catch {
            guard case .symbolicLink = error.kind else { Issue.record("\(error)"); return }
            #expect(error.message(.sv).contains("symbolisk länk"))
            #expect(error.message(.sv).contains(".utkast.json.autosave.json"))
        }
        #expect(contents(victim) == Array("hemligt".utf8))
        #expect(store.sideFileProblem(autosave) != nil)
        // A dangling link likewise.
        unlink(autosave)
        symlink(folder.file("finns-inte.json"), autosave)
        #expect(throws: StoreError.self) { try store.saveSideFile(text, to: autosave) }
        #expect(!FileManager.default.fileExists(atPath: folder.file("finns-inte.json")))
    }

    @Test func aFIFOIsRefusedWithoutWaiting() throws {
        let folder = TemporaryFolder()
        let fifo = folder.file(".utkast.json.autosave.json")
        #expect(mkfifo(fifo, 0o666) == 0)
        let store = FileStore()
        let refused = LockedBox<StoreError?>(nil)
        #expect(finishes(within: 10) {
            do { _ = try store.readOwn(path: fifo, limit: 1 << 20) } catch let error as StoreError { refused.value = error } catch {}
        })
        #expect(refused.value?.kind == .notRegular(.fifo))
        // Reading a draft, a form or an export that is a FIFO does not wait for a writer either.
        #expect(finishes(within: 10) { _ = try? FileStore.readLimited(path: fifo, limit: 1 << 20) })
        do {
            _ = try FileStore.readLimited(path: fifo, limit: 1 << 20)
            Issue.record("a FIFO was read")
        } catch {
            #expect(error.kind == .notRegular(.fifo))
            #expect(error.message(.en).contains("named pipe (FIFO)"))
        }
        #expect(throws: StoreError.self) { try store.saveSideFile(text, to: fifo) }
    }

    @Test(.enabled(if: SideFileTests.isRoot, "⚠️ SKIPPED: chown to another user needs root"))
    func anotherUsersFileIsNotTrusted() throws {
        let folder = TemporaryFolder()
        let autosave = folder.file(".utkast.json.autosave.json")
        try folder.write(".utkast.json.autosave.json", "{}")
        #expect(chown(autosave, stranger, stranger) == 0)
        let store = FileStore()
        do {
            _ = try store.readOwn(path: autosave, limit: 1 << 20)
            Issue.record("another user's autosave was read")
        } catch {
            #expect(error.kind == .foreign(owner: Account.name(of: stranger)))
            #expect(error.message(.sv).contains("tillhör användaren"))
        }
        #expect(throws: StoreError.self) { try store.saveSideFile(text, to: autosave) }
        #expect(contents(autosave) == Array("{}".utf8))
        #expect(!store.removeOwn(autosave))
        #expect(FileManager.default.fileExists(atPath: autosave))
        // A link of another user to a draft is not followed for writing; one of our own is.
        try folder.write("riktig.json", "gammal")
        symlink("riktig.json", folder.file("främmande-länk.json"))
        #expect(lchown(folder.file("främmande-länk.json"), stranger, stranger) == 0)
        #expect(throws: StoreError.self) { try store.save(text, to: folder.file("främmande-länk.json")) }
        symlink("riktig.json", folder.file("egen-länk.json"))
        try store.save(text, to: folder.file("egen-länk.json"))
        #expect(contents(folder.file("riktig.json")) == text)
    }

    @Test func aSideFileWithTwoNamesIsNotTrusted() throws {
        let folder = TemporaryFolder()
        try folder.write("annat.json", "x")
        link(folder.file("annat.json"), folder.file(".utkast.json.autosave.json"))
        #expect(throws: StoreError.self) { _ = try FileStore().readOwn(path: folder.file(".utkast.json.autosave.json"), limit: 100) }
    }

    /// Issue 9, defects 1, 5 and 6: `new -o`, `export` and "save as" wrote through dangling
    /// links and over existing files.
    @Test func saveNewReplacesNothingAtAll() throws {
        let folder = TemporaryFolder()
        let store = FileStore()
        try store.saveNew(text, to: folder.file("ny.json"))
        #expect(contents(folder.file("ny.json")) == text)
        #expect(PosixFileSystem().status(folder.file("ny.json"), followLinks: false)?.mode == 0o600)
        for plant in ["fil", "länk", "dinglande", "fifo"] {
            let path = folder.file("\(plant).json")
            switch plant {
            case "fil": try folder.write("\(plant).json", "gammal")
            case "länk": try folder.write("mål.json", "målet"); symlink(folder.file("mål.json"), path)
            case "dinglande": symlink(folder.file("ingenstans.json"), path)
            default: mkfifo(path, 0o600)
            }
            do {
                try store.saveNew(text, to: path)
                Issue.record("saveNew replaced a \(plant)")
            } catch {
                #expect(error.kind == .exists, "\(plant): \(error)")
            }
        }
        #expect(contents(folder.file("fil.json")) == Array("gammal".utf8))
        #expect(contents(folder.file("mål.json")) == Array("målet".utf8))
        #expect(!FileManager.default.fileExists(atPath: folder.file("ingenstans.json")))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    /// Issue 9, defect 8: a draft changed on disk by another program was overwritten.
    @Test func aSaveNoticesADraftChangedOnDisk() throws {
        let folder = TemporaryFolder()
        let path = folder.file("utkast.json")
        let store = FileStore()
        let first = try store.save(text, to: path)
        let (_, read) = try store.readWithIdentity(path: path, limit: 1 << 20)
        #expect(read == first)
        // Our own saves go on: each returns the identity the next one expects.
        let second = try store.save(text + text, to: path, expecting: first)
        // Another program rewrites it in place (same inode, new size and time)...
        try Data("någon annans".utf8).write(to: URL(fileURLWithPath: path))
        do {
            try store.save(text, to: path, expecting: second)
            Issue.record("a changed draft was overwritten")
        } catch {
            #expect(error.kind == .changedOnDisk)
            #expect(error.message(.sv).contains("ändrats på disken"))
        }
        #expect(contents(path) == Array("någon annans".utf8))
        // ... or replaces it with another file of the same size.
        let third = try store.save(text, to: path)
        let other = folder.file("other")
        try folder.write(bytes: text, "other")
        rename(other, path)
        #expect(throws: StoreError.self) { try store.save(text, to: path, expecting: third) }
        // A draft that was removed is simply written again.
        unlink(path)
        try store.save(text, to: path, expecting: third)
        #expect(contents(path) == text)
    }

    /// Issue 9, defect 14: kill -9 during a save left `.NAME.tmp-PID-…` behind for ever.
    @Test func staleTemporaryFilesOfOursAreRemoved() throws {
        let folder = TemporaryFolder()
        let path = folder.file("utkast.json")
        var dead: Int32 = 4_000_000
        while DraftLock.processExists(dead) { dead -= 1 }
        let stale = folder.file(".utkast.json.tmp-\(dead)-12345")
        let recent = folder.file(".utkast.json.tmp-\(dead)-777")
        let live = folder.file(".utkast.json.tmp-\(getpid())-999")
        for file in [stale, recent, live] { FileManager.default.createFile(atPath: file, contents: Data(repeating: 0x41, count: 5_000)) }
        let now = Int64(Date().timeIntervalSince1970)
        var old = [timeval(tv_sec: Int(now - 600), tv_usec: 0), timeval(tv_sec: Int(now - 600), tv_usec: 0)]
        utimes(stale, &old)
        utimes(live, &old)
        let result = FileStore().removeStaleTemporaries(of: path, now: now)
        #expect(result.removed == [stale])
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: recent), "a temporary file of a save a moment ago stays")
        #expect(FileManager.default.fileExists(atPath: live), "a temporary file of a live process stays")
    }

    @Test(.enabled(if: SideFileTests.isRoot, "⚠️ SKIPPED: chown to another user needs root"))
    func anotherUsersTemporaryFileIsLeftAndReported() throws {
        let folder = TemporaryFolder()
        let theirs = folder.file(".utkast.json.tmp-1-2")
        FileManager.default.createFile(atPath: theirs, contents: Data("x".utf8))
        #expect(chown(theirs, stranger, stranger) == 0)
        let result = FileStore().removeStaleTemporaries(of: folder.file("utkast.json"), minimumAge: 0, now: Int64(Date().timeIntervalSince1970) + 3600)
        #expect(result.removed.isEmpty)
        #expect(result.foreign.map(\.path) == [theirs])
        #expect(FileManager.default.fileExists(atPath: theirs))
    }

    /// Issue 9, defect 14: EFBIG was "system error 27".
    @Test func errorsHaveWords() {
        let big = StoreError(path: "/x/utkast.json", operation: "write", errno: EFBIG)
        #expect(big.kind == .fileTooLarge)
        #expect(big.message(.sv).contains("ulimit -f"))
        #expect(!big.message(.sv).contains("systemfel"))
        #expect(StoreError(path: "x", operation: "write", errno: ENAMETOOLONG).message(.en).contains("the name is too long"))
        #expect(StoreError(path: "x", operation: "write", errno: EXDEV).message(.sv).contains("olika filsystem"))
        // An errno without words of our own gets the system's.
        let rare = StoreError(path: "x", operation: "write", errno: ENOTEMPTY).message(.en)
        #expect(rare.contains("system error \(ENOTEMPTY) ("), "\(rare)")
        #expect(rare.count > "x: write: system error 39 ()".count)
    }

    @Test func theEmergencyStoreSaysWhereTheTextWent() throws {
        let folder = TemporaryFolder()
        let store = EmergencyStore(environment: ["XDG_STATE_HOME": folder.file("state"), "HOME": folder.path])
        #expect(store.folder == folder.file("state/feedback"))
        let now = Timestamp(secondsSinceEpoch: 1_806_480_000)
        guard case .savedCopy(let path) = store.write(text, for: "/var/x/utkast.json", now: now) else {
            Issue.record("no copy was written")
            return
        }
        #expect(path.hasPrefix(folder.file("state/feedback/utkast.")))
        #expect(contents(path) == text)
        #expect(PosixFileSystem().status(folder.file("state/feedback"), followLinks: false)?.mode == 0o700)
        // A second copy at the same second gets its own name: nothing is replaced.
        guard case .savedCopy(let second) = store.write(text + text, for: "/var/x/utkast.json", now: now) else {
            Issue.record("no second copy")
            return
        }
        #expect(second != path)
        #expect(contents(path) == text)
        #expect(store.copies(for: "utkast.json").count == 2)
        #expect(Rescue.savedCopy(path).message(.sv).contains(path))
        // With no state folder possible, it says the text is nowhere.
        try folder.write("fil", "x")
        let impossible = EmergencyStore(environment: ["XDG_STATE_HOME": folder.file("fil")])
        #expect(impossible.write(text, for: "utkast.json", now: now) == .nowhere)
        #expect(Rescue.nowhere.message(.en).contains("only in the window"))
        // The default: ~/.local/state/feedback.
        #expect(EmergencyStore.defaultFolder(environment: ["HOME": "/home/anna"]) == "/home/anna/.local/state/feedback")
    }
}

/// A value shared with another thread in a test.
final class LockedBox<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
