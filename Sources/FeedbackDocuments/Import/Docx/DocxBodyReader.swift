import FeedbackModel

/// Reads `word/document.xml` as a stream into paragraphs and tables: the document as Word
/// shows it with every tracked change accepted (insertions and moves taken, deletions
/// dropped, a deleted paragraph mark joins two paragraphs), comments, field codes, hidden
/// text and old formatting left out, soft hyphens and zero-width characters removed and
/// counted, content controls still showing their placeholder skipped.
struct DocxBodyReader {
    static let mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    static let math = "http://schemas.openxmlformats.org/officeDocument/2006/math"

    let styles: WordStyles
    let numbering: WordNumbering

    private(set) var document = SourceDocument()
    private var counter = NumberingCounter()

    /// Open elements (local names; other namespaces prefixed with "~").
    private var path: [String] = []
    /// While > 0, everything inside is skipped (deleted text, old properties, fallbacks).
    private var skipDepth: Int?
    private var paragraphs: [ParagraphBuilder] = []
    private var tables: [TableBuilder] = []
    private var run = RunBuilder()
    private var inText = false
    private var paragraphCount = 0
    private var pendingMerge: SourceParagraph?
    private var commentIDs = Set<String>()
    /// Inside a content control's properties (their depth), and whether it shows its placeholder.
    private var controlPropertiesDepth: Int?
    private var showingPlaceholder = false
    /// Paragraphs of text boxes, written after the paragraph that holds them.
    private var textBoxes: [SourceParagraph] = []

    init(styles: WordStyles, numbering: WordNumbering) {
        self.styles = styles
        self.numbering = numbering
    }

    private struct ParagraphBuilder {
        var text = ""
        var style: String?
        var numID: Int?
        var level: Int?
        var outlineLevel: Int?
        var markDeleted = false
        var visible = 0
        var bold = 0
        var italic = 0
        var inTextBox = false
        var location = 0
    }

    private struct RunBuilder {
        var bold: Bool?
        var italic = false
        var characterStyle: String?
        var hidden = false
        var text = ""
    }

    private struct TableBuilder {
        var rows: [[String]] = []
        var row: [String]?
        var cell: [String]?
        var rowDeleted = false
        var rowIsHeader = false
        var markedHeaderRows = 0
        var stillHeader = true
        var span = 1
        var cellDeleted = false
        var location = 0
    }

    mutating func handle(_ event: XMLReader.Event) {
        switch event {
        case .start(let start): self.start(start)
        case .end(_, let ns, let local): end(ns == OOXML.w ? local : "~" + local, namespace: ns)
        case .text(let text):
            guard skipDepth == nil, inText, !run.hidden else {
                if skipDepth == nil, inText, run.hidden { document.notes.hiddenCharacters += text.count }
                return
            }
            run.text += text
        }
    }

    private var parent: String? { path.last }

    private mutating func skip() {
        skipDepth = path.count
    }

    private mutating func start(_ e: XMLReader.Start) {
        let name = e.namespace == OOXML.w ? e.localName : "~" + e.localName
        let parent = self.parent
        path.append(name)
        if skipDepth != nil { return }
        if controlPropertiesDepth != nil {
            if e.localName == "showingPlcHdr" && e.namespace == OOXML.w { showingPlaceholder = true }
            return
        }
        if e.namespace == DocxBodyReader.mc && e.localName == "Fallback" { return skip() }
        if e.namespace == DocxBodyReader.math && (e.localName == "oMath" || e.localName == "oMathPara") {
            document.notes.unreadObjects += 1
            return skip()
        }
        guard e.namespace == OOXML.w else { return }
        let w = OOXML.w
        let val = e.attribute("val", namespace: w)
        switch e.localName {
        case "del", "moveFrom":
            if parent == "rPr" && path.dropLast(2).last == "pPr" {
                if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].markDeleted = true }
                document.notes.deletions += 1
                skip()
            } else if parent == "trPr" {
                if !tables.isEmpty { tables[tables.count - 1].rowDeleted = true }
                document.notes.deletions += 1
                skip()
            } else if parent == "rPr" {
                skip()
            } else {
                document.notes.deletions += 1
                skip()
            }
        case "ins", "moveTo":
            if parent != "rPr" && parent != "trPr" { document.notes.insertions += 1 }
            if parent == "rPr" || parent == "trPr" { skip() }
        case "cellDel":
            if !tables.isEmpty { tables[tables.count - 1].cellDeleted = true }
            skip()
        case "pPrChange", "rPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange",
             "numberingChange", "sectPr", "delText", "instrText", "tblGrid", "sdtEndPr", "fldData", "tabs", "framePr":
            skip()
        case "sdtPr":
            controlPropertiesDepth = path.count
            showingPlaceholder = false
        case "sdtContent":
            // A content control still showing its placeholder ("Klicka här för att ange
            // text.") holds template boilerplate, not the committee's text.
            if showingPlaceholder {
                showingPlaceholder = false
                document.notes.placeholders += 1
                skip()
            }
        case "p":
            paragraphCount += 1
            var builder = ParagraphBuilder()
            builder.location = paragraphCount
            builder.inTextBox = path.contains("txbxContent")
            paragraphs.append(builder)
        case "pStyle" where parent == "pPr":
            if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].style = val }
        case "numId" where parent == "numPr":
            if !paragraphs.isEmpty, let n = val.flatMap({ Int($0) }) { paragraphs[paragraphs.count - 1].numID = n }
        case "ilvl" where parent == "numPr":
            if !paragraphs.isEmpty, let n = val.flatMap({ Int($0) }) { paragraphs[paragraphs.count - 1].level = n }
        case "outlineLvl" where parent == "pPr":
            if !paragraphs.isEmpty, let n = val.flatMap({ Int($0) }) { paragraphs[paragraphs.count - 1].outlineLevel = n }
        case "rPr" where parent == "pPr":
            break
        case "r":
            run = RunBuilder()
        case "b" where parent == "rPr" && path.dropLast(2).last == "r":
            run.bold = WordStyles.isOn(val)
        case "i" where parent == "rPr" && path.dropLast(2).last == "r":
            run.italic = WordStyles.isOn(val)
        case "rStyle" where parent == "rPr":
            run.characterStyle = val
        case "vanish" where parent == "rPr" && path.dropLast(2).last == "r":
            run.hidden = WordStyles.isOn(val)
        case "t" where parent == "r":
            inText = true
        case "tab" where parent == "r":
            run.text += "\t"
        case "br" where parent == "r":
            let type = e.attribute("type", namespace: w)
            if type == nil || type == "textWrapping" { run.text += "\n" }
        case "cr" where parent == "r":
            run.text += "\n"
        case "noBreakHyphen" where parent == "r":
            run.text += "-"
        case "softHyphen":
            document.notes.softHyphens += 1
        case "commentReference":
            if let id = e.attribute("id", namespace: w) { commentIDs.insert(id) }
        case "footnoteReference", "endnoteReference":
            document.notes.footnotes += 1
        case "drawing", "pict", "object":
            document.notes.images += 1
        case "altChunk":
            document.notes.unreadObjects += 1
        case "tbl":
            var table = TableBuilder()
            paragraphCount += 1
            table.location = paragraphCount
            tables.append(table)
        case "tr":
            if !tables.isEmpty {
                tables[tables.count - 1].row = []
                tables[tables.count - 1].rowDeleted = false
                tables[tables.count - 1].rowIsHeader = false
            }
        case "tblHeader" where parent == "trPr":
            if !tables.isEmpty { tables[tables.count - 1].rowIsHeader = WordStyles.isOn(val) }
        case "tc":
            if !tables.isEmpty {
                tables[tables.count - 1].cell = []
                tables[tables.count - 1].span = 1
                tables[tables.count - 1].cellDeleted = false
            }
        case "gridSpan" where parent == "tcPr":
            if !tables.isEmpty, let n = val.flatMap({ Int($0) }) { tables[tables.count - 1].span = min(max(n, 1), 64) }
        default:
            break
        }
    }

    private mutating func end(_ name: String, namespace: String) {
        defer { path.removeLast() }
        if let depth = skipDepth {
            if path.count == depth { skipDepth = nil }
            return
        }
        if let depth = controlPropertiesDepth {
            if path.count == depth { controlPropertiesDepth = nil }
            return
        }
        switch name {
        case "t": inText = false
        case "r":
            let text = run.text
            guard !text.isEmpty, !paragraphs.isEmpty else { return }
            let bold = run.bold ?? styles.characterBold(run.characterStyle)
            paragraphs[paragraphs.count - 1].text += text
            var visible = 0
            for scalar in text.unicodeScalars where !TextRules.isWhitespace(scalar.value) { visible += 1 }
            paragraphs[paragraphs.count - 1].visible += visible
            if bold ?? styles.bold(paragraphs[paragraphs.count - 1].style) { paragraphs[paragraphs.count - 1].bold += visible }
            if run.italic { paragraphs[paragraphs.count - 1].italic += visible }
            run = RunBuilder()
        case "p":
            guard let builder = paragraphs.popLast() else { return }
            finish(builder)
        case "tc":
            guard !tables.isEmpty else { return }
            let lines = tables[tables.count - 1].cell ?? []
            tables[tables.count - 1].cell = nil
            if tables[tables.count - 1].cellDeleted { return }
            let span = tables[tables.count - 1].span
            tables[tables.count - 1].row?.append(lines.joined(separator: "\n"))
            for _ in 1..<max(span, 1) { tables[tables.count - 1].row?.append("") }
        case "tr":
            guard !tables.isEmpty, let row = tables[tables.count - 1].row else { return }
            tables[tables.count - 1].row = nil
            if tables[tables.count - 1].rowDeleted { return }
            if tables[tables.count - 1].rowIsHeader && tables[tables.count - 1].stillHeader {
                tables[tables.count - 1].markedHeaderRows += 1
            } else {
                tables[tables.count - 1].stillHeader = false
            }
            tables[tables.count - 1].rows.append(row)
        case "tbl":
            guard let table = tables.popLast() else { return }
            if !tables.isEmpty, tables[tables.count - 1].cell != nil {
                // A table inside a cell: its rows become lines of the cell.
                for row in table.rows { tables[tables.count - 1].cell?.append(row.filter { !$0.isEmpty }.joined(separator: " | ")) }
            } else {
                flushMerge()
                var rows = table.rows
                for r in rows.indices { rows[r] = rows[r].map { document.notes.clean($0) } }
                document.blocks.append(.table(SourceTable(rows: rows, markedHeaderRows: table.markedHeaderRows, location: table.location)))
            }
        case "body":
            flushMerge()
        default:
            break
        }
    }

    private mutating func finish(_ builder: ParagraphBuilder) {
        var text = document.notes.clean(builder.text)
        // A numbered paragraph's number, counted in document order as Word does.
        var numID = builder.numID
        var level = builder.level
        if numID == nil, let (n, l) = styles.numbering(builder.style) {
            numID = n
            level = level ?? l
        }
        var kind = styles.kind(builder.style) ?? .normal
        if kind == .normal, let outline = builder.outlineLevel, outline >= 0, outline < 9 { kind = .heading(outline + 1) }
        var label: String?
        if let numID, numID != 0 {
            let format = numbering.level(numID, level ?? 0)?.format
            label = counter.next(numbering, numID: numID, ilvl: level ?? 0)
            if kind == .normal || kind == .numbered || kind == .bullet {
                kind = format == "bullet" ? .bullet : (label == nil ? kind : .numbered)
            }
        }
        if builder.inTextBox { kind = .textBox }
        if !tables.isEmpty, tables[tables.count - 1].cell != nil, !builder.inTextBox {
            // Paragraphs in a table cell are lines of the cell.
            if let label, kind == .numbered { text = label + " " + text }
            if kind == .bullet { text = "- " + text }
            tables[tables.count - 1].cell?.append(text)
            return
        }
        var paragraph = SourceParagraph(text: text, kind: kind, bold: builder.visible > 0 && builder.bold == builder.visible,
                                        italic: builder.visible > 0 && builder.italic == builder.visible,
                                        numberLabel: label, location: builder.location)
        if builder.inTextBox {
            textBoxes.append(paragraph)
            return
        }
        if let pending = pendingMerge {
            // Accepting the deletion of the previous paragraph's mark joins the two.
            paragraph.text = pending.text + paragraph.text
            paragraph.location = pending.location
            pendingMerge = nil
        }
        if builder.markDeleted {
            pendingMerge = paragraph
        } else {
            document.blocks.append(.paragraph(paragraph))
        }
        if paragraphs.isEmpty {
            for box in textBoxes { document.blocks.append(.paragraph(box)) }
            textBoxes = []
        }
    }

    private mutating func flushMerge() {
        if let pending = pendingMerge {
            document.blocks.append(.paragraph(pending))
            pendingMerge = nil
        }
        for box in textBoxes { document.blocks.append(.paragraph(box)) }
        textBoxes = []
    }

    mutating func finishDocument(commentsInPart: Int) -> SourceDocument {
        flushMerge()
        document.notes.comments = max(commentIDs.count, commentsInPart)
        return document
    }
}
