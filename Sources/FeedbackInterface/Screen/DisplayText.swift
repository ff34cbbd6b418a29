import FeedbackModel

/// How one grapheme cluster is shown: its text and width in cells, or, for controls, bidi
/// and format characters, a visible token (`^[`, `<U+202E>`) that is never sent raw.
public struct DisplayText: Equatable, Sendable {
    public var text: String
    public var width: Int
    /// True when `text` is a visible stand-in for hazardous characters.
    public var isToken: Bool

    /// Tabs are shown as this many spaces.
    public static let tabWidth = 4

    public static func of(_ grapheme: Character) -> DisplayText {
        let scalars = grapheme.unicodeScalars
        guard let first = scalars.first else { return DisplayText(text: "", width: 0, isToken: false) }
        let v = first.value
        if v < 0x7F && v >= 0x20 && scalars.count == 1 { return DisplayText(text: String(grapheme), width: 1, isToken: false) }
        if v == 0x09 { return DisplayText(text: String(repeating: " ", count: tabWidth), width: tabWidth, isToken: false) }
        // Any hazardous scalar in the cluster makes the whole cluster a token.
        var token = ""
        var hazardous = false
        for scalar in scalars {
            if let visible = Sanitizer.visibleForm(of: scalar.value) {
                token += visible
                hazardous = true
            } else {
                token.unicodeScalars.append(scalar)
            }
        }
        if hazardous {
            // Keep only the visible forms and plain printable scalars; drop marks that would
            // combine onto the token's brackets. Each kept scalar takes one cell.
            var shown = String.UnicodeScalarView()
            shown.append(contentsOf: token.unicodeScalars.filter { !DisplayWidth.isZeroWidth($0) })
            return DisplayText(text: String(shown), width: shown.count, isToken: true)
        }
        if DisplayWidth.isZeroWidth(first) {
            // A mark with no base (e.g. at the start of a paragraph): show it on a dotted circle.
            return DisplayText(text: "\u{25CC}" + String(grapheme), width: 1, isToken: false)
        }
        var width = 1
        for scalar in scalars {
            if DisplayWidth.isWide(scalar) { width = 2; break }
        }
        if width == 1, scalars.contains(where: { $0.value == 0xFE0F }), DisplayWidth.widensWithVS16(first) { width = 2 }
        return DisplayText(text: String(grapheme), width: width, isToken: false)
    }

    /// Display width of a whole string (the sum of its clusters).
    public static func width(of text: String) -> Int {
        var total = 0
        for g in text { total += of(g).width }
        return total
    }
}
