#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import FeedbackModel

/// Reads a configuration file without trusting it: no hang on a FIFO, a bounded size, no
/// symbolic link or file owned by another user, nothing writable by everyone.
public struct ConfigurationFileReader: Sendable {
    /// Configuration files are a few lines; anything larger is a mistake or an attack.
    public static let maximumSize = 64 * 1024

    /// The user whose files are trusted besides root's (the effective user by default).
    public var trustedUser: UInt32

    public init(trustedUser: UInt32 = geteuid()) {
        self.trustedUser = trustedUser
    }

    /// What looking for a configuration file found.
    public enum Lookup: Sendable, Equatable {
        /// Nothing is there.
        case absent
        /// A folder on the way cannot be searched (permission denied), so whether a file is
        /// there cannot be known: as git does, this counts as no file.
        case hidden
        case found([UInt8])
    }

    /// The file's bytes, or nil when there is no file at `path` (or it cannot be seen).
    public func read(_ path: String) throws(ConfigurationError) -> [UInt8]? {
        if case .found(let bytes) = try lookUp(path) { return bytes }
        return nil
    }

    /// Looks for the file at `path`; a file that is there but cannot be trusted or read is an error.
    public func lookUp(_ path: String) throws(ConfigurationError) -> Lookup {
        let final: String
        switch try resolve(path) {
        case .absent: return .absent
        case .hidden: return .hidden
        case .found(let resolved): final = resolved
        }
        let fd = open(final, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw failure(path, errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure(path, errno: errno) }
        try check(info, path: path)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, errno: errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > Self.maximumSize { throw tooLarge(path) }
        }
        return .found(bytes)
    }

    enum Resolved { case absent, hidden, found(String) }

    /// Follows symbolic links by hand so that each link's owner can be checked.
    func resolve(_ path: String) throws(ConfigurationError) -> Resolved {
        var current = path
        for _ in 0..<16 {
            var info = stat()
            guard lstat(current, &info) == 0 else {
                let code = errno
                if code == EACCES, current == path { return .hidden }
                if code == ENOENT || code == ENOTDIR {
                    if current == path { return .absent }
                    throw ConfigurationError(place: path, problem: Localized(
                        sv: "är en symbolisk länk till \(current), som inte finns",
                        en: "is a symbolic link to \(current), which does not exist"))
                }
                throw failure(path, errno: code)
            }
            guard (info.st_mode & S_IFMT) == S_IFLNK else { return .found(current) }
            guard info.st_uid == 0 || info.st_uid == trustedUser else {
                throw ConfigurationError(place: path, problem: Localized(
                    sv: "är en symbolisk länk som ägs av \(Self.userName(info.st_uid)), inte av dig eller root; den följs inte",
                    en: "is a symbolic link owned by \(Self.userName(info.st_uid)), not by you or root; it is not followed"))
            }
            guard let target = Self.readLink(current) else { throw failure(path, errno: errno) }
            current = target.hasPrefix("/") ? target : Self.folder(of: current) + "/" + target
        }
        throw ConfigurationError(place: path, problem: Localized(sv: "för många symboliska länkar i rad",
                                                                   en: "too many symbolic links in a row"))
    }

    func check(_ info: stat, path: String) throws(ConfigurationError) {
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            let what: Localized
            switch type {
            case S_IFDIR: what = Localized(sv: "en mapp", en: "a folder")
            case S_IFIFO: what = Localized(sv: "en FIFO (namngiven rörledning)", en: "a FIFO (named pipe)")
            case S_IFSOCK: what = Localized(sv: "en socket", en: "a socket")
            case S_IFCHR, S_IFBLK: what = Localized(sv: "en enhetsfil", en: "a device")
            default: what = Localized(sv: "ingen vanlig fil", en: "not a regular file")
            }
            throw ConfigurationError(place: path, problem: Localized(sv: "är \(what.sv), inte en vanlig fil; den läses inte",
                                                                       en: "is \(what.en), not a regular file; it is not read"))
        }
        guard Ownership.isTrusted(owner: info.st_uid, mode: 0, user: trustedUser) else {
            throw ConfigurationError(place: path, problem: Localized(
                sv: "ägs av \(Self.userName(info.st_uid)), inte av dig eller root; den läses inte",
                en: "is owned by \(Self.userName(info.st_uid)), not by you or root; it is not read"))
        }
        guard Ownership.isTrusted(owner: info.st_uid, mode: info.st_mode, user: trustedUser) else {
            throw ConfigurationError(place: path, problem: Localized(
                sv: "kan ändras av alla användare; den läses inte (rätta med chmod o-w)",
                en: "can be changed by every user; it is not read (fix with chmod o-w)"))
        }
        if Int(info.st_size) > Self.maximumSize { throw tooLarge(path) }
    }

    func tooLarge(_ path: String) -> ConfigurationError {
        ConfigurationError(place: path, problem: Localized(sv: "är större än \(Self.maximumSize / 1024) KiB; den läses inte",
                                                             en: "is larger than \(Self.maximumSize / 1024) KiB; it is not read"))
    }

    func failure(_ path: String, errno code: Int32) -> ConfigurationError {
        let reason: Localized
        switch code {
        case EACCES, EPERM: reason = Localized(sv: "behörighet saknas", en: "permission denied")
        case ELOOP: reason = Localized(sv: "byttes mot en symbolisk länk medan den lästes", en: "was replaced by a symbolic link while being read")
        case EIO: reason = Localized(sv: "in/ut-fel på disken", en: "input/output error on the disk")
        default: reason = Localized(sv: "kan inte läsas (systemfel \(code))", en: "cannot be read (system error \(code))")
        }
        return ConfigurationError(place: path, problem: reason)
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// "user bob (uid 1001)", or "uid 1001" when the user is unknown.
    static func userName(_ uid: UInt32) -> String {
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
            return "\(String(cString: name)) (uid \(uid))"
        }
        return "uid \(uid)"
    }
}

/// `read(2)`, under a name that does not clash with the method.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
