/// A strict RFC 8259 JSON parser that, unlike Foundation's, rejects duplicate member names,
/// bounds nesting depth, keeps number literals exact, and reports line and column of errors.
public struct JSONParser {
    /// Why a text is not acceptable JSON, with the place where reading stopped.
    public struct Failure: Error, Sendable, Equatable {
        public enum Problem: Sendable, Equatable {
            case empty
            case unexpectedEnd
            case unexpectedCharacter(String)
            case invalidUTF8
            case invalidEscape
            case loneSurrogate
            case controlCharacterInString
            case invalidNumber
            case duplicateKey(String)
            case tooDeep(limit: Int)
            case trailingContent
        }
        public var problem: Problem
        public var offset: Int
        public var line: Int
        public var column: Int
    }

    public static let defaultMaximumDepth = 128

    private let bytes: [UInt8]
    private var index = 0
    private let maximumDepth: Int
    private let allowDuplicateKeys: Bool

    private init(bytes: [UInt8], maximumDepth: Int, allowDuplicateKeys: Bool) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        self.allowDuplicateKeys = allowDuplicateKeys
    }

    /// Parses one JSON text. A leading UTF-8 byte order mark is skipped. Duplicate member
    /// names are valid JSON (RFC 8259 only says they SHOULD be unique) but ambiguous, so they
    /// are refused unless `allowDuplicateKeys` is set, in which case the last one wins.
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth,
                             allowDuplicateKeys: Bool = false) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth, allowDuplicateKeys: allowDuplicateKeys)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        guard parser.index < bytes.count else { throw parser.failure(.empty) }
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.failure(.trailingContent) }
        return value
    }

    public static func parse(_ text: String, maximumDepth: Int = defaultMaximumDepth,
                             allowDuplicateKeys: Bool = false) throws(Failure) -> JSONValue {
        try parse(Array(text.utf8), maximumDepth: maximumDepth, allowDuplicateKeys: allowDuplicateKeys)
    }

    private func failure(_ problem: Failure.Problem, at offset: Int? = nil) -> Failure {
        let end = min(offset ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        var i = 0
        while i < end {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        // Columns count characters (UTF-8 lead bytes), not bytes.
        var column = 1
        i = lineStart
        while i < end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return Failure(problem: problem, offset: end, line: line, column: column)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return String(UnicodeScalar(byte)) }
        return "0x" + String(byte, radix: 16, uppercase: true)
    }

    private mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
        guard index < bytes.count else { throw failure(.unexpectedEnd) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure(.unexpectedCharacter(describe(bytes[index])))
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(Failure) {
        let start = index
        var k = 0
        for expected in literal.utf8 {
            guard index < bytes.count else { throw failure(.unexpectedEnd) }
            guard bytes[index] == expected else {
                throw failure(.unexpectedCharacter(describe(bytes[index])), at: k == 0 ? start : index)
            }
            index += 1
            k += 1
        }
    }

    private mutating func parseObject(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= maximumDepth else { throw failure(.tooDeep(limit: maximumDepth)) }
        index += 1
        var object = JSONObject()
        var seen = Set<String>()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw failure(.unexpectedEnd) }
            guard bytes[index] == UInt8(ascii: "\"") else { throw failure(.unexpectedCharacter(describe(bytes[index]))) }
            let keyStart = index
            let key = try parseString()
            let isNew = seen.insert(key).inserted
            guard isNew || allowDuplicateKeys else { throw failure(.duplicateKey(key), at: keyStart) }
            skipWhitespace()
            guard index < bytes.count else { throw failure(.unexpectedEnd) }
            guard bytes[index] == UInt8(ascii: ":") else { throw failure(.unexpectedCharacter(describe(bytes[index]))) }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            if isNew { object.appendUnchecked(key, value) } else { object[key] = value }
            skipWhitespace()
            guard index < bytes.count else { throw failure(.unexpectedEnd) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(object)
            default: throw failure(.unexpectedCharacter(describe(bytes[index])))
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= maximumDepth else { throw failure(.tooDeep(limit: maximumDepth)) }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw failure(.unexpectedEnd) }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: throw failure(.unexpectedCharacter(describe(bytes[index])))
            }
        }
    }

    private mutating func parseNumber() throws(Failure) -> JSONValue {
        let start = index
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw failure(.invalidNumber, at: start) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if isDigit(bytes[index]) {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        } else {
            throw failure(.invalidNumber, at: start)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure(.invalidNumber, at: start) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw failure(.invalidNumber, at: start) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        return .number(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private mutating func parseString() throws(Failure) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let slice = bytes[start..<index]
                guard let s = String(validating: slice, as: UTF8.self) else {
                    throw failure(.invalidUTF8, at: firstInvalidUTF8(start, index))
                }
                index += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw failure(.controlCharacterInString) }
            index += 1
        }
        guard index < bytes.count else { throw failure(.unexpectedEnd) }
        // Slow path with escapes: collect bytes, then validate once.
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let b = bytes[index]
            switch b {
            case UInt8(ascii: "\""):
                index += 1
                guard let s = String(validating: buffer, as: UTF8.self) else {
                    throw failure(.invalidUTF8, at: start)
                }
                return s
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw failure(.unexpectedEnd) }
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "\""): buffer.append(0x22)
                case UInt8(ascii: "\\"): buffer.append(0x5C)
                case UInt8(ascii: "/"): buffer.append(0x2F)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw failure(.invalidEscape, at: index - 2)
                }
            default:
                if b < 0x20 { throw failure(.controlCharacterInString) }
                buffer.append(b)
                index += 1
            }
        }
        throw failure(.unexpectedEnd)
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure(.unexpectedEnd) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw failure(.invalidEscape)
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func parseUnicodeEscape() throws(Failure) -> Unicode.Scalar {
        let escapeStart = index - 2
        let first = try hex4()
        if first >= 0xD800 && first <= 0xDBFF {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw failure(.loneSurrogate, at: escapeStart)
            }
            index += 2
            let second = try hex4()
            guard second >= 0xDC00 && second <= 0xDFFF else { throw failure(.loneSurrogate, at: escapeStart) }
            let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(combined) else { throw failure(.loneSurrogate, at: escapeStart) }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw failure(.loneSurrogate, at: escapeStart) }
        return scalar
    }

    private func firstInvalidUTF8(_ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end {
            var j = i + 1
            while j <= end, j - i <= 4 {
                if String(validating: bytes[i..<j], as: UTF8.self) != nil { break }
                j += 1
            }
            if j > end || j - i > 4 { return i }
            i = j
        }
        return start
    }
}

extension JSONParser.Failure.Problem {
    /// A short English description (the localized one lives with the messages).
    public var englishDescription: String {
        switch self {
        case .empty: return "the file is empty"
        case .unexpectedEnd: return "the text ends too early (truncated?)"
        case .unexpectedCharacter(let c): return "unexpected character \(c)"
        case .invalidUTF8: return "invalid UTF-8"
        case .invalidEscape: return "invalid escape sequence"
        case .loneSurrogate: return "lone UTF-16 surrogate in \\u escape"
        case .controlCharacterInString: return "unescaped control character in a string"
        case .invalidNumber: return "invalid number"
        case .duplicateKey(let key): return "duplicate key \"\(key)\""
        case .tooDeep(let limit): return "nested deeper than \(limit) levels"
        case .trailingContent: return "more content after the end of the JSON value"
        }
    }
}
