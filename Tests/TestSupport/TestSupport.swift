import FeedbackModel
import Foundation

/// Where things are, for tests.
public enum Paths {
    /// The package's root folder (found from this file's path).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static func fixture(_ name: String) -> String {
        root + "/Tests/FeedbackModelTests/Fixtures/" + name
    }

    /// The folder of the built products (beside the test bundle).
    public static let products: String = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // The runner may be inside a .xctest bundle folder.
        while folder.path.hasSuffix(".xctest") || folder.lastPathComponent == "MacOS" || folder.lastPathComponent == "Contents" {
            folder.deleteLastPathComponent()
        }
        if FileManager.default.isExecutableFile(atPath: folder.path + "/feedback") { return folder.path }
        return root + "/.build/debug"
    }()

    /// The built `feedback` executable.
    public static var binary: String { products + "/feedback" }

    /// The built `feedback-test-helper` (the terminal self-test, the lock probe): test code
    /// that the shipped binary does not carry.
    public static var testHelper: String { products + "/feedback-test-helper" }
}

/// A temporary folder removed when the value goes away.
public final class TemporaryFolder: @unchecked Sendable {
    public let path: String

    public init() {
        let template = NSTemporaryDirectory() + "/feedback-test-XXXXXX"
        var bytes = Array(template.utf8CString)
        let created = bytes.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = created.map { String(cString: $0) } ?? (NSTemporaryDirectory() + "/feedback-test-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    public func file(_ name: String) -> String { path + "/" + name }

    public func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file(name)))
    }

    public func write(bytes: [UInt8], _ name: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
    }

    public func read(_ name: String) throws -> String {
        try String(contentsOfFile: file(name), encoding: .utf8)
    }
}

/// The result of running a command.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var stdoutBytes: [UInt8]
}

/// Runs a program to completion, feeding `input` on standard input.
public func run(_ executable: String, _ arguments: [String], in folder: String? = nil,
                environment: [String: String] = [:], input: [UInt8] = []) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    var env = ProcessInfo.processInfo.environment
    env["LANG"] = "C.UTF-8"
    env.removeValue(forKey: "LC_ALL")
    env.removeValue(forKey: "LC_MESSAGES")
    // The machine's own configuration must not change what a test sees.
    for key in env.keys where key.hasPrefix("FEEDBACK_") { env.removeValue(forKey: key) }
    // "Today" is fixed so that what the commands say about the deadline does not change with
    // the day the tests run; tests of the calendar pass their own.
    env["FEEDBACK_TODAY"] = SampleDrafts.today.description
    env.removeValue(forKey: "SOURCE_DATE_EPOCH")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    if !input.isEmpty { inPipe.fileHandleForWriting.write(Data(input)) }
    try? inPipe.fileHandleForWriting.close()
    // Read both pipes concurrently so a full pipe never blocks the child.
    let errData = LockedData()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData.set(errPipe.fileHandleForReading.readDataToEndOfFile())
        group.leave()
    }
    let out = outPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    let err = errData.get()
    return RunResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                     stderr: String(decoding: err, as: UTF8.self), stdoutBytes: [UInt8](out))
}

/// Runs the built `feedback` binary, with system and user configuration files that cannot
/// exist (under /dev/null) unless the test names its own.
public func feedback(_ arguments: [String], in folder: String? = nil, environment: [String: String] = [:],
                     input: [UInt8] = []) throws -> RunResult {
    // The user's state (emergency copies, where each draft was left) goes to a folder of the
    // test run's own, not the real user's, unless the test names its own.
    let isolated = ["FEEDBACK_SYSTEM_CONFIG_DIR": noConfiguration + "/etc", "XDG_CONFIG_HOME": noConfiguration + "/config",
                    "XDG_STATE_HOME": testState]
    return try run(Paths.binary, arguments, in: folder, environment: isolated.merging(environment) { $1 }, input: input)
}

/// The state folder of the tests' runs of the binary (one per test process).
public let testState = NSTemporaryDirectory() + "feedback-tests-state-\(ProcessInfo.processInfo.processIdentifier)"

/// A folder that can never be created (a path below /dev/null): configuration looked for
/// there is simply absent. Only for the feedback binary: other programs would try to make it.
public let noConfiguration = "/dev/null/feedback-tests"

final class LockedData: @unchecked Sendable {
    private var data = Data()
    private let lock = NSLock()
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}

/// The shipped form, read from the embedded copy.
public func shippedForm() -> FormDefinition {
    guard let form = FormCatalog.embedded().latest() else { fatalError("the embedded form does not load") }
    return form
}

/// Whether a program is on the PATH.
public func isInstalled(_ program: String) -> Bool {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return paths.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
}

/// Whether Python with the jsonschema package is available.
public let pythonJSONSchemaAvailable: Bool = {
    guard isInstalled("python3"), let result = try? run("/usr/bin/env", ["python3", "-c", "import jsonschema"]) else { return false }
    return result.status == 0
}()
