#if canImport(Glibc)
import Glibc
#endif

extension FileStore {
    /// Saves a draft at `path` atomically and durably: a new file in the same folder, created
    /// exclusively with mode 0600, written in full (short writes and EINTR handled), fsynced,
    /// given the old file's mode (or `newFileMode`), renamed over the old file, and the folder
    /// fsynced. On any failure the temporary file is removed and the old file is untouched.
    ///
    /// A symlinked draft stays a symlink (its target is replaced) when the link is the user's
    /// own. With `expecting`, the save is refused with `.changedOnDisk` when the file on disk
    /// is no longer the one that was read (another program replaced or changed it); a draft
    /// that has disappeared is simply written again. Returns the identity of the new file.
    @discardableResult
    public func save(_ bytes: [UInt8], to path: String, newFileMode: mode_t = 0o600,
                     expecting: DiskIdentity? = nil) throws(StoreError) -> DiskIdentity {
        let target = try draftTarget(path)
        let name = FileStore.fileName(of: target)
        let folder = try openFolder(FileStore.directory(of: target), for: path, operation: "create")
        defer { _ = fileSystem.close(folder.fd) }
        var mode = newFileMode
        let (existing, code) = fileSystem.statusAt(folder.fd, name)
        if let existing {
            if existing.isDirectory { throw StoreError(path: path, operation: "write", kind: .isDirectory) }
            guard existing.isRegular else { throw StoreError(path: path, operation: "write", kind: .notRegular(existing.kind)) }
            if let expecting, DiskIdentity(existing) != expecting {
                throw StoreError(path: path, operation: "write", kind: .changedOnDisk)
            }
            mode = existing.mode & 0o777
        } else if code != ENOENT {
            throw StoreError(path: path, operation: "write", errno: code)
        }
        return try write(bytes, in: folder, name: name, path: path, mode: mode, replace: true)
    }

    /// Saves a side file (autosave, emergency copy): never through a link, and an existing
    /// file is replaced only when it is the user's own regular file with one name.
    public func saveSideFile(_ bytes: [UInt8], to path: String) throws(StoreError) {
        let name = FileStore.fileName(of: path)
        let folder = try openFolder(FileStore.directory(of: path), for: path, operation: "create")
        defer { _ = fileSystem.close(folder.fd) }
        let (existing, code) = fileSystem.statusAt(folder.fd, name)
        if let existing {
            try checkOwn(existing, path: path, operation: "write")
        } else if code != ENOENT {
            throw StoreError(path: path, operation: "write", errno: code)
        }
        _ = try write(bytes, in: folder, name: name, path: path, mode: 0o600, replace: true)
    }

    /// Creates a new file at `path` that replaces nothing: when the name is taken (by a file,
    /// a link, a dangling link, a FIFO, anything, even one made a moment ago by another
    /// process) it fails with `.exists`. Written like `save`, then renamed with
    /// `RENAME_NOREPLACE` (or linked), so it is never seen half written. Without `sync` the
    /// file and folder are not flushed one by one (a batch flushes its file system once).
    @discardableResult
    public func saveNew(_ bytes: [UInt8], to path: String, newFileMode: mode_t = 0o600, sync: Bool = true) throws(StoreError) -> DiskIdentity {
        let name = FileStore.fileName(of: path)
        let folder = try openFolder(FileStore.directory(of: path), for: path, operation: "create")
        defer { _ = fileSystem.close(folder.fd) }
        if fileSystem.statusAt(folder.fd, name).status != nil {
            throw StoreError(path: path, operation: "create", kind: .exists)
        }
        return try write(bytes, in: folder, name: name, path: path, mode: newFileMode, replace: false, sync: sync)
    }

    /// `.NAME.tmp-PID-RANDOM`: the temporary file of a save of NAME.
    static func temporaryName(for name: String) -> String {
        "." + name + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// The one write routine: a temporary file, written, synced, given its mode, renamed to
    /// `name` (replacing or not), and the folder synced.
    private func write(_ bytes: [UInt8], in folder: Folder, name: String, path: String, mode: mode_t,
                       replace: Bool, sync: Bool = true) throws(StoreError) -> DiskIdentity {
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<8 {
            temporary = FileStore.temporaryName(for: name)
            let (opened, code) = fileSystem.openAt(folder.fd, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
            if opened >= 0 { fd = opened; break }
            guard code == EEXIST else { throw StoreError(path: path, operation: "create", errno: code) }
        }
        guard fd >= 0 else { throw StoreError(path: path, operation: "create", kind: .exists) }
        var closed = false
        func abandon(_ operation: String, _ code: Int32) -> StoreError {
            if !closed { _ = fileSystem.close(fd) }
            _ = fileSystem.unlinkAt(folder.fd, temporary)
            return StoreError(path: path, operation: operation, errno: code)
        }
        var written = 0
        while written < bytes.count {
            let (n, code) = bytes.withUnsafeBytes { all in
                fileSystem.write(fd, UnsafeRawBufferPointer(rebasing: all[written...]))
            }
            if n < 0 {
                if code == EINTR || code == EAGAIN { continue }
                throw abandon("write", code)
            }
            if n == 0 { throw abandon("write", ENOSPC) }
            written += n
        }
        let syncCode = sync ? fileSystem.fsync(fd) : 0
        if syncCode != 0 { throw abandon("sync", syncCode) }
        let chmodCode = fileSystem.fchmod(fd, mode)
        if chmodCode != 0 { throw abandon("write", chmodCode) }
        let writtenStatus = fileSystem.status(of: fd)
        let closeCode = fileSystem.close(fd)
        closed = true
        if closeCode != 0 && closeCode != EINTR { throw abandon("write", closeCode) }
        let renameCode = fileSystem.renameAt(folder.fd, temporary, name, replace: replace)
        if renameCode != 0 { throw abandon(replace ? "rename" : "create", renameCode) }
        // Rename alone is atomic but not durable: sync the folder that holds the new name.
        if sync && folder.canSync {
            let code = fileSystem.fsync(folder.fd)
            if code != 0 && code != EINVAL { throw StoreError(path: path, operation: "sync", errno: code) }
        }
        let (after, _) = fileSystem.statusAt(folder.fd, name)
        if let after, after.inode == writtenStatus?.inode { return DiskIdentity(after) }
        // Replaced again already (or the kernel cannot tell): the next save will notice.
        return writtenStatus.map(DiskIdentity.init) ?? DiskIdentity(device: 0, inode: 0, size: -1, modifiedNanoseconds: 0, changedNanoseconds: 0)
    }
}
