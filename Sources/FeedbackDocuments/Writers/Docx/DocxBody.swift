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
            }
            switch block {
            case .table, .metadata: previousWasTable = true
            default: previousWasTable = false
            }
        }
        return out
    }

    func paragraph(style: StyleRole?, runs: [Run], bullet: Bool = false, alignment: ColumnAlignment = .start, keepNext: Bool = false) -> String {
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
        for run in runs { out += self.run(run) }
        return out + "</w:p>"
    }

    /// A run; line feeds become `<w:br/>`, tabs `<w:tab/>`.
    func run(_ run: Run) -> String {
        guard !run.text.isEmpty else { return "" }
        var out = "<w:r><w:rPr>"
        if run.bold { out += "<w:b/><w:bCs/>" }
        if run.italic { out += "<w:i/><w:iCs/>" }
        out += "<w:lang w:val=\"\(Markup.attribute(language))\"/></w:rPr>"
        var piece = ""
        func flush() {
            if !piece.isEmpty { out += "<w:t xml:space=\"preserve\">" + Markup.text(piece) + "</w:t>" }
            piece = ""
        }
        for scalar in run.text.unicodeScalars {
            switch scalar {
            case "\n": flush(); out += "<w:br/>"
            case "\t": flush(); out += "<w:tab/>"
            default: piece.unicodeScalars.append(scalar)
            }
        }
        flush()
        return out + "</w:r>"
    }

    /// Column widths in twips, shared out by how much text each column holds.
    func widths(_ table: Table) -> [Int] {
        let count = max(1, table.columns.count)
        var weights = [Int](repeating: 4, count: count)
        for (i, column) in table.columns.enumerated() {
            var longest = column.header.count
            for row in table.rows where i < row.count { longest = max(longest, row[i].count) }
            if let totals = table.totals, i < totals.count { longest = max(longest, totals[i].count) }
            weights[i] = min(max(longest, 5), column.alignment == .end ? 10 : 40)
        }
        let sum = weights.reduce(0, +)
        return weights.map { OOXML.textWidth * $0 / max(1, sum) }
    }

    func table(_ table: Table) -> String {
        let widths = self.widths(table)
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"\(Markup.attribute(styles[.tableGrid]))\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
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
            out += paragraph(style: nil, runs: [Run(text, bold: strong)], alignment: header ? .start : column.alignment)
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
