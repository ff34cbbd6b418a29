import Testing
import TestSupport
@testable import FeedbackInterface
@testable import FeedbackModel

/// Saving, quitting, exporting, save as, the second window: what the session asks the shell
/// to do, and what it says when the shell reports back.
@Suite struct FilesTests {
    func isQuit(_ command: AppCommand) -> Bool { if case .session(.quit) = command { return true } else { return false } }

    @Test func saveAndQuitIssueCommands() {
        var h = Harness()
        h.goToSection(1)
        h.type("text")
        h.press(.control("s"))
        guard let (draft, path) = h.takeDraftSave() else {
            Issue.record("no save command")
            return
        }
        #expect(path == "/tmp/utkast.json")
        #expect(draft.revision == 1)
        #expect(draft.text(at: .section("goals", "text")) == "text")
        h.event(.saveFinished(draft, path: path, purpose: .draft, failure: nil, emergencyCopy: nil))
        #expect(h.text().contains("✓ sparat"))
        #expect(h.takeCommands().contains { if case .session(.removeAutosave("/tmp/utkast.json")) = $0 { return true } else { return false } })
        h.press(.control("q"))
        #expect(h.takeCommands().contains(where: isQuit))
    }

    @Test func aFailedSaveWhileQuittingSaysWhereTheTextIs() {
        var h = Harness()
        h.goToSection(1)
        h.type("viktig text")
        h.press(.control("q"))
        let error = StoreError(path: "/tmp/utkast.json", operation: "write", kind: .diskFull)
        h.finishSave(failure: .store(error), emergencyCopy: "/home/anna/.local/state/feedback/utkast-20261201.json")
        #expect(!h.takeCommands().contains(where: isQuit))
        h.expectScreen("quit-failed-with-copy")
        // Nowhere: the dialog says so, it does not promise an autosave.
        var nowhere = Harness()
        nowhere.goToSection(1)
        nowhere.type("viktig text")
        nowhere.press(.control("q"))
        nowhere.finishSave(failure: .store(error), emergencyCopy: nil)
        #expect(nowhere.text().contains("Ingen kopia kunde skrivas någonstans"))
        #expect(!nowhere.text().contains("autosparade"))
        // Save elsewhere, then quit.
        nowhere.press(.character("s"))
        nowhere.press(.control("u"))
        nowhere.type("/annan/plats.json")
        nowhere.press(.enter)
        guard case .session(.save(let copy, "/annan/plats.json", .copy(replace: false)))? = nowhere.takeCommands().last else {
            Issue.record("save as did not save")
            return
        }
        #expect(copy.text(at: .section("goals", "text")) == "viktig text")
        nowhere.event(.saveFinished(copy, path: "/annan/plats.json", purpose: .copy(replace: false), failure: nil, emergencyCopy: nil))
        #expect(nowhere.takeCommands().contains(where: isQuit))
    }

    @Test func saveAsMakesACopyWithItsOwnIdAndTheLockMovesWithIt() {
        var h = Harness()
        h.press(.control("w"))
        #expect(h.text().contains("/tmp/utkast-kopia.json"))
        h.press(.enter)
        guard case .session(.save(let copy, "/tmp/utkast-kopia.json", .copy(replace: false)))? = h.takeCommands().last else {
            Issue.record("no save as")
            return
        }
        #expect(copy.documentID == "copy-1")
        // A file of that name exists: nothing is replaced without asking.
        h.event(.saveFinished(copy, path: "/tmp/utkast-kopia.json", purpose: .copy(replace: false), failure: .exists, emergencyCopy: nil))
        h.expectScreen("save-as-file-exists")
        h.press(.character("j"))
        guard case .session(.save(_, "/tmp/utkast-kopia.json", .copy(replace: true)))? = h.takeCommands().last else {
            Issue.record("no replacing save")
            return
        }
        h.event(.saveFinished(copy, path: "/tmp/utkast-kopia.json", purpose: .copy(replace: true), failure: nil, emergencyCopy: nil))
        let commands = h.takeCommands()
        #expect(commands.contains { if case .session(.releaseLock) = $0 { return true } else { return false } })
        #expect(commands.contains { if case .session(.takeLock("/tmp/utkast-kopia.json")) = $0 { return true } else { return false } })
        #expect(commands.contains { if case .session(.removeAutosave("/tmp/utkast.json")) = $0 { return true } else { return false } })
        #expect(h.session.path == "/tmp/utkast-kopia.json")
        #expect(h.draft().documentID == "copy-1")
    }

    @Test func theDraftChangedOnDiskIsNotOverwrittenWithoutAsking() {
        var h = Harness()
        h.goToSection(1)
        h.type("min text")
        h.press(.control("s"))
        h.finishSave(failure: .changedOnDisk)
        h.expectScreen("changed-on-disk")
        h.press(.character("j"))
        guard case .session(.save(_, "/tmp/utkast.json", .draftOverwriting))? = h.takeCommands().last else {
            Issue.record("no overwriting save")
            return
        }
    }

    @Test func exportSavesFirstAndNamesTheFileWritten() {
        var draft = SampleDrafts.complete(shippedForm())
        draft.sections["economy"]!["risks"] = .table([])
        var h = Harness(draft: draft)
        h.goToSection(6)
        h.typeAfterTheDecision(" Ett tillägg.")
        h.press(.control("e"), .character("1"))
        h.expectScreen("export-review-unsaved")
        h.press(.character("j"))
        // Unsaved changes: the draft is saved first, as the next revision.
        guard let (saved, path) = h.takeDraftSave() else {
            Issue.record("export did not save first")
            return
        }
        #expect(saved.revision == draft.revision + 1)
        h.event(.saveFinished(saved, path: path, purpose: .draft, failure: nil, emergencyCopy: nil))
        guard case .session(.export(let exported, "/srv/export"))? = h.takeCommands().last(where: {
            if case .session(.export) = $0 { return true } else { return false }
        }) else {
            Issue.record("no export after the save")
            return
        }
        // The export carries the saved revision and the saved content.
        #expect(exported.revision == saved.revision)
        #expect(exported.text(at: .section("other", "text")) == saved.text(at: .section("other", "text")))
        let outcome = ExportWriter.Outcome(path: "/srv/export/pf-aterkoppling-2028_hsn_r\(saved.revision).json",
                                           contentSha256: String(repeating: "ab", count: 32), unchanged: false)
        h.event(.exportFinished(.success(outcome)))
        h.expectScreen("export-done")
        // Nothing unsaved: a second export goes straight to the export.
        h.press(.escape, .control("e"), .character("1"), .character("j"))
        #expect(h.takeDraftSave() == nil)
    }

    @Test func exportIsBlockedByErrors() {
        var h = Harness()
        h.press(.control("e"), .character("1"))
        #expect(h.text().contains("Exporten stoppas av 8 fel"))
        h.press(.character("j"))
        #expect(!h.takeCommands().contains { if case .session(.export) = $0 { return true } else { return false } })
    }

    @Test func aReadOnlyWindowSaysSoExplainsAndOffersToTakeOver() {
        let reason = ReadOnlyReason(message: "utkastet är öppet hos anna på server1 (process 4711) sedan 2026-12-01 08:56", canTakeOver: true)
        var h = Harness(draft: SampleDrafts.complete(shippedForm()), readOnly: reason)
        h.expectScreen("read-only")
        #expect(!h.lines()[23].contains("^S"))
        h.goToSection(1)
        let before = h.draft()
        h.type("x")
        #expect(h.draft() == before)
        h.press(.control("s"))
        h.expectScreen("read-only-save-explained")
        h.press(.escape)
        // The holder saved: the window shows the new version.
        var newer = before
        newer.sections["goals"]!["text"] = .text("Ny text från det andra fönstret.")
        newer.modified = Timestamp(secondsSinceEpoch: before.modified.secondsSinceEpoch + 60)
        h.event(.changedOnDisk(newer))
        #expect(h.draft().text(at: .section("goals", "text")) == "Ny text från det andra fönstret.")
        #expect(h.text().contains("Uppdaterat"))
        // The holder left: take over.
        h.event(.lockReleased)
        #expect(h.text().contains("Ta över det och redigera"))
        h.press(.character("j"))
        guard case .session(.takeOver("/tmp/utkast.json"))? = h.takeCommands().last else {
            Issue.record("no take over")
            return
        }
        h.event(.tookOver(newer, problem: nil))
        #expect(h.session.readOnly == nil)
        h.type("y")
        #expect(h.draft().text(at: .section("goals", "text")).contains("y"))
    }

    @Test func restoreOfferShowsWhatDiffersInLocalTime() {
        let form = shippedForm()
        let draft = SampleDrafts.complete(form)
        var newer = draft
        newer.sections["goals"]!["text"] = .text(draft.text(at: .section("goals", "text")) + " Ytterligare text.")
        var h = Harness(draft: draft)
        h.app.offerRestore(newer)
        h.expectScreen("restore-offer")
        h.press(.character("j"))
        #expect(h.draft().text(at: .section("goals", "text")).hasSuffix("Ytterligare text."))
        #expect(h.session.unsaved)
    }

    @Test func autosaveIsDueSoonAfterTyping() {
        var h = Harness()
        h.goToSection(1)
        h.type("a")
        #expect(!h.takeCommands().contains { if case .session(.autosave) = $0 { return true } else { return false } })
        h.now += 0.5
        let commands = h.app.handle(.tick, now: h.now)
        #expect(commands.contains { if case .session(.autosave) = $0 { return true } else { return false } })
        var saves = 0
        for c in String(repeating: "x", count: 40) {
            h.now += 0.05
            for command in h.app.handle(.key(.character(c)), now: h.now) {
                if case .session(.autosave) = command { saves += 1 }
            }
        }
        #expect(saves >= 2)
    }

    @Test func noAutosaveBesideASaveOfTheDraft() {
        var h = Harness()
        h.goToSection(1)
        h.type("text")
        h.now += 2  // an autosave is due
        let commands = h.app.handle(.key(.control("s")), now: h.now)
        #expect(commands.contains { if case .session(.save) = $0 { return true } else { return false } })
        #expect(!commands.contains { if case .session(.autosave) = $0 { return true } else { return false } })
    }

    @Test func theHeaderNeverCutsTheStatusOrTheSaveState() {
        var draft = SampleDrafts.complete(shippedForm())
        draft.metadata["committee"] = .text("run")
        draft.metadata["status"] = .text("klar-for-beslut")
        var h = Harness(draft: draft)
        h.goToSection(1)
        h.type("x")
        let header = h.lines()[0]
        #expect(header.contains("klar för beslut"))
        #expect(header.contains("✎ ej sparat"))
    }
}
