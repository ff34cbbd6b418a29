import FeedbackModel

/// `feedback diff` output: text for people (words marked `[-removed-]` and `{+added+}`, as
/// `git diff --word-diff=plain` does) and JSON for machines (shape in Sources/FeedbackHistory/Diff/diff-format.md).
public enum DiffRendering {
    // MARK: - Text

    /// The whole comparison as text; every text from the files made safe to print.
    public static func text(_ diff: FeedbackDiff, a: PastFeedback, b: PastFeedback, language: Language) -> String {
        let sv = language == .sv
        var lines: [String] = []
        lines.append("A: " + describe(a, language))
        lines.append("B: " + describe(b, language))
        if diff.isEqual {
            lines.append(sv ? "Inga skillnader i innehållet." : "No differences in the content.")
            return lines.map { Sanitizer.visible($0, singleLine: false) }.joined(separator: "\n")
        }
        if !diff.metadata.isEmpty {
            lines.append("")
            lines.append(sv ? "Uppgifter" : "Details")
            for change in diff.metadata { lines.append("  " + metadataLine(change, language)) }
        }
        for section in diff.sections {
            lines.append("")
            lines.append(sectionHeading(section, language))
            for entry in entries(section, language) { lines.append("  " + entry.text) }
        }
        return lines.map { Sanitizer.visible($0, singleLine: false) }.joined(separator: "\n")
    }

    static func describe(_ p: PastFeedback, _ language: Language) -> String {
        let sv = language == .sv
        let kind = p.kind == .export ? "export" : (sv ? "utkast" : "draft")
        let period = p.planPeriod.map { sv ? ", planperiod \($0.label)" : ", plan period \($0.label)" } ?? ""
        return "\(p.path) (\(kind), \(p.formID) v\(p.formVersion)\(period), revision \(p.revision))"
    }

    static func empty(_ language: Language) -> String { language == .sv ? "(tomt)" : "(empty)" }

    static func metadataLine(_ change: MetadataChange, _ language: Language) -> String {
        let label = change.label?[language] ?? change.id
        return "\(label): \(change.before ?? empty(language)) → \(change.after ?? empty(language))"
    }

    /// "1. Title", with "(ny rubrik)" / "(rubriken finns inte i B)".
    public static func sectionHeading(_ section: SectionDiff, _ language: Language) -> String {
        let sv = language == .sv
        var heading = section.number.map { "\($0). " } ?? ""
        heading += section.title?[language] ?? section.id
        switch section.change {
        case .changed: break
        case .added: heading += sv ? " (ny rubrik)" : " (new heading)"
        case .removed: heading += sv ? " (rubriken finns inte i B)" : " (heading not in B)"
        }
        return heading
    }

    /// One change in one line (a paragraph may be long), for the text output and for the
    /// interface's list of changes.
    public struct Entry: Sendable, Equatable {
        /// The field in B (or A, for a heading B does not have), and a row index in B.
        public var sectionID: String
        public var fieldID: String
        public var row: Int?
        public var text: String
    }

    public static func entries(_ section: SectionDiff, _ language: Language) -> [Entry] {
        let sv = language == .sv
        var result: [Entry] = []
        for text in section.texts {
            let label = text.label?[language] ?? text.fieldID
            for p in text.paragraphs {
                let what: String
                switch p.change {
                case .changed: what = sv ? "stycke \((p.after ?? 0) + 1) ändrat" : "paragraph \((p.after ?? 0) + 1) changed"
                case .added: what = sv ? "stycke \((p.after ?? 0) + 1) tillagt" : "paragraph \((p.after ?? 0) + 1) added"
                case .removed: what = sv ? "stycke \((p.before ?? 0) + 1) borttaget" : "paragraph \((p.before ?? 0) + 1) removed"
                }
                result.append(Entry(sectionID: section.id, fieldID: text.fieldID, row: nil, text: "\(label), \(what): \(marked(p.words))"))
            }
        }
        for table in section.tables {
            let label = table.label?[language] ?? table.fieldID
            for row in table.rows {
                let name = row.key.map { sv ? " ”\($0)”" : " “\($0)”" } ?? ""
                let cells = row.cells.map { cellText($0, columns: table.columns, change: row.change, language) }.joined(separator: "; ")
                let what: String
                switch row.change {
                case .changed: what = sv ? "rad \((row.after ?? 0) + 1)\(name) ändrad" : "row \((row.after ?? 0) + 1)\(name) changed"
                case .added: what = sv ? "rad \((row.after ?? 0) + 1)\(name) tillagd" : "row \((row.after ?? 0) + 1)\(name) added"
                case .removed: what = sv ? "rad \((row.before ?? 0) + 1)\(name) borttagen" : "row \((row.before ?? 0) + 1)\(name) removed"
                }
                result.append(Entry(sectionID: section.id, fieldID: table.fieldID, row: row.change == .removed ? nil : row.after,
                                    text: "\(label), \(what): \(cells)"))
            }
        }
        return result
    }

    /// "same [-removed-]{+added+} same".
    public static func marked(_ words: [WordSegment]) -> String {
        var out = ""
        for (index, segment) in words.enumerated() {
            if index > 0, !(segment.op == .added && words[index - 1].op == .removed) { out += " " }
            switch segment.op {
            case .same: out += segment.text
            case .added: out += "{+\(segment.text)+}"
            case .removed: out += "[-\(segment.text)-]"
            }
        }
        return out
    }

    static func cellText(_ cell: CellChange, columns: [ColumnDefinition]?, change: DiffChange, _ language: Language) -> String {
        var label = columns?.first { $0.id == cell.column }?.label[language] ?? cell.column
        if let year = cell.year { label += " \(year)" }
        func value(_ v: CellValue?) -> String {
            guard let v else { return empty(language) }
            if case .integer(let n) = v { return AmountFormat.display(n, separator: language == .sv ? " " : ",") }
            return v.displayText
        }
        switch change {
        case .added: return "\(label): \(value(cell.after))"
        case .removed: return "\(label): \(value(cell.before))"
        case .changed:
            var text = "\(label): \(value(cell.before)) → \(value(cell.after))"
            if let d = cell.difference { text += " (\(d >= 0 ? "+" : "")\(AmountFormat.display(d, separator: language == .sv ? " " : ",")))" }
            return text
        }
    }

    // MARK: - JSON

    /// The comparison as JSON (`diffVersion` 1; diff.schema.json beside this file).
    public static func json(_ diff: FeedbackDiff, a: PastFeedback, b: PastFeedback) -> JSONValue {
        func side(_ p: PastFeedback) -> JSONValue {
            .object(JSONObject([
                ("file", .string(p.path)), ("kind", .string(p.kind.rawValue)),
                ("form", .object(JSONObject([("id", .string(p.formID)), ("version", .integer(p.formVersion))]))),
                ("planPeriod", p.planPeriod.map { .object(JSONObject([("firstYear", .integer($0.firstYear)), ("lastYear", .integer($0.lastYear))])) } ?? .null),
                ("committee", p.committeeID.map { .string($0) } ?? .null),
                ("revision", .integer(p.revision)),
            ]))
        }
        func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        func index(_ i: Int?) -> JSONValue { i.map { .integer($0) } ?? .null }
        func localized(_ l: Localized?) -> JSONValue {
            l.map { .object(JSONObject([("sv", .string($0.sv)), ("en", .string($0.en))])) } ?? .null
        }
        func cell(_ c: CellValue?) -> JSONValue {
            switch c {
            case .integer(let n)?: return .integer(n)
            case .text(let s)?: return .string(s)
            case nil: return .null
            }
        }
        let metadata: [JSONValue] = diff.metadata.map {
            .object(JSONObject([("id", .string($0.id)), ("before", string($0.before)), ("after", string($0.after))]))
        }
        let sections: [JSONValue] = diff.sections.map { section in
            let texts: [JSONValue] = section.texts.map { text in
                .object(JSONObject([("field", .string(text.fieldID)), ("paragraphs", .array(text.paragraphs.map { p in
                    .object(JSONObject([
                        ("change", .string(p.change.rawValue)), ("before", index(p.before)), ("after", index(p.after)),
                        ("beforeText", string(p.beforeText)), ("afterText", string(p.afterText)),
                        ("words", .array(p.words.map { .object(JSONObject([("op", .string($0.op.rawValue)), ("text", .string($0.text))])) })),
                    ]))
                }))]))
            }
            let tables: [JSONValue] = section.tables.map { table in
                .object(JSONObject([("field", .string(table.fieldID)), ("rows", .array(table.rows.map { row in
                    .object(JSONObject([
                        ("change", .string(row.change.rawValue)), ("before", index(row.before)), ("after", index(row.after)),
                        ("key", string(row.key)),
                        ("cells", .array(row.cells.map { c in
                            .object(JSONObject([
                                ("column", .string(c.column)), ("year", index(c.year)), ("before", cell(c.before)), ("after", cell(c.after)),
                                ("difference", index(c.difference)),
                            ]))
                        })),
                    ]))
                }))]))
            }
            return .object(JSONObject([
                ("id", .string(section.id)), ("number", index(section.number)), ("title", localized(section.title)),
                ("change", .string(section.change.rawValue)), ("texts", .array(texts)), ("tables", .array(tables)),
            ]))
        }
        return .object(JSONObject([
            ("diffVersion", .integer(1)), ("equal", .bool(diff.isEqual)), ("a", side(a)), ("b", side(b)),
            ("metadata", .array(metadata)), ("sections", .array(sections)),
        ]))
    }
}

extension DiffRendering {
    /// The interface's page of changes: a heading per part ("Uppgifter", "1. Title") and
    /// one line per change, each with the place in B to jump to.
    public static func page(_ diff: FeedbackDiff, language: Language) -> [(heading: String, entries: [Entry])] {
        var groups: [(String, [Entry])] = []
        if !diff.metadata.isEmpty {
            groups.append((language == .sv ? "Uppgifter" : "Details", diff.metadata.map {
                Entry(sectionID: "", fieldID: $0.id, row: nil, text: metadataLine($0, language))
            }))
        }
        for section in diff.sections { groups.append((sectionHeading(section, language), entries(section, language))) }
        return groups
    }
}
