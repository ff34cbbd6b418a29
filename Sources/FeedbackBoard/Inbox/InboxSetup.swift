import FeedbackModel
#if canImport(Glibc)
import Glibc
#endif

/// Making a new inbox (`feedback board init`).
public enum InboxSetup {
    /// The modes of the folders. On a shared server (`group` set) the group may enter the
    /// inbox, read receipts and the archive, and create files in incoming/ without listing
    /// it; the sticky bit there means only a file's owner (or the board, which owns the
    /// folder) can remove or rename it, and setgid keeps new files in the group.
    struct Modes {
        var root: mode_t
        var incoming: mode_t
        var shared: mode_t
        var privateFolder: mode_t = 0o700

        static let personal = Modes(root: 0o755, incoming: 0o700, shared: 0o755)
        static let group = Modes(root: 0o2750, incoming: 0o3730, shared: 0o2750)
    }

    /// Creates an inbox for `form` in `path` (a new or empty folder): the layout, the form's
    /// copy, a new key pair and the README. With `group`, sets the folders up for
    /// secretaries in that group to hand in on a shared server.
    public static func create(at path: String, form: FormDefinition, group: String?, now: Timestamp) throws(BoardError) -> Inbox {
        let formBytes = try Inbox.definitionBytes(of: form)
        var groupID: gid_t?
        if let group {
            guard let id = groupIDOf(group) else {
                throw BoardError(sv: "gruppen \(Sanitizer.visible(group)) finns inte (skapa den med groupadd)",
                                 en: "the group \(Sanitizer.visible(group)) does not exist (create it with groupadd)")
            }
            guard geteuid() == 0 || isMember(of: id) else {
                throw BoardError(sv: "du är inte med i gruppen \(Sanitizer.visible(group)) och kan inte ge inkorgen till den (usermod -aG \(Sanitizer.visible(group)) \(BoardFiles.currentUserName()), logga sedan in igen)",
                                 en: "you are not in the group \(Sanitizer.visible(group)) and cannot give the inbox to it (usermod -aG \(Sanitizer.visible(group)) \(BoardFiles.currentUserName()), then log in again)")
            }
            groupID = id
        }
        try prepareFolder(path)
        let modes = group == nil ? Modes.personal : Modes.group
        let key = ReceiptSigningKey.generate()
        let manifest = InboxManifest(formID: form.id, formVersion: form.version, created: now, keyID: key.publicKey.id, group: group)
        let store = FileStore()
        do throws(StoreError) {
            for folder in [InboxLayout.privateFolder, InboxLayout.incoming, InboxLayout.accepted, InboxLayout.refused, InboxLayout.receipts] {
                let full = path + "/" + folder
                if mkdir(full, 0o700) != 0 && errno != EEXIST { throw StoreError(path: full, operation: "create folder", errno: errno) }
            }
            try store.save(Array(key.pem.utf8), to: path + "/" + InboxLayout.privateKey, newFileMode: 0o600)
            try store.save(Array(key.publicKey.pem.utf8), to: path + "/" + InboxLayout.publicKey, newFileMode: 0o644)
            try store.save(formBytes, to: path + "/" + InboxLayout.form, newFileMode: 0o644)
            try store.save(JSONWriter.pretty(manifest.json), to: path + "/" + InboxLayout.manifest, newFileMode: 0o644)
            try store.save(Array(InboxReadme.text(form: form, manifest: manifest).utf8), to: path + "/" + InboxLayout.readme, newFileMode: 0o644)
            // The manifest is written last of the files: a folder without it is no inbox.
        } catch {
            throw BoardError(error)
        }
        try apply(modes, groupID: groupID, to: path)
        return try Inbox.open(path)
    }

    /// A new folder, or an existing empty one; never an existing inbox or a folder with files.
    static func prepareFolder(_ path: String) throws(BoardError) {
        var status = stat()
        if lstat(path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                throw BoardError(sv: "\(Sanitizer.visible(path)) finns redan och är ingen mapp", en: "\(Sanitizer.visible(path)) exists and is not a folder")
            }
            let names: [String]
            do { names = try BoardFiles.names(in: path).names } catch { throw BoardError(error) }
            if names.contains(InboxLayout.manifest) {
                throw BoardError(sv: "\(Sanitizer.visible(path)) är redan en inkorg; ingenting ändrades",
                                 en: "\(Sanitizer.visible(path)) is already an inbox; nothing was changed")
            }
            guard names.isEmpty else {
                throw BoardError(sv: "\(Sanitizer.visible(path)) är inte tom; välj en ny eller tom mapp",
                                 en: "\(Sanitizer.visible(path)) is not empty; choose a new or empty folder")
            }
            return
        }
        do { try FileStore().makeDirectory(path, mode: 0o755) } catch { throw BoardError(error) }
    }

    static func apply(_ modes: Modes, groupID: gid_t?, to path: String) throws(BoardError) {
        let folders: [(String, mode_t)] = [
            ("", modes.root), (InboxLayout.incoming, modes.incoming), (InboxLayout.accepted, modes.shared),
            (InboxLayout.refused, modes.shared), (InboxLayout.receipts, modes.shared), (InboxLayout.privateFolder, modes.privateFolder),
        ]
        for (folder, mode) in folders {
            let full = folder.isEmpty ? path : path + "/" + folder
            if let groupID, folder != InboxLayout.privateFolder, chown(full, uid_t.max, groupID) != 0 {
                throw BoardError(StoreError(path: full, operation: "write", errno: errno))
            }
            // chmod after chown: changing the group clears setgid for non-root callers.
            if chmod(full, mode) != 0 { throw BoardError(StoreError(path: full, operation: "write", errno: errno)) }
        }
        if let groupID {
            for file in [InboxLayout.manifest, InboxLayout.form, InboxLayout.readme, InboxLayout.publicKey] {
                _ = chown(path + "/" + file, uid_t.max, groupID)
            }
        }
    }

    /// Whether this process is in the group (its effective group or a supplementary one).
    static func isMember(of group: gid_t) -> Bool {
        if getegid() == group { return true }
        let count = getgroups(0, nil)
        guard count > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let filled = getgroups(count, &groups)
        return filled > 0 && groups.prefix(Int(filled)).contains(group)
    }

    static func groupIDOf(_ name: String) -> gid_t? {
        var record = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16 * 1024)
        guard getgrnam_r(name, &record, &buffer, buffer.count, &result) == 0, result != nil else { return nil }
        return record.gr_gid
    }
}
