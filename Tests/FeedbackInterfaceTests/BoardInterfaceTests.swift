import FeedbackModel
import Testing
import TestSupport
@testable import FeedbackInterface

/// The board's overview (`feedback board`) and a committee's export opened from it; the
/// secretary's hand-in from the Ctrl-E menu and the board's receipt on the start screen and
/// in the open draft.
struct BoardInterfaceTests {
    let form = shippedForm()

    func overview() -> BoardOverview {
        BoardOverview(
            title: "Återkoppling på planeringsförutsättningar 2027–2030 (pf-aterkoppling v1), sista dag 2027-04-15",
            inbox: "/srv/pf-2027",
            rows: [
                BoardRow(committeeID: "rs", name: "Regionstyrelsen", kind: .missing, state: "saknas"),
                BoardRow(committeeID: "hsn", name: "Hälso- och sjukvårdsnämnden", kind: .decided,
                         state: "mottagen r7 2027-04-14 10:00, i tid, Beslutad, 6 av 6 rubriker klara, av anna"),
                BoardRow(committeeID: "run", name: "Regionala utvecklingsnämnden", kind: .refused,
                         state: "avvisad 2027-04-14 10:02: revisionen 2 är inte nyare än den godkända 3"),
                BoardRow(committeeID: "pn", name: "Patientnämnden", kind: .received,
                         state: "mottagen r3 2027-04-19 09:00, sen, Klar för beslut, 6 av 6 rubriker klara, av per", late: true),
                BoardRow(committeeID: "kn", name: "Kulturnämnden", kind: .missing, state: "saknas"),
                BoardRow(committeeID: "tn", name: "Tandvårdsnämnden", kind: .decided,
                         state: "mottagen r2 2027-04-13 15:40, i tid, Beslutad, 6 av 6 rubriker klara, av lisa"),
            ],
            summary: "6 nämnder: 3 mottagna (2 beslutade), 1 avvisade, 2 saknas; 1 sena. Omgången är inte klar: 4 saknar en godkänd, beslutad återkoppling.")
    }

    func exportSession(committee: String, readOnly: String = "mottagen export r7, kvitterad 2027-04-14 10:00 (i tid)") -> EditorSession {
        EditorSession(form: form, draft: SampleDrafts.complete(form, committee: committee, revision: 7), path: "/tmp/\(committee).json",
                      language: .sv, exportFolder: "/srv/export", readOnly: ReadOnlyReason(message: readOnly), time: .utc)
    }

    @Test func theOverviewShowsEveryCommitteeAndTheSummary() {
        var h = Harness(board: BoardScreen(overview: overview(), language: .sv))
        h.expectScreen("board-overview")
        h.press(.down)
        h.expectScreen("board-overview-selected")
        var en = Harness(board: BoardScreen(overview: overview(), language: .en))
        #expect(en.text().contains(" The round's overview"))
        en.press(.control("g"))
        #expect(en.text().contains("In the board's overview (feedback board)"))
        #expect(en.text().contains("In a committee's export, opened from the overview"))
    }

    @Test func enterOpensOnlyAcceptedExports() {
        var h = Harness(board: BoardScreen(overview: overview(), language: .sv))
        h.press(.enter)
        #expect(h.takeCommands().isEmpty)
        #expect(h.text().contains("Regionstyrelsen har inte lämnat in något ännu."))
        h.press(.down, .down, .enter)
        #expect(h.takeCommands().isEmpty)
        #expect(h.text().contains("Regionala utvecklingsnämnden har ingen godkänd export: avvisad"))
        h.press(.up, .enter)
        let commands = h.takeCommands()
        guard case .openCommittee(1)? = commands.first else {
            Issue.record("expected to open row 1, got \(commands)")
            return
        }
        h.press(.character("r"))
        guard case .reloadBoard? = h.takeCommands().first else {
            Issue.record("r does not read the inbox again")
            return
        }
        h.press(.character("q"))
        guard case .quit? = h.takeCommands().first else {
            Issue.record("q does not quit")
            return
        }
    }

    @Test func aCommitteesExportOpensReadOnlyAndLeadsOnAndBack() {
        var h = Harness(board: BoardScreen(overview: overview(), language: .sv))
        h.app.openFromBoard(exportSession(committee: "hsn"), row: 1)
        h.expectScreen("board-committee-export")
        // Nothing can be changed in it.
        h.goToSection(1)
        h.type("x")
        #expect(h.text().contains("Skrivskyddat"))
        #expect(!h.draft().text(at: .section("goals", "text")).hasSuffix("x"))
        // Alt-N: the next committee with an accepted export (pn, row 3; run was refused).
        _ = h.takeCommands()
        h.press(.alt("n"))
        var commands = h.takeCommands()
        #expect(commands.contains { if case .openCommittee(3) = $0 { return true } else { return false } }, "\(commands)")
        #expect(h.app.session == nil, "the export closes before the next one opens")
        h.app.openFromBoard(exportSession(committee: "pn"), row: 3)
        #expect(h.app.session?.pageIndex == h.app.session?.pageIndex(for: .section("goals", "text")), "the next committee opens on the same heading")
        h.press(.alt("n"))
        commands = h.takeCommands()
        #expect(commands.contains { if case .openCommittee(5) = $0 { return true } else { return false } }, "\(commands)")
        h.app.openFromBoard(exportSession(committee: "tn"), row: 5)
        // The last one: Alt-N says so and stays.
        h.press(.alt("n"))
        #expect(!h.takeCommands().contains { if case .openCommittee = $0 { return true } else { return false } })
        #expect(h.text().contains("Efter den här finns ingen nämnd med en godkänd export."))
        // Alt-P goes back to pn; Ctrl-Q back to the overview with tn still selected.
        h.press(.alt("p"))
        #expect(h.takeCommands().contains { if case .openCommittee(3) = $0 { return true } else { return false } })
        h.app.openFromBoard(exportSession(committee: "tn"), row: 5)
        h.press(.control("q"))
        #expect(h.app.session == nil)
        #expect(!h.takeCommands().contains { if case .quit = $0 { return true } else { return false } }, "Ctrl-Q in an export must not quit the program")
        #expect(h.app.board?.selected == 5)
        #expect(h.text().contains("Omgångens överblick"))
    }

    @Test func theExportsFindingsAndHelpWork() {
        var h = Harness(board: BoardScreen(overview: overview(), language: .sv))
        h.app.openFromBoard(exportSession(committee: "hsn"), row: 1)
        h.press(.control("f"))
        #expect(h.text().contains("Kontroll"))
        h.press(.escape)
        // Ctrl-Q inside a dialog is the dialog's, not "back to the overview".
        h.press(.control("e"))
        h.press(.control("q"))
        #expect(h.app.session != nil)
    }

    // MARK: - The secretary's side

    func complete() -> Draft { SampleDrafts.complete(form, committee: "hsn", revision: 3) }

    @Test func withoutAnInboxTheMenuSaysHowToSetOne() {
        var h = Harness(draft: complete())
        h.press(.control("e"))
        #expect(h.text().contains("2  Lämna in till regionstyrelsen (ingen inkorg inställd)"))
        h.type("2")
        h.expectScreen("hand-in-no-inbox")
        #expect(!h.takeCommands().contains { if case .session(.submit) = $0 { return true } else { return false } })
    }

    @Test func handingInSavesFirstThenSubmitsAndShowsWhereItWent() {
        var h = Harness(draft: complete())
        h.app.session!.setBoard(inbox: "/srv/pf-2027", note: nil)
        h.goToSection(2)
        h.typeAfterTheDecision(" Ny mening.")
        h.press(.control("e"))
        h.type("2")
        #expect(h.text().contains("Lämna in till regionstyrelsen"))
        #expect(h.text().contains("Inkorg: /srv/pf-2027"))
        _ = h.takeCommands()
        h.press(.character("j"))
        // Unsaved: saved first, then handed in with the saved revision.
        guard let (saved, _) = h.takeDraftSave() else {
            Issue.record("the draft was not saved first")
            return
        }
        h.event(.saveFinished(saved, path: "/tmp/utkast.json", purpose: .draft, failure: nil, emergencyCopy: nil))
        let commands = h.takeCommands()
        guard case .session(.submit(let handedIn, _))? = commands.first(where: { if case .session(.submit) = $0 { return true } else { return false } }) else {
            Issue.record("no hand-in after the save: \(commands)")
            return
        }
        #expect(handedIn.revision == saved.revision)
        #expect(handedIn.text(at: .section("development", "text")).contains("Ny mening."))
        h.event(.submitFinished(.handedIn(path: "/srv/pf-2027/incoming/pf-aterkoppling-2027_hsn_r4-0a1b2c3d.json",
                                          contentSha256: String(repeating: "ab", count: 32),
                                          note: HandInNote(kind: .waiting, text: "inlämnad 2027-04-14 10:00, väntar på kvittens"))))
        h.expectScreen("hand-in-done")
        h.press(.character("x"))
        // The receipt comes: the status line says so, and the menu.
        h.event(.handInChanged(HandInNote(kind: .accepted, text: "kvitterad 2027-04-14 10:02")))
        #expect(h.text().contains("Regionstyrelsen: kvitterad 2027-04-14 10:02"))
        h.press(.control("e"))
        #expect(h.text().contains("Lämna in till regionstyrelsen – kvitterad 2027-04-14 10:02"))
    }

    @Test func errorsBlockAHandInAsTheyBlockAnExport() {
        var h = Harness()
        h.app.session!.setBoard(inbox: "/srv/pf-2027", note: nil)
        h.press(.control("e"))
        h.type("2")
        #expect(h.text().contains("Inlämningen stoppas av"))
        h.press(.character("j"))
        #expect(!h.takeCommands().contains { if case .session(.submit) = $0 { return true } else { return false } })
    }

    @Test func aRefusalAndAnUntrustedReceiptAreShownAsSuch() {
        var h = Harness(draft: complete())
        h.app.session!.setBoard(inbox: "/srv/pf-2027", note: HandInNote(kind: .refused, text: "avvisad 2027-04-14 10:02: revisionen är inte nyare"))
        #expect(h.text().contains("Regionstyrelsen: avvisad 2027-04-14 10:02: revisionen är inte nyare"))
        h.event(.submitFinished(.failed("inkorgen /srv/pf-2027 finns inte")))
        #expect(h.text().contains("Kunde inte lämnas in"))
        #expect(h.text().contains("inkorgen /srv/pf-2027 finns inte"))
    }

    @Test func theStartScreenShowsTheBoardsWordOnEachDraft() {
        let drafts = [
            DraftSummary(path: "/home/anna/.local/share/feedback/hsn-2027.json", committeeID: "hsn", committee: "Hälso- och sjukvårdsnämnden",
                         caseNumber: "HSN 2027/45", status: "Beslutad", modified: SampleDrafts.now, done: 6, total: 6),
            DraftSummary(path: "/home/anna/.local/share/feedback/kn-2027.json", committeeID: "kn", committee: "Kulturnämnden",
                         caseNumber: "KN 2027/3", status: "Beslutad", modified: Timestamp(secondsSinceEpoch: SampleDrafts.now.secondsSinceEpoch - 3600),
                         done: 6, total: 6),
            DraftSummary(path: "/home/anna/.local/share/feedback/tn-2027.json", committeeID: "tn", committee: "Tandvårdsnämnden",
                         caseNumber: "TN 2027/9", status: "Utkast", modified: Timestamp(secondsSinceEpoch: SampleDrafts.now.secondsSinceEpoch - 7200),
                         done: 2, total: 6),
        ]
        var withNotes = drafts
        withNotes[0].handIn = HandInNote(kind: .accepted, text: "kvitterad 2027-04-15 10:02")
        withNotes[1].handIn = HandInNote(kind: .refused, text: "avvisad 2027-04-15 10:05: fel formulär")
        let h = Harness(start: StartScreen(form: form, language: .sv, folder: "/home/anna/.local/share/feedback", drafts: withNotes, time: .utc))
        h.expectScreen("start-with-receipts")
        #expect(h.text().contains("kvitterad 2027-04-15 10:02"))
        #expect(h.text().contains("avvisad 2027-04-15 10:05: fel formulär"))
    }
}

/// The accessible mode hands in too, and says how the last hand-in stands.
struct PlainHandInTests {
    @Test func lämnaInChecksSavesFirstAndSaysWhereItWent() {
        var session = EditorSession(form: shippedForm(), draft: SampleDrafts.complete(shippedForm()), path: "/tmp/hsn.json",
                                    language: .sv, exportFolder: "/srv/export", time: .utc)
        session.setBoard(inbox: "/srv/pf-2027", note: HandInNote(kind: .refused, text: "avvisad 2027-04-14 10:02: fel formulär"))
        var plain = PlainSession(session: session)
        let opening = plain.opening()
        #expect(opening.contains("Regionstyrelsen: avvisad 2027-04-14 10:02: fel formulär."), "\(opening)")
        var step = plain.handle("lämna in", now: 10)
        #expect(step.lines.contains("Senaste inlämningen: avvisad 2027-04-14 10:02: fel formulär."), "\(step.lines)")
        #expect(step.lines.contains { $0.contains("Lämna in till /srv/pf-2027 nu? Svara ja eller nej.") }, "\(step.lines)")
        step = plain.handle("ja", now: 11)
        #expect(step.commands.contains { if case .session(.submit) = $0 { return true } else { return false } }, "\(step.commands)")
    }
}
