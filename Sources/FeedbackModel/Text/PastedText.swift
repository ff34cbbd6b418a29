/// Cleaning of text pasted or imported from Word and web pages: invisible characters that
/// only break words for layout are removed, and how many is reported.
public enum PastedText {
    /// What cleaning removed.
    public struct Removed: Sendable, Equatable {
        public var softHyphens = 0
        public var zeroWidth = 0
        public var total: Int { softHyphens + zeroWidth }

        public init(softHyphens: Int = 0, zeroWidth: Int = 0) {
            self.softHyphens = softHyphens
            self.zeroWidth = zeroWidth
        }

        /// "2 mjuka bindestreck och 1 nollbreddstecken togs bort."
        public func message(_ language: Language) -> String? {
            guard total > 0 else { return nil }
            var partsSv: [String] = []
            var partsEn: [String] = []
            if softHyphens > 0 {
                partsSv.append("\(softHyphens) \(softHyphens == 1 ? "mjukt bindestreck" : "mjuka bindestreck")")
                partsEn.append("\(softHyphens) \(softHyphens == 1 ? "soft hyphen" : "soft hyphens")")
            }
            if zeroWidth > 0 {
                partsSv.append("\(zeroWidth) \(zeroWidth == 1 ? "osynligt nollbreddstecken" : "osynliga nollbreddstecken")")
                partsEn.append("\(zeroWidth) \(zeroWidth == 1 ? "invisible zero-width character" : "invisible zero-width characters")")
            }
            return language == .sv ? partsSv.joined(separator: " och ") + " togs bort."
                                   : partsEn.joined(separator: " and ") + " removed."
        }
    }

    /// U+00AD soft hyphen; U+200B zero-width space, U+2060 word joiner and U+FEFF (a byte
    /// order mark inside text). Zero-width joiners (U+200C/D) are kept: emoji and some
    /// scripts need them.
    public static func clean(_ text: String) -> (text: String, removed: Removed) {
        guard text.unicodeScalars.contains(where: isRemoved) else { return (text, Removed()) }
        var removed = Removed()
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x00AD: removed.softHyphens += 1
            case 0x200B, 0x2060, 0xFEFF: removed.zeroWidth += 1
            default: scalars.append(scalar)
            }
        }
        return (String(scalars), removed)
    }

    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x200B, 0x2060, 0xFEFF: return true
        default: return false
        }
    }
}
