import FeedbackModel

/// Renders a committee's draft as a document file: what `feedback render` and the
/// interface's render key call.
public enum DocumentRenderer {
    /// The bytes of the committee's document. `date`: `SOURCE_DATE_EPOCH` when set, else nil
    /// (the draft's last change), so the same draft always gives the same bytes.
    public static func render(_ draft: Draft, form: FormDefinition, format: DocumentFormat, language: Language,
                              template: DocxTemplate? = nil, date: Timestamp? = nil) throws(DocumentError) -> [UInt8] {
        let document = CommitteeDocument.make(draft: draft, form: form, language: language, date: date)
        switch format {
        case .docx: return try DocxWriter(template: template).write(document)
        case .html: return Array(HTMLWriter().write(document).utf8)
        case .md: return Array(MarkdownWriter().write(document).utf8)
        }
    }

    /// A safe file name like the export's: `pf-aterkoppling-2028_hsn_r7.docx`.
    public static func fileName(for draft: Draft, form: FormDefinition, format: DocumentFormat) -> String {
        let json = Exporter(form: form).fileName(for: draft)
        return String(json.dropLast(".json".count)) + "." + format.fileExtension
    }
}
