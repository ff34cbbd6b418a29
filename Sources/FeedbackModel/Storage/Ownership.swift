#if canImport(Glibc)
import Glibc
#endif

/// The rule for files and folders that steer the program (configuration files, forms and
/// forms folders, the exports folder, document templates): used only when owned by the user
/// or root and not writable by every user, so that nothing another user planted in a
/// shared folder is read or written. Configuration files apply the same rule. A folder
/// writable by every user is accepted only with the sticky bit (as /tmp, or a shared folder
/// of mode 1777): there nobody else can rename or remove what the user writes, and the
/// user's own files are created exclusively and checked before use.
public enum Ownership {
    /// Whether a file with this owner and mode may be used by `user`.
    public static func isTrusted(owner: uid_t, mode: mode_t, user: uid_t = geteuid()) -> Bool {
        (owner == 0 || owner == user) && mode & S_IWOTH == 0
    }

    /// Why `path` (a file or folder; a symbolic link is checked and so is its target) may
    /// not be used, naming the file and its owner; nil when it may, or does not exist.
    public static func problem(_ path: String, user: uid_t = geteuid(), naming: Bool = true) -> Localized? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        if let problem = problem(status, path: path, user: user, naming: naming) { return problem }
        if (status.st_mode & S_IFMT) == S_IFLNK {
            guard stat(path, &status) == 0 else { return nil }
            return problem(status, path: path, user: user, naming: naming)
        }
        return nil
    }

    static func problem(_ status: stat, path: String, user: uid_t, naming: Bool) -> Localized? {
        let shown = naming ? Sanitizer.visible(path) : (status.st_mode & S_IFMT) == S_IFDIR ? "mappen" : "filen"
        let shownEn = naming ? Sanitizer.visible(path) : (status.st_mode & S_IFMT) == S_IFDIR ? "the folder" : "the file"
        if status.st_uid != 0 && status.st_uid != user {
            let owner = userName(status.st_uid)
            return Localized(sv: "\(shown) ägs av \(owner), inte av dig eller root; den används inte (en annan användare kan ha lagt den där)",
                             en: "\(shownEn) is owned by \(owner), not by you or root; it is not used (another user may have put it there)")
        }
        let stickyFolder = (status.st_mode & S_IFMT) == S_IFDIR && status.st_mode & S_ISVTX != 0
        if status.st_mode & S_IWOTH != 0 && !stickyFolder {
            return Localized(sv: "\(shown) kan ändras av alla användare (läge \(String(status.st_mode & 0o7777, radix: 8))); den används inte (rätta med chmod o-w)",
                             en: "\(shownEn) can be changed by every user (mode \(String(status.st_mode & 0o7777, radix: 8))); it is not used (fix with chmod o-w)")
        }
        return nil
    }

    /// A user's login name, or `uid N`.
    public static func userName(_ uid: uid_t) -> String {
        var record = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        if getpwuid_r(uid, &record, &buffer, buffer.count, &result) == 0, result != nil, let name = record.pw_name {
            return Sanitizer.visible(String(cString: name))
        }
        return "uid \(uid)"
    }
}
