import FeedbackModel
import Foundation
import Testing
import TestSupport
@testable import FeedbackDocuments

/// Our documents read by other people's programs: python-docx, LibreOffice (to PDF, then
/// pdftotext), headless Chromium printing the HTML, markdown-it-py rendering the Markdown.
@Suite struct RealReaderTests {
    let form = DocumentDrafts.form

    struct Seen: Decodable {
        struct Paragraph: Decodable { var style: String; var text: String }
        struct Core: Decodable { var title: String?; var language: String?; var created: String?; var revision: Int?; var identifier: String? }
        struct Style: Decodable { var font: String?; var color: String?; var id: String? }
        struct Page: Decodable { var width: Int; var height: Int }
        var paragraphs: [Paragraph]
        var tables: [[[String]]]
        var header: String
        var footer: String
        var core: Core
        var languages: [String]
        var styles: [String: Style]
        var page: Page
    }

    func readWithPythonDocx(_ path: String) throws -> Seen {
        let json = try Tools.pythonScript("read_docx.py", [path])
        return try JSONDecoder().decode(Seen.self, from: Data(json.utf8))
    }

    @Test(.enabled(if: Tools.pythonDocx, "python-docx is not installed (pip install python-docx)"))
    func pythonDocxReadsHeadingsParagraphsBulletsAndTables() throws {
        let folder = TemporaryFolder()
        let draft = try DocumentDrafts.rich()
        let seen = try readWithPythonDocx(try DocumentDrafts.write(draft, .docx, to: folder))

        #expect(seen.paragraphs.first?.style == "Title")
        #expect(seen.paragraphs.first?.text == form.title.sv)
        #expect(seen.paragraphs.dropFirst().first?.style == "Subtitle")
        #expect(seen.paragraphs.dropFirst().first?.text == "Hälso- och sjukvårdsnämnden")
        // Each heading, then exactly its paragraphs and bullets (table headings aside).
        let headings = seen.paragraphs.enumerated().filter { $0.element.style == "Heading 1" }
        let expected = DocumentDrafts.expectedText(draft, language: .sv)
        #expect(headings.map(\.element.text) == expected.map(\.heading))
        for (n, (index, _)) in headings.enumerated() {
            let end = n + 1 < headings.count ? headings[n + 1].offset : seen.paragraphs.count
            let body = seen.paragraphs[(index + 1)..<end].filter { $0.style != "Heading 2" && $0.style != "Footer" }
                .prefix(while: { $0.style == "Normal" || $0.style == "List Bullet" })
            let items = expected[n].items
            #expect(body.map(\.text) == items.map(\.text), "heading \(n + 1)")
            #expect(body.map { $0.style == "List Bullet" ? "li" : "p" } == items.map(\.kind), "heading \(n + 1)")
        }
        // Metadata first, then risks, sensitivity, investments with the totals row.
        #expect(seen.tables.count == 4)
        #expect(seen.tables.first?.first == ["Nämnd", "Hälso- och sjukvårdsnämnden"])
        #expect(seen.tables.first?.contains(["Nämndens diarienummer", "HSN 2027/45"]) == true)
        #expect(Array(seen.tables.dropFirst()) == DocumentDrafts.expectedTables(draft, language: .sv))
        #expect(seen.tables.last?.last?.dropFirst(2).prefix(4).map { $0 } == (try DocumentDrafts.investmentTotals(draft)))

        #expect(seen.core.language == "sv-SE")
        #expect(seen.languages == ["sv-SE"])
        #expect(seen.core.title == "\(form.title.sv) – Hälso- och sjukvårdsnämnden")
        #expect(seen.core.revision == draft.revision)
        #expect(seen.core.identifier == draft.documentID)
        #expect(seen.core.created?.hasPrefix("2027-04-08T14:20:00") == true)  // the draft's last change
        #expect(seen.footer.contains(Exporter(form: form).contentHash(of: draft)))
        #expect(seen.page.width == 11906 * 635 && seen.page.height == 16838 * 635)  // A4, in EMU
    }

    @Test(.enabled(if: Tools.pythonDocx, "python-docx is not installed (pip install python-docx)"))
    func englishDocumentHasEnglishHeadingsAndLanguage() throws {
        let folder = TemporaryFolder()
        let draft = try DocumentDrafts.rich()
        let seen = try readWithPythonDocx(try DocumentDrafts.write(draft, .docx, language: .en, to: folder))
        #expect(seen.paragraphs.filter { $0.style == "Heading 1" }.map(\.text) == DocumentDrafts.expectedText(draft, language: .en).map(\.heading))
        #expect(seen.paragraphs.contains { $0.text == "Nothing reported" })
        #expect(seen.core.language == "en-GB")
        #expect(seen.languages == ["en-GB"])
        #expect(seen.tables.first?.first == ["Committee", "Health and Medical Care Committee"])
    }

    @Test(.enabled(if: Tools.libreOffice, "LibreOffice (libreoffice-writer-nogui) or pdftotext (poppler-utils) is not installed"))
    func libreOfficePrintsEveryHeadingAndTheTotals() throws {
        let folder = TemporaryFolder()
        let draft = try DocumentDrafts.rich()
        let text = try Tools.pdfText(of: try DocumentDrafts.write(draft, .docx, to: folder), in: folder)
        try checkPrinted(text, draft: draft)
    }

    @Test(.enabled(if: Tools.chromium, "Chromium (chromium) or pdftotext (poppler-utils) is not installed"))
    func chromiumPrintsEveryHeadingAndTheTotals() throws {
        let folder = TemporaryFolder()
        let draft = try DocumentDrafts.rich()
        let text = try Tools.pdfText(of: try DocumentDrafts.write(draft, .html, to: folder), in: folder)
        try checkPrinted(text, draft: draft)
    }

    func checkPrinted(_ printed: Tools.Printed, draft: Draft) throws {
        let text = printed.text
        #expect(text.contains(Tools.collapsed(form.title.sv)))
        for section in form.sections {
            #expect(text.contains(Tools.collapsed("\(section.number). \(section.title.sv)")), "heading \(section.number)")
        }
        let totals = try DocumentDrafts.investmentTotals(draft)
        #expect(totals.count == 4)
        // The totals row on one line, as printed.
        let totalsLine = "Summa " + totals.map(Tools.collapsed).joined(separator: " ")
        #expect(printed.lines.contains { $0.contains(totalsLine) }, "totals \(totalsLine) in \(printed.lines.filter { $0.contains("Summa") })")
        // No amount of the tables is broken over two lines.
        for table in DocumentDrafts.expectedTables(draft, language: .sv) {
            for cell in table.joined() where AmountFormat.parse(cell) != nil && cell.count > 3 {
                #expect(printed.lines.contains { $0.contains(Tools.collapsed(cell)) }, "amount \(cell)")
            }
        }
        #expect(text.contains("Inget att rapportera"))
        #expect(text.contains("Kompetens & bemanning"))
        #expect(text.contains(Exporter(form: form).contentHash(of: draft)))
    }

    @Test(.enabled(if: Tools.markdownIt, "markdown-it-py is not installed (pip install markdown-it-py)"))
    func markdownItSeesTheDraftsText() throws {
        struct Block: Decodable { var kind: String; var text: String?; var cells: [String]? }
        let folder = TemporaryFolder()
        let draft = try DocumentDrafts.rich()
        let json = try Tools.pythonScript("read_markdown.py", [try DocumentDrafts.write(draft, .md, to: folder)])
        let blocks = try JSONDecoder().decode([Block].self, from: Data(json.utf8))
        #expect(blocks.first?.kind == "h1" && blocks.first?.text == form.title.sv)
        let expected = DocumentDrafts.expectedText(draft, language: .sv)
        let headings = blocks.enumerated().filter { $0.element.kind == "h2" }
        #expect(headings.map { $0.element.text ?? "" } == expected.map(\.heading))
        for (n, (index, _)) in headings.enumerated() {
            let body = blocks[(index + 1)...].prefix { ($0.kind == "p" || $0.kind == "li") && !($0.text ?? "").hasPrefix("Dokument-id ") }
            #expect(body.map { $0.text ?? "" } == expected[n].items.map(\.text), "heading \(n + 1)")
            #expect(body.map(\.kind) == expected[n].items.map(\.kind), "heading \(n + 1)")
        }
        let rows = blocks.filter { $0.kind == "row" }.compactMap(\.cells)
        for table in DocumentDrafts.expectedTables(draft, language: .sv) {
            for row in table { #expect(rows.contains(row), "row \(row)") }
        }
    }

    @Test(.enabled(if: Tools.python("html"), "python3 is not installed"))
    func htmlPassesTheAccessibilityCheck() throws {
        let folder = TemporaryFolder()
        let path = try DocumentDrafts.write(try DocumentDrafts.rich(), .html, to: folder)
        #expect(try Tools.pythonScript("check_html.py", [path]).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        // The check itself finds what it looks for.
        try folder.write("bad.html", "<html><head><style>p { color: #999999; }</style></head><body><h1>a</h1><h1>b</h1><h4>c</h4><table><tr><th>x</th></tr></table><img src=\"x.png\"></body></html>")
        let problems = try Tools.pythonScript("check_html.py", [folder.file("bad.html")])
        for expected in ["no lang", "2 h1", "h4 after h1", "th without scope", "<img> present", "contrast"] {
            #expect(problems.contains(expected), "\(expected) in \(problems)")
        }
    }

    @Test(.enabled(if: Tools.pythonDocx, "python-docx is not installed (pip install python-docx)"))
    func templateStylesHeaderAndFooterAreUsed() throws {
        let folder = TemporaryFolder()
        let template = try DocxTemplate.read(path: Tools.fixtures + "/template-region.docx")
        let draft = try DocumentDrafts.rich()
        let path = try DocumentDrafts.write(draft, .docx, template: template, to: folder)
        let seen = try readWithPythonDocx(path)
        // The template's styles (by name; the template calls Heading 1 "Rubrik1").
        #expect(seen.styles["Heading 1"]?.id == "Rubrik1")
        #expect(seen.styles["Heading 1"]?.font == "Georgia")
        #expect(seen.styles["Heading 1"]?.color == "8B0000")
        #expect(seen.paragraphs.filter { $0.style == "Heading 1" }.count == 6)
        #expect(seen.paragraphs.filter { $0.style == "List Bullet" }.map(\.text) == ["Tillgänglighet i hela länet", "Kompetens & bemanning", "#1 prioritet: ekonomi i balans"])
        #expect(seen.header == "Region Västerbotten – mallens sidhuvud")
        // The template's footer, with our identification line and page number added to it.
        #expect(seen.footer.hasPrefix("Mallens sidfot\n"))
        #expect(seen.footer.contains(Exporter(form: form).contentHash(of: draft)))
        #expect(seen.footer.contains("sida"))
        #expect(!seen.paragraphs.contains { $0.text.contains("Mallens brödtext") })
        // Our footer line still closes the body.
        #expect(seen.paragraphs.last?.text.contains(Exporter(form: form).contentHash(of: draft)) == true)
        if Tools.libreOffice {
            let text = try Tools.pdfText(of: path, in: folder).text
            #expect(text.contains("Region Västerbotten – mallens sidhuvud"))
            #expect(text.contains("Mallens sidfot"))
            #expect(text.contains(Tools.collapsed("1. \(form.sections[0].title.sv)")))
        }
    }
}
