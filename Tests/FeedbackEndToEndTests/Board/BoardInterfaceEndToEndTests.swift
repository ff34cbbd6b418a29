import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// The board's overview and the secretary's hand-in with the built binary in a real
/// terminal (tmux): `feedback board` opens committees' accepted exports read-only, and a
/// draft handed in from Ctrl-E shows the board's receipt once `board receive` has run.
@Suite("Board in tmux", .serialized, .enabled(if: TmuxSession.isAvailable, "⚠️ SKIPPED: tmux is not installed (apt-get install tmux)"))
struct BoardInterfaceEndToEndTests {
    let round = BoardRound()
    var form: FormDefinition { round.form }
    let onTime = "2027-04-14T08:00:30Z"

    func environment() -> [String: String] {
        round.environment(now: onTime).merging(["HOME": round.folder.path, "FEEDBACK_TODAY": "2027-04-14"]) { _, new in new }
    }

    func start(_ arguments: String, extra: [String: String] = [:]) throws -> TmuxSession {
        try TmuxSession(command: "exec \(shellQuoted(Paths.binary)) \(arguments)",
                        environment: environment().merging(extra) { _, new in new }, folder: round.folder.path)
    }

    @Test func theOverviewOpensEachAcceptedExportAndGoesBack() throws {
        #expect(try feedback(["board", "init", round.inbox], environment: environment()).status == 0)
        for (index, committee) in ["hsn", "kn"].enumerated() {
            let draft = BoardSamples.draft(form, committee: committee, index: index + 1, revision: 4,
                                           status: committee == "kn" ? "klar-for-beslut" : "beslutad")
            let path = try round.writeDraft(draft, name: "\(committee).json")
            let handedIn = try feedback(["submit", path, "--inbox", round.inbox], environment: environment())
            #expect(handedIn.status == 0, "\(handedIn.stderr)")
        }
        let received = try feedback(["board", "receive", round.inbox], environment: environment())
        #expect(received.status == 0, "\(received.stdout)\(received.stderr)")

        let tmux = try start("board \(shellQuoted(round.inbox))")
        defer { tmux.kill() }
        #expect(tmux.waitFor("Omgångens överblick"), "\(tmux.capture())")
        let overview = tmux.capture()
        #expect(overview.contains("Hälso- och sjukvårdsnämnden   mottagen r4"), "\(overview)")
        #expect(overview.contains("Regionstyrelsen") && overview.contains("saknas"))
        #expect(overview.contains("8 nämnder: 2 mottagna (1 beslutad)"), "\(overview)")
        // Regionstyrelsen (first) has nothing: Enter says so.
        tmux.sendKeys("Enter")
        #expect(tmux.waitFor("har inte lämnat in något ännu"), "\(tmux.capture())")
        // Hälso- och sjukvårdsnämnden: its export, read-only, with the receipt.
        tmux.sendKeys("Down", "Enter")
        #expect(tmux.waitFor("mottagen export r4, kvitterad 2027-04-14 10:00"), "\(tmux.capture())")
        #expect(tmux.capture().contains("⊘ skrivskyddat"))
        tmux.sendKeys("M-1")
        #expect(tmux.waitFor("Hälso- och sjukvårdsnämnden om rubrik 1."), "\(tmux.capture())")
        tmux.type("ändrat")
        #expect(tmux.waitFor("Skrivskyddat:"), "\(tmux.capture())")
        // Alt-N: the next committee with an accepted export (Kulturnämnden).
        tmux.sendKeys("M-n")
        #expect(tmux.waitFor("Kulturnämnden om rubrik 1."), "the next committee opens on the same heading: \(tmux.capture())")
        #expect(tmux.capture().contains("klar för beslut"), "\(tmux.capture())")
        // Ctrl-Q: back to the overview (not out of the program), Kulturnämnden selected.
        tmux.sendKeys("C-q")
        #expect(tmux.waitFor("Omgångens överblick"), "\(tmux.capture())")
        #expect(tmux.capture().contains("Kulturnämnden: mottagen r4"), "\(tmux.capture())")
        tmux.sendKeys("q")
        #expect(tmux.waitForExit())
        #expect(tmux.exitStatus() == 0)
        // Nothing was written into the inbox's archive.
        let archived = round.files("accepted")
        #expect(archived.count == 2, "\(archived)")
    }

    @Test func aDraftHandedInFromTheInterfaceShowsItsReceipt() throws {
        #expect(try feedback(["board", "init", round.inbox], environment: environment()).status == 0)
        let drafts = round.folder.file("data/feedback")
        try FileManager.default.createDirectory(atPath: drafts, withIntermediateDirectories: true)
        try Data(DraftCodec.encode(BoardSamples.draft(form, committee: "hsn", index: 1, revision: 2), form: form))
            .write(to: URL(fileURLWithPath: drafts + "/hsn.json"))

        let tmux = try start("", extra: ["FEEDBACK_INBOX": round.inbox])
        defer { tmux.kill() }
        #expect(tmux.waitFor("Dina utkast"), "\(tmux.capture())")
        tmux.sendKeys("Enter")
        #expect(tmux.waitFor("Uppgifter · planperiod"), "\(tmux.capture())")
        tmux.sendKeys("C-e")
        #expect(tmux.waitFor("2  Lämna in till regionstyrelsen"), "\(tmux.capture())")
        tmux.sendKeys("2")
        #expect(tmux.waitFor("Inkorg: \(round.inbox)"), "\(tmux.capture())")
        tmux.sendKeys("j")
        #expect(tmux.waitFor("Inlämnat till regionstyrelsen"), "\(tmux.capture())")
        #expect(round.files("incoming").count == 1, "\(round.files("incoming"))")
        tmux.sendKeys("x")
        // The board receives; the open draft hears of the receipt within seconds.
        let received = try feedback(["board", "receive", round.inbox], environment: environment())
        #expect(received.status == 0, "\(received.stdout)\(received.stderr)")
        #expect(tmux.waitFor("Regionstyrelsen: kvitterad 2027-04-14 10:00", timeout: 20), "\(tmux.capture())")
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit())

        // The start screen says it too, on the draft's line.
        let again = try start("", extra: ["FEEDBACK_INBOX": round.inbox])
        defer { again.kill() }
        #expect(again.waitFor("Dina utkast"), "\(again.capture())")
        #expect(again.capture().contains("hsn.json · HSN 2027/45 · kvitterad 2027-04-14 10:00"), "\(again.capture())")
        again.sendKeys("q")
        #expect(again.waitForExit())
    }

    @Test func inAPipeTheOverviewIsTheStatusText() throws {
        #expect(try feedback(["board", "init", round.inbox], environment: environment()).status == 0)
        let result = try feedback(["board", round.inbox], environment: environment())
        #expect(result.status == 1)
        #expect(result.stdout.contains("8 nämnder: 0 mottagna"), "\(result.stdout)")
    }
}
