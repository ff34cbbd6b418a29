/// Makes untrusted text safe to print: controls, bidi and format characters are written
/// visibly (`^[`, `<U+202E>`) so nothing from a file or a paste reaches a terminal raw.
public enum Sanitizer {
    /// The visible form of one hazardous scalar, or nil when it may be shown as it is.
    /// TAB and LF are hazards here only when `singleLine` is set.
    public static func visibleForm(of v: UInt32, singleLine: Bool = true) -> String? {
        if v == 0x09 || v == 0x0A { return singleLine ? caret(v) : nil }
        guard let kind = TextRules.hazard(v) else { return nil }
        switch kind {
        case .control:
            return v < 0x20 || v == 0x7F ? caret(v) : codePoint(v)
        case .bidi, .format:
            return codePoint(v)
        }
    }

    /// `^@` … `^_` for C0 controls, `^?` for DEL.
    static func caret(_ v: UInt32) -> String {
        v == 0x7F ? "^?" : "^" + String(UnicodeScalar(UInt8(v + 0x40)))
    }

    /// `<U+202E>`
    public static func codePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// The text with every hazardous scalar replaced by its visible form. With `singleLine`
    /// (file names, one-line messages) TAB and LF are made visible too.
    public static func visible(_ text: String, singleLine: Bool = true) -> String {
        guard hasHazard(text, singleLine: singleLine) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if let visible = visibleForm(of: scalar.value, singleLine: singleLine) {
                result += visible
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether any scalar needs a visible form, decided on the UTF-8 bytes: ASCII and the
    /// two-byte range below U+0600 (Latin, Greek, Cyrillic, …) by the bytes alone, only
    /// longer sequences decoded. Texts are megabytes in a board's report.
    public static func hasHazard(_ text: String, singleLine: Bool) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if b < 0x20 || b == 0x7F {
                        if (b == 0x09 || b == 0x0A) && !singleLine { i += 1; continue }
                        return true
                    }
                    i += 1
                } else if b < 0xE0 {
                    // C2 80–9F are C1 controls, C2 AD the soft hyphen; D8 and up reach U+0600.
                    if b == 0xC2, i + 1 < n, bytes[i + 1] <= 0x9F || bytes[i + 1] == 0xAD { return true }
                    if b >= 0xD8, i + 1 < n {
                        let v = (UInt32(b & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
                        if visibleForm(of: v, singleLine: singleLine) != nil { return true }
                    }
                    i += 2
                } else if b < 0xF0 {
                    guard i + 2 < n else { return false }
                    let v = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                    if visibleForm(of: v, singleLine: singleLine) != nil { return true }
                    i += 3
                } else {
                    guard i + 3 < n else { return false }
                    let v = (UInt32(b & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                        | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F)
                    if visibleForm(of: v, singleLine: singleLine) != nil { return true }
                    i += 4
                }
            }
            return false
        }
    }
}
