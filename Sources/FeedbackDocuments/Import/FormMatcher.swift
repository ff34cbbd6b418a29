import FeedbackModel

/// Recognising the form's headings, tables, columns, options and metadata in text written by
/// people: case, punctuation and spacing ignored; headings by number ("1.", "1 ", "Rubrik 1")
/// or by title.
struct FormMatcher {
    let form: FormDefinition

    /// Lower case, letters and digits only, single spaces ("Nämndens övriga synpunkter:" →
    /// "nämndens övriga synpunkter").
    static func key(_ text: String) -> String {
        var out = ""
        var space = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(ch)
            } else {
                space = true
            }
        }
        return out
    }

    /// How a paragraph was recognised as a heading.
    enum HeadingMatch {
        case title, number, numberAndTitle
    }

    /// The section a paragraph is the heading of, if it is one. `after` is the number of the
    /// current section: a heading known by its number alone must come later in the form.
    func section(for paragraph: SourceParagraph, after current: Int) -> (SectionDefinition, HeadingMatch)? {
        guard !paragraph.text.contains("\n"), paragraph.text.count <= 250 else { return nil }
        let styled: Bool
        switch paragraph.kind {
        case .heading, .title, .subtitle: styled = true
        case .normal, .numbered: styled = paragraph.bold
        default: return nil
        }
        var full = paragraph.text
        if let label = paragraph.numberLabel { full = label + " " + full }
        let (number, rest, wordPrefix) = FormMatcher.leadingNumber(full)
        if let number, let section = form.sections.first(where: { $0.number == number }) {
            if rest.isEmpty {
                if styled || wordPrefix || paragraph.numberLabel != nil { return (section, .number) }
            } else if titleMatches(rest, section, loose: styled) {
                return (section, .numberAndTitle)
            } else if (styled || wordPrefix) && number > current && rest.split(separator: " ").count <= 14 {
                return (section, .number)
            }
            return nil
        }
        let k = FormMatcher.key(paragraph.text)
        for section in form.sections where titleMatches(k, section, loose: styled) {
            return (section, .title)
        }
        return nil
    }

    /// "Rubrik 3: Kompetens" → (3, "kompetens", true); "1. Mål" → (1, "mål", false).
    static func leadingNumber(_ text: String) -> (Int?, String, Bool) {
        var k = key(text)
        var wordPrefix = false
        for word in ["rubrik ", "avsnitt ", "heading ", "section ", "del ", "punkt "] where k.hasPrefix(word) {
            k.removeFirst(word.count)
            wordPrefix = true
        }
        let digits = k.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let n = Int(digits) else { return (nil, k, false) }
        // "1.2" is a sub-heading, not heading 1.
        let afterDigits = text.drop { !$0.isNumber }.drop { $0.isNumber }
        if let next = afterDigits.first, next == ".", afterDigits.dropFirst().first?.isNumber == true { return (nil, k, false) }
        let rest = String(k.dropFirst(digits.count)).trimmingPrefix(" ")
        // A year or an amount is not a heading number.
        return (n, String(rest), wordPrefix)
    }

    /// Whether a key is one of the section's titles; `loose` also accepts the short title and
    /// a title cut short or lengthened.
    func titleMatches(_ k: String, _ section: SectionDefinition, loose: Bool) -> Bool {
        guard !k.isEmpty else { return false }
        let titles = [section.title.sv, section.title.en].map(FormMatcher.key)
        if titles.contains(k) { return true }
        guard loose else { return false }
        let shorts = [section.shortTitle.sv, section.shortTitle.en].map(FormMatcher.key)
        if shorts.contains(k) { return true }
        for t in titles where k.count >= 16 && (t.hasPrefix(k) || k.hasPrefix(t)) { return true }
        return false
    }

    // MARK: - Tables

    /// A table's columns matched to a form table: for each document column, the form column
    /// and plan year it holds (nil: not recognised).
    struct TableMatch {
        var section: SectionDefinition
        var field: FieldDefinition
        var columns: [(column: ColumnDefinition, year: Int?)?]
        var headerRows: Int
        var score: Int
    }

    /// The best form table for a document table, by its header cells.
    func table(for source: SourceTable, currentSection: String?) -> TableMatch? {
        guard let first = source.rows.first else { return nil }
        var headers: [([String], Int)] = [(first, 1)]
        if source.rows.count > 1 {
            // Two header rows ("Belopp (tkr)" above "2028 | 2029 | …"): combine them.
            let second = source.rows[1]
            var combined: [String] = []
            var lastTop = ""
            for i in 0..<max(first.count, second.count) {
                let top = i < first.count ? first[i] : ""
                if !top.isEmpty { lastTop = top }
                let bottom = i < second.count ? second[i] : ""
                combined.append(bottom.isEmpty ? top : (top.isEmpty ? lastTop + " " + bottom : (top == bottom ? top : top + " " + bottom)))
            }
            headers.append((combined, 2))
        }
        var best: TableMatch?
        for section in form.sections {
            for field in section.fields {
                guard case .table(let columns) = field.kind else { continue }
                for (header, rows) in headers {
                    let mapped = header.map { column(for: $0, in: columns) }
                    let matched = mapped.compactMap { $0 }.count
                    let nonEmpty = header.filter { !FormMatcher.key($0).isEmpty }.count
                    guard matched >= 2, matched * 2 >= nonEmpty else { continue }
                    // Prefer more matches, then the table of the heading it stands under, then fewer header rows.
                    let score = matched * 100 + (section.id == currentSection ? 10 : 0) - rows
                    if best == nil || score > best?.score ?? 0 {
                        best = TableMatch(section: section, field: field, columns: mapped, headerRows: rows, score: score)
                    }
                }
            }
        }
        return best
    }

    /// The form column (and year) a header cell names.
    func column(for header: String, in columns: [ColumnDefinition]) -> (column: ColumnDefinition, year: Int?)? {
        let k = FormMatcher.key(header)
        guard !k.isEmpty else { return nil }
        let yearColumns = columns.filter { $0.kind == .planYears }
        // A plan year, alone or with the column's label.
        let words = k.split(separator: " ")
        if let yearWord = words.first(where: { $0.count == 4 && Int($0) != nil }), let year = Int(yearWord), form.planPeriod.contains(year) {
            let others = words.filter { $0 != yearWord }.joined(separator: " ")
            if others.isEmpty || others == "tkr", let only = yearColumns.first, yearColumns.count == 1 { return (only, year) }
            for column in yearColumns where labelMatches(others, column) { return (column, year) }
            if yearColumns.count == 1, let only = yearColumns.first, others.hasSuffix("tkr") || others.hasPrefix("belopp") || others.hasPrefix("amount") {
                return (only, year)
            }
            return nil
        }
        for column in columns where column.kind != .planYears && (labelMatches(k, column) || k == FormMatcher.key(column.id)) {
            return (column, nil)
        }
        return nil
    }

    func labelMatches(_ k: String, _ column: ColumnDefinition) -> Bool {
        for label in [column.label.sv, column.label.en] {
            let full = FormMatcher.key(label)
            if k == full { return true }
            // "Belopp (tkr)" also as "Belopp".
            if let paren = label.firstIndex(of: "("), FormMatcher.key(String(label[..<paren])) == k { return true }
        }
        return false
    }

    /// The option a cell names: by label or id, or the one label that starts with it
    /// ("1" for "1 – hög").
    static func option(for cell: String, in options: [ChoiceOption]) -> ChoiceOption? {
        let k = key(cell)
        guard !k.isEmpty else { return nil }
        if let exact = options.first(where: { key($0.label.sv) == k || key($0.label.en) == k || $0.id == cell.trimmingWhitespace || key($0.id) == k }) {
            return exact
        }
        let starting = options.filter { key($0.label.sv).hasPrefix(k + " ") || key($0.label.en).hasPrefix(k + " ") }
        return starting.count == 1 ? starting[0] : nil
    }

    static let totalWords: Set<String> = ["summa", "total", "totalt", "sum", "totals", "summa totalt", "totalsumma", "summering"]

    static func isTotalsRow(_ row: [String]) -> Bool {
        guard let first = row.first(where: { !key($0).isEmpty }) else { return false }
        let k = key(first)
        return totalWords.contains(k) || k.hasPrefix("summa ") || k.hasPrefix("total ")
    }

    // MARK: - Metadata

    /// The metadata field a label names.
    func metadataField(for label: String) -> FieldDefinition? {
        let k = FormMatcher.key(label)
        guard !k.isEmpty else { return nil }
        if let exact = form.metadata.first(where: { FormMatcher.key($0.label.sv) == k || FormMatcher.key($0.label.en) == k || FormMatcher.key($0.id) == k }) {
            return exact
        }
        // The label's last words, as people shorten it ("Diarienummer", "E-post"), when only
        // one field ends so.
        let ending = form.metadata.filter { FormMatcher.key($0.label.sv).hasSuffix(" " + k) || FormMatcher.key($0.label.en).hasSuffix(" " + k) }
        return k.count >= 5 && ending.count == 1 ? ending[0] : nil
    }

    /// The committee a name or id names.
    func committee(for text: String) -> Committee? {
        let k = FormMatcher.key(text)
        guard !k.isEmpty else { return nil }
        return form.committees.first { FormMatcher.key($0.name) == k || FormMatcher.key($0.nameEn) == k || $0.id == text.trimmingWhitespace }
    }
}
