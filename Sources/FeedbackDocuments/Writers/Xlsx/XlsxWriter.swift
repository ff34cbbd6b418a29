import FeedbackModel

/// Writes a workbook as an Excel file (.xlsx, SpreadsheetML) in the same zip container as the
/// .docx: shared strings, a frozen and bold header row with a filter, column widths from the
/// content, whole numbers with a thousands separator (`#,##0`, which Swedish Excel shows as
/// `1 234`), totals as formulas with their values, A4 landscape for printing, and the same
/// bytes for the same workbook.
public struct XlsxWriter: Sendable {
    public init() {}

    /// SheetCell styles (indexes into `cellXfs`).
    enum Style: Int {
        case plain = 0, header = 1, number = 2, totalNumber = 3, totalText = 4, decimal = 5
    }

    public func write(_ workbook: Workbook) throws(DocumentError) -> [UInt8] {
        let names = XlsxWriter.sheetNames(workbook.sheets.map(\.name))
        var strings = SharedStrings()
        var sheetParts: [(path: String, bytes: [UInt8])] = []
        for (index, sheet) in workbook.sheets.enumerated() {
            sheetParts.append(("xl/worksheets/sheet\(index + 1).xml", Array(worksheet(sheet, selected: index == 0, strings: &strings).utf8)))
        }
        var entries: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", Array(contentTypes(sheets: workbook.sheets.count).utf8)),
            ("_rels/.rels", Array(packageRelationships().utf8)),
            ("docProps/core.xml", Array(DocxProperties.core(workbook.properties).utf8)),
            ("docProps/app.xml", Array(DocxProperties.app().utf8)),
            ("xl/workbook.xml", Array(workbookPart(workbook.sheets, names: names).utf8)),
            ("xl/_rels/workbook.xml.rels", Array(workbookRelationships(sheets: workbook.sheets.count).utf8)),
            ("xl/styles.xml", Array(XlsxWriter.styles.utf8)),
            ("xl/sharedStrings.xml", Array(strings.part().utf8)),
        ]
        entries += sheetParts
        return try ZipWriting.archive(entries)
    }

    // MARK: Sheets

    func worksheet(_ sheet: Sheet, selected: Bool, strings: inout SharedStrings) -> String {
        let columns = max(sheet.header.count, (sheet.rows + sheet.footer).map(\.count).max() ?? 0)
        let lastRow = 1 + sheet.rows.count + sheet.footer.count
        var xml = OOXML.declaration + "<worksheet xmlns=\"\(XlsxWriter.main)\" xmlns:r=\"\(OOXML.r)\">"
        xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        if columns > 0 { xml += "<dimension ref=\"A1:\(Sheet.columnName(columns - 1))\(lastRow)\"/>" }
        xml += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if columns > 0 {
            xml += "<cols>"
            for (i, width) in XlsxWriter.columnWidths(sheet, columns: columns).enumerated() {
                xml += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        xml += row(1, sheet.header.map { SheetCell.text($0) }, textStyle: .header, numberStyle: .header, strings: &strings)
        for (n, cells) in sheet.rows.enumerated() {
            xml += row(n + 2, cells, textStyle: .plain, numberStyle: .number, strings: &strings)
        }
        for (n, cells) in sheet.footer.enumerated() {
            xml += row(n + 2 + sheet.rows.count, cells, textStyle: .totalText, numberStyle: .totalNumber, strings: &strings)
        }
        xml += "</sheetData>"
        if sheet.filter, columns > 0 {
            xml += "<autoFilter ref=\"A1:\(Sheet.columnName(columns - 1))\(1 + sheet.rows.count)\"/>"
        }
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return xml + "</worksheet>"
    }

    private func row(_ number: Int, _ cells: [SheetCell], textStyle: Style, numberStyle: Style, strings: inout SharedStrings) -> String {
        var xml = "<row r=\"\(number)\">"
        for (i, cell) in cells.enumerated() {
            let reference = Sheet.columnName(i) + String(number)
            switch cell {
            case .empty:
                continue
            case .text(let text):
                guard !text.isEmpty else { continue }
                xml += "<c r=\"\(reference)\" s=\"\(textStyle.rawValue)\" t=\"s\"><v>\(strings.index(of: text))</v></c>"
            case .number(let value):
                xml += "<c r=\"\(reference)\" s=\"\(style(value, numberStyle).rawValue)\"><v>\(XlsxWriter.number(value))</v></c>"
            case .formula(let formula, let cached):
                xml += "<c r=\"\(reference)\" s=\"\(style(cached, numberStyle).rawValue)\"><f>\(Markup.text(formula))</f><v>\(XlsxWriter.number(cached))</v></c>"
            }
        }
        return xml + "</row>"
    }

    private func style(_ value: Double, _ style: Style) -> Style {
        style == .number && value.rounded() != value ? .decimal : style
    }

    /// A number as SpreadsheetML writes it: whole numbers without a decimal point.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Column widths in characters: the longest line of the column's text (numbers as shown,
    /// with separators), plus room for the filter button, from 6 to 60.
    static func columnWidths(_ sheet: Sheet, columns: Int) -> [Int] {
        var widths = [Int](repeating: 6, count: columns)
        func note(_ i: Int, _ length: Int) { if i < columns { widths[i] = max(widths[i], min(60, length + 2)) } }
        for (i, header) in sheet.header.enumerated() { note(i, header.count + (sheet.filter ? 3 : 1)) }
        for cells in sheet.rows + sheet.footer {
            for (i, cell) in cells.enumerated() {
                switch cell {
                case .empty: break
                case .text(let text): note(i, text.split(separator: "\n").map(\.count).max() ?? 0)
                case .number(let value), .formula(_, let value):
                    let digits = String(Int64(abs(value.rounded()).clamped(to: 0...1e15))).count
                    note(i, digits + (digits - 1) / 3 + (value < 0 ? 1 : 0) + (value.rounded() == value ? 0 : 3))
                }
            }
        }
        return widths
    }

    /// Sheet names Excel accepts: no `[]:*?/\`, at most 31 characters, not empty, unique
    /// without regard to case.
    static func sheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, name in
            // Apostrophes may not begin or end a name either.
            var clean = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }).trimmingWhitespace
            while clean.first == "'" { clean.removeFirst() }
            while clean.last == "'" { clean.removeLast() }
            if clean.isEmpty { clean = "Blad \(index + 1)" }
            var candidate = String(clean.prefix(31))
            var n = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = String(clean.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    // MARK: Package parts

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let contentPrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml."

    func contentTypes(sheets: Int) -> String {
        var xml = OOXML.declaration + "<Types xmlns=\"\(OOXML.contentTypes)\">"
        xml += "<Default Extension=\"rels\" ContentType=\"\(OOXML.ContentType.relationships)\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(XlsxWriter.contentPrefix)sheet.main+xml\"/>"
        for n in 0..<sheets {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(n + 1).xml\" ContentType=\"\(XlsxWriter.contentPrefix)worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(XlsxWriter.contentPrefix)styles+xml\"/>"
        xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(XlsxWriter.contentPrefix)sharedStrings+xml\"/>"
        xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"\(OOXML.ContentType.core)\"/>"
        xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"\(OOXML.ContentType.app)\"/>"
        return xml + "</Types>"
    }

    func packageRelationships() -> String {
        OOXML.declaration + "<Relationships xmlns=\"\(OOXML.packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(OOXML.Relationship.officeDocument)\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(OOXML.Relationship.coreProperties)\" Target=\"docProps/core.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(OOXML.Relationship.extendedProperties)\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>"
    }

    func workbookPart(_ sheets: [Sheet], names: [String]) -> String {
        var xml = OOXML.declaration + "<workbook xmlns=\"\(XlsxWriter.main)\" xmlns:r=\"\(OOXML.r)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (n, name) in names.enumerated() {
            xml += "<sheet name=\"\(Markup.attribute(name))\" sheetId=\"\(n + 1)\" r:id=\"rId\(n + 1)\"/>"
        }
        xml += "</sheets>"
        // Excel's own record of each filter's range (it adds one when it saves a filtered sheet).
        let filtered = sheets.enumerated().filter { $0.element.filter && !$0.element.header.isEmpty }
        if !filtered.isEmpty {
            xml += "<definedNames>"
            for (n, sheet) in filtered {
                let columns = max(sheet.header.count, sheet.rows.map(\.count).max() ?? 0)
                let quoted = "'" + names[n].split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
                xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(n)\" hidden=\"1\">"
                    + Markup.text("\(quoted)!$A$1:$\(Sheet.columnName(columns - 1))$\(1 + sheet.rows.count)") + "</definedName>"
            }
            xml += "</definedNames>"
        }
        // Totals are computed again when the file is opened.
        return xml + "<calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>"
    }

    func workbookRelationships(sheets: Int) -> String {
        var xml = OOXML.declaration + "<Relationships xmlns=\"\(OOXML.packageRelationships)\">"
        for n in 0..<sheets {
            xml += "<Relationship Id=\"rId\(n + 1)\" Type=\"\(OOXML.Relationship.base)worksheet\" Target=\"worksheets/sheet\(n + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(OOXML.Relationship.styles)\" Target=\"styles.xml\"/>"
        xml += "<Relationship Id=\"rId\(sheets + 2)\" Type=\"\(OOXML.Relationship.base)sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Calibri 11 and bold; `#,##0` (built-in 3) for whole numbers, `#,##0.00` (4) otherwise;
    /// the header wraps at the top, totals are bold.
    static let styles: String = {
        var xml = OOXML.declaration + "<styleSheet xmlns=\"\(main)\">"
        xml += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        xml += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        xml += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        xml += "<border><left/><right/><top style=\"thin\"><color auto=\"1\"/></top><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"6\">"
        xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        xml += "<xf numFmtId=\"3\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        xml += "<xf numFmtId=\"3\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyBorder=\"1\"/>"
        xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyBorder=\"1\"/>"
        xml += "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return xml + "</styleSheet>"
    }()
}

/// The workbook's shared strings, each once, in the order first used.
struct SharedStrings {
    private var indexes: [String: Int] = [:]
    private var ordered: [String] = []
    private var uses = 0

    mutating func index(of text: String) -> Int {
        uses += 1
        if let index = indexes[text] { return index }
        indexes[text] = ordered.count
        ordered.append(text)
        return ordered.count - 1
    }

    func part() -> String {
        var xml = OOXML.declaration + "<sst xmlns=\"\(XlsxWriter.main)\" count=\"\(uses)\" uniqueCount=\"\(ordered.count)\">"
        xml.reserveCapacity(ordered.count * 32)
        for text in ordered {
            // Leading or trailing spaces and line breaks are kept.
            let preserve = text.first == " " || text.last == " " || text.contains("\n")
            xml += preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            xml += Markup.text(text) + "</t></si>"
        }
        return xml + "</sst>"
    }
}

private extension Double {
    func clamped(to range: ClosedRange<Double>) -> Double { Swift.min(Swift.max(self, range.lowerBound), range.upperBound) }
}
