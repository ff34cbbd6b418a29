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
        var needsWork = false
        for v in text.unicodeScalars where visibleForm(of: v.value, singleLine: singleLine) != nil {
            needsWork = true
            break
        }
        guard needsWork else { return text }
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
}
