import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// Issue 9, defects 1–3: as two real users in a mode-1777 folder, the other user plants a
/// link, a dangling link, a FIFO, an autosave, a lock or a temporary file where the victim's
/// program will look. Every plant is refused with a clear message; no file of the victim's
/// is touched, and nothing of the victim's text becomes readable to the other user.
@Suite("Shared folders, two real users",
       .enabled(if: TestUser.canCreate, "⚠️ SKIPPED: needs root, useradd, userdel and setpriv for two real users"),
       .enabled(if: TmuxSession.isAvailable, "⚠️ SKIPPED: tmux is not installed"))
struct SharedFolderTests {
    let form = shippedForm()

    /// A victim, an attacker and a shared 1777 folder holding the victim's draft; the victim
    /// also has a private file, and the attacker a world-writable one (to leak into).
    final class Scene: @unchecked Sendable {
        let base: TemporaryFolder
        let victim: TestUser
        let attacker: TestUser
        let shared: String
        let draft: String
        let secret: String
        let leak: String

        init(tag: String) throws {
            base = TemporaryFolder()
            chmod(base.path, 0o755)
            victim = try TestUser("fbsafety\(tag)v", base: base.path)
            attacker = try TestUser("fbsafety\(tag)a", base: base.path)
            shared = base.file("delad")
            try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
            chmod(shared, 0o1777)
            draft = shared + "/utkast.json"
            let created = try victim.feedback(["new", "--committee", "hsn", "-o", draft])
            guard created.status == 0 else { throw POSIXError(.EIO, userInfo: [NSLocalizedDescriptionKey: created.stderr]) }
            secret = victim.home + "/privat.txt"
            try victim.run(["/bin/sh", "-c", "umask 077; printf HEMLIGT > \"$0\"", secret])
            leak = shared + "/läcka.txt"
            try attacker.run(["/bin/sh", "-c", "umask 0; : > \"$0\"; chmod 666 \"$0\"", leak])
        }

        /// A shell command run as the attacker.
        func plant(_ command: String, _ arguments: String...) throws {
            let result = try attacker.run(["/bin/sh", "-c", command] + arguments)
            guard result.status == 0 else { throw POSIXError(.EIO, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
        }

        func contents(_ path: String) -> String? {
            (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
        }

        /// Whether the attacker can read a path.
        func attackerCanRead(_ path: String) -> Bool {
            ((try? attacker.run(["/bin/cat", path]))?.status ?? 1) == 0
        }

        /// `feedback fill` of the victim's draft, as the victim, in tmux.
        func fill() throws -> TmuxSession {
            try TmuxSession(command: victim.shellCommand([Paths.binary, "fill", draft]), width: 120, height: 30, folder: shared)
        }
    }

    func goalsText(_ path: String) throws -> String {
        try DraftCodec.decode(try FileStore.readLimited(path: path, limit: 1 << 24), file: path, form: form).text(at: .section("goals", "text"))
    }

    /// The plants that concern the interface: each opens the draft read-only with a message
    /// naming the file and what it is.
    @Test(arguments: [
        ("autosave-link", "symbolisk länk"), ("autosave-leak", "symbolisk länk"), ("autosave-dangling", "symbolisk länk"),
        ("autosave-fifo", "FIFO"), ("autosave-foreign", "tillhör användaren"),
        ("lock-link", "symbolisk länk"), ("lock-fifo", "FIFO"), ("lock-foreign", "tillhör användaren"),
    ])
    func aPlantBesideTheDraftIsRefusedInTheInterface(plant: String, message: String) throws {
        let tag = plant.split(separator: "-").map { String($0.prefix(2)) }.joined()
        let scene = try Scene(tag: tag)
        let autosave = DraftFiles.autosavePath(for: scene.draft)
        let lock = DraftFiles.lockPath(for: scene.draft)
        let before = try FileStore.readLimited(path: scene.draft, limit: 1 << 24)
        switch plant {
        case "autosave-link": try scene.plant("ln -s \"$0\" \"$1\"", scene.secret, autosave)
        case "autosave-leak": try scene.plant("ln -s \"$0\" \"$1\"", scene.leak, autosave)
        case "autosave-dangling": try scene.plant("ln -s \"$0\" \"$1\"", scene.shared + "/ny-läcka.txt", autosave)
        case "autosave-fifo": try scene.plant("mkfifo -m 666 \"$0\"", autosave)
        case "autosave-foreign":
            var planted = SampleDrafts.complete(form)
            planted.sections["goals"]!["text"] = .text("ANGRIPARENS TEXT")
            try scene.base.write(bytes: DraftCodec.encode(planted, form: form), "plant.json")
            try scene.plant("cat \"$0\" > \"$1\"; chmod 644 \"$1\"", scene.base.file("plant.json"), autosave)
        case "lock-link": try scene.plant("ln -s \"$0\" \"$1\"", scene.secret, lock)
        case "lock-fifo": try scene.plant("mkfifo -m 666 \"$0\"", lock)
        default:
            let claim = LockInfo(user: scene.victim.name, host: LockInfo.current(now: Timestamp(secondsSinceEpoch: 0)).host,
                                 pid: 1, since: Timestamp(secondsSinceEpoch: 0))
            try scene.base.write(bytes: JSONWriter.pretty(claim.json), "lock.json")
            try scene.plant("cat \"$0\" > \"$1\"; chmod 644 \"$1\"", scene.base.file("lock.json"), lock)
        }
        let tmux = try scene.fill()
        defer { tmux.kill() }
        #expect(tmux.waitFor(message, timeout: 20), "\(plant): \(tmux.capture())")
        let screen = tmux.capture()
        #expect(screen.contains(plant.hasPrefix("lock") ? ".utkast.json.lock" : ".utkast.json.autosave.json"), "\(plant): \(screen)")
        #expect(screen.contains("skrivskyddat"), "\(plant): \(screen)")
        #expect(!screen.contains("ANGRIPARENS TEXT") && !screen.contains("Återställ"), "\(plant): the planted autosave was offered")
        // Typing changes nothing; quitting leaves everything as it was.
        tmux.sendKeys("M-1")
        tmux.type("Offrets hemliga text")
        Thread.sleep(forTimeInterval: 0.8)
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit(timeout: 15), "\(plant): \(tmux.capture())")
        #expect(try FileStore.readLimited(path: scene.draft, limit: 1 << 24) == before)
        #expect(scene.contents(scene.secret) == "HEMLIGT")
        #expect(scene.contents(scene.leak) == "")
        #expect(!FileManager.default.fileExists(atPath: scene.shared + "/ny-läcka.txt"))
        let planted = PosixFileSystem().status(plant.hasPrefix("lock") ? lock : autosave, followLinks: false)
        #expect(planted?.owner == scene.attacker.uid, "\(plant): the plant was replaced or removed")
        #expect(!scene.attackerCanRead(scene.draft))
    }

    /// Without a plant (and with one of the attacker's files named like a temporary file),
    /// the victim edits, autosaves and saves, and the attacker can read none of it.
    @Test func withoutAPlantNothingOfTheVictimsIsReadable() throws {
        let scene = try Scene(tag: "t")
        let theirs = FileStore.directory(of: scene.draft) + "/.utkast.json.tmp-1-2"
        try scene.plant("printf x > \"$0\"; chmod 666 \"$0\"", theirs)
        let tmux = try scene.fill()
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter", timeout: 20), "\(tmux.capture())")
        #expect(!tmux.capture().contains("skrivskyddat"), "\(tmux.capture())")
        tmux.sendKeys("M-1", "C-t")
        tmux.type("Offrets hemliga text")
        #expect(tmux.waitFor("Offrets hemliga text"))
        let autosave = DraftFiles.autosavePath(for: scene.draft)
        var waited = 0
        while !FileManager.default.fileExists(atPath: autosave) && waited < 300 { Thread.sleep(forTimeInterval: 0.02); waited += 1 }
        #expect(FileManager.default.fileExists(atPath: autosave))
        #expect(!scene.attackerCanRead(autosave))
        #expect(PosixFileSystem().status(autosave, followLinks: false)?.mode == 0o600)
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit(timeout: 15))
        #expect(try goalsText(scene.draft) == "Offrets hemliga text")
        #expect(!scene.attackerCanRead(scene.draft))
        #expect(scene.contents(theirs) == "x")
        // The attacker's file was left alone, and the victim was told so on leaving.
        #expect(tmux.captureAll().contains("lämnades orörd"), "\(tmux.captureAll())")
    }

    /// The plants that concern the headless commands: `new -o` and `export --out` refuse
    /// links (even dangling), FIFOs and the attacker's files, and write nothing through them.
    @Test func headlessCommandsRefuseEveryPlant() throws {
        let scene = try Scene(tag: "h")
        let exports = scene.shared + "/Exports"
        try FileManager.default.createDirectory(atPath: exports, withIntermediateDirectories: true)
        chmod(exports, 0o1777)
        var complete = SampleDrafts.complete(form)
        complete.documentID = "0b3d2c1a-5e4f-4a3b-9c8d-7e6f5a4b3c2d"
        let ready = scene.victim.home + "/klar.json"
        try scene.base.write(bytes: DraftCodec.encode(complete, form: form), "klar.json")
        try scene.victim.run(["/bin/cp", scene.base.file("klar.json"), ready])
        let exportName = Exporter(form: form).fileName(for: complete)
        let cases: [(String, String, String)] = [
            ("ln -s \"$0\" \"$1\"", scene.secret, "symbolisk länk"),
            ("ln -s \"$0\" \"$1\"", scene.shared + "/ingenstans.json", "symbolisk länk"),
            ("mkfifo -m 666 \"$1\"", "", "FIFO"),
            ("printf '{}' > \"$1\"; chmod 666 \"$1\"", "", "finns redan"),
        ]
        for (index, (command, argument, expected)) in cases.enumerated() {
            let name = scene.shared + "/ny-\(index).json"
            try scene.plant(command, argument, name)
            let created = try scene.victim.feedback(["new", "--committee", "hsn", "-o", name], in: scene.shared)
            #expect(created.status == 2, "new -o, plant \(index): \(created.stdout)")
            #expect(created.stderr.contains("finns redan"), "new -o, plant \(index): \(created.stderr)")
            let exportPath = exports + "/" + exportName
            _ = unlink(exportPath)
            try scene.plant(command, argument, exportPath)
            let exported = try run("/usr/bin/env", ["timeout", "-s", "KILL", "30"] + scene.victim.command([Paths.binary, "export", "--out", exports, ready]))
            #expect(exported.status == 2, "export, plant \(index): \(exported.stdout) \(exported.stderr)")
            let refusal = index == 3 ? "tillhör användaren" : expected
            #expect(exported.stderr.contains(refusal) && exported.stderr.contains(exportName), "export, plant \(index): \(exported.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: exports).filter { !$0.hasPrefix(".") } == [exportName],
                    "export, plant \(index): something was written")
        }
        #expect(scene.contents(scene.secret) == "HEMLIGT")
        #expect(!FileManager.default.fileExists(atPath: scene.shared + "/ingenstans.json"))
        // The attacker's file named like a temporary file is left alone and reported.
        _ = unlink(exports + "/" + exportName)
        try scene.plant("printf x > \"$0\"", exports + "/." + exportName + ".tmp-1-2")
        let exported = try scene.victim.feedback(["export", "--out", exports, ready])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stderr.contains("lämnades orörd"), "\(exported.stderr)")
        #expect(scene.contents(exports + "/." + exportName + ".tmp-1-2") == "x")
    }

    /// Issue 9, defect 7: after the autosave and the save both failed, the quit dialog offered
    /// "quit anyway (the autosaved text is kept)" when no autosave existed. Now the text goes
    /// to the victim's own state folder, and the message says exactly where, or that it is
    /// nowhere.
    @Test(arguments: [true, false])
    func whenTheDiskRefusesTheTextGoesToTheStateFolder(stateWritable: Bool) throws {
        let scene = try Scene(tag: stateWritable ? "d" : "n")
        let folder = scene.victim.home + "/utkast"
        try scene.victim.run(["/bin/mkdir", "-p", folder, scene.victim.home + "/state"])
        let draft = folder + "/utkast.json"
        #expect(try scene.victim.feedback(["new", "--committee", "hsn", "-o", draft]).status == 0)
        let tmux = try TmuxSession(command: scene.victim.shellCommand([Paths.binary, "fill", draft]), width: 120, height: 30, folder: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter", timeout: 20), "\(tmux.capture())")
        // The disk says no: the folder becomes read-only for the victim (and the state folder too).
        chmod(folder, 0o500)
        if !stateWritable { chmod(scene.victim.home + "/state", 0o500) }
        defer { chmod(folder, 0o700); chmod(scene.victim.home + "/state", 0o700) }
        tmux.sendKeys("M-1", "C-t")
        tmux.type("Text som disken inte tar emot")
        #expect(tmux.waitFor("Text som disken inte tar emot"))
        tmux.sendKeys("C-q")
        #expect(tmux.waitFor("Inte sparat", timeout: 15), "\(tmux.capture())")
        let copies = EmergencyStore(folder: scene.victim.home + "/state/feedback").copies(for: draft)
        if stateWritable {
            #expect(copies.count == 1)
            if let copy = copies.first {
                #expect(try goalsText(copy) == "Text som disken inte tar emot")
                #expect(PosixFileSystem().status(copy, followLinks: false)?.owner == scene.victim.uid)
                #expect(!scene.attackerCanRead(copy))
            }
        } else {
            #expect(copies.isEmpty)
        }
        // Leaving anyway: the last words on the terminal say where the text is.
        tmux.sendKeys("a")
        #expect(tmux.waitForExit(timeout: 15))
        let after = tmux.captureAll().replacingOccurrences(of: "\n", with: "")
        if stateWritable {
            #expect(after.contains("en kopia av texten sparades i " + (copies.first ?? "?")), "\(after)")
        } else {
            #expect(after.contains("texten kunde inte sparas någonstans"), "\(after)")
        }
        #expect(tmux.exitStatus() == 1)
    }
}
