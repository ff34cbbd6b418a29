/// Writes a document as one self-contained HTML file: inline CSS (no scripts, fonts, images
/// or anything fetched), A4 print CSS, the document's language, one `h1` and headings in
/// order, table headers with `scope`, text contrast of at least 7:1 (WCAG AAA), every text
/// escaped. Footer lines are written at the end, in a `<footer>`.
public struct HTMLWriter: Sendable {
    public init() {}

    public func write(_ document: Document) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"\(Markup.attribute(document.properties.language.tag))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(Markup.text(document.properties.title))</title>\n"
        if !document.properties.author.isEmpty { out += "<meta name=\"author\" content=\"\(Markup.attribute(document.properties.author))\">\n" }
        out += "<meta name=\"generator\" content=\"feedback\">\n"
        out += "<style>\n\(HTMLWriter.css)</style>\n</head>\n<body>\n<main>\n"
        var hasTitle = false
        var lastLevel = 1
        var footers: [String] = []
        if !document.blocks.contains(where: { if case .title = $0 { return true } else { return false } }) {
            out += "<h1>\(lines(document.properties.title))</h1>\n"
            hasTitle = true
        }
        for block in document.blocks {
            switch block {
            case .title(let text):
                // One h1: a second title is written as a subtitle.
                out += hasTitle ? "<p class=\"subtitle\">\(lines(text))</p>\n" : "<h1>\(lines(text))</h1>\n"
                hasTitle = true
            case .subtitle(let text):
                out += "<p class=\"subtitle\">\(lines(text))</p>\n"
            case .heading(let level, let text):
                // Levels never skip: a heading is at most one level below the one before.
                let h = min(max(2, level + 1), min(6, lastLevel + 1))
                lastLevel = h
                out += "<h\(h)>\(lines(text))</h\(h)>\n"
            case .paragraph(let runs):
                out += "<p>\(runs.map(run).joined())</p>\n"
            case .bulletList(let items):
                out += "<ul>\n" + items.map { "<li>\($0.map(run).joined())</li>\n" }.joined() + "</ul>\n"
            case .table(let table):
                out += self.table(table)
            case .metadata(let metadata):
                out += self.metadata(metadata)
            case .footer(let text):
                // Footer lines close the document, wherever they stand.
                footers.append("<p>\(lines(text))</p>\n")
            case .chart(let chart):
                out += "<figure>\n" + BarChartSVG(chart).svg() + "</figure>\n"
            }
        }
        out += "</main>\n"
        if !footers.isEmpty { out += "<footer>\n" + footers.joined() + "</footer>\n" }
        return out + "</body>\n</html>\n"
    }

    /// Escaped text with each line feed written as `<br>`.
    private func lines(_ text: String) -> String {
        let escaped = Markup.text(text)
        guard escaped.utf8.contains(0x0A) else { return escaped }
        return escaped.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }.joined(separator: "<br>\n")
    }

    private func run(_ run: Run) -> String {
        var text = lines(run.text)
        if run.italic { text = "<em>\(text)</em>" }
        if run.bold { text = "<strong>\(text)</strong>" }
        return text
    }

    private func alignment(_ a: ColumnAlignment) -> String {
        switch a {
        case .start: return ""
        case .center: return " class=\"center\""
        case .end: return " class=\"number\""
        }
    }

    private func table(_ table: Table) -> String {
        var out = "<table>\n"
        if !table.caption.isEmpty { out += "<caption>\(lines(table.caption))</caption>\n" }
        out += "<thead><tr>" + table.columns.map { "<th scope=\"col\"\(alignment($0.alignment))>\(lines($0.header))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (i, column) in table.columns.enumerated() {
                let text = i < row.count ? lines(row[i]) : ""
                if i == 0 && table.firstColumnIsHeader {
                    out += "<th scope=\"row\"\(alignment(column.alignment))>\(text)</th>"
                } else {
                    out += "<td\(alignment(column.alignment))>\(text)</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n"
        if let totals = table.totals {
            out += "<tfoot><tr>"
            for (i, column) in table.columns.enumerated() {
                let text = i < totals.count ? lines(totals[i]) : ""
                out += i == 0 ? "<th scope=\"row\"\(alignment(column.alignment))>\(text)</th>" : "<td\(alignment(column.alignment))>\(text)</td>"
            }
            out += "</tr></tfoot>\n"
        }
        return out + "</table>\n"
    }

    private func metadata(_ metadata: MetadataTable) -> String {
        var out = "<table class=\"metadata\">\n"
        if !metadata.caption.isEmpty { out += "<caption class=\"visually-hidden\">\(lines(metadata.caption))</caption>\n" }
        out += "<tbody>\n"
        for entry in metadata.entries {
            out += "<tr><th scope=\"row\">\(lines(entry.label))</th><td>\(lines(entry.value))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// Colours: text #1a1a1a on #ffffff (17.4:1), headings #1f3864 (12.5:1), muted text
    /// #404040 (10.4:1), header cells #1a1a1a on #e8ecf3 (14.9:1), borders #595959.
    static let css = """
        :root { color: #1a1a1a; background: #ffffff; }
        body { font-family: Calibri, Carlito, "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.4; max-width: 48em; margin: 2em auto; padding: 0 1em; }
        h1, h2, h3, h4, h5, h6 { color: #1f3864; line-height: 1.2; page-break-after: avoid; break-after: avoid; }
        h1 { font-size: 20pt; margin: 0 0 0.2em; }
        h2 { font-size: 15pt; margin: 1.4em 0 0.4em; }
        h3 { font-size: 13pt; margin: 1.2em 0 0.3em; }
        h4, h5, h6 { font-size: 11pt; }
        .subtitle { color: #404040; font-size: 14pt; margin: 0 0 1em; }
        table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; page-break-inside: auto; font-size: 9.5pt; }
        caption { text-align: left; font-weight: bold; padding: 0.2em 0; }
        th, td { border: 1px solid #595959; padding: 0.25em 0.4em; vertical-align: top; text-align: left; }
        thead th { background: #e8ecf3; }
        tfoot th, tfoot td { font-weight: bold; border-top: 2px solid #1a1a1a; }
        tr { page-break-inside: avoid; break-inside: avoid; }
        .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .center { text-align: center; }
        figure { margin: 1em 0; }
        svg.chart { max-width: 100%; height: auto; font-family: inherit; }
        table.metadata th { width: 35%; background: #ffffff; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        ul { padding-left: 1.5em; }
        footer { color: #404040; font-size: 8pt; border-top: 1px solid #595959; margin-top: 2em; padding-top: 0.3em; }
        @page { size: A4; margin: 2cm 2.2cm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
          table { font-size: 8.5pt; }
          thead { display: table-header-group; }
          tfoot { display: table-row-group; }
          a { color: inherit; }
        }

        """
}
