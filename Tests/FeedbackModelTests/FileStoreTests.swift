import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// The one save routine, under faults injected through the file-system layer (CI runs as
/// root, which ignores permissions, so refusals are injected rather than provoked).
@Suite struct FileStoreTests {
    let old = Array("den gamla versionen\n".utf8)
    let new = Array(String(repeating: "den nya versionen med åäö\n", count: 4_000).utf8)

    func contents(_ path: String) -> [UInt8] {
        (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? []
    }

    func mode(_ path: String) -> mode_t {
        PosixFileSystem().status(path, followLinks: true)?.mode ?? 0
    }

    func leftovers(_ folder: TemporaryFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".tmp-") }
    }

    @Test func savesAtomicallyWithPrivateModeAndKeepsAnExistingMode() throws {
        let folder = TemporaryFolder()
        let path = folder.file("utkast.json")
        try FileStore().save(old, to: path)
        #expect(contents(path) == old)
        #expect(mode(path) == 0o600)
        chmod(path, 0o640)
        try FileStore().save(new, to: path)
        #expect(contents(path) == new)
        #expect(mode(path) == 0o640)
        #expect(leftovers(folder).isEmpty)
    }

    @Test func symlinkedDraftStaysASymlink() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.file("real"), withIntermediateDirectories: true)
        try FileStore().save(old, to: folder.file("real/utkast.json"))
        symlink("real/utkast.json", folder.file("link.json"))
        try FileStore().save(new, to: folder.file("link.json"))
        #expect(PosixFileSystem().status(folder.file("link.json"), followLinks: false)?.isSymlink == true)
        #expect(contents(folder.file("real/utkast.json")) == new)
    }

    @Test func shortWritesAndInterruptionsStillWriteEverything() throws {
        let folder = TemporaryFolder()
        let path = folder.file("utkast.json")
        let fs = FaultyFileSystem()
        fs.shortWrites = 777
        fs.interruptWrites = true
        try FileStore(fileSystem: fs).save(new, to: path)
        #expect(contents(path) == new)
        #expect(fs.calls.filter { $0 == .write }.count > new.count / 777)
    }

    @Test(arguments: [
        (FaultyFileSystem.Call.open, ENOSPC, StoreError.Kind.diskFull),
        (.write, ENOSPC, .diskFull),
        (.write, EIO, .ioError),
        (.fsync, EIO, .ioError),
        (.open, EROFS, .readOnly),
        (.open, EACCES, .permissionDenied),
        (.rename, EACCES, .permissionDenied),
        (.rename, EIO, .ioError),
    ])
    func failuresLeaveTheOldFileUntouched(call: FaultyFileSystem.Call, errno code: Int32, kind: StoreError.Kind) throws {
        let folder = TemporaryFolder()
        let path = folder.file("utkast.json")
        try FileStore().save(old, to: path)
        let fs = FaultyFileSystem()
        fs.failing = (call, code, 0)
        fs.shortWrites = 4096  // so a write failure happens after some bytes went out
        do {
            try FileStore(fileSystem: fs).save(new, to: path)
            Issue.record("the save did not fail")
        } catch {
            #expect(error.kind == kind)
            #expect(error.path == path)
            #expect(!error.message(.sv).isEmpty)
        }
        #expect(contents(path) == old)
        #expect(leftovers(folder).isEmpty, "temporary file left behind: \(leftovers(folder))")
    }

    @Test func aCrashAtAnyPointLeavesTheOldOrTheNewFile() throws {
        let newer = Array(new.prefix(20_000))
        // Count the calls of a whole save, then crash after each of them in turn.
        let counting = FaultyFileSystem()
        let probe = TemporaryFolder()
        try Data(old).write(to: URL(fileURLWithPath: probe.file("x")))
        counting.shortWrites = 5_000
        try FileStore(fileSystem: counting).save(newer, to: probe.file("x"))
        let steps = counting.calls.count
        let rename = try #require(counting.calls.firstIndex(of: .rename))
        #expect(steps >= 10)
        for crash in 0...steps {
            let folder = TemporaryFolder()
            let path = folder.file("utkast.json")
            try Data(old).write(to: URL(fileURLWithPath: path))
            let fs = FaultyFileSystem()
            fs.shortWrites = 5_000
            fs.crashAfter = crash
            _ = try? FileStore(fileSystem: fs).save(newer, to: path)
            let now = contents(path)
            #expect(now == old || now == newer, "after \(crash) of \(steps) calls the file is neither old nor new (\(now.count) bytes)")
            // Before the rename the old file is there; after it, the new one.
            #expect((now == old) == (crash <= rename), "crash after \(crash) calls, rename is call \(rename + 1)")
        }
    }

    @Test func missingFolderIsAClearError() {
        do {
            try FileStore().save(old, to: "/nonexistent-folder-\(getpid())/utkast.json")
            Issue.record("saved into a missing folder")
        } catch {
            #expect(error.kind == .notFound)
            #expect(error.message(.sv).contains("filen eller mappen finns inte"))
        }
    }

    @Test func readRefusesFoldersAndTooLargeFiles() throws {
        let folder = TemporaryFolder()
        #expect(throws: StoreError.self) { try FileStore.readLimited(path: folder.path, limit: 100) }
        try FileStore().save(new, to: folder.file("big"))
        do { _ = try FileStore.readLimited(path: folder.file("big"), limit: 1000) } catch {
            #expect(error.kind == .tooLarge(limit: 1000))
        }
    }

    @Test func exportWriterReportsDiskFullWithoutWriting() throws {
        let folder = TemporaryFolder()
        let fs = FaultyFileSystem()
        fs.failing = (.write, ENOSPC, 0)
        let writer = ExportWriter(form: shippedForm(), store: FileStore(fileSystem: fs))
        do {
            _ = try writer.write(SampleDrafts.complete(shippedForm()), folder: folder.file("Exports"), exportedAt: Timestamp(secondsSinceEpoch: 0))
            Issue.record("export succeeded on a full disk")
        } catch {
            guard case .store(let storeError) = error else { Issue.record("wrong error \(error)"); return }
            #expect(storeError.kind == .diskFull)
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.file("Exports"))) ?? []).isEmpty)
    }
}

@Suite struct DraftLockTests {
    let now = Timestamp(secondsSinceEpoch: 1_806_480_000)

    @Test func secondOpenerIsToldWhoHoldsIt() throws {
        let folder = TemporaryFolder()
        let draft = folder.file("utkast.json")
        // A lock held by a live process on this host (our parent, pid 1 stand-in: this process).
        let holder = LockInfo(user: "anna", host: LockInfo.current(now: now).host, pid: getppid(), since: now)
        try folder.write(bytes: JSONWriter.pretty(holder.json), ".utkast.json.lock")
        guard case .held(let info, let otherHost) = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("the lock was not reported as held")
            return
        }
        #expect(info == holder)
        #expect(!otherHost)
        #expect(info.description(.sv).contains("anna på"))
        #expect(info.description(.sv).contains("(process \(getppid()))"))
    }

    @Test func staleLockOfADeadProcessIsTakenOver() throws {
        let folder = TemporaryFolder()
        let draft = folder.file("utkast.json")
        // A process id that does not exist.
        var dead: Int32 = 4_000_000
        while DraftLock.processExists(dead) { dead -= 1 }
        let holder = LockInfo(user: "anna", host: LockInfo.current(now: now).host, pid: dead, since: now)
        try folder.write(bytes: JSONWriter.pretty(holder.json), ".utkast.json.lock")
        guard case .acquired(let lock) = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("a stale lock was not taken over")
            return
        }
        #expect(lock.info.pid == getpid())
        lock.release()
        #expect(!FileManager.default.fileExists(atPath: DraftFiles.lockPath(for: draft)))
    }

    @Test func lockFromAnotherHostNeedsOverride() throws {
        let folder = TemporaryFolder()
        let draft = folder.file("utkast.json")
        let holder = LockInfo(user: "bo", host: "annan-server", pid: getpid(), since: now)
        try folder.write(bytes: JSONWriter.pretty(holder.json), ".utkast.json.lock")
        guard case .held(_, let otherHost) = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("a lock from another host was ignored")
            return
        }
        #expect(otherHost)
        guard case .acquired = DraftLock.acquire(for: draft, now: now, override: true) else {
            Issue.record("override did not take the lock")
            return
        }
    }

    @Test func brokenLockFileIsTakenOverAndOwnLockIsReentrant() throws {
        let folder = TemporaryFolder()
        let draft = folder.file("utkast.json")
        try folder.write(".utkast.json.lock", "")
        guard case .acquired = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("an empty lock file blocked the draft")
            return
        }
        guard case .acquired = DraftLock.acquire(for: draft, now: now) else {
            Issue.record("our own lock blocked us")
            return
        }
    }
}

/// The trash: a draft moved there can be restored (freedesktop.org layout with .trashinfo).
@Suite struct TrashTests {
    @Test func aDraftGoesToTheTrashWithItsInfoAndNamesNeverCollide() throws {
        let folder = TemporaryFolder()
        let data = folder.file("data")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        let environment = ["XDG_DATA_HOME": data, "HOME": folder.path]
        for round in 1...2 {
            try folder.write("utkast.json", "{\"round\": \(round)}")
            let target = try Trash.move(folder.file("utkast.json"), now: Timestamp(secondsSinceEpoch: 1_800_000_000), local: .utc,
                                        environment: environment)
            #expect(target == data + "/Trash/files/utkast.json" + (round == 1 ? "" : ".2"))
            #expect(!FileManager.default.fileExists(atPath: folder.file("utkast.json")))
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "{\"round\": \(round)}")
            let info = try String(contentsOfFile: data + "/Trash/info/" + FileStore.fileName(of: target) + ".trashinfo", encoding: .utf8)
            #expect(info.hasPrefix("[Trash Info]\nPath=/"))
            #expect(info.contains("DeletionDate=2027-01-15T08:00:00"))
        }
    }

    @Test func newDraftNamesFollowOneRule() {
        let form = shippedForm()
        #expect(DraftFiles.newDraftName(form: form, committee: "hsn", attempt: 1) == "pf-aterkoppling-2028_hsn.json")
        #expect(DraftFiles.newDraftName(form: form, committee: "hsn", attempt: 2) == "pf-aterkoppling-2028_hsn-2.json")
    }
}
