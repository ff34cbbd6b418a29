import FeedbackModel
import Foundation
import ZIPFoundation

/// A zip container opened for reading with every limit a hostile file could abuse: the file's
/// size, its kind (a PDF renamed .docx), the number of entries, entry names that climb out
/// (`../`, absolute paths), the declared and the actual uncompressed size of each part read
/// (counted while streaming, so a lying header does not help), and the compression ratio.
/// Parts are read one at a time into memory; nothing is ever written to disk.
struct SafeZip {
    struct Limits: Sendable {
        /// The largest file accepted.
        var fileSize = 100 * 1024 * 1024
        var entries = 10_000
        /// The sum of all entries' declared sizes.
        var totalDeclared: UInt64 = 1024 * 1024 * 1024
        /// The largest part read (`word/document.xml`: a 50-page document is about 0.3 MB; one of
        /// 24 MB, some 5 000 pages, is read in about 75 MB of memory).
        var partSize = 24 * 1024 * 1024
        /// Parts unpacking to more than this many times their packed size are refused, once
        /// they exceed `ratioFloor` bytes (XML packs 5–20 times; a bomb packs a thousand).
        var ratio: UInt64 = 200
        var ratioFloor: UInt64 = 4 * 1024 * 1024
    }

    let file: String
    private let archive: Archive
    private let entries: [String: Entry]
    let limits: Limits

    /// Opens `path` after checking its size and kind.
    static func open(_ path: String, limits: Limits = Limits()) throws(DocumentError) -> SafeZip {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw DocumentError(.unreadable, file: path, problem: Localized(
                sv: "filen kan inte läsas (\(String(cString: strerror(errno))))", en: "the file cannot be read (\(String(cString: strerror(errno))))"))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw DocumentError(.unreadable, file: path, problem: Localized(sv: "är ingen vanlig fil", en: "is not a regular file"))
        }
        let size = Int(info.st_size)
        guard size <= limits.fileSize else {
            throw DocumentError(.tooLarge, file: path, problem: Localized(
                sv: "filen är \(size / 1024 / 1024) MB; större än \(limits.fileSize / 1024 / 1024) MB läses inte",
                en: "the file is \(size / 1024 / 1024) MB; files over \(limits.fileSize / 1024 / 1024) MB are not read"))
        }
        let (head, tail) = try headAndTail(path, size: size)
        try checkKind(head, file: path)
        guard hasEndRecord(tail) else {
            throw DocumentError(.damaged, file: path, problem: Localized(
                sv: "zip-behållaren är trasig eller avkortad (ingen central katalog)", en: "the zip container is damaged or truncated (no central directory)"))
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw DocumentError(.damaged, file: path, problem: Localized(sv: "zip-behållaren kan inte läsas", en: "the zip container cannot be read"))
        }
        var entries: [String: Entry] = [:]
        var count = 0
        var declared: UInt64 = 0
        for entry in archive {
            count += 1
            guard count <= limits.entries else {
                throw DocumentError(.hostile, file: path, problem: Localized(
                    sv: "zip-behållaren har fler än \(limits.entries) delar; ett dokument har ett tiotal",
                    en: "the zip container has more than \(limits.entries) entries; a document has a dozen or so"))
            }
            let name = entry.path
            guard isSafe(name) else {
                throw DocumentError(.hostile, file: path, problem: Localized(
                    sv: "zip-delen ”\(Sanitizer.visible(name))” har ett namn som pekar utanför behållaren (../ eller absolut sökväg)",
                    en: "the zip entry “\(Sanitizer.visible(name))” has a name that points outside the container (../ or an absolute path)"))
            }
            guard entry.type != .symlink else {
                throw DocumentError(.hostile, file: path, problem: Localized(
                    sv: "zip-delen ”\(Sanitizer.visible(name))” är en symbolisk länk", en: "the zip entry “\(Sanitizer.visible(name))” is a symbolic link"))
            }
            declared &+= entry.uncompressedSize
            guard declared <= limits.totalDeclared else { throw bomb(path) }
            if entries[name] == nil { entries[name] = entry }
        }
        guard count > 0 else {
            throw DocumentError(.damaged, file: path, problem: Localized(sv: "zip-behållaren är tom", en: "the zip container is empty"))
        }
        return SafeZip(file: path, archive: archive, entries: entries, limits: limits)
    }

    static func bomb(_ file: String) -> DocumentError {
        DocumentError(.hostile, file: file, problem: Localized(
            sv: "zip-behållaren packas upp till orimligt mycket data (en zip-bomb?) och läses inte",
            en: "the zip container unpacks to an unreasonable amount of data (a zip bomb?) and is not read"))
    }

    /// Whether an entry with this name exists.
    func contains(_ name: String) -> Bool { entries[name] != nil }

    var names: [String] { entries.keys.sorted() }

    /// A part's bytes, nil when there is no such part.
    func read(_ name: String, limit: Int? = nil) throws(DocumentError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let limit = UInt64(limit ?? limits.partSize)
        let tooLarge = DocumentError(.hostile, file: file, problem: Localized(
            sv: "delen \(Sanitizer.visible(name)) packas upp till mer än \(limit / 1024 / 1024) MB och läses inte",
            en: "the part \(Sanitizer.visible(name)) unpacks to more than \(limit / 1024 / 1024) MB and is not read"))
        guard entry.uncompressedSize <= limit else { throw tooLarge }
        if entry.uncompressedSize > limits.ratioFloor, entry.uncompressedSize / max(1, entry.compressedSize) > limits.ratio {
            throw SafeZip.bomb(file)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(min(entry.uncompressedSize, limit)))
        // Counted while streaming: a part may unpack to no more than its header declares.
        let declared = entry.uncompressedSize
        var exceeded = false
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                if UInt64(bytes.count + chunk.count) > declared {
                    exceeded = true
                    throw Archive.ArchiveError.cancelledOperation
                }
                bytes.append(contentsOf: chunk)
            }
        } catch {
            if exceeded {
                throw DocumentError(.hostile, file: file, problem: Localized(
                    sv: "delen \(Sanitizer.visible(name)) packas upp till mer än dess rubrik säger (\(declared) byte); filen är manipulerad och läses inte",
                    en: "the part \(Sanitizer.visible(name)) unpacks to more than its header says (\(declared) bytes); the file has been tampered with and is not read"))
            }
            throw DocumentError(.damaged, file: file, problem: Localized(
                sv: "delen \(Sanitizer.visible(name)) är trasig och kan inte packas upp", en: "the part \(Sanitizer.visible(name)) is damaged and cannot be unpacked"))
        }
        guard checksum == entry.checksum, UInt64(bytes.count) == entry.uncompressedSize else {
            throw DocumentError(.damaged, file: file, problem: Localized(
                sv: "delen \(Sanitizer.visible(name)) är trasig (kontrollsumma eller storlek stämmer inte)",
                en: "the part \(Sanitizer.visible(name)) is damaged (checksum or size does not match)"))
        }
        return bytes
    }

    /// Entry names that stay inside the container.
    static func isSafe(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.hasPrefix("\\") { return false }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { return false }
        let parts = name.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "\\" })
        if parts.contains(where: { $0 == ".." }) { return false }
        if let first = parts.first, first.count == 2, first.last == ":" { return false }  // C:
        return true
    }

    /// The first 8 and the last 66 000 bytes of the file.
    private static func headAndTail(_ path: String, size: Int) throws(DocumentError) -> ([UInt8], [UInt8]) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DocumentError(.unreadable, file: path, problem: Localized(sv: "filen kan inte öppnas", en: "the file cannot be opened"))
        }
        defer { try? handle.close() }
        do {
            let head = [UInt8](try handle.read(upToCount: 8) ?? Data())
            let tailLength = min(size, 65_557)
            try handle.seek(toOffset: UInt64(size - tailLength))
            let tail = [UInt8](try handle.read(upToCount: tailLength) ?? Data())
            return (head, tail)
        } catch {
            throw DocumentError(.unreadable, file: path, problem: Localized(sv: "filen kan inte läsas", en: "the file cannot be read"))
        }
    }

    /// Refuses what is plainly not a zip container, saying what it is instead.
    private static func checkKind(_ head: [UInt8], file: String) throws(DocumentError) {
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return }
        let what: Localized
        if starts(Array("%PDF".utf8)) {
            what = Localized(sv: "filen är en PDF, inte ett Word-dokument (.docx); öppna originalet i Word och spara som .docx",
                             en: "the file is a PDF, not a Word document (.docx); open the original in Word and save it as .docx")
        } else if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            what = Localized(sv: "filen är i Words gamla format (.doc) eller lösenordsskyddad; spara den som .docx utan lösenord",
                             en: "the file is in Word's old format (.doc) or password-protected; save it as .docx without a password")
        } else if starts(Array("{\\rtf".utf8)) {
            what = Localized(sv: "filen är RTF, inte .docx; spara den som .docx i Word", en: "the file is RTF, not .docx; save it as .docx in Word")
        } else if head.isEmpty {
            what = Localized(sv: "filen är tom", en: "the file is empty")
        } else {
            what = Localized(sv: "filen är inget Word-dokument (.docx är en zip-behållare; den här är något annat)",
                             en: "the file is not a Word document (a .docx is a zip container; this is something else)")
        }
        throw DocumentError(.wrongFormat, file: file, problem: what)
    }

    /// Whether the end-of-central-directory signature is in the last bytes.
    private static func hasEndRecord(_ tail: [UInt8]) -> Bool {
        guard tail.count >= 22 else { return false }
        var i = tail.count - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 { return true }
            i -= 1
        }
        return false
    }
}
