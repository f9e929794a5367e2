import Foundation

/// A horizontal bar chart as inline SVG, drawn on the server: labels, bars and values, mirrored
/// for right-to-left pages.
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

    func svg() -> String {
        let rowHeight = 24.0, labelWidth = 230.0, barSpace = 420.0, valueWidth = 60.0
        let width = labelWidth + barSpace + valueWidth
        let height = max(1, Double(bars.count)) * rowHeight + 8
        let maximum = Double(max(1, bars.map(\.value).max() ?? 1))
        var out = "<svg class=\"chart\" role=\"img\" aria-label=\"\(h(title))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title>\(h(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * rowHeight + 4
            let length = max(bar.value > 0 ? 2 : 0, Double(bar.value) / maximum * barSpace)
            let label = h(bar.label)
            let (labelX, anchor, barX, valueX, valueAnchor): (Double, String, Double, Double, String) = rightToLeft
                ? (width - 4, "end", width - labelWidth - length, width - labelWidth - length - 6, "end")
                : (4, "start", labelWidth, labelWidth + length + 6, "start")
            var row = "<g class=\"bar\"><text x=\"\(labelX)\" y=\"\(y + 16)\" text-anchor=\"\(anchor)\">\(label)</text>"
            row += "<rect x=\"\(fmt(barX))\" y=\"\(y + 3)\" width=\"\(fmt(length))\" height=\"\(rowHeight - 8)\"><title>\(label): \(h(format(bar.value)))</title></rect>"
            row += "<text class=\"value\" x=\"\(fmt(valueX))\" y=\"\(y + 16)\" text-anchor=\"\(valueAnchor)\">\(h(format(bar.value)))</text></g>"
            if let href = bar.href { row = "<a href=\"\(h(href))\">\(row)</a>" }
            out += row
        }
        return out + "</svg>"
    }

    private func fmt(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
