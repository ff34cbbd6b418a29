import FeedbackModel

/// The start screen's "start from last year": one call from a chosen file to a new draft.
public enum StartFromLastYear {
    /// Why a file cannot start this year's draft.
    public enum Failure: Error, Sendable, Equatable {
        /// The file cannot be read or is not feedback.
        case unreadable(DraftError)
        /// It is another committee's feedback.
        case otherCommittee(file: String, committee: String)

        public func message(_ language: Language) -> String {
            switch self {
            case .unreadable(let error): return error.message(language)
            case .otherCommittee(let file, let committee):
                let name = Sanitizer.visible(file.split(separator: "/").last.map(String.init) ?? file)
                return language == .sv ? "\(name) är nämnden \(Sanitizer.visible(committee)):s återkoppling, inte den här nämndens."
                                       : "\(name) is the feedback of committee \(Sanitizer.visible(committee)), not of this one."
            }
        }
    }

    /// A new draft of `form` for `committee`, started from the export or draft at `path`.
    public static func draft(from path: String, form: FormDefinition, committee: String, catalog: FormCatalog,
                             documentID: String, now: Timestamp) throws(Failure) -> CarryOver.Result {
        let past: PastFeedback
        do { past = try PastFeedbackReader.read(path: path, catalog: catalog) } catch { throw .unreadable(error) }
        if let other = past.committeeID, other != committee { throw .otherCommittee(file: path, committee: other) }
        return CarryOver(form: form).draft(from: past, committee: committee, documentID: documentID, now: now)
    }
}
