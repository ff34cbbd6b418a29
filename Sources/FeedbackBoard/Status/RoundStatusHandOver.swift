import FeedbackModel

/// The hand-over in the round's status, for the report (kept apart from the report's
/// tables): who may hand in for each committee, the committees nobody may hand in for, and
/// the answers another document replaced. Safe to print.
extension RoundStatus {
    public func handOverLines(language: Language) -> [String] {
        let sv = language == .sv
        var lines: [String] = []
        let listed = committees.filter { !permissions.entries(for: $0.committee.id).isEmpty }
        if !listed.isEmpty {
            lines.append((sv ? "Får lämna in: " : "May hand in: ") + listed.map { state in
                "\(Sanitizer.visible(state.committee.name(language))) (\(permissions.entries(for: state.committee.id).map { Sanitizer.visible($0) }.joined(separator: ", ")))"
            }.joined(separator: "; ") + ".")
        }
        let nobody = committeesNobodyMayHandInFor
        if !nobody.isEmpty {
            lines.append((sv ? "Ingen får lämna in för: " : "Nobody may hand in for: ")
                         + nobody.map { Sanitizer.visible($0.name(language)) }.joined(separator: ", ") + ".")
        }
        for state in committees {
            guard let replaced = state.replaced else { continue }
            lines.append("\(Sanitizer.visible(state.committee.name(language))): " + replacementText(replaced, language) + ".")
        }
        return lines
    }
}
