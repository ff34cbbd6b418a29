import FeedbackModel

/// A Word document's package: the main part and the parts it refers to, found through the
/// package relationships (not by guessing names), each read through `SafeZip`.
struct WordPackage {
    /// A relationship of the main part.
    struct Relationship: Sendable {
        var id: String
        var type: String
        /// The target's path inside the package (internal targets), or the external target.
        var target: String
        var external: Bool
    }

    let zip: SafeZip
    /// E.g. "word/document.xml".
    let mainPart: String
    let relationships: [Relationship]

    static func open(_ path: String) throws(DocumentError) -> WordPackage {
        let zip = try SafeZip.open(path)
        guard let rootRels = try zip.read("_rels/.rels", limit: 1 << 20) else {
            throw notWord(path)
        }
        let root = try parse(rootRels, part: "_rels/.rels", file: path)
        guard let main = relationships(root, base: "").first(where: { $0.type == OOXML.Relationship.officeDocument || $0.type.hasSuffix("/officeDocument") }),
              !main.external, zip.contains(main.target) else {
            throw notWord(path)
        }
        var rels: [Relationship] = []
        if let bytes = try zip.read(relationshipsPath(of: main.target), limit: 4 << 20) {
            rels = relationships(try parse(bytes, part: relationshipsPath(of: main.target), file: path), base: directory(of: main.target))
        }
        return WordPackage(zip: zip, mainPart: main.target, relationships: rels)
    }

    static func notWord(_ path: String) -> DocumentError {
        DocumentError(.wrongFormat, file: path, problem: Localized(
            sv: "zip-filen är inget Word-dokument (inget huvuddokument i paketet)", en: "the zip file is not a Word document (no main document in the package)"))
    }

    /// The bytes of the part a relationship of this type points to.
    func part(ofType type: String, limit: Int? = nil) throws(DocumentError) -> (path: String, bytes: [UInt8])? {
        guard let rel = relationships.first(where: { $0.type == type && !$0.external }),
              let bytes = try zip.read(rel.target, limit: limit) else { return nil }
        return (rel.target, bytes)
    }

    /// A part parsed as a tree, with XML problems reported as the package's.
    func tree(_ bytes: [UInt8], part: String) throws(DocumentError) -> XMLElement {
        try WordPackage.parse(bytes, part: part, file: zip.file)
    }

    static func parse(_ bytes: [UInt8], part: String, file: String) throws(DocumentError) -> XMLElement {
        if XMLReader.declaresDTD(bytes) { throw dtd(part: part, file: file) }
        do {
            return try XMLElement.parse(bytes)
        } catch let failure as XMLReader.Failure {
            throw xmlError(failure, part: part, file: file)
        } catch {
            throw DocumentError(.damaged, file: file, problem: Localized(sv: "delen \(part) kan inte läsas", en: "the part \(part) cannot be read"))
        }
    }

    static func dtd(part: String, file: String) -> DocumentError {
        DocumentError(.hostile, file: file, problem: Localized(
            sv: "delen \(Sanitizer.visible(part)) innehåller en DTD eller entitetsdeklaration (<!DOCTYPE/<!ENTITY); ett Word-dokument behöver aldrig någon och filen läses inte",
            en: "the part \(Sanitizer.visible(part)) contains a DTD or entity declaration (<!DOCTYPE/<!ENTITY); a Word document never needs one and the file is not read"))
    }

    static func xmlError(_ failure: XMLReader.Failure, part: String, file: String) -> DocumentError {
        DocumentError(failure.kind == .hostile ? .hostile : .damaged, file: file, problem: Localized(
            sv: "delen \(Sanitizer.visible(part)) är inte giltig XML (byte \(failure.offset)): \(failure.detail.sv)",
            en: "the part \(Sanitizer.visible(part)) is not well-formed XML (byte \(failure.offset)): \(failure.detail.en)"))
    }

    static func relationships(_ root: XMLElement, base: String) -> [Relationship] {
        root.elements("Relationship", OOXML.packageRelationships).compactMap { element in
            guard let id = element.attribute("Id"), let type = element.attribute("Type"), let target = element.attribute("Target") else { return nil }
            let external = element.attribute("TargetMode") == "External"
            return Relationship(id: id, type: type, target: external ? target : resolve(target, base: base), external: external)
        }
    }

    /// "word/_rels/document.xml.rels" for "word/document.xml".
    static func relationshipsPath(of part: String) -> String {
        let dir = directory(of: part)
        let name = part.split(separator: "/").last.map(String.init) ?? part
        return (dir.isEmpty ? "" : dir + "/") + "_rels/" + name + ".rels"
    }

    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// A relationship target made a package path: relative to `base`, "/x" from the root,
    /// "." and ".." applied (climbing above the root stays at the root).
    static func resolve(_ target: String, base: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : base.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == "." || piece.isEmpty { continue }
            if piece == ".." { _ = parts.popLast(); continue }
            parts.append(piece)
        }
        return parts.joined(separator: "/")
    }
}
