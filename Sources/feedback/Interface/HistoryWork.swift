import FeedbackHistory
import FeedbackInterface
import FeedbackModel
import Foundation

/// The file work behind the interface's "last year" and "what changed": reading earlier
/// exports and drafts and comparing them (the core reads no files).
enum HistoryWork {
    /// Last year's texts of a draft started from last year's file, for the pane under the editor.
    static func lastYear(of draft: Draft, form: FormDefinition, catalog: FormCatalog, language: Language) -> LastYearTexts? {
        guard let source = draft.carriedOver?.source,
              let past = try? PastFeedbackReader.read(path: source.path, catalog: catalog) else { return nil }
        var texts: [FieldPlace: String] = [:]
        for section in form.sections {
            for field in section.fields where field.kind.isText {
                let place = FieldPlace.section(section.id, field.id)
                if let text = past.text(at: place), !text.isEmpty { texts[place] = text }
            }
        }
        let kind = past.kind == .export ? (language == .sv ? "Export" : "Export") : (language == .sv ? "Utkast" : "Draft")
        let label = "\(kind) \(past.planPeriod?.label ?? past.formID), revision \(past.revision) – \(past.fileName)"
        return LastYearTexts(source: label, texts: texts)
    }

    /// What changed since the draft's last export (in the export folder) and since last year.
    static func changes(_ draft: Draft, form: FormDefinition, exportFolder: String, catalog: FormCatalog, language: Language) -> ChangesReport {
        let sv = language == .sv
        let now = PastFeedbackReader.snapshot(of: draft, form: form)
        var groups: [ChangesReport.Group] = []
        var notes: [String] = []
        func add(_ title: String, _ base: PastFeedback) {
            let diff = FeedbackDiff.between(base, now)
            if diff.isEqual {
                notes.append(title + (sv ? ": inga ändringar." : ": no changes."))
                return
            }
            for part in DiffRendering.page(diff, language: language) {
                let entries = part.entries.map { entry in
                    ChangesReport.Entry(place: entry.sectionID.isEmpty ? .metadata(entry.fieldID) : .section(entry.sectionID, entry.fieldID),
                                        row: entry.row, text: entry.text)
                }
                groups.append(ChangesReport.Group(title: title + " · " + part.heading, entries: entries))
            }
        }
        if let export = ExportHistory.latestExport(documentID: draft.documentID, in: exportFolder, catalog: catalog) {
            add(sv ? "Sedan exporten (revision \(export.revision))" : "Since the export (revision \(export.revision))", export)
        } else {
            notes.append(sv ? "Utkastet är inte exporterat än (ingen export i \(Sanitizer.visible(exportFolder)))."
                            : "The draft has not been exported yet (no export in \(Sanitizer.visible(exportFolder))).")
        }
        if let source = draft.carriedOver?.source, let past = try? PastFeedbackReader.read(path: source.path, catalog: catalog) {
            add(sv ? "Sedan förra året" : "Since last year", past)
        }
        return ChangesReport(groups: groups, notes: notes)
    }

    /// Last year's feedback in the drafts and export folders, for the start screen.
    static func offers(in folders: [String], form: FormDefinition, catalog: FormCatalog, language: Language) -> [LastYearOffer] {
        LastYearFinder.candidates(in: folders, for: form, committee: nil, catalog: catalog).map {
            LastYearOffer(path: $0.path, committeeID: $0.committeeID, label: $0.label(language))
        }
    }
}
