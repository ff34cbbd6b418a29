/// The languages the product speaks: Swedish by default, English on request.
public enum Language: String, Sendable, CaseIterable {
    case sv, en

    /// English when `LC_ALL`, `LC_MESSAGES` or `LANG` (first one set) names English, else Swedish.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .sv
            }
        }
        return .sv
    }
}

/// A text in Swedish and English.
public struct Localized: Sendable, Equatable, Hashable {
    public var sv: String
    public var en: String

    public init(sv: String, en: String) {
        self.sv = sv
        self.en = en
    }

    public subscript(language: Language) -> String {
        language == .sv ? sv : en
    }
}

/// How serious a finding is: errors block export, warnings are shown but do not.
public enum Severity: String, Sendable, Equatable, Comparable {
    case error, warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}
