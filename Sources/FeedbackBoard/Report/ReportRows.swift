import FeedbackDocuments
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

    /// One committee's rows of a table, as its own document shows them.
    static func committeeTable(_ table: ReportTable, rows: [TableRow], _ report: RoundReport, _ language: Language) -> Table {
        CommitteeDocument.table(table.field, columns: table.columns, rows: rows, form: report.form, language: language)
    }

    /// Every row of a table across committees, numbered (the list beneath a matrix): the
    /// number, the committee, then the cells as the committee's document shows them.
    static func numberedList(_ table: ReportTable, _ report: RoundReport, _ language: Language) -> Table {
        let words = ReportWords(language: language)
        var rows: [[String]] = []
        var number = 0
        for entry in table.entries {
            let cells = committeeTable(table, rows: entry.rows, report, language).rows
            for row in cells {
                number += 1
                rows.append([String(number), entry.committee.name(language)] + row)
            }
        }
        let columns = [TableColumn(words.number, alignment: .end), TableColumn(words.committee)]
            + CommitteeDocument.headers(table.columns, form: report.form, language: language)
        return Table(caption: words.listCaption(table.field.label[language]), columns: columns, rows: rows)
    }
}
