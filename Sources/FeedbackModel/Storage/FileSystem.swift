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
    /// (exists, isSymlink, isDirectory, mode, size, mtime seconds) of `lstat` or `stat`.
    func status(_ path: String, followLinks: Bool) -> FileStatus?
    func readLink(_ path: String) -> String?
}

/// What `stat` says of a path.
public struct FileStatus: Sendable, Equatable {
    public var isSymlink: Bool
    public var isDirectory: Bool
    public var mode: mode_t
    public var size: Int
    public var modified: Int64
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
        let type = st.st_mode & S_IFMT
        return FileStatus(isSymlink: type == S_IFLNK, isDirectory: type == S_IFDIR, mode: st.st_mode & 0o7777,
                          size: Int(st.st_size), modified: Int64(st.st_mtim.tv_sec))
    }

    public func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let n = Glibc.readlink(path, &buffer, 4096)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
