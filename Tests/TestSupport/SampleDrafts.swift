import Foundation
import FeedbackModel

/// Drafts built in code, for tests that need a known starting point.
public enum SampleDrafts {
    public static let now = Timestamp(secondsSinceEpoch: 1_806_480_000)  // 2027-03-31
    /// The date the tests take as today (before the shipped form's deadline, 2027-04-16).
    public static let today = now.date

    /// Swedish text of about `words` words.
    public static func swedishText(words: Int, seed: Int = 0) -> String {
        let vocabulary = ["nämnden", "bidrar", "till", "målen", "genom", "bättre", "tillgänglighet", "och", "samverkan",
                          "med", "kommunerna", "under", "planperioden", "vården", "ska", "vara", "nära", "invånarna",
                          "kompetensförsörjningen", "är", "avgörande", "för", "att", "klara", "uppdraget", "ekonomin",
                          "i", "balans", "kräver", "prioriteringar", "år", "2028–2031", "tkr", "öppettider", "åtgärder"]
        var result: [String] = []
        for i in 0..<words {
            var word = vocabulary[(i * 7 + seed * 13) % vocabulary.count]
            if i % 12 == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
            result.append(i % 12 == 11 ? word + "." : word)
        }
        return result.joined(separator: " ") + "."
    }

    /// A draft with no errors and no warnings.
    public static func complete(_ form: FormDefinition, committee: String = "hsn", revision: Int = 3) -> Draft {
        var draft = Draft.new(form: form, committee: committee, documentID: "0b3d2c1a-5e4f-4a3b-9c8d-7e6f5a4b3c2d", now: now)
        draft.revision = revision
        draft.metadata["caseNumber"] = .text("HSN 2027/45")
        draft.metadata["meetingDate"] = .text("2027-04-08")
        draft.metadata["paragraph"] = .text("§ 45")
        draft.metadata["contactName"] = .text("Åsa Öberg")
        draft.metadata["contactEmail"] = .text("asa.oberg@region.example")
        draft.metadata["status"] = .text("beslutad")
        // Every heading marked done by the secretary.
        draft.readySections = Set(form.sections.map(\.id))
        for (i, section) in form.sections.enumerated() {
            draft.sections[section.id, default: [:]]["text"] = .text(swedishText(words: 60, seed: i) + "\n\n" + swedishText(words: 40, seed: i + 1))
        }
        var risk = TableRow()
        risk["risk"] = .text("Bemanningsbrist inom specialistvården")
        risk["likelihood"] = .text("hog")
        risk["consequence"] = .text("medel")
        risk["measure"] = .text("Uppgiftsväxling och egen utbildning av specialister")
        draft.sections["economy", default: [:]]["risks"] = .table([risk])
        var sensitivity = TableRow()
        sensitivity["parameter"] = .text("Löneökning")
        sensitivity["change"] = .text("+1 procentenhet")
        for (i, year) in form.planPeriod.years.enumerated() { sensitivity[TableRow.yearKey("effect", year)] = .integer(-42_000 - i * 1_000) }
        draft.sections["economy", default: [:]]["sensitivity"] = .table([sensitivity])
        var investment = TableRow()
        investment["object"] = .text("Ny magnetkamera, Umeå")
        investment["category"] = .text("medicinteknik")
        for (i, year) in form.planPeriod.years.enumerated() { investment[TableRow.yearKey("amounts", year)] = .integer(i == 0 ? 18_500 : 0) }
        investment["decision"] = .text("ny")
        investment["priority"] = .text("1")
        draft.sections["investments", default: [:]]["investments"] = .table([investment])
        return draft
    }
}

/// The second template of the tests (Tests/FeedbackModelTests/Fixtures/verksamhetsplan-2029.yaml):
/// other ids everywhere, its own status with the decided option "antagen", an activities
/// table, operating costs per year and a risk register drawn as a matrix.
public enum SecondForm {
    public static let fileName = "verksamhetsplan-2029.yaml"
    public static var path: String { Paths.fixture(fileName) }

    public static func form() -> FormDefinition {
        guard let bytes = FileManager.default.contents(atPath: path),
              let form = try? FormReader.read(yaml: Array(bytes), source: path) else {
            fatalError("the second form does not read: \(path)")
        }
        return form
    }

    /// The operating costs of committee number `index` (0, 1, 2) per year: two rows.
    public static func costs(_ index: Int) -> [[Int]] {
        [[1_000 * (index + 1), 1_100 * (index + 1), 1_200 * (index + 1)], [500 + index, 600 + index, 700 + index]]
    }

    /// A complete draft of committee `committee` (the form's `index`th), `antagen` or `arbete`.
    public static func draft(_ form: FormDefinition, committee: String, index: Int, phase: String, revision: Int = 2) -> Draft {
        var draft = Draft.new(form: form, committee: committee, documentID: BoardSamples.documentID(index), now: SampleDrafts.now)
        draft.revision = revision
        let name = form.committee(id: committee)?.name ?? committee
        draft.metadata["responsible"] = .text("Person \(index)")
        draft.metadata["phase"] = .text(phase)
        if phase == "antagen" {
            draft.metadata["adoptedOn"] = .text("2028-10-0\(index + 1)")
            draft.metadata["minute"] = .text("§ \(10 + index)")
        }
        draft.setValue(.text("\(name) har sitt uppdrag."), at: .section("mission", "body"))
        draft.setValue(.text("\(name) sammanfattar."), at: .section("summary", "note"))
        draft.setValue(.table([TableRow(cells: ["activity": .text("\(name) aktivitet A"), "quarter": .text("q1")]),
                               TableRow(cells: ["activity": .text("\(name) aktivitet B"), "quarter": .text("q3")])]),
                       at: .section("activities", "plan"))
        let kinds = ["personal", "lokaler"]
        draft.setValue(.table(costs(index).enumerated().map { i, amounts in
            var row = TableRow(cells: ["item": .text("\(name) post \(i + 1)"), "kind": .text(kinds[i])])
            for (y, year) in form.planPeriod.years.enumerated() { row[TableRow.yearKey("perYear", year)] = .integer(amounts[y]) }
            return row
        }), at: .section("finances", "costs"))
        // Committee 0: stor/ofta; committee 1: liten/sällan and stor/ofta; committee 2: stor/sällan.
        let risks: [[(String, String)]] = [[("stor", "ofta")], [("liten", "sallan"), ("stor", "ofta")], [("stor", "sallan")]]
        draft.setValue(.table(risks[index % 3].enumerated().map { i, risk in
            TableRow(cells: ["threat": .text("\(name) hot \(i + 1)"), "impact": .text(risk.0), "chance": .text(risk.1)])
        }), at: .section("finances", "register"))
        return draft
    }
}
