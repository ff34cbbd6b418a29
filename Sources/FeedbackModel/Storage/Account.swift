import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who the program runs as, and the names of other users for messages.
public enum Account {
    /// The effective user id: the owner of every file the program creates.
    public static var me: uid_t { geteuid() }

    /// The user name of `uid` ("uid 1234" when it has none).
    public static func name(of uid: uid_t) -> String {
        var entry = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        if getpwuid_r(uid, &entry, &buffer, buffer.count, &found) == 0, found != nil, let name = entry.pw_name {
            return String(cString: name)
        }
        return "uid \(uid)"
    }

    /// The name of the user the program runs as.
    public static var myName: String {
        let name = name(of: me)
        if name.hasPrefix("uid "), let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        return name
    }

    /// Whether links owned by `uid` may be followed when writing: the user's own, or root's
    /// (which no other user can plant).
    static func trustsLinks(of uid: uid_t) -> Bool { uid == me || uid == 0 }
}
