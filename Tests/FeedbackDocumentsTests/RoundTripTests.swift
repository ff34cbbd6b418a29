import FeedbackModel
import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import FeedbackDocuments

/// Render → import gives back the same draft content, for .docx and for Markdown, over
/// generated drafts (PropertyBased prints the failing input and its seed).
@Suite struct RoundTripTests {
    let form = DocumentDrafts.form

    @Test func sampleDraftComesBackExactly() throws {
        let draft = try DocumentDrafts.sample()
        for format in [DocumentFormat.docx, .md] {
            try expectRoundTrip(draft, format, language: .sv)
            try expectRoundTrip(draft, format, language: .en)
        }
    }

    @Test func generatedDraftsComeBackFromDocx() async {
        let form = self.form
        await propertyCheck(count: 150, input: Gen.uint64()) { seed in
            var generator = DraftGenerator(seed: seed, form: form)
            let draft = generator.draft()
            do { try self.expectRoundTrip(draft, .docx, language: seed % 3 == 0 ? .en : .sv) } catch { Issue.record("seed \(seed): \(error)") }
        }
    }

    @Test func generatedDraftsComeBackFromMarkdown() async {
        let form = self.form
        await propertyCheck(count: 250, input: Gen.uint64()) { seed in
            var generator = DraftGenerator(seed: seed, form: form)
            let draft = generator.draft()
            do { try self.expectRoundTrip(draft, .md, language: seed % 3 == 0 ? .en : .sv) } catch { Issue.record("seed \(seed): \(error)") }
        }
    }

    @Test func importingADraftsOwnDocumentChangesNothing() throws {
        let folder = TemporaryFolder()
        for seed in UInt64(1)...20 {
            var generator = DraftGenerator(seed: seed, form: form)
            let draft = generator.draft()
            for format in [DocumentFormat.docx, .md] {
                let path = try DocumentDrafts.write(canonical(draft), format, to: folder, name: "own.\(format.fileExtension)")
                let result = try DocumentImporter(form: form).importDocument(at: path, into: canonical(draft))
                #expect(result.changes.isEmpty, "seed \(seed) \(format): \(result.changes.map(\.place.pointer))")
                #expect(result.canApply)
                #expect(result.report.unplaced.isEmpty, "seed \(seed) \(format)")
            }
        }
    }

    /// The draft as it comes back from any document: texts in the paragraph model's canonical form.
    func canonical(_ draft: Draft) -> Draft {
        var copy = draft
        for section in form.sections {
            for field in section.fields where field.kind.isText {
                let text = DraftText.canonical(draft.text(at: .section(section.id, field.id)))
                copy.setValue(text.isEmpty ? nil : .text(text), at: .section(section.id, field.id))
            }
        }
        return copy
    }

    func expectRoundTrip(_ draft: Draft, _ format: DocumentFormat, language: Language, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = TemporaryFolder()
        let path = try DocumentDrafts.write(draft, format, language: language, to: folder)
        let committee = draft.committeeID(in: form) ?? ""
        let empty = Draft.new(form: form, committee: committee, documentID: draft.documentID, now: draft.created)
        let result = try DocumentImporter(form: form).importDocument(at: path, into: empty)
        #expect(result.canApply, "conflicts \(result.report.conflicts.map(\.place.pointer))", sourceLocation: sourceLocation)
        #expect(result.report.unplaced.isEmpty, "unplaced \(result.report.unplaced.map(\.text))", sourceLocation: sourceLocation)
        let back = result.applied(to: empty)
        let expected = canonical(draft)
        for field in form.metadata {
            let want = expected.metadata[field.id].flatMap { $0.isEmpty ? nil : $0 } ?? (field.defaultValue.map { .text($0) })
            #expect(back.metadata[field.id] == want, "\(format) \(language) metadata \(field.id)", sourceLocation: sourceLocation)
        }
        for section in form.sections {
            for field in section.fields {
                let place = FieldPlace.section(section.id, field.id)
                let want = expected.value(at: place).flatMap { $0.isEmpty ? nil : $0 }
                let got = back.value(at: place).flatMap { $0.isEmpty ? nil : $0 }
                #expect(got == want, "\(format) \(language) \(place.pointer)", sourceLocation: sourceLocation)
            }
        }
    }
}

/// Drafts made from a seed: texts of paragraphs, line breaks and bullets over words that
/// include every character Markdown and XML treat specially, metadata and all three tables.
struct DraftGenerator {
    var random: SplitMix
    let form: FormDefinition

    init(seed: UInt64, form: FormDefinition) {
        random = SplitMix(seed: seed)
        self.form = form
    }

    static let words = [
        "nämnden", "bidrar", "till", "målen", "och", "vården", "öppettider", "år", "2028–2031", "tkr", "mnkr", "§", "%",
        "*", "**fet**", "_kursiv_", "#", "##", "1.", "2)", "10.", "-", "--", "+", "=", "==", "|", "\\", "\\\\", "`kod`", "~~", "[länk](x)",
        "<b>", "</p>", "&", "&amp;", "&#32;", "&lt;", "<br>", ">", "'", "\"", "!", "![bild](y)", "*/", "1 200", "−300", "-300",
        "é", "Å", "ñ", "Ω", "漢字", "🙂", "👩‍⚕️", "x\ty", "a\u{00A0}b", "e\u{0301}", "…", "—", "“citat”", "«", "(1)", ":", ";", "http://x.se",
    ]

    mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func line(_ range: ClosedRange<Int> = 1...10) -> String {
        var tokens: [String] = []
        for _ in 0..<int(range) { tokens.append(pick(DraftGenerator.words)) }
        var line = tokens.joined(separator: chance(10) ? "  " : " ")
        if chance(8) { line = "  " + line }
        return TextRules.nfc(line)
    }

    /// A single line without white space at either end (cells, metadata).
    mutating func value() -> String {
        var text = line(1...6).trimmingWhitespace
        if text.isEmpty || ["–", "—", "-"].contains(text) { text = "värde" }
        return text
    }

    mutating func text() -> String {
        var pieces: [DraftText.Piece] = []
        for _ in 0..<int(0...4) {
            if chance(30) {
                pieces.append(.bullets((0..<int(1...4)).map { _ in line() }))
            } else {
                pieces.append(.paragraph((0..<int(1...3)).map { _ in line() }.joined(separator: "\n")))
            }
        }
        return DraftText.text(pieces)
    }

    mutating func draft() -> Draft {
        let committee = pick(form.committees).id
        var draft = Draft.new(form: form, committee: committee, documentID: "0b3d2c1a-5e4f-4a3b-9c8d-\(String(format: "%012llx", random.next() & 0xFFFF_FFFF_FFFF))",
                              now: SampleDrafts.now)
        draft.revision = int(0...40)
        for field in form.metadata where field.kind != .committee {
            guard chance(80) else { continue }
            switch field.kind {
            case .choice(let options): draft.metadata[field.id] = .text(pick(options).id)
            case .date: draft.metadata[field.id] = .text(String(format: "2027-%02d-%02d", int(1...12), int(1...28)))
            default: draft.metadata[field.id] = .text(value())
            }
        }
        for section in form.sections {
            for field in section.fields {
                switch field.kind {
                case .longText, .shortText:
                    if chance(90) { draft.sections[section.id, default: [:]][field.id] = .text(text()) }
                case .table(let columns):
                    var rows: [TableRow] = []
                    for _ in 0..<int(0...4) {
                        var row = TableRow()
                        for (i, column) in columns.enumerated() {
                            switch column.kind {
                            case .shortText: if i == 0 || chance(85) { row[column.id] = .text(value()) }
                            case .choice(let options): if chance(90) { row[column.id] = .text(pick(options).id) }
                            case .amount: row[column.id] = .integer(int(-10_000_000...10_000_000))
                            case .planYears:
                                for year in form.planPeriod.years where chance(90) {
                                    row[TableRow.yearKey(column.id, year)] = .integer(chance(20) ? 0 : int(-10_000_000...10_000_000))
                                }
                            }
                        }
                        rows.append(row)
                    }
                    if !rows.isEmpty { draft.sections[section.id, default: [:]][field.id] = .table(rows) }
                default:
                    break
                }
            }
        }
        return draft
    }
}

/// A small, fast, seedable random number generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
