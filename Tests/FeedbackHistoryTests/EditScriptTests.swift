import Foundation
import Testing
import TestSupport
@testable import FeedbackHistory

/// The edit script is valid (it turns A into B) and as short as the longest common
/// subsequence allows; past its budget it stays valid and fast.
@Suite struct EditScriptTests {
    /// The length of the longest common subsequence, by dynamic programming (the reference).
    func lcs(_ a: [Int], _ b: [Int]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var current = [Int](repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() { current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j]) }
            previous = current
        }
        return previous[b.count]
    }

    func apply(_ ops: [EditScript.Op], _ a: [Int], _ b: [Int]) -> (result: [Int], kept: [Int])? {
        var i = 0, j = 0
        var result: [Int] = [], kept: [Int] = []
        for op in ops {
            switch op {
            case .equal:
                guard i < a.count, j < b.count, a[i] == b[j] else { return nil }
                result.append(b[j]); kept.append(a[i]); i += 1; j += 1
            case .delete:
                guard i < a.count else { return nil }
                i += 1
            case .insert:
                guard j < b.count else { return nil }
                result.append(b[j]); j += 1
            }
        }
        return i == a.count && j == b.count ? (result, kept) : nil
    }

    @Test func shortestAndValidOnRandomSequences() throws {
        var g = SeededGenerator.forTest("shortestAndValidOnRandomSequences")
        let seed = g.seed
        for _ in 0..<600 {
            let alphabet = Int.random(in: 1...6, using: &g)
            let a = (0..<Int.random(in: 0...40, using: &g)).map { _ in Int.random(in: 0..<alphabet, using: &g) }
            var b = a
            for _ in 0..<Int.random(in: 0...12, using: &g) {
                if !b.isEmpty, Bool.random(using: &g) { b.remove(at: Int.random(in: 0..<b.count, using: &g)) }
                else { b.insert(Int.random(in: 0..<alphabet, using: &g), at: Int.random(in: 0...b.count, using: &g)) }
            }
            let ops = EditScript.between(a, b)
            let applied = try #require(apply(ops, a, b), "seed \(seed): \(a) → \(b): invalid script")
            #expect(applied.result == b)
            #expect(ops.filter { $0 == .equal }.count == lcs(a, b), "seed \(seed): \(a) → \(b): not the shortest")
        }
    }

    @Test func pastTheBudgetTheScriptIsCoarseButValid() throws {
        let a = Array(0..<30)
        let b = a.map { $0 % 2 == 0 ? $0 : -$0 }  // 15 changes: 30 edits
        let bounded = EditScript.between(a, b, maxEdits: 10)
        #expect(try #require(apply(bounded, a, b)).result == b)
        #expect(bounded.filter { $0 == .equal }.count == 1)  // only the common prefix (0)
        #expect(EditScript.between(a, b).filter { $0 == .equal }.count == 15)
    }

    @Test func hugeDifferentInputsGiveTheCoarseScript() throws {
        // 200 000 words against 200 000 other words: the budget stops the search after 2 000
        // differences (an unbounded search would need 400 000² steps here), and the script
        // is everything removed, then everything added.
        let a = Array(0..<200_000)
        let b = Array(200_000..<400_000)
        let ops = EditScript.between(a, b)
        #expect(ops.count == 400_000)
        #expect(ops.prefix(200_000).allSatisfy { $0 == .delete } && ops.suffix(200_000).allSatisfy { $0 == .insert })
        #expect(EditScript.myers(a, b, maxEdits: 2000) == nil)
    }

    @Test func longInputsGetASmallerBudget() throws {
        // 100 000 words with every 50th changed: 4 000 edits would be needed, but with this
        // length the budget is 8 000 000 / 200 000 = 40, so the middle is coarse (and valid).
        let a = Array(0..<100_000)
        let b = a.map { $0 % 50 == 25 ? -$0 : $0 }
        let ops = EditScript.between(a, b)
        #expect(try #require(apply(ops, a, b)).result == b)
        #expect(ops.filter { $0 == .equal }.count == 25 + 24)  // the common prefix and suffix only
        // A short input with the same density gets its shortest script.
        let short = Array(a.prefix(1_000)), shortB = Array(b.prefix(1_000))
        #expect(EditScript.between(short, shortB).filter { $0 == .equal }.count == 980)
    }
}
