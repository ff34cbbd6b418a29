import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// Tables as grids: plan years as columns, a totals row, cells edited in place.
@Suite struct TableTests {
    @Test func investmentsAreAGridWithTotalsThatFollowTyping() {
        var h = Harness()
        h.goToSection(5)
        h.press(.control("n"))  // the investments table
        #expect(h.text().contains("Inga rader ännu"))
        h.press(.control("r"))
        h.type("Ny magnetkamera")
        h.press(.tab, .enter, .enter)  // category: the first choice
        h.press(.tab)
        h.type("12 5x")
        #expect(h.text().contains("ogiltigt belopp"))
        h.press(.backspace)
        h.type("00")
        #expect(!h.text().contains("ogiltigt belopp"))
        h.press(.tab)
        h.type("3000")
        let rows = h.draft().sections["investments"]?["investments"]?.rows ?? []
        #expect(rows.count == 1)
        #expect(rows.first?["amounts/2028"] == .integer(12_500))
        #expect(rows.first?["category"] == .text("byggnader"))
        h.press(.control("r"))
        h.type("Ambulanser")
        h.press(.tab, .tab)
        h.type("2 000")
        h.expectScreen("investments-grid")
        // The totals row adds the year's amounts as they are typed.
        let totals = h.lines().first { $0.contains("Σ") } ?? ""
        #expect(totals.contains("14 500"))
        #expect(totals.contains("3 000"))
        h.press(.control("k"))
        #expect(h.text().contains("Rad 1 av 1"))
        h.press(.control("z"))
        #expect(h.text().contains("Rad 2 av 2"))
        #expect(h.draft().sections["investments"]?["investments"]?.rows.count == 2)
    }

    @Test func amountsAreUnderstoodWithTheirUnit() {
        var h = Harness()
        h.goToSection(5)
        h.press(.control("n"), .control("r"), .tab, .tab)
        h.type("45 000 tkr")
        #expect(h.draft().sections["investments"]?["investments"]?.rows.first?["amounts/2028"] == .integer(45_000))
        h.press(.tab)
        #expect(h.text().contains("Tolkat som 45 000 tkr."))
    }

    @Test func sensitivityCasesAreNotSummed() {
        var h = Harness(draft: SampleDrafts.complete(shippedForm()))
        h.goToSection(4)
        h.press(.control("n"), .control("n"))  // text → risks → sensitivity
        #expect(h.text().contains("Känslighetsanalys"))
        #expect(!h.lines().contains { $0.contains("Σ") })
        h.expectScreen("sensitivity-grid")
    }

    @Test func longCellsAreEditedWrappedAndRowFindingsNameRowAndColumn() {
        var h = Harness()
        h.goToSection(4)
        h.press(.control("n"), .control("r"))
        h.type("Svårt att rekrytera specialistsjuksköterskor till akutmottagningen under hela planperioden")
        h.expectScreen("risk-long-cell")
        // The measure is missing: a warning that names the row and the column.
        let measure = h.session.allFindings.first { $0.target.cell == "measure" }
        #expect(measure?.severity == .warning)
        #expect(measure?.message.sv.hasPrefix("Risker och känslighet, rad 1, Åtgärd: ") == true)
    }

    @Test func typingInAnEmptyTableStartsItsFirstRow() {
        var h = Harness()
        h.goToSection(5)
        h.press(.control("n"))
        h.type("MR")
        #expect(h.draft().sections["investments"]?["investments"]?.rows.first?["object"] == .text("MR"))
    }
}

/// The one set of limits where text comes in, and linear work for bursts of rows.
@Suite struct LimitsInTheInterfaceTests {
    @Test func aPasteBeyondTheLimitIsRefusedWholeWithAMessage() {
        var h = Harness()
        h.goToSection(1)
        h.type("Före.")
        // More characters than a text may have (the reader would refuse the draft).
        let huge = String(repeating: "a", count: Limits.standard.textCharacters + 1)
        h.press(.paste(huge))
        #expect(h.draft().text(at: .section("goals", "text")) == "Före.")
        #expect(h.session.status?.isError == true)
        #expect(h.session.status?.text.contains("Inget ändrades") == true)
    }

    @Test func manyNewRowsCheckOnlyTheNewRow() {
        var h = Harness()
        h.goToSection(5)
        h.press(.control("n"))
        for _ in 0..<400 { h.press(.control("r")) }
        #expect(h.draft().sections["investments"]?["investments"]?.rows.count == 400)
        // The findings kept row by row equal a full check of the table.
        let field = shippedForm().section(id: "investments")!.field(id: "investments")!
        let full = Validator(form: shippedForm()).validate(field: field, value: h.draft().value(at: .section("investments", "investments")),
                                                           at: .section("investments", "investments"))
        #expect(h.session.checks.byPlace[.section("investments", "investments")] == full)
        h.press(.control("z"))
        let afterUndo = Validator(form: shippedForm()).validate(field: field, value: h.draft().value(at: .section("investments", "investments")),
                                                                at: .section("investments", "investments"))
        #expect(h.session.checks.byPlace[.section("investments", "investments")] == afterUndo)
    }
}

/// The table's findings are kept row by row (a new row is checked alone, the rows after it
/// again as their numbers change): after any mix of new rows, removed rows and typing, they
/// are exactly what checking the whole table gives.
struct IncrementalRowCheckTests {
    @Test func rowByRowFindingsEqualAWholeCheckAfterRandomEdits() throws {
        var random = SeededGenerator.forTest("rowByRowFindingsEqualAWholeCheckAfterRandomEdits")
        let seed = random.seed
        var h = Harness(draft: SampleDrafts.complete(shippedForm()))
        h.goToSection(5)
        let place = FieldPlace.section("investments", "investments")
        let field = try #require(h.session.form.section(id: "investments")?.field(id: "investments"))
        for step in 0..<300 {
            switch random.next() % 6 {
            case 0, 1: h.press(.control("r"))
            case 2: h.press(.control("k"))
            case 3: h.press(.up)
            case 4: h.press(.down)
            default: h.type(String(random.next() % 10))
            }
            let kept = h.session.checks.byPlace[place] ?? []
            let whole = h.session.validator.validate(field: field, value: h.session.draft.value(at: place), at: place)
            #expect(kept == whole, "seed \(seed), step \(step): the kept findings differ from a whole check")
            if kept != whole { break }
        }
    }
}

