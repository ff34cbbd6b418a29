import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// Refused permissions for real: CI runs as root, which ignores file modes, so the commands
/// run as the unprivileged user `nobody` through setpriv. Skipped (and said so) elsewhere.
@Suite struct PermissionTests {
    static var canDropPrivileges: Bool { getuid() == 0 && isInstalled("setpriv") }

    func asNobody(_ arguments: [String], in folder: String) throws -> RunResult {
        try run("/usr/bin/env", ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Paths.binary] + arguments, in: folder)
    }

    @Test(.enabled(if: PermissionTests.canDropPrivileges,
                   "⚠️ SKIPPED: not root or no setpriv; permission refusals are covered by the injected file-system tests"))
    func readOnlyFolderIsAClearErrorAndNothingChanges() throws {
        let folder = TemporaryFolder()
        chmod(folder.path, 0o755)
        let locked = folder.file("låst")
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        let draft = shippedForm()
        try folder.write(bytes: DraftCodec.encode(SampleDrafts.complete(draft), form: draft), "låst/utkast.json")
        chmod(folder.file("låst/utkast.json"), 0o644)
        chmod(locked, 0o555)
        let before = try FileStore.readLimited(path: folder.file("låst/utkast.json"), limit: 1 << 20)

        let created = try asNobody(["new", "--committee", "hsn", "-o", "låst/ny.json"], in: folder.path)
        #expect(created.status == 2)
        #expect(created.stderr.contains("behörighet saknas"), "\(created.stderr)")
        let exported = try asNobody(["export", "--out", "låst/Exports", "låst/utkast.json"], in: folder.path)
        #expect(exported.status == 2)
        #expect(exported.stderr.contains("behörighet saknas"), "\(exported.stderr)")
        // Validating still works: reading is allowed.
        let validated = try asNobody(["validate", "låst/utkast.json"], in: folder.path)
        #expect(validated.status == 0, "\(validated.stderr)")
        #expect(try FileStore.readLimited(path: folder.file("låst/utkast.json"), limit: 1 << 20) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.file("låst/ny.json")))
    }
}
