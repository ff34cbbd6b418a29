/// A compiled pattern, matched by simulating all its states at once (Thompson's construction,
/// Pike's virtual machine without captures): time proportional to the text's length times the
/// program's size, for every pattern and every text. No backtracking, so no pattern can take
/// exponential or polynomial time.
struct PatternProgram: Sendable {
    enum Instruction: Sendable, Equatable {
        case scalar(UInt32)
        case any
        case set(Int)
        case split(Int, Int)
        case jump(Int)
        case start
        case end
        case boundary(Bool)
        case match
    }

    /// A class with its ASCII members in a bitmap.
    struct Class: Sendable {
        let members: ScalarClass
        let low: UInt64
        let high: UInt64

        init(_ members: ScalarClass) {
            self.members = members
            var low: UInt64 = 0
            var high: UInt64 = 0
            for v in UInt32(0)..<128 where members.contains(v) {
                if v < 64 { low |= 1 << UInt64(v) } else { high |= 1 << UInt64(v - 64) }
            }
            self.low = low
            self.high = high
        }

        @inline(__always)
        func contains(_ v: UInt32) -> Bool {
            if v < 64 { return low & (1 << UInt64(v)) != 0 }
            if v < 128 { return high & (1 << UInt64(v - 64)) != 0 }
            return members.contains(v)
        }
    }

    let instructions: [Instruction]
    let classes: [Class]
    /// Every match must start at the text's start (`^` first): one start state, and the
    /// search ends as soon as no state is left.
    let anchored: Bool

    static func compile(_ node: PatternNode, limits: Limits = .standard) throws(PatternError) -> PatternProgram {
        let size = PatternProgram.size(of: node, cap: limits.patternProgramSize + 1)
        guard size <= limits.patternProgramSize else {
            throw PatternError(offset: 0, reason: "the pattern's repetitions unroll to more than \(limits.patternProgramSize) steps")
        }
        var builder = Builder()
        builder.emit(node)
        builder.instructions.append(.match)
        return PatternProgram(instructions: builder.instructions, classes: builder.classes.map(Class.init),
                              anchored: PatternProgram.isAnchored(node))
    }

    /// The number of instructions `node` compiles to, stopping at `cap`.
    static func size(of node: PatternNode, cap: Int) -> Int {
        func clamp(_ n: Int) -> Int { min(n, cap) }
        switch node {
        case .empty: return 0
        case .scalar, .any, .set, .start, .end, .wordBoundary: return 1
        case .group(let inner): return size(of: inner, cap: cap)
        case .concatenation(let items):
            var total = 0
            for item in items { total = clamp(total + size(of: item, cap: cap)) }
            return total
        case .alternation(let branches):
            var total = 2 * (branches.count - 1)
            for branch in branches { total = clamp(total + size(of: branch, cap: cap)) }
            return clamp(total)
        case .repetition(let body, let min, let max):
            let s = size(of: body, cap: cap)
            let fixed = s.multipliedReportingOverflow(by: min)
            if fixed.overflow { return cap }
            let rest: Int
            if let max {
                let r = (s + 1).multipliedReportingOverflow(by: max - min)
                rest = r.overflow ? cap : r.partialValue
            } else {
                rest = s + 2
            }
            return clamp(fixed.partialValue + rest)
        }
    }

    static func isAnchored(_ node: PatternNode) -> Bool {
        switch node {
        case .start: return true
        case .group(let inner): return isAnchored(inner)
        case .concatenation(let items): return items.first.map(isAnchored) ?? false
        case .alternation(let branches): return branches.allSatisfy(isAnchored)
        default: return false
        }
    }

    private struct Builder {
        var instructions: [Instruction] = []
        var classes: [ScalarClass] = []

        mutating func emit(_ node: PatternNode) {
            switch node {
            case .empty: break
            case .scalar(let v): instructions.append(.scalar(v))
            case .any: instructions.append(.any)
            case .set(let set):
                classes.append(set)
                instructions.append(.set(classes.count - 1))
            case .start: instructions.append(.start)
            case .end: instructions.append(.end)
            case .wordBoundary(let on): instructions.append(.boundary(on))
            case .group(let inner): emit(inner)
            case .concatenation(let items): for item in items { emit(item) }
            case .alternation(let branches):
                var jumps: [Int] = []
                for (index, branch) in branches.enumerated() {
                    if index < branches.count - 1 {
                        let split = instructions.count
                        instructions.append(.split(split + 1, -1))
                        emit(branch)
                        jumps.append(instructions.count)
                        instructions.append(.jump(-1))
                        instructions[split] = .split(split + 1, instructions.count)
                    } else {
                        emit(branch)
                    }
                }
                for jump in jumps { instructions[jump] = .jump(instructions.count) }
            case .repetition(let body, let min, let max):
                for _ in 0..<min { emit(body) }
                if let max {
                    var splits: [Int] = []
                    for _ in 0..<(max - min) {
                        splits.append(instructions.count)
                        instructions.append(.split(instructions.count + 1, -1))
                        emit(body)
                    }
                    for split in splits { instructions[split] = .split(split + 1, instructions.count) }
                } else {
                    let loop = instructions.count
                    instructions.append(.split(loop + 1, -1))
                    emit(body)
                    instructions.append(.jump(loop))
                    instructions[loop] = .split(loop + 1, instructions.count)
                }
            }
        }
    }

    // MARK: - Matching

    /// Whether the pattern matches somewhere in `text` (a search, as JSON Schema's `pattern`
    /// and Python's `re.search`; anchor with `^ … $` to match the whole text).
    func matches(_ text: String) -> Bool {
        run(text).matched
    }

    /// The answer and the work done for it: `steps` counts every state visited, at most
    /// (length + 1) × (4 × instructions + 2) for any text (each state is entered once per
    /// position, and pushed at most twice by its predecessors), which tests and the fuzzer check.
    func run(_ text: String) -> (matched: Bool, steps: Int) {
        let scalars = text.unicodeScalars.map(\.value)
        var matcher = Matcher(program: self, scalars: scalars)
        let matched = matcher.run()
        return (matched, matcher.steps)
    }

    /// The most steps `run` may take on a text of `length` scalars.
    func stepBudget(length: Int) -> Int {
        (length + 1) * (4 * instructions.count + 2)
    }

    private struct Matcher {
        let program: PatternProgram
        let scalars: [UInt32]
        var marks: [Int]
        var generation = 0
        var stack: [Int] = []
        var steps = 0

        init(program: PatternProgram, scalars: [UInt32]) {
            self.program = program
            self.scalars = scalars
            marks = [Int](repeating: -1, count: program.instructions.count)
        }

        func isWordAt(_ i: Int) -> Bool { i >= 0 && i < scalars.count && ScalarClass.isWord(scalars[i]) }

        /// Adds the state `pc` and every state reachable from it without reading a scalar, at
        /// position `i`. True when the match state is reached.
        mutating func add(_ pc: Int, at i: Int, to list: inout [Int]) -> Bool {
            stack.append(pc)
            while let p = stack.popLast() {
                steps += 1
                if marks[p] == generation { continue }
                marks[p] = generation
                switch program.instructions[p] {
                case .jump(let target): stack.append(target)
                case .split(let a, let b):
                    stack.append(b)
                    stack.append(a)
                case .start: if i == 0 { stack.append(p + 1) }
                case .end: if i == scalars.count { stack.append(p + 1) }
                case .boundary(let wanted): if (isWordAt(i - 1) != isWordAt(i)) == wanted { stack.append(p + 1) }
                case .match:
                    stack.removeAll(keepingCapacity: true)
                    return true
                case .scalar, .any, .set:
                    list.append(p)
                }
            }
            return false
        }

        mutating func run() -> Bool {
            var current: [Int] = []
            var next: [Int] = []
            current.reserveCapacity(program.instructions.count)
            next.reserveCapacity(program.instructions.count)
            generation = 0
            if add(0, at: 0, to: &current) { return true }
            for i in 0..<scalars.count {
                if current.isEmpty && program.anchored { return false }
                generation += 1
                next.removeAll(keepingCapacity: true)
                let c = scalars[i]
                for p in current {
                    steps += 1
                    let advances: Bool
                    switch program.instructions[p] {
                    case .scalar(let v): advances = v == c
                    case .any: advances = !ScalarClass.isLineEnd(c)
                    case .set(let k): advances = program.classes[k].contains(c)
                    default: advances = false
                    }
                    if advances, add(p + 1, at: i + 1, to: &next) { return true }
                }
                if !program.anchored, add(0, at: i + 1, to: &next) { return true }
                swap(&current, &next)
            }
            return false
        }
    }
}
