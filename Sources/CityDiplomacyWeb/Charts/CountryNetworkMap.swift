import CityDiplomacyCore
import Foundation

/// The network of countries on the world map: each country a disc at the mean position of its
/// located cities, its area growing with its city pairs with other countries (its strength); the
/// city pairs between two countries a great-circle line whose width grows with the logarithm of
/// their number; names placed as on the other maps (``MapLabels``), and a legend.
///
/// It reuses the world map's projection (``EqualEarth``), frame, arcs, names and legend, and is
/// drawn by the `_country-network` template — inside a page over the cached base map, and as a
/// file of its own with the base map, fonts, colours, caption and source in it
/// (``standaloneSVG()``); ``csv`` gives the edges drawn.
///
/// ```swift
/// var map = CountryNetworkMap(title: "The network of countries", rightToLeft: false)
/// map.countries = [.init(code: "IR", label: "Iran", coordinates: tehran, strength: 70),
///                  .init(code: "IQ", label: "Iraq", coordinates: baghdad, strength: 6)]
/// map.edges = [.init(a: 0, b: 1, pairs: 6, title: "Iran – Iraq: 6 city pairs")]
/// let view = map.view   // what `_country-network` draws in a page
/// ```
struct CountryNetworkMap {
    struct Country {
        var code: String
        var label: String
        var href: String?
        var coordinates: Coordinates
        /// City pairs with other countries: the node's strength.
        var strength: Double
        /// What the disc says when pointed at.
        var title: String = ""
        /// The focus country: named first, in bold, its edges in another colour.
        var emphasised = false
    }

    /// City pairs between two countries.
    struct Edge {
        /// Indices into ``CountryNetworkMap/countries``.
        var a: Int
        var b: Int
        var pairs: Int
        var title: String = ""
    }

    /// A legend row for edges of `pairs` city pairs.
    struct PairSample {
        var pairs: Int
        var text: String
    }

    var title: String
    /// The countries drawn, the most important first: they are named first.
    var countries: [Country] = []
    var edges: [Edge] = []
    var rightToLeft: Bool
    /// The legend's samples of edge widths, and what a disc's size says.
    var pairSamples: [PairSample] = []
    var sizeNote = ""
    /// Written under the map in its file of its own.
    var caption = ""
    var source = ""
    /// The CSV's header, in the map's language.
    var csvHeader: [String] = []

    /// The discs' radii in CSS pixels at the map's usual width: the country with no city pair
    /// abroad, and the one with most.
    static let smallestRadius = 2.5, largestRadius = 11.0
    /// The radius of the legend's sample disc.
    static let sampleRadius = 6.0

    /// An edge's width in pixels: a hairline for one city pair, about 3.6 for ten, 6.5 for a hundred.
    static func edgeWidth(pairs: Int) -> Double {
        0.75 + 1.25 * log(Double(max(pairs, 1)))
    }

    /// A disc's radius in pixels: its area grows with the strength.
    func radius(_ country: Country, strongest: Double) -> Double {
        guard strongest > 0 else { return Self.smallestRadius }
        return Self.smallestRadius + (Self.largestRadius - Self.smallestRadius) * (max(country.strength, 0) / strongest).squareRoot()
    }

    /// The place that stands for a country: the mean of its cities' positions, taken on the
    /// sphere (the mean of their unit vectors, projected back), so that a country's cities either
    /// side of the antimeridian do not average to the other side of the world; `nil` for none.
    static func centre(of places: [Coordinates]) -> Coordinates? {
        guard !places.isEmpty else { return nil }
        var x = 0.0, y = 0.0, z = 0.0
        for place in places {
            let lat = place.latitude * .pi / 180, lng = place.longitude * .pi / 180
            x += cos(lat) * cos(lng)
            y += cos(lat) * sin(lng)
            z += sin(lat)
        }
        // Places that cancel out (antipodes) have no mean: the first stands for them.
        guard x * x + y * y + z * z > 1e-12 else { return places[0] }
        return try? Coordinates(latitude: atan2(z, (x * x + y * y).squareRoot()) * 180 / .pi, longitude: atan2(y, x) * 180 / .pi)
    }

    // MARK: Layout

    /// Everything placed, in canvas units: what the view writes out.
    struct Layout {
        struct Line {
            var runs: [[MapPoint]]
            /// Pixels.
            var width: Double
            var edge: Edge
            var emphasised: Bool
        }

        struct Disc {
            var point: MapPoint
            /// Canvas units.
            var radius: Double
            var country: Country
        }

        var frame: MapFrame
        /// Canvas units per CSS pixel at the map's usual width.
        var pixel: Double
        var labels: MapLabels
        /// Thickest first, so that thin lines lie on top.
        var lines: [Line]
        /// Largest first, so that small discs lie on top.
        var discs: [Disc]
        var names: [MapLabels.Label]
        var unnamed: Int
        var legend: MapLegend.Layout?
    }

    var layout: Layout {
        let points = countries.map { EqualEarth.project($0.coordinates) }
        let focus = Set(countries.indices.filter { countries[$0].emphasised })
        let lines = edges.sorted { $0.pairs > $1.pairs }.map { edge in
            Layout.Line(runs: WorldMap.projectedArc(from: countries[edge.a].coordinates, to: countries[edge.b].coordinates),
                        width: Self.edgeWidth(pairs: edge.pairs), edge: edge, emphasised: focus.contains(edge.a) || focus.contains(edge.b))
        }
        let frame = MapFrame.enclosing(points + lines.flatMap { $0.runs.joined() })
        let px = frame.width / WorldMap.displayWidth
        let labels = MapLabels(frame: frame, pixel: px, rightToLeft: rightToLeft)
        let strongest = countries.map(\.strength).max() ?? 0
        let discs = countries.indices.map { Layout.Disc(point: points[$0], radius: radius(countries[$0], strongest: strongest) * px, country: countries[$0]) }
        let legend = legendEntries.isEmpty ? nil : MapLegend(entries: legendEntries).layout(in: frame, labels: labels, points: points)
        // The focus country is named first; then the others, most important first.
        let order = countries.indices.filter { countries[$0].emphasised } + countries.indices.filter { !countries[$0].emphasised }
        let requests = order.map { index in
            MapLabels.Request(text: countries[index].label, href: countries[index].href, point: points[index], radius: discs[index].radius,
                              emphasised: countries[index].emphasised)
        }
        let (kept, dropped) = labels.place(requests, avoiding: legend.map { [$0.box] } ?? [])
        return Layout(frame: frame, pixel: px, labels: labels, lines: lines, discs: discs.sorted { $0.radius > $1.radius },
                      names: kept, unnamed: dropped.count, legend: legend)
    }

    /// Lines of each sample width, then the sample disc.
    private var legendEntries: [MapLegend.Entry] {
        guard !countries.isEmpty else { return [] }
        return pairSamples.map { MapLegend.Entry(symbol: .edge(width: Self.edgeWidth(pairs: $0.pairs)), text: $0.text) }
            + (sizeNote.isEmpty ? [] : [MapLegend.Entry(symbol: .node(radius: Self.sampleRadius), text: sizeNote)])
    }

    /// The pair counts the legend shows widths for: the powers of ten up to the most city pairs
    /// of an edge drawn, and that most (`[1, 10, 57]`, `[1, 6]`).
    static func samplePairs(upTo most: Int) -> [Int] {
        guard most > 0 else { return [] }
        var samples = [1, 10, 100, 1_000, 10_000].filter { $0 <= most }
        // The most, unless it is close to the last power of ten, which it then replaces.
        if most >= 2 * samples[samples.count - 1] { samples.append(most) } else { samples[samples.count - 1] = most }
        return samples
    }
}
