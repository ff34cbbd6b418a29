import FeedbackModel
import Foundation
import Testing
import TestSupport
@testable import FeedbackDocuments

/// The three writers on a generic document (not only the committee's).
@Suite struct WriterTests {
    static let hostile = "<script>alert(1)</script> & \"quotes\" 'single' *star* _under_ `tick` [link](x) | pipe \\ back # hash"

    static func sample(_ text: String = hostile) -> Document {
        Document(properties: DocumentProperties(title: "Rapport " + text, language: .swedish, author: "Nämnden", identifier: "id-1", revision: 2,
                                                date: Timestamp(secondsSinceEpoch: 1_806_480_000)),
                 blocks: [
                    .title("Rubrik " + text),
                    .subtitle("Under"),
                    .metadata(MetadataTable(caption: "Uppgifter", labelHeader: "Uppgift", valueHeader: "Värde", entries: [MetadataEntry("Nämnd", text)])),
                    .heading(level: 1, text: "1. Första " + text),
                    .paragraph([Run("Rad ett " + text + "\nrad två\tmed tabb")]),
                    .bulletList([[Run("punkt " + text)], [Run("två")]]),
                    .heading(level: 2, text: "Tabell"),
                    .table(Table(caption: "Tabell " + text, columns: [TableColumn("Objekt"), TableColumn("2028", alignment: .end)],
                                 rows: [[text, "1\u{00A0}200"], ["b\nc", "\u{2212}300"]], totals: ["Summa", "900"])),
                    .footer("Dokument-id id-1"),
                 ])
    }

    @Test func docxIsTheSameBytesEveryTime() throws {
        let a = try DocxWriter().write(Self.sample())
        let b = try DocxWriter().write(Self.sample())
        #expect(a == b)
        #expect(a.starts(with: [0x50, 0x4B, 0x03, 0x04]))
    }

    @Test func docxDateComesFromTheProperties() throws {
        var doc = Self.sample()
        let first = try DocxWriter().write(doc)
        doc.properties.date = Timestamp(secondsSinceEpoch: 1_900_000_000)
        let second = try DocxWriter().write(doc)
        #expect(first != second)
        let core = try #require(try DocxReading.part("docProps/core.xml", of: second))
        #expect(core.contains("2030-03-17T17:46:40Z"))
    }

    @Test func htmlEscapesEveryTextAndHasOneH1() {
        let html = HTMLWriter().write(Self.sample())
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"))
        #expect(html.components(separatedBy: "<h1>").count == 2)
        #expect(html.contains("<html lang=\"sv-SE\">"))
        #expect(html.contains("<th scope=\"col\""))
        #expect(html.contains("<tfoot><tr><th scope=\"row\">Summa</th>"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("<link") && !html.contains("<img") && !html.contains("src="))
    }

    @Test func htmlMakesControlAndBidiCharactersVisible() {
        let html = HTMLWriter().write(Self.sample("a\u{1B}[31mb\u{202E}c"))
        #expect(!html.contains("\u{1B}") && !html.contains("\u{202E}"))
        #expect(html.contains("a^[[31mb&lt;U+202E&gt;c"))
    }

    @Test func htmlHeadingsNeverSkipALevel() {
        let doc = Document(properties: DocumentProperties(title: "T", language: .english),
                           blocks: [.title("T"), .heading(level: 3, text: "deep"), .heading(level: 1, text: "one")])
        let html = HTMLWriter().write(doc)
        #expect(html.contains("<h2>deep</h2>"))
        #expect(html.contains("<h2>one</h2>"))
        #expect(html.contains("lang=\"en-GB\""))
    }

    @Test func markdownEscapesMarkup() {
        let md = MarkdownWriter().write(Self.sample())
        #expect(md.contains("\\<script\\>alert(1)\\</script\\> & \"quotes\" 'single' \\*star\\* \\_under\\_ \\`tick\\` \\[link\\](x) \\| pipe \\\\ back # hash"))
        #expect(md.contains("| Objekt | 2028 |\n| --- | --: |"))
        #expect(md.contains("Rad ett"))
        #expect(md.contains("\\\nrad två&#9;med tabb"))
        #expect(md.contains("| b<br>c | −300 |"))
    }

    @Test func markdownEscapesLineStarts() {
        for (text, expected) in [("- not a bullet", "\\- not a bullet"), ("1. not a list", "1\\. not a list"), ("# no heading", "\\# no heading"),
                                 ("  indented", "&#32;&#32;indented"), ("trailing  ", "trailing&#32;&#32;"), ("===", "\\==="),
                                 ("+ plus", "\\+ plus"), ("&amp; entity", "\\&amp; entity"), ("> quote", "\\> quote")] {
            #expect(MarkdownEscaping.paragraph(text) == expected, "\(text)")
        }
    }
}

/// Reading parts back out of a written .docx, for tests.
enum DocxReading {
    static func part(_ name: String, of bytes: [UInt8]) throws -> String? {
        let folder = TemporaryFolder()
        try folder.write(bytes: bytes, "x.docx")
        let zip = try SafeZip.open(folder.file("x.docx"))
        return try zip.read(name).map { String(decoding: $0, as: UTF8.self) }
    }
}
