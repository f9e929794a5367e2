/// The great-circle distance of every edge whose two ends have coordinates: how far apart the
/// partners of each located pair are. Each distinct pair counts once, whatever its weight, since
/// the question is how far cities reach for partners, not how many agreements a pair signed.
///
/// Coordinates come as two arrays aligned with the nodes, NaN where unknown; a latitude outside
/// ±90° or a longitude outside ±180° is taken as unknown too, rather than measured wrongly.
///
/// ```swift
/// let measured = EdgeDistances(graph, latitudes: lat, longitudes: lon)
/// measured.kilometres.count   // located edges
/// measured.unlocated          // edges with an end without coordinates
/// DistanceDistribution(measured.kilometres).median
/// ```
public struct EdgeDistances: Sendable {
    /// The located edges' ends, as in ``UndirectedGraph/edges`` (`a < b`, node order).
    public let pairs: [(a: Int, b: Int)]
    /// The distance of each of ``pairs``, in kilometres.
    public let kilometres: [Double]
    /// The number of edges left out because an end has no coordinates.
    public let unlocated: Int
    /// Which nodes have coordinates.
    public let located: [Bool]
    /// The nodes' points, for the baseline's pairings (meaningless where not ``located``).
    let points: [GreatCircle.Point]

    public init(_ graph: UndirectedGraph, latitudes: [Double], longitudes: [Double]) {
        precondition(latitudes.count == graph.nodeCount && longitudes.count == graph.nodeCount, "one coordinate per node")
        var located = [Bool](repeating: false, count: graph.nodeCount)
        var points: [GreatCircle.Point] = []
        points.reserveCapacity(graph.nodeCount)
        for v in 0..<graph.nodeCount {
            let (lat, lon) = (latitudes[v], longitudes[v])
            // NaN fails both comparisons, so unknown and out-of-range coordinates fall together.
            located[v] = abs(lat) <= 90 && abs(lon) <= 180
            points.append(GreatCircle.Point(latitude: located[v] ? lat : 0, longitude: located[v] ? lon : 0))
        }
        var pairs: [(a: Int, b: Int)] = []
        var kilometres: [Double] = []
        var unlocated = 0
        for edge in graph.edges {
            guard located[edge.a], located[edge.b] else { unlocated += 1; continue }
            pairs.append((edge.a, edge.b))
            kilometres.append(GreatCircle.kilometres(points[edge.a], points[edge.b]))
        }
        self.pairs = pairs
        self.kilometres = kilometres
        self.unlocated = unlocated
        self.located = located
        self.points = points
    }
}
