import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// Kill the real program at random moments while typing: nothing typed more than a second
/// before is lost, and the draft is never corrupt. SIGHUP (SSH drops) saves everything.
@Suite("Crashes in tmux", .enabled(if: TmuxSession.isAvailable, "⚠️ SKIPPED: tmux is not installed (apt-get install tmux)"))
struct CrashEndToEndTests {
    let form = shippedForm()

    func start(_ path: String, in folder: TemporaryFolder) throws -> TmuxSession {
        try TmuxSession(command: "exec \(shellQuoted(Paths.binary)) fill \(shellQuoted(path))",
                        environment: ["XDG_DATA_HOME": folder.file("data"), "HOME": folder.path], folder: folder.path)
    }

    /// The text of the goals heading as it would be recovered: the autosave if there is one
    /// (the interface offers it), else the draft. Both must always parse.
    func recovered(_ path: String) throws -> String {
        let draft = try DraftCodec.decode(try FileStore.readLimited(path: path, limit: 1 << 24), file: path, form: form)
        let autosave = DraftFiles.autosavePath(for: path)
        if FileManager.default.fileExists(atPath: autosave) {
            let saved = try DraftCodec.decode(try FileStore.readLimited(path: autosave, limit: 1 << 24), file: autosave, form: form)
            return saved.text(at: .section("goals", "text"))
        }
        return draft.text(at: .section("goals", "text"))
    }

    /// The previous kill left an autosave: the interface offers it (unless it is the same as
    /// the draft, e.g. killed between a save and removing the autosave); take it. The offer is
    /// part of the first frame, but tmux can be read while that frame is still arriving (the
    /// heading drawn, the dialog not yet), so the screen must first stop changing.
    func takeTheAutosaveIfOffered(_ tmux: TmuxSession, round: String) {
        let question = "Återställ autosparad text?"
        #expect(tmux.waitUntil(timeout: 20) { $0.contains(question) || $0.contains("Uppgifter · planperiod") }, "\(round): \(tmux.capture())")
        var last = tmux.capture()
        var steady = 0
        while steady < 5 && !last.contains(question) {
            Thread.sleep(forTimeInterval: 0.1)
            let now = tmux.capture()
            steady = now == last ? steady + 1 : 0
            last = now
        }
        guard last.contains(question) else { return }
        tmux.sendKeys("j")
        #expect(tmux.waitUntil(timeout: 20) { !$0.contains(question) }, "\(round): \(tmux.capture())")
    }

    @Test func killMinusNineNeverLosesMoreThanASecond() throws {
        let folder = TemporaryFolder()
        let path = folder.file("utkast.json")
        #expect(try feedback(["new", "--committee", "hsn", "-o", path]).status == 0)
        var generator = SystemRandomNumberGenerator()
        var word = 0
        var allSent: Set<String> = []
        for round in 0..<8 {
            let hasAutosave = FileManager.default.fileExists(atPath: DraftFiles.autosavePath(for: path))
            let tmux = try start(path, in: folder)
            defer { tmux.kill() }
            if hasAutosave { takeTheAutosaveIfOffered(tmux, round: "round \(round)") }
            #expect(tmux.waitFor("Uppgifter"), "\(tmux.capture())")
            tmux.sendKeys("M-1", "M-t", "C-End")
            #expect(tmux.waitFor("─ Text"))
            var sent: [(word: String, at: Date)] = []
            let until = Date().addingTimeInterval(Double.random(in: 1.5...3.0, using: &generator))
            while Date() < until {
                word += 1
                let w = "ord\(word)"
                tmux.type(" " + w)
                sent.append((w, Date()))
                if round % 3 == 2 && word % 7 == 0 { tmux.sendKeys("C-s") }  // kill in the middle of saves too
                Thread.sleep(forTimeInterval: Double.random(in: 0.01...0.12, using: &generator))
            }
            let pid = try #require(tmux.pid())
            let killedAt = Date()
            Glibc.kill(pid, SIGKILL)
            #expect(tmux.waitForExit(timeout: 20), "round \(round): \(tmux.capture())")
            let text = try recovered(path)
            let words = Set(text.split(separator: " ").map(String.init))
            for entry in sent where killedAt.timeIntervalSince(entry.at) > 1.0 {
                #expect(words.contains(entry.word), "round \(round): \(entry.word), typed \(killedAt.timeIntervalSince(entry.at)) s before the kill, was lost")
            }
            // Nothing is ever made up or reordered: the words are in the order typed. A word
            // being typed at the kill may be cut short (a prefix of what was sent).
            allSent.formUnion(sent.map(\.word))
            var numbers: [Int] = []
            let pieces = text.split(separator: " ").map(String.init)
            for (index, piece) in pieces.enumerated() {
                // The word being typed at the kill may be cut short: "ord246" kept as "ord2"
                // is that word, not a second "ord2".
                if index == pieces.count - 1, let last = sent.last?.word, last.hasPrefix(piece) { continue }
                if allSent.contains(piece), let n = Int(piece.dropFirst(3)) {
                    numbers.append(n)
                } else {
                    #expect(allSent.contains { $0.hasPrefix(piece) }, "round \(round): \(piece.debugDescription) was never typed")
                }
            }
            #expect(numbers == numbers.sorted(), "round \(round): words out of order in \(text.debugDescription)")
        }
        // Finally: open, take the autosave, quit normally: the draft holds it all.
        let hasAutosave = FileManager.default.fileExists(atPath: DraftFiles.autosavePath(for: path))
        let tmux = try start(path, in: folder)
        defer { tmux.kill() }
        if hasAutosave { takeTheAutosaveIfOffered(tmux, round: "the last opening") }
        #expect(tmux.waitFor("Uppgifter"))
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit(timeout: 20), "\(tmux.capture())")
        #expect(!FileManager.default.fileExists(atPath: DraftFiles.autosavePath(for: path)))
        let final = try DraftCodec.decode(try FileStore.readLimited(path: path, limit: 1 << 24), file: path, form: form)
        #expect(final.text(at: .section("goals", "text")).contains("ord1 "))
    }

    @Test(arguments: [SIGHUP, SIGTERM])
    func hangUpAndTerminateSaveEverything(signal: Int32) throws {
        let folder = TemporaryFolder()
        let path = folder.file("utkast.json")
        #expect(try feedback(["new", "--committee", "hsn", "-o", path]).status == 0)
        let tmux = try start(path, in: folder)
        defer { tmux.kill() }
        #expect(tmux.waitFor("Uppgifter"))
        tmux.sendKeys("M-2", "M-t")
        tmux.type("Skrivet precis innan linjen bröts")
        #expect(tmux.waitFor("Skrivet precis innan linjen bröts"))
        let pid = try #require(tmux.pid())
        Glibc.kill(pid, signal)
        #expect(tmux.waitForExit())
        #expect(tmux.exitStatus() == 0)
        let draft = try DraftCodec.decode(try FileStore.readLimited(path: path, limit: 1 << 24), file: path, form: form)
        #expect(draft.text(at: .section("development", "text")) == "Skrivet precis innan linjen bröts")
        #expect(!FileManager.default.fileExists(atPath: DraftFiles.lockPath(for: path)))
    }

    @Test func secondOpenerGetsAReadOnlyViewThatFollowsTheHolderAndCanTakeOver() throws {
        let folder = TemporaryFolder()
        let path = folder.file("utkast.json")
        #expect(try feedback(["new", "--committee", "hsn", "-o", path]).status == 0)
        let first = try start(path, in: folder)
        defer { first.kill() }
        #expect(first.waitFor("Uppgifter"))
        let second = try start(path, in: folder)
        defer { second.kill() }
        #expect(second.waitFor("skrivskyddat"), "\(second.capture())")
        #expect(second.capture().contains("(process \(first.pid() ?? 0))"), "\(second.capture())")
        #expect(!second.capture().contains("^S Spara"), "the read-only window offers ^S: \(second.capture())")
        second.sendKeys("M-1", "M-t")
        second.type("x")
        second.sendKeys("C-s")
        #expect(second.waitFor("sparar en kopia under ett annat namn"), "\(second.capture())")
        second.sendKeys("Escape")
        // The holder writes and saves: the read-only window shows it.
        first.sendKeys("M-1", "M-t")
        first.type("Första skriver")
        first.sendKeys("C-s")
        #expect(first.waitFor("✓ sparat"))
        #expect(second.waitFor("Första skriver", timeout: 10), "\(second.capture())")
        #expect(second.capture().contains("Uppdaterat"))
        // The holder leaves: the second window is offered the draft and takes it over.
        first.sendKeys("C-q")
        #expect(first.waitForExit())
        #expect(second.waitFor("Utkastet är ledigt", timeout: 10), "\(second.capture())")
        second.sendKeys("j")
        #expect(second.waitFor("Du har tagit över utkastet"), "\(second.capture())")
        second.sendKeys("C-End")
        second.type(", andra tar över")
        second.sendKeys("C-q")
        #expect(second.waitForExit())
        let draft = try DraftCodec.decode(try FileStore.readLimited(path: path, limit: 1 << 24), file: path, form: form)
        #expect(draft.text(at: .section("goals", "text")) == "Första skriver, andra tar över")
        #expect(!FileManager.default.fileExists(atPath: DraftFiles.lockPath(for: path)))
    }
}
