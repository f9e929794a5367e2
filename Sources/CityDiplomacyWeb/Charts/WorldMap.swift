import CityDiplomacyCore
import Foundation

/// The world map of a page, drawn by the `_world-map` template: Natural Earth's 1:110m countries (served once as `/assets/world-110m.svg`
/// and drawn underneath), with cities as points and relations as great-circle arcs on top.
///
/// Both layers use the same equirectangular projection, 1000 × 500 units for 360° × 180°, so that
/// the base map can be cached by the browser while each page draws only its own arcs.
struct WorldMap {
    struct Point {
        var coordinates: Coordinates
        var label: String
        var href: String?
        var emphasised = false
    }

    var title: String
    var points: [Point] = []
    var arcs: [(from: Coordinates, to: Coordinates)] = []

    static let width = 1000.0
    static let height = 500.0

    static func project(_ c: Coordinates) -> (x: Double, y: Double) {
        ((c.longitude + 180) / 360 * width, (90 - c.latitude) / 180 * height)
    }

    /// The map's points and arcs, as the `_world-map` template draws them.
    var view: WorldMapView {
        WorldMapView(
            title: title, width: String(Int(Self.width)), height: String(Int(Self.height)),
            hasArcs: !arcs.isEmpty, arcs: arcs.map { Self.greatCirclePath(from: $0.from, to: $0.to) },
            points: points.map { point in
                let (x, y) = Self.project(point.coordinates)
                return WorldMapView.Point(label: point.label, pointLink: point.href, x: Self.fmt(x), y: Self.fmt(y),
                                          radius: point.emphasised ? "5" : "3", home: point.emphasised)
            })
    }

    /// The shorter great-circle arc between two places as an SVG path, interpolated in 48 steps
    /// and broken where it crosses the antimeridian.
    static func greatCirclePath(from a: Coordinates, to b: Coordinates) -> String {
        func vector(_ c: Coordinates) -> (Double, Double, Double) {
            let lat = c.latitude * .pi / 180, lng = c.longitude * .pi / 180
            return (cos(lat) * cos(lng), cos(lat) * sin(lng), sin(lat))
        }
        let p = vector(a), q = vector(b)
        let dot = max(-1, min(1, p.0 * q.0 + p.1 * q.1 + p.2 * q.2))
        let angle = acos(dot)
        let steps = angle < 1e-6 ? 1 : 48
        var path = ""
        var previousX: Double?
        for step in 0...steps {
            let f = Double(step) / Double(steps)
            let point: (Double, Double, Double)
            if angle < 1e-6 || abs(sin(angle)) < 1e-9 {
                point = p
            } else {
                let s = sin(angle)
                let wa = sin((1 - f) * angle) / s, wb = sin(f * angle) / s
                point = (wa * p.0 + wb * q.0, wa * p.1 + wb * q.1, wa * p.2 + wb * q.2)
            }
            let latitude = atan2(point.2, (point.0 * point.0 + point.1 * point.1).squareRoot()) * 180 / .pi
            let longitude = atan2(point.1, point.0) * 180 / .pi
            let x = (longitude + 180) / 360 * width, y = (90 - latitude) / 180 * height
            let jump = previousX.map { abs($0 - x) > width / 2 } ?? true
            path += (jump ? "M" : "L") + fmt(x) + " " + fmt(y)
            previousX = x
        }
        return path
    }

    static func fmt(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

/// What the `_world-map` template draws: the base map, arcs as path data, points with their names.
struct WorldMapView {
    struct Point {
        let label: String
        let pointLink: String?
        let x: String
        let y: String
        let radius: String
        let home: Bool
    }

    let title: String
    let width: String
    let height: String
    let hasArcs: Bool
    let arcs: [String]
    let points: [Point]
}
