import FeedbackModel
import Foundation
import Testing
import TestSupport
import ZIPFoundation
@testable import FeedbackDocuments

/// Files made to hurt a reader: each is refused with a clear error naming the file, within
/// bounded memory, and nothing is written.
@Suite struct HostileInputTests {
    let form = DocumentDrafts.form

    /// A real .docx (our render of the sample) with parts replaced or added.
    static func docx(replacing parts: [String: [UInt8]] = [:], adding extra: [(String, [UInt8])] = [], in folder: TemporaryFolder,
                     name: String = "hostile.docx") throws -> String {
        let original = try DocumentRenderer.render(try DocumentDrafts.sample(), form: DocumentDrafts.form, format: .docx, language: .sv)
        let source = try Archive(data: Data(original), accessMode: .read)
        let target = try Archive(accessMode: .create)
        for entry in source {
            var data = Data()
            _ = try source.extract(entry) { data.append($0) }
            if let replacement = parts[entry.path] { data = Data(replacement) }
            try add(entry.path, data, to: target)
        }
        for (path, bytes) in extra { try add(path, Data(bytes), to: target) }
        let path = folder.file(name)
        try target.data?.write(to: URL(fileURLWithPath: path))
        return path
    }

    static func add(_ path: String, _ data: Data, to archive: Archive) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// A zip entry of `size` bytes of one repeated byte (deflates a thousandfold), streamed.
    static func bomb(_ path: String, size: Int64, to archive: Archive, byte: UInt8 = 0x20) throws {
        let chunk = Data(repeating: byte, count: 1 << 20)
        try archive.addEntry(with: path, type: .file, uncompressedSize: size, compressionMethod: .deflate, bufferSize: 1 << 20) { _, length in
            chunk.prefix(length)
        }
    }

    func refuse(_ path: String, _ kind: DocumentError.Kind, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try DocumentImporter(form: form).importDocument(at: path, into: Draft.new(form: form, committee: "hsn", documentID: "x", now: SampleDrafts.now))
            Issue.record("\(path) was read", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == kind, "\(error.message(.en))", sourceLocation: sourceLocation)
            #expect(error.file == path, sourceLocation: sourceLocation)
            #expect(error.message(.en).contains(text), "\(error.message(.en))", sourceLocation: sourceLocation)
            #expect(error.message(.en).hasPrefix(path + ": "), sourceLocation: sourceLocation)
        }
    }

    // MARK: - The container

    @Test func zipBombIsRefusedByItsDeclaredSize() throws {
        let folder = TemporaryFolder()
        let archive = try Archive(accessMode: .create)
        try Self.add("[Content_Types].xml", Data("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8), to: archive)
        try Self.add("_rels/.rels", Data(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>").utf8), to: archive)
        try Self.bomb("word/document.xml", size: 100 << 20, to: archive)
        try archive.data?.write(to: URL(fileURLWithPath: folder.file("bomb.docx")))
        #expect(try FileManager.default.attributesOfItem(atPath: folder.file("bomb.docx"))[.size] as? Int ?? 0 < 1 << 20)
        refuse(folder.file("bomb.docx"), .hostile, "unpacks to more than 24 MB")
    }

    @Test func manyDeclaredGigabytesAreRefusedAtOnce() throws {
        let folder = TemporaryFolder()
        // Six entries whose headers each declare 200 MB.
        try folder.write(bytes: StoredZip.make((0..<6).map { ("word/media/big\($0).bin", []) }, declaredSize: 200 << 20), "gigabytes.docx")
        refuse(folder.file("gigabytes.docx"), .hostile, "zip bomb")
    }

    @Test func aHeaderThatUnderstatesTheSizeIsCaughtWhileStreaming() throws {
        let folder = TemporaryFolder()
        let path = try Self.docx(in: folder)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // Make document.xml's central directory and local header claim 100 bytes.
        let name = Array("word/document.xml".utf8)
        var patched = 0
        for i in 0..<(bytes.count - 46) where bytes[i] == 0x50 && bytes[i + 1] == 0x4B {
            if bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02, Array(bytes[(i + 46)..<min(bytes.count, i + 46 + name.count)]) == name {
                bytes.replaceSubrange((i + 24)..<(i + 28), with: [100, 0, 0, 0])
                patched += 1
            } else if bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04, Array(bytes[(i + 30)..<min(bytes.count, i + 30 + name.count)]) == name {
                bytes.replaceSubrange((i + 22)..<(i + 26), with: [100, 0, 0, 0])
                patched += 1
            }
        }
        #expect(patched == 2)
        try folder.write(bytes: bytes, "understated.docx")
        refuse(folder.file("understated.docx"), .hostile, "unpacks to more than its header says")
    }

    @Test func entryNamesThatClimbOutAreRefused() throws {
        let folder = TemporaryFolder()
        for (n, name) in ["../../etc/cron.d/evil", "/etc/passwd", "word/../../outside.xml", "C:/Windows/evil.dll", "..\\..\\evil.txt"].enumerated() {
            let path = try Self.docx(adding: [(name, Array("x".utf8))], in: folder, name: "climb\(n).docx")
            refuse(path, .hostile, "points outside the container")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { $0.hasPrefix("climb") })
    }

    @Test func tooManyEntriesAreRefused() throws {
        let folder = TemporaryFolder()
        // Written by hand: adding 10 001 entries one by one through ZIPFoundation rewrites its
        // central directory every time.
        try folder.write(bytes: StoredZip.make((0..<10_001).map { ("word/x\($0).xml", []) }), "many.docx")
        refuse(folder.file("many.docx"), .hostile, "more than 10000 entries")
    }

    @Test func aHugeFileIsRefusedBeforeReading() throws {
        let folder = TemporaryFolder()
        let path = folder.file("huge.docx")
        FileManager.default.createFile(atPath: path, contents: Data([0x50, 0x4B, 0x03, 0x04]))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 200 << 20)  // 200 MB, sparse
        try handle.close()
        refuse(path, .tooLarge, "the file is 200 MB; files over 100 MB are not read")
    }

    @Test func aPDFRenamedDocxSaysItIsAPDF() throws {
        let folder = TemporaryFolder()
        try folder.write("report.docx", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
        refuse(folder.file("report.docx"), .wrongFormat, "the file is a PDF, not a Word document")
        try folder.write(bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512), "old.docx")
        refuse(folder.file("old.docx"), .wrongFormat, "Word's old format (.doc) or password-protected")
        try folder.write("text.docx", "Bara text.")
        refuse(folder.file("text.docx"), .wrongFormat, "not a Word document")
        try folder.write("empty.docx", "")
        refuse(folder.file("empty.docx"), .wrongFormat, "the file is empty")
    }

    @Test func aTruncatedDocxIsDamaged() throws {
        let folder = TemporaryFolder()
        let path = try Self.docx(in: folder)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        try folder.write(bytes: [UInt8](bytes.prefix(bytes.count / 2)), "half.docx")
        refuse(folder.file("half.docx"), .damaged, "damaged or truncated")
    }

    @Test func aMissingFileIsUnreadable() {
        refuse("/nonexistent/folder/x.docx", .unreadable, "cannot be read")
    }

    // MARK: - The XML

    static let billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        ]>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>
        """

    static let externalEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
        """

    @Test func billionLaughsAndExternalEntitiesAreRefusedBeforeParsing() throws {
        let folder = TemporaryFolder()
        for (name, xml) in [("laughs.docx", Self.billionLaughs), ("xxe.docx", Self.externalEntity)] {
            let path = try Self.docx(replacing: ["word/document.xml": Array(xml.utf8)], in: folder, name: name)
            refuse(path, .hostile, "contains a DTD or entity declaration")
        }
        // In any part, not only the body.
        let styles = try Self.docx(replacing: ["word/styles.xml": Array(Self.externalEntity.utf8)], in: folder, name: "styles.docx")
        refuse(styles, .hostile, "word/styles.xml contains a DTD")
        // And as a template.
        do {
            _ = try DocxTemplate.read(path: styles)
            Issue.record("a template with a DTD was read")
        } catch {
            #expect(error.kind == .hostile)
        }
    }

    @Test func undefinedEntitiesAndDeepNestingAreRefused() throws {
        let folder = TemporaryFolder()
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        let entity = "<w:document \(w)><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"
        refuse(try Self.docx(replacing: ["word/document.xml": Array(entity.utf8)], in: folder, name: "entity.docx"), .hostile, "unknown entity &secret;")
        let deep = "<w:document \(w)><w:body>" + String(repeating: "<w:sdt><w:sdtContent>", count: 50_000) + "</w:body></w:document>"
        refuse(try Self.docx(replacing: ["word/document.xml": Array(deep.utf8)], in: folder, name: "deep.docx"), .hostile, "nested deeper than 512 levels")
        let broken = "<w:document \(w)><w:body><w:p></w:body></w:document>"
        refuse(try Self.docx(replacing: ["word/document.xml": Array(broken.utf8)], in: folder, name: "broken.docx"), .damaged, "does not match")
    }

    @Test func markdownThatIsNotTextIsRefused() throws {
        let folder = TemporaryFolder()
        try folder.write(bytes: [0x50, 0x4B, 0x03, 0x04, 0, 0], "zip.md")
        refuse(folder.file("zip.md"), .wrongFormat, "not a text (Markdown) file")
        try folder.write(bytes: [0x61, 0xFF, 0xFE, 0x62], "latin.md")
        refuse(folder.file("latin.md"), .wrongFormat, "not UTF-8")
        let path = folder.file("big.md")
        FileManager.default.createFile(atPath: path, contents: Data("# a\n".utf8))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 40 << 20)
        try handle.close()
        refuse(path, .tooLarge, "larger than 32 MB")
    }

    // MARK: - The command: exit 2, the file named, nothing written, bounded memory

    @Test(.enabled(if: Tools.gnuTime, "/usr/bin/time (GNU time) is not installed: peak memory cannot be measured"))
    func hostileFilesLeaveEverythingAsItWasWithinAHundredMegabytes() throws {
        let folder = TemporaryFolder()
        let inputs = TemporaryFolder()
        // The hostile files.
        let archive = try Archive(accessMode: .create)
        try Self.add("_rels/.rels", Data(("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>").utf8), to: archive)
        try Self.bomb("word/document.xml", size: 100 << 20, to: archive)
        try archive.data?.write(to: URL(fileURLWithPath: inputs.file("bomb.docx")))
        _ = try Self.docx(replacing: ["word/document.xml": Array(Self.billionLaughs.utf8)], in: inputs, name: "laughs.docx")
        _ = try Self.docx(replacing: ["word/document.xml": Array(Self.externalEntity.utf8)], in: inputs, name: "xxe.docx")
        _ = try Self.docx(adding: [("../../evil.sh", Array("rm -rf /".utf8))], in: inputs, name: "climb.docx")
        try inputs.write("pdf.docx", "%PDF-1.4\n%%EOF\n")
        FileManager.default.createFile(atPath: inputs.file("huge.docx"), contents: Data([0x50, 0x4B, 0x03, 0x04]))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: inputs.file("huge.docx")))
        try handle.truncate(atOffset: 200 << 20)
        try handle.close()

        // A draft to import into, and what the folder holds before.
        let draftPath = folder.file("hsn.json")
        try FileStore().save(DraftCodec.encode(try DocumentDrafts.sample(), form: form), to: draftPath)
        let before = try Data(contentsOf: URL(fileURLWithPath: draftPath))
        for name in ["bomb.docx", "laughs.docx", "xxe.docx", "climb.docx", "pdf.docx", "huge.docx"] {
            let input = inputs.file(name)
            for arguments in [["import", input, "--into", draftPath], ["import", input, "-o", folder.file("new.json")],
                              ["render", draftPath, "--template", input, "-o", folder.file("out.docx")]] {
                let result = try run("/usr/bin/time", ["-v", Paths.binary] + arguments, in: folder.path)
                #expect(result.status == 2, "\(name) \(arguments[0]): \(result.stderr)")
                #expect(result.stderr.contains(input + ":"), "\(name): \(result.stderr)")
                let peak = result.stderr.split(separator: "\n").first { $0.contains("Maximum resident set size") }
                    .flatMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") } ?? Int.max
                #expect(peak <= 100 * 1024, "\(name) \(arguments[0]): peak \(peak) kB")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: draftPath)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["hsn.json"])
        #expect(!FileManager.default.fileExists(atPath: inputs.path + "/../../evil.sh"))
    }
}

/// A zip of stored (uncompressed) entries, written byte by byte.
enum StoredZip {
    /// `declaredSize` replaces every entry's uncompressed size in the central directory.
    static func make(_ entries: [(String, [UInt8])], declaredSize: UInt32? = nil) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func u32(_ v: UInt32, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
        for (name, data) in entries {
            let nameBytes = Array(name.utf8)
            let crc = crc32(data)
            let offset = UInt32(out.count)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0x21, &out)
            u32(crc, &out); u32(UInt32(data.count), &out); u32(UInt32(data.count), &out); u16(nameBytes.count, &out); u16(0, &out)
            out += nameBytes + data
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0x21, &central)
            u32(crc, &central); u32(UInt32(data.count), &central); u32(declaredSize ?? UInt32(data.count), &central); u16(nameBytes.count, &central)
            u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central); u32(offset, &central)
            central += nameBytes
        }
        let start = UInt32(out.count)
        out += central
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(min(entries.count, 0xFFFF), &out); u16(min(entries.count, 0xFFFF), &out)
        u32(UInt32(central.count), &out); u32(start, &out); u16(0, &out)
        return out
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
