import FeedbackModel

/// The report's own words in Swedish and English.
struct ReportWords {
    let language: Language
    var sv: Bool { language == .sv }

    func t(_ sv: String, _ en: String) -> String { self.sv ? sv : en }

    var title: String { t("Sammanställning av nämndernas återkoppling", "Compilation of the committees' feedback") }
    var statusHeading: String { t("Läget i omgången", "The state of the round") }
    var investmentsHeading: String { t("Investeringar", "Investments") }
    var risksHeading: String { t("Risker", "Risks") }
    var sensitivityHeading: String { t("Känslighetsanalys", "Sensitivity analysis") }
    var committee: String { t("Nämnd", "Committee") }
    var total: String { t("Summa", "Total") }
    var decision: String { t("Beslut", "Decision") }
    var priority: String { t("Prioritet", "Priority") }
    var category: String { t("Kategori", "Category") }

    func missingLine(_ names: [String]) -> String {
        names.isEmpty ? t("Alla nämnder på formulärets lista har en godkänd återkoppling.", "Every committee on the form's list has accepted feedback.")
                      : t("Saknas (ingen godkänd återkoppling): ", "Missing (no accepted feedback): ") + names.joined(separator: ", ")
    }

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
        sv ? ["Nämnd", "Läge", "Revision", "Inlämnad", "I tid", "Status", "Rubriker klara", "Inlämnad av"]
           : ["Committee", "State", "Revision", "Handed in", "On time", "Status", "Headings done", "Handed in by"]
    }

    func state(_ kind: CommitteeState.Kind) -> String {
        switch kind {
        case .missing: return t("saknas", "missing")
        case .refused: return t("avvisad", "refused")
        case .received: return t("mottagen", "received")
        }
    }

    func yesNo(_ value: Bool) -> String { value ? t("ja", "yes") : t("nej, sen", "no, late") }

    func noText(_ names: [String]) -> String {
        t("Ingen text under rubriken från: ", "No text under this heading from: ") + names.joined(separator: ", ")
    }

    var perCommittee: String { t("Per nämnd och planår (tkr)", "Per committee and plan year (tkr)") }
    var byDecision: String { t("Redan beslutade och nya (tkr)", "Already decided and new (tkr)") }
    var byPriority: String { t("Efter nämndernas prioritet (tkr)", "By the committees' priority (tkr)") }
    var byCategory: String { t("Efter kategori (tkr)", "By category (tkr)") }
    var chartTitle: String { t("Investeringar per planår och nämnd (tkr)", "Investments per plan year and committee (tkr)") }
    var objects: String { t("Alla investeringsobjekt", "Every investment object") }
    var objectColumns: [String] { sv ? ["Nämnd", "Objekt", "Kategori", "Beslut", "Prioritet"] : ["Committee", "Object", "Category", "Decision", "Priority"] }
    var noInvestments: String { t("Inga investeringar redovisade.", "No investments reported.") }
    var others: String { t("Övriga nämnder", "Other committees") }

    var matrixCaption: String { t("Sannolikhet × konsekvens: antal risker och deras nummer i listan nedan", "Likelihood × consequence: the number of risks and their numbers in the list below") }
    var likelihood: String { t("Sannolikhet", "Likelihood") }
    var consequence: String { t("Konsekvens", "Consequence") }
    var riskColumns: [String] { sv ? ["Nr", "Nämnd", "Risk", "Sannolikhet", "Konsekvens", "Åtgärd"] : ["No.", "Committee", "Risk", "Likelihood", "Consequence", "Measure"] }
    var noRisks: String { t("Inga risker redovisade.", "No risks reported.") }
    var sensitivityColumns: [String] { sv ? ["Nämnd", "Parameter", "Förändring"] : ["Committee", "Parameter", "Change"] }
    var sensitivityNote: String { t("Effekt på resultatet i tkr per år; negativt belopp betyder försämrat resultat.", "Effect on the result in tkr per year; a negative amount means a worse result.") }
    var noSensitivity: String { t("Ingen känslighetsanalys redovisad.", "No sensitivity analysis reported.") }

    func unreadable(_ name: String, _ why: String) -> String {
        t("Utelämnad: \(name): \(why)", "Left out: \(name): \(why)")
    }
}

/// Amounts as Swedish text: "12 500" with a no-break space between groups.
enum ReportNumber {
    static func text(_ n: Int) -> String { AmountFormat.display(n, separator: "\u{00A0}") }
    static func optional(_ n: Int?) -> String { n.map(text) ?? "–" }
}
