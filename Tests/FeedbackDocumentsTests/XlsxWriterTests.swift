import FeedbackModel
import Foundation
import Testing
import TestSupport
import ZIPFoundation
@testable import FeedbackDocuments

/// The workbook writer: SpreadsheetML parts Excel expects, the same bytes for the same
/// workbook, names and widths made to fit.
@Suite struct XlsxWriterTests {
    func workbook() -> Workbook {
        var sheet = Sheet(name: "Investeringar: 2028/2029", header: ["Nämnd", "Belopp 2028", "Belopp 2029"], rows: [
            [.text("Kollektivtrafiknämnden"), .integer(12_500), .integer(-300)],
            [.text("Kulturnämnden <&>"), .integer(1_234_567), .empty],
        ])
        sheet.footer = [[.text("Summa"), sheet.sum(column: 1), sheet.sum(column: 2)]]
        return Workbook(properties: DocumentProperties(title: "Omgången", language: .swedish), sheets: [sheet, Sheet(name: "Investeringar: 2028/2029", header: ["x"], rows: [])])
    }

    func parts(_ bytes: [UInt8]) throws -> [String: String] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return out
    }

    @Test func columnNamesAndReferences() {
        #expect((0..<3).map(Sheet.columnName) == ["A", "B", "C"])
        #expect(Sheet.columnName(25) == "Z" && Sheet.columnName(26) == "AA" && Sheet.columnName(701) == "ZZ" && Sheet.columnName(702) == "AAA")
        #expect(Sheet.reference(column: 1, row: 0) == "B2")
    }

    @Test func totalsAreSumFormulasWithTheirValues() throws {
        let sheet = workbook().sheets[0]
        #expect(sheet.footer[0][1] == .formula("SUM(B2:B3)", cached: 1_247_067))
        #expect(sheet.footer[0][2] == .formula("SUM(C2:C3)", cached: -300))
        let xml = try #require(try parts(XlsxWriter().write(workbook()))["xl/worksheets/sheet1.xml"])
        #expect(xml.contains("<c r=\"B4\" s=\"3\"><f>SUM(B2:B3)</f><v>1247067</v></c>"))
        #expect(xml.contains("<c r=\"B2\" s=\"2\"><v>12500</v></c>"))
        #expect(xml.contains("state=\"frozen\"") && xml.contains("<autoFilter ref=\"A1:C3\"/>"))
    }

    @Test func namesExcelAcceptsAndTheSameBytesEachTime() throws {
        #expect(XlsxWriter.sheetNames(["Investeringar: 2028/2029", "investeringar- 2028-2029", "", String(repeating: "x", count: 40)])
                == ["Investeringar- 2028-2029", "investeringar- 2028-2029 (2)", "Blad 3", String(repeating: "x", count: 31)])
        let bytes = try XlsxWriter().write(workbook())
        #expect(bytes == (try XlsxWriter().write(workbook())))
        let all = try parts(bytes)
        #expect(all["xl/workbook.xml"]?.contains("name=\"Investeringar- 2028-2029 (2)\"") == true)
        #expect(all["xl/sharedStrings.xml"]?.contains("Kulturnämnden &lt;&amp;&gt;") == true)
        #expect(all["[Content_Types].xml"]?.contains("/xl/worksheets/sheet2.xml") == true)
    }

    @Test func columnsAreAsWideAsTheirLongestText() {
        let widths = XlsxWriter.columnWidths(workbook().sheets[0], columns: 3)
        #expect(widths[0] >= "Kollektivtrafiknämnden".count)
        #expect(widths[1] >= "1 234 567".count && widths[1] >= "Belopp 2028".count)
    }
}
