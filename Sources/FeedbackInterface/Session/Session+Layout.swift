import FeedbackModel

/// A rectangle of cells.
struct Rect: Sendable, Equatable {
    var row: Int
    var column: Int
    var width: Int
    var height: Int

    var bottom: Int { row + height }
    var right: Int { column + width }
}

/// Where everything goes on screen: pure functions of the state and the terminal size, used
/// by `syncView` (which scrolls) and by `render` (which draws), so the two always agree.
extension EditorSession {
    public static let minimumSize = (width: 50, height: 14)

    /// The terminal's size arrives as an event.
    public mutating func resize(width: Int, height: Int) {
        size = (max(0, width), max(0, height))
        syncView()
    }

    var isTooSmall: Bool { size.width < EditorSession.minimumSize.width || size.height < EditorSession.minimumSize.height }

    // MARK: - Bands

    /// What the header, notice and status area show, worked out once per change (drawing and
    /// the layout read it many times a frame).
    struct Frame: Sendable {
        var bannerLines: [String] = []
        var statusLines: [String] = [""]
        var summary = ""
    }

    var bannerLines: [String] { frame.bannerLines }
    var statusLines: [String] { frame.statusLines }
    var statusSummary: String { frame.summary }

    func computeFrame() -> Frame {
        var f = Frame()
        f.bannerLines = computeBannerLines()
        let all = allFindings
        f.summary = "✗ \(all.errorCount)  ! \(all.warningCount)"
        // A status row is " " + line, then a gap, then " summary " at the right edge
        // (renderStatus): the line gets what is left, not one column more (a wrapped path
        // lost its last character at the edge).
        let width = max(10, size.width - DisplayText.width(of: " " + f.summary + " ") - 2)
        f.statusLines = Array(EditorSession.wrapLines(statusText, width: width).prefix(max(1, min(4, size.height - 12))))
        return f
    }

    /// The read-only notice under the header, wrapped.
    private func computeBannerLines() -> [String] {
        guard let readOnly = file.readOnly else { return [] }
        let text = phrases.t("Skrivskyddat: \(readOnly.message).", "Read-only: \(readOnly.message).")
            + words.sentence(.saveAs, sv: "sparar en kopia som du kan redigera", en: "saves a copy you can edit")
        return Array(EditorSession.wrapLines(text, width: max(10, size.width - 2)).prefix(3))
    }

    var headerRows: Int { 1 + bannerLines.count }

    var statusText: String {
        if let status { return status.text }
        guard case .text(let place) = pageKind, let editor = editors[place], let field = field(of: page) else {
            let handIn = pageKind == .details ? board.note.map { phrases.t("Regionstyrelsen: ", "The regional board: ") + $0.text } : nil
            return [fieldFindingSummary, handIn].compactMap { $0 }.joined(separator: " · ")
        }
        let buffer = editor.buffer
        var counter = phrases.count(buffer.characterCount)
        if let max = field.rules.maxChars?.value { counter += "/\(phrases.count(max))" }
        counter += phrases.t(" tecken · \(phrases.count(buffer.wordTotal)) ord", " characters · \(phrases.count(buffer.wordTotal)) words")
        if let max = field.rules.maxWords?.value { counter += "/\(phrases.count(max))" }
        let own = checks.byPlace[place] ?? []
        if let first = own.first {
            counter += "  " + EditorSession.findingLine(first, language: language)
            if own.count > 1 {
                let more = words.name(.findings).map { ", " + $0 } ?? ""
                counter += phrases.t(" (och \(own.count - 1) till\(more))", " (and \(own.count - 1) more\(more))")
            }
        }
        return counter
    }

    /// On the details and table pages the findings show beside the fields; the status line
    /// says what the page has in all.
    private var fieldFindingSummary: String? {
        let list: [Finding]
        switch pageKind {
        case .details: list = findings(ofSection: nil)
        case .table(let place): list = checks.byPlace[place] ?? []
        case .text: return nil
        }
        guard !list.isEmpty else { return nil }
        var parts: [String] = []
        if list.errorCount > 0 { parts.append(phrases.errors(list.errorCount)) }
        if list.warningCount > 0 { parts.append(phrases.warnings(list.warningCount)) }
        return phrases.t("Den här sidan: ", "This page: ") + parts.joined(separator: ", ")
    }

    static func findingLine(_ finding: Finding, language: Language) -> String {
        (finding.severity == .error ? "✗ " : "! ") + finding.message[language]
    }

    var statusRows: Int { statusLines.count }

    /// Between the header (and notice) and the status area.
    var bodyRect: Rect {
        let top = headerRows
        return Rect(row: top, column: 0, width: size.width, height: max(1, size.height - top - statusRows - 1))
    }

    /// The page list: full labels when there is room, else numbers and markers only (on
    /// terminals too narrow for both).
    var listIsCompact: Bool { size.width < 72 }

    /// A table page below 110 columns: the list keeps the headings' names but not the
    /// tables' (the table needs the width; a bare "0 ○ / 1 ●" list says nothing).
    var listIsNarrow: Bool {
        if case .table = pageKind, size.width < 110 { return !focusOnList && !listIsCompact }
        return false
    }

    var listWidth: Int {
        if listIsCompact { return 5 }
        if listIsNarrow { return 19 }
        return size.width >= 120 ? 32 : size.width >= 100 ? 28 : 24
    }

    var pageRect: Rect {
        let body = bodyRect
        let x = listWidth + 2
        return Rect(row: body.row, column: x, width: max(10, size.width - x - 1), height: body.height)
    }

    // MARK: - Text pages

    /// What a text page shows above the text: title rows, guidance rows, and the text area.
    struct TextPageLayout {
        var titleLines: [String]
        var guidanceLines: [String]
        /// The guidance did not fit: a line says how to read all of it.
        var guidanceCut: Bool
        var ruleRow: Int
        var text: Rect
        /// Last year's text below this year's (Alt-L): its rule row and area.
        var lastYear: Rect?
    }

    func textPageLayout() -> TextPageLayout? {
        guard case .field(let s, _) = page else { return nil }
        let area = pageRect
        let section = form.sections[s]
        let titleLines = Array(EditorSession.wrapLines("\(section.number). \(section.title[language])", width: area.width).prefix(2))
        var guidance: [String] = []
        var cut = false
        if inlineGuidance {
            let all = guidanceLines(section: s, width: area.width)
            let room = max(1, (area.height - titleLines.count - 4) * 2 / 5)
            if all.count > room {
                guidance = Array(all.prefix(max(0, room - 1)))
                cut = true
            } else {
                guidance = all
            }
        }
        let ruleRow = area.row + titleLines.count + guidance.count + (cut ? 1 : 0)
        let textTop = ruleRow + 1
        let available = max(1, area.bottom - textTop)
        if showLastYear, lastYear != nil, available >= 6 {
            // This year's text above, last year's below it, with a rule between.
            let pane = max(2, available * 2 / 5)
            let textHeight = available - pane - 1
            return TextPageLayout(titleLines: titleLines, guidanceLines: guidance, guidanceCut: cut, ruleRow: ruleRow,
                                  text: Rect(row: textTop, column: area.column, width: area.width + 1, height: textHeight),
                                  lastYear: Rect(row: textTop + textHeight, column: area.column, width: area.width, height: pane + 1))
        }
        return TextPageLayout(titleLines: titleLines, guidanceLines: guidance, guidanceCut: cut, ruleRow: ruleRow,
                              text: Rect(row: textTop, column: area.column, width: area.width + 1, height: available), lastYear: nil)
    }

    /// A heading's guidance wrapped at a width (cached for the current page and width).
    func guidanceLines(section s: Int, width: Int) -> [String] {
        let key = "\(form.sections[s].id)/\(width)/\(language)"
        if let cache = guidanceCache, cache.key == key { return cache.lines }
        return EditorSession.wrapLines(form.sections[s].guidance[language].trimmingWhitespace, width: width)
    }

    // MARK: - Keeping the view in step (called after every change)

    /// Scrolls what the current page shows so the cursor and the focus are on screen, and
    /// wraps what will be drawn. Called when keys are handled and when the size changes;
    /// drawing reads the result and changes nothing.
    mutating func syncView() {
        frame = computeFrame()
        guard !isTooSmall else { return }
        if case .field(let s, _) = page {
            let width = pageRect.width
            let key = "\(form.sections[s].id)/\(width)/\(language)"
            if guidanceCache?.key != key {
                guidanceCache = (key, EditorSession.wrapLines(form.sections[s].guidance[language].trimmingWhitespace, width: width))
            }
        }
        switch pageKind {
        case .text(let place):
            guard let layout = textPageLayout() else { return }
            editors[place]?.setViewSize(width: layout.text.width, height: layout.text.height)
        case .details:
            var f = currentFocus
            f.line?.keepCursorVisible(width: detailsValueWidth)
            currentFocus = f
        case .table:
            syncTable()
        }
        if case .fileName(var prompt) = dialog {
            prompt.line.keepCursorVisible(width: max(4, dialogWidth - 10))
            dialog = .fileName(prompt)
        }
    }

    var dialogWidth: Int { min(size.width - 2, 78) }

    /// The width of a value on the details page.
    var detailsValueWidth: Int {
        let area = pageRect
        let labelWidth = EditorSession.labelWidth(form.metadata.map { $0.label[language] }, width: area.width)
        return max(4, area.width - labelWidth - 1)
    }

    // MARK: - Text helpers

    /// Wraps text to rows of at most `width` cells (titles, guidance, messages); every word
    /// is kept (a word longer than a row is broken).
    static func wrapLines(_ text: String, width: Int) -> [String] {
        var rows: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let p = String(paragraph)
            let starts = Wrap.rowStarts(p, width: max(1, width))
            for (i, start) in starts.enumerated() {
                let end = i + 1 < starts.count ? starts[i + 1] : p.utf8.count
                var row = TextBuffer.slice(p, start, end)
                while row.hasSuffix(" ") { row.removeLast() }
                rows.append(row)
            }
        }
        return rows
    }

    /// Room for the longest label (and the marker before it), at most half the page.
    static func labelWidth(_ labels: [String], width: Int) -> Int {
        let longest = labels.map { DisplayText.width(of: $0) }.max() ?? 10
        return min(longest + 3, max(10, width / 2))
    }

    /// "‹ label ›", the label shortened with "…" when the field is narrow.
    static func choiceText(_ label: String, width: Int) -> String {
        var characters = Array(label)
        var shown = label
        while DisplayText.width(of: "‹ \(shown) ›") > width, characters.count > 1 {
            characters.removeLast()
            shown = String(characters) + "…"
        }
        return "‹ \(shown) ›"
    }

    /// A text cut to a width with "…" (for grid cells; the whole text shows below the grid).
    static func truncated(_ text: String, width: Int) -> String {
        guard DisplayText.width(of: text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var result = ""
        var used = 0
        for c in text {
            let w = DisplayText.of(c).width
            if used + w > width - 1 { break }
            result.append(c)
            used += w
        }
        return result + "…"
    }
}

extension String {
    /// Pads with spaces to a display width.
    func padding(toWidth width: Int) -> String {
        let w = DisplayText.width(of: self)
        return w >= width ? self + " " : self + String(repeating: " ", count: width - w)
    }
}
