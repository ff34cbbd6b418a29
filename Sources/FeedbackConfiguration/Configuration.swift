#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import FeedbackModel

/// The settings in effect: built-in defaults, then `/etc/feedback/config`, then the user's
/// `~/.config/feedback/config`, then `FEEDBACK_*` environment variables, then flags; each
/// with where it came from.
public struct Configuration: Sendable, Equatable {
    /// One setting's value and its source.
    public struct Setting: Sendable, Equatable {
        /// Nil when the setting has no value (no inbox configured, say).
        public var value: String?
        public var source: ConfigurationSource
    }

    /// A configuration file looked for, and whether it was there.
    public struct FileReading: Sendable, Equatable {
        public var path: String
        public var found: Bool
        /// Not found because a folder on the way cannot be searched (permission denied).
        public var hidden: Bool = false
    }

    /// A folder forms are read from, in the order read (a later one wins).
    public struct FormsFolder: Sendable, Equatable {
        public enum Role: String, Sendable { case installed, region, own }
        public var path: String
        public var role: Role
    }

    public let locations: ConfigurationLocations
    public private(set) var files: [FileReading] = []
    private var settings: [ConfigurationKey: Setting]
    private let defaults: [ConfigurationKey: Setting]
    private let home: String?

    /// The built-in defaults, which depend on the environment (home, `XDG_DATA_HOME`, `LANG`)
    /// and on whether the working folder has a `Forms` folder.
    public init(locations: ConfigurationLocations, environment: [String: String], workingFolderHasForms: Bool) {
        self.locations = locations
        home = ConfigurationLocations.homeFolder(environment: environment)
        var defaults: [ConfigurationKey: Setting] = [:]
        defaults[.forms] = workingFolderHasForms ? Setting(value: "Forms", source: .builtIn(reason: "./Forms"))
                                                 : Setting(value: nil, source: .builtIn(reason: nil))
        defaults[.exports] = Setting(value: "Exports", source: .builtIn(reason: nil))
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            defaults[.drafts] = Setting(value: xdg + "/feedback", source: .builtIn(reason: "$XDG_DATA_HOME"))
        } else {
            defaults[.drafts] = Setting(value: (home ?? "") + "/.local/share/feedback", source: .builtIn(reason: "~/.local/share"))
        }
        defaults[.template] = Setting(value: nil, source: .builtIn(reason: nil))
        defaults[.inbox] = Setting(value: nil, source: .builtIn(reason: nil))
        defaults[.boardKey] = Setting(value: nil, source: .builtIn(reason: nil))
        defaults[.language] = Setting(value: Language.fromEnvironment(environment).rawValue, source: Self.localeSource(environment))
        self.defaults = defaults
        settings = defaults
    }

    static func localeSource(_ environment: [String: String]) -> ConfigurationSource {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty { return .builtIn(reason: "\(key)=\(value)") }
        }
        return .builtIn(reason: nil)
    }

    public subscript(key: ConfigurationKey) -> Setting {
        settings[key] ?? Setting(value: nil, source: .builtIn(reason: nil))
    }

    /// Sets `key` from `source`. An empty value returns the setting to its default; a `~/`
    /// at the start of a path from a file means the home folder.
    public mutating func set(_ key: ConfigurationKey, to value: String, from source: ConfigurationSource) throws(ConfigurationError) {
        guard !value.isEmpty else {
            settings[key] = Setting(value: defaults[key]?.value, source: source)
            return
        }
        if key == .language, Language(rawValue: value) == nil {
            throw ConfigurationError(place: Self.place(of: source), line: Self.line(of: source), problem: Localized(
                sv: "språket ska vara sv eller en, inte ”\(value)”", en: "the language must be sv or en, not “\(value)”"))
        }
        var value = value
        if key.isPath, case .file = source, let home {
            if value == "~" { value = home } else if value.hasPrefix("~/") { value = home + value.dropFirst() }
        }
        settings[key] = Setting(value: value, source: source)
    }

    /// Applies a flag when it was given (nil leaves the setting as it is).
    public mutating func override(_ key: ConfigurationKey, with flagValue: String?, flag: String) throws(ConfigurationError) {
        guard let flagValue else { return }
        try set(key, to: flagValue, from: .flag(flag))
    }

    /// Applies a parsed file's entries.
    public mutating func apply(_ file: ConfigurationFile) throws(ConfigurationError) {
        for entry in file.entries {
            try set(entry.key, to: entry.value, from: .file(path: file.path, line: entry.line))
        }
    }

    /// Applies the `FEEDBACK_*` variables that are set and not empty.
    public mutating func applyEnvironment(_ environment: [String: String]) throws(ConfigurationError) {
        for key in ConfigurationKey.allCases {
            if let value = environment[key.environmentVariable], !value.isEmpty {
                try set(key, to: value, from: .environment(variable: key.environmentVariable))
            }
        }
    }

    mutating func noteFile(_ path: String, found: Bool, hidden: Bool = false) {
        files.append(FileReading(path: path, found: found, hidden: hidden))
    }

    static func place(of source: ConfigurationSource) -> String {
        switch source {
        case .file(let path, _): return path
        case .environment(let variable): return variable
        case .flag(let flag): return flag
        case .builtIn: return "feedback"
        }
    }

    static func line(of source: ConfigurationSource) -> Int? {
        if case .file(_, let line) = source { return line }
        return nil
    }
}

extension Configuration {
    /// The user's own forms folders (`forms`), in order.
    public var formsFolders: [String] {
        (self[.forms].value ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// Every folder forms are read from, in order: installed, the region's, then the user's
    /// own; a later one wins on the same id and version (the embedded forms come first of all).
    public var formSearchPath: [FormsFolder] {
        var path: [FormsFolder] = []
        if let installed = locations.installedForms { path.append(FormsFolder(path: installed, role: .installed)) }
        path.append(FormsFolder(path: locations.regionForms, role: .region))
        path += formsFolders.map { FormsFolder(path: $0, role: .own) }
        return path
    }

    /// Where exports are written.
    public var exportsFolder: String { self[.exports].value ?? "Exports" }
    /// Where drafts are kept.
    public var draftsFolder: String { self[.drafts].value ?? ".local/share/feedback" }
    /// The region's Word template for rendered documents, if one is configured.
    public var documentTemplate: String? { self[.template].value }
    /// The board's inbox, if one is configured.
    public var inbox: String? { self[.inbox].value }
    /// The form new drafts are written on, when no inbox is configured.
    public var form: String? { self[.form].value }
    /// The board's public key for receipts, if one is configured.
    public var boardKey: String? { self[.boardKey].value }
    /// The language of the interface and messages.
    public var language: Language { self[.language].value.flatMap(Language.init(rawValue:)) ?? .sv }
}
