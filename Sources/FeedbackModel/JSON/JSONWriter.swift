/// Serialises `JSONValue`s: a readable, terminal-safe pretty form for files, and the
/// JSON Canonicalization Scheme (RFC 8785) form that content hashes are taken over.
public enum JSONWriter {
    /// Pretty JSON with two-space indentation, members in their stored order, and a final newline.
    /// Besides what JSON requires, DEL, C1 controls and bidirectional controls are escaped too,
    /// so that printing a file in a terminal can never send it control sequences.
    public static func pretty(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        // Reserved once: growing by doubling would briefly need twice a large draft's size.
        out.reserveCapacity(estimatedSize(value, indent: 0))
        writePretty(value, indent: 0, into: &out)
        out.append(0x0A)
        return out
    }

    /// RFC 8785 canonical form: no whitespace, members sorted by UTF-16 code units,
    /// only the escapes JSON requires. Numbers must be integers (the only kind exports contain).
    public static func canonical(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        writeCanonical(value, into: &out)
        return out
    }

    /// An upper-bound guess of the pretty form's size (escapes aside).
    static func estimatedSize(_ value: JSONValue, indent: Int) -> Int {
        switch value {
        case .null, .bool: return 8
        case .number(let n): return n.utf8.count
        case .string(let s): return s.utf8.count + s.utf8.count / 16 + 2
        case .array(let elements): return elements.reduce(4) { $0 + estimatedSize($1, indent: indent + 1) + 2 * indent + 4 }
        case .object(let object):
            return object.members.reduce(4) { $0 + $1.key.utf8.count + estimatedSize($1.value, indent: indent + 1) + 2 * indent + 8 }
        }
    }

    private static func writePretty(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: n.utf8)
        case .string(let s): writeString(s, safe: true, into: &out)
        case .array(let elements):
            if elements.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, &out)
                writePretty(element, indent: indent + 1, into: &out)
            }
            newline(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.count == 0 { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 1, &out)
                writeString(member.key, safe: true, into: &out)
                out.append(contentsOf: ": ".utf8)
                writePretty(member.value, indent: indent + 1, into: &out)
            }
            newline(indent, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, _ out: inout [UInt8]) {
        out.append(0x0A)
        for _ in 0..<(indent * 2) { out.append(0x20) }
    }

    private static func writeCanonical(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: canonicalNumber(n).utf8)
        case .string(let s): writeString(s, safe: false, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeCanonical(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            let sorted = object.members.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            for (i, member) in sorted.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeString(member.key, safe: false, into: &out)
                out.append(UInt8(ascii: ":"))
                writeCanonical(member.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Integers print as themselves; "-0" is "0" in RFC 8785. Other literals pass through
    /// unchanged (exports never hold them).
    private static func canonicalNumber(_ literal: String) -> String {
        if let n = Int(literal) { return String(n) }
        return literal
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func writeString(_ s: String, safe: Bool, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            var i = 0
            func flush(_ end: Int) {
                if end > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end])) }
            }
            while i < utf8.count {
                let b = utf8[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C && b < 0x7F { i += 1; continue }
                if b >= 0x80 {
                    // Multi-byte sequence: only C1 controls (C2 80–C2 9F) and bidi controls
                    // (U+061C, U+200E/F, U+202A–202E, U+2066–2069) are escaped, in safe mode.
                    if safe, let (scalar, length) = escapedMultiByte(utf8, i) {
                        flush(i)
                        escapeU(scalar, &out)
                        i += length
                        runStart = i
                    } else {
                        i += 1
                    }
                    continue
                }
                if b == 0x7F {
                    if safe { flush(i); escapeU(0x7F, &out); i += 1; runStart = i } else { i += 1 }
                    continue
                }
                flush(i)
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default: escapeU(UInt32(b), &out)
                }
                i += 1
                runStart = i
            }
            flush(utf8.count)
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escapedMultiByte(_ utf8: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int)? {
        let b0 = utf8[i]
        if b0 == 0xC2, i + 1 < utf8.count, utf8[i + 1] >= 0x80, utf8[i + 1] <= 0x9F {
            return (UInt32(utf8[i + 1]), 2)
        }
        if b0 == 0xD8, i + 1 < utf8.count, utf8[i + 1] == 0x9C { return (0x061C, 2) }
        if b0 == 0xE2, i + 2 < utf8.count {
            let scalar = (UInt32(b0 & 0x0F) << 12) | (UInt32(utf8[i + 1] & 0x3F) << 6) | UInt32(utf8[i + 2] & 0x3F)
            if TextRules.isBidiControl(scalar) { return (scalar, 3) }
        }
        return nil
    }

    private static func escapeU(_ value: UInt32, _ out: inout [UInt8]) {
        out.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            out.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
