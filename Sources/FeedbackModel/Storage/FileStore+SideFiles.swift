#if canImport(Glibc)
import Glibc
#endif

/// Side files (autosave, lock, temporary and emergency files) are the user's own or they are
/// nothing: opened relative to their folder with `O_NOFOLLOW|O_NONBLOCK`, and trusted only
/// when `fstat` says they are regular files owned by the user with one name.
extension FileStore {
    /// Throws unless `status` is that of the user's own regular file with a single name.
    public func checkOwn(_ status: FileStatus, path: String, operation: String) throws(StoreError) {
        if status.isSymlink {
            throw StoreError(path: path, operation: operation, kind: .symbolicLink(owner: Account.name(of: status.owner)))
        }
        guard status.isRegular else { throw StoreError(path: path, operation: operation, kind: .notRegular(status.kind)) }
        guard status.owner == Account.me else {
            throw StoreError(path: path, operation: operation, kind: .foreign(owner: Account.name(of: status.owner)))
        }
        guard status.links == 1 else { throw StoreError(path: path, operation: operation, kind: .hardLinked(links: status.links)) }
    }

    /// What is wrong with the side file at `path`: nil when there is none or it is the user's
    /// own; else the refusal, naming the file and what it is.
    public func sideFileProblem(_ path: String) -> StoreError? {
        let folder: Folder
        do { folder = try openFolder(FileStore.directory(of: path), for: path, operation: "open") } catch { return nil }
        defer { _ = fileSystem.close(folder.fd) }
        guard let status = fileSystem.statusAt(folder.fd, FileStore.fileName(of: path)).status else { return nil }
        do { try checkOwn(status, path: path, operation: "open") } catch { return error }
        return nil
    }

    /// Reads a side file, or nil when there is none. Never follows a link, never waits on a
    /// FIFO, and refuses what is not the user's own regular file.
    public func readOwn(path: String, limit: Int) throws(StoreError) -> [UInt8]? {
        let name = FileStore.fileName(of: path)
        let folder = try openFolder(FileStore.directory(of: path), for: path, operation: "read")
        defer { _ = fileSystem.close(folder.fd) }
        let (fd, code) = fileSystem.openAt(folder.fd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0)
        if fd < 0 {
            if code == ENOENT { return nil }
            if let status = fileSystem.statusAt(folder.fd, name).status { try checkOwn(status, path: path, operation: "read") }
            throw StoreError(path: path, operation: "read", errno: code)
        }
        defer { _ = fileSystem.close(fd) }
        guard let status = fileSystem.status(of: fd) else { throw StoreError(path: path, operation: "read", errno: EIO) }
        try checkOwn(status, path: path, operation: "read")
        if status.size > limit { throw StoreError(path: path, operation: "read", kind: .tooLarge(limit: limit)) }
        return try readAll(fd, path: path, limit: limit)
    }

    /// Removes a side file if it is the user's own (a file or a link); anything else is left
    /// alone. True when nothing of the user's own is left at the name.
    @discardableResult
    public func removeOwn(_ path: String) -> Bool {
        guard let folder = try? openFolder(FileStore.directory(of: path), for: path, operation: "remove") else { return false }
        defer { _ = fileSystem.close(folder.fd) }
        let name = FileStore.fileName(of: path)
        guard let status = fileSystem.statusAt(folder.fd, name).status else { return true }
        guard status.owner == Account.me, status.isRegular || status.isSymlink else { return false }
        return fileSystem.unlinkAt(folder.fd, name) == 0
    }

    /// Renames the user's own side file `from` to `to` in the same folder (setting an autosave
    /// aside). `to` may be replaced only if it is the user's own too.
    public func renameOwn(_ from: String, to: String) throws(StoreError) {
        let folder = try openFolder(FileStore.directory(of: from), for: from, operation: "rename")
        defer { _ = fileSystem.close(folder.fd) }
        guard let status = fileSystem.statusAt(folder.fd, FileStore.fileName(of: from)).status else {
            throw StoreError(path: from, operation: "rename", kind: .notFound)
        }
        if !status.isRegular || status.owner != Account.me {
            try checkOwn(status, path: from, operation: "rename")
        }
        if let existing = fileSystem.statusAt(folder.fd, FileStore.fileName(of: to)).status {
            try checkOwn(existing, path: to, operation: "rename")
        }
        let code = fileSystem.renameAt(folder.fd, FileStore.fileName(of: from), FileStore.fileName(of: to), replace: true)
        if code != 0 { throw StoreError(path: from, operation: "rename", errno: code) }
    }

    /// What `removeStaleTemporaries` found.
    public struct Leftovers: Sendable, Equatable {
        /// Temporary files of the user's own, left by a save that died, now removed.
        public var removed: [String] = []
        /// Files named like our temporary files that are not ours (or not regular files):
        /// left alone, and worth a word to the user.
        public var foreign: [StoreError] = []
    }

    /// Removes `.NAME.tmp-PID-…` files beside `path` that a killed save left behind: only the
    /// user's own regular files, whose process no longer exists and which are older than
    /// `minimumAge` seconds (a save on another host of a shared folder takes less).
    public func removeStaleTemporaries(of path: String, minimumAge: Int64 = 60, now: Int64) -> Leftovers {
        var result = Leftovers()
        guard let folder = try? openFolder(FileStore.directory(of: path), for: path, operation: "open") else { return result }
        defer { _ = fileSystem.close(folder.fd) }
        let prefix = "." + FileStore.fileName(of: path) + ".tmp-"
        let folderPath = FileStore.directory(of: path)
        for name in fileSystem.names(in: folder.fd) ?? [] where name.hasPrefix(prefix) {
            let full = folderPath + "/" + name
            guard let status = fileSystem.statusAt(folder.fd, name).status else { continue }
            do { try checkOwn(status, path: full, operation: "remove") } catch {
                result.foreign.append(error)
                continue
            }
            let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }) ?? 0
            guard pid > 0, !DraftLock.processExists(pid), now - status.modified >= minimumAge else { continue }
            if fileSystem.unlinkAt(folder.fd, name) == 0 { result.removed.append(full) }
        }
        return result
    }
}
