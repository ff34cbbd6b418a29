import FeedbackModel

/// Reads a Word document (.docx) into paragraphs and tables: the package through `SafeZip`
/// (bounded, nothing written), every XML part checked for DTDs before parsing, styles and
/// numbering to tell headings, bullets and numbered paragraphs, and the body as a stream.
enum DocxReader {
    static let comments = OOXML.Relationship.base + "comments"

    static func read(path: String) throws(DocumentError) -> SourceDocument {
        let package = try WordPackage.open(path)
        var styles = WordStyles()
        if let (part, bytes) = try package.part(ofType: OOXML.Relationship.styles, limit: 16 << 20) {
            styles = WordStyles(try package.tree(bytes, part: part))
        }
        var numbering = WordNumbering()
        if let (part, bytes) = try package.part(ofType: OOXML.Relationship.numbering, limit: 16 << 20) {
            numbering = WordNumbering(try package.tree(bytes, part: part))
        }
        var commentCount = 0
        if let (part, bytes) = try package.part(ofType: comments, limit: 16 << 20) {
            commentCount = try package.tree(bytes, part: part).elements("comment", OOXML.w).count
        }
        guard let body = try package.zip.read(package.mainPart) else { throw WordPackage.notWord(path) }
        if XMLReader.declaresDTD(body) { throw WordPackage.dtd(part: package.mainPart, file: path) }
        var reader = DocxBodyReader(styles: styles, numbering: numbering)
        do {
            try XMLReader.read(body) { reader.handle($0) }
        } catch let failure as XMLReader.Failure {
            throw WordPackage.xmlError(failure, part: package.mainPart, file: path)
        } catch {
            throw DocumentError(.damaged, file: path, problem: Localized(sv: "dokumentet kan inte läsas", en: "the document cannot be read"))
        }
        var document = reader.finishDocument(commentsInPart: commentCount)
        // Footnotes and endnotes are not part of any heading's text, but they are the
        // committee's words: they are reported as unplaced text, never dropped.
        for type in [footnotes, endnotes] {
            guard let (part, bytes) = try package.part(ofType: type, limit: 16 << 20) else { continue }
            if XMLReader.declaresDTD(bytes) { throw WordPackage.dtd(part: part, file: path) }
            var notesReader = DocxBodyReader(styles: styles, numbering: numbering)
            do {
                try XMLReader.read(bytes) { notesReader.handle($0) }
            } catch let failure as XMLReader.Failure {
                throw WordPackage.xmlError(failure, part: part, file: path)
            } catch {
                throw DocumentError(.damaged, file: path, problem: Localized(sv: "delen \(part) kan inte läsas", en: "the part \(part) cannot be read"))
            }
            let notes = notesReader.finishDocument(commentsInPart: 0)
            for case .paragraph(var paragraph) in notes.blocks where !paragraph.text.trimmingWhitespace.isEmpty {
                paragraph.kind = .note
                document.blocks.append(.paragraph(paragraph))
            }
            document.notes.softHyphens += notes.notes.softHyphens
            document.notes.zeroWidth += notes.notes.zeroWidth
        }
        return document
    }

    static let footnotes = OOXML.Relationship.base + "footnotes"
    static let endnotes = OOXML.Relationship.base + "endnotes"
}
