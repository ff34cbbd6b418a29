import FeedbackModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an administrator installs: the release binary's size as built and as packaged
/// (stripped, as `Scripts/package` ships it), and the start-up of the packaged binary
/// against the unstripped one in the same run.
struct InstallBench {
    let binary: String
    let folder: String
    let quick: Bool
    let results: Results

    func run() throws {
        let built = Self.fileSize(binary)
        results.add(Row(group: "install", name: "release binary, as built", value: built.map { Double($0) / 1e6 }, unit: "MB",
                        note: "static Swift runtime and Foundation, with ICU's data (about 34 MB) and symbols"))
        let stripped = folder + "/feedback-stripped"
        let copy = try Proc.timed("/bin/cp", [binary, stripped], environment: Proc.environment(home: folder))
        let strip = try Proc.timed("/usr/bin/env", ["strip", "--strip-all", stripped], environment: Proc.environment(home: folder))
        guard copy.1.status == 0, strip.1.status == 0, let size = Self.fileSize(stripped) else {
            results.add(Row(group: "install", name: "release binary, stripped (as packaged)", value: nil, unit: "MB",
                            verdict: .unavailable, note: "strip (binutils) is not installed"))
            return
        }
        results.add(Row(group: "install", name: "release binary, stripped (as packaged)", value: Double(size) / 1e6, unit: "MB",
                        baselineName: "as built", baseline: built.map { Double($0) / 1e6 }, ratio: built.map { Double(size) / Double($0) },
                        note: "what /usr/bin/feedback is in the .deb and the .tar.gz"))
        // Start-up, interleaved so that load on the machine falls on both alike.
        let runs = quick ? 10 : 60
        let env = Proc.environment(home: folder, extra: ["FEEDBACK_SYSTEM_CONFIG_DIR": folder + "/etc", "XDG_CONFIG_HOME": folder + "/config"])
        var asBuilt: [Double] = []
        var packaged: [Double] = []
        for i in 0..<(runs + 3) {
            let (a, ea) = try Proc.timed(binary, ["--version"], environment: env)
            let (b, eb) = try Proc.timed(stripped, ["--version"], environment: env)
            if i >= 3, ea.status == 0, eb.status == 0 {
                asBuilt.append(a * 1000)
                packaged.append(b * 1000)
            }
        }
        let a = Sample(asBuilt)
        let b = Sample(packaged)
        results.add(Row(group: "install", name: "feedback --version, packaged (stripped) binary", value: b.median, unit: "ms", runs: b.count,
                        baselineName: "as built", baseline: a.median, ratio: b.median / a.median,
                        note: "whole process, headless, configuration files looked for; interleaved with the unstripped binary"))
        for package in Self.packages() {
            results.add(Row(group: "install", name: package.name, value: Double(package.size) / 1e6, unit: "MB",
                            note: "made by Scripts/package (.build/package)"))
        }
    }

    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// The packages Scripts/package left in .build/package, if any.
    static func packages() -> [(name: String, size: Int)] {
        // .build/release is a link to .build/<triple>/release: the package folder is .build/package.
        let candidates = [Proc.ownFolder() + "/../package", Proc.ownFolder() + "/../../package"]
        guard let folder = candidates.first(where: { opendir($0).map { closedir($0); return true } ?? false }),
              let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var found: [(String, Int)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasSuffix(".deb") || name.hasSuffix(".tar.gz"), let size = fileSize(folder + "/" + name) else { continue }
            found.append((name.hasSuffix(".deb") ? "Debian package \(name) (xz)" : "archive \(name)", size))
        }
        return found.sorted { $0.0 < $1.0 }
    }
}
