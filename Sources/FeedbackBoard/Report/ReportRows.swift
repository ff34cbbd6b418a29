import FeedbackModel

/// The report's tables as rows of text, shared by every writer.
enum ReportRows {
    static func status(_ report: RoundReport, _ language: Language) -> [[String]] {
        let words = ReportWords(language: language)
        return report.status.committees.map { state in
            var row = [state.committee.name(language), words.state(state.kind)]
            if let receipt = state.accepted {
                row += [receipt.export.revision.map(String.init) ?? "", SwedishTime.minuteText(receipt.handIn.handedInAt),
                        words.yesNo(receipt.onTime), report.status.statusLabel(receipt.export.status, language),
                        receipt.export.headingsDone.map { "\($0) / \(receipt.export.headings ?? report.form.sections.count)" } ?? "",
                        receipt.handIn.owner]
            } else if let refusal = state.latestRefusal {
                let why = refusal.reasons.first.map { $0.message[language] } ?? ""
                row += ["", SwedishTime.minuteText(refusal.handIn.handedInAt), words.yesNo(refusal.onTime), why, "", refusal.handIn.owner]
            } else {
                row += ["", "", "", "", "", ""]
            }
            return row
        }
    }

    static func objects(_ report: RoundReport, _ language: Language) -> [[String]] {
        report.investments.map { line in
            [line.committee.name(language), line.object,
             report.optionLabel(section: "investments", table: "investments", column: "category", line.category, language),
             report.optionLabel(section: "investments", table: "investments", column: "decision", line.decision, language),
             report.optionLabel(section: "investments", table: "investments", column: "priority", line.priority, language)]
                + line.amounts.map(ReportNumber.text)
        }
    }

    static func risks(_ report: RoundReport, _ language: Language) -> [[String]] {
        report.risks.enumerated().map { index, line in
            ["R\(index + 1)", line.committee.name(language), line.risk,
             report.optionLabel(section: "economy", table: "risks", column: "likelihood", line.likelihood, language),
             report.optionLabel(section: "economy", table: "risks", column: "consequence", line.consequence, language),
             line.measure ?? ""]
        }
    }

    static func sensitivity(_ report: RoundReport, _ language: Language) -> [[String]] {
        report.sensitivity.map { line in
            [line.committee.name(language), line.parameter, line.change] + line.effects.map(ReportNumber.optional)
        }
    }
}
