/// Refuses the pattern shapes that make backtracking matchers take exponential or
/// polynomial time: our own matcher is linear whatever the pattern, but a form's patterns
/// also go into the export's JSON Schema, which the board checks with standard validators
/// (Python's `re`, JavaScript's `RegExp`) that backtrack. A form author gets the reason and
/// a way to write the pattern instead.
enum PatternSafety {
    static func check(_ node: PatternNode) throws(PatternError) {
        try visit(node)
    }

    private static func visit(_ node: PatternNode) throws(PatternError) {
        switch node {
        case .group(let inner):
            try visit(inner)
        case .alternation(let branches):
            for branch in branches { try visit(branch) }
        case .concatenation(let items):
            for item in items { try visit(item) }
            try checkNeighbours(items)
        case .repetition(let body, _, let max):
            try visit(body)
            guard max == nil || max! > 1 else { return }
            if intersects(endingRepetitions(body), first(body)) {
                throw PatternError(offset: 0, reason: """
                    it repeats a part that ends in a repetition of characters it can also begin with (such as \
                    (a+)+ or (\\w+ ?)*): on a value that almost matches, a backtracking validator tries every way to \
                    share the characters between the repetitions, which takes time exponential in the value's length; \
                    repeat only once (a+), or begin each repetition with a separator (\\w+( \\w+)*)
                    """)
            }
            if nullable(body) {
                throw PatternError(offset: 0, reason: """
                    it repeats a part that can match an empty text (such as (a?)* or (|a)+): a backtracking \
                    validator can loop over empty matches; make the repeated part match at least one character
                    """)
            }
            if let clash = overlappingAlternatives(body) {
                throw PatternError(offset: 0, reason: """
                    inside a repetition, alternatives can begin with the same character (\(clash)), as in (a|ab)*: \
                    a backtracking validator tries both for every repetition, which takes exponential time; \
                    make the alternatives begin differently
                    """)
            }
        default:
            break
        }
    }

    /// Two unbounded repetitions in a row that can match the same characters (`\d+\d*`,
    /// `.*.*`, `\w+\s*\w+`): a backtracking validator tries every split of the value between
    /// them (polynomial time, in the number of such repetitions).
    private static func checkNeighbours(_ items: [PatternNode]) throws(PatternError) {
        for (i, item) in items.enumerated() where isLargeVariableRepetition(item) {
            let consumed = characters(item)
            var j = i + 1
            while j < items.count {
                let next = items[j]
                if startsWithLargeVariableRepetition(next), intersects(consumed, first(next)) {
                    throw PatternError(offset: 0, reason: """
                        two repetitions in a row can match the same characters (such as \\d+\\d* or .*.*): a \
                        backtracking validator tries every way to split the value between them; join them \
                        into one repetition or separate them by a character neither can match
                        """)
                }
                if !nullable(next) { break }
                j += 1
            }
        }
    }

    // MARK: - Properties of nodes

    /// A repetition whose count varies, with more than one possible repetition.
    private static func isVariableRepetition(_ node: PatternNode) -> Bool {
        guard case .repetition(_, let min, let max) = node else { return false }
        return max == nil || (max! > 1 && max! != min)
    }

    /// A varying repetition that can run long (unbounded or 64 and more).
    private static func isLargeVariableRepetition(_ node: PatternNode) -> Bool {
        guard case .repetition(_, let min, let max) = node else { return false }
        return max == nil || (max! >= 64 && max! != min)
    }

    private static func startsWithLargeVariableRepetition(_ node: PatternNode) -> Bool {
        switch node {
        case .repetition: return isLargeVariableRepetition(node)
        case .group(let inner): return startsWithLargeVariableRepetition(inner)
        case .concatenation(let items): return items.first.map(startsWithLargeVariableRepetition) ?? false
        case .alternation(let branches): return branches.contains(where: startsWithLargeVariableRepetition)
        default: return false
        }
    }

    /// What the varying repetitions that can end a match of `node` can read: where one
    /// repetition of an enclosing loop ends and the next begins is then ambiguous if the loop
    /// can begin with one of those characters. A repetition counts as ending the node when
    /// what follows it is optional or could be read by it too (`a*a` ends in `a*`).
    static func endingRepetitions(_ node: PatternNode) -> [Reader] {
        switch node {
        case .repetition(let body, _, _):
            return isVariableRepetition(node) ? characters(body) : endingRepetitions(body)
        case .group(let inner): return endingRepetitions(inner)
        case .alternation(let branches): return branches.flatMap(endingRepetitions)
        case .concatenation(let items):
            var result: [Reader] = []
            var after: [[Reader]] = []  // what the items after the current one must read
            for item in items.reversed() {
                let ending = endingRepetitions(item)
                if !ending.isEmpty, after.allSatisfy({ intersects(ending, $0) }) { result += ending }
                if !nullable(item) { after.append(first(item)) }
            }
            return result
        default:
            return []
        }
    }

    /// Whether the node can match without reading a character.
    static func nullable(_ node: PatternNode) -> Bool {
        switch node {
        case .empty, .start, .end, .wordBoundary: return true
        case .scalar, .any, .set: return false
        case .group(let inner): return nullable(inner)
        case .concatenation(let items): return items.allSatisfy(nullable)
        case .alternation(let branches): return branches.contains(where: nullable)
        case .repetition(let body, let min, _): return min == 0 || nullable(body)
        }
    }

    /// A single-character matcher, for comparing what two parts can read.
    enum Reader {
        case scalar(UInt32)
        case any
        case set(ScalarClass)

        func accepts(_ v: UInt32) -> Bool {
            switch self {
            case .scalar(let s): return s == v
            case .any: return !ScalarClass.isLineEnd(v)
            case .set(let set): return set.contains(v)
            }
        }

        /// Scalars worth trying when looking for a common member.
        var landmarks: [UInt32] {
            switch self {
            case .scalar(let s): return [s]
            case .any: return []
            case .set(let set):
                return set.items.flatMap { item -> [UInt32] in
                    if case .range(let lo, let hi) = item { return [lo, hi, lo &+ 1, hi &- 1, lo &- 1, hi &+ 1] }
                    return []
                }
            }
        }
    }

    /// What the first character read by the node can be.
    static func first(_ node: PatternNode) -> [Reader] {
        switch node {
        case .empty, .start, .end, .wordBoundary: return []
        case .scalar(let v): return [.scalar(v)]
        case .any: return [.any]
        case .set(let set): return [.set(set)]
        case .group(let inner): return first(inner)
        case .alternation(let branches): return branches.flatMap(first)
        case .repetition(let body, _, _): return first(body)
        case .concatenation(let items):
            var result: [Reader] = []
            for item in items {
                result += first(item)
                if !nullable(item) { break }
            }
            return result
        }
    }

    /// Every character the node can read, anywhere in it.
    static func characters(_ node: PatternNode) -> [Reader] {
        switch node {
        case .empty, .start, .end, .wordBoundary: return []
        case .scalar(let v): return [.scalar(v)]
        case .any: return [.any]
        case .set(let set): return [.set(set)]
        case .group(let inner), .repetition(let inner, _, _): return characters(inner)
        case .alternation(let items), .concatenation(let items): return items.flatMap(characters)
        }
    }

    /// A few scalars beyond ASCII and Latin-1 that the classes treat differently.
    private static let probes: [UInt32] = Array(0...0x24F) + [
        0x0301, 0x0391, 0x03B1, 0x0416, 0x0436, 0x05D0, 0x0627, 0x0661, 0x0966, 0x1680, 0x2000, 0x2028, 0x2029,
        0x202F, 0x203F, 0x205F, 0x3000, 0x3042, 0x4E2D, 0xFEFF, 0xFF10, 0xFF21, 0x1D7CE, 0x1F600, 0x10FFFF,
    ]

    /// Whether some character can be read by one of `a` and one of `b`.
    static func intersects(_ a: [Reader], _ b: [Reader]) -> Bool {
        guard !a.isEmpty, !b.isEmpty else { return false }
        let candidates = probes + a.flatMap(\.landmarks) + b.flatMap(\.landmarks)
        return candidates.contains { v in a.contains { $0.accepts(v) } && b.contains { $0.accepts(v) } }
    }

    /// The first clash between alternatives in the node (outside nested repetitions, which
    /// are refused anyway), described, or nil.
    private static func overlappingAlternatives(_ node: PatternNode) -> String? {
        switch node {
        case .group(let inner): return overlappingAlternatives(inner)
        case .concatenation(let items):
            for item in items {
                if let clash = overlappingAlternatives(item) { return clash }
            }
            return nil
        case .alternation(let branches):
            let firsts = branches.map(first)
            for i in 0..<firsts.count {
                for j in (i + 1)..<firsts.count where intersects(firsts[i], firsts[j]) {
                    return "alternatives \(i + 1) and \(j + 1)"
                }
            }
            for branch in branches {
                if let clash = overlappingAlternatives(branch) { return clash }
            }
            return nil
        default:
            return nil
        }
    }
}
