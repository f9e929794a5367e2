import CityDiplomacyCore
import CityDiplomacyPresentation

/// A horizontal bar chart of counts, drawn for publication: a value axis with round ticks and
/// gridlines, each count written past the end of its bar, category labels that fit (wrapped onto a
/// second line, or cut with the whole label in a tooltip), and in Persian the whole chart mirrored
/// — labels on the right, bars growing leftwards, Persian digits.
///
/// The same chart is drawn inside a page (the `_bar-chart` template) and as a file of its own,
/// with its caption, source and styles written into it (``standaloneSVG``); ``csv`` gives the
/// numbers behind it:
///
/// ```swift
/// let chart = BarChart(caption: "Relations by kind", categoryHeading: "Kind", valueHeading: "Relations",
///                      bars: [.init(label: "Sister cities", value: 52)], language: .en)
/// chart.view(standalone: false)   // what the page draws
/// chart.csv                        // "\u{FEFF}Kind,Relations\r\nSister cities,52\r\n"
/// ```
struct BarChart: Sendable {
    struct Bar: Sendable {
        var label: String
        var value: Int
        var href: String?
        /// Counted but in none of the categories — undated, unclassified, outside the periods:
        /// drawn after the others, across a rule, in a muted colour.
        var setApart = false
    }

    var caption: String
    /// Where the numbers come from, written under a standalone chart.
    var source: String?
    /// The header of the labels' column in the CSV.
    var categoryHeading: String
    /// What a bar counts: the title of the value axis and of the numbers' column in the CSV.
    var valueHeading: String
    var bars: [Bar]
    var language: Language
    /// What is shown in place of bars when there are none.
    var emptyNote = ""

    var rightToLeft: Bool { language == .fa }

    /// How the chart writes a number: Persian digits in Persian.
    func number(_ value: Int) -> String {
        OutputStyle(language: language).number(value)
    }
}
