/// How far a part of the draft has come: the one rule behind the side list's markers, the
/// "4 av 6 klara" count and the start screen.
public enum PartState: Sendable, Equatable {
    /// Nothing entered yet (missing required values are not shown as errors here).
    case empty
    /// Something entered, no errors, not (yet) marked as done.
    case inProgress
    /// Marked as done by the secretary and without errors (warnings accepted).
    case ready
    /// Something entered and errors remain.
    case hasErrors

    /// The marker glyph: ○ empty, ◐ in progress, ● done, ✗ errors.
    public var marker: String {
        switch self {
        case .empty: return "○"
        case .inProgress: return "◐"
        case .ready: return "●"
        case .hasErrors: return "✗"
        }
    }
}

/// Progress over the metadata page and the headings, from content, findings and marks.
public enum Progress {
    /// The state of a heading. `markedReady` is the secretary's mark; the details page has
    /// no mark and counts as done when it has no errors.
    public static func state(hasContent: Bool, findings: [Finding], markedReady: Bool) -> PartState {
        guard hasContent else { return .empty }
        if findings.hasErrors { return .hasErrors }
        return markedReady ? .ready : .inProgress
    }

    /// Whether a stored value holds anything.
    public static func hasContent(_ value: FieldValue?) -> Bool {
        switch value {
        case .text(let s)?: return TextRules.stats(s).hasContent
        case .integer?: return true
        case .table(let rows)?: return rows.contains { !$0.isEmpty }
        case nil: return false
        }
    }

    /// The details page has content when anything beyond the committee and the status is filled.
    public static func detailsHaveContent(_ draft: Draft, form: FormDefinition) -> Bool {
        form.metadata.contains { field in
            field.kind != .committee && field.id != form.statusFieldID && hasContent(draft.metadata[field.id])
        }
    }

    /// A whole draft's progress: headings done (●) of all, and its errors and warnings
    /// (including those of the details page): what the start screen and the board show.
    public static func summary(_ draft: Draft, form: FormDefinition) -> (done: Int, total: Int, errors: Int, warnings: Int) {
        let findings = Validator(form: form).validate(draft)
        let done = form.sections.filter { section in
            let content = section.fields.contains { hasContent(draft.sections[section.id]?[$0.id]) }
            return state(hasContent: content, findings: findings.filter { $0.sectionID == section.id },
                         markedReady: draft.readySections.contains(section.id)) == .ready
        }.count
        return (done, form.sections.count, findings.errorCount, findings.warningCount)
    }
}
