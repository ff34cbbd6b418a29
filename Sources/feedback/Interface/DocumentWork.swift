import FeedbackDocuments
import FeedbackInterface
import FeedbackModel
import Foundation

/// The file work behind the interface's documents and imports (the core reads and writes
/// no files): rendering the committee's document and working out an import.
enum DocumentWork {
    static func format(_ kind: DocumentKind) -> DocumentFormat {
        switch kind {
        case .docx: return .docx
        case .html: return .html
        case .md: return .md
        }
    }

    /// Writes the committee's document; an existing file with other content is replaced
    /// only when `replace` (the user said yes).
    /// Writes the committee's document; a .docx takes the region's Word template (the
    /// `template` setting) as `feedback render` does.
    static func render(_ draft: Draft, form: FormDefinition, kind: DocumentKind, to path: String, replace: Bool,
                       language: Language, store: FileStore, template templatePath: String? = nil) -> SaveFailure? {
        var template: DocxTemplate?
        if kind == .docx, let templatePath {
            do { template = try DocxTemplate.read(path: templatePath) } catch {
                return .other(error.message(language))
            }
        }
        let bytes: [UInt8]
        do {
            bytes = try DocumentRenderer.render(draft, form: form, format: format(kind), language: language, template: template,
                                                date: Drafts.sourceDateEpoch())
        } catch {
            return .other(error.message(language))
        }
        // The exports folder may not exist yet (as for an export, it is made).
        let folder = FileStore.directory(of: path)
        if !store.exists(folder) {
            do { try store.makeDirectory(folder, mode: 0o755) } catch { return .store(error) }
        }
        if store.exists(path), !replace {
            if let existing = try? store.read(path: path, limit: bytes.count + 1), existing == bytes { return nil }
            return .exists
        }
        do { try store.save(bytes, to: path, newFileMode: 0o644) } catch { return .store(error) }
        return nil
    }

    /// What importing the document at `path` into `draft` would do, for the interface to show.
    static func proposal(path: String, into draft: Draft, form: FormDefinition, replace: Bool, unplacedToOther: Bool,
                         language: Language) -> (ImportProposal?, String?) {
        let importer = DocumentImporter(form: form)
        let result: DocumentImport
        do {
            result = try importer.importDocument(at: path, into: draft,
                                                 options: ImportOptions(unplaced: unplacedToOther ? .otherHeading : .sideFile, replace: replace))
        } catch {
            return (nil, error.message(language))
        }
        let values = result.canApply ? result.changes.map { ImportProposal.Value(place: $0.place, value: $0.value) } : []
        let report = result.report.text(language).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (ImportProposal(file: path, values: values, report: report, conflicts: result.report.conflicts.map { $0.target[language] },
                               sideFileText: result.sideFileText, replace: replace, unplacedToOther: unplacedToOther), nil)
    }

    /// Keeps unplaced text beside the draft (`hsn.unplaced.txt`, never replacing a file).
    static func writeSideFile(_ text: String, besideDraft draft: String, store: FileStore, language: Language) -> (String?, String?) {
        let path = Import.freeName(for: draft, store: store)
        do {
            try store.save(Array(text.utf8), to: path)
            return (path, nil)
        } catch {
            return (nil, error.message(language))
        }
    }
}
