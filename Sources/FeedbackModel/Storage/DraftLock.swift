import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A lock on a draft, so that two people never edit the same file at once.
///
/// The kernel holds it: an open-file-description lock (`F_OFD_SETLK`) on `.NAME.lock`,
/// taken for as long as the window is open and released by the kernel when the process ends,
/// however it ends (kill -9, a crash, a zombie not yet reaped). Whether a holder is alive is
/// asked of the kernel, never of a process id, so two windows taking over a stale lock at the
/// same moment cannot both win. The file's text only says who holds it (user, host, process,
/// since when), for the message the second window shows.
public final class DraftLock: @unchecked Sendable {
    /// The lock file.
    public let path: String
    /// What this lock's file says of its holder (this process).
    public let info: LockInfo
    let store: FileStore
    private var descriptor: Int32
    private let inode: UInt64
    private let mutex = NSLock()

    public enum Outcome: Sendable {
        case acquired(DraftLock)
        /// Held by a live process (the kernel says so), or a lock file of another host (whose
        /// locks this kernel may not see): take it over with `override` only.
        case held(LockInfo, otherHost: Bool)
        /// A planted or foreign file is where the lock file must be (a link, a FIFO, another
        /// user's stale lock that cannot be removed): not followed, not used.
        case refused(StoreError)
        /// No lock can be made (a read-only folder, a file system without locks): the caller
        /// decides; saving will tell the same story.
        case unavailable(StoreError)
    }

    private init(path: String, info: LockInfo, store: FileStore, descriptor: Int32, inode: UInt64) {
        self.path = path
        self.info = info
        self.store = store
        self.descriptor = descriptor
        self.inode = inode
    }

    deinit { release() }

    /// Takes the lock of the draft at `draft` (the file itself, not a link to it). A lock file
    /// whose holder has ended is taken over; one written on another host only with `override`.
    public static func acquire(for draft: String, now: Timestamp, override: Bool = false, store: FileStore = FileStore()) -> Outcome {
        let path = DraftFiles.lockPath(for: draft)
        let name = FileStore.fileName(of: path)
        let folder: FileStore.Folder
        do { folder = try store.openFolder(FileStore.directory(of: path), for: path, operation: "lock") } catch {
            return .unavailable(error)
        }
        defer { _ = store.fileSystem.close(folder.fd) }
        let fs = store.fileSystem
        let me = LockInfo.current(now: now)
        // Readers of the draft may read who holds it; nobody else.
        let draftMode = fs.status(draft, followLinks: true)?.mode ?? 0o600
        let mode: mode_t = 0o600 | (draftMode & 0o044)
        for _ in 0..<20 {
            let (fd, code) = fs.openAt(folder.fd, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, mode)
            if fd < 0 {
                if let outcome = notOpened(code, folder: folder, name: name, path: path, store: store) { return outcome }
                continue  // a stale lock of another user was removed: try again
            }
            guard let status = fs.status(of: fd) else {
                _ = fs.close(fd)
                return .unavailable(StoreError(path: path, operation: "lock", errno: EIO))
            }
            guard status.isRegular else {
                _ = fs.close(fd)
                return .refused(StoreError(path: path, operation: "lock", kind: .notRegular(status.kind)))
            }
            let lockCode = fs.lock(fd, .exclusive)
            if lockCode == EAGAIN {
                _ = fs.close(fd)
                return .held(holder(folder: folder, name: name, store: store, owner: status.owner, waitForNewHolder: true), otherHost: false)
            }
            guard lockCode == 0 else {
                _ = fs.close(fd)
                return .unavailable(StoreError(path: path, operation: "lock", errno: lockCode))
            }
            // Locked. Is the name still this file (not removed or replaced since it was opened)?
            guard let current = fs.statusAt(folder.fd, name).status, current.inode == status.inode, current.device == status.device else {
                _ = fs.close(fd)
                continue
            }
            if status.owner != Account.me || status.links != 1 {
                // A stale lock of another user (or with other names): ours only if it can go.
                _ = fs.close(fd)
                if status.links == 1, fs.unlinkAt(folder.fd, name) == 0 { continue }
                let problem: StoreError.Kind = status.links != 1 ? .hardLinked(links: status.links) : .foreign(owner: Account.name(of: status.owner))
                return .refused(StoreError(path: path, operation: "lock", kind: problem))
            }
            let previous = readText(folder: folder, name: name, store: store).flatMap { LockInfo(json: $0) }
            if let previous, previous.host != me.host, !override {
                _ = fs.close(fd)
                return .held(previous, otherHost: true)
            }
            let text = JSONWriter.pretty(me.json)
            let truncated = fs.truncate(fd, 0)
            let written = text.withUnsafeBytes { fs.write(fd, $0) }
            _ = fs.fsync(fd)
            if truncated != 0 || written.count != text.count {
                _ = fs.unlinkAt(folder.fd, name)
                _ = fs.close(fd)
                let code = truncated != 0 ? truncated : (written.code == 0 ? ENOSPC : written.code)
                return .unavailable(StoreError(path: path, operation: "lock", errno: code))
            }
            return .acquired(DraftLock(path: path, info: me, store: store, descriptor: fd, inode: status.inode))
        }
        return .unavailable(StoreError(path: path, operation: "lock", errno: EAGAIN))
    }

    /// Why the lock file could not be opened for writing: an outcome, or nil to try again.
    private static func notOpened(_ code: Int32, folder: FileStore.Folder, name: String, path: String, store: FileStore) -> Outcome? {
        let fs = store.fileSystem
        let status = fs.statusAt(folder.fd, name).status
        if code == ELOOP, let status {
            return .refused(StoreError(path: path, operation: "lock", kind: .symbolicLink(owner: Account.name(of: status.owner))))
        }
        guard (code == EACCES || code == EPERM), let status else {
            return .unavailable(StoreError(path: path, operation: "lock", errno: code))
        }
        // Someone else's lock file that we may not write: held, stale or unreadable.
        guard status.isRegular else { return .refused(StoreError(path: path, operation: "lock", kind: .notRegular(status.kind))) }
        let owner = Account.name(of: status.owner)
        let (fd, _) = fs.openAt(folder.fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0)
        guard fd >= 0 else { return .refused(StoreError(path: path, operation: "lock", kind: .foreign(owner: owner))) }
        let alive = fs.isLocked(fd)
        _ = fs.close(fd)
        if alive == true {
            return .held(holder(folder: folder, name: name, store: store, owner: status.owner, waitForNewHolder: false), otherHost: false)
        }
        // Stale: it may be removed where the folder allows (not in a sticky folder).
        if fs.unlinkAt(folder.fd, name) == 0 { return nil }
        return .refused(StoreError(path: path, operation: "lock", kind: .foreign(owner: owner)))
    }

    /// Who holds the lock, from its text; the file's owner when the text says otherwise or
    /// nothing. A holder that has just taken over may not have written its name yet: with
    /// `waitForNewHolder` an empty text or one naming an ended process is read again for up
    /// to two seconds.
    private static func holder(folder: FileStore.Folder, name: String, store: FileStore, owner: uid_t, waitForNewHolder: Bool) -> LockInfo {
        let ownerName = Account.name(of: owner)
        var info: LockInfo?
        for attempt in 0..<100 {
            info = readText(folder: folder, name: name, store: store).flatMap { LockInfo(json: $0) }
            // Empty or half written (the new holder is writing), or naming an ended process
            // (it has not written yet): look again.
            let settled = info.map { $0.host != LockInfo.currentHost() || processExists($0.pid) } ?? false
            guard waitForNewHolder, !settled else { break }
            if attempt < 99 { usleep(20_000) }
        }
        guard var found = info else {
            return LockInfo(user: ownerName, host: "?", pid: 0, since: Timestamp(secondsSinceEpoch: 0), fileOwner: ownerName)
        }
        if found.user != ownerName { found.fileOwner = ownerName }
        return found
    }

    private static func readText(folder: FileStore.Folder, name: String, store: FileStore) -> [UInt8]? {
        let fs = store.fileSystem
        let (fd, _) = fs.openAt(folder.fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0)
        guard fd >= 0 else { return nil }
        // Closing this second descriptor leaves the lock alone: OFD locks belong to the open
        // file description that took them, not to the process.
        defer { _ = fs.close(fd) }
        guard let status = fs.status(of: fd), status.isRegular else { return nil }
        return try? store.readAll(fd, path: name, limit: 64 * 1024)
    }

    /// Whether a live process holds the draft's lock (the kernel's answer; the lock file's
    /// text is not consulted). For a read-only window that waits to take over.
    public static func isHolderAlive(for draft: String, store: FileStore = FileStore()) -> Bool {
        holder(for: draft, store: store) != nil
    }

    /// Who holds the draft's lock now, or nil when no live process does.
    public static func holder(for draft: String, store: FileStore = FileStore()) -> LockInfo? {
        let path = DraftFiles.lockPath(for: draft)
        guard let folder = try? store.openFolder(FileStore.directory(of: path), for: path, operation: "lock") else { return nil }
        defer { _ = store.fileSystem.close(folder.fd) }
        let name = FileStore.fileName(of: path)
        let (fd, _) = store.fileSystem.openAt(folder.fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0)
        guard fd >= 0 else { return nil }
        let status = store.fileSystem.status(of: fd)
        let locked = store.fileSystem.isLocked(fd)
        _ = store.fileSystem.close(fd)
        guard let status, status.isRegular, locked == true else { return nil }
        return holder(folder: folder, name: name, store: store, owner: status.owner, waitForNewHolder: false)
    }

    /// Whether a process with this id exists on this host.
    public static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Whether this lock is still held (not released).
    public var isHeld: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return descriptor >= 0
    }

    /// Removes the lock file (if it is still this lock's) and gives the kernel lock up.
    /// Idempotent; also done when the lock is deallocated, and by the kernel when the
    /// process ends.
    public func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard descriptor >= 0 else { return }
        let fs = store.fileSystem
        // Remove the name while still holding the lock: a process that opened it meanwhile
        // finds, once it gets the lock, that the name is gone and starts again.
        if let folder = try? store.openFolder(FileStore.directory(of: path), for: path, operation: "remove") {
            let name = FileStore.fileName(of: path)
            if let current = fs.statusAt(folder.fd, name).status, current.inode == inode {
                _ = fs.unlinkAt(folder.fd, name)
            }
            _ = fs.close(folder.fd)
        }
        _ = fs.close(descriptor)
        descriptor = -1
    }
}
