import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// Last year and the calendar in the interface: days left, the timeline, what came from last
/// year (marked until edited or confirmed), last year's text beside this year's, changes.
@Suite struct LastYearTests {
    static let before = SimpleDate(iso: "2027-04-04")!
    static let onTheDay = SimpleDate(iso: "2027-04-16")!
    static let after = SimpleDate(iso: "2027-04-18")!

    @Test func theHeaderSaysHowManyDaysAreLeft() {
        Harness(today: Self.before).expectScreen("days-left-before")
        Harness(today: Self.onTheDay).expectScreen("days-left-on-the-day")
        let late = Harness(today: Self.after)
        late.expectScreen("days-left-after")
        // Late and not decided: a warning, not an error.
        #expect(late.session.allFindings.contains { $0.code == "lateDraft" && $0.severity == .warning })
        var decided = SampleDrafts.complete(shippedForm())
        decided.metadata["status"] = .text("beslutad")
        #expect(!Harness(draft: decided, today: Self.after).session.allFindings.contains { $0.code == "lateDraft" })
    }

    @Test func theStartScreenShowsTheTimelineWithTodayMarked() {
        let form = shippedForm()
        let offer = LastYearOffer(path: "/data/pf-aterkoppling-2027_hsn_r5.json", committeeID: "hsn",
                                  label: "Export 2027–2030, revision 5, beslutad, 2026-04-10 – pf-aterkoppling-2027_hsn_r5.json")
        var h = Harness(start: StartScreen(form: form, language: .sv, folder: "/data", drafts: [], time: .utc, today: Self.before, lastYear: [offer]))
        h.expectScreen("start-timeline")
        // A new draft for a committee with last year's feedback: offered, and yes starts from it.
        h.press(.down, .enter)
        h.expectScreen("start-from-last-year")
        h.press(.character("j"))
        guard case .create("hsn", "/data/pf-aterkoppling-2027_hsn_r5.json")? = h.takeCommands().last else {
            Issue.record("no create from last year")
            return
        }
        h.press(.enter, .character("n"))
        guard case .create("hsn", nil)? = h.takeCommands().last else {
            Issue.record("no empty create")
            return
        }
    }

    func carried() -> Draft {
        var draft = SampleDrafts.complete(shippedForm())
        draft.readySections = []
        draft.carriedOver = CarriedOver(source: CarrySource(kind: .export, path: "/data/pf-aterkoppling-2027_hsn_r5.json", formID: "pf-aterkoppling-2027",
                                                             formVersion: 1, planPeriod: PlanPeriod(firstYear: 2027, yearCount: 4), committeeID: "hsn",
                                                             documentID: "last", revision: 5),
                                        unconfirmed: [.section("goals", "text"), .section("development", "text")])
        return draft
    }

    @Test func carriedPartsAreMarkedUntilEditedOrConfirmed() {
        var h = Harness(draft: carried())
        #expect(h.session.allFindings.filter { $0.code == "carriedOverUnconfirmed" }.count == 2)
        h.goToSection(1)
        h.expectScreen("carried-text")
        #expect(h.lines()[23].contains("^B Bekräfta"))
        h.press(.control("b"))
        #expect(!h.draft().isUnconfirmedCarry(.section("goals", "text")))
        #expect(h.session.allFindings.filter { $0.code == "carriedOverUnconfirmed" }.count == 1)
        h.press(.control("z"))
        #expect(h.draft().isUnconfirmedCarry(.section("goals", "text")))
        // Editing is confirming too.
        h.goToSection(2)
        h.typeAfterTheDecision(" Nytt i år.")
        #expect(!h.draft().isUnconfirmedCarry(.section("development", "text")))
    }

    @Test func lastYearsTextShowsBelowThisYears() {
        let lastYear = LastYearTexts(source: "Export 2027–2030, revision 5 – pf-aterkoppling-2027_hsn_r5.json",
                                     texts: [.section("goals", "text"): "Förra årets första stycke om målen.\n\nFörra årets andra stycke."])
        var h = Harness(draft: carried(), lastYear: lastYear)
        h.goToSection(1)
        h.press(.alt("t"), .alt("l"))
        h.expectScreen("last-year-below")
        h.press(.alt("l"))
        #expect(!h.text().contains("Förra årets första stycke"))
        // Without last year's file, the key says why nothing shows.
        var plain = Harness()
        plain.goToSection(1)
        plain.press(.alt("l"))
        #expect(plain.session.status?.text.contains("inte startat från förra årets") == true)
    }

    @Test func theChangesPageJumpsToEachChange() {
        var h = Harness(draft: carried())
        h.press(.alt("c"))
        guard case .session(.computeChanges)? = h.takeCommands().last else {
            Issue.record("no comparison asked for")
            return
        }
        let report = ChangesReport(groups: [
            .init(title: "Sedan exporten (revision 3) · 2. Utveckling", entries: [
                .init(place: .section("development", "text"), row: nil, text: "Stycke 2: ändrat [+nära vård+] [-samverkan-]")]),
            .init(title: "Sedan förra året · 5. Investeringar", entries: [
                .init(place: .section("investments", "investments"), row: 0, text: "Rad 1 Ny magnetkamera: 2029 +3 000 tkr")]),
        ], notes: [])
        h.event(.changesComputed(report))
        h.expectScreen("changes-page")
        h.press(.down, .enter)
        #expect(h.text().contains("5. Investeringar – Investeringar"))
    }
}
