import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// Nothing planted is used: in a shared folder (mode 1777) another real user plants a
/// `Forms/` with a changed form and a world-writable `Exports/`, and a file at the name a
/// declined autosave was set aside under. The victim's program reads no planted form,
/// writes no export into the planted folder (each refused, naming the folder and its owner),
/// and keeps a declined autosave in the victim's own state folder, saying where.
@Suite("Planted folders, two real users", .serialized,
       .enabled(if: TestUser.canCreate, "needs root, useradd, userdel and setpriv for two real users"))
struct PlantedFolderTests {
    final class Scene: @unchecked Sendable {
        let base = TemporaryFolder()
        let victim: TestUser
        let attacker: TestUser
        let shared: String

        init(tag: String) throws {
            chmod(base.path, 0o755)
            victim = try TestUser("fbtrust\(tag)v", base: base.path)
            attacker = try TestUser("fbtrust\(tag)a", base: base.path)
            shared = base.file("delad")
            try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
            chmod(shared, 0o1777)
        }
    }

    @Test func plantedFormsAndExportsAreNotUsed() throws {
        let scene = try Scene(tag: "p")
        let yaml = EmbeddedForms.files[0].1.replacingOccurrences(of: "id: pf-aterkoppling-2028\n", with: "id: pf-phishing\n")
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: scene.base.file("phish.yaml")))
        chmod(scene.base.file("phish.yaml"), 0o644)
        let planted = try scene.attacker.run(["/bin/sh", "-c", "mkdir -p -m 755 Forms && cp \"$0\" Forms/phish.yaml && mkdir -p -m 777 Exports && chmod 777 Exports",
                                              scene.base.file("phish.yaml")], in: scene.shared)
        #expect(planted.status == 0, "\(planted.stderr)")
        // ./Forms is the attacker's: not read, and the victim is told why.
        let forms = try scene.victim.feedback(["forms", "--lang", "en"], in: scene.shared)
        #expect(!forms.stdout.contains("pf-phishing"), "\(forms.stdout)")
        #expect((forms.stdout + forms.stderr).contains("is owned by \(scene.attacker.name), not by you or root"), "\(forms.stdout) \(forms.stderr)")
        // ./Exports is the attacker's and writable by all: no export goes there.
        try Data(DraftCodec.encode(SampleDrafts.complete(shippedForm()), form: shippedForm())).write(to: URL(fileURLWithPath: scene.base.file("klar.json")))
        chmod(scene.base.file("klar.json"), 0o644)
        #expect(try scene.victim.run(["/bin/cp", scene.base.file("klar.json"), "utkast.json"], in: scene.shared).status == 0)
        let exported = try scene.victim.feedback(["export", "utkast.json", "--lang", "en"], in: scene.shared)
        #expect(exported.status != 0, "\(exported.stdout)")
        #expect(exported.stderr.contains("Exports"), "\(exported.stderr)")
        #expect(exported.stderr.contains("owned by \(scene.attacker.name)") || exported.stderr.contains("changed by every user"), "\(exported.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scene.shared + "/Exports").isEmpty)
    }

    /// Declining a restore keeps the autosave in the victim's own state folder, even when the
    /// attacker planted the old set-aside name beside the draft.
    @Test func aDeclinedAutosaveIsKeptWhereNobodyElseCanReachIt() throws {
        let scene = try Scene(tag: "o")
        #expect(try scene.victim.feedback(["new", "--committee", "hsn", "-o", "utkast.json"], in: scene.shared).status == 0)
        // The victim's autosave, newer than the draft (another contact name).
        let draft = try String(contentsOfFile: scene.shared + "/utkast.json", encoding: .utf8)
        let autosaved = draft.replacingOccurrences(of: "\"status\": \"utkast\"", with: "\"status\": \"utkast\",\n    \"caseNumber\": \"Autosparad Text\"")
        #expect(autosaved != draft, "the draft's form changed: \(draft.prefix(400))")
        try Data(autosaved.utf8).write(to: URL(fileURLWithPath: scene.base.file("autosave")))
        chmod(scene.base.file("autosave"), 0o644)
        #expect(try scene.victim.run(["/bin/sh", "-c", "umask 077; cat \"$0\" > .utkast.json.autosave.json", scene.base.file("autosave")],
                                     in: scene.shared).status == 0)
        // The attacker plants the old set-aside name.
        #expect(try scene.attacker.run(["/bin/sh", "-c", "echo planted > .utkast.json.autosave.old.json"], in: scene.shared).status == 0)
        let filled = try scene.victim.run(["/usr/bin/env", "FEEDBACK_SYSTEM_CONFIG_DIR=/dev/null/none", "XDG_CONFIG_HOME=/dev/null/none",
                                           Paths.binary, "fill", "--plain", "--lang", "en", "utkast.json"],
                                          in: scene.shared, input: Array("no\nquit\n".utf8))
        let stateFolder = scene.victim.home + "/state/feedback"
        let kept = (try? FileManager.default.contentsOfDirectory(atPath: stateFolder))?.filter { $0.hasPrefix("utkast") } ?? []
        #expect(kept.count == 1, "\(filled.stdout) \(filled.stderr)")
        #expect(filled.stdout.contains("kept in \(stateFolder)/"), "\(filled.stdout)")
        if let name = kept.first {
            #expect(try String(contentsOfFile: stateFolder + "/" + name, encoding: .utf8).contains("Autosparad Text"))
        }
        #expect(!FileManager.default.fileExists(atPath: scene.shared + "/.utkast.json.autosave.json"))
        #expect(try String(contentsOfFile: scene.shared + "/.utkast.json.autosave.old.json", encoding: .utf8) == "planted\n")
    }
}
