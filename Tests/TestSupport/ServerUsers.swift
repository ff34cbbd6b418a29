import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Unix user of a shared-server test, as `getpwnam` knew it when looked up (copied out of
/// its static buffer, which the next lookup overwrites).
public struct ServerUser: Sendable {
    public let name: String
    public let uid: uid_t
    public let gid: gid_t
}

/// The shared-server tests' Unix groups and users (root only): made with groupadd and
/// useradd after removing what a killed run left, removed again when the test ends, and
/// commands run as one of them with setpriv and their groups.
public enum ServerUsers {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether real users can be made here: root, useradd, userdel, groupadd and setpriv.
    public static var canMake: Bool {
        getuid() == 0 && isInstalled("useradd") && isInstalled("userdel") && isInstalled("groupadd") && isInstalled("setpriv")
    }

    /// Makes `groups`, then every user with its supplementary groups (comma-separated).
    public static func make(groups: [String], users: [(name: String, groups: String)]) throws {
        remove(groups: groups, users: users.map(\.name))
        for name in groups {
            let made = try run("/usr/bin/env", ["groupadd", name])
            guard made.status == 0 else { throw Failure(description: "groupadd \(name): \(made.stderr)") }
        }
        for (name, supplementary) in users {
            let made = try run("/usr/bin/env", ["useradd", "-M", "-s", "/usr/sbin/nologin", "-G", supplementary, name])
            guard made.status == 0 else { throw Failure(description: "useradd \(name): \(made.stderr)") }
        }
    }

    public static func remove(groups: [String], users: [String]) {
        for name in users { _ = try? run("/usr/bin/env", ["userdel", name]) }
        for name in groups { _ = try? run("/usr/bin/env", ["groupdel", name]) }
    }

    public static func user(_ name: String) throws -> ServerUser {
        guard let entry = getpwnam(name) else { throw Failure(description: "no user \(name)") }
        return ServerUser(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    /// Runs a shell command as `user`, with their groups.
    public static func shell(_ user: ServerUser, _ command: String, in folder: String, environment: [String: String] = [:]) throws -> RunResult {
        try run("/usr/bin/env", ["setpriv", "--reuid=\(user.uid)", "--regid=\(user.gid)", "--init-groups", "/bin/sh", "-c", command],
                in: folder, environment: environment)
    }

    /// `text` as one word for /bin/sh.
    public static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
