#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import FeedbackModel

extension Configuration {
    /// Reads the system file, then the user's file, then the environment. A missing file is
    /// skipped; a file that cannot be trusted or parsed is an error naming it.
    public static func load(environment: [String: String], locations: ConfigurationLocations,
                            reader: ConfigurationFileReader = ConfigurationFileReader(),
                            workingFolderHasForms: Bool = isFolder("Forms")) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration(locations: locations, environment: environment, workingFolderHasForms: workingFolderHasForms)
        for path in [locations.systemFile] + (locations.userFile.map { [$0] } ?? []) {
            switch try reader.lookUp(path) {
            case .absent:
                configuration.noteFile(path, found: false)
            case .hidden:
                configuration.noteFile(path, found: false, hidden: true)
            case .found(let bytes):
                configuration.noteFile(path, found: true)
                try configuration.apply(ConfigurationFile.parse(bytes, path: path))
            }
        }
        try configuration.applyEnvironment(environment)
        return configuration
    }

    /// The configuration of this process (files and environment, no flags), read once.
    /// Commands apply their own flags on top with `override(_:with:flag:)`.
    public static var current: Configuration {
        get throws(ConfigurationError) { try loadedForProcess.get() }
    }

    private static let loadedForProcess: Result<Configuration, ConfigurationError> = {
        let environment = ProcessInfo.processInfo.environment
        do throws(ConfigurationError) {
            return .success(try load(environment: environment, locations: .standard(environment: environment)))
        } catch {
            return .failure(error)
        }
    }()

    /// Whether `path` is a folder (following links).
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
