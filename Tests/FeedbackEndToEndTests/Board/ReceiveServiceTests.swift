import Foundation
import Testing
import TestSupport

/// The systemd unit template that runs `board receive --watch` for one inbox: it is valid
/// (`systemd-analyze verify`), hardened (`systemd-analyze security` rates it safe, with no new
/// privileges, a read-only system, write access to the inbox alone and no network), and the
/// package ships it.
@Suite struct ReceiveServiceTests {
    static let unit = Paths.root + "/Scripts/packaging/feedback-receive@.service"

    func settings() throws -> [(key: String, value: String)] {
        try String(contentsOfFile: Self.unit, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<equals]), String(line[line.index(after: equals)...]))
        }
    }

    @Test func theUnitRunsTheWatcherForItsInboxAlone() throws {
        let all = try settings()
        func values(_ key: String) -> [String] { all.filter { $0.key == key }.map(\.value) }
        #expect(values("ExecStart") == ["/usr/bin/feedback board receive --watch %f"])
        #expect(values("ReadWritePaths") == ["%f"])
        for (key, value) in [("NoNewPrivileges", "yes"), ("ProtectSystem", "strict"), ("PrivateNetwork", "yes"),
                             ("PrivateTmp", "yes"), ("PrivateDevices", "yes"), ("RestrictSUIDSGID", "yes"), ("CapabilityBoundingSet", "")] {
            #expect(values(key) == [value], "\(key)")
        }
        #expect(values("User").count == 1)
        let package = try String(contentsOfFile: Paths.root + "/Scripts/package", encoding: .utf8)
        #expect(package.contains("Scripts/packaging/feedback-receive@.service\" \"$files/lib/systemd/system/feedback-receive@.service\""))
    }

    /// An instance of the unit, with the built binary in place of the installed one.
    func instance(in folder: TemporaryFolder) throws -> String {
        let text = try String(contentsOfFile: Self.unit, encoding: .utf8)
            .replacingOccurrences(of: "/usr/bin/feedback", with: Paths.binary)
        let path = folder.file("feedback-receive@srv-feedback-pf.service")
        try folder.write("feedback-receive@srv-feedback-pf.service", text)
        return path
    }

    @Test(.enabled(if: isInstalled("systemd-analyze"), "needs systemd-analyze"))
    func systemdVerifiesTheUnit() throws {
        let folder = TemporaryFolder()
        let verified = try run("/usr/bin/env", ["systemd-analyze", "verify", "--man=no", try instance(in: folder)])
        #expect(verified.status == 0, "\(verified.stdout) \(verified.stderr)")
        #expect(!verified.stderr.contains("Unknown"), "\(verified.stderr)")
    }

    @Test(.enabled(if: isInstalled("systemd-analyze"), "needs systemd-analyze"))
    func systemdRatesTheUnitSafe() throws {
        let folder = TemporaryFolder()
        let rated = try run("/usr/bin/env", ["systemd-analyze", "security", "--no-pager", "--offline=true", "--threshold=15", try instance(in: folder)])
        #expect(rated.status == 0, "\(rated.stdout) \(rated.stderr)")
        let line = try #require(rated.stdout.split(separator: "\n").first { $0.contains("Overall exposure level") })
        let level = line.split(separator: " ").compactMap { Double($0) }.first
        #expect((level ?? 10) <= 1.5, "\(line)")
        for setting in ["NoNewPrivileges=", "PrivateNetwork=", "ProtectSystem=", "RestrictSUIDSGID="] {
            let row = rated.stdout.split(separator: "\n").first { $0.contains(setting) }
            #expect(row?.contains("✓") == true, "\(setting): \(row ?? "absent")")
        }
    }
}
