import FeedbackModel

/// Draws a `BarChart` as SVG (no scripts, no fonts or images fetched): one bar per
/// category, one segment per series, the category's total above each bar, a legend beside.
/// With more series than colours the smallest are drawn together as "others".
struct BarChartSVG {
    struct Series {
        var label: String
        var amounts: [Int]
    }

    let years: [String]
    let series: [Series]
    let title: String

    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                          "#7F7F7F", "#8C564B", "#17BECF", "#BCBD22", "#1F3A93", "#F0E442"]

    /// The series, the largest first; beyond 11, the rest as one series.
    init(_ chart: BarChart) {
        years = chart.categories
        title = chart.title
        let total = { (s: BarChart.Series) in s.values.reduce(0, +) }
        let sorted = chart.series.filter { total($0) > 0 }.sorted { total($0) > total($1) }
        var series = sorted.prefix(BarChartSVG.palette.count - 1).map { Series(label: $0.label, amounts: $0.values) }
        let rest = sorted.dropFirst(BarChartSVG.palette.count - 1)
        if !rest.isEmpty {
            var sums = Array(repeating: 0, count: chart.categories.count)
            for row in rest { for i in sums.indices where i < row.values.count { sums[i] += row.values[i] } }
            series.append(Series(label: "\(chart.othersLabel) (\(rest.count))", amounts: sums))
        }
        self.series = series
    }

    /// A round axis maximum: 1, 2, 2.5 or 5 times a power of ten, at least the largest total.
    static func axisMaximum(_ value: Int) -> Int {
        guard value > 0 else { return 1 }
        var power = 1
        while power * 10 <= value { power *= 10 }
        for step in [1, 2, 5, 10] where step * power >= value {
            return step * power
        }
        return 10 * power
    }

    func svg() -> String {
        let width = 760.0, height = 380.0
        let left = 84.0, right = 250.0, top = 36.0, bottom = 44.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let totals = years.indices.map { i in series.reduce(0) { $0 + max(0, $1.amounts[i]) } }
        let maximum = BarChartSVG.axisMaximum(totals.max() ?? 0)
        func y(_ value: Int) -> Double { top + plotHeight - plotHeight * Double(value) / Double(maximum) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(Markup.attribute(title))\" class=\"chart\">\n"
        out += "<title>\(Markup.text(title))</title>\n"
        out += "<text x=\"\(Int(left))\" y=\"20\" font-size=\"14\" font-weight=\"bold\">\(Markup.text(title))</text>\n"
        for tick in 0...4 {
            let value = maximum * tick / 4
            let ty = y(value)
            out += "<line x1=\"\(f(left))\" y1=\"\(f(ty))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(ty))\" stroke=\"#ccc\" stroke-width=\"1\"/>\n"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(ty + 4))\" font-size=\"11\" text-anchor=\"end\">\(DocumentLabels.amount(value))</text>\n"
        }
        let slot = plotWidth / Double(max(years.count, 1))
        let barWidth = slot * 0.6
        for (i, year) in years.enumerated() {
            let x = left + slot * Double(i) + (slot - barWidth) / 2
            var base = 0
            for (s, entry) in series.enumerated() {
                let value = max(0, entry.amounts[i])
                guard value > 0 else { continue }
                let y0 = y(base + value), y1 = y(base)
                out += "<rect x=\"\(f(x))\" y=\"\(f(y0))\" width=\"\(f(barWidth))\" height=\"\(f(max(y1 - y0, 0.5)))\" fill=\"\(BarChartSVG.palette[s % BarChartSVG.palette.count])\"><title>\(Markup.text(entry.label)) \(Markup.text(year)): \(DocumentLabels.amount(value))</title></rect>\n"
                base += value
            }
            out += "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(y(base) - 5))\" font-size=\"11\" text-anchor=\"middle\">\(DocumentLabels.amount(totals[i]))</text>\n"
            out += "<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(top + plotHeight + 18))\" font-size=\"12\" text-anchor=\"middle\">\(Markup.text(year))</text>\n"
        }
        out += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(top + plotHeight))\" stroke=\"#333\" stroke-width=\"1\"/>\n"
        // The legend from the top of the bars down: the last series drawn is at the top.
        for (row, (s, entry)) in series.enumerated().reversed().enumerated() {
            let ly = top + 4 + Double(row) * 22
            out += "<rect x=\"\(f(width - right + 16))\" y=\"\(f(ly))\" width=\"14\" height=\"14\" fill=\"\(BarChartSVG.palette[s % BarChartSVG.palette.count])\"/>\n"
            out += "<text x=\"\(f(width - right + 36))\" y=\"\(f(ly + 12))\" font-size=\"12\">\(Markup.text(String(entry.label.prefix(32))))</text>\n"
        }
        out += "</svg>\n"
        return out
    }

    private func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
