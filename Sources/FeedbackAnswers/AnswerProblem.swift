import FeedbackModel

/// Why an answer file cannot be taken: where (a JSON pointer into the file) and what.
public struct AnswerProblem: Error, Sendable, Equatable {
    public var pointer: String
    public var message: Localized

    public init(_ pointer: String, sv: String, en: String) {
        self.pointer = pointer
        self.message = Localized(sv: sv, en: en)
    }

    public init(_ pointer: String, _ message: Localized) {
        self.pointer = pointer
        self.message = message
    }

    /// "/headings/2/judgement: …", safe to print.
    public func line(_ language: Language) -> String {
        Sanitizer.visible((pointer.isEmpty ? "" : pointer + ": ") + message[language])
    }
}
