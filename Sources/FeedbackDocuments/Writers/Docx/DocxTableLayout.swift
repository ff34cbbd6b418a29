/// How a table is laid out on the page: the type size, the column widths and whether it
/// needs a landscape page. Columns are sized from their content so that no word (a header
/// such as "Sannolikhet", a name such as "Kollektivtrafiknämnden") is broken in the middle;
/// a table too wide for that gets smaller type, then a landscape page, as Word users do.
struct DocxTableLayout: Equatable {
    /// The text's size in half-points (18 is 9 pt).
    var fontHalfPoints: Int
    /// Column widths in twips.
    var widths: [Int]
    var landscape: Bool

    /// The type sizes tried, largest first (9, 8 and 7 pt).
    static let sizes = [18, 16, 14]
    /// A cell's left and right padding (the Table Grid style's 85 twips each) and a margin of safety.
    static let cellPadding = 230
    /// The widest a column's minimum may be (a 64-character hash is allowed to break).
    static let longestWordCap = 4200

    /// The layout of `table` on a page whose text is `portraitWidth` wide, or
    /// `landscapeWidth` wide when turned.
    static func make(_ table: Table, portraitWidth: Int = OOXML.textWidth, landscapeWidth: Int = OOXML.landscapeTextWidth) -> DocxTableLayout {
        let measures = ColumnMeasure.of(table)
        for (width, landscape) in [(portraitWidth, false), (landscapeWidth, true)] {
            for size in sizes {
                if let widths = fit(measures, size: size, total: width) {
                    return DocxTableLayout(fontHalfPoints: size, widths: widths, landscape: landscape)
                }
            }
        }
        // Words longer than a landscape line allows: the smallest type, widths in proportion.
        let size = sizes[sizes.count - 1]
        let minimum = measures.map { $0.minimum(size: size) }
        let sum = max(1, minimum.reduce(0, +))
        return DocxTableLayout(fontHalfPoints: size, widths: minimum.map { $0 * landscapeWidth / sum }, landscape: true)
    }

    /// Widths at one type size, or nil when the columns' longest words do not fit in `total`.
    /// Each column gets its minimum; what is left goes to the text columns by how much
    /// more than their longest word they hold (amount columns need no more than their widest amount).
    static func fit(_ measures: [ColumnMeasure], size: Int, total: Int) -> [Int]? {
        let minimum = measures.map { $0.minimum(size: size) }
        let needed = minimum.reduce(0, +)
        guard needed <= total else { return nil }
        let wish = measures.indices.map { measures[$0].amounts ? 0 : max(0, measures[$0].desired(size: size) - minimum[$0]) }
        let wishes = wish.reduce(0, +)
        let extra = total - needed
        var widths = minimum
        if wishes > 0 {
            for i in widths.indices { widths[i] += min(wish[i], extra * wish[i] / wishes) }
            // Room left when every wish is met: spread over the text columns.
            let left = total - widths.reduce(0, +)
            let textColumns = measures.indices.filter { !measures[$0].amounts }
            for i in textColumns { widths[i] += left / max(1, textColumns.count) }
        } else {
            for i in widths.indices { widths[i] += extra / max(1, widths.count) }
        }
        return widths
    }
}

/// What a column holds, in em thousandths at 1 pt: its longest word (bold in the header and
/// totals), its longest line, and whether it holds amounts.
struct ColumnMeasure: Equatable {
    var longestWord: Int
    var longestLine: Int
    var amounts: Bool

    /// A column's width in twips at a type size in half-points: the text plus padding.
    func minimum(size: Int) -> Int {
        min(twips(longestWord, size: size), DocxTableLayout.longestWordCap) + DocxTableLayout.cellPadding
    }

    /// The width that shows the longest line on one line (up to about 60 characters).
    func desired(size: Int) -> Int {
        max(minimum(size: size), twips(min(longestLine, 60 * 600), size: size) + DocxTableLayout.cellPadding)
    }

    /// Em thousandths to twips: 1 pt is 20 twips, a half-point 10.
    private func twips(_ thousandths: Int, size: Int) -> Int {
        (thousandths * size * 10 + 999) / 1000
    }

    static func of(_ table: Table) -> [ColumnMeasure] {
        table.columns.enumerated().map { i, column in
            var measure = ColumnMeasure(longestWord: 0, longestLine: 0, amounts: column.alignment == .end)
            measure.add(column.header, bold: true)
            for row in table.rows where i < row.count { measure.add(row[i], bold: table.firstColumnIsHeader && i == 0) }
            if let totals = table.totals, i < totals.count { measure.add(totals[i], bold: true) }
            return measure
        }
    }

    /// Takes a cell's text into account: words split at spaces, tabs and line feeds (a
    /// no-break space joins, as it does on the page).
    mutating func add(_ text: String, bold: Bool) {
        var word = 0
        var line = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                longestWord = max(longestWord, word)
                longestLine = max(longestLine, line)
                word = 0
                line = 0
            case " ", "\t":
                longestWord = max(longestWord, word)
                word = 0
                line += GlyphWidth.of(scalar, bold: bold)
            default:
                let width = GlyphWidth.of(scalar, bold: bold)
                word += width
                line += width
            }
        }
        longestWord = max(longestWord, word)
        longestLine = max(longestLine, line)
    }
}

/// Advance widths in thousandths of an em, those of DejaVu Sans, which LibreOffice uses where
/// Calibri is missing and which is wider than Calibri: what fits in DejaVu fits in Word.
/// Bold is DejaVu Sans Bold's width, about a fifth wider.
enum GlyphWidth {
    /// a–z, then A–Z, DejaVu Sans (regular).
    static let lower: [Int] = [613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525]
    static let upper: [Int] = [684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685]
    /// The same letters in DejaVu Sans Bold.
    static let lowerBold: [Int] = [675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582]
    static let upperBold: [Int] = [774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725]

    static func of(_ scalar: Unicode.Scalar, bold: Bool) -> Int {
        let v = scalar.value
        switch v {
        case 0x61...0x7A: return (bold ? lowerBold : lower)[Int(v - 0x61)]
        case 0x41...0x5A: return (bold ? upperBold : upper)[Int(v - 0x41)]
        case 0x30...0x39: return bold ? 696 : 636
        default: break
        }
        switch scalar {
        // å ä ö and other accented letters: as wide as their base letter.
        case "å", "ä", "à", "á", "â": return bold ? 675 : 613
        case "ö", "ø", "ó", "ò", "ô": return bold ? 687 : 612
        case "é", "è", "ê", "ë": return bold ? 678 : 615
        case "ü", "ú": return bold ? 712 : 634
        case "Å", "Ä", "À", "Á": return bold ? 774 : 684
        case "Ö", "Ø", "Ó": return bold ? 850 : 787
        case "É", "È": return bold ? 683 : 632
        case "Ü": return bold ? 812 : 732
        case " ", "\u{00A0}", "\t": return bold ? 348 : 318
        case ".", ",", ":", ";", "'", "!", "|": return bold ? 380 : 318
        case "-", "(", ")", "[", "]", "/": return bold ? 457 : 390
        case "\u{2212}", "+", "=", "<", ">", "§", "%", "&", "#": return 838
        case "–": return 500
        case "—", "@", "×": return 1000
        default: return bold ? 838 : 760
        }
    }
}
