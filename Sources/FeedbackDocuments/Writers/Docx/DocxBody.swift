/// Writes a document's blocks as the WordprocessingML body (`w:` prefix).
struct DocxBody {
    let styles: DocxStyleIDs
    let language: String

    func xml(_ blocks: [Block]) -> String {
        var out = ""
        out.reserveCapacity(blocks.count * 256)
        var previousWasTable = false
        for block in blocks {
            if case .table = block, previousWasTable { out += "<w:p/>" }
            if case .metadata = block, previousWasTable { out += "<w:p/>" }
            switch block {
            case .title(let text): out += paragraph(style: .title, runs: [Run(text)])
            case .subtitle(let text): out += paragraph(style: .subtitle, runs: [Run(text)])
            case .heading(let level, let text): out += paragraph(style: .heading(level), runs: [Run(text)])
            case .paragraph(let runs): out += paragraph(style: nil, runs: runs)
            case .bulletList(let items):
                for item in items { out += paragraph(style: .listBullet, runs: item, bullet: true) }
            case .table(let table): out += self.table(table)
            case .metadata(let metadata): out += self.metadata(metadata)
            case .footer(let text): out += paragraph(style: .footer, runs: [Run(text)])
            case .chart: break  // no figures in .docx: the chart's numbers stand in a table beside it
            }
            switch block {
            case .table, .metadata: previousWasTable = true
            default: previousWasTable = false
            }
        }
        return out
    }

    func paragraph(style: StyleRole?, runs: [Run], bullet: Bool = false, alignment: ColumnAlignment = .start, keepNext: Bool = false,
                   size: Int? = nil) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(Markup.attribute(styles[style]))\"/>" }
        if keepNext { properties += "<w:keepNext/>" }
        if bullet, let numID = styles.bulletNumberingID {
            properties += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(numID)\"/></w:numPr>"
        }
        switch alignment {
        case .start: break
        case .center: properties += "<w:jc w:val=\"center\"/>"
        case .end: properties += "<w:jc w:val=\"right\"/>"
        }
        var out = "<w:p>"
        if !properties.isEmpty { out += "<w:pPr>" + properties + "</w:pPr>" }
        for run in runs { out += self.run(run, size: size) }
        return out + "</w:p>"
    }

    /// A run; line feeds become `<w:br/>`, tabs `<w:tab/>`.
    func run(_ run: Run, size: Int? = nil) -> String {
        guard !run.text.isEmpty else { return "" }
        var out = "<w:r><w:rPr>"
        if run.bold { out += "<w:b/><w:bCs/>" }
        if run.italic { out += "<w:i/><w:iCs/>" }
        if let size { out += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        out += "<w:lang w:val=\"\(Markup.attribute(language))\"/></w:rPr>"
        // Pieces between line feeds and tabs, cut at those bytes (never inside a character).
        let utf8 = run.text.utf8
        var pieceStart = utf8.startIndex
        var index = utf8.startIndex
        func flush(_ end: String.UTF8View.Index) {
            if pieceStart < end {
                out += "<w:t xml:space=\"preserve\">" + Markup.text(String(run.text[pieceStart..<end])) + "</w:t>"
            }
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x09 {
                flush(index)
                out += byte == 0x0A ? "<w:br/>" : "<w:tab/>"
                pieceStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        flush(utf8.endIndex)
        return out + "</w:r>"
    }

    /// Table text is 9 pt, 8 pt in tables of seven columns or more, so that eight columns
    /// with amounts fit an A4 page.
    static func fontHalfPoints(_ table: Table) -> Int { table.columns.count >= 7 ? 16 : 18 }
    /// Twips per character at 9 pt (wide enough for DejaVu Sans, LibreOffice's stand-in for
    /// Calibri), and a cell's padding.
    static let charWidth = 105
    static let digitWidth = 125
    static let cellPadding = 200

    /// Column widths in twips. Amount columns (aligned at the end) are as wide as their
    /// longest amount, so an amount never wraps; the other columns share the rest by how much
    /// text they hold, each at least as wide as its longest word (up to 1 500 twips, 2.6 cm).
    static func widths(_ table: Table, total: Int = OOXML.textWidth) -> [Int] {
        let count = max(1, table.columns.count)
        let scale = fontHalfPoints(table)
        let charWidth = DocxBody.charWidth * scale / 18
        let digitWidth = DocxBody.digitWidth * scale / 18
        var minimum = [Int](repeating: 0, count: count)
        var desired = [Int](repeating: 0, count: count)
        var fixed = [Bool](repeating: false, count: count)
        for (i, column) in table.columns.enumerated() {
            fixed[i] = column.alignment == .end
            var texts = [column.header] + table.rows.map { i < $0.count ? $0[i] : "" }
            if let totals = table.totals, i < totals.count { texts.append(totals[i]) }
            for text in texts {
                // Lengths in scalars, words split at spaces and tabs, lines at line feeds.
                var lineLength = 0
                var wordLength = 0
                var longestWord = 0
                var longestLine = 0
                for scalar in text.unicodeScalars {
                    switch scalar {
                    case "\n":
                        longestLine = max(longestLine, lineLength)
                        longestWord = max(longestWord, wordLength)
                        lineLength = 0
                        wordLength = 0
                    case " ", "\t":
                        lineLength += 1
                        longestWord = max(longestWord, wordLength)
                        wordLength = 0
                    default:
                        lineLength += 1
                        wordLength += 1
                    }
                }
                longestLine = max(longestLine, lineLength)
                longestWord = max(longestWord, wordLength)
                if fixed[i] {
                    minimum[i] = max(minimum[i], longestLine * digitWidth + cellPadding)
                } else {
                    minimum[i] = max(minimum[i], min(longestWord * charWidth + cellPadding, 1500))
                    desired[i] = max(desired[i], min(longestLine, 60) * charWidth + cellPadding)
                }
            }
            desired[i] = max(desired[i], minimum[i])
        }
        let fixedSum = zip(minimum, fixed).filter { $0.1 }.map(\.0).reduce(0, +)
        let flexibleSum = zip(minimum, fixed).filter { !$0.1 }.map(\.0).reduce(0, +)
        if fixedSum >= total {
            let all = fixedSum + flexibleSum
            return minimum.map { $0 * total / max(1, all) }
        }
        var widths = minimum
        let room = total - fixedSum
        if flexibleSum >= room {
            for i in widths.indices where !fixed[i] { widths[i] = minimum[i] * room / max(1, flexibleSum) }
            return widths
        }
        let extra = room - flexibleSum
        let wish = (0..<count).map { fixed[$0] ? 0 : desired[$0] - minimum[$0] }
        let wishes = wish.reduce(0, +)
        let flexibleCount = fixed.filter { !$0 }.count
        for i in widths.indices where !fixed[i] {
            widths[i] += wishes == 0 ? extra / max(1, flexibleCount) : extra * wish[i] / wishes
        }
        if flexibleCount == 0 {
            // Only amounts: spread the rest evenly.
            for i in widths.indices { widths[i] += (total - fixedSum) / count }
        }
        return widths
    }

    func table(_ table: Table) -> String {
        let widths = DocxBody.widths(table)
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"\(Markup.attribute(styles[.tableGrid]))\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
        out += "<w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"\(table.totals == nil ? 0 : 1)\" w:firstColumn=\"\(table.firstColumnIsHeader ? 1 : 0)\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
        if !table.caption.isEmpty { out += "<w:tblCaption w:val=\"\(Markup.attribute(table.caption))\"/>" }
        out += "</w:tblPr><w:tblGrid>"
        for w in widths { out += "<w:gridCol w:w=\"\(w)\"/>" }
        out += "</w:tblGrid>"
        out += row(table.columns.map(\.header), table: table, widths: widths, header: true, bold: true)
        for cells in table.rows {
            out += row(cells, table: table, widths: widths, header: false, bold: false)
        }
        if let totals = table.totals { out += row(totals, table: table, widths: widths, header: false, bold: true) }
        return out + "</w:tbl>"
    }

    private func row(_ cells: [String], table: Table, widths: [Int], header: Bool, bold: Bool) -> String {
        var out = "<w:tr>"
        if header { out += "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" } else { out += "<w:trPr><w:cantSplit/></w:trPr>" }
        for (i, column) in table.columns.enumerated() {
            let text = i < cells.count ? cells[i] : ""
            let strong = bold || (table.firstColumnIsHeader && i == 0)
            out += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[i])\" w:type=\"dxa\"/></w:tcPr>"
            out += paragraph(style: nil, runs: [Run(text, bold: strong)], alignment: header ? .start : column.alignment, size: DocxBody.fontHalfPoints(table))
            out += "</w:tc>"
        }
        return out + "</w:tr>"
    }

    func metadata(_ metadata: MetadataTable) -> String {
        let labelWidth = OOXML.textWidth * 2 / 5
        let valueWidth = OOXML.textWidth - labelWidth
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"\(Markup.attribute(styles[.tableGrid]))\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        out += "<w:tblLook w:val=\"0080\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>"
        if !metadata.caption.isEmpty { out += "<w:tblCaption w:val=\"\(Markup.attribute(metadata.caption))\"/>" }
        out += "</w:tblPr><w:tblGrid><w:gridCol w:w=\"\(labelWidth)\"/><w:gridCol w:w=\"\(valueWidth)\"/></w:tblGrid>"
        for entry in metadata.entries {
            out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            out += "<w:tc><w:tcPr><w:tcW w:w=\"\(labelWidth)\" w:type=\"dxa\"/></w:tcPr>" + paragraph(style: nil, runs: [Run(entry.label, bold: true)]) + "</w:tc>"
            out += "<w:tc><w:tcPr><w:tcW w:w=\"\(valueWidth)\" w:type=\"dxa\"/></w:tcPr>" + paragraph(style: nil, runs: [Run(entry.value)]) + "</w:tc>"
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }
}
