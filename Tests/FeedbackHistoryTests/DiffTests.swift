import Foundation
import Testing
import TestSupport
@testable import FeedbackHistory
@testable import FeedbackModel

/// `FeedbackDiff` on equal, reordered and changed inputs, and its text and JSON output.
@Suite struct DiffTests {
    let form = shippedForm()

    func sample() throws -> Draft {
        try DraftCodec.decode(FileStore.readLimited(path: Paths.fixture("sample-hsn.json"), limit: 1 << 20),
                              file: "sample-hsn.json", form: form)
    }

    func snapshot(_ draft: Draft, _ path: String = "utkast.json") -> PastFeedback {
        PastFeedbackReader.snapshot(of: draft, form: form, path: path)
    }

    func exported(_ draft: Draft) throws -> PastFeedback {
        let bytes = try Exporter(form: form).export(draft, exportedAt: SampleDrafts.now).bytes
        return try PastFeedbackReader.read(bytes: bytes, path: "export.json", catalog: .embedded())
    }

    @Test func aDraftAndItsExportAreEqual() throws {
        var draft = try sample()
        let export = try exported(draft)
        #expect(FeedbackDiff.between(snapshot(draft), export).isEqual)
        #expect(FeedbackDiff.between(export, export).isEqual)
        // Not content: revision, times, trailing white space, an amount typed with spaces.
        draft.revision += 3
        draft.modified = Timestamp(secondsSinceEpoch: 0)
        draft.sections["goals"]!["text"] = .text(draft.text(at: .section("goals", "text")) + "  \n\n")
        var rows = draft.sections["investments"]!["investments"]!.rows
        rows[0][TableRow.yearKey("amounts", 2028)] = .text("45 000")
        draft.sections["investments"]!["investments"] = .table(rows)
        #expect(FeedbackDiff.between(export, snapshot(draft)).isEqual)
        #expect(FeedbackDiff.between(export, try exported(draft)).isEqual)
    }

    @Test func paragraphsAreTheLinesOfTheParagraphModel() throws {
        var a = try sample()
        a.sections["other"]!["text"] = .text("Inledning.\n- första punkten\n- andra punkten\n- tredje punkten\nAvslutning.")
        var b = a
        b.sections["other"]!["text"] = .text("Inledning.\n\n- första punkten\n- andra ändrade punkten\n- tredje punkten\n\nAvslutning.")
        // The export stores blank lines between paragraphs; a draft may not: still equal.
        #expect(FeedbackDiff.between(snapshot(a), try exported(a)).isEqual)
        let changes = try #require(FeedbackDiff.between(snapshot(a), snapshot(b)).sections.first?.texts.first?.paragraphs)
        #expect(changes.count == 1)
        #expect(changes[0].change == .changed && changes[0].before == 2 && changes[0].after == 2)
        #expect(DiffRendering.marked(changes[0].words) == "- andra {+ändrade+} punkten")
    }

    @Test func reorderedFilesAndRowsAreEqual() throws {
        let draft = try sample()
        let bytes = try Exporter(form: form).export(draft, exportedAt: SampleDrafts.now).bytes
        // Every object's members in reverse order, the headings and every table's rows reversed.
        func reversed(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let o): return .object(JSONObject(o.members.reversed().map { ($0.key, reversed($0.value)) }))
            case .array(let a): return .array(a.reversed().map(reversed))
            default: return value
            }
        }
        let shuffled = JSONWriter.pretty(reversed(try JSONParser.parse(bytes)))
        let a = try PastFeedbackReader.read(bytes: bytes, path: "a.json", catalog: .embedded())
        let b = try PastFeedbackReader.read(bytes: shuffled, path: "b.json", catalog: .embedded())
        #expect(b.sections.first?.id == "other")
        #expect(b.section(id: "investments")?.table("investments")?.rows.first?["object"] == a.section(id: "investments")?.table("investments")?.rows.last?["object"])
        #expect(FeedbackDiff.between(a, b).isEqual)
        #expect(b.hashMatches == false)  // the rows' order is content to the hash, not to the comparison
    }

    /// The sample draft with a word changed, a paragraph added and one removed, an amount,
    /// a row added and one removed, and two metadata values changed.
    func changed(_ draft: Draft) -> Draft {
        var b = draft
        let goals = draft.text(at: .section("goals", "text"))
        b.sections["goals"]!["text"] = .text(goals.replacingOccurrences(of: "senast i oktober 2028", with: "senast i september 2028"))
        b.sections["development"]!["text"] = .text(draft.text(at: .section("development", "text")) + "\n\nEtt nytt stycke om vårdens digitalisering.")
        var paragraphs = draft.text(at: .section("competence", "text")).components(separatedBy: "\n\n")
        paragraphs.remove(at: 1)
        b.sections["competence"]!["text"] = .text(paragraphs.joined(separator: "\n\n"))
        var rows = draft.sections["investments"]!["investments"]!.rows
        rows[1][TableRow.yearKey("amounts", 2029)] = .integer(63_000)
        rows[1]["priority"] = .text("1")
        var added = TableRow()
        added["object"] = .text("Laddinfrastruktur för elbilar")
        added["category"] = .text("fordon")
        for year in form.planPeriod.years { added[TableRow.yearKey("amounts", year)] = .integer(1_500) }
        added["decision"] = .text("ny")
        added["priority"] = .text("3")
        rows.insert(added, at: 0)
        b.sections["investments"]!["investments"] = .table(rows)
        var risks = draft.sections["economy"]!["risks"]!.rows
        risks.remove(at: 2)
        b.sections["economy"]!["risks"] = .table(risks)
        b.metadata["status"] = .text("klar-for-beslut")
        b.metadata["paragraph"] = nil
        return b
    }

    @Test func changesAreFoundWordByWordAndRowByRow() throws {
        let a = try sample()
        let b = changed(a)
        let diff = FeedbackDiff.between(snapshot(a, "a.json"), snapshot(b, "b.json"))
        #expect(!diff.isEqual)
        #expect(diff.metadata == [
            MetadataChange(id: "paragraph", label: form.metadataField(id: "paragraph")?.label, before: "§ 45", after: nil),
            MetadataChange(id: "status", label: form.metadataField(id: "status")?.label, before: "beslutad", after: "klar-for-beslut"),
        ])
        #expect(diff.sections.map(\.id) == ["goals", "development", "competence", "economy", "investments"])
        let goals = try #require(diff.sections.first?.texts.first?.paragraphs)
        #expect(goals.count == 1 && goals[0].change == .changed && goals[0].before == 1 && goals[0].after == 1)
        #expect(goals[0].words.map(\.op) == [.same, .removed, .added, .same])
        #expect(goals[0].words[1].text == "oktober" && goals[0].words[2].text == "september")
        #expect(goals[0].words[3].text == "2028.")
        let development = try #require(diff.sections[1].texts.first?.paragraphs)
        #expect(development == [ParagraphDiff(change: .added, before: nil, after: 4, beforeText: nil,
                                              afterText: "Ett nytt stycke om vårdens digitalisering.",
                                              words: [WordSegment(op: .added, text: "Ett nytt stycke om vårdens digitalisering.")])])
        let competence = try #require(diff.sections[2].texts.first?.paragraphs)
        #expect(competence.map(\.change) == [.removed] && competence[0].before == 1)
        #expect(competence[0].beforeText?.hasPrefix("Det finns inte tillräckligt många att anställa.") == true)
        let risks = try #require(diff.sections[3].tables.first)
        #expect(risks.fieldID == "risks" && risks.rows.map(\.change) == [.removed] && risks.rows[0].before == 2)
        let investments = try #require(diff.sections[4].tables.first?.rows)
        #expect(investments.map(\.change) == [.changed, .added])
        #expect(investments[0].before == 1 && investments[0].after == 2 && investments[0].key == "Ny vårdbyggnad för psykiatri, Skellefteå")
        #expect(investments[0].cells == [
            CellChange(column: "amounts", year: 2029, before: .integer(60_000), after: .integer(63_000)),
            CellChange(column: "priority", year: nil, before: .text("2"), after: .text("1")),
        ])
        #expect(investments[0].cells[0].difference == 3_000 && investments[0].cells[1].difference == nil)
        #expect(investments[1].after == 0 && investments[1].cells.count == 8)

        let text = DiffRendering.text(diff, a: snapshot(a, "a.json"), b: snapshot(b, "b.json"), language: .sv)
        let lines = text.components(separatedBy: "\n")
        #expect(lines[0] == "A: a.json (utkast, pf-aterkoppling-2028 v1, planperiod 2028–2031, revision 7)")
        #expect(lines.contains("  Paragraf: § 45 → (tomt)"))
        #expect(lines.contains("  Status: beslutad → klar-for-beslut"))
        #expect(lines.contains { $0.hasPrefix("  Text, stycke 2 ändrat: Uppdraget att genomlysa") && $0.hasSuffix("senast i [-oktober-]{+september+} 2028.") })
        #expect(lines.contains("  Text, stycke 5 tillagt: {+Ett nytt stycke om vårdens digitalisering.+}"))
        #expect(lines.contains("  Investeringar, rad 3 ”Ny vårdbyggnad för psykiatri, Skellefteå” ändrad: Belopp (tkr) 2029: 60 000 → 63 000 (+3 000); Prioritet: 2 → 1"))
        #expect(lines.contains { $0.hasPrefix("  Investeringar, rad 1 ”Laddinfrastruktur för elbilar” tillagd: Objekt: Laddinfrastruktur för elbilar; Kategori: fordon; Belopp (tkr) 2028: 1 500;") })
        #expect(lines.contains { $0.hasPrefix("  Risker och känslighet, rad 3 ”Effekterna av nära vård dröjer") && $0.contains(" borttagen: ") })
        let english = DiffRendering.text(diff, a: snapshot(a, "a.json"), b: snapshot(b, "b.json"), language: .en)
        #expect(english.contains("  Investments, row 3 “Ny vårdbyggnad för psykiatri, Skellefteå” changed: Amount (tkr) 2029: 60,000 → 63,000 (+3,000); Priority: 2 → 1"))
        // The interface's page: a heading per part, a line and a place per change.
        let page = DiffRendering.page(diff, language: .sv)
        #expect(page.map(\.heading) == ["Uppgifter", "1. Nämndens bidrag till fullmäktiges mål och uppdrag",
                                        "2. Nämndens utvecklingsinsatser och planerade verksamhetsförändringar",
                                        "3. Nämndens inriktning för kompetensförsörjning",
                                        "4. Nämndens plan för hållbar ekonomi och prioriteringar av resurser", "5. Nämndens investeringsplanering"])
        #expect(page[5].entries.map(\.row) == [2, 0])
        #expect(page[5].entries.allSatisfy { $0.sectionID == "investments" && $0.fieldID == "investments" })
    }

    @Test func reorderedParagraphsAreAChangeAndMovedRowsAreNot() throws {
        let a = try sample()
        var b = a
        var paragraphs = a.text(at: .section("goals", "text")).components(separatedBy: "\n\n")
        paragraphs.swapAt(0, 3)
        b.sections["goals"]!["text"] = .text(paragraphs.joined(separator: "\n\n"))
        b.sections["investments"]!["investments"] = .table(a.sections["investments"]!["investments"]!.rows.reversed())
        let diff = FeedbackDiff.between(snapshot(a), snapshot(b))
        #expect(diff.sections.map(\.id) == ["goals"])
        let changes = try #require(diff.sections.first?.texts.first?.paragraphs)
        #expect(!changes.isEmpty && changes.allSatisfy { $0.change != .changed })
        #expect(changes.filter { $0.change == .added }.count == changes.filter { $0.change == .removed }.count)
    }

    @Test func twoRoundsCompareYearByYear() throws {
        let catalog = try LastYear.catalog()
        let last = try PastFeedbackReader.read(path: LastYear.exportFile, catalog: catalog)
        let this = try PastFeedbackReader.read(path: Paths.root + "/Exports/example-hsn.json", catalog: catalog)
        let diff = FeedbackDiff.between(last, this)
        #expect(diff.metadata.prefix(2).map(\.id) == ["form", "planPeriod"])
        #expect(diff.metadata[1].before == "2027–2030" && diff.metadata[1].after == "2028–2031")
        #expect(diff.sections.map { "\($0.id):\($0.change.rawValue)" }.suffix(2) == ["other:added", "premisesComments:removed"])
        let row = try #require(diff.sections.first { $0.id == "investments" }?.tables.first?.rows.first)
        #expect(row.cells.first == CellChange(column: "amounts", year: 2027, before: .integer(30_000), after: nil))
        #expect(row.cells.contains(CellChange(column: "amounts", year: 2031, before: nil, after: .integer(60_000))))
        #expect(row.cells.last == CellChange(column: "financing", year: nil, before: .text("egen ram"), after: nil))
    }

    @Test func textFromTheFilesIsPrintedSafely() throws {
        let a = try sample()
        var b = a
        b.sections["other"]!["text"] = .text("Rensa \u{1B}[2J skärmen \u{202E}baklänges")
        let text = DiffRendering.text(FeedbackDiff.between(snapshot(a, "a\u{1B}.json"), snapshot(b)), a: snapshot(a, "a\u{1B}.json"),
                                      b: snapshot(b), language: .sv)
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        #expect(text.contains("A: a^[.json"))
        #expect(text.contains("^[[2J") && text.contains("<U+202E>baklänges"))
    }

    @Test func hugeTextsAreComparedWithinTheBudget() throws {
        // A 1 MB paragraph against a rewritten one: the word budget keeps it linear.
        let a = try sample()
        var b = a
        let words = (0..<150_000).map { "ord\($0)" }
        b.sections["other"]!["text"] = .text(words.joined(separator: " "))
        var c = a
        c.sections["other"]!["text"] = .text(words.map { $0 + "x" }.joined(separator: " "))
        let diff = FeedbackDiff.between(snapshot(b), snapshot(c))
        let paragraph = try #require(diff.sections.first?.texts.first?.paragraphs.first)
        #expect(paragraph.change == .removed || paragraph.change == .changed)
        #expect(diff.sections.first?.texts.first?.paragraphs.count ?? 0 <= 2)
    }
}
