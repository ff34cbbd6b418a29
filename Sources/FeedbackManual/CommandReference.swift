import FeedbackModel

/// A command as the argument parser describes it (`--experimental-dump-help`): its name,
/// texts, arguments and subcommands, read from that JSON so the manual and `--help` agree.
public struct CommandReference: Sendable, Equatable {
    public var name: String
    /// The names from the root down: `["feedback", "validate"]`.
    public var path: [String]
    public var abstract: String
    public var discussion: String
    public var arguments: [ArgumentReference]
    public var subcommands: [CommandReference]
    public var shouldDisplay: Bool

    public init(name: String, path: [String], abstract: String = "", discussion: String = "",
                arguments: [ArgumentReference] = [], subcommands: [CommandReference] = [], shouldDisplay: Bool = true) {
        self.name = name
        self.path = path
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.subcommands = subcommands
        self.shouldDisplay = shouldDisplay
    }

    /// Why the parser's description could not be read.
    public struct ReadError: Error, Sendable, Equatable {
        public var problem: String
    }

    /// Reads the output of `_dumpHelp()` / `--experimental-dump-help`.
    public static func parse(dumpHelp bytes: [UInt8]) throws(ReadError) -> CommandReference {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch { throw ReadError(problem: "not JSON: \(error)") }
        guard let command = value.objectValue?["command"]?.objectValue else { throw ReadError(problem: "no \"command\" object") }
        return try read(command, superPath: [])
    }

    static func read(_ object: JSONObject, superPath: [String]) throws(ReadError) -> CommandReference {
        guard let name = object["commandName"]?.stringValue else { throw ReadError(problem: "a command without commandName") }
        let path = superPath + [name]
        var arguments: [ArgumentReference] = []
        for item in object["arguments"]?.arrayValue ?? [] {
            guard let argument = item.objectValue else { throw ReadError(problem: "an argument of \(name) is not an object") }
            arguments.append(try ArgumentReference.read(argument, command: name))
        }
        var subcommands: [CommandReference] = []
        for item in object["subcommands"]?.arrayValue ?? [] {
            guard let sub = item.objectValue else { throw ReadError(problem: "a subcommand of \(name) is not an object") }
            subcommands.append(try read(sub, superPath: path))
        }
        return CommandReference(name: name, path: path, abstract: object["abstract"]?.stringValue ?? "",
                                discussion: object["discussion"]?.stringValue ?? "", arguments: arguments,
                                subcommands: subcommands, shouldDisplay: object["shouldDisplay"] != .bool(false))
    }

    /// This command and every displayed command below it, depth first.
    public var displayedCommands: [CommandReference] {
        guard shouldDisplay else { return [] }
        return [self] + subcommands.flatMap(\.displayedCommands)
    }
}

/// One option, flag or positional argument of a command.
public struct ArgumentReference: Sendable, Equatable {
    public enum Kind: String, Sendable { case positional, option, flag }
    public var kind: Kind
    /// `--lang`, `-o`, `--output`; empty for a positional argument.
    public var names: [String]
    public var valueName: String
    public var abstract: String
    public var isOptional: Bool
    public var isRepeating: Bool
    public var defaultValue: String?
    public var shouldDisplay: Bool

    public init(kind: Kind, names: [String], valueName: String, abstract: String, isOptional: Bool = true,
                isRepeating: Bool = false, defaultValue: String? = nil, shouldDisplay: Bool = true) {
        self.kind = kind
        self.names = names
        self.valueName = valueName
        self.abstract = abstract
        self.isOptional = isOptional
        self.isRepeating = isRepeating
        self.defaultValue = defaultValue
        self.shouldDisplay = shouldDisplay
    }

    static func read(_ object: JSONObject, command: String) throws(CommandReference.ReadError) -> ArgumentReference {
        guard let kindName = object["kind"]?.stringValue, let kind = Kind(rawValue: kindName) else {
            throw .init(problem: "an argument of \(command) has an unknown kind")
        }
        let names: [String] = (object["names"]?.arrayValue ?? []).compactMap { item in
            guard let entry = item.objectValue, let name = entry["name"]?.stringValue else { return nil }
            switch entry["kind"]?.stringValue {
            case "short": return "-" + name
            case "longWithSingleDash": return "-" + name
            default: return "--" + name
            }
        }
        return ArgumentReference(kind: kind, names: names, valueName: object["valueName"]?.stringValue ?? "value",
                                 abstract: object["abstract"]?.stringValue ?? "",
                                 isOptional: object["isOptional"] == .bool(true), isRepeating: object["isRepeating"] == .bool(true),
                                 defaultValue: object["defaultValue"]?.stringValue, shouldDisplay: object["shouldDisplay"] != .bool(false))
    }

    /// What identifies the argument across commands (its names, or its value name).
    var identity: String { names.isEmpty ? "<\(valueName)>" : names.joined(separator: ",") }
}
