/// Markdown's inline syntax turned into plain text: backslash escapes and character
/// references decoded, emphasis and strong markers removed (matched as CommonMark matches
/// them, so a lone `*` stays), code spans literal, links as "text (address)", images as their
/// description, autolinks as the address, `<br>` in table cells as a line break.
enum MarkdownInline {
    private enum Piece {
        case text(String)
        case delimiter(char: Unicode.Scalar, count: Int, canOpen: Bool, canClose: Bool)
    }

    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "shy": "\u{00AD}",
        "ndash": "–", "mdash": "—", "hellip": "…", "copy": "©", "sect": "§", "auml": "ä", "ouml": "ö", "aring": "å",
        "Auml": "Ä", "Ouml": "Ö", "Aring": "Å", "eacute": "é", "minus": "−", "laquo": "«", "raquo": "»",
        "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "bull": "•", "euro": "€",
    ]

    /// The plain text and whether all of it was strong (a bold paragraph).
    static func decode(_ raw: String, cell: Bool = false) -> (text: String, bold: Bool) {
        let (text, bold, _) = decodeMarked(raw, cell: cell)
        return (text, bold)
    }

    /// The plain text, and whether all of it was strong, or all of it emphasised.
    static func decodeMarked(_ raw: String, cell: Bool = false) -> (text: String, bold: Bool, italic: Bool) {
        let s = Array(raw.unicodeScalars)
        var pieces: [Piece] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty { pieces.append(.text(literal)) }
            literal = ""
        }
        var i = 0
        while i < s.count {
            let c = s[i]
            switch c {
            case "\\":
                if i + 1 < s.count, isASCIIPunctuation(s[i + 1]) {
                    literal.unicodeScalars.append(s[i + 1])
                    i += 2
                } else {
                    literal.unicodeScalars.append(c)
                    i += 1
                }
            case "`":
                let run = s[i...].prefix { $0 == "`" }.count
                if let close = findBacktickRun(s, from: i + run, length: run) {
                    var code = String(String.UnicodeScalarView(s[(i + run)..<close])).replacingOccurrences(of: "\n", with: " ")
                    if code.count >= 2, code.hasPrefix(" "), code.hasSuffix(" "), code.contains(where: { $0 != " " }) {
                        code = String(code.dropFirst().dropLast())
                    }
                    literal += code
                    i = close + run
                } else {
                    literal += String(repeating: "`", count: run)
                    i += run
                }
            case "&":
                if let (text, length) = entity(s, at: i) {
                    literal += text
                    i += length
                } else {
                    literal.unicodeScalars.append(c)
                    i += 1
                }
            case "<":
                if cell, let length = lineBreakTag(s, at: i) {
                    literal += "\n"
                    i += length
                } else if let (inner, length) = autolink(s, at: i) {
                    literal += inner
                    i += length
                } else {
                    literal.unicodeScalars.append(c)
                    i += 1
                }
            case "!" where i + 1 < s.count && s[i + 1] == "[":
                if let (text, _, length) = link(s, at: i + 1) {
                    literal += text
                    i += 1 + length
                } else {
                    literal.unicodeScalars.append(c)
                    i += 1
                }
            case "[":
                if let (text, address, length) = link(s, at: i) {
                    literal += text == address || address.isEmpty ? text : "\(text) (\(address))"
                    i += length
                } else {
                    literal.unicodeScalars.append(c)
                    i += 1
                }
            case "*", "_":
                let run = s[i...].prefix { $0 == c }.count
                let before: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
                let after: Unicode.Scalar? = i + run < s.count ? s[i + run] : nil
                let left = after.map { !isSpace($0) && (!isPunctuation($0) || before.map { isSpace($0) || isPunctuation($0) } ?? true) } ?? false
                let right = before.map { !isSpace($0) && (!isPunctuation($0) || after.map { isSpace($0) || isPunctuation($0) } ?? true) } ?? false
                var canOpen = left
                var canClose = right
                if c == "_" {
                    canOpen = left && (!right || before.map(isPunctuation) == true)
                    canClose = right && (!left || after.map(isPunctuation) == true)
                }
                flush()
                pieces.append(.delimiter(char: c, count: run, canOpen: canOpen, canClose: canClose))
                i += run
            default:
                literal.unicodeScalars.append(c)
                i += 1
            }
        }
        flush()
        return resolve(pieces)
    }

    private static func whitespaceOnly(_ pieces: ArraySlice<Piece>) -> Bool {
        pieces.allSatisfy { if case .text(let t) = $0 { return t.allSatisfy(\.isWhitespace) } else { return false } }
    }

    /// Matches closers with the nearest opener of the same character; unmatched markers stay.
    private static func resolve(_ pieces: [Piece]) -> (String, Bool, Bool) {
        var remaining = pieces.map { piece -> Int in
            if case .delimiter(_, let count, _, _) = piece { return count }
            return 0
        }
        var strongSpan: (Int, Int)?
        var emphasisSpan: (Int, Int)?
        for closer in pieces.indices {
            guard case .delimiter(let char, _, _, let canClose) = pieces[closer], canClose else { continue }
            var opener = closer - 1
            while opener >= 0, remaining[closer] > 0 {
                if case .delimiter(let c2, _, let canOpen, _) = pieces[opener], c2 == char, canOpen, remaining[opener] > 0 {
                    let used = remaining[opener] >= 2 && remaining[closer] >= 2 ? 2 : 1
                    if used == 2, strongSpan == nil { strongSpan = (opener, closer) }
                    if used == 1, emphasisSpan == nil { emphasisSpan = (opener, closer) }
                    remaining[opener] -= used
                    remaining[closer] -= used
                    continue
                }
                opener -= 1
            }
        }
        var out = ""
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .text(let t): out += t
            case .delimiter(let char, _, _, _): out += String(repeating: String(Character(char)), count: remaining[index])
            }
        }
        func spans(_ span: (Int, Int)?) -> Bool {
            guard let (open, close) = span else { return false }
            return whitespaceOnly(pieces[..<open]) && whitespaceOnly(pieces[(close + 1)...]) && remaining[open] == 0 && remaining[close] == 0
        }
        return (out, spans(strongSpan), spans(emphasisSpan))
    }

    static func isASCIIPunctuation(_ c: Unicode.Scalar) -> Bool {
        (0x21...0x2F).contains(c.value) || (0x3A...0x40).contains(c.value) || (0x5B...0x60).contains(c.value) || (0x7B...0x7E).contains(c.value)
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace
    }

    static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        if isASCIIPunctuation(c) { return true }
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func findBacktickRun(_ s: [Unicode.Scalar], from: Int, length: Int) -> Int? {
        var i = from
        while i < s.count {
            if s[i] == "`" {
                let run = s[i...].prefix { $0 == "`" }.count
                if run == length { return i }
                i += run
            } else {
                i += 1
            }
        }
        return nil
    }

    private static func entity(_ s: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        var j = i + 1
        while j < s.count, j - i <= 32, s[j] != ";" {
            guard s[j].isASCII, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "#" else { return nil }
            j += 1
        }
        guard j < s.count, s[j] == ";", j > i + 1 else { return nil }
        let name = String(String.UnicodeScalarView(s[(i + 1)..<j]))
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            guard let v = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(v), v != 0 else { return ("\u{FFFD}", j - i + 1) }
            return (String(scalar), j - i + 1)
        }
        if name.hasPrefix("#") {
            guard let v = UInt32(name.dropFirst(), radix: 10), let scalar = Unicode.Scalar(v), v != 0 else { return ("\u{FFFD}", j - i + 1) }
            return (String(scalar), j - i + 1)
        }
        guard let text = entities[name] else { return nil }
        return (text, j - i + 1)
    }

    private static func lineBreakTag(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        for tag in ["<br>", "<br/>", "<br />", "<BR>", "<BR/>", "<BR />"] {
            let t = Array(tag.unicodeScalars)
            if i + t.count <= s.count, Array(s[i..<(i + t.count)]) == t { return t.count }
        }
        return nil
    }

    /// `<https://…>` or `<name@example.se>`.
    private static func autolink(_ s: [Unicode.Scalar], at i: Int) -> (String, Int)? {
        var j = i + 1
        while j < s.count, s[j] != ">", s[j] != "<", !isSpace(s[j]) { j += 1 }
        guard j < s.count, s[j] == ">", j > i + 1 else { return nil }
        let inner = String(String.UnicodeScalarView(s[(i + 1)..<j]))
        let isURI = isScheme(inner)
        let isMail = inner.contains("@") && !inner.contains(":")
        guard isURI || isMail else { return nil }
        return (inner, j - i + 1)
    }

    /// Whether a text starts with a URI scheme ("https:", "mailto:").
    private static func isScheme(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let colon = scalars.firstIndex(of: ":"), (2...32).contains(colon),
              scalars[0].isASCII, scalars[0].properties.isAlphabetic else { return false }
        return scalars[1..<colon].allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "+" || $0 == "." || $0 == "-") }
    }

    /// `[text](address)` at `i`: the decoded text, the address and the length.
    private static func link(_ s: [Unicode.Scalar], at i: Int) -> (String, String, Int)? {
        var depth = 0
        var j = i
        while j < s.count {
            if s[j] == "\\" { j += 2; continue }
            if s[j] == "[" { depth += 1 }
            if s[j] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            j += 1
        }
        guard j + 1 < s.count, s[j] == "]", s[j + 1] == "(" else { return nil }
        var k = j + 2
        var parens = 1
        while k < s.count {
            if s[k] == "\\" { k += 2; continue }
            if s[k] == "(" { parens += 1 }
            if s[k] == ")" {
                parens -= 1
                if parens == 0 { break }
            }
            k += 1
        }
        guard k < s.count, s[k] == ")" else { return nil }
        let text = decode(String(String.UnicodeScalarView(s[(i + 1)..<j]))).text
        var address = String(String.UnicodeScalarView(s[(j + 2)..<k])).trimmingSpaces
        if let space = address.firstIndex(of: " ") { address = String(address[..<space]) }  // drop a title
        if address.hasPrefix("<") && address.hasSuffix(">") { address = String(address.dropFirst().dropLast()) }
        return (text, address, k - i + 1)
    }
}
