import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files that live beside a draft: its autosave and its lock.
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

    public init(user: String, host: String, pid: Int32, since: Timestamp) {
        self.user = user
        self.host = host
        self.pid = pid
        self.since = since
    }

    /// This process, now.
    public static func current(now: Timestamp) -> LockInfo {
        LockInfo(user: currentUser(), host: currentHost(), pid: getpid(), since: now)
    }

    static func currentUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid\(geteuid())"
    }

    static func currentHost() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, 255) == 0 else { return "localhost" }
        return String(cString: buffer)
    }

    /// "anna på server1 (process 4711) sedan 2026-12-01 08:56", in local time.
    public func description(_ language: Language, time: LocalTime = .current) -> String {
        let user = Sanitizer.visible(self.user)
        let host = Sanitizer.visible(self.host)
        let when = time.format(since)
        return language == .sv ? "\(user) på \(host) (process \(pid)) sedan \(when)"
                               : "\(user) on \(host) (process \(pid)) since \(when)"
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

/// A lock on a draft, so that two people never edit the same file at once.
public struct DraftLock: Sendable {
    public let path: String
    public let info: LockInfo
    let store: FileStore

    public enum Outcome: Sendable {
        case acquired(DraftLock)
        /// Held by a live process on this host, or by any process on another host.
        case held(LockInfo, otherHost: Bool)
        /// No lock can be made (read-only folder, ...): the caller decides.
        case unavailable(StoreError)
    }

    /// Takes the lock of a draft. A lock whose process is gone (same host), or an unreadable
    /// lock file, is taken over; a lock from another host only with `override`.
    public static func acquire(for draft: String, now: Timestamp, override: Bool = false, store: FileStore = FileStore()) -> Outcome {
        let path = DraftFiles.lockPath(for: draft)
        let me = LockInfo.current(now: now)
        for _ in 0..<3 {
            let (fd, code) = store.fileSystem.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if fd >= 0 {
                let bytes = JSONWriter.pretty(me.json)
                let written = bytes.withUnsafeBytes { store.fileSystem.write(fd, $0) }
                _ = store.fileSystem.fsync(fd)
                _ = store.fileSystem.close(fd)
                if written.count != bytes.count {
                    store.remove(path)
                    return .unavailable(StoreError(path: path, operation: "lock", errno: written.code == 0 ? ENOSPC : written.code))
                }
                return .acquired(DraftLock(path: path, info: me, store: store))
            }
            guard code == EEXIST else { return .unavailable(StoreError(path: path, operation: "lock", errno: code)) }
            let existing = (try? store.read(path: path, limit: 64 * 1024)).flatMap { LockInfo(json: $0) }
            guard let holder = existing else {
                // Unreadable: a crash between creating and writing it. Take it over.
                store.remove(path)
                continue
            }
            let sameHost = holder.host == me.host
            if holder.pid == me.pid && sameHost && holder.user == me.user {
                return .acquired(DraftLock(path: path, info: holder, store: store))
            }
            if sameHost && !processExists(holder.pid) {
                store.remove(path)
                continue
            }
            if override {
                store.remove(path)
                continue
            }
            return .held(holder, otherHost: !sameHost)
        }
        return .unavailable(StoreError(path: path, operation: "lock", kind: .other(EEXIST)))
    }

    /// Whether a process with this id exists on this host.
    public static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Removes the lock if it is still ours.
    public func release() {
        if let bytes = try? store.read(path: path, limit: 64 * 1024), let holder = LockInfo(json: bytes),
           holder.pid == info.pid, holder.host == info.host {
            store.remove(path)
        }
    }
}
