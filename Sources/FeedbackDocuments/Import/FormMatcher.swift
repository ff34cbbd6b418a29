import FeedbackModel

/// Recognising the form's headings, tables, columns, options and metadata in text written by
/// people: case, punctuation and spacing ignored; headings by number ("1.", "1 ", "Rubrik 1")
/// or by title.
struct FormMatcher {
    let form: FormDefinition
    /// The keys of the form's texts, made once: titles and short titles by section id,
    /// metadata labels by field id, committee names by id.
    private let titleKeys: [String: [String]]
    private let shortTitleKeys: [String: [String]]
    private let metadataKeys: [(field: FieldDefinition, keys: [String])]
    private let committeeKeys: [(committee: Committee, keys: [String])]

    init(form: FormDefinition) {
        self.form = form
        var titles: [String: [String]] = [:]
        var shorts: [String: [String]] = [:]
        for section in form.sections {
            titles[section.id] = [section.title.sv, section.title.en].map(FormMatcher.key)
            shorts[section.id] = [section.shortTitle.sv, section.shortTitle.en].map(FormMatcher.key)
        }
        titleKeys = titles
        shortTitleKeys = shorts
        metadataKeys = form.metadata.map { ($0, [$0.label.sv, $0.label.en, $0.id].map(FormMatcher.key)) }
        committeeKeys = form.committees.map { ($0, [$0.name, $0.nameEn].map(FormMatcher.key)) }
    }

    /// Lower case, letters and digits only, single spaces ("Nämndens övriga synpunkter:" →
    /// "nämndens övriga synpunkter").
    static func key(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            var letter: Unicode.Scalar?
            if v < 0x80 {
                if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) {
                    letter = scalar
                } else if (0x41...0x5A).contains(v) {
                    letter = Unicode.Scalar(UInt8(v + 0x20))
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                let lower = scalar.properties.lowercaseMapping.unicodeScalars
                if lower.count == 1, let first = lower.first { letter = first } else {
                    if space && !out.isEmpty { out.append(" ") }
                    space = false
                    out.append(contentsOf: lower)
                    continue
                }
            }
            guard let letter else {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(letter)
        }
        return String(out)
    }

    /// Texts longer than this (in UTF-8 bytes) are never headings, labels or names (their key
    /// is not made); the longest title of the form is under 80 characters.
    static let longestName = 240

    /// How a paragraph was recognised as a heading.
    enum HeadingMatch {
        case title, number, numberAndTitle
    }

    /// The section a paragraph is the heading of, if it is one. `after` is the number of the
    /// current section: a heading known by its number alone must come later in the form.
    func section(for paragraph: SourceParagraph, after current: Int) -> (SectionDefinition, HeadingMatch)? {
        guard paragraph.text.utf8.count <= FormMatcher.longestName else { return nil }
        return section(for: paragraph, key: FormMatcher.key(paragraph.text), after: current)
    }

    /// The same with the paragraph's key already made.
    func section(for paragraph: SourceParagraph, key k: String, after current: Int) -> (SectionDefinition, HeadingMatch)? {
        guard !k.isEmpty, paragraph.text.utf8.count <= FormMatcher.longestName, !paragraph.text.utf8.contains(0x0A) else { return nil }
        let styled: Bool
        switch paragraph.kind {
        case .heading, .title, .subtitle: styled = true
        case .normal, .numbered: styled = paragraph.bold
        default: return nil
        }
        var full = k
        if let label = paragraph.numberLabel { full = FormMatcher.key(label) + " " + k }
        let (number, rest, wordPrefix) = FormMatcher.leadingNumber(key: full, text: paragraph.numberLabel.map { $0 + " " + paragraph.text } ?? paragraph.text)
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
        for section in form.sections where titleMatches(k, section, loose: styled) {
            return (section, .title)
        }
        return nil
    }

    /// "Rubrik 3: Kompetens" → (3, "kompetens", true); "1. Mål" → (1, "mål", false).
    static func leadingNumber(_ text: String) -> (Int?, String, Bool) {
        leadingNumber(key: key(text), text: text)
    }

    /// The same from the text's key (`text` is looked at only for "1.2").
    static func leadingNumber(key: String, text: String) -> (Int?, String, Bool) {
        var k = Substring(key)
        var wordPrefix = false
        for word in ["rubrik ", "avsnitt ", "heading ", "section ", "del ", "punkt "] where k.hasPrefix(word) {
            k = k.dropFirst(word.count)
            wordPrefix = true
        }
        guard let first = k.utf8.first, (0x30...0x39).contains(first) else { return (nil, String(k), false) }
        let digits = k.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), let n = Int(digits) else { return (nil, String(k), false) }
        // "1.2" is a sub-heading, not heading 1.
        let afterDigits = text.drop { !$0.isNumber }.drop { $0.isNumber }
        if let next = afterDigits.first, next == ".", afterDigits.dropFirst().first?.isNumber == true { return (nil, String(k), false) }
        let rest = k.dropFirst(digits.count).drop { $0 == " " }
        return (n, String(rest), wordPrefix)
    }

    /// Whether a key is one of the section's titles; `loose` also accepts the short title and
    /// a title cut short or lengthened.
    func titleMatches(_ k: String, _ section: SectionDefinition, loose: Bool) -> Bool {
        guard !k.isEmpty else { return false }
        let titles = titleKeys[section.id] ?? []
        if titles.contains(k) { return true }
        guard loose else { return false }
        if shortTitleKeys[section.id]?.contains(k) == true { return true }
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
        guard label.utf8.count <= FormMatcher.longestName else { return nil }
        let k = FormMatcher.key(label)
        guard !k.isEmpty else { return nil }
        if let exact = metadataKeys.first(where: { $0.keys.contains(k) }) { return exact.field }
        // The label's last words, as people shorten it ("Diarienummer", "E-post"), when only
        // one field ends so.
        let ending = metadataKeys.filter { $0.keys.contains { $0.hasSuffix(" " + k) } }
        return k.count >= 5 && ending.count == 1 ? ending[0].field : nil
    }

    /// The committee a name or id names.
    func committee(for text: String) -> Committee? {
        guard text.utf8.count <= FormMatcher.longestName else { return nil }
        let k = FormMatcher.key(text)
        guard !k.isEmpty else { return nil }
        let id = text.trimmingWhitespace
        return committeeKeys.first { $0.keys.contains(k) || $0.committee.id == id }?.committee
    }
}
