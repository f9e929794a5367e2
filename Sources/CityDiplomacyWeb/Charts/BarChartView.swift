import Foundation

/// What the `_bar-chart` template draws: a ``BarChartLayout`` with every number written as SVG
/// wants it, and Persian text embedded right to left.
///
/// The SVG's own direction stays left to right (anchors mean what the layout says); a line of
/// Persian is wrapped in RIGHT-TO-LEFT EMBEDDING … POP DIRECTIONAL FORMATTING, so that inside it
/// a period's label reads from the right, its years first and then its discourse, as on the page
/// around it (laid out left to right, the years would come last).
struct BarChartView {
    struct Line {
        let x: String
        let y: String
        let anchor: String
        let text: String
    }

    struct Row {
        let lines: [Line]
        /// The whole label, for the tooltips of the bar and of a cut label.
        let label: String
        let truncated: Bool
        let value: Line
        /// The count as written, for the tooltip.
        let count: String
        let barX: String
        let barY: String
        let barWidth: String
        let barHeight: String
        let barLink: String?
        let setApart: Bool
    }

    struct Tick {
        let x: String
        let label: Line
    }

    let title: String
    let width: String
    let height: String
    /// A file of its own: it declares its fonts and colours and carries its caption and source.
    let standalone: Bool
    let captionLines: [Line]
    let sourceLines: [Line]
    let rows: [Row]
    let ticks: [Tick]
    /// Whether there are bars, and so an axis.
    let hasAxis: Bool
    let gridTop: String
    let gridBottom: String
    let tickBottom: String
    let axisLeft: String
    let axisRight: String
    let axisTitleLine: Line?
    let separatorY: String?
    let separatorLeft: String
    let separatorRight: String
    /// Said instead of drawing bars when there are none. (Optional names are unique: Mustache
    /// looks a `nil` up in the enclosing views.)
    let noBarsNote: Line?

    init(_ layout: BarChartLayout, title: String, standalone: Bool) {
        let isolate = layout.rightToLeft
        func line(_ text: BarChartLayout.Text) -> Line {
            Line(x: Self.number(text.x), y: Self.number(text.y), anchor: text.anchor.rawValue,
                 text: isolate ? "\u{202B}" + text.text + "\u{202C}" : text.text)
        }
        self.title = title
        width = Self.number(layout.width)
        height = Self.number(layout.height)
        self.standalone = standalone
        captionLines = layout.caption.map(line)
        sourceLines = layout.source.map(line)
        rows = layout.rows.map { row in
            Row(lines: row.lines.map(line), label: row.label, truncated: row.truncated, value: line(row.value), count: row.value.text,
                barX: Self.number(row.bar.x), barY: Self.number(row.bar.y), barWidth: Self.number(row.bar.width),
                barHeight: Self.number(row.bar.height), barLink: standalone ? nil : row.href, setApart: row.setApart)
        }
        ticks = layout.ticks.map { Tick(x: Self.number($0.x), label: line($0.label)) }
        hasAxis = !layout.rows.isEmpty
        gridTop = Self.number(layout.plotTop)
        gridBottom = Self.number(layout.plotBottom)
        tickBottom = Self.number(layout.plotBottom + 4)
        axisLeft = Self.number(layout.plotLeft)
        axisRight = Self.number(layout.plotRight)
        axisTitleLine = layout.axisTitle.map(line)
        separatorY = layout.separatorY.map(Self.number)
        separatorLeft = Self.number(BarChart.Metrics.padding)
        separatorRight = Self.number(layout.width - BarChart.Metrics.padding)
        noBarsNote = layout.empty.map(line)
    }

    /// A coordinate with one decimal, whatever the locale.
    static func number(_ value: Double) -> String {
        Coordinate.text(value)
    }
}

extension BarChart {
    /// What the page draws.
    var view: BarChartView {
        BarChartView(layout(standalone: false), title: caption, standalone: false)
    }

    /// The chart as a file of its own: an XML declaration, then the SVG with its caption, source,
    /// fonts and colours in it, so that it renders alike in a browser, an editor or a document.
    func standaloneSVG() throws(TemplateError) -> String {
        let view = BarChartView(layout(standalone: true), title: caption, standalone: true)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + (try PageTemplates.render("_bar-chart", view)) + "\n"
    }
}
