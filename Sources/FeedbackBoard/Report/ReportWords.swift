import FeedbackModel

/// The report's own words in Swedish and English.
struct ReportWords {
    let language: Language
    var sv: Bool { language == .sv }

    func t(_ sv: String, _ en: String) -> String { self.sv ? sv : en }

    /// "Sammanställning: " before the form's own title.
    var title: String { t("Sammanställning", "Compilation") }
    var statusHeading: String { t("Läget i omgången", "The state of the round") }
    var committee: String { t("Nämnd", "Committee") }
    var total: String { t("Summa", "Total") }
    var number: String { t("Nr", "No.") }

    func missingLine(_ names: [String]) -> String {
        t("Saknas (ingen godkänd återkoppling): ", "Missing (no accepted feedback): ") + names.joined(separator: ", ")
    }

    /// The headline: every count that is true, or that the round is complete.
    /// "8 nämnder: 4 beslutade, 2 inte beslutade, 1 sen, 1 avvisad, 1 saknas."
    func headline(_ h: RoundReport.Headline, decided: String) -> String {
        if h.isComplete {
            return t("Alla nämnder på formulärets lista har en godkänd återkoppling med status \(decided), inlämnad i tid.",
                     "Every committee on the form's list has accepted feedback with the status \(decided), handed in on time.")
        }
        var parts = [t("\(h.decided) med status \(decided)", "\(h.decided) with the status \(decided)"),
                     t("\(h.undecided) godkända men inte \(decided)", "\(h.undecided) accepted but not \(decided)"),
                     t("\(h.late) \(h.late == 1 ? "sen" : "sena")", "\(h.late) late"),
                     t("\(h.refused) \(h.refused == 1 ? "avvisad" : "avvisade")", "\(h.refused) refused"),
                     t("\(h.missing) saknas", "\(h.missing) missing")]
        if h.changed > 0 {
            parts.append(t("\(h.changed) med arkivfil ändrad efter kvittot (utelämnade)", "\(h.changed) with the archive file changed after its receipt (left out)"))
        }
        return t("\(h.committees) nämnder: ", "\(h.committees) committees: ") + parts.joined(separator: ", ") + "."
    }

    /// "Inte beslutad eller sen: Kulturnämnden (utkast, sen), …" (the form's decided word)
    func markedLine(_ labels: [String], decided: String) -> String {
        t("Inte \(decided) eller sen (markerade så i hela sammanställningen): ", "Not \(decided) or late (marked so throughout the compilation): ")
            + labels.joined(separator: ", ")
    }

    /// The label of the total of decided answers only, beside the total of all.
    func decidedTotal(_ decided: String) -> String { t("Summa, endast \(decided)", "Total, \(decided) only") }
    var allTotal: String { t("Summa, alla svar", "Total, all answers") }

    func generated(_ report: RoundReport) -> String {
        let n = report.exports.count
        return t("Sammanställd \(SwedishTime.minuteText(report.generatedAt)) av feedback ur \(n) \(n == 1 ? "godkänd export" : "godkända exporter") av \(report.form.committees.count) möjliga. Endast godkända exporter räknas.",
                 "Compiled \(SwedishTime.minuteText(report.generatedAt)) by feedback from \(n) accepted \(n == 1 ? "export" : "exports") of \(report.form.committees.count) possible. Only accepted exports count.")
    }

    func premises(_ form: FormDefinition) -> String {
        t("Svar på \(form.premises.title) (\(form.premises.caseNumber)), planperiod \(form.planPeriod.label), sista dag \(form.deadline).",
          "Answers to \(form.premises.title) (\(form.premises.caseNumber)), plan period \(form.planPeriod.label), deadline \(form.deadline).")
    }

    var statusColumns: [String] {
        sv ? ["Nämnd", "Läge", "Revision", "Inlämnad", "I tid", "Status", "Rubriker utan fel", "Inlämnad av"]
           : ["Committee", "State", "Revision", "Handed in", "On time", "Status", "Headings without findings", "Handed in by"]
    }

    func state(_ kind: CommitteeState.Kind) -> String {
        switch kind {
        case .missing: return t("saknas", "missing")
        case .refused: return t("avvisad", "refused")
        case .received: return t("mottagen", "received")
        }
    }

    /// The state of a committee whose archive file no longer matches its receipt.
    var changedArchive: String { t("arkivfil ändrad, räknas som saknad", "archive file changed, counted as missing") }
    var reasonsHeading: String { t("Bilaga: avvisningsskälen i sin helhet", "Appendix: the refusal reasons in full") }
    /// "[1] Filen …" under the status table.
    func note(_ number: Int, _ text: String) -> String { "[\(number)] \(text)" }

    func yesNo(_ value: Bool) -> String { value ? t("ja", "yes") : t("nej, sen", "no, late") }

    func noText(_ names: [String]) -> String {
        t("Ingen text under rubriken från: ", "No text under this heading from: ") + names.joined(separator: ", ")
    }

    /// "Belopp (tkr) per nämnd och planår"
    func perCommittee(_ column: String) -> String { t("\(column) per nämnd och planår", "\(column) per committee and plan year") }
    /// "Belopp (tkr) efter Kategori"
    func by(_ column: String, _ choice: String) -> String { t("\(column) efter \(choice.lowercasedFirstLetter)", "\(column) by \(choice.lowercasedFirstLetter)") }
    /// "Investeringar: Belopp (tkr) per planår och nämnd"
    func chartTitle(_ table: String, _ column: String) -> String { t("\(table): \(column) per planår och nämnd", "\(table): \(column) per plan year and committee") }
    var others: String { t("Övriga nämnder", "Other committees") }
    /// "Inga rader från: Kulturnämnden, Tandvårdsnämnden"
    func noRows(_ names: [String]) -> String { t("Inga rader från: ", "No rows from: ") + names.joined(separator: ", ") }
    func nothingReported(_ table: String) -> String { t("\(table): inga rader redovisade.", "\(table): no rows reported.") }
    /// The matrix's caption: the two columns and what a cell holds.
    func matrixCaption(_ rows: String, _ columns: String) -> String {
        t("\(rows) × \(columns): antal rader och deras nummer i listan nedan", "\(rows) × \(columns): the number of rows and their numbers in the list below")
    }
    func matrixCell(_ numbers: [Int]) -> String {
        guard !numbers.isEmpty else { return "0" }
        let shown = numbers.prefix(24).map(String.init).joined(separator: ", ") + (numbers.count > 24 ? " …" : "")
        return "\(numbers.count) (\(t("nr", "no.")) \(shown))"
    }
    func listCaption(_ table: String) -> String { t("\(table): alla rader, numrerade", "\(table): every row, numbered") }

    func unreadable(_ name: String, _ why: String) -> String {
        t("Utelämnad: \(name): \(why)", "Left out: \(name): \(why)")
    }
}

extension String {
    /// "Kategori" → "kategori" (a label inside a sentence).
    var lowercasedFirstLetter: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}

/// Amounts as Swedish text: "12 500" with a no-break space between groups.
enum ReportNumber {
    static func text(_ n: Int) -> String { AmountFormat.display(n, separator: "\u{00A0}") }
    static func optional(_ n: Int?) -> String { n.map(text) ?? "–" }
}
