import FeedbackModel

/// A region's own Word template (.docx or .dotx), used as pandoc uses a reference document:
/// its styles, numbering, theme and fonts, its page setup and its headers and footers are
/// taken; its body text is not. Read with the same limits as any imported document.
public struct DocxTemplate: Sendable {
    /// The file it was read from.
    public let source: String
    /// The template's parts, serialised back to bytes when a document is written.
    let styles: XMLElement?
    let numbering: XMLElement?
    let theme: (path: String, bytes: [UInt8])?
    let fontTable: (path: String, bytes: [UInt8])?
    /// The page setup of the template's last section, with its header and footer references.
    let sectionProperties: XMLElement?
    /// Header and footer parts and what they refer to (images), by package path.
    let copiedParts: [CopiedPart]
    /// The template's main-part relationships that the section properties refer to.
    let sectionRelationships: [String: WordPackage.Relationship]

    struct CopiedPart: Sendable {
        var path: String
        var bytes: [UInt8]
        /// The content type (Override) or nil when the extension's Default covers it.
        var contentType: String?
    }

    /// Reads a template, refusing hostile or broken files like any import.
    public static func read(path: String) throws(DocumentError) -> DocxTemplate {
        // A template another user could have planted or may change is not used.
        if let problem = Ownership.problem(path, naming: false) { throw DocumentError(.hostile, file: path, problem: problem) }
        let package = try WordPackage.open(path)
        var styles: XMLElement?
        if let (part, bytes) = try package.part(ofType: OOXML.Relationship.styles, limit: 16 << 20) {
            styles = try package.tree(bytes, part: part)
        }
        var numbering: XMLElement?
        if let (part, bytes) = try package.part(ofType: OOXML.Relationship.numbering, limit: 16 << 20) {
            numbering = try package.tree(bytes, part: part)
        }
        let theme = try package.part(ofType: OOXML.Relationship.theme, limit: 16 << 20)
        let fontTable = try package.part(ofType: OOXML.Relationship.fontTable, limit: 16 << 20)
        var sectPr: XMLElement?
        var copied: [CopiedPart] = []
        var sectionRels: [String: WordPackage.Relationship] = [:]
        if let body = try package.zip.read(package.mainPart, limit: 16 << 20) {
            let document = try package.tree(body, part: package.mainPart)
            sectPr = document.first("body", OOXML.w)?.first("sectPr", OOXML.w)
            if let sectPr {
                for reference in sectPr.elements where reference.namespace == OOXML.w
                    && (reference.localName == "headerReference" || reference.localName == "footerReference") {
                    guard let id = reference.attribute("id", OOXML.r),
                          let rel = package.relationships.first(where: { $0.id == id && !$0.external }),
                          rel.target.hasPrefix("word/"), sectionRels[id] == nil,
                          let bytes = try package.zip.read(rel.target, limit: 16 << 20) else { continue }
                    if XMLReader.declaresDTD(bytes) { throw WordPackage.dtd(part: rel.target, file: path) }
                    sectionRels[id] = rel
                    let type = reference.localName == "headerReference" ? OOXML.ContentType.header : OOXML.ContentType.footer
                    copied.append(CopiedPart(path: rel.target, bytes: bytes, contentType: type))
                    copied += try media(of: rel.target, package: package, file: path)
                }
            }
        }
        return DocxTemplate(source: path, styles: styles, numbering: numbering, theme: theme, fontTable: fontTable,
                            sectionProperties: sectPr, copiedParts: deduplicated(copied), sectionRelationships: sectionRels)
    }

    /// A header's or footer's relationships file and the images it points to.
    private static func media(of part: String, package: WordPackage, file: String) throws(DocumentError) -> [CopiedPart] {
        let relsPath = WordPackage.relationshipsPath(of: part)
        guard let relsBytes = try package.zip.read(relsPath, limit: 1 << 20) else { return [] }
        let rels = WordPackage.relationships(try package.tree(relsBytes, part: relsPath), base: WordPackage.directory(of: part))
        var parts = [CopiedPart(path: relsPath, bytes: relsBytes, contentType: nil)]
        for rel in rels where !rel.external && rel.target.hasPrefix("word/") {
            guard let bytes = try package.zip.read(rel.target, limit: 16 << 20) else { continue }
            let ext = rel.target.split(separator: ".").last.map { $0.lowercased() } ?? ""
            guard OOXML.ContentType.media[ext] != nil else { continue }
            parts.append(CopiedPart(path: rel.target, bytes: bytes, contentType: nil))
        }
        return parts
    }

    private static func deduplicated(_ parts: [CopiedPart]) -> [CopiedPart] {
        var seen = Set<String>()
        return parts.filter { seen.insert($0.path).inserted }
    }

    /// Whether the template's page setup brings a footer of its own.
    var hasFooter: Bool {
        sectionProperties?.elements.contains { $0.localName == "footerReference" && $0.namespace == OOXML.w
            && sectionRelationships[$0.attribute("id", OOXML.r) ?? ""] != nil } ?? false
    }
}
