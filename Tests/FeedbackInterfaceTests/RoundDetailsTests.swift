import Foundation
import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// Details a secretary meets over a whole round (issue 20), each with what was wrong.
@Suite struct RoundDetailsTests {
    @Test func theHintBarSaysHowToReachTheNextHeading() {
        var h = Harness()
        h.press(.alt("1"))
        let hints = h.lines().last ?? ""
        #expect(hints.contains("^N Nästa"), "\(hints)")
        #expect(hints.contains("^D Klar"), "\(hints)")
    }

    @Test func onATablePageMarkingDoneStaysInTheHintBarOnceARowExists() {
        var h = Harness()
        h.press(.alt("5"), .control("n"), .control("r"))
        let hints = h.lines().last ?? ""
        #expect(hints.contains("^K Ta bort rad"), "\(hints)")
        #expect(hints.contains("^D Klar"), "\(hints)")
        #expect(hints.contains("^N Nästa"), "\(hints)")
    }

    @Test func onATablePageTheListKeepsTheHeadingsNames() {
        var h = Harness()
        h.press(.alt("5"), .control("n"))
        let list = h.lines().dropFirst().prefix(7).map { String($0.prefix(18)) }
        #expect(list.contains { $0.contains("Uppgifter") }, "\(list)")
        #expect(list.contains { $0.contains("5 Investeringar") }, "\(list)")
        #expect(!list.contains { $0.hasPrefix(" 0 ○") }, "\(list)")
    }

    @Test func aWrappedPathInTheStatusKeepsEveryCharacter() {
        for width in 60...100 {
            var h = Harness(width: width)
            let path = "/home/sekreterare/Dokument/återkoppling/import/" + String(repeating: "x", count: width / 2) + "-kn-2.unplaced.txt"
            h.app.session!.showMessage("Det som inte fick plats är sparat i \(path)", isError: false)
            let rows = h.lines()
            // The status rows are above the hint bar; the summary (✗ … ! …) sits on the first.
            let statusRows = rows[(rows.count - 1 - h.session.statusLines.count)..<(rows.count - 1)]
            let text = statusRows.map { row in
                var r = String(row)
                if let cut = r.range(of: "✗ ") { r = String(r[..<cut.lowerBound]) }
                return r.trimmingCharacters(in: .whitespaces)
            }.joined()
            #expect(text.contains(path.replacingOccurrences(of: " ", with: "")), "width \(width): \(Array(statusRows))")
        }
    }
}

/// Plain mode's details.
@Suite struct PlainRoundDetailsTests {
    @Test func undoSaysWhatItUndid() {
        var h = PlainHarness()
        h.say(["gå 1", "lägg till Nämnden bidrar till målen genom nära vård och samverkan i hela regionen.", "ångra", "gör om",
               "gå 5", "tabell", "ny rad", ".", "ta bort rad 1", "ångra", "ångra", "ångra", "ångra"])
        let text = h.text()
        #expect(text.contains("Ångrat: text tillagd i rubrik 1 (”Nämnden bidrar till målen genom nära …”). Nu på rubrik 1."), "\(text)")
        #expect(text.contains("Gjort om: text tillagd i rubrik 1"), "\(text)")
        #expect(text.contains("Ångrat: borttagen rad i rubrik 5, investeringar."), "\(text)")
        #expect(text.contains("Inget att ångra."), "\(text)")
    }

    @Test func aChoiceWhoseLabelIsNumberedIsNotNumberedTwice() {
        #expect(PlainSession.numbered("1 – hög", 1) == "1 – hög")
        #expect(PlainSession.numbered("medicinteknik", 2) == "2 medicinteknik")
        #expect(PlainSession.numbered("10 år", 1) == "1 10 år")
    }
}

extension PlainRoundDetailsTests {
    @Test func aPasteIntoAppendIsNotPromptedLineByLine() {
        var h = PlainHarness()
        h.say(["gå 1", "lägg till"])
        #expect(h.plain.prompt(pasting: true) == nil)
        #expect(h.plain.prompt(pasting: false) == "text (punkt avslutar)> ")
        h.say(["Första raden.", "."])
        #expect(h.plain.prompt(pasting: true) == "rubrik 1> ")
    }
}

/// A draft reopens where the secretary left it, with the guidance as it was.
@Suite struct ReturnPointTests {
    @Test func theSessionSaysWhereItIsAndResumesThere() {
        var h = Harness()
        h.press(.alt("4"), .alt("t"))
        let point = h.session.returnPoint
        #expect(point == ReturnPoints.Point(page: "economy/text", inlineGuidance: false))
        var again = Harness()
        again.app.session!.resume(at: point)
        #expect(again.session.returnPoint == point)
        #expect(again.text().contains("4. Nämndens plan för hållbar ekonomi"))
        #expect(!again.text().contains("visar hela vägledningen"))
    }

    @Test func anUnknownPageOpensOnTheDetails() {
        var h = Harness()
        h.app.session!.resume(at: ReturnPoints.Point(page: "nosuch/page", inlineGuidance: true))
        #expect(h.session.returnPoint.page == "details")
    }

    @Test func thePointsAreKeptPerDocumentInTheUsersState() {
        let folder = TemporaryFolder()
        let points = ReturnPoints(environment: ["XDG_STATE_HOME": folder.path])
        #expect(points.path == folder.path + "/feedback/places.json")
        #expect(points.point(for: "a") == nil)
        points.remember(ReturnPoints.Point(page: "goals/text", inlineGuidance: false), for: "a")
        points.remember(ReturnPoints.Point(page: "details", inlineGuidance: true), for: "b")
        points.remember(ReturnPoints.Point(page: "other/text", inlineGuidance: true), for: "a")
        #expect(points.point(for: "a") == ReturnPoints.Point(page: "other/text", inlineGuidance: true))
        #expect(points.point(for: "b") == ReturnPoints.Point(page: "details", inlineGuidance: true))
    }
}

/// The board's word on a hand-in is not cut on the start screen.
@Suite struct StartScreenRefusalTests {
    @Test func aRefusalsReasonWrapsUnderTheSelectedDraft() {
        let form = shippedForm()
        var summary = DraftSummary.of(SampleDrafts.complete(form), form: form, path: "/data/pf-aterkoppling-2028_hsn.json", language: .sv)
        let reason = "avvisad 2027-04-15 10:02: inlämnad av anna, som inte får lämna in för Hälso- och sjukvårdsnämnden enligt inkorgens lista; be regionstyrelsen lägga till dig eller låt en behörig lämna in SLUTORD"
        summary.handIn = HandInNote(kind: .refused, text: reason)
        let h = Harness(start: StartScreen(form: form, language: .sv, folder: "/data", drafts: [summary], time: .utc))
        let shown = h.lines().map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(shown.contains("SLUTORD"), "\(h.text())")
        #expect(shown.contains("låt en behörig lämna in"), "\(h.text())")
    }
}
