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
