import FeedbackModel

/// Walks a read document and decides where each paragraph and table goes in the form:
/// text under a recognised heading into that heading's text, tables by their header cells,
/// the metadata table into the metadata; everything else is unplaced, with the reason.
struct SourceMapper {
    let form: FormDefinition
    let matcher: FormMatcher
    /// The keys naming each table field: its label, and the caption the program writes.
    let tableLabels: [(field: FieldDefinition, keys: Set<String>)]

    /// What the document holds, by place.
    struct Content {
        var texts: [FieldPlace: [DraftText.Piece]] = [:]
        var textSources: [FieldPlace: (Int, Int)] = [:]
        var tables: [FieldPlace: [TableRow]] = [:]
        var tableSources: [FieldPlace: [Int]] = [:]
        var metadata: [String: FieldValue] = [:]
        var metadataSources: [String: Int] = [:]
        var unplaced: [ImportReport.Unplaced] = []
        var notes: [ImportReport.Note] = []
        var sectionsFound: [String] = []
        var committee: String?
        /// A case number the document gives in a line of its own ("Dnr KN 2027/12"), and where.
        var caseNumber: (value: String, location: Int)?
    }

    init(form: FormDefinition) {
        self.form = form
        self.matcher = FormMatcher(form: form)
        var labels: [(FieldDefinition, Set<String>)] = []
        for section in form.sections {
            for field in section.fields {
                guard case .table(let columns) = field.kind else { continue }
                var names = Set([field.label.sv, field.label.en].map(FormMatcher.key))
                if let years = columns.first(where: { $0.kind == .planYears }) {
                    for language in [Language.sv, .en] { names.insert(FormMatcher.key("\(field.label[language]), \(years.label[language])")) }
                }
                labels.append((field, names))
            }
        }
        tableLabels = labels
    }

    static func where_(_ location: Int, format: DocumentFormat) -> Localized {
        format == .md ? Localized(sv: "rad \(location)", en: "line \(location)") : Localized(sv: "stycke \(location)", en: "paragraph \(location)")
    }

    func map(_ source: SourceDocument, format: DocumentFormat) -> Content {
        var content = Content()
        var section: SectionDefinition?
        var field: FieldDefinition?
        var pendingLabel: SourceParagraph?
        var lastNumbered = false
        let placeholders: Set<String> = [DocumentLabels.nothingReported.sv, DocumentLabels.nothingReported.en,
                                         DocumentLabels.noRows.sv, DocumentLabels.noRows.en].reduce(into: []) { $0.insert(FormMatcher.key($1)) }
        let formTitles = Set([form.title.sv, form.title.en].map(FormMatcher.key))
        let footerPrefixes = [DocumentLabels.documentID.sv, DocumentLabels.documentID.en].map(FormMatcher.key)

        func unplaced(_ text: String, _ location: Int, _ reason: Localized) {
            let trimmed = text.trimmingWhitespace
            guard !trimmed.isEmpty else { return }
            content.unplaced.append(ImportReport.Unplaced(text: trimmed, source: SourceMapper.where_(location, format: format), reason: reason))
        }
        func addText(_ piece: DraftText.Piece, _ location: Int, numbered: Bool = false) {
            guard let section, let field else { return }
            let place = FieldPlace.section(section.id, field.id)
            // Changed in place in the dictionary: a copy per paragraph would be quadratic.
            switch piece {
            case .bullets(let items):
                if case .bullets(let previous)? = content.texts[place]?.last {
                    content.texts[place, default: []][content.texts[place, default: []].count - 1] = .bullets(previous + items)
                } else {
                    content.texts[place, default: []].append(piece)
                }
            case .paragraph(let text):
                if numbered, lastNumbered, case .paragraph(let previous)? = content.texts[place]?.last {
                    content.texts[place, default: []][content.texts[place, default: []].count - 1] = .paragraph(previous + "\n" + text)
                } else {
                    content.texts[place, default: []].append(piece)
                }
            }
            let range = content.textSources[place] ?? (location, location)
            content.textSources[place] = (min(range.0, location), max(range.1, location))
        }
        func flushLabel() {
            guard let label = pendingLabel else { return }
            pendingLabel = nil
            if section != nil { addText(.paragraph(label.text), label.location) } else {
                unplaced(label.text, label.location, Localized(sv: "före första rubriken", en: "before the first heading"))
            }
        }

        for block in source.blocks {
            switch block {
            case .table(let table):
                pendingLabel = nil
                lastNumbered = false
                place(table, section: section, format: format, into: &content)
            case .paragraph(let p):
                let text = p.text
                // Long paragraphs are text: only short ones can be headings, labels or names.
                let k = text.utf8.count <= FormMatcher.longestName ? FormMatcher.key(text) : ""
                if text.trimmingWhitespace.isEmpty { continue }
                let number = section?.number ?? 0
                if p.kind == .tableOfContents { continue }
                if p.kind == .textBox {
                    unplaced(text, p.location, Localized(sv: "text i en textruta", en: "text in a text box"))
                    continue
                }
                if p.kind == .note {
                    unplaced(text, p.location, Localized(sv: "en fotnot eller slutnot", en: "a footnote or endnote"))
                    continue
                }
                // The program's own identification line; any other footer-styled text is reported.
                if footerPrefixes.contains(where: { !$0.isEmpty && k.hasPrefix($0 + " ") }) && k.contains(" sha 256 ") {
                    continue
                }
                if p.kind == .footer {
                    unplaced(text, p.location, Localized(sv: "text i sidfotens format", en: "text in the footer style"))
                    continue
                }
                if let (found, _) = matcher.section(for: p, key: k, after: number), !(found.id == section?.id && tableLabel(k) != nil) {
                    flushLabel()
                    section = found
                    field = found.fields.first { $0.kind == .longText || $0.kind == .shortText }
                    if content.sectionsFound.contains(found.id) {
                        content.notes.append(ImportReport.Note(severity: .warning, message: Localized(
                            sv: "Rubrik \(found.number) förekommer flera gånger; texten under dem läggs ihop.",
                            en: "Heading \(found.number) occurs more than once; the texts under them are joined.")))
                    } else {
                        content.sectionsFound.append(found.id)
                    }
                    lastNumbered = false
                    continue
                }
                if section == nil {
                    // Before the first heading: the form's title, the committee and the case
                    // number belong here; anything else (whatever its style) is reported.
                    if formTitles.contains(k) || formTitles.contains(where: { k.count >= 16 && $0.hasPrefix(k) }) { continue }
                    if let committee = matcher.committee(for: text) {
                        content.committee = content.committee ?? committee.id
                        continue
                    }
                    if let number = CaseNumberLine.number(in: text), number != form.premises.caseNumber {
                        if content.caseNumber == nil { content.caseNumber = (number, p.location) }
                        continue
                    }
                    unplaced(text, p.location, p.kind == .title
                             ? Localized(sv: "en titel före första rubriken", en: "a title before the first heading")
                             : Localized(sv: "före första rubriken", en: "before the first heading"))
                    continue
                }
                if placeholders.contains(k) && (p.italic || p.bold) {
                    pendingLabel = nil
                    continue
                }
                if let labelled = tableLabel(k), isStyled(p) {
                    // A table's heading or caption: dropped when its table (or "Inga rader")
                    // follows; a heading and a caption of the same table count as one.
                    if let pending = pendingLabel, tableLabel(FormMatcher.key(pending.text))?.id != labelled.id { flushLabel() }
                    pendingLabel = p
                    continue
                }
                if let current = section, let other = current.fields.first(where: { ($0.kind == .longText || $0.kind == .shortText) && (FormMatcher.key($0.label.sv) == k || FormMatcher.key($0.label.en) == k) }),
                   current.fields.filter({ $0.kind == .longText || $0.kind == .shortText }).count > 1 {
                    flushLabel()
                    field = other
                    continue
                }
                flushLabel()
                switch p.kind {
                case .bullet:
                    addText(.bullets([text.replacingOccurrences(of: "\n", with: " ")]), p.location)
                    lastNumbered = false
                case .numbered:
                    let line = (p.numberLabel.map { $0 + " " } ?? "") + text
                    addText(.paragraph(line), p.location, numbered: true)
                    lastNumbered = true
                default:
                    addText(.paragraph(text), p.location)
                    lastNumbered = false
                }
            }
        }
        flushLabel()
        return content
    }

    /// A heading style, or bold: how a label is set apart from text.
    func isStyled(_ p: SourceParagraph) -> Bool {
        if case .heading = p.kind { return true }
        return p.bold || p.kind == .subtitle
    }

    /// Whether a paragraph names one of the form's tables (its label or its caption).
    func tableLabel(_ k: String) -> FieldDefinition? {
        guard !k.isEmpty else { return nil }
        return tableLabels.first { $0.keys.contains(k) }?.field
    }
}
