import CityDiplomacyCore
import Foundation

/// The world map of a page, drawn by the `_world-map` template: Natural Earth's 1:110m countries
/// in the Equal Earth projection (served once as `/assets/world-110m.svg` and drawn underneath),
/// cropped to the page's places, with relations as great-circle arcs styled by their kind, the
/// places as points named beside them, and a legend.
///
/// Both layers use the same projection (``EqualEarth``), so that the base map can be cached by
/// the browser while each page draws only its own arcs and shows only its own part of the world.
///
/// ```swift
/// let words = WorldMap.LegendWords(home: "This city", otherKinds: "Other kinds", kind: { $0.label.en })
/// var map = WorldMap(title: "Partners of Isfahan", legendWords: words, rightToLeft: false)
/// map.points = [.init(coordinates: isfahan, label: "Isfahan", href: nil, emphasised: true),
///               .init(coordinates: florence, label: "Florence", href: "/cities/iran-2018:florence")]
/// map.arcs = [.init(from: isfahan, to: florence, kind: .sisterCity)]
/// let view = map.view   // what `_world-map` draws
/// ```
struct WorldMap {
    struct Point {
        var coordinates: Coordinates
        var label: String
        var href: String?
        /// The page's own city (or one of its country's cities): a larger marker, named first.
        var emphasised = false
    }

    struct Arc {
        var from: Coordinates
        var to: Coordinates
        var kind: RelationKind
    }

    var title: String
    var points: [Point] = []
    var arcs: [Arc] = []
    var legendWords: LegendWords
    var rightToLeft: Bool

    /// The legend's words, in the page's language.
    struct LegendWords: Sendable {
        /// What the emphasised points are: "This city", "Cities of Iran".
        var home: String
        /// What kinds of relation the product does not know are called, together.
        var otherKinds: String
        /// What a kind of relation is called.
        var kind: @Sendable (RelationKind) -> String
    }

    /// The base map; the query names its projection, so that a browser holding a base map in
    /// another projection fetches this one.
    static let baseMap = "/assets/world-110m.svg?projection=equal-earth"
    /// The width the map is usually shown at, in CSS pixels (its `max-width` in style.css): sizes
    /// of points and names are given in pixels at that width.
    static let displayWidth = 960.0
    /// Radii of the markers, in CSS pixels: the page's own cities, their partners, the dot inside a home marker.
    static let homeRadius = 6.0, partnerRadius = 3.5, homeDotRadius = 2.2

    /// The map's points, arcs, names and legend, as the `_world-map` template draws them.
    var view: WorldMapView {
        let places = distinctPlaces()
        let runs = drawingOrder().map { (arc: $0, runs: Self.projectedArc(from: $0.from, to: $0.to)) }
        let frame = MapFrame.enclosing(places.map(\.point) + runs.flatMap { $0.runs.joined() })
        let px = frame.width / Self.displayWidth
        let labels = MapLabels(frame: frame, pixel: px, rightToLeft: rightToLeft)
        let legend = legend().layout(in: frame, labels: labels, points: places.map(\.point))
        let requests = places.map { place in
            MapLabels.Request(text: place.label, href: place.href, point: place.point, radius: radius(place, px), emphasised: place.emphasised)
        }
        let (kept, dropped) = labels.place(requests, avoiding: legend.map { [$0.box] } ?? [])
        return WorldMapView(
            title: title, viewBox: frame.viewBox, baseMap: Self.baseMap,
            canvasWidth: Self.fmt(EqualEarth.canvas.width), canvasHeight: Self.fmt(EqualEarth.canvas.height),
            arcs: runs.compactMap { WorldMapView.Arc(d: Self.pathData($0.runs), kind: ArcStyle($0.arc.kind).rawValue) },
            points: places.map { place in
                WorldMapView.Point(label: place.label, pointLink: place.href, x: Self.fmt(place.point.x), y: Self.fmt(place.point.y),
                                   radius: Self.fmt(radius(place, px)), home: place.emphasised, innerRadius: Self.fmt(Self.homeDotRadius * px))
            },
            fontSize: Self.fmt(labels.fontSize), halo: Self.fmt(labels.haloWidth),
            labels: kept.map { label in
                WorldMapView.Label(text: label.text, labelLink: label.href, x: Self.fmt(label.x), y: Self.fmt(label.y), anchor: label.anchor.rawValue,
                                   home: label.emphasised, leader: label.leader.map { Self.pathData([[$0.from, $0.to]]) })
            },
            legend: legend.map { WorldMapView.Legend($0, pixel: px) },
            unlabelled: dropped.count)
    }

    /// A point as drawn: one per city, the page's own cities first so that they are named first.
    private struct Place {
        var point: MapPoint
        var label: String
        var href: String?
        var emphasised: Bool
    }

    private func distinctPlaces() -> [Place] {
        var seen: Set<String> = []
        return (points.filter(\.emphasised) + points.filter { !$0.emphasised }).compactMap { point in
            guard seen.insert("\(point.coordinates.latitude),\(point.coordinates.longitude),\(point.label)").inserted else { return nil }
            return Place(point: EqualEarth.project(point.coordinates), label: point.label, href: point.href, emphasised: point.emphasised)
        }
    }

    private func radius(_ place: Place, _ px: Double) -> Double {
        (place.emphasised ? Self.homeRadius : Self.partnerRadius) * px
    }

    /// One arc per pair and kind, the kinds the legend lists last drawn first, so that sister
    /// cities lie on top.
    private func drawingOrder() -> [Arc] {
        var seen: Set<String> = []
        let distinct = arcs.filter { arc in
            let ends = ["\(arc.from.latitude),\(arc.from.longitude)", "\(arc.to.latitude),\(arc.to.longitude)"].sorted()
            return seen.insert(ends.joined(separator: "|") + "|" + arc.kind.rawValue).inserted
        }
        return distinct.enumerated().sorted { a, b in
            let (ka, kb) = (ArcStyle(a.element.kind), ArcStyle(b.element.kind))
            return ka != kb ? ka > kb : a.offset < b.offset
        }.map(\.element)
    }

    /// The home marker, then each style of arc drawn, in the vocabulary's order.
    private func legend() -> MapLegend {
        let kinds = Dictionary(arcs.map { (ArcStyle($0.kind), $0.kind) }, uniquingKeysWith: { first, _ in first })
        let homes = points.contains(where: \.emphasised) ? [MapLegend.Entry(symbol: .home, text: legendWords.home)] : []
        return MapLegend(entries: homes + kinds.sorted { $0.key < $1.key }.map { style, kind in
            MapLegend.Entry(symbol: .arc(style), text: style == .otherKind ? legendWords.otherKinds : legendWords.kind(kind))
        })
    }

    static func fmt(_ value: Double) -> String {
        Coordinate.text(value)
    }
}
