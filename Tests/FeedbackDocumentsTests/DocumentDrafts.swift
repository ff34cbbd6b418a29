import FeedbackModel
import Foundation
import TestSupport
@testable import FeedbackDocuments

/// Drafts for the document tests, and what a reader should find in their documents.
enum DocumentDrafts {
    static let form = shippedForm()

    /// The sample draft of the export's example, as the committee would have it.
    static func sample() throws -> Draft {
        let path = Paths.fixture("sample-hsn.json")
        let bytes = try FileStore.readLimited(path: path, limit: 1 << 24)
        return try DraftCodec.decode(bytes, file: path, form: form)
    }

    /// The sample with bullets, line breaks, markup characters and an empty heading 6.
    static func rich() throws -> Draft {
        var draft = try sample()
        draft.sections["goals", default: [:]]["text"] = .text(
            "Nämnden prioriterar tre mål *och* _två_ uppdrag [se bilaga] <b>fetstil</b> & 50 % | rör.\n\n"
                + "- Tillgänglighet i hela länet\n- Kompetens & bemanning\n- #1 prioritet: ekonomi i balans\n\n"
                + "Första raden\nandra raden\tmed tabb\n\n1. Inte en lista")
        draft.sections["goals", default: [:]]["text"] = .text(DraftText.canonical(draft.text(at: .section("goals", "text"))))
        draft.sections["other", default: [:]]["text"] = .text("")
        return draft
    }

    /// The paragraphs and bullets a reader must find under each heading, in order: for
    /// every section its heading text, then ("p", text) / ("li", text) items.
    static func expectedText(_ draft: Draft, language: Language) -> [(heading: String, items: [(kind: String, text: String)])] {
        form.sections.map { section in
            var items: [(String, String)] = []
            let pieces = DraftText.pieces(draft.text(at: .section(section.id, "text")))
            if pieces.isEmpty { items.append(("p", DocumentLabels.nothingReported[language])) }
            for piece in pieces {
                switch piece {
                case .paragraph(let text): items.append(("p", text))
                case .bullets(let bullets): items += bullets.map { ("li", $0) }
                }
            }
            return ("\(section.number). \(section.title[language])", items)
        }
    }

    /// The cells a reader must find in each table: header row, body rows, totals row.
    static func expectedTables(_ draft: Draft, language: Language) -> [[[String]]] {
        var tables: [[[String]]] = []
        for section in form.sections {
            for field in section.fields {
                guard case .table(let columns) = field.kind else { continue }
                let rows = draft.value(at: .section(section.id, field.id))?.rows ?? []
                guard !rows.isEmpty else { continue }
                var cells: [[String]] = [CommitteeDocument.headers(columns, form: form, language: language).map(\.header)]
                var sums = [Int](repeating: 0, count: form.planPeriod.yearCount)
                for row in rows {
                    var line: [String] = []
                    for column in columns {
                        switch column.kind {
                        case .planYears:
                            for (i, year) in form.planPeriod.years.enumerated() {
                                let n: Int?
                                switch row[TableRow.yearKey(column.id, year)] {
                                case .integer(let v)?: n = v
                                case .text(let s)?: n = AmountFormat.parse(s)
                                case nil: n = nil
                                }
                                sums[i] += n ?? 0
                                line.append(n.map(DocumentLabels.amount) ?? "")
                            }
                        case .choice(let options):
                            let id = row[column.id]?.displayText ?? ""
                            line.append(options.first { $0.id == id }?.label[language] ?? id)
                        default:
                            line.append(row[column.id]?.displayText ?? "")
                        }
                    }
                    cells.append(line)
                }
                if columns.contains(where: { $0.kind == .planYears && $0.summable }) {
                    var totals = [DocumentLabels.total[language]]
                    for column in columns.dropFirst() {
                        if column.kind == .planYears { totals += sums.map(DocumentLabels.amount) } else { totals.append("") }
                    }
                    cells.append(totals)
                }
                tables.append(cells)
            }
        }
        return tables
    }

    /// The sums per plan year of the investments, as the export adds them up.
    static func investmentTotals(_ draft: Draft) throws -> [String] {
        let result = try Exporter(form: form).export(draft, exportedAt: Timestamp(secondsSinceEpoch: 0))
        guard case .object(let root)? = try? JSONParser.parse(result.bytes),
              let sections = root["sections"]?.arrayValue,
              let investments = sections.first(where: { $0.objectValue?["id"]?.stringValue == "investments" })?.objectValue,
              let totals = investments["tables"]?.objectValue?["investments"]?.objectValue?["totals"]?.objectValue?["amounts"]?.objectValue
        else { return [] }
        return form.planPeriod.years.compactMap { totals[String($0)]?.intValue }.map(DocumentLabels.amount)
    }

    static func write(_ draft: Draft, _ format: DocumentFormat, language: Language = .sv, template: DocxTemplate? = nil,
                      to folder: TemporaryFolder, name: String? = nil) throws -> String {
        let bytes = try DocumentRenderer.render(draft, form: form, format: format, language: language, template: template)
        let path = folder.file(name ?? "document.\(format.fileExtension)")
        try folder.write(bytes: bytes, FileStore.fileName(of: path))
        return path
    }
}
