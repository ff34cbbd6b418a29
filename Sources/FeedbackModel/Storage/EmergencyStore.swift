import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where the text goes when the disk refuses the draft and its autosave (full, read-only,
/// a quota, a file size limit): a copy in the user's own state folder,
/// `$XDG_STATE_HOME/feedback` (else `~/.local/state/feedback`), as nano writes `file.save`.
/// A copy never replaces anything: each gets a new name.
public struct EmergencyStore: Sendable {
    /// The folder the copies go to.
    public let folder: String
    let store: FileStore

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, store: FileStore = FileStore()) {
        self.init(folder: EmergencyStore.defaultFolder(environment: environment), store: store)
    }

    public init(folder: String, store: FileStore = FileStore()) {
        self.folder = folder
        self.store = store
    }

    /// `$XDG_STATE_HOME/feedback`, else `~/.local/state/feedback`.
    public static func defaultFolder(environment: [String: String]) -> String {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/feedback" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/feedback"
    }

    /// Writes a copy of a draft's bytes and says exactly where it went, or that it went
    /// nowhere (then the text is only in the window). The name is
    /// `NAME.YYYYMMDDTHHMMSSZ.PID.save.json` (with `-2`, `-3` … if taken).
    public func write(_ bytes: [UInt8], for draft: String, now: Timestamp) -> Rescue {
        do {
            try prepareFolder()
        } catch {
            return .nowhere
        }
        let stamp = now.description.filter { $0 != "-" && $0 != ":" }
        let base = FileStore.fileName(of: draft).replacingOccurrences(of: ".json", with: "")
        for attempt in 1...50 {
            let suffix = attempt == 1 ? "" : "-\(attempt)"
            let path = folder + "/" + base + ".\(stamp).\(getpid())\(suffix).save.json"
            do {
                try store.saveNew(bytes, to: path, newFileMode: 0o600)
                return .savedCopy(path)
            } catch where error.kind == .exists {
                continue
            } catch {
                return .nowhere
            }
        }
        return .nowhere
    }

    /// The copies kept for a draft (its file name), newest name last.
    public func copies(for draft: String) -> [String] {
        let base = FileStore.fileName(of: draft).replacingOccurrences(of: ".json", with: "") + "."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.filter { $0.hasPrefix(base) && $0.hasSuffix(".save.json") }.sorted().map { folder + "/" + $0 }
    }

    /// The folder must be the user's own private folder, not a link to somewhere else.
    private func prepareFolder() throws(StoreError) {
        try store.makeDirectory(folder, mode: 0o700)
        guard let status = store.fileSystem.status(folder, followLinks: false) else {
            throw StoreError(path: folder, operation: "create folder", kind: .notFound)
        }
        if status.isSymlink, !Account.trustsLinks(of: status.owner) {
            throw StoreError(path: folder, operation: "create folder", kind: .symbolicLink(owner: Account.name(of: status.owner)))
        }
        guard let target = store.fileSystem.status(folder, followLinks: true), target.isDirectory,
              target.owner == Account.me else {
            throw StoreError(path: folder, operation: "create folder", kind: .foreign(owner: "?"))
        }
    }
}
