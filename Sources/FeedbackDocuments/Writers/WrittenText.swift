import FeedbackModel

/// Text as every writer puts it into a file: control and bidirectional control characters
/// (errors in a draft) are written visibly (`^[`, `<U+202E>`), as everywhere in the product,
/// and the two non-characters XML forbids likewise. Format characters (soft hyphen, …) are
/// kept: they are legitimate in a document.
enum WrittenText {
    static func visible(_ text: String) -> String {
        var clean = true
        for scalar in text.unicodeScalars where needsVisibleForm(scalar.value) {
            clean = false
            break
        }
        if clean { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if needsVisibleForm(v) {
                result += Sanitizer.visibleForm(of: v, singleLine: false) ?? Sanitizer.codePoint(v)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @inline(__always)
    static func needsVisibleForm(_ v: UInt32) -> Bool {
        if v < 0x20 { return v != 0x09 && v != 0x0A }
        if v < 0x7F { return false }
        if v == 0xFFFE || v == 0xFFFF { return true }
        switch TextRules.hazard(v) {
        case .control?, .bidi?: return true
        default: return false
        }
    }
}

/// Escaping for XML and HTML text and attribute values.
enum Markup {
    /// Text content: `&`, `<`, `>` escaped (after `WrittenText.visible`).
    static func text(_ s: String) -> String {
        escape(WrittenText.visible(s), quotes: false)
    }

    /// An attribute value in double quotes.
    static func attribute(_ s: String) -> String {
        escape(WrittenText.visible(s), quotes: true)
    }

    private static func escape(_ s: String, quotes: Bool) -> String {
        var needs = false
        for b in s.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || (quotes && (b == 0x22 || b == 0x27 || b == 0x09 || b == 0x0A)) {
            needs = true
            break
        }
        guard needs else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            case "\t" where quotes: out += "&#9;"
            case "\n" where quotes: out += "&#10;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
