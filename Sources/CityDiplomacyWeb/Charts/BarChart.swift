import Foundation

/// A horizontal bar chart as inline SVG, drawn on the server by the `_bar-chart` template: labels,
/// bars and values, mirrored for right-to-left pages.
///
/// The SVG is always laid out left to right (`direction="ltr"`) with explicit anchors: inherited
/// from a Persian page, `direction: rtl` swaps what `text-anchor` start and end mean, which pushed
/// labels off the chart and values onto the bars. Mirroring is done here, in coordinates.
struct BarChart {
    struct Bar {
        var label: String
        var value: Int
        var href: String?
    }

    var title: String
    var bars: [Bar]
    var rightToLeft: Bool
    /// How a value is written (Persian digits on Persian pages).
    var format: (Int) -> String

    /// The chart's geometry and text, as the template draws them.
    var view: BarChartView {
        let rowHeight = 24.0, labelWidth = 230.0, barSpace = 420.0
        let width = labelWidth + barSpace + 60
        let maximum = Double(max(1, bars.map(\.value).max() ?? 1))
        let rows = bars.enumerated().map { index, bar in
            let y = Double(index) * rowHeight + 4
            let length = max(bar.value > 0 ? 2 : 0, Double(bar.value) / maximum * barSpace)
            // Labels sit against the outer edge, values just past the end of the bar.
            let (labelX, labelAnchor, barX, valueX, valueAnchor) = rightToLeft
                ? (width - 4, "end", width - labelWidth - length, width - labelWidth - length - 6, "end")
                : (4, "start", labelWidth, labelWidth + length + 6, "start")
            return BarChartView.Row(label: bar.label, value: format(bar.value), barLink: bar.href,
                                    labelX: fmt(labelX), labelAnchor: labelAnchor, textY: fmt(y + 16),
                                    barX: fmt(barX), barY: fmt(y + 3), barWidth: fmt(length), barHeight: fmt(rowHeight - 8),
                                    valueX: fmt(valueX), valueAnchor: valueAnchor)
        }
        return BarChartView(title: title, width: String(Int(width)), height: String(Int(max(1, Double(bars.count)) * rowHeight + 8)), rows: rows)
    }

    private func fmt(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

/// What the `_bar-chart` template draws: every number already written as SVG wants it.
struct BarChartView {
    struct Row {
        let label: String
        let value: String
        let barLink: String?
        let labelX: String
        let labelAnchor: String
        let textY: String
        let barX: String
        let barY: String
        let barWidth: String
        let barHeight: String
        let valueX: String
        let valueAnchor: String
    }

    let title: String
    let width: String
    let height: String
    let rows: [Row]
}
