import Crypto
import FeedbackModel
import CBoardSystem
#if canImport(Glibc)
import Glibc
#endif

/// The file operations of the inbox: reading hand-ins without trusting them, and creating
/// files that never replace anything.
enum BoardFiles {
    /// A file handed in, as read once: what is checked is what is archived.
    struct HandedInFile: Sendable {
        /// The bytes read: all of them, or only the first `keepIfNotJSON` of a file that
        /// cannot be an export (`truncated`).
        var bytes: [UInt8]
        /// SHA-256 of the whole file.
        var sha256: String
        /// The whole file's size.
        var size: Int
        var truncated: Bool
        var ownerID: UInt32
        /// The inode's change time: set when the file was placed in the folder, and not
        /// settable backwards by its owner (unlike the modification time).
        var changed: Timestamp
        /// The change time's nanoseconds: orders two files handed in within one second.
        var changedNanoseconds: Int
        /// The modification time in nanoseconds since 1970 (system clock).
        var modifiedNanoseconds: Int64
    }

    enum ReadFailure: Error, Sendable {
        /// A symlink, folder, FIFO, device or socket: not read.
        case notRegular(ownerID: UInt32?, changed: Timestamp?)
        case tooLarge(ownerID: UInt32, changed: Timestamp, limit: Int)
        case store(StoreError)
    }

    /// Reads a file someone else placed: never follows a symlink, never blocks on a FIFO,
    /// refuses anything but a regular file and anything over `limit` bytes.
    ///
    /// A file whose first byte after white space is not `{` cannot be an export: of it only
    /// the first `keepIfNotJSON` bytes are kept in memory while the whole is hashed, so what
    /// is not an export never costs its size in memory.
    static func readHandIn(_ path: String, limit: Int, keepIfNotJSON: Int = 1 << 20) throws(ReadFailure) -> HandedInFile {
        var linkStatus = stat()
        let lstatOK = lstat(path, &linkStatus) == 0
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP || code == ENXIO || code == EISDIR || (lstatOK && (linkStatus.st_mode & S_IFMT) != S_IFREG) {
                throw .notRegular(ownerID: lstatOK ? linkStatus.st_uid : nil, changed: lstatOK ? Timestamp(secondsSinceEpoch: Int64(linkStatus.st_ctim.tv_sec)) : nil)
            }
            throw .store(StoreError(path: path, operation: "read", errno: code))
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .store(StoreError(path: path, operation: "read", errno: errno)) }
        let changed = Timestamp(secondsSinceEpoch: Int64(status.st_ctim.tv_sec))
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .notRegular(ownerID: status.st_uid, changed: changed) }
        guard Int(status.st_size) <= limit else { throw .tooLarge(ownerID: status.st_uid, changed: changed, limit: limit) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var hasher = SHA256()
        var size = 0
        // nil until the first byte that is not white space says whether it may be JSON.
        var mayBeExport: Bool?
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .store(StoreError(path: path, operation: "read", errno: errno))
            }
            if n == 0 { break }
            hasher.update(data: chunk[0..<n])
            size += n
            // The owner may still be writing: never read more than the limit.
            if size > limit { throw .tooLarge(ownerID: status.st_uid, changed: changed, limit: limit) }
            if mayBeExport == nil, let first = chunk[0..<n].first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
                mayBeExport = first == 0x7B
                if mayBeExport == true { bytes.reserveCapacity(Int(status.st_size)) }
            }
            if mayBeExport == false {
                if bytes.count < keepIfNotJSON { bytes.append(contentsOf: chunk[0..<min(n, keepIfNotJSON - bytes.count)]) }
            } else {
                bytes.append(contentsOf: chunk[0..<n])
            }
        }
        let sha = ContentDigest.hex(hasher.finalize())
        return HandedInFile(bytes: bytes, sha256: sha, size: size, truncated: bytes.count < size, ownerID: status.st_uid, changed: changed, changedNanoseconds: Int(status.st_ctim.tv_nsec),
                            modifiedNanoseconds: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec))
    }

    enum CreateFailure: Error, Sendable {
        /// Something already has that name; nothing was changed.
        case exists
        case store(StoreError)
    }

    /// Creates `path` with exactly `bytes`, never replacing anything and never visible half
    /// written: FileStore's one save routine (`saveNew`: a hidden temporary name in the same
    /// folder, which the inbox ignores, then renamed without replacing). With `sync` the file
    /// and the folder are flushed; a batch can instead flush once with `syncFileSystem`.
    static func createExclusive(_ bytes: [UInt8], at path: String, mode: mode_t, sync: Bool,
                                store: FileStore = FileStore()) throws(CreateFailure) {
        do { try store.saveNew(bytes, to: path, newFileMode: mode, sync: sync) } catch {
            if case .exists = error.kind { throw .exists }
            throw .store(error)
        }
    }

    /// Creates `folder/stem.ext`, or `stem-2.ext`, `stem-3.ext`, … if the name is taken.
    /// Returns the path used.
    static func createUnique(_ bytes: [UInt8], folder: String, stem: String, ext: String, mode: mode_t,
                             sync: Bool) throws(StoreError) -> String {
        for attempt in 1...1000 {
            let path = folder + "/" + (attempt == 1 ? stem : "\(stem)-\(attempt)") + ext
            do {
                try createExclusive(bytes, at: path, mode: mode, sync: sync)
                return path
            } catch {
                switch error {
                case .exists: continue
                case .store(let error): throw error
                }
            }
        }
        throw StoreError(path: folder + "/" + stem + ext, operation: "create", kind: .other(EEXIST))
    }

    /// Flushes a folder's entries (after creating or removing names in it).
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Flushes everything written to the file system that holds `path`: one call for a batch.
    static func syncFileSystem(_ path: String) throws(StoreError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError(path: path, operation: "sync", errno: errno) }
        defer { close(fd) }
        if board_syncfs(fd) != 0 { throw StoreError(path: path, operation: "sync", errno: errno) }
    }

    /// The names in a folder, without `.` and `..`, sorted; names that are not UTF-8 (which
    /// no path of ours can address) are only counted.
    static func names(in folder: String) throws(StoreError) -> (names: [String], notUTF8: Int) {
        guard let dir = opendir(folder) else { throw StoreError(path: folder, operation: "read", errno: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        var notUTF8 = 0
        while let entry = readdir(dir) {
            let raw = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                let bytes = raw.bindMemory(to: UInt8.self)
                return Array(bytes[0..<(bytes.firstIndex(of: 0) ?? bytes.count)])
            }
            let name = String(decoding: raw, as: UTF8.self)
            guard Array(name.utf8) == raw else { notUTF8 += 1; continue }
            if name != "." && name != ".." { names.append(name) }
        }
        return (names.sorted(), notUTF8)
    }

    /// The names in a folder like `names(in:)`, with the bytes of each name that is not
    /// UTF-8 (to answer and remove such a file through `withRawPath`).
    static func rawNames(in folder: String) throws(StoreError) -> (names: [String], notUTF8: [[UInt8]]) {
        guard let dir = opendir(folder) else { throw StoreError(path: folder, operation: "read", errno: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        var notUTF8: [[UInt8]] = []
        while let entry = readdir(dir) {
            let raw = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                let bytes = raw.bindMemory(to: UInt8.self)
                return Array(bytes[0..<(bytes.firstIndex(of: 0) ?? bytes.count)])
            }
            let name = String(decoding: raw, as: UTF8.self)
            guard Array(name.utf8) == raw else { notUTF8.append(raw); continue }
            if name != "." && name != ".." { names.append(name) }
        }
        return (names.sorted(), notUTF8)
    }

    /// Calls `body` with the C path `folder/name` built from raw name bytes.
    static func withRawPath<R>(folder: String, name: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        let bytes = Array(folder.utf8) + [0x2F] + name + [0]
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { body($0) }
        }
    }

    /// A user's login name, or `uid N` when the user database does not know the number.
    static func userName(_ uid: UInt32) -> String {
        var record = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        if getpwuid_r(uid, &record, &buffer, buffer.count, &result) == 0, result != nil, let name = record.pw_name {
            return String(cString: name)
        }
        return "uid \(uid)"
    }

    /// The current user's login name.
    static func currentUserName() -> String { userName(geteuid()) }

    /// The system clock in nanoseconds since 1970.
    static func nanosecondsNow() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }

    static func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(secondsSinceEpoch: Int64(spec.tv_sec))
    }
}
