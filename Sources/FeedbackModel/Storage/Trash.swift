import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The user's trash (freedesktop.org Trash specification): a draft moved there can be put
/// back with any file manager, or by hand from `files/`.
public enum Trash {
    /// `$XDG_DATA_HOME/Trash`, else `~/.local/share/Trash`.
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/Trash" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/Trash"
    }

    /// Moves a file into the trash with its `.trashinfo`; returns where it went.
    public static func move(_ path: String, now: Timestamp, local: LocalTime = .current,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) -> String {
        let store = FileStore()
        let trash = folder(environment: environment)
        try store.makeDirectory(trash, mode: 0o700)
        try store.makeDirectory(trash + "/files", mode: 0o700)
        try store.makeDirectory(trash + "/info", mode: 0o700)
        let name = FileStore.fileName(of: path)
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let stamp = String(local.format(now).replacingOccurrences(of: " ", with: "T")) + ":00"
        for attempt in 1...1000 {
            let target = attempt == 1 ? name : "\(name).\(attempt)"
            let info = trash + "/info/" + target + ".trashinfo"
            // The info file is created first and exclusively: it claims the name.
            let fd = open(info, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw StoreError(path: info, operation: "create", errno: errno)
            }
            let text = "[Trash Info]\nPath=\(percentEncoded(absolute))\nDeletionDate=\(stamp)\n"
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard written == bytes.count else {
                unlink(info)
                throw StoreError(path: info, operation: "write", errno: errno)
            }
            if rename(path, trash + "/files/" + target) != 0 {
                let code = errno
                unlink(info)
                throw StoreError(path: path, operation: "rename", errno: code)
            }
            return trash + "/files/" + target
        }
        throw StoreError(path: trash, operation: "create", kind: .other(EEXIST))
    }

    /// Percent-encoding of a path as the specification asks (RFC 2396 path characters kept).
    static func percentEncoded(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}

extension DraftFiles {
    /// The name of a new draft for a committee in a folder: `FORM_COMMITTEE.json`, then
    /// `FORM_COMMITTEE-2.json` … (the same rule for `feedback new` and the start screen).
    public static func newDraftName(form: FormDefinition, committee: String, attempt: Int) -> String {
        let base = "\(Exporter.safeName(form.id))_\(Exporter.safeName(committee))"
        return attempt <= 1 ? base + ".json" : base + "-\(attempt).json"
    }
}
