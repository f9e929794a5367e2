import CityDiplomacyCore
import Foundation

/// The Equal Earth projection (Šavrič, Patterson & Jenny 2018) on the world map's canvas: the whole
/// world 1000 units wide, centred on Greenwich in a 1000 × 500 canvas, y growing southwards.
///
/// `scripts/derive-world-map.py` draws the base map with the same constants, so that the points
/// and arcs a page computes fall on its countries; a page shows part of the canvas by cropping it
/// with its viewBox (``MapFrame``), so one cached base map serves every page.
///
/// ```swift
/// EqualEarth.project(try Coordinates(latitude: 0, longitude: 0))    // (500, 250): the centre
/// EqualEarth.project(try Coordinates(latitude: 0, longitude: 180))  // (1000, 250): the east edge
/// ```
enum EqualEarth {
    /// The canvas the base map is drawn on.
    static let canvas = MapFrame(x: 0, y: 0, width: 1000, height: 500)

    // The polynomial's coefficients, from the paper (equations 1–2).
    private static let a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796
    private static let m = 3.0.squareRoot() / 2
    /// Half the projected width of the world on a unit sphere: x at the equator, 180° from the centre.
    static let halfWidth = 2 * 3.0.squareRoot() * Double.pi / (3 * a1)
    /// Canvas units per unit of the unit sphere's projection.
    static let scale = canvas.width / 2 / halfWidth
    /// The world's bounding box on the canvas: all its width, and the height between the flat poles.
    static let world: MapFrame = {
        let top = project(latitude: 90, longitude: 0).y
        return MapFrame(x: canvas.x, y: top, width: canvas.width, height: canvas.maxY - 2 * top)
    }()

    /// Where a place falls on the canvas.
    static func project(_ place: Coordinates) -> MapPoint {
        project(latitude: place.latitude, longitude: place.longitude)
    }

    static func project(latitude: Double, longitude: Double) -> MapPoint {
        let (x, y) = unitProjection(latitude: latitude * .pi / 180, longitude: longitude * .pi / 180)
        return MapPoint(x: canvas.width / 2 + x * scale, y: canvas.height / 2 - y * scale)
    }

    /// The projection on a unit sphere, from radians, y growing northwards: the paper's formulas.
    static func unitProjection(latitude phi: Double, longitude lambda: Double) -> (x: Double, y: Double) {
        let theta = asin(m * sin(phi))
        let t2 = theta * theta, t6 = t2 * t2 * t2
        let x = 2 * 3.0.squareRoot() * lambda * cos(theta) / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
        let y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
        return (x, y)
    }

    /// The place at a canvas point, in degrees, or `nil` outside the world's outline. The paper's
    /// inverse: Newton's method finds θ from y, then latitude and longitude follow in closed form.
    static func inverse(_ point: MapPoint) -> (latitude: Double, longitude: Double)? {
        let x = (point.x - canvas.width / 2) / scale, y = (canvas.height / 2 - point.y) / scale
        var theta = y / a1
        for _ in 0..<12 {
            let t2 = theta * theta, t6 = t2 * t2 * t2
            let delta = (theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2)) - y) / (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2))
            theta -= delta
            if abs(delta) < 1e-12 { break }
        }
        let t2 = theta * theta, t6 = t2 * t2 * t2
        let lambda = 3 * x * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)) / (2 * 3.0.squareRoot() * cos(theta))
        let sinPhi = sin(theta) / m
        guard abs(sinPhi) <= 1 + 1e-12, abs(lambda) <= .pi + 1e-9 else { return nil }
        return (asin(max(-1, min(1, sinPhi))) * 180 / .pi, lambda * 180 / .pi)
    }
}

/// A point on the map's canvas, in its units (x to the east, y to the south).
struct MapPoint: Hashable {
    var x: Double
    var y: Double
}
