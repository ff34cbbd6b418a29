import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// The draft lock is held by the kernel (an OFD lock on `.NAME.lock`) for as long as the
/// window is open: the kernel, not a process id, says whether its holder is alive.
@Suite struct DraftLockTests {
    let now = Timestamp(secondsSinceEpoch: 1_806_480_000)

    func draftIn(_ folder: TemporaryFolder) throws -> String {
        try folder.write("utkast.json", "{}")
        return folder.file("utkast.json")
    }

    @Test func aHeldLockWhoseFileCannotBeReadSaysSo() {
        // What `holder` makes of a held lock whose text it cannot read: the file's owner only.
        let unreadable = LockInfo(user: "anna", host: "?", pid: 0, since: Timestamp(secondsSinceEpoch: 0), fileOwner: "anna")
        #expect(unreadable.heldText(.sv) == "utkastet är låst, men låsfilen går inte att läsa (den tillhör anna)")
        #expect(unreadable.heldText(.en) == "the draft is locked, but its lock file cannot be read (it belongs to anna)")
        let read = LockInfo(user: "anna", host: "server1", pid: 4711, since: now)
        #expect(read.heldText(.en, time: .utc).hasPrefix("the draft is open by anna on server1 (process 4711)"))
    }

    @Test func aSecondWindowIsToldWhoHoldsIt() throws {
        let folder = TemporaryFolder()
        let draft = try draftIn(folder)
        guard case .acquired(let first) = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("no lock")
            return
        }
        // Another open of the lock file, in this process too, is refused by the kernel.
        guard case .held(let info, let otherHost) = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("the lock was not reported as held")
            return
        }
        #expect(info.pid == getpid())
        #expect(info.user == Account.myName)
        #expect(!otherHost)
        #expect(info.description(.sv).contains("(process \(getpid()))"))
        #expect(DraftLock.isHolderAlive(for: draft))
        #expect(DraftLock.holder(for: draft)?.pid == getpid())
        first.release()
        #expect(!DraftLock.isHolderAlive(for: draft))
        #expect(!FileManager.default.fileExists(atPath: DraftFiles.lockPath(for: draft)))
        guard case .acquired = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("a released lock could not be taken")
            return
        }
    }

    /// A lock file whose text names a live process, but no process holds: stale. (The old
    /// lock trusted the process id, which another program may have by now.)
    @Test func aLockFileNobodyHoldsIsTakenOverWhateverItsTextSays() throws {
        let folder = TemporaryFolder()
        let draft = try draftIn(folder)
        let claim = LockInfo(user: "anna", host: LockInfo.current(now: now).host, pid: getppid(), since: now)
        try folder.write(bytes: JSONWriter.pretty(claim.json), ".utkast.json.lock")
        guard case .acquired(let lock) = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("a stale lock was not taken over")
            return
        }
        #expect(lock.info.pid == getpid())
        let text = try FileStore.readLimited(path: DraftFiles.lockPath(for: draft), limit: 1 << 16)
        #expect(LockInfo(json: text)?.pid == getpid(), "the lock file names its new holder")
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: DraftFiles.lockPath(for: draft)))
    }

    /// Issue 9, defect 4: "a killed process that is not yet reaped still counts as holding
    /// its lock". The kernel releases the lock when the process dies, reaped or not.
    @Test func aKilledHolderThatIsNotYetReapedNoLongerHolds() throws {
        let folder = TemporaryFolder()
        let draft = try draftIn(folder)
        let go = folder.file("go")
        FileManager.default.createFile(atPath: go, contents: nil)
        let holder = try Spawned([Paths.testHelper, "lock-probe", draft, go])
        #expect(holder.readLine() == "acquired")
        guard case .held(let info, _) = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("the helper's lock was not seen")
            return
        }
        #expect(info.pid == holder.pid)
        holder.signal(SIGKILL)
        // Not reaped: a zombie, whose process id still exists.
        var waited = 0
        while holder.state != "Z" && waited < 500 { usleep(10_000); waited += 1 }
        #expect(holder.state == "Z")
        #expect(DraftLock.processExists(holder.pid))
        guard case .acquired(let lock) = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("the lock of a killed (zombie) process was not taken over")
            return
        }
        lock.release()
        #expect(holder.wait() == 128 + SIGKILL)
    }

    @Test func lockFromAnotherHostNeedsOverride() throws {
        let folder = TemporaryFolder()
        let draft = try draftIn(folder)
        let holder = LockInfo(user: "bo", host: "annan-server", pid: getpid(), since: now)
        try folder.write(bytes: JSONWriter.pretty(holder.json), ".utkast.json.lock")
        guard case .held(let info, let otherHost) = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("a lock from another host was ignored")
            return
        }
        #expect(otherHost)
        #expect(info.host == "annan-server")
        guard case .acquired = DraftLock.acquire(for: draft, now: now, override: true) else {
            Issue.record("override did not take the lock")
            return
        }
    }

    @Test func anEmptyLockFileIsTakenOver() throws {
        let folder = TemporaryFolder()
        let draft = try draftIn(folder)
        try folder.write(".utkast.json.lock", "")
        guard case .acquired(let lock) = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("an empty lock file blocked the draft")
            return
        }
        #expect(lock.isHeld)
        lock.release()
        lock.release()  // idempotent
        #expect(!lock.isHeld)
    }

    @Test func aPlantedLinkOrFIFOIsRefusedWithoutWaiting() throws {
        let folder = TemporaryFolder()
        let draft = try draftIn(folder)
        try folder.write("annat.txt", "orört")
        symlink(folder.file("annat.txt"), DraftFiles.lockPath(for: draft))
        guard case .refused(let error) = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("a link as lock file was not refused")
            return
        }
        guard case .symbolicLink = error.kind else { Issue.record("\(error)"); return }
        #expect(try folder.read("annat.txt") == "orört")
        unlink(DraftFiles.lockPath(for: draft))
        symlink(folder.file("finns-inte"), DraftFiles.lockPath(for: draft))
        guard case .refused = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("a dangling link as lock file was not refused")
            return
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("finns-inte")))
        unlink(DraftFiles.lockPath(for: draft))
        mkfifo(DraftFiles.lockPath(for: draft), 0o666)
        let outcome = LockedBox<DraftLock.Outcome?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            outcome.value = DraftLock.acquire(for: draft, now: Timestamp(secondsSinceEpoch: 0))
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 10) == .success, "a FIFO as lock file hangs")
        guard case .refused(let fifo)? = outcome.value else {
            Issue.record("a FIFO as lock file was not refused: \(String(describing: outcome.value))")
            return
        }
        #expect(fifo.kind == .notRegular(.fifo))
    }

    @Test func whoMayReadTheLockFollowsTheDraft() throws {
        let folder = TemporaryFolder()
        let draft = try draftIn(folder)
        chmod(draft, 0o640)
        guard case .acquired(let lock) = DraftLock.acquire(for: draft, now: now) else { Issue.record("no lock"); return }
        #expect(PosixFileSystem().status(lock.path, followLinks: false)?.mode == 0o640 & ~umaskNow())
        lock.release()
        chmod(draft, 0o600)
        guard case .acquired(let again) = DraftLock.acquire(for: draft, now: now) else { Issue.record("no lock"); return }
        #expect(PosixFileSystem().status(again.path, followLinks: false)?.mode == 0o600 & ~umaskNow())
    }

    func umaskNow() -> mode_t {
        let current = umask(0o022)
        umask(current)
        return current
    }
}
