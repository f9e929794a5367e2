import Foundation

/// Names written beside the map's points, placed so that no two overlap, none covers another point
/// or the legend, and none runs off the frame.
///
/// Placement is greedy, in the order the points are given (the page's own city first): each name
/// tries the positions around its point in turn — beside it on the side the page's language
/// reads from first, then the other side, the four diagonals, above and below (centred, then slid
/// to either side) — and takes the first that collides with nothing placed so far. The page's own
/// cities, which the map is about, may also stand further off, joined to their point by a leader
/// line. A name with no free position is left off; its point still names it in its `<title>`.
///
/// Anchors are chosen in coordinates: the map's SVG is laid out left to right on every page, so
/// "end" always means "to the left of x".
///
/// ```swift
/// let placement = MapLabels(frame: frame, pixel: frame.width / 960, rightToLeft: false)
/// let (kept, dropped) = placement.place(requests, avoiding: [legendBox])
/// ```
struct MapLabels {
    /// A name to write, and the point it belongs to.
    struct Request {
        var text: String
        var href: String?
        var point: MapPoint
        /// The point's radius, in canvas units.
        var radius: Double
        /// The page's own city: written in bold.
        var emphasised = false
    }

    /// A name placed: its anchor point, its anchor, and the box it takes.
    struct Label {
        var text: String
        var href: String?
        var x: Double
        var y: Double
        var anchor: Anchor
        var box: MapFrame
        var emphasised: Bool
        /// The line from the point to a name set further off.
        var leader: (from: MapPoint, to: MapPoint)?
    }

    enum Anchor: String {
        case start, middle, end
    }

    /// Where a name may go around its point: a direction (east +1, south +1), how far along it
    /// (in gaps), and how far the name slides sideways (in its widths) when above or below.
    private struct Position {
        var dx: Double
        var dy: Double
        var distance = 1.0
        var slide = 0.0
    }

    var frame: MapFrame
    /// Canvas units per CSS pixel at the map's usual size.
    var pixel: Double
    var rightToLeft: Bool
    /// The size of a name, in CSS pixels.
    var fontPixels = 12.0

    var fontSize: Double { fontPixels * pixel }
    /// The white outline drawn under each name, in canvas units.
    var haloWidth: Double { 3 * pixel }

    /// The order positions are tried in: beside the point on the reading-start side first.
    private var positions: [Position] {
        let (start, end) = rightToLeft ? (-1.0, 1.0) : (1.0, -1.0)
        let beside = [Position(dx: start, dy: 0), Position(dx: end, dy: 0)]
        let diagonals = [-0.75, 0.75].map { Position(dx: 0.75 * start, dy: $0) } + [-0.75, 0.75].map { Position(dx: 0.75 * end, dy: $0) }
        let aboveAndBelow = [-1.0, 1.0].flatMap { dy in [0, 0.3 * start, 0.3 * end].map { Position(dx: 0, dy: dy, slide: $0) } }
        return beside + diagonals + aboveAndBelow
    }

    /// Positions further off, for the page's own cities: sixteen directions, the reading-start
    /// side first, at two distances.
    private var fartherPositions: [Position] {
        let start = rightToLeft ? Double.pi : 0
        let angles = (0..<16).map { Double($0) * .pi / 8 }.sorted { a, b in
            func away(_ angle: Double) -> Double { let d = abs(angle - start).truncatingRemainder(dividingBy: 2 * .pi); return min(d, 2 * .pi - d) }
            return away(a) < away(b)
        }
        return [2.5, 4].flatMap { distance in angles.map { Position(dx: cos($0), dy: sin($0), distance: distance) } }
    }

    /// The names placed, and the indices of the requests left without one.
    func place(_ requests: [Request], avoiding obstacles: [MapFrame] = []) -> (kept: [Label], dropped: [Int]) {
        let inside = frame.insetBy(2 * pixel)
        var taken = obstacles
        var kept: [Label] = [], dropped: [Int] = []
        for (index, request) in requests.enumerated() {
            let tried = request.emphasised ? positions + fartherPositions : positions
            let free = tried.lazy.map { label(request, at: $0) }.first { candidate in
                inside.contains(candidate.box) && !taken.contains { $0.intersects(candidate.box) }
                    && !requests.contains { Self.circle(around: $0.point, radius: $0.radius, meets: candidate.box) }
                    && !leaderMarks(candidate).contains { mark in
                        taken.contains { $0.intersects(mark) } || requests.contains { Self.circle(around: $0.point, radius: $0.radius, meets: mark) }
                    }
            }
            if let free {
                kept.append(free)
                taken.append(free.box)
                taken += leaderMarks(free)
            } else {
                dropped.append(index)
            }
        }
        return (kept, dropped)
    }

    /// Small boxes along a label's leader line, which nothing else may cover: from three eighths
    /// of the way, as it may leave its point through a crowd of neighbours.
    private func leaderMarks(_ label: Label) -> [MapFrame] {
        guard let (from, to) = label.leader else { return [] }
        return (3..<8).map { step in
            let share = Double(step) / 8
            return MapFrame(x: from.x + share * (to.x - from.x) - pixel, y: from.y + share * (to.y - from.y) - pixel, width: 2 * pixel, height: 2 * pixel)
        }
    }

    /// Whether a point's disc and a box overlap: the box's nearest point to the centre is within the radius.
    static func circle(around center: MapPoint, radius: Double, meets box: MapFrame) -> Bool {
        let nearestX = min(max(center.x, box.x), box.maxX), nearestY = min(max(center.y, box.y), box.maxY)
        let (dx, dy) = (center.x - nearestX, center.y - nearestY)
        return dx * dx + dy * dy < radius * radius
    }

    /// The name at one position around its point.
    private func label(_ request: Request, at position: Position) -> Label {
        let gap = (request.radius + 3 * pixel) * position.distance
        let width = Self.estimatedWidth(request.text, fontSize: fontSize) * (request.emphasised ? 1.1 : 1)
        let ascent = 0.8 * fontSize, descent = 0.32 * fontSize
        let x = request.point.x + position.dx * gap + position.slide * width
        // The baseline: centred on the point beside it, resting above it, hanging below it.
        let y = switch position.dy {
        case ..<(-0.3): request.point.y + position.dy * gap - descent
        case ...0.3: request.point.y + position.dy * gap + (ascent - descent) / 2
        default: request.point.y + position.dy * gap + ascent
        }
        let anchor: Anchor = position.dx > 0.3 ? .start : position.dx < -0.3 ? .end : .middle
        let left = switch anchor {
        case .start: x
        case .middle: x - width / 2
        case .end: x - width
        }
        let halo = haloWidth / 2
        let box = MapFrame(x: left - halo, y: y - ascent - halo, width: width + 2 * halo, height: ascent + descent + 2 * halo)
        return Label(text: request.text, href: request.href, x: x, y: y, anchor: anchor, box: box, emphasised: request.emphasised,
                     leader: position.distance > 1 ? Self.leader(from: request.point, radius: request.radius, to: box.insetBy(halo)) : nil)
    }

    /// A line from the edge of a point's disc to the nearest point of a box.
    private static func leader(from center: MapPoint, radius: Double, to box: MapFrame) -> (from: MapPoint, to: MapPoint) {
        let end = MapPoint(x: min(max(center.x, box.x), box.maxX), y: min(max(center.y, box.y), box.maxY))
        let length = max(1e-9, ((end.x - center.x) * (end.x - center.x) + (end.y - center.y) * (end.y - center.y)).squareRoot())
        return (MapPoint(x: center.x + (end.x - center.x) / length * radius, y: center.y + (end.y - center.y) / length * radius), end)
    }

    /// How wide a name is likely to be, a little generously: the server cannot measure text, so
    /// this counts ems per character as wide sans-serif fonts (DejaVu Sans, Tahoma) set them.
    static func estimatedWidth(_ text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0.0) { width, scalar in
            let value = scalar.value
            let ems: Double = switch value {
            case 0x200C, 0x200D, 0x064B...0x065F, 0x0670: 0  // joiners and Arabic-script vowel marks
            case 0x0600...0x06FF, 0xFB50...0xFEFF: 0.5
            case 0x20: 0.32
            case 0x41...0x5A: 0.7
            case 0x30...0x39: 0.64
            case 0x61...0x7A, 0xC0...0x24F: 0.6
            case 0x21...0x2F, 0x3A...0x40: 0.38
            default: 0.62
            }
            return width + ems * fontSize
        }
    }
}
