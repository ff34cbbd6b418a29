import FeedbackModel

extension FeedbackDiff {
    /// Compares A (the earlier version) with B.
    public static func between(_ a: PastFeedback, _ b: PastFeedback) -> FeedbackDiff {
        FeedbackDiff(metadata: metadataChanges(a, b), sections: sectionChanges(a, b))
    }

    static func metadataChanges(_ a: PastFeedback, _ b: PastFeedback) -> [MetadataChange] {
        var changes: [MetadataChange] = []
        if a.formID != b.formID || a.formVersion != b.formVersion {
            changes.append(MetadataChange(id: "form", label: Localized(sv: "Formulär", en: "Form"),
                                          before: "\(a.formID) v\(a.formVersion)", after: "\(b.formID) v\(b.formVersion)"))
        }
        if let pa = a.planPeriod, let pb = b.planPeriod, pa != pb {
            changes.append(MetadataChange(id: "planPeriod", label: Localized(sv: "Planperiod", en: "Plan period"), before: pa.label, after: pb.label))
        }
        var ids = b.metadata.map(\.id)
        for value in a.metadata where !ids.contains(value.id) { ids.append(value.id) }
        for id in ids {
            let before = a.metadata.first { $0.id == id }
            let after = b.metadata.first { $0.id == id }
            if before?.value != after?.value {
                changes.append(MetadataChange(id: id, label: after?.label ?? before?.label, before: before?.value, after: after?.value))
            }
        }
        return changes
    }

    static func sectionChanges(_ a: PastFeedback, _ b: PastFeedback) -> [SectionDiff] {
        var result: [SectionDiff] = []
        let empty = PastSection(id: "", number: nil, title: nil)
        for sb in b.sections {
            let sa = a.section(id: sb.id)
            if let diff = section(sa ?? empty, sb, change: sa == nil ? .added : .changed) { result.append(diff) }
        }
        for sa in a.sections where b.section(id: sa.id) == nil {
            var diff = section(sa, PastSection(id: sa.id, number: nil, title: nil), change: .removed)
            diff?.number = sa.number
            diff?.title = sa.title
            if let diff { result.append(diff) }
        }
        return result
    }

    static func section(_ a: PastSection, _ b: PastSection, change: DiffChange) -> SectionDiff? {
        var texts: [TextDiff] = []
        var fieldIDs = b.texts.map(\.fieldID)
        for t in a.texts where !fieldIDs.contains(t.fieldID) { fieldIDs.append(t.fieldID) }
        for id in fieldIDs {
            let ta = a.texts.first { $0.fieldID == id }
            let tb = b.texts.first { $0.fieldID == id }
            let paragraphs = TextComparer.paragraphs(ta?.text ?? "", tb?.text ?? "")
            if !paragraphs.isEmpty { texts.append(TextDiff(fieldID: id, label: tb?.label ?? ta?.label, paragraphs: paragraphs)) }
        }
        var tables: [TableDiff] = []
        var tableIDs = b.tables.map(\.fieldID)
        for t in a.tables where !tableIDs.contains(t.fieldID) { tableIDs.append(t.fieldID) }
        for id in tableIDs {
            let ta = a.table(id)
            let tb = b.table(id)
            let columns = tb?.columns ?? ta?.columns
            let rows = TableComparer.rows(ta?.rows ?? [], tb?.rows ?? [], columns: columns)
            if !rows.isEmpty { tables.append(TableDiff(fieldID: id, label: tb?.label ?? ta?.label, columns: columns, rows: rows)) }
        }
        guard !texts.isEmpty || !tables.isEmpty else { return nil }
        return SectionDiff(id: b.id.isEmpty ? a.id : b.id, number: b.number ?? a.number, title: b.title ?? a.title,
                           change: change, texts: texts, tables: tables)
    }
}
