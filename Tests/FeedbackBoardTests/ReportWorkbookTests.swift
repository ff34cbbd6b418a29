import FeedbackDocuments
import FeedbackModel
import Foundation
import Testing
import TestSupport
@testable import FeedbackBoard

/// `board report --format xlsx`: a sheet of statuses and one per table of amounts, numbers
/// as numbers, totals as SUM formulas; read back by openpyxl and by LibreOffice.
@Suite struct ReportWorkbookTests {
    let form = shippedForm()

    static let openpyxl: Bool = {
        guard isInstalled("python3"), let result = try? run("/usr/bin/env", ["python3", "-c", "import openpyxl"]) else { return false }
        return result.status == 0
    }()
    static let libreOffice = (isInstalled("soffice") || isInstalled("libreoffice")) && openpyxl

    func round() throws -> (BoardTestInbox, RoundReport) {
        let box = try BoardTestInbox()
        for (index, committee) in form.committees.prefix(6).enumerated() {
            try box.drop(BoardSamples.export(BoardSamples.draft(form, committee: committee.id, index: index), form: form), as: "\(committee.id).json")
        }
        _ = try box.receive()
        return (box, try RoundReport.load(box.inbox, now: SampleDrafts.now))
    }

    /// Every table of the form with amounts, with its section, and the plan-year sums the
    /// exports state for it (`totals` of the export's JSON, whose sections are an array in the
    /// form's order), added over the committees.
    func statedTotals(_ report: RoundReport) -> [(section: SectionDefinition, field: FieldDefinition, column: ColumnDefinition, sums: [Int])] {
        var out: [(SectionDefinition, FieldDefinition, ColumnDefinition, [Int])] = []
        for (index, section) in form.sections.enumerated() {
            for field in section.fields {
                for column in field.columns where column.kind == .planYears && column.summable {
                    var sums = Array(repeating: 0, count: form.planPeriod.yearCount)
                    for entry in report.exports {
                        guard case .object(let totals)? = JSONEdit.value(at: ["sections", String(index), "tables", field.id, "totals", column.id],
                                                                         in: .object(entry.export.object)) else { continue }
                        for (i, year) in form.planPeriod.years.enumerated() { sums[i] += totals[String(year)]?.intValue ?? 0 }
                    }
                    out.append((section, field, column, sums))
                }
            }
        }
        return out
    }

    @Test func aSheetOfStatusesAndOneForEveryTableOfAmounts() throws {
        let (_, report) = try round()
        let workbook = ReportWorkbook(report: report, language: .sv).workbook()
        let tables = form.sections.flatMap(\.fields).filter { $0.columns.contains { $0.kind == .amount || $0.kind == .planYears } }
        #expect(workbook.sheets.map(\.name) == ["Läget i omgången"] + tables.map(\.label.sv))
        #expect(workbook.sheets[0].rows.count == form.committees.count)
        // The plan-year totals are SUM formulas whose values are what the exports state.
        let stated = statedTotals(report)
        #expect(!stated.isEmpty)
        #expect(stated.allSatisfy { $0.sums.contains { $0 != 0 } }, "the samples have amounts to add up")
        for (_, field, column, sums) in stated {
            let sheet = try #require(workbook.sheets.first { $0.name == field.label.sv })
            let first = try #require(sheet.header.firstIndex(of: "\(column.label.sv) \(form.planPeriod.years[0])"))
            let totals = try #require(sheet.footer.first)
            for (i, sum) in sums.enumerated() {
                guard case .formula(let formula, let cached) = totals[first + i] else { Issue.record("no formula under \(sheet.header[first + i])"); continue }
                #expect(formula.hasPrefix("SUM(") && cached == Double(sum), "\(field.id) \(sheet.header[first + i])")
            }
        }
    }

    @Test func theSameRoundGivesTheSameBytes() throws {
        let (_, report) = try round()
        #expect(try ReportWorkbook(report: report, language: .sv).render() == (try ReportWorkbook(report: report, language: .sv).render()))
    }

    /// What openpyxl sees: per sheet its name, frozen pane, filter, header, and per cell its
    /// value (formulas as text), type and number format; with data_only the cached values.
    static let readScript = """
        import json, sys, openpyxl
        out = []
        formulas = openpyxl.load_workbook(sys.argv[1])
        values = openpyxl.load_workbook(sys.argv[1], data_only=True)
        for ws in formulas.worksheets:
            vs = values[ws.title]
            rows = []
            for row, vrow in zip(ws.iter_rows(), vs.iter_rows()):
                rows.append([{"value": c.value if not isinstance(c.value, float) or not c.value.is_integer() else int(c.value),
                              "type": type(c.value).__name__, "format": c.number_format, "cached": v.value} for c, v in zip(row, vrow)])
            out.append({"name": ws.title, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "rows": rows,
                        "widths": [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(ws.max_column)]})
        print(json.dumps(out, ensure_ascii=False, default=str))
        """

    struct SeenSheet: Decodable {
        struct SeenCell: Decodable {
            var value: JSONish?
            var type: String
            var format: String
            var cached: JSONish?
        }
        var name: String
        var freeze: String?
        var filter: String?
        var rows: [[SeenCell]]
        var widths: [Double?]
    }

    enum JSONish: Decodable, Equatable {
        case number(Double), text(String)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Double.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
        }
        var number: Double? { if case .number(let n) = self { return n } else { return nil } }
        var text: String? { if case .text(let s) = self { return s } else { return nil } }
    }

    func read(_ path: String) throws -> [SeenSheet] {
        let result = try run("/usr/bin/env", ["python3", "-c", ReportWorkbookTests.readScript, path])
        #expect(result.status == 0, "openpyxl: \(result.stderr)")
        return try JSONDecoder().decode([SeenSheet].self, from: Data(result.stdout.utf8))
    }

    func checkTotals(_ sheets: [SeenSheet], report: RoundReport, cachedOnly: Bool, reader: String) throws {
        for (_, field, column, sums) in statedTotals(report) {
            let sheet = try #require(sheets.first { $0.name == field.label.sv }, "\(reader): sheet \(field.label.sv)")
            let header = sheet.rows[0].map { $0.value?.text ?? "" }
            let first = try #require(header.firstIndex(of: "\(column.label.sv) \(form.planPeriod.years[0])"))
            let total = try #require(sheet.rows.last)
            #expect(total[0].value?.text == "Summa")
            for (i, sum) in sums.enumerated() {
                let cell = total[first + i]
                if !cachedOnly { #expect(cell.value?.text?.hasPrefix("=SUM(") == true, "\(reader): \(header[first + i]) is a formula") }
                #expect(cell.cached?.number == Double(sum), "\(reader): \(header[first + i]) sums to \(sum)")
                // The body's numbers are numbers, and add up to the same.
                let body = sheet.rows.dropFirst().dropLast().compactMap { $0[first + i].value?.number }
                #expect(body.count == sheet.rows.count - 2, "\(reader): every amount of \(header[first + i]) a number")
                #expect(body.reduce(0, +) == Double(sum))
            }
        }
    }

    @Test(.enabled(if: ReportWorkbookTests.openpyxl, "openpyxl is not installed (pip install openpyxl)"))
    func openpyxlReadsNumbersFormulasFrozenHeadersAndFilters() throws {
        let (box, report) = try round()
        let path = box.folder.file("omgang.xlsx")
        try Data(try ReportWorkbook(report: report, language: .sv).render()).write(to: URL(fileURLWithPath: path))
        let sheets = try read(path)
        #expect(sheets.first?.name == "Läget i omgången")
        #expect(sheets.first?.rows.dropFirst().map { $0[0].value?.text ?? "" } == form.committees.map(\.name))
        for sheet in sheets {
            #expect(sheet.freeze == "A2", "\(sheet.name): header row frozen")
            #expect(sheet.filter?.hasPrefix("A1:") == true, "\(sheet.name): filter")
            #expect(sheet.widths.allSatisfy { ($0 ?? 0) >= 6 }, "\(sheet.name): widths \(sheet.widths)")
            for row in sheet.rows.dropFirst() {
                for cell in row where cell.type == "int" || cell.type == "float" { #expect(cell.format == "#,##0", "\(sheet.name): \(cell.format)") }
            }
        }
        try checkTotals(sheets, report: report, cachedOnly: false, reader: "openpyxl")
    }

    @Test(.enabled(if: ReportWorkbookTests.libreOffice, "LibreOffice or openpyxl is not installed"))
    func libreOfficeRecalculatesTheSameTotals() throws {
        let (box, report) = try round()
        let path = box.folder.file("omgang.xlsx")
        try Data(try ReportWorkbook(report: report, language: .sv).render()).write(to: URL(fileURLWithPath: path))
        // LibreOffice opens the workbook, computes every formula again and saves it: the
        // values it writes are its own sums.
        let out = box.folder.file("lo")
        let office = isInstalled("soffice") ? "soffice" : "libreoffice"
        let result = try run("/usr/bin/env", ["timeout", "180", office, "-env:UserInstallation=file://" + box.folder.file("lo-profile"),
                                              "--headless", "--convert-to", "xlsx", "--outdir", out, path])
        let converted = out + "/omgang.xlsx"
        #expect(FileManager.default.fileExists(atPath: converted), "LibreOffice made no workbook: \(result.stdout) \(result.stderr)")
        let sheets = try read(converted)
        #expect(sheets.map(\.name) == ReportWorkbook(report: report, language: .sv).workbook().sheets.map(\.name))
        try checkTotals(sheets, report: report, cachedOnly: false, reader: "LibreOffice")
    }
}
