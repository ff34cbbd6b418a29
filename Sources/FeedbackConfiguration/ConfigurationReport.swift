import FeedbackModel

/// What `feedback config` prints: every setting in effect and where it came from, the files
/// looked for, and the folders forms are read from.
public struct ConfigurationReport: Sendable {
    public let configuration: Configuration

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// The report as aligned lines of text, every value made safe to print.
    public func text(_ language: Language) -> String {
        let sv = language == .sv
        var lines: [String] = []
        lines.append(sv ? "Inställningar (senare vinner: standard, systemfilen, användarens fil, miljön, flaggor):"
                        : "Settings (later wins: default, the system file, the user's file, the environment, flags):")
        let width = ConfigurationKey.allCases.map(\.rawValue.count).max() ?? 0
        let values = ConfigurationKey.allCases.map { configuration[$0].value.map { Sanitizer.visible($0) } ?? "–" }
        let valueWidth = min(48, values.map(\.count).max() ?? 0)
        for (key, value) in zip(ConfigurationKey.allCases, values) {
            let source = configuration[key].source.description(language)
            lines.append("  " + pad(key.rawValue, width) + "  " + pad(value, valueWidth) + "  " + source)
        }
        lines.append("")
        lines.append(sv ? "Konfigurationsfiler:" : "Configuration files:")
        let fileWidth = configuration.files.map { Sanitizer.visible($0.path).count }.max() ?? 0
        for file in configuration.files {
            let state = file.found ? (sv ? "läst" : "read")
                : file.hidden ? (sv ? "kan inte ses (behörighet saknas till en mapp på vägen)" : "cannot be seen (permission denied on a folder on the way)")
                : (sv ? "finns inte" : "not present")
            lines.append("  " + pad(Sanitizer.visible(file.path), fileWidth) + "  " + state)
        }
        lines.append("")
        lines.append(sv ? "Formulär läses i den här ordningen (en senare vinner vid samma id och version):"
                        : "Forms are read in this order (a later one wins on the same id and version):")
        lines.append(sv ? "  inbyggda i programmet" : "  built into the program")
        let folders = configuration.formSearchPath
        let folderWidth = folders.map { Sanitizer.visible($0.path).count }.max() ?? 0
        for folder in folders {
            let present = Configuration.isFolder(folder.path) ? "" : (sv ? ", finns inte" : ", not present")
            lines.append("  " + pad(Sanitizer.visible(folder.path), folderWidth) + "  " + Self.roleName(folder.role, language) + present)
        }
        return lines.joined(separator: "\n")
    }

    /// The report as JSON, for scripts.
    public func json() -> JSONValue {
        var settings = JSONObject()
        for key in ConfigurationKey.allCases {
            let setting = configuration[key]
            settings[key.rawValue] = .object(JSONObject([
                ("value", setting.value.map(JSONValue.string) ?? .null),
                ("source", Self.json(setting.source)),
            ]))
        }
        let files = configuration.files.map { JSONValue.object(JSONObject([("path", .string($0.path)), ("found", .bool($0.found)), ("hidden", .bool($0.hidden))])) }
        let folders = configuration.formSearchPath.map {
            JSONValue.object(JSONObject([("path", .string($0.path)), ("role", .string($0.role.rawValue)),
                                         ("present", .bool(Configuration.isFolder($0.path)))]))
        }
        return .object(JSONObject([("settings", .object(settings)), ("files", .array(files)), ("formsFolders", .array(folders))]))
    }

    static func json(_ source: ConfigurationSource) -> JSONValue {
        switch source {
        case .builtIn(let reason):
            return .object(JSONObject([("kind", .string("default")), ("reason", reason.map(JSONValue.string) ?? .null)]))
        case .file(let path, let line):
            return .object(JSONObject([("kind", .string("file")), ("path", .string(path)), ("line", .integer(line))]))
        case .environment(let variable):
            return .object(JSONObject([("kind", .string("environment")), ("variable", .string(variable))]))
        case .flag(let flag):
            return .object(JSONObject([("kind", .string("flag")), ("flag", .string(flag))]))
        }
    }

    static func roleName(_ role: Configuration.FormsFolder.Role, _ language: Language) -> String {
        switch role {
        case .installed: return language == .sv ? "installerade med programmet" : "installed with the program"
        case .region: return language == .sv ? "regionens egna" : "the region's own"
        case .own: return language == .sv ? "egna (forms)" : "your own (forms)"
        }
    }

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
