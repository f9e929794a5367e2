/// The part of the world map's canvas a page shows: its SVG viewBox, and the rectangles that label
/// placement and the legend reason about.
///
/// A page's frame encloses its points and arcs with a margin, is never smaller than a region
/// (``minimumWidth``: zoomed further, 1:110m coastlines turn to polygons), keeps an aspect ratio a
/// page can lay out, and stays within the world's bounding box, so that the base map always fills it.
///
/// ```swift
/// let frame = MapFrame.enclosing([isfahan, florence, gyeongju].map(EqualEarth.project))
/// frame.contains(EqualEarth.project(florence))   // true, with room to spare
/// frame.viewBox                                  // "x y width height", for the <svg>
/// ```
struct MapFrame: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var center: MapPoint { MapPoint(x: x + width / 2, y: y + height / 2) }

    /// The SVG viewBox attribute.
    var viewBox: String { [x, y, width, height].map(WorldMap.fmt).joined(separator: " ") }

    /// Room around the data, as a share of its larger side.
    static let marginShare = 0.08
    /// Room around the data at the least, in canvas units.
    static let minimumMargin = 12.0
    /// The narrowest frame: about 58° of longitude at the equator; closer, 1:110m borders turn coarse.
    static let minimumWidth = 160.0
    /// Width over height: no taller than 7 : 5, no flatter than 11 : 5.
    static let aspectRatios = 1.4...2.2

    /// The frame that shows `points` with a margin, within `canvas`; all of it when there are none.
    static func enclosing(_ points: [MapPoint], on canvas: MapFrame = EqualEarth.world) -> MapFrame {
        guard let first = points.first else { return canvas }
        var frame = points.dropFirst().reduce(MapFrame(x: first.x, y: first.y, width: 0, height: 0)) { $0.including($1) }
        let margin = max(minimumMargin, marginShare * max(frame.width, frame.height))
        frame = frame.insetBy(-margin)
        frame = frame.grown(toWidth: max(frame.width, minimumWidth), height: max(frame.height, minimumWidth / aspectRatios.upperBound))
        let aspect = frame.width / frame.height
        if aspect < aspectRatios.lowerBound { frame = frame.grown(toWidth: frame.height * aspectRatios.lowerBound, height: frame.height) }
        if aspect > aspectRatios.upperBound { frame = frame.grown(toWidth: frame.width, height: frame.width / aspectRatios.upperBound) }
        return frame.moved(onto: canvas)
    }

    func contains(_ point: MapPoint) -> Bool {
        (x...maxX).contains(point.x) && (y...maxY).contains(point.y)
    }

    func contains(_ other: MapFrame) -> Bool {
        other.x >= x && other.y >= y && other.maxX <= maxX && other.maxY <= maxY
    }

    func intersects(_ other: MapFrame) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// The frame grown by `amount` on every side (shrunk when it is negative).
    func insetBy(_ amount: Double) -> MapFrame {
        MapFrame(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    private func including(_ point: MapPoint) -> MapFrame {
        let minX = min(x, point.x), minY = min(y, point.y)
        return MapFrame(x: minX, y: minY, width: max(maxX, point.x) - minX, height: max(maxY, point.y) - minY)
    }

    /// The frame with a new size about the same centre.
    private func grown(toWidth newWidth: Double, height newHeight: Double) -> MapFrame {
        MapFrame(x: center.x - newWidth / 2, y: center.y - newHeight / 2, width: newWidth, height: newHeight)
    }

    /// The frame no larger than `canvas`, shifted (not shrunk, where it fits) to lie on it.
    private func moved(onto canvas: MapFrame) -> MapFrame {
        var frame = self
        if frame.width > canvas.width { frame = frame.grown(toWidth: canvas.width, height: frame.height) }
        if frame.height > canvas.height { frame = frame.grown(toWidth: frame.width, height: canvas.height) }
        frame.x = min(max(frame.x, canvas.x), canvas.maxX - frame.width)
        frame.y = min(max(frame.y, canvas.y), canvas.maxY - frame.height)
        return frame
    }
}
