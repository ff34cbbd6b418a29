import FeedbackModel

/// Reads Markdown (CommonMark with GFM pipe tables) into paragraphs and tables: ATX and
/// Setext headings, paragraphs (soft line breaks are spaces, hard breaks line feeds), "- ",
/// "* " and "+ " bullets, numbered items, block quotes as paragraphs, fenced code as
/// literal paragraphs, pipe tables; thematic breaks and HTML comments are skipped.
enum MarkdownReader {
    static let maximumSize = 32 * 1024 * 1024

    static func read(path: String) throws(DocumentError) -> SourceDocument {
        let bytes: [UInt8]
        do {
            bytes = try FileStore.readLimited(path: path, limit: maximumSize)
        } catch {
            if case .tooLarge = error.kind {
                throw DocumentError(.tooLarge, file: path, problem: Localized(
                    sv: "filen är större än \(maximumSize / 1024 / 1024) MB och läses inte", en: "the file is larger than \(maximumSize / 1024 / 1024) MB and is not read"))
            }
            throw DocumentError(.unreadable, file: path, problem: Localized(sv: error.message(.sv), en: error.message(.en)))
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: Array("%PDF".utf8)) || bytes.contains(0) {
            throw DocumentError(.wrongFormat, file: path, problem: Localized(
                sv: "filen är ingen textfil (Markdown); en .docx importeras som .docx", en: "the file is not a text (Markdown) file; import a .docx as .docx"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DocumentError(.wrongFormat, file: path, problem: Localized(
                sv: "filen är inte UTF-8; spara den som UTF-8", en: "the file is not UTF-8; save it as UTF-8"))
        }
        return parse(text)
    }

    static func parse(_ text: String) -> SourceDocument {
        var notes = ReadingNotes()
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var blocks: [SourceBlock] = []
        var i = 0
        func add(_ raw: String, kind: SourceParagraph.Kind, at line: Int, label: String? = nil, literal: Bool = false) {
            let (decoded, bold, italic) = literal ? (raw, false, false) : MarkdownInline.decodeMarked(raw)
            let cleaned = notes.clean(decoded)
            blocks.append(.paragraph(SourceParagraph(text: cleaned, kind: kind, bold: bold, italic: italic, numberLabel: label, location: line)))
        }
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty { i += 1; continue }
            let start = i + 1
            if let fence = MarkdownBlocks.fence(line) {
                var code: [Substring] = []
                i += 1
                while i < lines.count, !MarkdownBlocks.closesFence(lines[i], fence) {
                    code.append(lines[i])
                    i += 1
                }
                i += 1
                if !code.isEmpty { add(code.joined(separator: "\n"), kind: .normal, at: start, literal: true) }
                continue
            }
            if trimmed.hasPrefix("<!--") {
                while i < lines.count, !lines[i].contains("-->") { i += 1 }
                i += 1
                continue
            }
            if let (level, content) = MarkdownBlocks.atx(line) {
                add(content, kind: .heading(level), at: start)
                i += 1
                continue
            }
            if MarkdownBlocks.isThematicBreak(line) { i += 1; continue }
            if i + 1 < lines.count, line.contains("|"), MarkdownBlocks.isDelimiterRow(lines[i + 1]) {
                var rows = [MarkdownBlocks.cells(line)]
                i += 2
                while i < lines.count, !lines[i].trimmingSpaces.isEmpty, lines[i].contains("|") {
                    rows.append(MarkdownBlocks.cells(lines[i]))
                    i += 1
                }
                let decoded = rows.map { row in row.map { notes.clean(MarkdownInline.decode($0, cell: true).text) } }
                blocks.append(.table(SourceTable(rows: decoded, markedHeaderRows: 1, location: start)))
                continue
            }
            if let item = MarkdownBlocks.listItem(line) {
                var content = String(item.content)
                i += 1
                // Lazy continuation lines belong to the item.
                while i < lines.count, !lines[i].trimmingSpaces.isEmpty, MarkdownBlocks.listItem(lines[i]) == nil,
                      MarkdownBlocks.atx(lines[i]) == nil, MarkdownBlocks.fence(lines[i]) == nil, !MarkdownBlocks.isThematicBreak(lines[i]) {
                    content = MarkdownBlocks.join(content, lines[i])
                    i += 1
                }
                add(content, kind: item.label == nil ? .bullet : .numbered, at: start, label: item.label)
                continue
            }
            // A paragraph, ended by a blank line or another block; a Setext underline makes
            // it a heading.
            var content = String(MarkdownBlocks.quoteStripped(line).trimmingLeadingSpaces)
            i += 1
            var kind = SourceParagraph.Kind.normal
            while i < lines.count {
                let next = lines[i]
                if next.trimmingSpaces.isEmpty { break }
                if let level = MarkdownBlocks.setextLevel(next) {
                    kind = .heading(level)
                    i += 1
                    break
                }
                if MarkdownBlocks.atx(next) != nil || MarkdownBlocks.fence(next) != nil || MarkdownBlocks.isThematicBreak(next)
                    || MarkdownBlocks.listItem(next) != nil { break }
                if i + 1 < lines.count, next.contains("|"), MarkdownBlocks.isDelimiterRow(lines[i + 1]) { break }
                content = MarkdownBlocks.join(content, MarkdownBlocks.quoteStripped(next))
                i += 1
            }
            add(MarkdownBlocks.trimmingHardBreakAtEnd(content), kind: kind, at: start)
        }
        return SourceDocument(blocks: blocks, notes: notes)
    }
}

/// Recognising Markdown's block structure line by line.
enum MarkdownBlocks {
    static func indent(_ line: Substring) -> Int {
        var n = 0
        for c in line.unicodeScalars {
            if c == " " { n += 1 } else if c == "\t" { n += 4 } else { break }
        }
        return n
    }

    static func fence(_ line: Substring) -> String? {
        guard indent(line) < 4 else { return nil }
        let t = line.trimmingLeadingSpaces
        for marker in ["```", "~~~"] where t.hasPrefix(marker) {
            let run = t.prefix { String($0) == String(marker.first ?? "`") }
            return String(run)
        }
        return nil
    }

    static func closesFence(_ line: Substring, _ fence: String) -> Bool {
        let t = line.trimmingSpaces
        return indent(line) < 4 && t.hasPrefix(fence) && t.allSatisfy { String($0) == String(fence.first ?? "`") }
    }

    /// "## Heading ##" → (2, "Heading").
    static func atx(_ line: Substring) -> (Int, String)? {
        guard indent(line) < 4 else { return nil }
        let t = line.trimmingLeadingSpaces
        let hashes = t.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = t.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var content = rest.trimmingSpaces
        // An optional closing sequence of #s, preceded by a space.
        if let lastNonHash = content.lastIndex(where: { $0 != "#" }) {
            let tail = content[content.index(after: lastNonHash)...]
            if !tail.isEmpty, content[lastNonHash] == " " || content[lastNonHash] == "\t" {
                content = content[...lastNonHash].trimmingSpaces
            }
        } else {
            content = ""
        }
        return (hashes, String(content))
    }

    static func isThematicBreak(_ line: Substring) -> Bool {
        guard indent(line) < 4 else { return false }
        let chars = line.filter { $0 != " " && $0 != "\t" }
        guard chars.count >= 3, let first = chars.first, first == "-" || first == "*" || first == "_" else { return false }
        return chars.allSatisfy { $0 == first }
    }

    static func setextLevel(_ line: Substring) -> Int? {
        guard indent(line) < 4 else { return nil }
        let t = line.trimmingSpaces
        guard !t.isEmpty else { return nil }
        if t.allSatisfy({ $0 == "=" }) { return 1 }
        if t.allSatisfy({ $0 == "-" }) { return 2 }
        return nil
    }

    /// A bullet ("- ", "* ", "+ ") or numbered ("1. ", "1) ") item: its label and content.
    static func listItem(_ line: Substring) -> (label: String?, content: Substring)? {
        guard indent(line) < 4 else { return nil }
        let t = line.trimmingLeadingSpaces
        if let first = t.first, first == "-" || first == "*" || first == "+" {
            let rest = t.dropFirst()
            if rest.isEmpty { return (nil, "") }
            if rest.first == " " || rest.first == "\t" {
                if isThematicBreak(line) { return nil }
                return (nil, rest.trimmingLeadingSpaces)
            }
            return nil
        }
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count) else { return nil }
        let rest = t.dropFirst(digits.count)
        guard let mark = rest.first, mark == "." || mark == ")" else { return nil }
        let after = rest.dropFirst()
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        return (String(digits) + String(mark), after.trimmingLeadingSpaces)
    }

    static func quoteStripped(_ line: Substring) -> Substring {
        let t = line.trimmingLeadingSpaces
        guard indent(line) < 4, t.hasPrefix(">") else { return line }
        let rest = t.dropFirst()
        return rest.first == " " ? rest.dropFirst() : rest
    }

    /// Joins a paragraph's lines: a trailing backslash or two trailing spaces make a hard
    /// break (a line feed), anything else a soft break (a space).
    static func join(_ content: String, _ next: Substring) -> String {
        let nextText = next.trimmingLeadingSpaces
        if hasOddTrailingBackslashes(content) {
            return String(content.dropLast()) + "\n" + nextText
        }
        if content.hasSuffix("  ") {
            return content.trimmingTrailingSpaces + "\n" + nextText
        }
        return content.trimmingTrailingSpaces + " " + nextText
    }

    static func hasOddTrailingBackslashes(_ s: String) -> Bool {
        let n = s.reversed().prefix { $0 == "\\" }.count
        return n % 2 == 1
    }

    static func trimmingHardBreakAtEnd(_ s: String) -> String {
        s.trimmingTrailingSpaces
    }

    static func isDelimiterRow(_ line: Substring) -> Bool {
        let t = line.trimmingSpaces
        guard t.contains("-") else { return false }
        let cells = self.cells(line)
        guard !cells.isEmpty else { return false }
        return cells.allSatisfy { cell in
            let c = cell.trimmingSpaces
            guard !c.isEmpty else { return false }
            let core = c.drop { $0 == ":" }.reversed().drop { $0 == ":" }
            return !core.isEmpty && core.allSatisfy { $0 == "-" }
        }
    }

    /// The cells of a table row: split at unescaped `|`, outer pipes optional, trimmed.
    static func cells(_ line: Substring) -> [String] {
        var t = Substring(line.trimmingSpaces)
        if t.hasPrefix("|") { t = t.dropFirst() }
        if t.hasSuffix("|") && !hasOddTrailingBackslashes(String(t.dropLast())) { t = t.dropLast() }
        var cells: [String] = []
        var current = ""
        var escaped = false
        for c in t {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                current.append(c)
                escaped = true
            } else if c == "|" {
                cells.append(current.trimmingSpaces)
                current = ""
            } else {
                current.append(c)
            }
        }
        cells.append(current.trimmingSpaces)
        return cells
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        String(trimmingLeadingSpaces).trimmingTrailingSpaces
    }

    var trimmingLeadingSpaces: SubSequence {
        self[(firstIndex { $0 != " " && $0 != "\t" } ?? endIndex)...]
    }

    var trimmingTrailingSpaces: String {
        guard let last = lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(self[...last])
    }
}
