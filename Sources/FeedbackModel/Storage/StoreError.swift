/// A file-system failure, described for the person at the keyboard.
public struct StoreError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case notFound, permissionDenied, readOnly, diskFull, ioError, isDirectory, tooLarge(limit: Int), other(Int32)
    }
    public var path: String
    public var operation: String
    public var kind: Kind

    public init(path: String, operation: String, kind: Kind) {
        self.path = path
        self.operation = operation
        self.kind = kind
    }

    public init(path: String, operation: String, errno code: Int32) {
        self.init(path: path, operation: operation, kind: StoreError.kind(errno: code))
    }

    static func kind(errno code: Int32) -> Kind {
        switch code {
        case 2: return .notFound            // ENOENT
        case 1, 13: return .permissionDenied // EPERM, EACCES
        case 30: return .readOnly           // EROFS
        case 28, 122: return .diskFull      // ENOSPC, EDQUOT
        case 5: return .ioError             // EIO
        case 21: return .isDirectory        // EISDIR
        default: return .other(code)
        }
    }

    public func message(_ language: Language) -> String {
        let what: Localized
        switch kind {
        case .notFound: what = Localized(sv: "filen eller mappen finns inte", en: "no such file or folder")
        case .permissionDenied: what = Localized(sv: "behörighet saknas", en: "permission denied")
        case .readOnly: what = Localized(sv: "filsystemet är skrivskyddat", en: "the file system is read-only")
        case .diskFull: what = Localized(sv: "disken är full", en: "the disk is full")
        case .ioError: what = Localized(sv: "in/ut-fel på disken", en: "input/output error on the disk")
        case .isDirectory: what = Localized(sv: "det är en mapp, inte en fil", en: "it is a folder, not a file")
        case .tooLarge(let limit): what = Localized(sv: "filen är större än \(limit / 1024 / 1024) MB", en: "the file is larger than \(limit / 1024 / 1024) MB")
        case .other(let code): what = Localized(sv: "systemfel \(code)", en: "system error \(code)")
        }
        let op = language == .sv ? (StoreError.swedishOperations[operation] ?? operation) : operation
        return "\(Sanitizer.visible(path)): \(op): \(what[language])"
    }

    static let swedishOperations = [
        "read": "läsa", "write": "skriva", "create": "skapa", "rename": "byta namn", "sync": "synkronisera",
        "open": "öppna", "remove": "ta bort", "lock": "låsa", "create folder": "skapa mapp",
    ]
}
