import Testing
@testable import FeedbackDocuments

/// The chart the HTML writer draws for a `Block.chart`.
@Suite struct BarChartTests {
    @Test func oneBarPerYearAndAGroupForManySeries() {
        let series = (0..<20).map { BarChart.Series(label: "Nämnd \($0)", values: [($0 + 1) * 100, 0, 50, 0]) }
        let chart = BarChartSVG(BarChart(title: "t", categories: ["2028", "2029", "2030", "2031"], series: series, othersLabel: "Övriga nämnder"))
        #expect(chart.series.count == BarChartSVG.palette.count)
        #expect(chart.series.last?.label == "Övriga nämnder (9)")
        #expect(chart.series.reduce(0) { $0 + $1.amounts[0] } == series.reduce(0) { $0 + $1.values[0] })
        let svg = chart.svg()
        #expect(svg.contains(">2028</text>"))
        #expect(svg.contains(">21\u{00A0}000</text>"))
        #expect(BarChartSVG.axisMaximum(21_000) == 50_000)
        #expect(BarChartSVG.axisMaximum(18_500) == 20_000)
        #expect(BarChartSVG.axisMaximum(0) == 1)
    }

    @Test func theHTMLWriterDrawsItAndTheOthersLeaveItOut() {
        let chart = BarChart(title: "Belopp <tkr>", categories: ["2028"], series: [BarChart.Series(label: "A & B", values: [5])], othersLabel: "Övriga")
        let document = Document(properties: DocumentProperties(title: "T", language: .swedish), blocks: [.chart(chart)])
        let html = HTMLWriter().write(document)
        #expect(html.contains("<svg"))
        #expect(html.contains("Belopp &lt;tkr&gt;"))
        #expect(html.contains("A &amp; B"))
        #expect(!MarkdownWriter().write(document).contains("A & B"))
    }
}
