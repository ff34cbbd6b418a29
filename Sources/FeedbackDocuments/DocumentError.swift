import FeedbackModel

/// Why a document could not be read or written, naming the file.
public struct DocumentError: Error, Sendable, Equatable {
    /// What went wrong, for tests and callers that react differently.
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened or read (missing, a folder, no permission).
        case unreadable
        /// Larger than the limit for its kind.
        case tooLarge
        /// Not the format it claims to be (a PDF renamed .docx, an old .doc, plain text).
        case wrongFormat
        /// A zip that is broken or truncated, or XML that is not well-formed.
        case damaged
        /// Built to harm a reader: a zip bomb, `../` entry names, DTDs and entities.
        case hostile
        /// Nothing in the file that could be read as the document (e.g. no text at all).
        case unsupported
        /// Writing the document failed (an internal error; should not happen).
        case writing
    }

    public var kind: Kind
    /// The file concerned, empty when there is none.
    public var file: String
    public var problem: Localized

    public init(_ kind: Kind, file: String, problem: Localized) {
        self.kind = kind
        self.file = file
        self.problem = problem
    }

    /// "FILE: problem", with the file name made safe to print.
    public func message(_ language: Language) -> String {
        let text = problem[language]
        return file.isEmpty ? text : "\(Sanitizer.visible(file)): \(text)"
    }

    static func writing(_ detail: String) -> DocumentError {
        DocumentError(.writing, file: "", problem: Localized(sv: "dokumentet kunde inte skrivas (\(detail))",
                                                              en: "the document could not be written (\(detail))"))
    }

    /// The same error about another file (a part inside a container is reported as the container).
    func about(_ file: String) -> DocumentError {
        var copy = self
        copy.file = file
        return copy
    }
}
