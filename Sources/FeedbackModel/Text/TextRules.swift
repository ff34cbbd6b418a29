import Foundation

/// The one counting unit and the character rules shared by the validator, the interface's
/// counters and the export schema.
///
/// - Characters are Unicode scalar values after NFC normalisation: the unit of JSON Schema's
///   `maxLength` and of Python's `len(str)`.
/// - A word is a maximal run of scalars that are not Unicode `White_Space`: what Python's
///   `len(text.split())` and `wc -w` in a UTF-8 locale count.
public enum TextRules {
    /// NFC-normalises a text. Text made only of scalars below U+0300 is NFC already and is
    /// returned untouched, so the common Swedish case costs one scan.
    public static func nfc(_ text: String) -> String {
        if isNFC(text) { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// True when the text is certainly NFC already: every scalar below U+0300, or the
    /// standard library's NFC quick check says yes (about ten times faster than normalising).
    public static func isNFC(_ text: String) -> Bool {
        if isTriviallyNFC(text) { return true }
        #if compiler(>=6.2)
        #if os(Linux) || os(Windows)
        var span = text.utf8Span
        return span.checkForNFC(quickCheck: true)
        #else
        if #available(macOS 26.0, iOS 26.0, *) {
            var span = text.utf8Span
            return span.checkForNFC(quickCheck: true)
        }
        return false
        #endif
        #else
        return false  // older toolchains: Foundation normalises (slower, same result)
        #endif
    }

    /// True when every scalar is below U+0300: no such scalar composes or decomposes under NFC.
    public static func isTriviallyNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            // Scalars below U+0300 are encoded with lead bytes below 0xCC.
            for b in utf8 where b >= 0xCC && b & 0xC0 != 0x80 { return false }
            return true
        }
    }

    /// Unicode White_Space.
    @inline(__always)
    public static func isWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Bidirectional controls that can make text display in another order than it is stored
    /// ("Trojan Source", CVE-2021-42574).
    @inline(__always)
    public static func isBidiControl(_ v: UInt32) -> Bool {
        v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// Why a scalar must be shown visibly and reported rather than trusted.
    public enum Hazard: String, Sendable, Equatable {
        /// C0 controls other than TAB and LF, DEL and C1 controls.
        case control
        /// Bidirectional controls.
        case bidi
        /// Other invisible format characters (soft hyphen, zero-width space, BOM, ...).
        /// ZWJ and ZWNJ are not hazards: emoji and several scripts need them.
        case format
    }

    @inline(__always)
    public static func hazard(_ v: UInt32) -> Hazard? {
        if v < 0x20 { return v == 0x09 || v == 0x0A ? nil : .control }
        if v < 0x7F { return nil }
        if v <= 0x9F { return .control }
        if v < 0xAD { return nil }
        if v == 0xAD { return .format }
        if v < 0x600 { return nil }
        if isBidiControl(v) { return .bidi }
        switch v {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x180E, 0x200B,
             0x2060...0x2064, 0x206A...0x206F, 0xFEFF, 0xFFF9...0xFFFB, 0x110BD, 0x110CD,
             0x13430...0x1343F, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0001, 0xE0020...0xE007F:
            return .format
        default:
            return nil
        }
    }

    /// Whether the text holds anything but white space (`stats(text).hasContent`, without
    /// counting the whole text: it stops at the first scalar that is not white space).
    public static func hasContent(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where !isWhitespace(scalar.value) { return true }
        return false
    }

    /// Counts characters and words and finds hazardous scalars in one pass over NFC text.
    public static func stats(_ text: String) -> TextStats {
        var stats = TextStats()
        var text = text
        text.withUTF8 { utf8 in
            var inWord = false
            var i = 0
            let n = utf8.count
            while i < n {
                let b0 = utf8[i]
                var v: UInt32
                if b0 < 0x80 {
                    v = UInt32(b0)
                    i += 1
                } else if b0 < 0xE0 {
                    v = (UInt32(b0 & 0x1F) << 6) | UInt32(utf8[i + 1] & 0x3F)
                    i += 2
                } else if b0 < 0xF0 {
                    v = (UInt32(b0 & 0x0F) << 12) | (UInt32(utf8[i + 1] & 0x3F) << 6) | UInt32(utf8[i + 2] & 0x3F)
                    i += 3
                } else {
                    v = (UInt32(b0 & 0x07) << 18) | (UInt32(utf8[i + 1] & 0x3F) << 12)
                        | (UInt32(utf8[i + 2] & 0x3F) << 6) | UInt32(utf8[i + 3] & 0x3F)
                    i += 4
                }
                if isWhitespace(v) {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    stats.words += 1
                }
                if v >= 0x80 || v < 0x20 || v == 0x7F, let kind = hazard(v) {
                    stats.noteHazard(at: stats.characters, scalar: v, kind: kind)
                }
                stats.characters += 1
            }
        }
        return stats
    }
}

/// Counts for a text in the validator's units, additive across paragraphs so the interface
/// can keep them per paragraph and update one paragraph per keystroke.
public struct TextStats: Sendable, Equatable {
    /// A hazardous scalar and its offset in scalars from the start of the text.
    public struct HazardousScalar: Sendable, Equatable {
        public var offset: Int
        public var scalar: UInt32
        public var kind: TextRules.Hazard
    }

    /// How many hazardous scalars are remembered individually; the total is always exact.
    public static let rememberedHazards = 20

    public var characters = 0
    public var words = 0
    public var controlCount = 0
    public var bidiCount = 0
    public var formatCount = 0
    /// The first `rememberedHazards` hazardous scalars.
    public var hazards: [HazardousScalar] = []

    public init() {}

    /// True when the text holds something other than white space.
    public var hasContent: Bool { words > 0 }

    public var hazardCount: Int { controlCount + bidiCount + formatCount }

    public func count(of kind: TextRules.Hazard) -> Int {
        switch kind {
        case .control: return controlCount
        case .bidi: return bidiCount
        case .format: return formatCount
        }
    }

    mutating func noteHazard(at offset: Int, scalar: UInt32, kind: TextRules.Hazard) {
        switch kind {
        case .control: controlCount += 1
        case .bidi: bidiCount += 1
        case .format: formatCount += 1
        }
        if hazards.count < TextStats.rememberedHazards {
            hazards.append(HazardousScalar(offset: offset, scalar: scalar, kind: kind))
        }
    }

    /// The stats of `self` followed by `separator` single whitespace scalars and `other`.
    public func followed(by other: TextStats, separator: Int = 1) -> TextStats {
        var result = self
        result.words += other.words
        for hazard in other.hazards where result.hazards.count < TextStats.rememberedHazards {
            var moved = hazard
            moved.offset += characters + separator
            result.hazards.append(moved)
        }
        result.controlCount += other.controlCount
        result.bidiCount += other.bidiCount
        result.formatCount += other.formatCount
        result.characters += separator + other.characters
        return result
    }
}
