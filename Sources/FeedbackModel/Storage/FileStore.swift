#if canImport(Glibc)
import Glibc
#endif

/// Reading files with a size limit, and the one save routine for drafts, autosaves and
/// exports: after a crash at any moment the file is the old version or the new one.
///
/// Reads never block (a FIFO or device is refused, not opened for reading) and never follow
/// a side file's link; writes go through a temporary file created exclusively in the target's
/// folder, opened relative to that folder's descriptor.
public struct FileStore: Sendable {
    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = PosixFileSystem()) {
        self.fileSystem = fileSystem
    }

    // MARK: - Reading

    /// Reads a whole regular file, refusing folders, FIFOs, devices and files over `limit` bytes.
    public static func readLimited(path: String, limit: Int) throws(StoreError) -> [UInt8] {
        try FileStore().read(path: path, limit: limit)
    }

    public func read(path: String, limit: Int) throws(StoreError) -> [UInt8] {
        try readWithIdentity(path: path, limit: limit).bytes
    }

    /// Reads a whole regular file and says which file on disk it was, so a later save can
    /// tell whether another program replaced or changed it (`save(_:to:expecting:)`).
    public func readWithIdentity(path: String, limit: Int) throws(StoreError) -> (bytes: [UInt8], identity: DiskIdentity) {
        // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
        let (fd, code) = fileSystem.open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY, 0)
        guard fd >= 0 else { throw StoreError(path: path, operation: "read", errno: code) }
        defer { _ = fileSystem.close(fd) }
        let status = try regularStatus(of: fd, path: path, operation: "read")
        if status.size > limit { throw StoreError(path: path, operation: "read", kind: .tooLarge(limit: limit)) }
        let bytes = try readAll(fd, path: path, limit: limit)
        return (bytes, DiskIdentity(status))
    }

    /// The status of an open file, which must be a regular file.
    func regularStatus(of fd: Int32, path: String, operation: String) throws(StoreError) -> FileStatus {
        guard let status = fileSystem.status(of: fd) else { throw StoreError(path: path, operation: operation, errno: EIO) }
        if status.isDirectory { throw StoreError(path: path, operation: operation, kind: .isDirectory) }
        guard status.isRegular else { throw StoreError(path: path, operation: operation, kind: .notRegular(status.kind)) }
        return status
    }

    func readAll(_ fd: Int32, path: String, limit: Int) throws(StoreError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let (n, err) = chunk.withUnsafeMutableBytes { fileSystem.read(fd, $0) }
            if n < 0 {
                if err == EINTR || err == EAGAIN { continue }
                throw StoreError(path: path, operation: "read", errno: err)
            }
            if n == 0 { break }
            result.append(contentsOf: chunk[0..<n])
            if result.count > limit { throw StoreError(path: path, operation: "read", kind: .tooLarge(limit: limit)) }
        }
        return result
    }

    // MARK: - Paths

    /// Where writing the draft at `path` really goes: a symlinked draft stays a symlink and
    /// its target is replaced, but only links of the user's own (or root's) are followed;
    /// a link planted by another user is refused.
    public func draftTarget(_ path: String) throws(StoreError) -> String {
        var current = path
        for _ in 0..<40 {
            guard let status = fileSystem.status(current, followLinks: false), status.isSymlink else { return current }
            guard Account.trustsLinks(of: status.owner) else {
                throw StoreError(path: current, operation: "open", kind: .symbolicLink(owner: Account.name(of: status.owner)))
            }
            guard let target = fileSystem.readLink(current) else { return current }
            current = target.hasPrefix("/") ? target : FileStore.directory(of: current) + "/" + target
        }
        throw StoreError(path: path, operation: "open", errno: ELOOP)
    }

    /// `draftTarget` without the refusal (the path itself when a link is not trusted).
    public func resolvedTarget(_ path: String) -> String {
        (try? draftTarget(path)) ?? path
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

    /// The identity of the file a draft path leads to now, or nil when there is none.
    public func identity(of path: String) -> DiskIdentity? {
        guard let target = try? draftTarget(path), let status = fileSystem.status(target, followLinks: false),
              status.isRegular else { return nil }
        return DiskIdentity(status)
    }

    // MARK: - Folders

    /// Creates a folder and its parents, new ones with `mode` (0700: private drafts;
    /// exports use 0755 so the board's staff can read them on a shared server). A folder that
    /// is a symbolic link of another user is refused.
    public func makeDirectory(_ path: String, mode: mode_t = 0o700) throws(StoreError) {
        if let link = fileSystem.status(path, followLinks: false), link.isSymlink, !Account.trustsLinks(of: link.owner) {
            throw StoreError(path: path, operation: "create folder", kind: .symbolicLink(owner: Account.name(of: link.owner)))
        }
        if let status = fileSystem.status(path, followLinks: true) {
            if status.isDirectory { return }
            throw StoreError(path: path, operation: "create folder", kind: .exists)
        }
        let parent = FileStore.directory(of: path)
        if parent != path && parent != "." && parent != "/" { try makeDirectory(parent, mode: mode) }
        let code = fileSystem.mkdir(path, mode)
        if code != 0 && code != EEXIST { throw StoreError(path: path, operation: "create folder", errno: code) }
    }

    /// Opens a folder for the calls relative to it: readable if it may be, else only for
    /// path resolution (a write-only folder can still be written into).
    func openFolder(_ path: String, for target: String, operation: String) throws(StoreError) -> Folder {
        let (fd, code) = fileSystem.open(path, O_RDONLY | O_DIRECTORY, 0)
        if fd >= 0 { return Folder(fd: fd, canSync: true) }
        if code == EACCES {
            let (pathFD, pathCode) = fileSystem.open(path, FileStore.pathOnly | O_DIRECTORY, 0)
            if pathFD >= 0 { return Folder(fd: pathFD, canSync: false) }
            throw StoreError(path: target, operation: operation, errno: pathCode)
        }
        throw StoreError(path: target, operation: operation, errno: code)
    }

    /// O_PATH (Linux, the same value on x86_64 and arm64; Swift's Glibc does not declare it).
    static let pathOnly: Int32 = 0o10000000

    /// An open folder.
    struct Folder {
        let fd: Int32
        let canSync: Bool
    }

    // MARK: - Small operations

    /// Whether anything (a file, a folder, a link, even a dangling one) has this name.
    public func exists(_ path: String) -> Bool {
        fileSystem.status(path, followLinks: false) != nil
    }

    public func remove(_ path: String) {
        _ = fileSystem.unlink(path)
    }
}
