/// A form's regular expression, parsed. The syntax is the common part of ECMAScript's (which
/// JSON Schema names) and Python's `re`: literals, `.`, classes `[...]`, `\d \w \s \D \W \S`,
/// `\b \B`, `^ $`, groups `(...)` and `(?:...)`, `|`, and `* + ? {m} {m,} {m,n}` (a lazy `?`
/// after them is accepted and means nothing for a yes/no match). Backreferences, lookaround,
/// named groups and flags are refused: they cannot be matched in linear time.
indirect enum PatternNode: Sendable, Equatable {
    case empty
    case scalar(UInt32)
    /// `.`: any scalar but a line end.
    case any
    case set(ScalarClass)
    case start
    case end
    /// `\b` (true) or `\B` (false).
    case wordBoundary(Bool)
    case group(PatternNode)
    case concatenation([PatternNode])
    case alternation([PatternNode])
    /// `max` nil: no upper bound.
    case repetition(PatternNode, min: Int, max: Int?)
}

/// Why a pattern was refused, with the place (in characters from its start).
public struct PatternError: Error, Sendable, Equatable {
    public var offset: Int
    public var reason: String
}

/// A set of scalars: ranges and the classes `\d \w \s` (each possibly negated), possibly negated as a whole.
struct ScalarClass: Sendable, Equatable {
    enum Item: Sendable, Equatable {
        case range(UInt32, UInt32)
        case digit(negated: Bool)
        case word(negated: Bool)
        case space(negated: Bool)
    }
    var items: [Item]
    var negated: Bool

    func contains(_ v: UInt32) -> Bool {
        var found = false
        for item in items {
            switch item {
            case .range(let lo, let hi): found = v >= lo && v <= hi
            case .digit(let negated): found = ScalarClass.isDigit(v) != negated
            case .word(let negated): found = ScalarClass.isWord(v) != negated
            case .space(let negated): found = TextRules.isWhitespace(v) != negated
            }
            if found { break }
        }
        return found != negated
    }

    /// Unicode decimal digits (general category Nd), as Python's and Swift's `\d`.
    static func isDigit(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        guard let scalar = Unicode.Scalar(v) else { return false }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// Letters, marks, numbers and `_` (connector punctuation), as Python's and Swift's `\w`.
    static func isWord(_ v: UInt32) -> Bool {
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
        }
        guard let scalar = Unicode.Scalar(v) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation:
            return true
        default:
            return false
        }
    }

    /// `.`: everything but LF, CR, U+2028 and U+2029 (ECMAScript's line terminators).
    static func isLineEnd(_ v: UInt32) -> Bool {
        v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029
    }
}

/// Parses a pattern's text into `PatternNode`s.
struct PatternParser {
    private let scalars: [UInt32]
    private var position = 0
    private let limits: Limits

    init(_ pattern: String, limits: Limits) {
        scalars = pattern.unicodeScalars.map(\.value)
        self.limits = limits
    }

    static func parse(_ pattern: String, limits: Limits = .standard) throws(PatternError) -> PatternNode {
        var parser = PatternParser(pattern, limits: limits)
        guard parser.scalars.count <= limits.patternLength else {
            throw PatternError(offset: 0, reason: "the pattern is longer than \(limits.patternLength) characters")
        }
        let node = try parser.alternation(depth: 0)
        if parser.position < parser.scalars.count {
            throw PatternError(offset: parser.position, reason: "an unmatched \")\"")
        }
        return node
    }

    private var atEnd: Bool { position >= scalars.count }
    private func peek(_ offset: Int = 0) -> UInt32? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private func fail(_ reason: String, at offset: Int? = nil) -> PatternError {
        PatternError(offset: offset ?? position, reason: reason)
    }

    private mutating func alternation(depth: Int) throws(PatternError) -> PatternNode {
        guard depth < 50 else { throw fail("groups are nested more than 50 deep") }
        var branches = [try concatenation(depth: depth)]
        while peek() == 0x7C {  // |
            position += 1
            branches.append(try concatenation(depth: depth))
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func concatenation(depth: Int) throws(PatternError) -> PatternNode {
        var items: [PatternNode] = []
        while let c = peek(), c != 0x7C, c != 0x29 {  // | )
            let start = position
            var atom = try self.atom(depth: depth)
            if let (min, max) = try quantifier() {
                switch atom {
                case .start, .end, .wordBoundary, .empty:
                    throw fail("nothing to repeat before the quantifier", at: start)
                default:
                    break
                }
                atom = .repetition(atom, min: min, max: max)
                if let next = peek(), next == 0x2A || next == 0x2B || next == 0x3F || (next == 0x7B && quantifierFollows()) {
                    throw fail("a quantifier follows another one (such as a** or a+{2}); write the repetition once", at: position)
                }
            }
            items.append(atom)
        }
        if items.isEmpty { return .empty }
        return items.count == 1 ? items[0] : .concatenation(items)
    }

    /// Whether `{` at the current position starts a valid `{m}`, `{m,}` or `{m,n}`.
    private func quantifierFollows() -> Bool {
        var i = position + 1
        var digits = 0
        while i < scalars.count, scalars[i] >= 0x30, scalars[i] <= 0x39 { i += 1; digits += 1 }
        guard digits > 0, i < scalars.count else { return false }
        if scalars[i] == 0x7D { return true }
        guard scalars[i] == 0x2C else { return false }
        i += 1
        while i < scalars.count, scalars[i] >= 0x30, scalars[i] <= 0x39 { i += 1 }
        return i < scalars.count && scalars[i] == 0x7D
    }

    private mutating func quantifier() throws(PatternError) -> (Int, Int?)? {
        guard let c = peek() else { return nil }
        var result: (Int, Int?)
        switch c {
        case 0x2A: position += 1; result = (0, nil)  // *
        case 0x2B: position += 1; result = (1, nil)  // +
        case 0x3F: position += 1; result = (0, 1)    // ?
        case 0x7B where quantifierFollows():          // {
            let start = position
            position += 1
            let min = try number(start: start)
            var max: Int? = min
            if peek() == 0x2C {
                position += 1
                max = peek() == 0x7D ? nil : try number(start: start)
            }
            position += 1  // }
            if let max, max < min { throw fail("{\(min),\(max)} has its smallest count above its largest", at: start) }
            result = (min, max)
        default:
            return nil
        }
        if peek() == 0x3F { position += 1 }  // lazy: the same yes/no answer
        return result
    }

    private mutating func number(start: Int) throws(PatternError) -> Int {
        var value = 0
        while let c = peek(), c >= 0x30, c <= 0x39 {
            value = value * 10 + Int(c - 0x30)
            if value > limits.patternRepetition {
                throw fail("a count in {…} is above \(limits.patternRepetition)", at: start)
            }
            position += 1
        }
        return value
    }

    private mutating func atom(depth: Int) throws(PatternError) -> PatternNode {
        let start = position
        guard let c = peek() else { throw fail("the pattern ends too early") }
        if c == 0x7B && quantifierFollows() { throw fail("nothing to repeat before the quantifier", at: start) }
        position += 1
        switch c {
        case 0x2E: return .any                  // .
        case 0x5E: return .start                // ^
        case 0x24: return .end                  // $
        case 0x5B: return .set(try characterClass(start: start))
        case 0x28:                              // (
            if peek() == 0x3F {                 // (?
                guard peek(1) == 0x3A else {
                    throw fail(Self.describeGroup(peek(1), peek(2)), at: start)
                }
                position += 2
            }
            let inner = try alternation(depth: depth + 1)
            guard peek() == 0x29 else { throw fail("a \"(\" is never closed", at: start) }
            position += 1
            return .group(inner)
        case 0x29: throw fail("an unmatched \")\"", at: start)
        case 0x2A, 0x2B, 0x3F: throw fail("nothing to repeat before the quantifier", at: start)
        case 0x5C: return try escape(start: start, inClass: false)
        default: return .scalar(c)
        }
    }

    private static func describeGroup(_ a: UInt32?, _ b: UInt32?) -> String {
        switch (a, b) {
        case (0x3D?, _), (0x21?, _): return "lookahead (?= …) and (?! …) is not supported"
        case (0x3C?, 0x3D?), (0x3C?, 0x21?): return "lookbehind (?<= …) and (?<! …) is not supported"
        case (0x3C?, _), (0x50?, _): return "named groups (?<name> …) are not supported; use ( … ) or (?: … )"
        default: return "(? … ) with flags or other extensions is not supported; only (?: … ) is"
        }
    }

    /// An escape after `\`: a class, an assertion or a literal scalar.
    private mutating func escape(start: Int, inClass: Bool) throws(PatternError) -> PatternNode {
        guard let c = peek() else { throw fail("the pattern ends with a lone \\", at: start) }
        position += 1
        switch c {
        case 0x64: return .set(ScalarClass(items: [.digit(negated: false)], negated: false))  // d
        case 0x44: return .set(ScalarClass(items: [.digit(negated: true)], negated: false))   // D
        case 0x77: return .set(ScalarClass(items: [.word(negated: false)], negated: false))   // w
        case 0x57: return .set(ScalarClass(items: [.word(negated: true)], negated: false))    // W
        case 0x73: return .set(ScalarClass(items: [.space(negated: false)], negated: false))  // s
        case 0x53: return .set(ScalarClass(items: [.space(negated: true)], negated: false))   // S
        case 0x62: if inClass { return .scalar(0x08) }; return .wordBoundary(true)            // b
        case 0x42 where !inClass: return .wordBoundary(false)                                 // B
        case 0x6E: return .scalar(0x0A)
        case 0x72: return .scalar(0x0D)
        case 0x74: return .scalar(0x09)
        case 0x66: return .scalar(0x0C)
        case 0x76: return .scalar(0x0B)
        case 0x30 where !(peek().map { $0 >= 0x30 && $0 <= 0x39 } ?? false): return .scalar(0)
        case 0x31...0x39: throw fail("backreferences (\\1 …) are not supported", at: start)
        case 0x75:                                                                            // u
            guard let value = hex(count: 4) else { throw fail("\\u must be followed by four hexadecimal digits", at: start) }
            return .scalar(value)
        case 0x78:                                                                            // x
            guard let value = hex(count: 2) else { throw fail("\\x must be followed by two hexadecimal digits", at: start) }
            return .scalar(value)
        case 0x70, 0x50: throw fail("Unicode property classes (\\p{…}) are not supported", at: start)
        case 0x6B: throw fail("named backreferences (\\k<…>) are not supported", at: start)
        default:
            let isLetterOrDigit = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            if isLetterOrDigit { throw fail("the escape \\\(String(UnicodeScalar(UInt8(c)))) is not supported", at: start) }
            return .scalar(c)  // \. \- \\ \/ \[ and any other escaped sign
        }
    }

    private mutating func hex(count: Int) -> UInt32? {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let c = peek() else { return nil }
            let digit: UInt32
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x41...0x46: digit = c - 0x41 + 10
            case 0x61...0x66: digit = c - 0x61 + 10
            default: return nil
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    private mutating func characterClass(start: Int) throws(PatternError) -> ScalarClass {
        var negated = false
        if peek() == 0x5E { negated = true; position += 1 }
        var items: [ScalarClass.Item] = []
        var first = true
        while true {
            guard let c = peek() else { throw fail("a \"[\" is never closed", at: start) }
            if c == 0x5D && !first { position += 1; break }  // ] (a leading ] is a literal in Python)
            if c == 0x5D && first { throw fail("an empty class [] matches nothing", at: start) }
            first = false
            if c == 0x5B, peek(1) == 0x3A { throw fail("POSIX classes like [[:alpha:]] are not supported; use \\w, \\d, \\s or ranges", at: position) }
            let low = try classAtom()
            if peek() == 0x2D, let after = peek(1), after != 0x5D {  // a range a-z
                let dash = position
                position += 1
                let high = try classAtom()
                guard case .range(let lo, _) = low, case .range(let hi, _) = high else {
                    throw fail("a range in a class must go from one character to another, not from a class like \\d", at: dash)
                }
                guard lo <= hi else { throw fail("the range in the class goes backwards", at: dash) }
                items.append(.range(lo, hi))
            } else {
                items.append(low)
            }
        }
        return ScalarClass(items: items, negated: negated)
    }

    /// One member of a class: a scalar (as a one-scalar range) or an escaped class.
    private mutating func classAtom() throws(PatternError) -> ScalarClass.Item {
        guard let c = peek() else { throw fail("a \"[\" is never closed") }
        let start = position
        position += 1
        guard c == 0x5C else { return .range(c, c) }
        switch try escape(start: start, inClass: true) {
        case .scalar(let v): return .range(v, v)
        case .set(let set) where set.items.count == 1 && !set.negated: return set.items[0]
        default: throw fail("this escape cannot be used inside a class", at: start)
        }
    }
}
