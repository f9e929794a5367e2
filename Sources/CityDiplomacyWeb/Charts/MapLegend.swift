/// The key of a world map: the marker of the page's own city (or country's cities) and a line in
/// the style of each kind of relation drawn, each with its name in the page's language — or, on
/// the map of the network of countries, lines of sample widths and a sample disc.
///
/// The legend sits in a corner on the side the page's language reads from (left in English, right
/// in Persian), at the top or the bottom, whichever hides fewer of the map's points; in Persian
/// its rows are mirrored too, the sample to the right of the words.
///
/// ```swift
/// let legend = MapLegend(entries: [.init(symbol: .home, text: "This city"),
///                                  .init(symbol: .arc(.sisterCity), text: "Sister city")])
/// let layout = legend.layout(in: frame, labels: placement, points: points)
/// ```
struct MapLegend {
    struct Entry {
        enum Symbol: Equatable {
            /// The marker of the page's own city.
            case home
            /// A relation's arc, in its kind's style.
            case arc(ArcStyle)
            /// An edge of the network of countries, this many pixels wide.
            case edge(width: Double)
            /// A country of the network of countries, a disc of this radius in pixels.
            case node(radius: Double)
        }

        var symbol: Symbol
        var text: String
    }

    /// The legend placed: its box and its rows, in canvas units.
    struct Layout {
        struct Row {
            var symbol: Entry.Symbol
            var text: String
            /// The middle of the symbol.
            var symbolCenter: MapPoint
            var symbolWidth: Double
            var textX: Double
            var textY: Double
            var anchor: MapLabels.Anchor
        }

        var box: MapFrame
        var rows: [Row]
    }

    var entries: [Entry]

    /// The legend's box and rows in `frame`, for names of the size `labels` writes them.
    func layout(in frame: MapFrame, labels: MapLabels, points: [MapPoint]) -> Layout? {
        guard !entries.isEmpty else { return nil }
        let px = labels.pixel, fontSize = labels.fontSize
        let padding = 8 * px, rowHeight = 1.5 * fontSize, symbolWidth = 26 * px, gap = 6 * px
        // The box must hold its longest row whatever the font: the more generous of the names'
        // estimate and the charts' measured one (Persian rows ran past the box in DejaVu Sans).
        let textWidth = entries.map { max(MapLabels.estimatedWidth($0.text, fontSize: fontSize), TextWidth.estimate($0.text, fontSize: fontSize)) }.max() ?? 0
        let width = padding + symbolWidth + gap + textWidth + padding
        let height = 2 * padding + Double(entries.count) * rowHeight - (rowHeight - fontSize)
        let inset = 8 * px
        let x = labels.rightToLeft ? frame.maxX - inset - width : frame.x + inset
        let corners = [frame.y + inset, frame.maxY - inset - height].map { MapFrame(x: x, y: $0, width: width, height: height) }
        // The corner that hides fewest points; the top one where they hide as many.
        let box = corners.min { a, b in points.count(where: a.contains) < points.count(where: b.contains) } ?? corners[0]
        let rows = entries.enumerated().map { index, entry in
            let middle = box.y + padding + Double(index) * rowHeight + fontSize / 2
            let symbolX = labels.rightToLeft ? box.maxX - padding - symbolWidth / 2 : box.x + padding + symbolWidth / 2
            let textX = labels.rightToLeft ? box.maxX - padding - symbolWidth - gap : box.x + padding + symbolWidth + gap
            return Layout.Row(symbol: entry.symbol, text: entry.text, symbolCenter: MapPoint(x: symbolX, y: middle), symbolWidth: symbolWidth,
                              textX: textX, textY: middle + 0.35 * fontSize, anchor: labels.rightToLeft ? .end : .start)
        }
        return Layout(box: box, rows: rows)
    }
}
