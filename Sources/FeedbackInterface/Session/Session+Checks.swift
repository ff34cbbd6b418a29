import FeedbackModel

/// The validator's findings, kept per place and checked again only where an edit happened.
struct Checks: Sendable {
    var byPlace: [FieldPlace: [Finding]] = [:]
    var conditions: [Finding] = []
}

extension EditorSession {
    mutating func revalidateAll() {
        for field in form.metadata { revalidate(.metadata(field.id)) }
        for section in form.sections {
            for field in section.fields { revalidate(.section(section.id, field.id)) }
        }
    }

    mutating func revalidate(_ place: FieldPlace) {
        switch place {
        case .metadata(let id):
            if let field = form.metadataField(id: id) {
                checks.byPlace[place] = validator.validate(field: field, value: draft.metadata[id], at: place)
            }
            checks.conditions = validator.validateConditions(draft)
        case .section(let sectionID, let fieldID):
            guard let field = form.section(id: sectionID)?.field(id: fieldID) else { return }
            if let editor = editors[place] {
                // Counts kept per paragraph; the text itself only for pattern rules.
                let text = field.rules.pattern == nil ? nil : editor.buffer.nfcText
                checks.byPlace[place] = validator.validateText(field: field, stats: editor.buffer.textStats, text: text, at: place)
            } else {
                checks.byPlace[place] = validator.validate(field: field, value: draft.value(at: place), at: place)
            }
        }
    }

    /// Every finding, in form order.
    public var allFindings: [Finding] {
        var result: [Finding] = []
        for field in form.metadata { result += checks.byPlace[.metadata(field.id)] ?? [] }
        result += checks.conditions
        for section in form.sections {
            for field in section.fields { result += checks.byPlace[.section(section.id, field.id)] ?? [] }
        }
        return result
    }

    /// The findings of one metadata field, its conditions included.
    func findings(ofMetadata id: String) -> [Finding] {
        (checks.byPlace[.metadata(id)] ?? []) + checks.conditions.filter { $0.target.field == .metadata(id) }
    }

    func findings(ofSection index: Int?) -> [Finding] {
        guard let index else {
            return form.metadata.flatMap { checks.byPlace[.metadata($0.id)] ?? [] } + checks.conditions
        }
        let section = form.sections[index]
        return section.fields.flatMap { checks.byPlace[.section(section.id, $0.id)] ?? [] }
    }

    func hasContent(_ place: FieldPlace) -> Bool {
        if let editor = editors[place] { return editor.buffer.wordTotal > 0 }
        return Progress.hasContent(draft.value(at: place))
    }

    /// The marker state of the details page (nil) or a heading: the same rule as the start
    /// screen's (`Progress`).
    func state(ofSection index: Int?) -> PartState {
        if let index {
            let section = form.sections[index]
            let content = section.fields.contains { hasContent(.section(section.id, $0.id)) }
            return Progress.state(hasContent: content, findings: findings(ofSection: index),
                                  markedReady: draft.readySections.contains(section.id))
        }
        return Progress.state(hasContent: Progress.detailsHaveContent(draft, form: form), findings: findings(ofSection: nil),
                              markedReady: true)
    }

    /// Headings marked done and without errors (●).
    var sectionsDone: Int {
        form.sections.indices.filter { state(ofSection: $0) == .ready }.count
    }
}
