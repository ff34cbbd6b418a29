import Foundation

/// Real Unix users for tests that need a second person on the machine (root only): made with
/// useradd, removed with userdel when the value goes away. Names carry the worktree's word
/// ("safety") and a tag, so tests running at the same time never share one.
public final class TestUser: @unchecked Sendable {
    public let name: String
    public let uid: uid_t
    public let gid: gid_t
    /// A private home folder (0700, owned by the user) inside `base`.
    public let home: String

    /// Whether real users can be made here: root, useradd, userdel and setpriv.
    public static var canCreate: Bool {
        getuid() == 0 && isInstalled("setpriv") && ["/usr/sbin/useradd", "/usr/sbin/userdel"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    public init(_ name: String, base: String) throws {
        self.name = name
        _ = try? TestSupport.run("/usr/sbin/userdel", [name])  // left over by a killed run
        // useradd refuses while another one holds /etc/passwd's lock (tests, other users): retry.
        var added = try TestSupport.run("/usr/sbin/useradd", ["-M", "-U", "-s", "/usr/sbin/nologin", "-d", base + "/home-" + name, name])
        for _ in 0..<50 where added.status != 0 && added.status != 9 {
            Thread.sleep(forTimeInterval: 0.2)
            added = try TestSupport.run("/usr/sbin/useradd", ["-M", "-U", "-s", "/usr/sbin/nologin", "-d", base + "/home-" + name, name])
        }
        guard added.status == 0, let entry = getpwnam(name) else {
            throw POSIXError(.EPERM, userInfo: [NSLocalizedDescriptionKey: "useradd \(name): \(added.stderr)"])
        }
        uid = entry.pointee.pw_uid
        gid = entry.pointee.pw_gid
        home = base + "/home-" + name
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        chown(home, uid, gid)
        chmod(home, 0o700)
    }

    deinit {
        for _ in 0..<50 {
            guard let removed = try? TestSupport.run("/usr/sbin/userdel", [name]), removed.status != 0, removed.status != 6 else { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// The command line that runs `arguments` as this user, with its own HOME and state folder.
    public func command(_ arguments: [String]) -> [String] {
        ["/usr/bin/env", "HOME=\(home)", "XDG_STATE_HOME=\(home)/state", "XDG_DATA_HOME=\(home)/data", "USER=\(name)",
         "setpriv", "--reuid=\(uid)", "--regid=\(gid)", "--init-groups", "--"] + arguments
    }

    /// Runs a program as this user to completion.
    @discardableResult
    public func run(_ arguments: [String], in folder: String? = nil, input: [UInt8] = []) throws -> RunResult {
        let line = command(arguments)
        return try TestSupport.run(line[0], Array(line.dropFirst()), in: folder, input: input)
    }

    /// Runs `feedback` as this user.
    @discardableResult
    public func feedback(_ arguments: [String], in folder: String? = nil) throws -> RunResult {
        try run([Paths.binary] + arguments, in: folder)
    }

    /// A shell command line (for tmux) that runs `arguments` as this user.
    public func shellCommand(_ arguments: [String]) -> String {
        command(arguments).map(shellQuote).joined(separator: " ")
    }
}

/// A word for `sh -c`, quoted.
public func shellQuote(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
