import FeedbackModel

/// The result of importing a document into a draft: the changes (place → new value) to
/// apply as one step, the report, and the text for a side file.
public struct DocumentImport: Sendable {
    public var changes: [ImportChange]
    public var report: ImportReport
    /// The text that could not be placed, with where it came from, for a side file beside the
    /// draft (nil when there is none, or when it went under the form's fallback heading).
    public var sideFileText: String?
    /// The committee the document names (its metadata table or subtitle), if any.
    public var committee: String?

    /// False when the import would overwrite content without `replace`: then nothing may be
    /// applied (the report's conflicts say what).
    public var canApply: Bool { report.conflicts.isEmpty }

    /// The draft with every change applied (the draft unchanged when `canApply` is false).
    public func applied(to draft: Draft) -> Draft {
        guard canApply else { return draft }
        var result = draft
        for change in changes { result.setValue(change.value, at: change.place) }
        return result
    }
}

/// A document read from a file, ready to be imported into drafts.
public struct ReadDocument: Sendable {
    let source: SourceDocument
    public let format: DocumentFormat
    public let file: String
}

/// Imports a Word (.docx) or Markdown document written to the form (by a person in Word or
/// by `feedback render`) into a draft. Never drops or overwrites silently: everything placed
/// is listed, everything not placed is reported (and kept in a side file or under the
/// form's fallback heading), and non-empty values are only replaced with `replace`.
public struct DocumentImporter: Sendable {
    public let form: FormDefinition

    public init(form: FormDefinition) {
        self.form = form
    }

    /// The format a file is read as, from its name (.docx, .md/.markdown/.txt).
    public static func format(of path: String) -> DocumentFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".docx") || lower.hasSuffix(".docm") || lower.hasSuffix(".dotx") { return .docx }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".txt") { return .md }
        return nil
    }

    /// Reads `path` and works out the changes to `draft`.
    public func importDocument(at path: String, into draft: Draft, options: ImportOptions = ImportOptions()) throws(DocumentError) -> DocumentImport {
        importing(try read(path), into: draft, options: options)
    }

    /// Reads a document once; `importing(_:into:options:)` then matches it to any draft (e.g.
    /// again with `replace` after the user agreed).
    public func read(_ path: String) throws(DocumentError) -> ReadDocument {
        guard let format = DocumentImporter.format(of: path) else {
            throw DocumentError(.wrongFormat, file: path, problem: Localized(
                sv: "okänd filtyp; importera en .docx eller en .md", en: "unknown file type; import a .docx or an .md"))
        }
        switch format {
        case .docx: return ReadDocument(source: try DocxReader.read(path: path), format: format, file: path)
        case .md, .html: return ReadDocument(source: try MarkdownReader.read(path: path), format: .md, file: path)
        }
    }

    /// The changes and report of importing a read document into `draft`.
    public func importing(_ document: ReadDocument, into draft: Draft, options: ImportOptions = ImportOptions()) -> DocumentImport {
        importing(document.source, format: document.format, file: document.file, into: draft, options: options)
    }

    func importing(_ source: SourceDocument, format: DocumentFormat, file: String, into draft: Draft, options: ImportOptions) -> DocumentImport {
        var content = SourceMapper(form: form).map(source, format: format)
        var report = ImportReport(file: file, unplacedTo: options.unplaced)
        report.notes = ImportNotes.notes(source.notes)
        var changes: [ImportChange] = []

        /// `appending`: the new value keeps the old one and adds to it, so it is no conflict.
        func propose(_ place: FieldPlace, _ value: FieldValue?, target: Localized, summary: Localized, source: Localized, appending: Bool = false) {
            let previous = draft.value(at: place)
            let same = previous == value || (previous?.isEmpty ?? true) && (value?.isEmpty ?? true)
            report.placements.append(ImportReport.Placement(place: place, target: target, summary: summary, source: source, changed: !same))
            guard !same else { return }
            if let previous, !DocumentImporter.isBlank(previous), !isDefault(previous, at: place), !options.replace, !appending {
                report.conflicts.append(ImportReport.Conflict(place: place, target: target))
            }
            changes.append(ImportChange(place: place, previous: previous, value: value))
        }

        // Metadata, in the form's order.
        for field in form.metadata {
            guard let value = content.metadata[field.id] else { continue }
            let line = content.metadataSources[field.id] ?? 0
            propose(.metadata(field.id), value, target: field.label,
                    summary: Localized(sv: "”\(displayed(value, field: field, .sv))”", en: "“\(displayed(value, field: field, .en))”"),
                    source: SourceMapper.where_(line, format: format))
        }
        // A "Dnr …" line is offered for the form's case number field when the document's
        // metadata table gives none; a number already in the draft is never replaced by it.
        if let (number, line) = content.caseNumber {
            if let field = form.caseNumberFieldID.flatMap(form.metadataField(id:)), content.metadata[field.id] == nil {
                let existing = draft.text(at: .metadata(field.id)).trimmingWhitespace
                if existing.isEmpty {
                    propose(.metadata(field.id), .text(number), target: field.label,
                            summary: Localized(sv: "”\(number)” (diarienummer)", en: "“\(number)” (case number)"),
                            source: SourceMapper.where_(line, format: format))
                } else if existing != number {
                    report.notes.append(ImportReport.Note(severity: .warning, message: Localized(
                        sv: "Dokumentet anger diarienummer ”\(number)” (\(SourceMapper.where_(line, format: format).sv)); utkastets ”\(existing)” behölls.",
                        en: "The document gives case number “\(number)” (\(SourceMapper.where_(line, format: format).en)); the draft's “\(existing)” was kept.")))
                }
            } else if form.caseNumberFieldID == nil {
                content.unplaced.insert(ImportReport.Unplaced(text: number, source: SourceMapper.where_(line, format: format), reason: Localized(
                    sv: "ett diarienummer, men formuläret har inget fält för det", en: "a case number, but the form has no field for it")), at: 0)
            }
        }
        // Unplaced text: after the fallback heading's text (the document's, else the draft's),
        // or into a side file.
        var sideFile: String?
        var appendOnly: FieldPlace?
        if !content.unplaced.isEmpty {
            let unplacedPieces = content.unplaced.map { DraftText.Piece.paragraph($0.text) }
            switch options.unplaced {
            case .otherHeading:
                if let other = otherPlace() {
                    if let own = content.texts[other] {
                        content.texts[other] = own + unplacedPieces
                    } else {
                        content.texts[other] = DraftText.pieces(draft.text(at: other)) + unplacedPieces
                        content.textSources[other] = (content.unplaced.count, 0)
                        appendOnly = other
                    }
                } else {
                    sideFile = DocumentImporter.sideFileText(content.unplaced, file: file)
                }
            case .sideFile:
                sideFile = DocumentImporter.sideFileText(content.unplaced, file: file)
            }
        }
        for section in form.sections {
            for field in section.fields {
                let place = FieldPlace.section(section.id, field.id)
                let target = Localized(sv: "Rubrik \(section.number): \(section.title.sv)" + (field.kind.isText ? "" : " – \(field.label.sv)"),
                                       en: "Heading \(section.number): \(section.title.en)" + (field.kind.isText ? "" : " – \(field.label.en)"))
                if let pieces = content.texts[place] {
                    let text = DraftText.canonical(TextRules.nfc(DraftText.text(pieces)))
                    let source: Localized
                    if place == appendOnly {
                        source = Localized(sv: "text som inte kunde placeras", en: "text that could not be placed")
                    } else {
                        let (from, to) = content.textSources[place] ?? (0, 0)
                        source = from == to ? SourceMapper.where_(from, format: format)
                            : (format == .md ? Localized(sv: "rad \(from)–\(to)", en: "lines \(from)–\(to)")
                                             : Localized(sv: "stycke \(from)–\(to)", en: "paragraphs \(from)–\(to)"))
                    }
                    propose(place, text.isEmpty ? nil : .text(text), target: target, summary: DocumentImporter.summary(pieces),
                            source: source, appending: place == appendOnly)
                }
                if let rows = content.tables[place] {
                    let locations = content.tableSources[place]?.map(String.init).joined(separator: ", ") ?? ""
                    propose(place, .table(rows.map(DocumentImporter.nfc)), target: target,
                            summary: Localized(sv: Plural.sv(rows.count, "rad", "rader"), en: Plural.en(rows.count, "row")),
                            source: format == .md ? Localized(sv: "tabell på rad \(locations)", en: "table at line \(locations)")
                                                  : Localized(sv: "tabell vid stycke \(locations)", en: "table at paragraph \(locations)"))
                }
            }
        }
        for section in form.sections where !content.sectionsFound.contains(section.id) {
            report.notes.append(ImportReport.Note(severity: .warning, message: Localized(
                sv: "Rubrik \(section.number) (\(section.title.sv)) finns inte i dokumentet; den lämnades som den var.",
                en: "Heading \(section.number) (\(section.title.en)) is not in the document; it was left as it was.")))
        }
        if let committee = content.committee, let current = draft.committeeID(in: form), !current.isEmpty, committee != current {
            let name = form.committee(id: committee)?.name ?? committee
            report.notes.append(ImportReport.Note(severity: .warning, message: Localized(
                sv: "Dokumentet är från \(name), utkastet från \(form.committee(id: current)?.name ?? current).",
                en: "The document is from \(form.committee(id: committee)?.nameEn ?? committee), the draft from \(form.committee(id: current)?.nameEn ?? current).")))
        }
        report.notes += content.notes
        report.unplaced = content.unplaced
        return DocumentImport(changes: changes, report: report, sideFileText: sideFile, committee: content.committee)
    }

    /// The text field of the form's fallback heading (`fallbackSection`, else the last
    /// heading with a text field).
    func otherPlace() -> FieldPlace? {
        guard let fallback = form.fallbackTextField else { return nil }
        return .section(fallback.section.id, fallback.field.id)
    }

    /// Nothing but white space, or no rows.
    static func isBlank(_ value: FieldValue) -> Bool {
        switch value {
        case .text(let s): return s.trimmingWhitespace.isEmpty
        case .integer: return false
        case .table(let rows): return rows.allSatisfy(\.isEmpty)
        }
    }

    /// A metadata value as the user knows it: the committee's name, the option's label.
    func displayed(_ value: FieldValue, field: FieldDefinition, _ language: Language) -> String {
        switch value {
        case .text(let s):
            if field.kind == .committee { return form.committee(id: s)?.name(language) ?? s }
            return field.options.first { $0.id == s }?.label[language] ?? s
        case .integer(let n): return AmountFormat.display(n)
        case .table(let rows): return "\(rows.count)"
        }
    }

    /// Whether a value is only the form's default (a new draft's status): replacing it is no conflict.
    func isDefault(_ value: FieldValue, at place: FieldPlace) -> Bool {
        guard case .metadata(let id) = place, let field = form.metadataField(id: id), let defaultValue = field.defaultValue else { return false }
        return value == .text(defaultValue)
    }

    /// "3 stycken, 4 punkter".
    static func summary(_ pieces: [DraftText.Piece]) -> Localized {
        var paragraphs = 0
        var bullets = 0
        for piece in pieces {
            switch piece {
            case .paragraph: paragraphs += 1
            case .bullets(let items): bullets += items.count
            }
        }
        var sv: [String] = []
        var en: [String] = []
        if paragraphs > 0 {
            sv.append(paragraphs == 1 ? "1 stycke" : "\(paragraphs) stycken")
            en.append(paragraphs == 1 ? "1 paragraph" : "\(paragraphs) paragraphs")
        }
        if bullets > 0 {
            sv.append(bullets == 1 ? "1 punkt" : "\(bullets) punkter")
            en.append(bullets == 1 ? "1 bullet" : "\(bullets) bullets")
        }
        if sv.isEmpty { return Localized(sv: "ingen text", en: "no text") }
        return Localized(sv: sv.joined(separator: ", "), en: en.joined(separator: ", "))
    }

    static func nfc(_ row: TableRow) -> TableRow {
        var copy = row
        for (key, cell) in row.cells {
            if case .text(let s) = cell { copy[key] = .text(TextRules.nfc(s)) }
        }
        return copy
    }

    /// The side file: every unplaced text with where it was and why.
    static func sideFileText(_ unplaced: [ImportReport.Unplaced], file: String) -> String {
        var out = "Text ur \(file) som inte kunde placeras i formuläret / text from \(file) that could not be placed in the form\n"
        for u in unplaced {
            out += "\n[\(u.source.sv) – \(u.reason.sv)]\n\(u.text)\n"
        }
        return out
    }
}
