import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

/// Who may hand in for each committee (`allowed.json` in the inbox, kept by
/// `feedback board allow`): login names and `@group`s. A hand-in counts only if its file's
/// owner (which nobody can forge on a shared server) is one of its committee's people.
///
/// A round made with `board init --group` requires the list: a committee nobody is allowed
/// for takes no hand-ins. In a personal round (only the board's user can write incoming/)
/// a committee without a list takes them from anyone who can place a file.
public struct HandInPermissions: Sendable, Equatable {
    public static let format = "feedback-allowed"

    /// Committee id → entries (`name` or `@group`), each list sorted.
    public private(set) var committees: [String: [String]] = [:]

    public init() {}

    /// The entries of a committee (empty when nobody is named).
    public func entries(for committee: String) -> [String] { committees[committee] ?? [] }

    public mutating func add(_ entries: [String], to committee: String) {
        committees[committee] = Array(Set(self.entries(for: committee) + entries)).sorted()
    }

    public mutating func remove(_ entries: [String], from committee: String) {
        let left = self.entries(for: committee).filter { !entries.contains($0) }
        committees[committee] = left.isEmpty ? nil : left
    }

    /// Whether the user `uid` is named for `committee`, directly or through a group (its
    /// primary group or a listed member).
    public func allows(uid: UInt32, committee: String) -> Bool {
        let entries = self.entries(for: committee)
        guard !entries.isEmpty, let user = UserDatabase.user(uid: uid) else { return false }
        for entry in entries {
            if entry.hasPrefix("@") {
                guard let group = UserDatabase.group(name: String(entry.dropFirst())) else { continue }
                if group.gid == user.gid || group.members.contains(user.name) { return true }
            } else if UserDatabase.user(name: entry)?.uid == uid {
                return true
            }
        }
        return false
    }

    /// Checks that an entry names a user or group that exists: why not, if it does not.
    public static func problem(with entry: String) -> Localized? {
        if entry.hasPrefix("@") {
            let name = String(entry.dropFirst())
            return UserDatabase.group(name: name) == nil
                ? Localized(sv: "gruppen \(Sanitizer.visible(name)) finns inte", en: "the group \(Sanitizer.visible(name)) does not exist") : nil
        }
        return UserDatabase.user(name: entry) == nil
            ? Localized(sv: "användaren \(Sanitizer.visible(entry)) finns inte", en: "the user \(Sanitizer.visible(entry)) does not exist") : nil
    }

    // MARK: - The file

    var json: JSONValue {
        .object(JSONObject([
            ("format", .string(HandInPermissions.format)), ("formatVersion", .integer(1)),
            ("committees", .object(JSONObject(committees.keys.sorted().map { ($0, .array(entries(for: $0).map { .string($0) })) }))),
        ]))
    }

    /// The inbox's list, or an empty one when there is none yet. The file must be the
    /// board's: owned by the inbox's owner or root and writable by nobody else.
    public static func load(_ inbox: Inbox) throws(BoardError) -> HandInPermissions {
        let path = inbox.path + "/" + InboxLayout.allowed
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return HandInPermissions() }
            throw BoardError(StoreError(path: path, operation: "read", errno: errno))
        }
        var folder = stat()
        let boardUID = stat(inbox.path, &folder) == 0 ? folder.st_uid : geteuid()
        guard (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == 0 || status.st_uid == boardUID, status.st_mode & 0o022 == 0 else {
            throw BoardError(sv: "\(Sanitizer.visible(path)) ägs av \(BoardFiles.userName(status.st_uid)) (läge \(String(status.st_mode & 0o7777, radix: 8))), inte av styrelsen ensam; den läses inte",
                             en: "\(Sanitizer.visible(path)) is owned by \(BoardFiles.userName(status.st_uid)) (mode \(String(status.st_mode & 0o7777, radix: 8))), not by the board alone; it is not read")
        }
        let bytes: [UInt8]
        do { bytes = try FileStore.readLimited(path: path, limit: 4 << 20) } catch { throw BoardError(error) }
        guard case .object(let o)? = try? JSONParser.parse(bytes), o["format"]?.stringValue == format,
              case .object(let committees)? = o["committees"] else {
            throw BoardError(sv: "\(Sanitizer.visible(path)) är trasig", en: "\(Sanitizer.visible(path)) is broken")
        }
        var result = HandInPermissions()
        for (committee, value) in committees.members {
            guard case .array(let items) = value else { continue }
            result.committees[committee] = items.compactMap(\.stringValue).sorted()
        }
        return result
    }

    /// Writes the list (mode 0644: the committees may read who is allowed).
    public func save(to inbox: Inbox) throws(BoardError) {
        do { try FileStore().save(JSONWriter.pretty(json), to: inbox.path + "/" + InboxLayout.allowed, newFileMode: 0o644) } catch {
            throw BoardError(error)
        }
    }
}

/// Looks users and groups up in the system's database (reentrant calls).
enum UserDatabase {
    struct User { var name: String; var uid: UInt32; var gid: UInt32 }
    struct Group { var name: String; var gid: UInt32; var members: [String] }

    static func user(uid: UInt32) -> User? {
        var record = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16 * 1024)
        guard getpwuid_r(uid, &record, &buffer, buffer.count, &result) == 0, result != nil, let name = record.pw_name else { return nil }
        return User(name: String(cString: name), uid: record.pw_uid, gid: record.pw_gid)
    }

    static func user(name: String) -> User? {
        var record = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16 * 1024)
        guard getpwnam_r(name, &record, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return User(name: name, uid: record.pw_uid, gid: record.pw_gid)
    }

    static func group(name: String) -> Group? {
        var record = Glibc.group()
        var result: UnsafeMutablePointer<Glibc.group>?
        var buffer = [CChar](repeating: 0, count: 64 * 1024)
        guard getgrnam_r(name, &record, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        var members: [String] = []
        if var pointer = record.gr_mem {
            while let member = pointer.pointee {
                members.append(String(cString: member))
                pointer += 1
            }
        }
        return Group(name: name, gid: record.gr_gid, members: members)
    }
}
