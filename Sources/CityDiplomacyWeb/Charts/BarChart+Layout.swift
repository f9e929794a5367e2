/// Where everything of a ``BarChart`` goes, in SVG user units (pixels at full size), before it is
/// written out: the numbers tests hold the drawing to.
///
/// The chart is laid out left to right and, for a right-to-left language, mirrored here in
/// coordinates: every `x` becomes `width - x` and every anchor is swapped. The SVG keeps
/// `direction="ltr"`, because an inherited `direction: rtl` swaps what `text-anchor` start and end
/// mean — that pushed Persian labels off the chart and values onto the bars.
struct BarChartLayout {
    enum Anchor: String {
        case start, middle, end

        var mirrored: Anchor {
            switch self {
            case .start: .end
            case .middle: .middle
            case .end: .start
            }
        }
    }

    /// A line of text, where it stands and how wide it is estimated to be.
    struct Text {
        var text: String
        var x: Double
        /// The baseline.
        var y: Double
        var anchor: Anchor
        var estimatedWidth: Double

        /// Where the text begins and ends on the page, left to right.
        var extent: ClosedRange<Double> {
            switch anchor {
            case .start: x...(x + estimatedWidth)
            case .middle: (x - estimatedWidth / 2)...(x + estimatedWidth / 2)
            case .end: (x - estimatedWidth)...x
            }
        }
    }

    struct Rectangle {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    struct Row {
        /// The label, on one line or two.
        var lines: [Text]
        var label: String
        /// Whether the label had to be cut (the whole of it is then a tooltip).
        var truncated: Bool
        var bar: Rectangle
        var value: Text
        var href: String?
        var setApart: Bool
    }

    struct Tick {
        var value: Int
        var x: Double
        var label: Text
    }

    var width: Double
    var height: Double
    var rightToLeft: Bool
    /// The caption and source, drawn only in a standalone chart.
    var caption: [Text] = []
    var source: [Text] = []
    var rows: [Row] = []
    var ticks: [Tick] = []
    /// The vertical extent of the gridlines; the axis line is at the bottom.
    var plotTop = 0.0
    var plotBottom = 0.0
    /// The span of the bars' area, left to right.
    var plotLeft = 0.0
    var plotRight = 0.0
    var axisTitle: Text?
    /// The rule between the categories and the counts set apart from them.
    var separatorY: Double?
    /// The note drawn when there are no bars.
    var empty: Text?
}

extension BarChart {
    /// Sizes of the drawing, in SVG user units.
    enum Metrics {
        static let width = 720.0
        static let padding = 8.0
        static let fontSize = 12.0
        static let tickFontSize = 11.0
        static let captionFontSize = 15.0
        static let sourceFontSize = 11.0
        static let lineHeight = 14.0
        static let rowHeight = 24.0
        static let barHeight = 14.0
        static let labelGap = 8.0
        static let valueGap = 5.0
        static let apartGap = 16.0
        /// Labels take at most this share of the width; longer ones are wrapped or cut.
        static let labelShare = 0.4
        static let labelLines = 2
        /// From the centre of a line of 12-pixel text to its baseline.
        static let baselineDrop = 4.0
    }

    /// The chart laid out; `standalone` puts the caption above and the source below, as a file
    /// of its own needs them (a page has its own caption).
    func layout(standalone: Bool) -> BarChartLayout {
        typealias M = Metrics
        // Laid out left to right, then mirrored for a right-to-left language.
        var layout = BarChartLayout(width: M.width, height: 0, rightToLeft: false)
        var y = M.padding
        if standalone {
            // The caption is bold, a tenth wider than the regular text it is measured as.
            let measuredSize = M.captionFontSize * 1.1
            for line in TextWidth.lines(caption, fitting: M.width - 2 * M.padding, fontSize: measuredSize, maximumLines: 2).lines {
                y += 18
                layout.caption.append(text(line, x: M.padding, y: y, anchor: .start, fontSize: measuredSize))
            }
            y += 12
        }
        if bars.isEmpty {
            layout.empty = text(emptyNote, x: M.width / 2, y: y + 20, anchor: .middle, fontSize: M.fontSize)
            y += 32
        } else {
            y = layOutBars(in: &layout, top: y)
        }
        if standalone, let source {
            y += 6
            for line in TextWidth.lines(source, fitting: M.width - 2 * M.padding, fontSize: M.sourceFontSize, maximumLines: 2).lines {
                y += 14
                layout.source.append(text(line, x: M.padding, y: y, anchor: .start, fontSize: M.sourceFontSize))
            }
        }
        layout.height = (y + M.padding).rounded(.up)
        return rightToLeft ? layout.mirrored : layout
    }

    /// The labels, bars, values and the axis below them, from `top` down; returns the bottom.
    private func layOutBars(in layout: inout BarChartLayout, top: Double) -> Double {
        typealias M = Metrics
        let values = bars.map { number($0.value) }
        let axis = ValueAxis(maximum: bars.map(\.value).max() ?? 0)
        let tickLabels = axis.ticks.map(number)
        let valueWidth = values.map { TextWidth.estimate($0, fontSize: M.fontSize) }.max() ?? 0
        let tickHalf = (tickLabels.map { TextWidth.estimate($0, fontSize: M.tickFontSize) }.max() ?? 0) / 2
        let widest = bars.map { TextWidth.estimate($0.label, fontSize: M.fontSize) }.max() ?? 0
        let labelColumn = min(widest, M.width * M.labelShare)
        let barStart = M.padding + labelColumn + M.labelGap
        let barEnd = M.width - M.padding - max(M.valueGap + valueWidth, tickHalf)
        let scale = (barEnd - barStart) / Double(axis.end)
        layout.plotLeft = barStart
        layout.plotRight = barEnd
        layout.plotTop = top
        var y = top
        for (index, bar) in bars.enumerated() {
            if bar.setApart, index > 0, !bars[index - 1].setApart {
                layout.separatorY = y + M.apartGap / 2
                y += M.apartGap
            }
            let (lines, truncated) = TextWidth.lines(bar.label, fitting: labelColumn, fontSize: M.fontSize, maximumLines: M.labelLines)
            let height = M.rowHeight + Double(lines.count - 1) * M.lineHeight
            let centre = y + height / 2
            let length = bar.value > 0 ? max(1, Double(bar.value) * scale) : 0
            let firstBaseline = centre + M.baselineDrop - Double(lines.count - 1) * M.lineHeight / 2
            layout.rows.append(BarChartLayout.Row(
                lines: lines.enumerated().map { lineIndex, line in
                    text(line, x: barStart - M.labelGap, y: firstBaseline + Double(lineIndex) * M.lineHeight, anchor: .end, fontSize: M.fontSize)
                },
                label: bar.label, truncated: truncated,
                bar: .init(x: barStart, y: centre - M.barHeight / 2, width: length, height: M.barHeight),
                value: text(values[index], x: barStart + length + M.valueGap, y: centre + M.baselineDrop, anchor: .start, fontSize: M.fontSize),
                href: bar.href, setApart: bar.setApart))
            y += height
        }
        layout.plotBottom = y
        layout.ticks = zip(axis.ticks, tickLabels).map { value, label in
            let x = barStart + Double(value) * scale
            return .init(value: value, x: x, label: text(label, x: x, y: y + 16, anchor: .middle, fontSize: M.tickFontSize))
        }
        layout.axisTitle = text(valueHeading, x: (barStart + barEnd) / 2, y: y + 34, anchor: .middle, fontSize: M.fontSize)
        return y + 34
    }

    private func text(_ text: String, x: Double, y: Double, anchor: BarChartLayout.Anchor, fontSize: Double) -> BarChartLayout.Text {
        .init(text: text, x: x, y: y, anchor: anchor, estimatedWidth: TextWidth.estimate(text, fontSize: fontSize))
    }
}

extension BarChartLayout {
    /// The same chart for a right-to-left reader: left and right swapped.
    var mirrored: BarChartLayout {
        var copy = self
        copy.rightToLeft = !rightToLeft
        copy.caption = caption.map(mirror)
        copy.source = source.map(mirror)
        copy.empty = empty.map(mirror)
        copy.axisTitle = axisTitle.map(mirror)
        copy.ticks = ticks.map { .init(value: $0.value, x: width - $0.x, label: mirror($0.label)) }
        copy.rows = rows.map { row in
            var row = row
            row.lines = row.lines.map(mirror)
            row.value = mirror(row.value)
            row.bar.x = width - row.bar.x - row.bar.width
            return row
        }
        copy.plotLeft = width - plotRight
        copy.plotRight = width - plotLeft
        return copy
    }

    private func mirror(_ text: Text) -> Text {
        var text = text
        text.x = width - text.x
        text.anchor = text.anchor.mirrored
        return text
    }
}
