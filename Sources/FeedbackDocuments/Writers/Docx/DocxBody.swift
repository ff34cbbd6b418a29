/// Writes a document's blocks as the WordprocessingML body (`w:` prefix).
struct DocxBody {
    let styles: DocxStyleIDs
    let language: String
    /// The page's sections: where a table too wide for a portrait page gets a landscape one.
    var sections: DocxSections = .own

    init(styles: DocxStyleIDs, language: String, sections: DocxSections = .own) {
        self.styles = styles
        self.language = language
        self.sections = sections
    }

    func xml(_ blocks: [Block]) -> String {
        var out = ""
        out.reserveCapacity(blocks.count * 256)
        var previousWasTable = false
        var landscape = false
        // Each table measured once.
        let layouts = blocks.map { block -> DocxTableLayout? in
            if case .table(let table) = block { return layout(table) }
            return nil
        }
        func isWide(_ index: Int) -> Bool { index < layouts.count && layouts[index]?.landscape == true }
        for (index, block) in blocks.enumerated() {
            // A wide table (with the heading just before it) on landscape pages: the section
            // before ends in a portrait break, the landscape section in a landscape one.
            let wide = isWide(index) || (isHeading(block) && isWide(index + 1))
            if wide != landscape {
                if wide, !out.isEmpty { out += sectionBreak(sections.portrait) }
                if !wide { out += sectionBreak(sections.landscape) }
                landscape = wide
            }
            if case .table = block, previousWasTable { out += "<w:p/>" }
            if case .metadata = block, previousWasTable { out += "<w:p/>" }
            switch block {
            case .title(let text): out += paragraph(style: .title, runs: [Run(text)])
            case .subtitle(let text): out += paragraph(style: .subtitle, runs: [Run(text)])
            case .heading(let level, let text): out += paragraph(style: .heading(level), runs: [Run(text)])
            case .paragraph(let runs): out += paragraph(style: nil, runs: runs)
            case .bulletList(let items):
                // The last item keeps a normal paragraph's space after it (List Bullet has
                // little, so the next paragraph would stick to the list).
                for (n, item) in items.enumerated() {
                    out += paragraph(style: .listBullet, runs: item, bullet: true, spaceAfter: n == items.count - 1 ? DocxBody.spaceAfterList : nil)
                }
            case .table(let table): out += self.table(table, layout: layouts[index] ?? layout(table))
            case .metadata(let metadata): out += self.metadata(metadata)
            case .footer(let text): out += paragraph(style: .footer, runs: [Run(text)])
            case .chart: break  // no figures in .docx: the chart's numbers stand in a table beside it
            }
            switch block {
            case .table, .metadata: previousWasTable = true
            default: previousWasTable = false
            }
        }
        if landscape { out += sectionBreak(sections.landscape) }
        return out
    }

    /// Twips of space after the last item of a bullet list (a normal paragraph's 8 pt).
    static let spaceAfterList = 160

    private func isHeading(_ block: Block) -> Bool {
        if case .heading = block { return true }
        return false
    }

    func layout(_ table: Table) -> DocxTableLayout {
        DocxTableLayout.make(table, portraitWidth: sections.portraitWidth, landscapeWidth: sections.landscapeWidth)
    }

    /// An empty paragraph that ends a section with the given properties.
    private func sectionBreak(_ sectPr: String) -> String {
        "<w:p><w:pPr>" + sectPr + "</w:pPr></w:p>"
    }

    func paragraph(style: StyleRole?, runs: [Run], bullet: Bool = false, alignment: ColumnAlignment = .start, keepNext: Bool = false,
                   size: Int? = nil, spaceAfter: Int? = nil) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(Markup.attribute(styles[style]))\"/>" }
        if keepNext { properties += "<w:keepNext/>" }
        if bullet, let numID = styles.bulletNumberingID {
            properties += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(numID)\"/></w:numPr>"
        }
        if let spaceAfter { properties += "<w:spacing w:after=\"\(spaceAfter)\"/>" }
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

    func table(_ table: Table, layout: DocxTableLayout) -> String {
        let widths = layout.widths
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"\(Markup.attribute(styles[.tableGrid]))\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
        out += "<w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"\(table.totals == nil ? 0 : 1)\" w:firstColumn=\"\(table.firstColumnIsHeader ? 1 : 0)\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
        if !table.caption.isEmpty { out += "<w:tblCaption w:val=\"\(Markup.attribute(table.caption))\"/>" }
        out += "</w:tblPr><w:tblGrid>"
        for w in widths { out += "<w:gridCol w:w=\"\(w)\"/>" }
        out += "</w:tblGrid>"
        out += row(table.columns.map(\.header), table: table, layout: layout, header: true, bold: true)
        for cells in table.rows {
            out += row(cells, table: table, layout: layout, header: false, bold: false)
        }
        if let totals = table.totals { out += row(totals, table: table, layout: layout, header: false, bold: true) }
        return out + "</w:tbl>"
    }

    private func row(_ cells: [String], table: Table, layout: DocxTableLayout, header: Bool, bold: Bool) -> String {
        let widths = layout.widths
        var out = "<w:tr>"
        if header { out += "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" } else { out += "<w:trPr><w:cantSplit/></w:trPr>" }
        for (i, column) in table.columns.enumerated() {
            let text = i < cells.count ? cells[i] : ""
            let strong = bold || (table.firstColumnIsHeader && i == 0)
            out += "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[i])\" w:type=\"dxa\"/></w:tcPr>"
            out += paragraph(style: nil, runs: [Run(text, bold: strong)], alignment: header ? .start : column.alignment, size: layout.fontHalfPoints)
            out += "</w:tc>"
        }
        return out + "</w:tr>"
    }

    func metadata(_ metadata: MetadataTable) -> String {
        let labelWidth = sections.portraitWidth * 2 / 5
        let valueWidth = sections.portraitWidth - labelWidth
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
