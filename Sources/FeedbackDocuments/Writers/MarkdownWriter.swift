/// Writes a document as CommonMark with pipe tables (GitHub Flavored Markdown). Every text
/// is escaped, so what a reader shows is the text itself: markup characters get a backslash,
/// white space at the start or end of a line becomes a character reference, line breaks
/// inside a paragraph are hard breaks (`\` at the end of the line), in table cells `<br>`.
public struct MarkdownWriter: Sendable {
    public init() {}

    public func write(_ document: Document) -> String {
        var parts: [String] = []
        for block in document.blocks {
            switch block {
            case .title(let text): parts.append("# " + MarkdownEscaping.heading(text))
            case .subtitle(let text): parts.append(MarkdownEscaping.paragraph(text))
            case .heading(let level, let text):
                parts.append(String(repeating: "#", count: min(6, max(1, level) + 1)) + " " + MarkdownEscaping.heading(text))
            case .paragraph(let runs): parts.append(inline(runs))
            case .bulletList(let items): parts.append(items.map { "- " + inline($0, inList: true) }.joined(separator: "\n"))
            case .table(let table): parts.append(self.table(table))
            case .metadata(let metadata):
                let rows = metadata.entries.map { [$0.label, $0.value] }
                parts.append(pipeTable(headers: [metadata.labelHeader, metadata.valueHeader], alignments: [.start, .start], rows: rows, boldFirst: true))
            case .footer(let text): parts.append("***\n\n" + MarkdownEscaping.paragraph(text))
            case .chart: break  // no figures in Markdown: the chart's numbers stand in a table beside it
            }
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private func inline(_ runs: [Run], inList: Bool = false) -> String {
        var out = ""
        for (i, run) in runs.enumerated() {
            // Only the start of the first run is a line start.
            var text = i == 0 ? MarkdownEscaping.paragraph(run.text) : MarkdownEscaping.paragraph(run.text, continuing: true)
            if inList { text = text.replacingOccurrences(of: "\\\n", with: " ") }
            if (run.bold || run.italic) && !run.text.isEmpty {
                let marker = run.bold && run.italic ? "***" : run.bold ? "**" : "*"
                text = marker + text + marker
            }
            out += text
        }
        return out
    }

    private func table(_ table: Table) -> String {
        var rows = table.rows
        if let totals = table.totals { rows.append(totals) }
        var out = ""
        if !table.caption.isEmpty { out += "**" + MarkdownEscaping.paragraph(table.caption) + "**\n\n" }
        out += pipeTable(headers: table.columns.map(\.header), alignments: table.columns.map(\.alignment), rows: rows,
                         boldFirst: table.firstColumnIsHeader, boldLast: table.totals != nil)
        return out
    }

    private func pipeTable(headers: [String], alignments: [ColumnAlignment], rows: [[String]], boldFirst: Bool = false, boldLast: Bool = false) -> String {
        var lines = ["| " + headers.map { MarkdownEscaping.cell($0) }.joined(separator: " | ") + " |"]
        lines.append("|" + alignments.map { a -> String in
            switch a {
            case .start: return " --- "
            case .center: return " :-: "
            case .end: return " --: "
            }
        }.joined(separator: "|") + "|")
        for (r, row) in rows.enumerated() {
            let cells = (0..<headers.count).map { i -> String in
                let cell = MarkdownEscaping.cell(i < row.count ? row[i] : "")
                let strong = !cell.isEmpty && ((boldFirst && i == 0) || (boldLast && r == rows.count - 1))
                return strong ? "**" + cell + "**" : cell
            }
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}

/// Backslash escapes and character references that make any text literal in CommonMark.
enum MarkdownEscaping {
    /// Characters that are markup anywhere in a line.
    static let alwaysEscaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~"]

    /// One line of text, escaped; `lineStart` when it begins a line.
    static func line(_ text: Substring, lineStart: Bool, escapeHash: Bool = false) -> String {
        if isPlain(text, lineStart: lineStart, escapeHash: escapeHash) { return String(text) }
        let scalars = Array(text.unicodeScalars)
        var out = ""
        // White space at either end would be stripped (or be code, or a hard break).
        var first = 0
        var last = scalars.count
        while first < last, scalars[first] == " " || scalars[first] == "\t" {
            out += scalars[first] == " " ? "&#32;" : "&#9;"
            first += 1
        }
        var trailing = ""
        while last > first, scalars[last - 1] == " " || scalars[last - 1] == "\t" {
            trailing = (scalars[last - 1] == " " ? "&#32;" : "&#9;") + trailing
            last -= 1
        }
        for i in first..<last {
            let s = scalars[i]
            let atStart = lineStart && i == first
            if alwaysEscaped.contains(s) {
                out += "\\"
                out.unicodeScalars.append(s)
            } else if s == "&", i + 1 < last, scalars[i + 1] == "#" || (scalars[i + 1].properties.isAlphabetic && scalars[i + 1].isASCII) {
                out += "\\&"
            } else if s == "\t" {
                out += "&#9;"
            } else if (atStart || escapeHash) && s == "#" || atStart && (s == "-" || s == "+" || s == "=") {
                out += "\\"
                out.unicodeScalars.append(s)
            } else if lineStart && (s == "." || s == ")") && i > first && scalars[first..<i].allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }) {
                // "1." or "1)" at the start of a line would begin an ordered list.
                out += "\\"
                out.unicodeScalars.append(s)
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out + trailing
    }

    /// Whether a line needs no escaping at all (most do not): no markup character anywhere,
    /// nothing at its start that begins a block, no white space at either end.
    static func isPlain(_ text: Substring, lineStart: Bool, escapeHash: Bool) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return true }
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return false }
        if lineStart && (first == 0x23 || first == 0x2D || first == 0x2B || first == 0x3D || (0x30...0x39).contains(first)) { return false }
        for b in utf8 {
            switch b {
            case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x7C, 0x7E, 0x26, 0x09: return false
            case 0x23 where escapeHash: return false
            default: continue
            }
        }
        return true
    }

    /// A paragraph: lines joined by hard breaks.
    static func paragraph(_ text: String, continuing: Bool = false) -> String {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated().map { i, piece in
            line(Substring(piece), lineStart: !(continuing && i == 0))
        }.joined(separator: "\\\n")
    }

    /// A heading's text on one line (`#` escaped everywhere: a trailing run would close it).
    static func heading(_ text: String) -> String {
        line(Substring(text.replacingOccurrences(of: "\n", with: " ")), lineStart: false, escapeHash: true)
    }

    /// A table cell: `|` escaped, line breaks as `<br>`.
    static func cell(_ text: String) -> String {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line(Substring($0), lineStart: true) }.joined(separator: "<br>")
    }
}
