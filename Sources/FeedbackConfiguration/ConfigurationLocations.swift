#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the configuration files and the installed forms are.
public struct ConfigurationLocations: Sendable, Equatable {
    /// `/etc/feedback`, or `$FEEDBACK_SYSTEM_CONFIG_DIR` (to test a package unpacked elsewhere).
    public var systemFolder: String
    /// `$XDG_CONFIG_HOME/feedback/config`, else `~/.config/feedback/config`.
    public var userFile: String?
    /// The forms shipped with the program: `share/feedback/forms` beside the binary's
    /// `bin/` (`/usr/share/feedback/forms` for `/usr/bin/feedback`).
    public var installedForms: String?

    public init(systemFolder: String, userFile: String?, installedForms: String?) {
        self.systemFolder = systemFolder
        self.userFile = userFile
        self.installedForms = installedForms
    }

    /// `/etc/feedback/config`: the system configuration, read first.
    public var systemFile: String { systemFolder + "/config" }
    /// `/etc/feedback/forms`: the region's own forms, which win over the installed ones.
    public var regionForms: String { systemFolder + "/forms" }

    public static let defaultSystemFolder = "/etc/feedback"

    /// The locations for this process.
    public static func standard(environment: [String: String], executable: String? = runningExecutable()) -> ConfigurationLocations {
        let system = environment["FEEDBACK_SYSTEM_CONFIG_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultSystemFolder
        var userFile: String?
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            userFile = xdg + "/feedback/config"
        } else if let home = homeFolder(environment: environment) {
            userFile = home + "/.config/feedback/config"
        }
        return ConfigurationLocations(systemFolder: system, userFile: userFile,
                                      installedForms: executable.flatMap(installedForms(besideExecutable:)))
    }

    /// `PREFIX/share/feedback/forms` for an executable at `PREFIX/bin/feedback`.
    public static func installedForms(besideExecutable path: String) -> String? {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.count >= 2 else { return nil }
        parts.removeLast()
        guard parts.last == "bin" else { return nil }
        parts.removeLast()
        return "/" + (parts + ["share", "feedback", "forms"]).joined(separator: "/")
    }

    /// `$HOME`, else the home folder in the password database.
    public static func homeFolder(environment: [String: String]) -> String? {
        if let home = environment["HOME"], !home.isEmpty { return home }
        guard let entry = getpwuid(geteuid()), let dir = entry.pointee.pw_dir else { return nil }
        let home = String(cString: dir)
        return home.isEmpty ? nil : home
    }

    /// The absolute path of the running executable, symbolic links resolved: from
    /// `/proc/self/exe`, else (no /proc, as in a bare chroot) from `argv[0]` and `PATH`.
    public static func runningExecutable(arguments: [String] = CommandLine.arguments,
                                         environment: [String: String] = [:]) -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if count > 0 { return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #endif
        return executable(fromArguments: arguments, environment: environment)
    }

    /// The executable named by `argv[0]`, looked up in `PATH` when it has no slash.
    public static func executable(fromArguments arguments: [String], environment: [String: String]) -> String? {
        guard let first = arguments.first, !first.isEmpty else { return nil }
        var candidates = [first]
        if !first.contains("/") {
            let path = environment["PATH"] ?? getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
            candidates = path.split(separator: ":").map { "\($0)/\(first)" }
        }
        for candidate in candidates where access(candidate, X_OK) == 0 {
            guard let resolved = realpath(candidate, nil) else { continue }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return nil
    }
}
