import FeedbackModel

/// What a carry-over put into the new draft, for the secretary to read.
public struct CarrySummary: Sendable, Equatable {
    public var source: CarrySource
    public var period: PlanPeriod
    public var texts = 0
    public var metadata = 0
    /// Rows carried per table, in the form's order.
    public var tables: [(label: Localized, rows: Int)] = []
    /// Rows that keep values without a place this year (years outside the plan period…).
    public var rowsWithKeptValues = 0
    public var keptYears: Set<Int> = []
    /// Rows with plan-year cells new to the period, left empty and flagged.
    public var rowsWithNewYears = 0
    public var newYears: Set<Int> = []
    public var notes: [CarriedNote] = []

    public static func == (lhs: CarrySummary, rhs: CarrySummary) -> Bool {
        lhs.source == rhs.source && lhs.texts == rhs.texts && lhs.metadata == rhs.metadata
            && lhs.tables.map(\.label) == rhs.tables.map(\.label) && lhs.tables.map(\.rows) == rhs.tables.map(\.rows)
            && lhs.rowsWithKeptValues == rhs.rowsWithKeptValues && lhs.keptYears == rhs.keptYears
            && lhs.rowsWithNewYears == rhs.rowsWithNewYears && lhs.newYears == rhs.newYears && lhs.notes == rhs.notes
    }

    mutating func add(rows: [TableRow], table: Localized) {
        tables.append((table, rows.count))
        for row in rows {
            guard let carry = row.carry else { continue }
            let years = carry.kept.compactMap(\.year)
            if !carry.kept.isEmpty { rowsWithKeptValues += 1 }
            keptYears.formUnion(years)
            if !carry.newYearCells.isEmpty { rowsWithNewYears += 1 }
            newYears.formUnion(carry.newYearCells.compactMap { $0.split(separator: "/").last.flatMap { Int($0) } })
        }
    }

    /// The summary as lines (texts from the files: print through `Sanitizer`).
    public func lines(_ language: Language) -> [String] {
        let sv = language == .sv
        var lines: [String] = []
        let kind = source.kind == .export ? (sv ? "export" : "export") : (sv ? "utkast" : "draft")
        let periodText = source.planPeriod.map { sv ? ", planperiod \($0.label)" : ", plan period \($0.label)" } ?? ""
        lines.append(sv ? "Från föregående år: \(source.fileName) (\(kind)\(periodText), revision \(source.revision))."
                        : "From last year: \(source.fileName) (\(kind)\(periodText), revision \(source.revision)).")
        var parts: [String] = []
        if texts > 0 { parts.append(sv ? "\(texts) \(texts == 1 ? "text" : "texter")" : "\(texts) \(texts == 1 ? "text" : "texts")") }
        if metadata > 0 { parts.append(sv ? "kontaktuppgifter" : "contact details") }
        for table in tables {
            parts.append(sv ? "\(table.label.sv) \(table.rows) \(table.rows == 1 ? "rad" : "rader")"
                            : "\(table.label.en) \(table.rows) \(table.rows == 1 ? "row" : "rows")")
        }
        lines.append((sv ? "Fört över: " : "Carried over: ") + (parts.isEmpty ? (sv ? "ingenting" : "nothing") : parts.joined(separator: ", ")) + ".")
        if rowsWithKeptValues > 0 {
            let years = keptYears.sorted().map(String.init).joined(separator: ", ")
            let what = years.isEmpty ? (sv ? "Värden utan plats i år" : "Values without a place this year")
                                     : (sv ? "Belopp för \(years) (utanför planperioden \(period.label))" : "Amounts for \(years) (outside the plan period \(period.label))")
            lines.append(sv ? "\(what) ligger kvar i radens anteckning (\(rowsWithKeptValues) \(rowsWithKeptValues == 1 ? "rad" : "rader"))."
                            : "\(what) are kept in the row's note (\(rowsWithKeptValues) \(rowsWithKeptValues == 1 ? "row" : "rows")).")
        }
        if rowsWithNewYears > 0 {
            let years = newYears.sorted().map(String.init).joined(separator: ", ")
            lines.append(sv ? "\(years) är nytt i planperioden: beloppen är tomma och markerade (\(rowsWithNewYears) \(rowsWithNewYears == 1 ? "rad" : "rader"))."
                            : "\(years) is new in the plan period: the amounts are empty and flagged (\(rowsWithNewYears) \(rowsWithNewYears == 1 ? "row" : "rows")).")
        }
        for note in notes {
            lines.append(note.heading(language, period: source.planPeriod) + (sv ? ": texten ligger i en anteckning." : ": the text is kept in a note."))
        }
        lines.append(sv ? "Allt som förts över är markerat ”\(CarriedOver.mark.sv)” tills du redigerar eller bekräftar det."
                        : "Everything carried over is marked “\(CarriedOver.mark.en)” until you edit or confirm it.")
        return lines
    }
}
