import CityDiplomacyCore
import Testing
@testable import CityDiplomacyWeb

@Suite("A bar chart is laid out for publication, left to right in English and mirrored in Persian")
struct ChartGeometryTests {
    static let longLabel = "Western Europe, North America and the other states of the Organisation for Security and Co-operation in Europe"

    /// Four categories — one empty, one with a label too long for two lines — and a count set apart.
    static func chart(_ language: Language) -> BarChart {
        BarChart(caption: "Relations by region of the partner", source: "Source: a test.", categoryHeading: "Region",
                 valueHeading: "Relations",
                 bars: [.init(label: "Middle East and West Asia", value: 23), .init(label: longLabel, value: 7),
                        .init(label: "Africa", value: 0), .init(label: "Saint Petersburg (Russia)", value: 1),
                        .init(label: "Undated", value: 30, setApart: true)],
                 language: language)
    }

    @Test("Ticks are round steps from 0 past the largest value", arguments: [
        (23, [0, 5, 10, 15, 20, 25]), (3, [0, 1, 2, 3]), (70, [0, 20, 40, 60, 80]), (0, [0, 1]), (1000, [0, 200, 400, 600, 800, 1000]),
        (61, [0, 20, 40, 60, 80]), (7, [0, 2, 4, 6, 8]),
    ])
    func ticks(maximum: Int, expected: [Int]) {
        #expect(ValueAxis(maximum: maximum).ticks == expected)
    }

    @Test("English: labels end against the bars inside the chart, values start past each bar's end, the axis runs from 0 at the left")
    func leftToRight() throws {
        for standalone in [false, true] {
            let layout = Self.chart(.en).layout(standalone: standalone)
            try Self.expectInside(layout)
            for row in layout.rows {
                #expect(row.bar.x == layout.plotLeft)
                for line in row.lines {
                    #expect(line.anchor == .end)
                    #expect(line.extent.upperBound <= layout.plotLeft, "\(line.text) runs into the bars")
                }
                #expect(row.value.anchor == .start)
                #expect(row.value.extent.lowerBound > row.bar.x + row.bar.width, "\(row.label): the value overlaps its bar")
            }
            #expect(layout.ticks.map(\.value) == [0, 10, 20, 30])
            #expect(layout.ticks.first?.x == layout.plotLeft)
            #expect(abs((layout.ticks.last?.x ?? 0) - layout.plotRight) < 0.001)
            // The longest bar (30 of an axis to 30) reaches the end of the axis.
            let longest = try #require(layout.rows.last)
            #expect(abs(longest.bar.x + longest.bar.width - layout.plotRight) < 0.001)
        }
    }

    @Test("Persian: the same chart mirrored — labels on the right, bars growing leftwards from 0 at the right, values left of them, Persian digits")
    func rightToLeft() throws {
        let english = Self.chart(.en).layout(standalone: true)
        let persian = Self.chart(.fa).layout(standalone: true)
        try Self.expectInside(persian)
        #expect(persian.rightToLeft)
        for (row, mirror) in zip(persian.rows, english.rows) {
            #expect(abs(row.bar.x + row.bar.width - persian.plotRight) < 0.001, "bars grow from the right")
            #expect(abs(row.bar.x - (persian.width - mirror.bar.x - mirror.bar.width)) < 0.001)
            #expect(row.bar.width == mirror.bar.width)
            for line in row.lines {
                #expect(line.anchor == .start)
                #expect(line.extent.lowerBound >= persian.plotRight, "\(line.text) runs into the bars")
            }
            #expect(row.value.anchor == .end)
            #expect(row.value.extent.upperBound < row.bar.x, "\(row.label): the value overlaps its bar")
        }
        #expect(persian.ticks.first?.x == persian.plotRight)
        #expect(persian.ticks.map(\.label.text) == ["\u{06F0}", "\u{06F1}\u{06F0}", "\u{06F2}\u{06F0}", "\u{06F3}\u{06F0}"])
        #expect(persian.rows.first?.value.text == "\u{06F2}\u{06F3}")
        #expect(persian.caption.first?.anchor == .end)
        #expect(persian.caption.first?.x == persian.width - BarChart.Metrics.padding)
    }

    @Test("A label too long for two lines is wrapped between words, then cut with an ellipsis, its whole text kept for the tooltip")
    func longLabels() throws {
        for language in Language.allCases {
            let layout = Self.chart(language).layout(standalone: false)
            let long = try #require(layout.rows.first { $0.label == Self.longLabel })
            #expect(long.truncated)
            #expect(long.lines.count == 2)
            #expect(long.lines.last?.text.hasSuffix("\u{2026}") == true)
            #expect(long.lines.first.map { Self.longLabel.hasPrefix($0.text) } == true, "wrapped at a word, not cut")
            let short = try #require(layout.rows.first { $0.label == "Africa" })
            #expect(!short.truncated && short.lines.map(\.text) == ["Africa"])
            // A name is never split across lines mid-word.
            let city = try #require(layout.rows.first { $0.label.hasPrefix("Saint") })
            for line in city.lines { #expect(line.text.split(separator: " ").allSatisfy { "Saint Petersburg (Russia)".contains($0) }) }
        }
        let view = BarChartView(Self.chart(.en).layout(standalone: false), title: "t", standalone: false)
        #expect(view.rows.filter(\.truncated).count == 1)
    }

    @Test("Counts in none of the categories are drawn last, across a rule")
    func setApart() throws {
        for language in Language.allCases {
            let layout = Self.chart(language).layout(standalone: false)
            let rule = try #require(layout.separatorY)
            let undated = try #require(layout.rows.last)
            #expect(undated.setApart)
            #expect(undated.bar.y > rule)
            for row in layout.rows.dropLast() {
                #expect(!row.setApart)
                #expect(row.bar.y + row.bar.height < rule)
            }
        }
        var plain = Self.chart(.en)
        plain.bars.removeLast()
        #expect(plain.layout(standalone: false).separatorY == nil)
    }

    @Test("Label widths are over-estimated, never under: DejaVu Sans, the widest font named, measured in Chromium")
    func measurement() {
        // Chromium's widths in DejaVu Sans at 100 px: "Middle East and West Asia" 1317 px, "Western
        // Europe and North America" 1769 px, the Persian for Saint Petersburg 539 px, for the
        // dialogue among civilisations 640 px.
        #expect(TextWidth.estimate("Middle East and West Asia", fontSize: 100) >= 1317)
        #expect(TextWidth.estimate("Western Europe and North America", fontSize: 100) >= 1769)
        #expect(TextWidth.estimate("\u{0633}\u{0646}\u{200C}\u{067E}\u{062A}\u{0631}\u{0632}\u{0628}\u{0648}\u{0631}\u{06AF}", fontSize: 100) >= 539)
        #expect(TextWidth.estimate("\u{06AF}\u{0641}\u{062A}\u{06AF}\u{0648}\u{06CC} \u{062A}\u{0645}\u{062F}\u{0646}\u{200C}\u{0647}\u{0627}", fontSize: 100) >= 640)
        // Joiners and embedding marks take no room.
        #expect(TextWidth.estimate("\u{202B}\u{200C}\u{202C}", fontSize: 12) == 0)
    }

    @Test("A chart without bars says so instead of drawing an empty axis")
    func empty() {
        var chart = Self.chart(.fa)
        chart.bars = []
        chart.emptyNote = "Nothing to draw"
        let layout = chart.layout(standalone: false)
        #expect(layout.rows.isEmpty && layout.ticks.isEmpty)
        #expect(layout.empty?.text == "Nothing to draw")
        #expect(BarChartView(layout, title: "t", standalone: false).hasAxis == false)
    }

    /// Every piece of text and every bar lies inside the drawing.
    static func expectInside(_ layout: BarChartLayout, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let texts = layout.caption + layout.source + layout.rows.flatMap { $0.lines + [$0.value] } + layout.ticks.map(\.label)
            + [layout.axisTitle].compactMap { $0 }
        #expect(!texts.isEmpty, sourceLocation: sourceLocation)
        for text in texts {
            #expect(text.extent.lowerBound >= 0 && text.extent.upperBound <= layout.width, "'\(text.text)' leaves the chart: \(text.extent)",
                    sourceLocation: sourceLocation)
            #expect(text.y > 0 && text.y < layout.height, "'\(text.text)' is below the chart", sourceLocation: sourceLocation)
        }
        for row in layout.rows {
            #expect(row.bar.x >= 0 && row.bar.x + row.bar.width <= layout.width, sourceLocation: sourceLocation)
            #expect(row.bar.y + row.bar.height < layout.plotBottom, sourceLocation: sourceLocation)
        }
    }
}
