import FeedbackModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What identifies a file's content on disk without reading it: device, inode, size and
/// modification time. A save replaces the file (new inode), so any save by another program
/// changes it.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Int64
    var modifiedNanoseconds: Int

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }
}

/// Who holds a draft's lock, without taking it.
enum LockProbe {
    enum State { case free, held(LockInfo, otherHost: Bool) }

    static func holder(of draft: String) -> State {
        let path = DraftFiles.lockPath(for: draft)
        guard let bytes = try? FileStore.readLimited(path: path, limit: 64 * 1024), let holder = LockInfo(json: bytes) else { return .free }
        let me = LockInfo.current(now: Timestamp(secondsSinceEpoch: 0))
        let sameHost = holder.host == me.host
        if sameHost && holder.pid == me.pid { return .free }
        if sameHost && !DraftLock.processExists(holder.pid) { return .free }
        return .held(holder, otherHost: !sameHost)
    }
}

/// When the draft cannot be saved where it is, the text goes to the user's own state folder,
/// as nano writes its `.save` file.
enum EmergencyCopy {
    /// `$XDG_STATE_HOME/feedback`, else `~/.local/state/feedback`.
    static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/feedback" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/feedback"
    }

    /// Writes the draft there; returns the path, or nil when that failed too.
    static func write(_ draft: Draft, form: FormDefinition, of path: String) -> String? {
        let store = FileStore()
        let folder = folder()
        guard (try? store.makeDirectory(folder, mode: 0o700)) != nil else { return nil }
        var name = FileStore.fileName(of: path)
        if name.hasSuffix(".json") { name.removeLast(5) }
        let stamp = String(draft.modified.description.filter { $0.isNumber }.prefix(14))
        for attempt in 1...100 {
            let target = folder + "/" + name + "-" + stamp + (attempt == 1 ? "" : "-\(attempt)") + ".json"
            if store.exists(target) { continue }
            do {
                try store.save(DraftCodec.encode(draft, form: form), to: target)
                return target
            } catch {
                return nil
            }
        }
        return nil
    }
}
