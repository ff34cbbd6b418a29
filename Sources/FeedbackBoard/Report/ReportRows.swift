import Foundation
import FeedbackDocuments
import FeedbackModel

/// The report's tables as rows of text, shared by every writer.
enum ReportRows {
    /// The longest refusal reason the status table holds; a longer one is shortened there
    /// with a note number and given in full in the notes after the table.
    static let reasonLimit = 80

    /// The status table's rows, and the refusal reasons too long for it (numbered from 1,
    /// as the rows refer to them).
    static func status(_ report: RoundReport, _ language: Language, shorten: Bool = true) -> (rows: [[String]], notes: [String]) {
        let words = ReportWords(language: language)
        let unreadable = Set(report.unreadable.map(\.committee.id))
        var notes: [String] = []
        let rows = report.status.committees.map { state in
            let marks = RoundReport.marks(state, report.status, language)
            var row = [RoundReport.label(state.committee.name(language), marks), words.state(state.kind)]
            // An archive file changed after its receipt counts as missing, here as in the text.
            if unreadable.contains(state.committee.id) { row[1] = words.changedArchive }
            if let receipt = state.accepted {
                row += [receipt.export.revision.map(String.init) ?? "", SwedishTime.minuteText(receipt.handIn.handedInAt),
                        words.yesNo(receipt.onTime), report.status.statusLabel(receipt.export.status, language),
                        receipt.export.headingsDone.map { "\($0) / \(receipt.export.headings ?? report.form.sections.count)" } ?? "",
                        receipt.handIn.owner]
            } else if let refusal = state.latestRefusal {
                var why = refusal.reasons.first.map { $0.message[language] } ?? ""
                if shorten, why.count > reasonLimit {
                    notes.append(why)
                    why = String(why.prefix(reasonLimit - 1)).trimmingCharacters(in: .whitespaces) + "… [\(notes.count)]"
                }
                row += ["", SwedishTime.minuteText(refusal.handIn.handedInAt), words.yesNo(refusal.onTime), why, "", refusal.handIn.owner]
            } else {
                row += ["", "", "", "", "", ""]
            }
            return row
        }
        return (rows, notes)
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
                rows.append([String(number), report.label(of: entry.committee, language)] + row)
            }
        }
        let columns = [TableColumn(words.number, alignment: .end), TableColumn(words.committee)]
            + CommitteeDocument.headers(table.columns, form: report.form, language: language)
        return Table(caption: words.listCaption(table.field.label[language]), columns: columns, rows: rows)
    }
}
