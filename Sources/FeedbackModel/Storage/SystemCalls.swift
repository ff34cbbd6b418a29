#if canImport(Glibc)
import Glibc
#endif

/// The folder-relative system calls behind `FileSystem`'s default implementations.
enum SystemCalls {
    static func openAt(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> (fd: Int32, code: Int32) {
        while true {
            let fd = openat(folder, name, flags | O_CLOEXEC, mode)
            if fd >= 0 { return (fd, 0) }
            if errno != EINTR { return (-1, errno) }
        }
    }

    static func statusAt(_ folder: Int32, _ name: String) -> (status: FileStatus?, code: Int32) {
        var st = stat()
        guard fstatat(folder, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return (nil, errno) }
        return (FileStatus(st), 0)
    }

    static func status(of fd: Int32) -> FileStatus? {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return FileStatus(st)
    }

    // MARK: - Renaming without replacing

    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's `renameat2` (2.28 and later), looked up at run time: Swift's Glibc module does
    /// not declare it, and `syscall` is variadic.
    private static let renameat2: Renameat2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Renameat2.self)
    }()
    private static let renameNoReplace: UInt32 = 1

    static func renameAt(_ folder: Int32, _ from: String, _ to: String, replace: Bool) -> Int32 {
        if replace { return renameat(folder, from, folder, to) == 0 ? 0 : errno }
        if let renameat2 {
            if renameat2(folder, from, folder, to, renameNoReplace) == 0 { return 0 }
            let code = errno
            // EINVAL / ENOSYS / ENOTSUP: this file system or kernel lacks RENAME_NOREPLACE.
            guard code == EINVAL || code == ENOSYS || code == EOPNOTSUPP else { return code }
        }
        // A hard link is created only if the name is free; then the temporary name goes.
        if linkat(folder, from, folder, to, 0) != 0 { return errno }
        _ = unlinkat(folder, from, 0)
        return 0
    }

    // MARK: - Locks

    // Linux's open-file-description lock commands (<fcntl.h> with _GNU_SOURCE), the same on
    // every architecture; Swift's Glibc module does not declare them.
    private static let getLock: Int32 = 36   // F_OFD_GETLK
    private static let setLock: Int32 = 37   // F_OFD_SETLK

    /// (Linux 3.15 and later; older kernels answer EINVAL and the draft opens without a lock.)
    static func lock(_ fd: Int32, _ operation: FileLockOperation) -> Int32 {
        var request = flock()
        request.l_type = Int16(operation == .exclusive ? F_WRLCK : F_UNLCK)
        request.l_whence = Int16(SEEK_SET)
        request.l_start = 0
        request.l_len = 0
        while true {
            if fcntl(fd, setLock, &request) == 0 { return 0 }
            let code = errno
            if code == EINTR { continue }
            return code == EACCES ? EAGAIN : code
        }
    }

    static func isLocked(_ fd: Int32) -> Bool? {
        var probe = flock()
        probe.l_type = Int16(F_WRLCK)
        probe.l_whence = Int16(SEEK_SET)
        guard fcntl(fd, getLock, &probe) == 0 else { return nil }
        return probe.l_type != Int16(F_UNLCK)
    }

    // MARK: - Listing

    static func names(in folder: Int32) -> [String]? {
        let copy = dup(folder)
        guard copy >= 0 else { return nil }
        guard let directory = fdopendir(copy) else {
            Glibc.close(copy)
            return nil
        }
        defer { closedir(directory) }
        rewinddir(directory)
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
