import Foundation
import Testing
import TestSupport
@testable import FeedbackModel

/// Next year without a developer: the shipped form through `form next`, a committee added,
/// a round opened with it, and a secretary whose only setting is the inbox getting the
/// round's form in `new` and on the start screen.
@Suite(.serialized) struct NextYearRoundTests {
    let folder = TemporaryFolder()
    var forms: String { folder.file("forms") }
    var inbox: String { folder.file("inkorg") }
    var nextForm: String { forms + "/pf-aterkoppling-2029.yaml" }
    let now = "2028-03-20T08:00:30Z"

    /// Board staff: their forms folder, no inbox setting.
    var staff: [String: String] { ["FEEDBACK_NOW": now, "XDG_DATA_HOME": folder.file("staff-data"), "FEEDBACK_FORMS": forms] }
    /// The secretary: only the inbox is set (no forms folder of their own).
    var secretary: [String: String] {
        ["FEEDBACK_NOW": now, "XDG_DATA_HOME": folder.file("data"), "FEEDBACK_FORMS": folder.file("no-forms"),
         "FEEDBACK_INBOX": inbox, "HOME": folder.path, "FEEDBACK_TODAY": "2028-03-20"]
    }

    func makeNextYear() throws {
        try FileManager.default.createDirectory(atPath: forms, withIntermediateDirectories: true)
        let next = try feedback(["form", "next", Paths.root + "/Forms/pf-aterkoppling-2028.yaml", "-o", nextForm], environment: staff)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("formuläret pf-aterkoppling-2029 version 1"))
        var text = try String(contentsOfFile: nextForm, encoding: .utf8)
        for expected in ["id: pf-aterkoppling-2029\n", "version: 1\n", "firstYear: 2029\n", "Planeringsförutsättningar 2029–2032",
                         "date: \"2028-04-16\"", "minDate: \"2028-01-01\"", "# Formulär: Nämndens återkoppling", "\nreview:\n"] {
            #expect(text.contains(expected), "\(expected)")
        }
        // The same file twice is refused; `forms` shows what is left to review.
        #expect(try feedback(["form", "next", Paths.root + "/Forms/pf-aterkoppling-2028.yaml", "-o", nextForm], environment: staff).status == 2)
        let listed = try feedback(["forms"], environment: staff)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("pf-aterkoppling-2029 v1"))
        #expect(listed.stdout.contains("att granska innan formuläret skickas ut"))
        #expect(listed.stdout.contains("committees: se över nämndlistan"))

        // Board staff review: a new committee, the review list removed.
        text = text.replacingOccurrences(of: "committees:\n", with: "committees:\n  - id: nyn\n    name: \"Nya nämnden\"\n    nameEn: \"New Committee\"\n")
        let review = try #require(text.range(of: "\n# Att granska innan"))
        text = String(text[..<review.lowerBound]) + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: nextForm))
        let checked = try feedback(["forms"], environment: staff)
        #expect(!checked.stdout.contains("att granska"))
        #expect(checked.stdout.contains("nyn=Nya nämnden"))
    }

    @Test func nextYearsRoundWithoutADeveloper() throws {
        try makeNextYear()
        let created = try feedback(["board", "init", "--form", "pf-aterkoppling-2029", inbox], environment: staff)
        #expect(created.status == 0, "\(created.stderr)")

        // The secretary's `new` without --form takes the round's form from the inbox.
        let draftPath = folder.file("nyn.json")
        let new = try feedback(["new", "--committee", "nyn", "-o", draftPath], environment: secretary)
        #expect(new.status == 0, "\(new.stderr)")
        let draft = try JSONParser.parse(try FileStore.readLimited(path: draftPath, limit: 1 << 22))
        #expect(draft.objectValue?["form"]?.objectValue?["id"] == .string("pf-aterkoppling-2029"), "\(draft)")
        // The draft opens with the form it was made with (read from the inbox), not the built-in one.
        let validated = try feedback(["validate", draftPath], environment: secretary)
        #expect(validated.status == 1)
        #expect(!validated.stderr.contains("okänt formulär"), "\(validated.stderr)")

        // The round itself: a complete draft of the new committee handed in and received.
        let form = try #require(FormCatalog.load(folder: forms).latest(id: "pf-aterkoppling-2029"))
        var complete = BoardSamples.draft(form, committee: "nyn", index: 8)
        complete.metadata["meetingDate"] = .text("2028-03-18")
        let completePath = folder.file("nyn-klar.json")
        try folder.write(bytes: DraftCodec.encode(complete, form: form), "nyn-klar.json")
        let submitted = try feedback(["submit", completePath], environment: secretary)
        #expect(submitted.status == 0, "\(submitted.stderr)")
        #expect(try feedback(["board", "receive", inbox], environment: staff).status == 0)
        let status = try feedback(["board", "status", inbox], environment: staff)
        #expect(status.stdout.contains("9 nämnder: 1 mottagna (1 beslutad)"), "\(status.stdout)")
    }

    /// A form copy in the inbox that others may write is not trusted.
    @Test func aWritableFormCopyIsNotUsed() throws {
        try makeNextYear()
        #expect(try feedback(["board", "init", "--form", "pf-aterkoppling-2029", inbox], environment: staff).status == 0)
        chmod(inbox + "/form.yaml", 0o666)
        let new = try feedback(["new", "--committee", "hsn", "-o", folder.file("hsn.json")], environment: secretary)
        #expect(new.stderr.contains("får skrivas av andra"), "\(new.stderr)")
        let draft = try JSONParser.parse(try FileStore.readLimited(path: folder.file("hsn.json"), limit: 1 << 22))
        #expect(draft.objectValue?["form"]?.objectValue?["id"] != .string("pf-aterkoppling-2029"))
    }

    @Test(.enabled(if: TmuxSession.isAvailable)) func theStartScreenShowsTheRoundsForm() throws {
        try makeNextYear()
        #expect(try feedback(["board", "init", "--form", "pf-aterkoppling-2029", inbox], environment: staff).status == 0)
        let tmux = try TmuxSession(command: "exec \(shellQuoted(Paths.binary))", environment: secretary, folder: folder.path)
        #expect(tmux.waitFor("planeringsförutsättningar 2029–2032"), "\(tmux.capture())")
        #expect(tmux.waitFor("Planperiod 2029–2032"))
        tmux.sendKeys("C-q")
        #expect(tmux.waitForExit())
    }
}
