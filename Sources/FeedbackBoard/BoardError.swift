import FeedbackModel

/// Something the board's side could not do, described for the person at the keyboard.
public struct BoardError: Error, Sendable, Equatable {
    public var message: Localized

    public init(_ message: Localized) {
        self.message = message
    }

    public init(sv: String, en: String) {
        self.message = Localized(sv: sv, en: en)
    }

    /// A file-system failure, with the file and what went wrong.
    public init(_ error: StoreError) {
        self.message = Localized(sv: error.message(.sv), en: error.message(.en))
    }

    public func message(_ language: Language) -> String { message[language] }
}
