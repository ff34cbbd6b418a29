import FeedbackModel

/// One investment object of one committee.
public struct InvestmentLine: Sendable, Equatable {
    public var committee: Committee
    public var object: String
    public var category: String?
    /// Amount (tkr) per plan year, in the plan period's order.
    public var amounts: [Int]
    /// `beslutad` (already decided) or `ny` (new).
    public var decision: String?
    /// `1`, `2` or `3`.
    public var priority: String?
}

/// One risk of one committee.
public struct RiskLine: Sendable, Equatable {
    public var committee: Committee
    public var risk: String
    /// `lag`, `medel`, `hog`.
    public var likelihood: String?
    public var consequence: String?
    public var measure: String?
}

/// One sensitivity case of one committee.
public struct SensitivityLine: Sendable, Equatable {
    public var committee: Committee
    public var parameter: String
    public var change: String
    public var effects: [Int?]
}

/// A row of sums: one label and one amount per plan year, with the total.
public struct SumRow: Sendable, Equatable {
    public var label: String
    public var amounts: [Int]
    public var total: Int { amounts.reduce(0, +) }
}

extension RoundReport {
    public var years: [Int] { form.planPeriod.years }

    /// Every investment object of every accepted export (section `investments`, table
    /// `investments`, columns `object`, `category`, `amounts`, `decision`, `priority`:
    /// ids the form file promises not to change).
    public var investments: [InvestmentLine] {
        guard table("investments", "investments") != nil else { return [] }
        return exports.flatMap { entry in
            rows("investments", "investments", of: entry).map { row in
                InvestmentLine(committee: entry.committee, object: RoundReport.text(row["object"]) ?? "",
                               category: RoundReport.text(row["category"]),
                               amounts: years.map { RoundReport.integer(row[TableRow.yearKey("amounts", $0)]) },
                               decision: RoundReport.text(row["decision"]), priority: RoundReport.text(row["priority"]))
            }
        }
    }

    /// Investments per committee and year (committees without investments included as 0,
    /// missing committees left out).
    public func investmentsByCommittee(_ language: Language) -> [SumRow] {
        let lines = investments
        return exports.map { entry in
            var sums = Array(repeating: 0, count: years.count)
            for line in lines where line.committee.id == entry.committee.id {
                for i in sums.indices { sums[i] += line.amounts[i] }
            }
            return SumRow(label: entry.committee.name(language), amounts: sums)
        }
    }

    /// The sum over all committees per year.
    public func investmentTotal(_ language: Language) -> SumRow {
        sum(investments, label: language == .sv ? "Summa" : "Total")
    }

    /// Already decided vs new, per year.
    public func investmentsByDecision(_ language: Language) -> [SumRow] {
        grouped(by: \.decision, column: "decision", language)
    }

    /// By the committees' priority, per year.
    public func investmentsByPriority(_ language: Language) -> [SumRow] {
        grouped(by: \.priority, column: "priority", language)
    }

    /// By category, per year.
    public func investmentsByCategory(_ language: Language) -> [SumRow] {
        grouped(by: \.category, column: "category", language)
    }

    func sum(_ lines: [InvestmentLine], label: String) -> SumRow {
        var sums = Array(repeating: 0, count: years.count)
        for line in lines { for i in sums.indices { sums[i] += line.amounts[i] } }
        return SumRow(label: label, amounts: sums)
    }

    /// One row per option of a choice column, in the form's order (options no one used
    /// included, so the tables of two rounds line up).
    func grouped(by key: KeyPath<InvestmentLine, String?>, column: String, _ language: Language) -> [SumRow] {
        guard let definition = table("investments", "investments") else { return [] }
        let options = definition.columns.first { $0.id == column }?.options ?? []
        let lines = investments
        var rows = options.map { option in sum(lines.filter { $0[keyPath: key] == option.id }, label: option.label[language]) }
        let other = lines.filter { line in !options.contains { $0.id == line[keyPath: key] } }
        if !other.isEmpty { rows.append(sum(other, label: language == .sv ? "(ej angivet)" : "(not given)")) }
        return rows
    }

    /// Every risk of every accepted export (section `economy`, table `risks`).
    public var risks: [RiskLine] {
        guard table("economy", "risks") != nil else { return [] }
        return exports.flatMap { entry in
            rows("economy", "risks", of: entry).map { row in
                RiskLine(committee: entry.committee, risk: RoundReport.text(row["risk"]) ?? "",
                         likelihood: RoundReport.text(row["likelihood"]), consequence: RoundReport.text(row["consequence"]),
                         measure: RoundReport.text(row["measure"]))
            }
        }
    }

    /// The levels of the risk matrix's axes, low to high: (id, label).
    public func riskLevels(_ column: String, _ language: Language) -> [(id: String, label: String)] {
        guard let definition = table("economy", "risks") else { return [] }
        return (definition.columns.first { $0.id == column }?.options ?? []).map { ($0.id, $0.label[language]) }
    }

    /// Every sensitivity case of every accepted export (section `economy`, table `sensitivity`).
    public var sensitivity: [SensitivityLine] {
        guard table("economy", "sensitivity") != nil else { return [] }
        return exports.flatMap { entry in
            rows("economy", "sensitivity", of: entry).map { row in
                SensitivityLine(committee: entry.committee, parameter: RoundReport.text(row["parameter"]) ?? "",
                                change: RoundReport.text(row["change"]) ?? "",
                                effects: years.map { year -> Int? in
                                    if case .integer(let n)? = row[TableRow.yearKey("effect", year)] { return n }
                                    return nil
                                })
            }
        }
    }

    /// A choice's label in a table of the form.
    public func optionLabel(section: String, table field: String, column: String, _ option: String?, _ language: Language) -> String {
        guard let definition = table(section, field) else { return option ?? "" }
        return label(definition, column, option, language)
    }
}
