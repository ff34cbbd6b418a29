import FeedbackModel
import Foundation
import Testing
import TestSupport
import ZIPFoundation
@testable import FeedbackDocuments

/// The .docx as printed: columns wide enough for their longest words, wide tables on
/// landscape pages, space after bullet lists, the identification line and page number in the
/// footer of every page (also inside a region's template footer).
@Suite struct PrintedDocxTests {
    let form = DocumentDrafts.form

    /// A conservative width in twips of a word at a type size in half-points: 0.55 em a
    /// character (narrower than any sans serif's average for Swedish words) plus the cell's
    /// padding, independent of the writer's own table of glyph widths.
    func conservativeWidth(_ word: String, halfPoints: Int) -> Int {
        word.unicodeScalars.count * halfPoints * 10 * 55 / 100 + 170
    }

    /// A report-like table: every committee of the form with a long reason and eight amounts.
    func committeeTable(columns amountColumns: Int = 8) -> Table {
        let columns = [TableColumn("Nämnd"), TableColumn("Status"), TableColumn("Mottagen")]
            + (0..<amountColumns).map { TableColumn("Utgift \(2028 + $0)", alignment: .end) }
        let rows = form.committees.enumerated().map { n, committee in
            [committee.name(.sv), n.isMultiple(of: 2) ? "beslutad" : "klar för beslut", "2027-04-1\(n % 10) 10:2\(n % 10)"]
                + (0..<amountColumns).map { DocumentLabels.amount(1_234_567 * ($0 + 1) + n) }
        }
        return Table(caption: "Investeringar per nämnd", columns: columns, rows: rows, firstColumnIsHeader: true)
    }

    func committeeDocument(pages: Int = 3) -> Document {
        var blocks: [Block] = [.title("Sammanställning"), .heading(level: 1, text: "Investeringar")]
        for page in 0..<pages {
            blocks.append(.paragraph([Run(String(repeating: "Nämndernas svar i sammandrag, sida för sida. ", count: 60))]))
            blocks.append(.bulletList([[Run("första punkten \(page)")], [Run("andra punkten \(page)")]]))
            blocks.append(.table(committeeTable()))
        }
        blocks.append(.footer("Dokument-id round-2027 · revision 4 · innehållets SHA-256 " + String(repeating: "ab12", count: 16)))
        return Document(properties: DocumentProperties(title: "Sammanställning", language: .swedish), blocks: blocks)
    }

    func tables(of document: Document) -> [Table] {
        document.blocks.compactMap { if case .table(let table) = $0 { return table } else { return nil } }
    }

    func longestWord(_ texts: [String]) -> String {
        texts.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) }.map(String.init)
            .max { $0.unicodeScalars.count < $1.unicodeScalars.count } ?? ""
    }

    @Test func everyColumnIsAtLeastAsWideAsItsLongestWord() throws {
        let committee = CommitteeDocument.make(draft: try DocumentDrafts.rich(), form: form, language: .sv)
        let body = DocxBody(styles: .own, language: "sv-SE")
        for table in tables(of: committee) + [committeeTable(), committeeTable(columns: 3)] {
            let layout = body.layout(table)
            let available = layout.landscape ? OOXML.landscapeTextWidth : OOXML.textWidth
            #expect(layout.widths.reduce(0, +) <= available, "\(table.caption) fits the page")
            for (i, column) in table.columns.enumerated() {
                let word = longestWord([column.header] + table.rows.map { i < $0.count ? $0[i] : "" })
                #expect(layout.widths[i] >= conservativeWidth(word, halfPoints: layout.fontHalfPoints),
                        "\(table.caption): column \(column.header) is \(layout.widths[i]) twips for \"\(word)\" at \(layout.fontHalfPoints) half-points")
            }
        }
    }

    @Test func aTableTooWideForPortraitGetsSmallerTypeOrALandscapePage() throws {
        let body = DocxBody(styles: .own, language: "sv-SE")
        let narrow = body.layout(committeeTable(columns: 2))
        #expect(!narrow.landscape && narrow.fontHalfPoints == 18)
        let wide = body.layout(committeeTable(columns: 8))
        #expect(wide.landscape || wide.fontHalfPoints < 18)
        let widest = body.layout(committeeTable(columns: 10))
        #expect(widest.landscape)

        let xml = try documentXML(DocxWriter().write(committeeDocument(pages: 1)))
        // A landscape section for the table, then portrait pages again (the body's last sectPr).
        #expect(xml.contains("w:orient=\"landscape\""))
        let last = try #require(xml.range(of: "<w:sectPr>", options: .backwards))
        #expect(xml[last.lowerBound...].contains("w:w=\"\(OOXML.pageWidth)\" w:h=\"\(OOXML.pageHeight)\""))
    }

    @Test func theLastBulletHasANormalParagraphsSpaceAfterIt() throws {
        let bytes = try DocumentRenderer.render(try DocumentDrafts.rich(), form: form, format: .docx, language: .sv)
        let xml = try documentXML(bytes)
        let paragraphs = xml.components(separatedBy: "<w:p>")
        let last = try #require(paragraphs.first { $0.contains("#1 prioritet: ekonomi i balans") })
        #expect(last.contains("<w:spacing w:after=\"\(DocxBody.spaceAfterList)\"/>"))
        let first = try #require(paragraphs.first { $0.contains("Tillgänglighet i hela länet") })
        #expect(!first.contains("<w:spacing"))
    }

    @Test func theFooterOfEveryPageCarriesTheIdentificationAndThePageNumber() throws {
        let draft = try DocumentDrafts.rich()
        let hash = Exporter(form: form).contentHash(of: draft)
        let plain = try parts(DocumentRenderer.render(draft, form: form, format: .docx, language: .sv))
        let footer = try #require(plain["word/feedback-footer.xml"])
        #expect(footer.contains(hash) && footer.contains(draft.documentID))
        #expect(footer.contains("w:instr=\" PAGE \"") && footer.contains("w:instr=\" NUMPAGES \""))
        #expect(footer.contains(">sida <") || footer.contains("sida </w:t>"))

        // The template has a footer of its own: ours is added to it, not put in its place.
        let template = try DocxTemplate.read(path: Tools.fixtures + "/template-region.docx")
        let merged = try parts(DocumentRenderer.render(draft, form: form, format: .docx, language: .sv, template: template))
        let footers = merged.filter { $0.value.contains("<w:ftr") || $0.value.contains(":ftr ") }
        #expect(!footers.isEmpty)
        #expect(merged["word/feedback-footer.xml"] == nil)
        for (path, xml) in footers {
            #expect(xml.contains(hash), "\(path)")
            #expect(xml.contains("NUMPAGES"), "\(path)")
        }
        #expect(footers.values.contains { $0.contains("Mallens sidfot") })
        // Still parses as XML with the template's own prefixes.
        for (path, xml) in footers { #expect((try? XMLElement.parse(Array(xml.utf8))) != nil, "\(path)") }
    }

    // MARK: Printed by LibreOffice, read by pdfplumber

    @Test(.enabled(if: Tools.libreOfficeAndPdfplumber, "LibreOffice or pdfplumber (pip install pdfplumber) is not installed"))
    func libreOfficePrintsWholeHeadersAndNamesAndTheIdentificationOnEveryPage() throws {
        let folder = TemporaryFolder()
        let draft = try DocumentDrafts.rich()
        let hash = Exporter(form: form).contentHash(of: draft)
        let template = try DocxTemplate.read(path: Tools.fixtures + "/template-region.docx")
        let document = CommitteeDocument.make(draft: draft, form: form, language: .sv)
        for (name, template) in [("plain.docx", DocxTemplate?.none), ("template.docx", template)] {
            let path = try DocumentDrafts.write(draft, .docx, template: template, to: folder, name: name)
            let pages = try Tools.printedPages(of: path, in: folder)
            try checkPrinted(pages, tables: tables(of: document), names: [form.committee(id: draft.committeeID(in: form) ?? "")?.name(.sv) ?? ""],
                             identification: [draft.documentID, hash], file: name)
            if template != nil { #expect(pages.allSatisfy { $0.text.contains("Mallens sidfot") }, "the template's footer on every page") }
        }
    }

    @Test(.enabled(if: Tools.libreOfficeAndPdfplumber, "LibreOffice or pdfplumber (pip install pdfplumber) is not installed"))
    func libreOfficePrintsAWideTableOfEveryCommitteeWithNoWordBroken() throws {
        let folder = TemporaryFolder()
        let document = committeeDocument(pages: 3)
        let path = folder.file("wide.docx")
        try folder.write(bytes: try DocxWriter().write(document), "wide.docx")
        let pages = try Tools.printedPages(of: path, in: folder)
        #expect(pages.count >= 3)
        #expect(pages.contains { $0.width > $0.height }, "a landscape page for the wide table")
        try checkPrinted(pages, tables: tables(of: document), names: form.committees.map { $0.name(.sv) },
                         identification: ["round-2027", String(repeating: "ab12", count: 16)], file: "wide.docx")
    }

    func checkPrinted(_ pages: [Tools.PrintedPage], tables: [Table], names: [String], identification: [String], file: String) throws {
        let words = Set(pages.flatMap { $0.words.map { $0.text.trimmingCharacters(in: CharacterSet(charactersIn: ",.:;()")) } })
        for table in tables {
            for column in table.columns {
                for word in column.header.split(separator: " ") {
                    #expect(words.contains(String(word)), "\(file): header word \"\(word)\" of \(table.caption) whole")
                }
            }
        }
        for name in names where !name.isEmpty {
            for word in name.split(separator: " ") { #expect(words.contains(String(word)), "\(file): \"\(word)\" of \(name) whole") }
        }
        for (n, page) in pages.enumerated() {
            for part in identification { #expect(page.text.contains(part), "\(file): page \(n + 1) names \(part)") }
            #expect(page.text.contains("sida \(n + 1) av \(pages.count)"), "\(file): page \(n + 1) says sida \(n + 1) av \(pages.count)")
            for word in page.words { #expect(word.x1 <= page.width + 0.5, "\(file): \"\(word.text)\" past the edge of page \(n + 1)") }
        }
    }

    // MARK: Reading the package

    func parts(_ bytes: [UInt8]) throws -> [String: String] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive where entry.path.hasSuffix(".xml") {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return out
    }

    func documentXML(_ bytes: [UInt8]) throws -> String {
        try #require(try parts(bytes)["word/document.xml"])
    }
}
