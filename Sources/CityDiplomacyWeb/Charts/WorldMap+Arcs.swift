import CityDiplomacyCore
import Foundation

extension WorldMap {
    /// A place on an arc, in degrees; unlike ``Coordinates`` it may sit exactly on the antimeridian
    /// at either side.
    typealias ArcPlace = (latitude: Double, longitude: Double)

    /// The shorter great-circle arc between two places, sampled every 2.5° or so, as runs that
    /// never cross the antimeridian: where the arc crosses it, one run ends on the world's east (or
    /// west) edge and the next starts on the other, at the latitude of the crossing.
    static func greatCircle(from a: Coordinates, to b: Coordinates) -> [[ArcPlace]] {
        let samples = greatCircleSamples(from: a, to: b)
        var runs: [[ArcPlace]] = [[samples[0]]]
        for (previous, next) in zip(samples, samples.dropFirst()) {
            if abs(next.longitude - previous.longitude) > 180 {
                let edge = previous.longitude > 0 ? 180.0 : -180.0
                let unwrapped = next.longitude + (edge > 0 ? 360 : -360)
                let share = (edge - previous.longitude) / (unwrapped - previous.longitude)
                let latitude = previous.latitude + share * (next.latitude - previous.latitude)
                runs[runs.count - 1].append((latitude, edge))
                runs.append([(latitude, -edge)])
            }
            runs[runs.count - 1].append(next)
        }
        return runs
    }

    /// The arc's places, spherically interpolated between the two ends.
    private static func greatCircleSamples(from a: Coordinates, to b: Coordinates) -> [ArcPlace] {
        func vector(_ c: Coordinates) -> (Double, Double, Double) {
            let lat = c.latitude * .pi / 180, lng = c.longitude * .pi / 180
            return (cos(lat) * cos(lng), cos(lat) * sin(lng), sin(lat))
        }
        let p = vector(a), q = vector(b)
        let angle = acos(max(-1, min(1, p.0 * q.0 + p.1 * q.1 + p.2 * q.2)))
        // Antipodes have no one shorter arc, and a point has none at all: the ends stand for it.
        guard angle > 1e-6, sin(angle) > 1e-9 else {
            return [(a.latitude, a.longitude), (b.latitude, b.longitude)]
        }
        let steps = min(72, max(2, Int((angle * 180 / .pi / 2.5).rounded(.up))))
        return (0...steps).map { step in
            let share = Double(step) / Double(steps)
            let wa = sin((1 - share) * angle) / sin(angle), wb = sin(share * angle) / sin(angle)
            let v = (wa * p.0 + wb * q.0, wa * p.1 + wb * q.1, wa * p.2 + wb * q.2)
            // The ends as given, so that an arc meets its points exactly.
            if step == 0 { return (a.latitude, a.longitude) }
            if step == steps { return (b.latitude, b.longitude) }
            return (atan2(v.2, (v.0 * v.0 + v.1 * v.1).squareRoot()) * 180 / .pi, atan2(v.1, v.0) * 180 / .pi)
        }
    }

    /// An arc's runs on the canvas.
    static func projectedArc(from a: Coordinates, to b: Coordinates) -> [[MapPoint]] {
        greatCircle(from: a, to: b).map { run in run.map { EqualEarth.project(latitude: $0.latitude, longitude: $0.longitude) } }
    }

    /// SVG path data for runs of canvas points: each run a move and its lines.
    static func pathData(_ runs: [[MapPoint]]) -> String {
        runs.map { run in
            run.enumerated().map { index, point in (index == 0 ? "M" : "L") + fmt(point.x) + " " + fmt(point.y) }.joined()
        }.joined()
    }
}
