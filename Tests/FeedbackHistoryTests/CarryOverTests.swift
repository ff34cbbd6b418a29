import Foundation
import Testing
import TestSupport
@testable import FeedbackHistory
@testable import FeedbackModel

/// Last year's 2027–2030 export carried into the shipped 2028–2031 form.
@Suite struct CarryOverTests {
    let form = shippedForm()

    func carried() throws -> (CarryOver.Result, PastFeedback) {
        let past = try PastFeedbackReader.read(path: LastYear.exportFile, catalog: LastYear.catalog())
        return (CarryOver(form: form).draft(from: past, committee: "hsn", documentID: "11111111-2222-4333-8444-555555555555",
                                            now: SampleDrafts.now), past)
    }

    @Test func textsContactAndNotesComeOverMarked() throws {
        let (result, past) = try carried()
        let draft = result.draft
        #expect(past.kind == .export && past.hashMatches == true && past.planPeriod?.label == "2027–2030")
        for id in ["goals", "development", "competence", "economy", "investments"] {
            let place = FieldPlace.section(id, "text")
            #expect(draft.text(at: place) == past.text(section: id, field: "text"), "\(id)")
            #expect(draft.isUnconfirmedCarry(place))
        }
        // Heading 6 had another id last year: its text goes to a note, the new heading stays empty.
        #expect(draft.text(at: .section("other", "text")) == "")
        let note = try #require(draft.carriedOver?.notes.first)
        #expect(draft.carriedOver?.notes.count == 1)
        #expect(note.sectionID == "premisesComments" && note.number == 6 && !note.confirmed)
        #expect(note.text == past.text(section: "premisesComments", field: "text"))
        #expect(note.heading(.sv, period: past.planPeriod) == "Rubrik 6 i 2027–2030, ”Nämndens synpunkter på planeringsförutsättningarna och processen”, finns inte i år")
        // Who to ask comes over; what was decided last year does not.
        #expect(draft.metadata["contactName"] == .text("Karin Lindqvist"))
        #expect(draft.isUnconfirmedCarry(.metadata("contactEmail")))
        for id in ["caseNumber", "meetingDate", "paragraph"] { #expect(draft.metadata[id] == nil, "\(id)") }
        #expect(draft.status(in: form) == "utkast")
        #expect(draft.committeeID(in: form) == "hsn")
        #expect(draft.carriedOver?.source == CarrySource(
            kind: .export, path: LastYear.exportFile, formID: "pf-aterkoppling-2027", formVersion: 1,
            planPeriod: PlanPeriod(firstYear: 2027, yearCount: 4), committeeID: "hsn",
            documentID: "9a1b7c3d-2e4f-4b6a-8d0c-5e7f9a1b3c5d", revision: 5, contentSha256: past.contentSha256))
    }

    @Test func investmentAmountsMoveToTheNewPlanPeriod() throws {
        let (result, past) = try carried()
        let rows = result.draft.value(at: .section("investments", "investments"))?.rows ?? []
        let pastRows = try #require(past.section(id: "investments")?.table("investments")?.rows)
        #expect(rows.count == 5 && pastRows.count == 5)
        for (row, old) in zip(rows, pastRows) {
            for year in 2028...2030 {
                #expect(row[TableRow.yearKey("amounts", year)] == old[TableRow.yearKey("amounts", year)], "\(year)")
            }
            #expect(row[TableRow.yearKey("amounts", 2031)] == nil)
            #expect(row[TableRow.yearKey("amounts", 2027)] == nil)
            for column in ["object", "category", "decision", "priority"] { #expect(row[column] == old[column], "\(column)") }
            let carry = try #require(row.carry)
            #expect(!carry.confirmed)
            #expect(carry.newYearCells == ["amounts/2031"])
            #expect(carry.kept.first == KeptValue(column: "amounts", year: 2027, value: try #require(old[TableRow.yearKey("amounts", 2027)])))
        }
        // The financing column is gone this year: its value stays in the row's note.
        #expect(rows[0].carry?.kept.last == KeptValue(column: "financing", year: nil, value: .text("egen ram")))
        let columns = try #require(form.section(id: "investments")?.field(id: "investments")?.columns)
        #expect(rows[0].carry?.note(columns: columns, period: form.planPeriod, language: .sv)
                == "Utanför planperioden 2028–2031: Belopp (tkr) 2027: 30 000. Kolumner som inte finns i år: financing: egen ram. Nytt i planperioden, fyll i: Belopp (tkr) 2031.")
        #expect(rows[2].carry?.note(columns: columns, period: form.planPeriod, language: .en)
                == "Outside the plan period 2028–2031: Amount (tkr) 2027: 28 000. New in the plan period, to fill in: Amount (tkr) 2031.")
        // Risks and the sensitivity analysis come over too.
        let risks = result.draft.value(at: .section("economy", "risks"))?.rows ?? []
        #expect(risks.map(\.cells) == past.section(id: "economy")?.table("risks")?.rows.map(\.cells))
        #expect(risks.allSatisfy { $0.carry == RowCarry() })
        let sensitivity = result.draft.value(at: .section("economy", "sensitivity"))?.rows ?? []
        #expect(sensitivity.count == 3)
        #expect(sensitivity.first?[TableRow.yearKey("effect", 2028)] == .integer(-69_400))
        #expect(sensitivity.first?.carry?.kept == [KeptValue(column: "effect", year: 2027, value: .integer(-68_000))])
        // What the secretary is told.
        #expect(result.summary.lines(.sv) == [
            "Från föregående år: export-2027-hsn.json (export, planperiod 2027–2030, revision 5).",
            "Fört över: 5 texter, kontaktuppgifter, Risker och känslighet 3 rader, Känslighetsanalys 3 rader, Investeringar 5 rader.",
            "Belopp för 2027 (utanför planperioden 2028–2031) ligger kvar i radens anteckning (8 rader).",
            "2031 är nytt i planperioden: beloppen är tomma och markerade (8 rader).",
            "Rubrik 6 i 2027–2030, ”Nämndens synpunkter på planeringsförutsättningarna och processen”, finns inte i år: texten ligger i en anteckning.",
            "Allt som förts över är markerat ”från föregående år” tills du redigerar eller bekräftar det.",
        ])
    }

    @Test func unconfirmedPartsAreWarningsThatEditingAndConfirmingClear() throws {
        var draft = try carried().0.draft
        func carryFindings() -> [Finding] { Validator(form: form).validate(draft).filter { $0.code.hasPrefix("carriedOver") } }
        let initial = carryFindings()
        // 2 contact values, 5 texts, 3 risks, 3 sensitivity rows, 5 investments, 1 note.
        #expect(initial.count == 19)
        #expect(initial.allSatisfy { $0.severity == .warning })
        #expect(initial.first?.message.sv == "Kontaktperson: från föregående år och ännu inte bekräftad. Redigera eller bekräfta den för i år.")
        let row = try #require(initial.first { $0.pointer == "/sections/investments/investments/1" })
        #expect(row.target == FindingTarget(field: .section("investments", "investments"), row: 1))
        #expect(row.message.en == "Investments, row 2 (Ny vårdbyggnad för psykiatri, Skellefteå): from last year and not yet confirmed. Edit it or confirm it for this year.")
        let note = try #require(initial.last)
        #expect(note.code == "carriedOverNote" && note.target.field == .section("other", "text"))

        // Editing a text clears its mark; so does editing a cell of a row, and filling the new year.
        draft.setValue(.text("Nytt för i år."), at: .section("goals", "text"))
        draft.noteEdit(at: .section("goals", "text"))
        #expect(!draft.isUnconfirmedCarry(.section("goals", "text")))
        draft.noteEdit(at: .section("investments", "investments"), row: 1, cell: "amounts/2031")
        #expect(!draft.isUnconfirmedCarry(.section("investments", "investments"), row: 1))
        #expect(draft.value(at: .section("investments", "investments"))?.rows[1].carry?.newYearCells == [])
        // The row keeps its note of what fell out of the period.
        #expect(draft.value(at: .section("investments", "investments"))?.rows[1].carry?.kept.isEmpty == false)
        #expect(carryFindings().count == 17)
        // Confirming one part, then all.
        draft.confirm(.note(0))
        draft.confirm(.field(.metadata("contactName")))
        #expect(carryFindings().count == 15)
        #expect(draft.carriedOver?.notes.first?.confirmed == true)
        draft.confirmAllCarried(in: form)
        #expect(carryFindings().isEmpty)
        #expect(draft.unconfirmedCarriedParts(in: form).isEmpty)
        // Nothing was thrown away by confirming.
        #expect(draft.carriedOver?.notes.count == 1)
        #expect(draft.text(at: .section("development", "text")).isEmpty == false)
    }

    @Test func theCarriedDraftIsFormat2AndReadsBackEqual() throws {
        var draft = try carried().0.draft
        draft.confirm(.row(.section("economy", "risks"), 0))
        let bytes = DraftCodec.encode(draft, form: form)
        let object = try #require(try JSONParser.parse(bytes).objectValue)
        #expect(object["formatVersion"] == .integer(2))
        let (read, _) = try DraftCodec.decode(bytes, file: "ny.json", catalog: .embedded())
        #expect(read == draft)
        #expect(DraftCodec.encode(read, form: form) == bytes)
    }

    @Test func draftsWithoutMarksStayFormat1AndFormat1RefusesMarks() throws {
        let plain = SampleDrafts.complete(form)
        let bytes = DraftCodec.encode(plain, form: form)
        #expect(try JSONParser.parse(bytes).objectValue?["formatVersion"] == .integer(1))
        #expect(try DraftCodec.decode(bytes, file: "d.json", form: form) == plain)
        // The committed sample draft (format 1) still reads.
        let sample = try FileStore.readLimited(path: Paths.fixture("sample-hsn.json"), limit: 1 << 20)
        #expect(throws: Never.self) { try DraftCodec.decode(sample, file: "sample-hsn.json", catalog: .embedded()) }
        // Marks need format 2: a format 1 file with them is refused (as an older program would).
        let carried = String(decoding: DraftCodec.encode(try self.carried().0.draft, form: form), as: UTF8.self)
        let downgraded = carried.replacingOccurrences(of: "\"formatVersion\": 2", with: "\"formatVersion\": 1")
        do {
            _ = try DraftCodec.decode(Array(downgraded.utf8), file: "d.json", form: form)
            Issue.record("a format 1 draft with marks was read")
        } catch {
            #expect(error.message(.en).contains("unknown key \"carriedOver\""))
        }
        let future = carried.replacingOccurrences(of: "\"formatVersion\": 2", with: "\"formatVersion\": 3")
        do {
            _ = try DraftCodec.decode(Array(future.utf8), file: "d.json", form: form)
            Issue.record("a format 3 draft was read")
        } catch {
            #expect(error.message(.en).contains("draft format 3 is not supported (this version reads formats 1–2)"))
        }
    }

    @Test func aDraftOfAFormThisProgramDoesNotHaveCarriesOverToo() throws {
        // Last year's draft, read without last year's form: by its structure alone.
        let past = try PastFeedbackReader.read(path: LastYear.draftFile, catalog: .embedded())
        #expect(past.kind == .draft && past.planPeriod == nil && past.committeeID == "hsn" && past.revision == 5)
        let fromDraft = CarryOver(form: form).draft(from: past, committee: "hsn", documentID: "d", now: SampleDrafts.now).draft
        let fromExport = try carried().0.draft
        for section in form.sections {
            for field in section.fields {
                let place = FieldPlace.section(section.id, field.id)
                #expect(fromDraft.value(at: place)?.rows.map(\.cells) == fromExport.value(at: place)?.rows.map(\.cells), "\(place)")
                #expect(fromDraft.text(at: place) == fromExport.text(at: place), "\(place)")
            }
        }
        #expect(fromDraft.carriedOver?.notes.map(\.text) == fromExport.carriedOver?.notes.map(\.text))
        #expect(fromDraft.carriedOver?.notes.first?.heading(.en, period: nil) == "Heading ?, premisesComments, not in this year's form")
        // Read with the catalog that has last year's form, it is the same as the export.
        let known = try PastFeedbackReader.read(path: LastYear.draftFile, catalog: LastYear.catalog())
        #expect(known.planPeriod?.label == "2027–2030")
        #expect(FeedbackDiff.between(known, try PastFeedbackReader.read(path: LastYear.exportFile, catalog: LastYear.catalog())).isEqual)
    }

    @Test func aHeadingGoneWithItsTableKeepsTheRowsInANote() throws {
        var past = try PastFeedbackReader.read(path: LastYear.exportFile, catalog: LastYear.catalog())
        past.sections[3].id = "economyOld"  // as if heading 4 had another id last year
        let draft = CarryOver(form: form).draft(from: past, committee: "hsn", documentID: "d", now: SampleDrafts.now).draft
        let notes = draft.carriedOver?.notes ?? []
        #expect(notes.map(\.fieldID) == ["text", "risks", "sensitivity", "text"])
        #expect(notes[2].text.hasPrefix("Rad 1: Parameter: Löneökning; Förändring: +1 procentenhet; Effekt (tkr) 2027: -68 000; Effekt (tkr) 2028: -69 400"))
        #expect(notes[2].text.components(separatedBy: "\n").count == 3)
        #expect(draft.value(at: .section("economy", "risks")) == nil)
    }
}
