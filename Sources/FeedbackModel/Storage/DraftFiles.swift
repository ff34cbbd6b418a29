import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files that live beside a draft: its autosave and its lock. For a symlinked draft they
/// live beside the file the link leads to (`FileStore.draftTarget`), so every window on the
/// same draft sees the same lock.
public enum DraftFiles {
    /// `dir/.name.autosave.json`: the latest autosave, removed when the draft is saved.
    public static func autosavePath(for draft: String) -> String {
        FileStore.directory(of: draft) + "/." + FileStore.fileName(of: draft) + ".autosave.json"
    }

    /// Where a declined autosave is set aside (one generation).
    public static func setAsidePath(for draft: String) -> String {
        FileStore.directory(of: draft) + "/." + FileStore.fileName(of: draft) + ".autosave.old.json"
    }

    /// `dir/.name.lock`
    public static func lockPath(for draft: String) -> String {
        FileStore.directory(of: draft) + "/." + FileStore.fileName(of: draft) + ".lock"
    }
}

/// Who holds a draft open: user, host, process and since when.
public struct LockInfo: Sendable, Equatable {
    public var user: String
    public var host: String
    public var pid: Int32
    public var since: Timestamp
    /// The lock file's owner, when it is not the user the text names (or the text is
    /// unreadable): the text is then only a claim.
    public var fileOwner: String?

    public init(user: String, host: String, pid: Int32, since: Timestamp, fileOwner: String? = nil) {
        self.user = user
        self.host = host
        self.pid = pid
        self.since = since
        self.fileOwner = fileOwner
    }

    /// This process, now.
    public static func current(now: Timestamp) -> LockInfo {
        LockInfo(user: currentUser(), host: currentHost(), pid: getpid(), since: now)
    }

    static func currentUser() -> String { Account.myName }

    static func currentHost() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, 255) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether the lock is held but its file could not be read (who holds it is not known).
    public var isUnreadable: Bool { pid == 0 && fileOwner != nil }

    /// "utkastet är öppet hos anna på server1 …"; when the lock file cannot be read, that it
    /// cannot (and whose file it is), not that the draft is open by the file's owner.
    public func heldText(_ language: Language, time: LocalTime = .current) -> String {
        if isUnreadable, let fileOwner {
            let owner = Sanitizer.visible(fileOwner)
            return language == .sv ? "utkastet är låst, men låsfilen går inte att läsa (den tillhör \(owner))"
                                   : "the draft is locked, but its lock file cannot be read (it belongs to \(owner))"
        }
        let who = description(language, time: time)
        return language == .sv ? "utkastet är öppet hos \(who)" : "the draft is open by \(who)"
    }

    /// "anna på server1 (process 4711) sedan 2026-12-01 08:56", in local time.
    public func description(_ language: Language, time: LocalTime = .current) -> String {
        let user = Sanitizer.visible(self.user)
        let host = Sanitizer.visible(self.host)
        if pid == 0, let fileOwner {
            let owner = Sanitizer.visible(fileOwner)
            return language == .sv ? "\(owner) (låsfilen går inte att läsa)" : "\(owner) (the lock file cannot be read)"
        }
        let when = time.format(since)
        var text = language == .sv ? "\(user) på \(host) (process \(pid)) sedan \(when)"
                                   : "\(user) on \(host) (process \(pid)) since \(when)"
        if let fileOwner {
            let owner = Sanitizer.visible(fileOwner)
            text += language == .sv ? " enligt en låsfil som tillhör \(owner)" : " according to a lock file owned by \(owner)"
        }
        return text
    }

    var json: JSONValue {
        .object(JSONObject([("user", .string(user)), ("host", .string(host)), ("pid", .integer(Int(pid))),
                            ("since", .string(since.description))]))
    }

    public init?(json bytes: [UInt8]) {
        guard case .object(let o)? = try? JSONParser.parse(bytes),
              let user = o["user"]?.stringValue, let host = o["host"]?.stringValue,
              let pid = o["pid"]?.intValue, let pid32 = Int32(exactly: pid),
              let sinceText = o["since"]?.stringValue, let since = Timestamp(iso: sinceText) else { return nil }
        self.init(user: user, host: host, pid: pid32, since: since)
    }
}
