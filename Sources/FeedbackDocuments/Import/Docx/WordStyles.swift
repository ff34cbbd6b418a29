/// A document's paragraph styles as far as import needs them: what kind of paragraph each
/// makes (by the style's name through its `basedOn` chain, so "Rubrik 1", "heading 1" and a
/// custom style based on Heading 2 are all headings), its numbering and whether it is bold.
struct WordStyles: Sendable {
    struct Style: Sendable {
        var id: String
        var name: String
        var basedOn: String?
        var outlineLevel: Int?
        var numID: Int?
        var level: Int?
        var bold: Bool?
        var type: String
    }

    var styles: [String: Style] = [:]
    var defaultParagraph: String?

    init() {}

    init(_ root: XMLElement) {
        let w = OOXML.w
        for element in root.elements("style", w) {
            guard let id = element.attribute("styleId", w) else { continue }
            let pPr = element.first("pPr", w)
            let numPr = pPr?.first("numPr", w)
            let style = Style(
                id: id,
                name: element.first("name", w)?.attribute("val", w) ?? id,
                basedOn: element.first("basedOn", w)?.attribute("val", w),
                outlineLevel: pPr?.first("outlineLvl", w)?.attribute("val", w).flatMap { Int($0) },
                numID: numPr?.first("numId", w)?.attribute("val", w).flatMap { Int($0) },
                level: numPr?.first("ilvl", w)?.attribute("val", w).flatMap { Int($0) },
                bold: element.first("rPr", w)?.first("b", w).map { WordStyles.isOn($0.attribute("val", w)) },
                type: element.attribute("type", w) ?? OOXMLStyleType.paragraph.rawValue)
            styles[id] = style
            if style.type == OOXMLStyleType.paragraph.rawValue, element.attribute("default", w) == "1" || element.attribute("default", w) == "true" {
                defaultParagraph = id
            }
        }
    }

    /// `w:b` and friends: on unless the value says off.
    static func isOn(_ value: String?) -> Bool {
        guard let value else { return true }
        return !(value == "0" || value == "false" || value == "off")
    }

    /// The chain from a style up through `basedOn` (at most 20 steps, cycles cut).
    func chain(_ id: String?) -> [Style] {
        var result: [Style] = []
        var current = id ?? defaultParagraph
        var seen = Set<String>()
        while let id = current, let style = styles[id], seen.insert(id).inserted, result.count < 20 {
            result.append(style)
            current = style.basedOn
        }
        return result
    }

    /// The kind of paragraph a style makes, from the first style in the chain that says.
    func kind(_ id: String?) -> SourceParagraph.Kind? {
        for style in chain(id) {
            if let kind = WordStyles.kind(named: style.name) ?? WordStyles.kind(named: style.id) { return kind }
            if let level = style.outlineLevel, level >= 0, level < 9 { return .heading(level + 1) }
        }
        return nil
    }

    /// Kinds by style name (English built-in names and Swedish ones), case and spaces ignored.
    static func kind(named name: String) -> SourceParagraph.Kind? {
        let n = name.lowercased().filter { !$0.isWhitespace }
        if n == "title" || n == "rubrik" || n == "titel" || n == "dokumentrubrik" { return .title }
        if n == "subtitle" || n == "underrubrik" || n == "undertitel" { return .subtitle }
        for prefix in ["heading", "rubrik", "overskrift", "überschrift"] where n.hasPrefix(prefix) {
            if let level = Int(n.dropFirst(prefix.count)), (1...9).contains(level) { return .heading(level) }
        }
        if n.hasPrefix("listbullet") || n.hasPrefix("punktlista") || n.hasPrefix("punktuppställning") { return .bullet }
        if n.hasPrefix("listnumber") || n.hasPrefix("numreradlista") || n.hasPrefix("listanumrerad") { return .numbered }
        if n == "footer" || n == "sidfot" { return .footer }
        if n.hasPrefix("toc") || n.hasPrefix("innehåll") || n.hasPrefix("innehallsforteckning") { return n == "tocheading" ? .heading(1) : .tableOfContents }
        return nil
    }

    /// The numbering a style brings (numbering id, level).
    func numbering(_ id: String?) -> (Int, Int)? {
        for style in chain(id) {
            if let numID = style.numID { return (numID, style.level ?? 0) }
        }
        return nil
    }

    /// Whether a style makes its text bold.
    func bold(_ id: String?) -> Bool {
        for style in chain(id) {
            if let bold = style.bold { return bold }
        }
        return false
    }

    /// Character styles that make text bold (Strong, Stark).
    func characterBold(_ id: String?) -> Bool? {
        guard let id, let style = styles[id] else { return nil }
        if let bold = style.bold { return bold }
        let n = style.name.lowercased()
        if n == "strong" || n == "stark" { return true }
        return nil
    }
}

/// A document's list definitions: for each numbering id and level, bullet or number, and
/// the text Word shows ("%1.").
struct WordNumbering: Sendable {
    struct Level: Sendable {
        var format: String
        var text: String
        var start: Int
    }

    var levels: [Int: [Int: Level]] = [:]  // numId -> ilvl -> level
    /// Which abstract definition each numbering id uses (lists that share one count on).
    var abstractOf: [Int: Int] = [:]
    var startOverrides: [Int: [Int: Int]] = [:]

    init() {}

    init(_ root: XMLElement) {
        let w = OOXML.w
        var abstracts: [Int: [Int: Level]] = [:]
        for abstract in root.elements("abstractNum", w) {
            guard let id = abstract.attribute("abstractNumId", w).flatMap({ Int($0) }) else { continue }
            var lvls: [Int: Level] = [:]
            for lvl in abstract.elements("lvl", w) {
                guard let i = lvl.attribute("ilvl", w).flatMap({ Int($0) }) else { continue }
                lvls[i] = Level(format: lvl.first("numFmt", w)?.attribute("val", w) ?? "decimal",
                                text: lvl.first("lvlText", w)?.attribute("val", w) ?? "",
                                start: lvl.first("start", w)?.attribute("val", w).flatMap { Int($0) } ?? 1)
            }
            abstracts[id] = lvls
        }
        for num in root.elements("num", w) {
            guard let numID = num.attribute("numId", w).flatMap({ Int($0) }),
                  let abstractID = num.first("abstractNumId", w)?.attribute("val", w).flatMap({ Int($0) }) else { continue }
            var lvls = abstracts[abstractID] ?? [:]
            for override in num.elements("lvlOverride", w) {
                guard let i = override.attribute("ilvl", w).flatMap({ Int($0) }) else { continue }
                if let start = override.first("startOverride", w)?.attribute("val", w).flatMap({ Int($0) }) {
                    startOverrides[numID, default: [:]][i] = start
                }
                if let lvl = override.first("lvl", w) {
                    lvls[i] = Level(format: lvl.first("numFmt", w)?.attribute("val", w) ?? "decimal",
                                    text: lvl.first("lvlText", w)?.attribute("val", w) ?? "",
                                    start: lvl.first("start", w)?.attribute("val", w).flatMap { Int($0) } ?? 1)
                }
            }
            levels[numID] = lvls
            abstractOf[numID] = abstractID
        }
    }

    func level(_ numID: Int, _ ilvl: Int) -> Level? {
        levels[numID]?[ilvl]
    }
}

/// Counts list items in document order to give each numbered paragraph the number Word
/// shows ("1.", "2.", "2.1").
struct NumberingCounter {
    private var counters: [Int: [Int]] = [:]  // abstract id -> counter per level
    private var startedNums = Set<Int>()

    /// The label of the next item of list `numID` at level `ilvl`; nil for bullets and
    /// unknown lists.
    mutating func next(_ numbering: WordNumbering, numID: Int, ilvl: Int) -> String? {
        guard let level = numbering.level(numID, ilvl), level.format != "bullet", level.format != "none" else { return nil }
        let key = numbering.abstractOf[numID] ?? numID
        var counts = counters[key] ?? Array(repeating: 0, count: 9)
        let clamped = min(max(ilvl, 0), 8)
        if startedNums.insert(numID).inserted, let start = numbering.startOverrides[numID]?[clamped] {
            counts[clamped] = start - 1
        }
        if counts[clamped] == 0 { counts[clamped] = (level.start) - 1 }
        counts[clamped] += 1
        for deeper in (clamped + 1)..<9 { counts[deeper] = 0 }
        counters[key] = counts
        var label = level.text
        for l in 0...clamped {
            let format = numbering.level(numID, l)?.format ?? "decimal"
            let value = counts[l] == 0 ? (numbering.level(numID, l)?.start ?? 1) : counts[l]
            label = label.replacingOccurrences(of: "%\(l + 1)", with: NumberingCounter.format(value, format))
        }
        return label
    }

    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter": return letters(n).lowercased()
        case "upperLetter": return letters(n)
        case "lowerRoman": return roman(n).lowercased()
        case "upperRoman": return roman(n)
        default: return String(n)
        }
    }

    static func letters(_ n: Int) -> String {
        guard n > 0 else { return String(n) }
        let scalar = Unicode.Scalar(UInt8(65 + (n - 1) % 26))
        return String(repeating: String(Character(scalar)), count: (n - 1) / 26 + 1)
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var n = n
        var out = ""
        for (value, digits) in table {
            while n >= value { out += digits; n -= value }
        }
        return out
    }
}
