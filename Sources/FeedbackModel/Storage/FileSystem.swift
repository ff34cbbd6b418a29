#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls that saving and reading go through, so tests can inject disk-full,
/// I/O errors, short writes and refused permissions (CI runs as root, which ignores modes).
/// Every call returns -1 and sets `errno`-style `code` on failure, like the system calls.
///
/// The calls ending in `At` work relative to an open folder: a side file (lock, autosave,
/// temporary file) is opened, checked and renamed in the folder that was opened, whatever
/// happens to the folder's path meanwhile. The protocol extension gives every call a real
/// implementation, so a test file system only overrides the calls it wants to fail.
public protocol FileSystem: Sendable {
    func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> (fd: Int32, code: Int32)
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> (count: Int, code: Int32)
    func read(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> (count: Int, code: Int32)
    func fsync(_ fd: Int32) -> Int32
    func fchmod(_ fd: Int32, _ mode: mode_t) -> Int32
    func close(_ fd: Int32) -> Int32
    func rename(_ from: String, _ to: String) -> Int32
    func unlink(_ path: String) -> Int32
    func mkdir(_ path: String, _ mode: mode_t) -> Int32
    /// What `lstat` (or `stat` with `followLinks`) says of a path; nil when it fails.
    func status(_ path: String, followLinks: Bool) -> FileStatus?
    func readLink(_ path: String) -> String?

    /// `openat(folder, name, flags)`, retried on EINTR; `O_CLOEXEC` is always added.
    func openAt(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> (fd: Int32, code: Int32)
    /// `fstatat(folder, name, AT_SYMLINK_NOFOLLOW)`: never follows a link.
    func statusAt(_ folder: Int32, _ name: String) -> (status: FileStatus?, code: Int32)
    /// `fstat` of an open file.
    func status(of fd: Int32) -> FileStatus?
    /// Renames within one folder. With `replace` false an existing `to` (a file, a link, a
    /// FIFO, anything) makes it fail with EEXIST: `renameat2(RENAME_NOREPLACE)`, or
    /// `link` + `unlink` where the file system lacks it.
    func renameAt(_ folder: Int32, _ from: String, _ to: String, replace: Bool) -> Int32
    func unlinkAt(_ folder: Int32, _ name: String) -> Int32
    func truncate(_ fd: Int32, _ length: Int) -> Int32
    /// An open-file-description lock over the whole file (`F_OFD_SETLK`), held by the kernel
    /// until the descriptor is closed or the process ends, however it ends.
    func lock(_ fd: Int32, _ operation: FileLockOperation) -> Int32
    /// Whether another open file description holds a lock on the file (`F_OFD_GETLK`):
    /// true, false, or nil when the kernel cannot tell.
    func isLocked(_ fd: Int32) -> Bool?
    /// The names in an open folder (without "." and ".."), or nil when it cannot be listed.
    func names(in folder: Int32) -> [String]?
}

/// What `lock(_:_:)` is asked to do.
public enum FileLockOperation: Sendable {
    /// Take the exclusive lock now or fail with EAGAIN.
    case exclusive
    /// Give it up.
    case unlock
}

/// What `stat` says of a path.
public struct FileStatus: Sendable, Equatable {
    /// The kind of file.
    public enum Kind: String, Sendable, Equatable {
        case regular, directory, symlink, fifo, socket, characterDevice, blockDevice, other
    }

    public var kind: Kind
    public var mode: mode_t
    public var size: Int
    /// Seconds since 1970.
    public var modified: Int64
    public var owner: uid_t
    public var links: Int
    public var device: UInt64
    public var inode: UInt64
    /// Nanoseconds since 1970 of the last change of the content, and of the inode.
    public var modifiedNanoseconds: Int64
    public var changedNanoseconds: Int64

    public var isSymlink: Bool { kind == .symlink }
    public var isDirectory: Bool { kind == .directory }
    public var isRegular: Bool { kind == .regular }

    public init(kind: Kind, mode: mode_t, size: Int, modified: Int64, owner: uid_t = 0, links: Int = 1,
                device: UInt64 = 0, inode: UInt64 = 0, modifiedNanoseconds: Int64 = 0, changedNanoseconds: Int64 = 0) {
        self.kind = kind
        self.mode = mode
        self.size = size
        self.modified = modified
        self.owner = owner
        self.links = links
        self.device = device
        self.inode = inode
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedNanoseconds = changedNanoseconds
    }

    init(_ st: stat) {
        let kind: Kind
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        case S_IFCHR: kind = .characterDevice
        case S_IFBLK: kind = .blockDevice
        default: kind = .other
        }
        self.init(kind: kind, mode: st.st_mode & 0o7777, size: Int(st.st_size), modified: Int64(st.st_mtim.tv_sec),
                  owner: st.st_uid, links: Int(st.st_nlink), device: UInt64(st.st_dev), inode: UInt64(st.st_ino),
                  modifiedNanoseconds: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec),
                  changedNanoseconds: Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec))
    }
}

/// The real system calls.
public struct PosixFileSystem: FileSystem {
    public init() {}

    public func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> (fd: Int32, code: Int32) {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return (fd, 0) }
            if errno != EINTR { return (-1, errno) }
        }
    }

    public func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> (count: Int, code: Int32) {
        let n = Glibc.write(fd, buffer.baseAddress, buffer.count)
        return (n, n < 0 ? errno : 0)
    }

    public func read(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> (count: Int, code: Int32) {
        let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
        return (n, n < 0 ? errno : 0)
    }

    public func fsync(_ fd: Int32) -> Int32 { Glibc.fsync(fd) == 0 ? 0 : errno }
    public func fchmod(_ fd: Int32, _ mode: mode_t) -> Int32 { Glibc.fchmod(fd, mode) == 0 ? 0 : errno }
    public func close(_ fd: Int32) -> Int32 { Glibc.close(fd) == 0 ? 0 : errno }
    public func rename(_ from: String, _ to: String) -> Int32 { Glibc.rename(from, to) == 0 ? 0 : errno }
    public func unlink(_ path: String) -> Int32 { Glibc.unlink(path) == 0 ? 0 : errno }
    public func mkdir(_ path: String, _ mode: mode_t) -> Int32 { Glibc.mkdir(path, mode) == 0 ? 0 : errno }

    public func status(_ path: String, followLinks: Bool) -> FileStatus? {
        var st = Glibc.stat()
        let result: Int32
        if followLinks { result = stat(path, &st) } else { result = lstat(path, &st) }
        guard result == 0 else { return nil }
        return FileStatus(st)
    }

    public func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let n = Glibc.readlink(path, &buffer, 4096)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension FileSystem {
    public func openAt(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> (fd: Int32, code: Int32) {
        SystemCalls.openAt(folder, name, flags, mode)
    }

    public func statusAt(_ folder: Int32, _ name: String) -> (status: FileStatus?, code: Int32) {
        SystemCalls.statusAt(folder, name)
    }

    public func status(of fd: Int32) -> FileStatus? {
        SystemCalls.status(of: fd)
    }

    public func renameAt(_ folder: Int32, _ from: String, _ to: String, replace: Bool) -> Int32 {
        SystemCalls.renameAt(folder, from, to, replace: replace)
    }

    public func unlinkAt(_ folder: Int32, _ name: String) -> Int32 {
        unlinkat(folder, name, 0) == 0 ? 0 : errno
    }

    public func truncate(_ fd: Int32, _ length: Int) -> Int32 {
        ftruncate(fd, off_t(length)) == 0 ? 0 : errno
    }

    public func lock(_ fd: Int32, _ operation: FileLockOperation) -> Int32 {
        SystemCalls.lock(fd, operation)
    }

    public func isLocked(_ fd: Int32) -> Bool? {
        SystemCalls.isLocked(fd)
    }

    public func names(in folder: Int32) -> [String]? {
        SystemCalls.names(in: folder)
    }
}
