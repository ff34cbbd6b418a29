import FeedbackModel

/// Where a setting's value came from, lowest precedence first.
public enum ConfigurationSource: Sendable, Equatable {
    /// The built-in default, with why it is what it is (for example "./Forms exists").
    case builtIn(reason: String?)
    /// A line of a configuration file.
    case file(path: String, line: Int)
    /// An environment variable (`FEEDBACK_EXPORTS`, or `LANG` for the default language).
    case environment(variable: String)
    /// A command-line flag.
    case flag(String)

    /// "default", "/etc/feedback/config:3", "FEEDBACK_EXPORTS", "--out"; safe to print.
    public func description(_ language: Language) -> String {
        switch self {
        case .builtIn(let reason):
            let word = language == .sv ? "standard" : "default"
            return reason.map { "\(word) (\(Sanitizer.visible($0)))" } ?? word
        case .file(let path, let line):
            return "\(Sanitizer.visible(path)):\(line)"
        case .environment(let variable):
            return language == .sv ? "miljövariabeln \(variable)" : "environment \(variable)"
        case .flag(let flag):
            return language == .sv ? "flaggan \(flag)" : "flag \(flag)"
        }
    }
}
