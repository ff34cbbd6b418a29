#if canImport(Glibc)
import Glibc
#endif

/// A file-system failure, described for the person at the keyboard.
public struct StoreError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case notFound, permissionDenied, readOnly, diskFull, ioError, isDirectory, tooLarge(limit: Int), other(Int32)
        /// EFBIG: the file would be larger than the file system or `ulimit -f` allows.
        case fileTooLarge
        /// The name is taken (by a file, a link, a FIFO, anything): nothing was replaced.
        case exists
        /// A symbolic link where none may be: not followed. `owner` is the link's owner.
        case symbolicLink(owner: String)
        /// A FIFO, folder, socket or device where a regular file was expected: not opened.
        case notRegular(FileStatus.Kind)
        /// A file of another user where only the user's own may be: not read, not replaced.
        case foreign(owner: String)
        /// A side file with more than one name (hard links): perhaps not ours to trust.
        case hardLinked(links: Int)
        /// The draft on disk is no longer the one that was loaded.
        case changedOnDisk
        /// The bytes to write are more than the program will read back.
        case exceedsLimit(size: Int, limit: Int)
        /// The draft holds more than the program will read back (a text too long, too many rows).
        case violatesLimit(LimitViolation)
        /// Owned by another user (not root), or writable by every user: not used (`Ownership`).
        case untrusted(Localized)
    }
    public var path: String
    public var operation: String
    public var kind: Kind
    /// Where the text went when this failure kept it from its file (see `EmergencyStore`).
    public var rescue: Rescue?

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
        case ENOENT: return .notFound
        case EPERM, EACCES: return .permissionDenied
        case EROFS: return .readOnly
        case ENOSPC, EDQUOT: return .diskFull
        case EIO: return .ioError
        case EISDIR: return .isDirectory
        case EFBIG: return .fileTooLarge
        case EEXIST: return .exists
        default: return .other(code)
        }
    }

    /// What went wrong, without the file and the operation ("the disk is full").
    public func reason(_ language: Language) -> String {
        description(of: kind)[language]
    }

    public func message(_ language: Language) -> String {
        let op = language == .sv ? (StoreError.swedishOperations[operation] ?? operation) : operation
        var text = "\(Sanitizer.visible(path)): \(op): \(description(of: kind)[language])"
        if let rescue { text += "; " + rescue.message(language) }
        return text
    }

    private func description(of kind: Kind) -> Localized {
        switch kind {
        case .notFound: return Localized(sv: "filen eller mappen finns inte", en: "no such file or folder")
        case .permissionDenied: return Localized(sv: "behörighet saknas", en: "permission denied")
        case .readOnly: return Localized(sv: "filsystemet är skrivskyddat", en: "the file system is read-only")
        case .diskFull: return Localized(sv: "disken är full", en: "the disk is full")
        case .ioError: return Localized(sv: "in/ut-fel på disken", en: "input/output error on the disk")
        case .isDirectory: return Localized(sv: "det är en mapp, inte en fil", en: "it is a folder, not a file")
        case .tooLarge(let limit):
            return Localized(sv: "filen är större än \(StoreError.megabytes(limit)) MB", en: "the file is larger than \(StoreError.megabytes(limit)) MB")
        case .fileTooLarge:
            return Localized(sv: "filen skulle bli större än filsystemet eller gränsen för filstorlek (ulimit -f) tillåter",
                             en: "the file would be larger than the file system or the file size limit (ulimit -f) allows")
        case .exists:
            return Localized(sv: "det finns redan något med det namnet; ingenting ersattes",
                             en: "something with that name already exists; nothing was replaced")
        case .symbolicLink(let owner):
            return Localized(sv: "det är en symbolisk länk (ägare \(Sanitizer.visible(owner))) och den följs inte",
                             en: "it is a symbolic link (owner \(Sanitizer.visible(owner))) and is not followed")
        case .notRegular(let kind):
            let what = StoreError.kindName(kind)
            return Localized(sv: "det är \(what.sv), ingen vanlig fil, och den öppnas inte",
                             en: "it is \(what.en), not a regular file, and is not opened")
        case .foreign(let owner):
            return Localized(sv: "filen tillhör användaren \(Sanitizer.visible(owner)), inte dig, och används inte",
                             en: "the file belongs to the user \(Sanitizer.visible(owner)), not to you, and is not used")
        case .untrusted(let reason):
            return reason
        case .hardLinked(let links):
            return Localized(sv: "filen har \(links) namn (hårda länkar) och används inte",
                             en: "the file has \(links) names (hard links) and is not used")
        case .changedOnDisk:
            return Localized(sv: "filen har ändrats på disken av ett annat program sedan den öppnades; ingenting skrevs över",
                             en: "the file was changed on disk by another program since it was opened; nothing was overwritten")
        case .exceedsLimit(let size, let limit):
            return Localized(sv: "utkastet skulle bli \(StoreError.megabytes(size)) MB, mer än gränsen \(StoreError.megabytes(limit)) MB som programmet kan läsa; det sparades inte",
                             en: "the draft would be \(StoreError.megabytes(size)) MB, more than the \(StoreError.megabytes(limit)) MB the program can read; it was not saved")
        case .violatesLimit(let violation):
            return Localized(sv: "\(violation.message(.sv)); utkastet skulle inte gå att läsa in igen och sparades inte",
                             en: "\(violation.message(.en)); the draft could not be read back and was not saved")
        case .other(let code): return StoreError.systemMessage(code)
        }
    }

    static func megabytes(_ bytes: Int) -> Int { (bytes + (1 << 20) - 1) >> 20 }

    /// "a FIFO", "a symbolic link", … in words.
    public static func kindName(_ kind: FileStatus.Kind) -> Localized {
        switch kind {
        case .regular: return Localized(sv: "en vanlig fil", en: "a regular file")
        case .directory: return Localized(sv: "en mapp", en: "a folder")
        case .symlink: return Localized(sv: "en symbolisk länk", en: "a symbolic link")
        case .fifo: return Localized(sv: "en namngiven rörledning (FIFO)", en: "a named pipe (FIFO)")
        case .socket: return Localized(sv: "en socket", en: "a socket")
        case .characterDevice, .blockDevice: return Localized(sv: "en enhetsfil", en: "a device")
        case .other: return Localized(sv: "en okänd sorts fil", en: "an unknown kind of file")
        }
    }

    /// Errors other than the common ones, in words, with the number for whoever looks it up.
    static func systemMessage(_ code: Int32) -> Localized {
        let known: [Int32: Localized] = [
            ENAMETOOLONG: Localized(sv: "namnet är för långt", en: "the name is too long"),
            ELOOP: Localized(sv: "för många symboliska länkar, eller en länk som inte följs", en: "too many symbolic links, or a link that is not followed"),
            ENOTDIR: Localized(sv: "en del av sökvägen är ingen mapp", en: "a part of the path is not a folder"),
            EMFILE: Localized(sv: "programmet har för många öppna filer", en: "the program has too many open files"),
            ENFILE: Localized(sv: "systemet har för många öppna filer", en: "the system has too many open files"),
            ENOMEM: Localized(sv: "minnet räcker inte", en: "out of memory"),
            EBUSY: Localized(sv: "filen eller enheten är upptagen", en: "the file or device is busy"),
            EAGAIN: Localized(sv: "tillfälligt otillgänglig eller låst, försök igen", en: "temporarily unavailable or locked, try again"),
            EXDEV: Localized(sv: "filerna ligger på olika filsystem", en: "the files are on different file systems"),
            ETXTBSY: Localized(sv: "filen används av ett körande program", en: "the file is in use by a running program"),
            ESTALE: Localized(sv: "nätverksfilen är inte längre giltig (NFS)", en: "the network file is no longer valid (NFS)"),
            EOPNOTSUPP: Localized(sv: "filsystemet stöder inte det", en: "the file system does not support it"),
            EINVAL: Localized(sv: "ogiltig begäran till filsystemet", en: "an invalid request to the file system"),
            ENXIO: Localized(sv: "ingen sådan enhet (en FIFO utan läsare?)", en: "no such device (a FIFO without a reader?)"),
            EPIPE: Localized(sv: "mottagaren har stängt", en: "the receiving end has closed"),
            EINTR: Localized(sv: "avbruten av en signal", en: "interrupted by a signal"),
        ]
        if let words = known[code] {
            return Localized(sv: "\(words.sv) (fel \(code))", en: "\(words.en) (error \(code))")
        }
        let system = strerror(code).map { String(cString: $0) } ?? ""
        return Localized(sv: "systemfel \(code) (\(Sanitizer.visible(system)))", en: "system error \(code) (\(Sanitizer.visible(system)))")
    }

    static let swedishOperations = [
        "read": "läsa", "write": "skriva", "create": "skapa", "rename": "byta namn", "sync": "synkronisera",
        "open": "öppna", "remove": "ta bort", "lock": "låsa", "create folder": "skapa mapp", "save": "spara",
        "autosave": "autospara", "export": "exportera",
    ]
}

/// Where the text went when it could not be saved where it belonged.
public enum Rescue: Sendable, Equatable {
    /// A copy of the whole draft is in this file (in the user's own state folder).
    case savedCopy(String)
    /// No copy could be written anywhere: the text is only in the open window.
    case nowhere

    public func message(_ language: Language) -> String {
        switch self {
        case .savedCopy(let path):
            return language == .sv ? "en kopia av texten sparades i \(Sanitizer.visible(path))"
                                   : "a copy of the text was saved in \(Sanitizer.visible(path))"
        case .nowhere:
            return language == .sv ? "texten kunde inte sparas någonstans och finns bara i fönstret"
                                   : "the text could not be saved anywhere and is only in the window"
        }
    }
}
