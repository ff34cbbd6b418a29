import FeedbackModel

/// Where the secretary is, to open the draft there next time (the shell keeps it in the
/// user's state, see `ReturnPoints`).
extension EditorSession {
    /// The page (by the form's ids, so it survives a form with pages added) and whether the
    /// guidance shows above the text.
    public var returnPoint: ReturnPoints.Point {
        let pageKey = place(of: page).map { place -> String in
            if case .section(let section, let field) = place { return section + "/" + field }
            return "details"
        } ?? "details"
        return ReturnPoints.Point(page: pageKey, inlineGuidance: inlineGuidance)
    }

    /// Opens on the page a return point names (the details when the form has no such page).
    public mutating func resume(at point: ReturnPoints.Point) {
        inlineGuidance = point.inlineGuidance
        let parts = point.page.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2, let index = pageIndex(for: .section(parts[0], parts[1])) {
            goToPage(index, now: 0)
        }
        syncView()
    }
}
