/// The shortest edit script between two sequences (Myers' O((N+M)·D) algorithm), after
/// taking off their common prefix and suffix. Bounded: past `maxEdits` differences (fewer
/// for long inputs, so that the search takes at most about `workLimit` steps and D² memory
/// stays small) it gives the coarse script (everything in the middle removed, then added)
/// instead of searching on, so a huge input never takes quadratic time or memory.
enum EditScript {
    static let workLimit = 8_000_000

    enum Op: Equatable {
        case equal, delete, insert
    }

    static func between<T: Equatable>(_ a: [T], _ b: [T], maxEdits: Int = 2000) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        let budget = min(maxEdits, max(100, workLimit / max(1, middleA.count + middleB.count)))
        let middle = myers(middleA, middleB, maxEdits: budget)
            ?? Array(repeating: .delete, count: middleA.count) + Array(repeating: .insert, count: middleB.count)
        return Array(repeating: .equal, count: prefix) + middle + Array(repeating: .equal, count: suffix)
    }

    /// Nil when the sequences differ in more than `maxEdits` places.
    static func myers<T: Equatable>(_ a: [T], _ b: [T], maxEdits: Int) -> [Op]? {
        let n = a.count, m = b.count
        if n == 0 { return Array(repeating: .insert, count: m) }
        if m == 0 { return Array(repeating: .delete, count: n) }
        let limit = min(n + m, max(0, maxEdits))
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // trace[d] holds v[-d...d] as it was before step d (d² values in all).
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            var k = -d
            while k <= d {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { return backtrack(trace, n: n, m: m, d: d) }
                k += 2
            }
        }
        return nil
    }

    private static func backtrack(_ trace: [[Int]], n: Int, m: Int, d final: Int) -> [Op] {
        var ops: [Op] = []
        ops.reserveCapacity(n + m)
        var x = n, y = m
        var d = final
        while d > 0 {
            let saved = trace[d]  // v[-d...d] before step d, i.e. after step d-1
            func at(_ k: Int) -> Int { saved[k + d] }
            let k = x - y
            let down = k == -d || (k != d && at(k - 1) < at(k + 1))
            let previousK = down ? k + 1 : k - 1
            let previousX = at(previousK)
            let previousY = previousX - previousK
            while x > previousX + (down ? 0 : 1), y > previousY + (down ? 1 : 0) {
                ops.append(.equal)
                x -= 1
                y -= 1
            }
            ops.append(down ? .insert : .delete)
            x = previousX
            y = previousY
            d -= 1
        }
        while x > 0, y > 0 { ops.append(.equal); x -= 1; y -= 1 }
        return ops.reversed()
    }
}
