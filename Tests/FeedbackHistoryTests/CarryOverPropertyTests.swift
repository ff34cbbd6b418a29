import Foundation
import Testing
import TestSupport
@testable import FeedbackHistory
@testable import FeedbackModel

/// Generated 2027–2030 exports carried into the 2028–2031 form: every amount lands in its
/// year or in the row's note, and no text is lost. The seed is printed; FEEDBACK_SEED replays.
@Suite struct CarryOverPropertyTests {
    static let words = ["nämnden", "vården", "åtgärder", "kompetens", "öppettider", "ekonomi", "balans", "2027", "tkr", "§",
                        "e\u{301}tude", "Å\u{30A}", "中文", "😀", "👩‍⚕️", "\u{200B}noll", "«citat»", "–", "R&D", "100 %"]

    static func text(_ g: inout SeededGenerator, words: ClosedRange<Int>, paragraphs: ClosedRange<Int> = 1...1) -> String {
        (0..<Int.random(in: paragraphs, using: &g)).map { _ in
            (0..<Int.random(in: words, using: &g)).map { _ in words.isEmpty ? "" : Self.words.randomElement(using: &g)! }.joined(separator: " ")
        }.joined(separator: Bool.random(using: &g) ? "\n\n" : "\n \n")
    }

    static func draft(_ form: FormDefinition, _ g: inout SeededGenerator) -> Draft {
        var draft = Draft.new(form: form, committee: form.committees.randomElement(using: &g)!.id,
                              documentID: "p-\(g.next())", now: SampleDrafts.now)
        draft.revision = Int.random(in: 0...40, using: &g)
        draft.metadata["caseNumber"] = .text("HSN 2026/\(Int.random(in: 1...999, using: &g))")
        draft.metadata["meetingDate"] = .text("2026-04-0\(Int.random(in: 1...9, using: &g))")
        draft.metadata["paragraph"] = .text("§ \(Int.random(in: 1...200, using: &g))")
        draft.metadata["contactName"] = .text(text(&g, words: 1...3))
        draft.metadata["contactEmail"] = .text("x\(g.next() % 1000)@region.example")
        draft.metadata["status"] = .text(["utkast", "klar-for-beslut", "beslutad"].randomElement(using: &g)!)
        for (index, section) in form.sections.enumerated() {
            let optional = index == form.sections.count - 1 && Bool.random(using: &g)
            if !optional { draft.sections[section.id, default: [:]]["text"] = .text(text(&g, words: 1...60, paragraphs: 1...4)) }
        }
        func amount(_ range: ClosedRange<Int>) -> CellValue { .integer(Int.random(in: range, using: &g)) }
        draft.sections["economy", default: [:]]["risks"] = .table((0..<Int.random(in: 0...5, using: &g)).map { _ in
            var row = TableRow()
            row["risk"] = .text(text(&g, words: 1...8))
            row["likelihood"] = .text(["lag", "medel", "hog"].randomElement(using: &g)!)
            row["consequence"] = .text(["lag", "medel", "hog"].randomElement(using: &g)!)
            if Bool.random(using: &g) { row["measure"] = .text(text(&g, words: 1...10)) }
            return row
        })
        draft.sections["economy", default: [:]]["sensitivity"] = .table((0..<Int.random(in: 0...4, using: &g)).map { _ in
            var row = TableRow()
            row["parameter"] = .text(text(&g, words: 1...4))
            row["change"] = .text(text(&g, words: 1...3))
            for year in form.planPeriod.years { row[TableRow.yearKey("effect", year)] = amount(-10_000_000...10_000_000) }
            return row
        })
        draft.sections["investments", default: [:]]["investments"] = .table((0..<Int.random(in: 0...8, using: &g)).map { _ in
            var row = TableRow()
            row["object"] = .text(text(&g, words: 1...8))
            row["category"] = .text(["byggnader", "medicinteknik", "it", "fordon", "ovrigt"].randomElement(using: &g)!)
            for year in form.planPeriod.years { row[TableRow.yearKey("amounts", year)] = amount(0...10_000_000) }
            if Bool.random(using: &g) { row["financing"] = .text(text(&g, words: 1...5)) }
            row["decision"] = .text(["beslutad", "ny"].randomElement(using: &g)!)
            row["priority"] = .text(["1", "2", "3"].randomElement(using: &g)!)
            return row
        })
        return draft
    }

    @Test func carriedExportsKeepEveryAmountAndEveryText() throws {
        var g = SeededGenerator.forTest("carriedExportsKeepEveryAmountAndEveryText")
        let seed = g.seed
        let lastForm = try LastYear.form()
        let catalog = try LastYear.catalog()
        let form = shippedForm()
        for iteration in 0..<120 {
            let original = Self.draft(lastForm, &g)
            let export: Exporter.Result
            do { export = try Exporter(form: lastForm).export(original, exportedAt: LastYear.exportedAt) } catch {
                Issue.record("seed \(seed), #\(iteration): the generated draft does not export: \(error)")
                continue
            }
            var past = try PastFeedbackReader.read(bytes: export.bytes, path: "gen.json", catalog: catalog)
            #expect(past.hashMatches == true)
            // Sometimes a heading has no counterpart this year.
            if Int.random(in: 0..<5, using: &g) == 0 {
                let index = Int.random(in: 0..<past.sections.count, using: &g)
                past.sections[index].id += "Old"
            }
            let committee = try #require(past.committeeID)
            let draft = CarryOver(form: form).draft(from: past, committee: committee, documentID: "n", now: SampleDrafts.now).draft
            let notes = draft.carriedOver?.notes ?? []
            let context = "seed \(seed), #\(iteration)"

            // Every text is under its heading or in a note, exactly.
            for section in past.sections {
                for text in section.texts {
                    let inPlace = form.section(id: section.id) != nil && draft.text(at: .section(section.id, text.fieldID)) == text.text
                    let inNote = notes.contains { $0.sectionID == section.id && $0.fieldID == text.fieldID && $0.text == text.text }
                    #expect(inPlace != inNote, "\(context): \(section.id).\(text.fieldID)")
                }
                for table in section.tables where !table.rows.isEmpty {
                    guard form.section(id: section.id) != nil else {
                        let note = notes.first { $0.sectionID == section.id && $0.fieldID == table.fieldID }
                        for row in table.rows { for cell in row.cells.values { #expect(note?.text.contains(cell.displayText) == true, "\(context)") } }
                        continue
                    }
                    let rows = draft.value(at: .section(section.id, table.fieldID))?.rows ?? []
                    #expect(rows.count == table.rows.count, "\(context): \(table.fieldID)")
                    for (row, old) in zip(rows, table.rows) {
                        let carry = try #require(row.carry)
                        var sumBefore = 0, sumAfter = 0
                        for (key, value) in old.cells {
                            let parts = key.split(separator: "/").map(String.init)
                            if parts.count == 2, let year = Int(parts[1]) {
                                if case .integer(let n) = value { sumBefore += n }
                                if form.planPeriod.contains(year) {
                                    #expect(row[key] == value, "\(context): \(key)")
                                } else {
                                    #expect(carry.kept.contains(KeptValue(column: parts[0], year: year, value: value)), "\(context): \(key)")
                                }
                            } else if key == "financing" {
                                #expect(carry.kept.contains(KeptValue(column: key, year: nil, value: value)), "\(context)")
                            } else {
                                #expect(row[key] == value, "\(context): \(key)")
                            }
                        }
                        for (key, value) in row.cells where key.contains("/") { if case .integer(let n) = value { sumAfter += n } }
                        for kept in carry.kept where kept.year != nil { if case .integer(let n) = kept.value { sumAfter += n } }
                        #expect(sumBefore == sumAfter, "\(context): the amounts add up to the same")
                        #expect(row.cells.keys.allSatisfy { old.cells[$0] != nil }, "\(context): nothing invented")
                        let planColumn = table.fieldID == "investments" ? "amounts" : (table.fieldID == "sensitivity" ? "effect" : nil)
                        #expect(carry.newYearCells == planColumn.map { ["\($0)/2031"] } ?? [], "\(context)")
                    }
                }
            }
            // The draft saves and reads back as it was, marks included.
            let bytes = DraftCodec.encode(draft, form: form)
            #expect(try DraftCodec.decode(bytes, file: "n.json", form: form) == draft, "\(context)")
            // Every part is marked until confirmed.
            var confirmed = draft
            #expect(Validator(form: form).validateCarryOver(confirmed).count == confirmed.unconfirmedCarriedParts(in: form).count)
            confirmed.confirmAllCarried(in: form)
            #expect(Validator(form: form).validateCarryOver(confirmed).isEmpty, "\(context)")
        }
    }
}
