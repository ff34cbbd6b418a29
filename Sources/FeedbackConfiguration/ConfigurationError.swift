import FeedbackModel

/// Why the configuration could not be read: the file (or variable), the line and the problem.
public struct ConfigurationError: Error, Sendable, Equatable {
    /// The configuration file, or the environment variable, at fault.
    public var place: String
    public var line: Int?
    public var problem: Localized

    public init(place: String, line: Int? = nil, problem: Localized) {
        self.place = place
        self.line = line
        self.problem = problem
    }

    /// `file:line: problem`, safe to print.
    public func message(_ language: Language) -> String {
        var where_ = Sanitizer.visible(place)
        if let line { where_ += ":\(line)" }
        return "\(where_): \(Sanitizer.visible(problem[language]))"
    }
}
