import FeedbackModel
import Foundation
import Testing
import TestSupport
@testable import FeedbackDocuments

/// The paragraph model, the XML reader and the Markdown reader, piece by piece.
@Suite struct ReaderUnitTests {
    @Test func paragraphModelIsTheProducts() {
        // Every line with content is a paragraph or a bullet; blank lines only separate.
        #expect(DraftText.pieces("a\nb\n\n- x\n- y\n\nc") == [.paragraph("a"), .paragraph("b"), .bullets(["x", "y"]), .paragraph("c")])
        #expect(DraftText.canonical("Intro:\n- a\n- b\nSlut") == "Intro:\n\n- a\n- b\n\nSlut")
        #expect(DraftText.canonical("- a\n\n\n- b") == "- a\n- b")
        #expect(DraftText.canonical("\n\n  a\n \t \nb") == "  a\n\nb")
        #expect(DraftText.text([.paragraph("a\nb"), .bullets(["x"])]) == "a\n\nb\n\n- x")
        #expect(DraftText.canonical("") == "")
        for text in ["a", "a\n\nb", "a\n\n- b\n- c\n\nd\n\ne"] {
            #expect(DraftText.canonical(text) == text)
            #expect(DraftText.canonical(text) == Paragraphs.canonical(text))
        }
    }

    func events(_ xml: String) throws -> [String] {
        var out: [String] = []
        try XMLReader.read(Array(xml.utf8)) { event in
            switch event {
            case .start(let s): out.append("<\(s.localName)@\(s.namespace)" + s.attributes.filter { $0.namespace != "xmlns" }.map { " \($0.localName)=\($0.value)" }.joined() + ">")
            case .end(_, _, let local): out.append("</\(local)>")
            case .text(let t): out.append(t)
            }
        }
        return out
    }

    @Test func xmlReaderResolvesNamespacesAndDecodesReferences() throws {
        let xml = "\u{FEFF}<?xml version=\"1.0\"?><!-- c --><a:x xmlns:a=\"urn:a\" k='1 &amp; 2'><a:y/>t&lt;&#x41;&#66;<![CDATA[<raw>]]>\r\n</a:x>"
        let got = try events(xml)
        #expect(got == ["<x@urn:a k=1 & 2>", "<y@urn:a>", "</y>", "t<AB", "<raw>", "\n", "</x>"])
    }

    @Test func xmlReaderRefusesWhatADocumentNeverHas() {
        for (xml, kind) in [("<!DOCTYPE x><x/>", XMLReader.Failure.Kind.hostile), ("<x>&ext;</x>", .hostile), ("<x><y></x>", .damaged),
                            ("<x a='1' a='2'/>", .damaged), ("<x/><y/>", .damaged), ("<x>", .damaged), ("text", .damaged), ("", .damaged),
                            ("<x>&#0;</x>", .damaged), ("<x a=1/>", .damaged)] {
            do {
                _ = try events(xml)
                Issue.record("\(xml) was read")
            } catch let failure as XMLReader.Failure {
                #expect(failure.kind == kind, "\(xml)")
            } catch {
                Issue.record("\(xml): \(error)")
            }
        }
        #expect(XMLReader.declaresDTD(Array("<?xml?>\n<!DOCTYPE a [<!ENTITY b 'c'>]><a/>".utf8)))
        #expect(!XMLReader.declaresDTD(Array("<a>&lt;!DOCTYPE</a>".utf8)))
    }

    @Test func markdownBlocks() {
        let source = MarkdownReader.parse("""
            Titel
            =====

            Ett stycke
            över två rader,  
            och en hård radbrytning.\\
            Slut.

            * a
            * b
              fortsätter
            1. numrerad

            > citat

            ```
            *kod* som den är
            ```

            Rubrik 2
            --------

            | A | B \\| C |
            |:--|--:|
            | 1 | <br>x |

            ***
            <!-- kommentar -->
            ### Sista ###
            """)
        let got = source.blocks.map { block -> String in
            switch block {
            case .paragraph(let p): return "\(p.kind):\(p.text)"
            case .table(let t): return "table:\(t.rows)"
            }
        }
        #expect(got == [
            "heading(1):Titel", "normal:Ett stycke över två rader,\noch en hård radbrytning.\nSlut.", "bullet:a", "bullet:b fortsätter",
            "numbered:numrerad", "normal:citat", "normal:*kod* som den är", "heading(2):Rubrik 2",
            "table:[[\"A\", \"B | C\"], [\"1\", \"\\nx\"]]", "heading(3):Sista",
        ])
    }

    @Test func markdownInline() {
        for (raw, text) in [("**fet** och *kursiv* och _x_", "fet och kursiv och x"), ("snake_case_name", "snake_case_name"), ("5 * 3 = 15", "5 * 3 = 15"),
                            ("\\*inte\\*", "*inte*"), ("`*kod*`", "*kod*"), ("[text](https://a.se \"titel\")", "text (https://a.se)"),
                            ("<https://a.se>", "https://a.se"), ("![bild](b.png)", "bild"), ("&amp; &auml; &#32;&#x41;", "& ä  A"),
                            ("*ensam", "*ensam"), ("a & b", "a & b"), ("\\\\", "\\")] {
            #expect(MarkdownInline.decode(raw).text == text, "\(raw)")
        }
        #expect(MarkdownInline.decode("**1. Mål**").bold)
        #expect(!MarkdownInline.decode("**1.** Mål").bold)
        #expect(MarkdownInline.decodeMarked("*Inget att rapportera*").italic)
    }

    @Test func headingsAreRecognisedByNumberOrTitle() {
        let matcher = FormMatcher(form: DocumentDrafts.form)
        func section(_ text: String, _ kind: SourceParagraph.Kind = .normal, bold: Bool = false, label: String? = nil, after: Int = 0) -> Int? {
            matcher.section(for: SourceParagraph(text: text, kind: kind, bold: bold, numberLabel: label, location: 1), after: after).map { $0.0.number }
        }
        #expect(section("1. Nämndens bidrag till fullmäktiges mål och uppdrag") == 1)
        #expect(section("2 nämndens utvecklingsinsatser och planerade verksamhetsförändringar") == 2)
        #expect(section("Rubrik 3", bold: true) == 3)
        #expect(section("RUBRIK 4: EKONOMI") == 4)
        #expect(section("Ekonomi", .heading(2)) == 4)
        #expect(section("Ekonomi") == nil)  // a plain paragraph saying "Ekonomi" is text
        #expect(section("Nämndens investeringsplanering") == 5)
        #expect(section("Mål och uppdrag", .heading(2), label: "1.") == 1)
        #expect(section("6. Other comments", .heading(1)) == 6)
        #expect(section("1.2 Bakgrund", .heading(2)) == nil)
        #expect(section("1. Bakgrund", .heading(2), after: 3) == nil)  // a numbered sub-heading under 3
        #expect(section("3. Första punkten i en lista") == nil)
        #expect(section("2028 års budget", .heading(2)) == nil)
    }
}
