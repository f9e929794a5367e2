import Foundation

/// What the `_country-network` template draws: every number already written as SVG wants it, in
/// the canvas units of ``EqualEarth``, colours and fonts as attributes so that the same drawing
/// stands alone as a file. Names of optional values are unique (`discLink`, `nameLink`…):
/// Mustache looks a `nil` up in the enclosing views.
struct CountryNetworkMapView {
    struct Line {
        let d: String
        let stroke: String
        /// Pixels, whatever the crop (the path's stroke does not scale).
        let strokeWidth: String
        let lineTitle: String
    }

    struct Disc {
        let cx: String
        let cy: String
        let r: String
        let fill: String
        let discTitle: String
        let discLink: String?
    }

    struct Name {
        let text: String
        let x: String
        let y: String
        let anchor: String
        let bold: Bool
        let nameLink: String?
        /// Path data of the line to a name set further off from its disc.
        let leader: String?
    }

    /// A line of text outside the map: the caption and source of the file of its own.
    struct TextLine {
        let text: String
        let x: String
        let y: String
        let anchor: String
        let size: String
        let weight: String
    }

    struct Legend {
        struct SampleLine {
            let d: String
            let strokeWidth: String
        }

        struct SampleDisc {
            let cx: String
            let cy: String
            let r: String
        }

        struct Row {
            let sampleLine: SampleLine?
            let sampleDisc: SampleDisc?
            let text: String
            let textX: String
            let textY: String
            let anchor: String
        }

        let x: String
        let y: String
        let width: String
        let height: String
        let rows: [Row]
    }

    let title: String
    let viewBox: String
    /// A file of its own: its size, a white background and the base map in it, its caption below.
    let standalone: Bool
    let width: String
    let height: String
    let backgroundX: String
    let backgroundY: String
    let backgroundWidth: String
    let backgroundHeight: String
    /// The base map, from the assets (in a page) or written in (a file of its own: trusted markup).
    let baseMap: String
    let inlineBaseMap: String
    let canvasWidth: String
    let canvasHeight: String
    let lines: [Line]
    let discs: [Disc]
    let fontSize: String
    let halo: String
    let names: [Name]
    let legend: Legend?
    let captionLines: [TextLine]
    /// How many countries are not named on the map (their discs name them when pointed at).
    let unnamed: Int

    static let edgeColour = "#2c7fb8", focusColour = "#d95f02", discColour = "#18435a"
}

extension CountryNetworkMap {
    /// The map as a page draws it, over the cached base map.
    var view: CountryNetworkMapView { view(standalone: false) }

    func view(standalone: Bool) -> CountryNetworkMapView {
        let layout = layout
        let fmt = WorldMap.fmt, px = layout.pixel
        // Persian text is set right to left within the map, which is laid out left to right.
        let embed = { (text: String) in rightToLeft ? "\u{202B}" + text + "\u{202C}" : text }
        let band = standalone ? captionBand(layout) : (lines: [], height: 0)
        let box = MapFrame(x: layout.frame.x, y: layout.frame.y, width: layout.frame.width, height: layout.frame.height + band.height)
        let displayHeight = WorldMap.displayWidth * box.height / box.width
        return CountryNetworkMapView(
            title: title, viewBox: box.viewBox, standalone: standalone,
            width: fmt(WorldMap.displayWidth), height: fmt(displayHeight),
            backgroundX: fmt(box.x), backgroundY: fmt(box.y), backgroundWidth: fmt(box.width), backgroundHeight: fmt(box.height),
            baseMap: WorldMap.baseMap, inlineBaseMap: standalone ? Self.inlineBaseMap : "",
            canvasWidth: fmt(EqualEarth.canvas.width), canvasHeight: fmt(EqualEarth.canvas.height),
            lines: layout.lines.map { line in
                .init(d: WorldMap.pathData(line.runs), stroke: line.emphasised ? CountryNetworkMapView.focusColour : CountryNetworkMapView.edgeColour,
                      strokeWidth: fmt(line.width), lineTitle: line.edge.title)
            },
            discs: layout.discs.map { disc in
                .init(cx: fmt(disc.point.x), cy: fmt(disc.point.y), r: fmt(disc.radius),
                      fill: disc.country.emphasised ? CountryNetworkMapView.focusColour : CountryNetworkMapView.discColour,
                      discTitle: disc.country.title, discLink: standalone ? nil : disc.country.href)
            },
            fontSize: fmt(layout.labels.fontSize), halo: fmt(layout.labels.haloWidth),
            names: layout.names.map { name in
                .init(text: embed(name.text), x: fmt(name.x), y: fmt(name.y), anchor: name.anchor.rawValue, bold: name.emphasised,
                      nameLink: standalone ? nil : name.href, leader: name.leader.map { WorldMap.pathData([[$0.from, $0.to]]) })
            },
            legend: layout.legend.map { legend in
                CountryNetworkMapView.Legend(
                    x: fmt(legend.box.x), y: fmt(legend.box.y), width: fmt(legend.box.width), height: fmt(legend.box.height),
                    rows: legend.rows.map { row in
                        let c = row.symbolCenter, half = row.symbolWidth / 2
                        var line: CountryNetworkMapView.Legend.SampleLine?, disc: CountryNetworkMapView.Legend.SampleDisc?
                        switch row.symbol {
                        case let .edge(width):
                            line = .init(d: "M" + fmt(c.x - half) + " " + fmt(c.y) + "L" + fmt(c.x + half) + " " + fmt(c.y), strokeWidth: fmt(width))
                        case let .node(radius):
                            disc = .init(cx: fmt(c.x), cy: fmt(c.y), r: fmt(radius * px))
                        case .home, .arc:
                            break
                        }
                        return .init(sampleLine: line, sampleDisc: disc, text: embed(row.text), textX: fmt(row.textX), textY: fmt(row.textY),
                                     anchor: row.anchor.rawValue)
                    })
            },
            captionLines: band.lines.map { line in
                .init(text: embed(line.text), x: fmt(line.x), y: fmt(line.y), anchor: line.anchor.rawValue, size: fmt(line.size), weight: line.weight)
            },
            unnamed: layout.unnamed)
    }

    /// The caption and source under the map in its file of its own, wrapped to its width, on the
    /// side the language reads from; and the height they take.
    private func captionBand(_ layout: Layout) -> (lines: [(text: String, x: Double, y: Double, anchor: MapLabels.Anchor, size: Double, weight: String)], height: Double) {
        let frame = layout.frame, px = layout.pixel
        let padding = 10 * px, width = frame.width - 2 * padding
        let x = rightToLeft ? frame.maxX - padding : frame.x + padding
        let anchor: MapLabels.Anchor = rightToLeft ? .end : .start
        var lines: [(text: String, x: Double, y: Double, anchor: MapLabels.Anchor, size: Double, weight: String)] = []
        var y = frame.maxY + padding
        for (text, size, weight) in [(caption, 13 * px, "600"), (source, 11 * px, "400")] where !text.isEmpty {
            for line in TextWidth.lines(text, fitting: width, fontSize: size, maximumLines: 3).lines {
                y += 1.35 * size
                lines.append((line, x, y, anchor, size, weight))
            }
        }
        return (lines, lines.isEmpty ? 0 : y - frame.maxY + padding)
    }

    /// The base map's drawing, to be written into a file of its own: its countries' outlines
    /// without their English names, which a Persian file must not show, as an `<svg>` placed on
    /// the canvas.
    static let inlineBaseMap: String = {
        guard let file = try? Assets.text("world-110m.svg"), let open = file.range(of: "<svg"),
              let openEnd = file.range(of: ">", range: open.upperBound..<file.endIndex) else { return "" }
        let body = file[openEnd.upperBound...].replacingOccurrences(of: "<title>[^<]*</title>", with: "", options: .regularExpression)
        return "<svg x=\"0\" y=\"0\" width=\"\(WorldMap.fmt(EqualEarth.canvas.width))\" height=\"\(WorldMap.fmt(EqualEarth.canvas.height))\" viewBox=\"0 0 1000 500\">"
            + body.trimmingCharacters(in: .whitespacesAndNewlines)
    }()

    /// The map as a file of its own: the drawing with its base map, caption and source.
    func standaloneSVG() throws(TemplateError) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + (try PageTemplates.render("_country-network", view(standalone: true))) + "\n"
    }
}
