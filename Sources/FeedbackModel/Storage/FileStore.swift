#if canImport(Glibc)
import Glibc
#endif

/// Reading files with a size limit, and the one save routine for drafts, autosaves and
/// exports: after a crash at any moment the file is the old version or the new one.
public struct FileStore: Sendable {
    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = PosixFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Reads a whole file, refusing folders and files over `limit` bytes.
    public static func readLimited(path: String, limit: Int) throws(StoreError) -> [UInt8] {
        try FileStore().read(path: path, limit: limit)
    }

    public func read(path: String, limit: Int) throws(StoreError) -> [UInt8] {
        if let status = fileSystem.status(path, followLinks: true), status.isDirectory {
            throw StoreError(path: path, operation: "read", kind: .isDirectory)
        }
        let (fd, code) = fileSystem.open(path, O_RDONLY, 0)
        guard fd >= 0 else { throw StoreError(path: path, operation: "read", errno: code) }
        defer { _ = fileSystem.close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let (n, err) = chunk.withUnsafeMutableBytes { fileSystem.read(fd, $0) }
            if n < 0 {
                if err == EINTR { continue }
                throw StoreError(path: path, operation: "read", errno: err)
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
            if result.count > limit { throw StoreError(path: path, operation: "read", kind: .tooLarge(limit: limit)) }
        }
        return result
    }

    /// Where writing `path` really goes: a symlinked draft stays a symlink and its target is
    /// replaced.
    public func resolvedTarget(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let status = fileSystem.status(current, followLinks: false), status.isSymlink,
                  let target = fileSystem.readLink(current) else { return current }
            current = target.hasPrefix("/") ? target : FileStore.directory(of: current) + "/" + target
        }
        return current
    }

    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    public static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Saves `bytes` at `path` atomically and durably: a new file in the same folder, created
    /// exclusively with mode 0600, written in full (short writes and EINTR handled), fsynced,
    /// given the old file's mode (or `newFileMode`), renamed over the old file, and the folder
    /// fsynced. On any failure the temporary file is removed and the old file is untouched.
    public func save(_ bytes: [UInt8], to path: String, newFileMode: mode_t = 0o600) throws(StoreError) {
        let target = resolvedTarget(path)
        let directory = FileStore.directory(of: target)
        let oldMode = fileSystem.status(target, followLinks: true)?.mode
        if let status = fileSystem.status(target, followLinks: true), status.isDirectory {
            throw StoreError(path: path, operation: "write", kind: .isDirectory)
        }
        let temporary = directory + "/." + FileStore.fileName(of: target) + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let (fd, openCode) = fileSystem.open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw StoreError(path: path, operation: "create", errno: openCode) }
        var closed = false
        func abandon(_ operation: String, _ code: Int32) -> StoreError {
            if !closed { _ = fileSystem.close(fd) }
            _ = fileSystem.unlink(temporary)
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
        let syncCode = fileSystem.fsync(fd)
        if syncCode != 0 { throw abandon("sync", syncCode) }
        let chmodCode = fileSystem.fchmod(fd, oldMode ?? newFileMode)
        if chmodCode != 0 { throw abandon("write", chmodCode) }
        let closeCode = fileSystem.close(fd)
        closed = true
        if closeCode != 0 && closeCode != EINTR { throw abandon("write", closeCode) }
        let renameCode = fileSystem.rename(temporary, target)
        if renameCode != 0 { throw abandon("rename", renameCode) }
        // Rename alone is atomic but not durable: sync the folder that holds the new name.
        let (dirFD, dirCode) = fileSystem.open(directory, O_RDONLY | O_DIRECTORY, 0)
        if dirFD >= 0 {
            let code = fileSystem.fsync(dirFD)
            _ = fileSystem.close(dirFD)
            if code != 0 && code != EINVAL { throw StoreError(path: path, operation: "sync", errno: code) }
        } else if dirCode != EACCES {
            throw StoreError(path: path, operation: "sync", errno: dirCode)
        }
    }

    /// Creates a folder and its parents, new ones with `mode` (0700: private drafts;
    /// exports use 0755 so the board's staff can read them on a shared server).
    public func makeDirectory(_ path: String, mode: mode_t = 0o700) throws(StoreError) {
        if let status = fileSystem.status(path, followLinks: true) {
            if status.isDirectory { return }
            throw StoreError(path: path, operation: "create folder", kind: .other(EEXIST))
        }
        let parent = FileStore.directory(of: path)
        if parent != path && parent != "." && parent != "/" { try makeDirectory(parent, mode: mode) }
        let code = fileSystem.mkdir(path, mode)
        if code != 0 && code != EEXIST { throw StoreError(path: path, operation: "create folder", errno: code) }
    }

    public func exists(_ path: String) -> Bool {
        fileSystem.status(path, followLinks: true) != nil
    }

    public func remove(_ path: String) {
        _ = fileSystem.unlink(path)
    }
}
