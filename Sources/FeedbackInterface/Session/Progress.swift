import FeedbackModel

/// How far a part of the draft has come, as the side list's markers show it.
public enum PartState: Sendable, Equatable {
    case empty, inProgress, complete, hasErrors

    /// The marker glyph: ○ empty, ◐ in progress, ● complete, ✗ errors.
    public var marker: String {
        switch self {
        case .empty: return "○"
        case .inProgress: return "◐"
        case .complete: return "●"
        case .hasErrors: return "✗"
        }
    }

    public var role: ColorRole {
        switch self {
        case .empty: return .muted
        case .inProgress: return .warning
        case .complete: return .ok
        case .hasErrors: return .error
        }
    }
}

/// Progress over the metadata page and the sections, from findings and content.
public enum Progress {
    /// empty: nothing entered; errors: something entered but errors remain; in progress:
    /// entered, no errors, warnings remain; complete: entered, no findings.
    public static func state(hasContent: Bool, findings: [Finding]) -> PartState {
        guard hasContent else { return .empty }
        if findings.hasErrors { return .hasErrors }
        return findings.isEmpty ? .complete : .inProgress
    }

    /// A section counts as done ("klar") when it has no errors (warnings are allowed).
    public static func isDone(_ findings: [Finding]) -> Bool { !findings.hasErrors }

    /// Whether a stored value holds anything.
    public static func hasContent(_ value: FieldValue?) -> Bool {
        switch value {
        case .text(let s)?: return TextRules.stats(s).hasContent
        case .integer?: return true
        case .table(let rows)?: return rows.contains { !$0.isEmpty }
        case nil: return false
        }
    }

    /// (sections done, sections) for a whole draft: what the start screen shows.
    public static func summary(_ draft: Draft, form: FormDefinition) -> (done: Int, total: Int, errors: Int, warnings: Int) {
        let findings = Validator(form: form).validate(draft)
        let done = form.sections.filter { section in isDone(findings.filter { $0.sectionID == section.id }) }.count
        return (done, form.sections.count, findings.errorCount, findings.warningCount)
    }
}
