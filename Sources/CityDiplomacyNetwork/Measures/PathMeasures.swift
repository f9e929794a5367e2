/// The measures made of shortest paths, all from one sweep of breadth-first searches (unweighted:
/// every edge is one step, whatever its number of relations): betweenness, closeness, harmonic
/// centrality, eccentricity, and the diameter and mean distance of the largest component.
///
/// ```swift
/// let star = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (0, 2), (0, 3)])
/// let paths = PathMeasures(star)
/// paths.betweenness[0]                  // 1: every pair of leaves passes through the centre
/// paths.betweennessRaw[0]               // 3: the three pairs of leaves
/// paths.closeness[1]                    // 0.6 = 3 / (1 + 2 + 2)
/// paths.harmonic[1]                     // 2 = 1 + 1/2 + 1/2
/// paths.largestComponentDiameter        // 2
/// paths.largestComponentMeanDistance    // 1.5
/// ```
///
/// Definitions, chosen to match networkx 3.6 (the fixtures hold igraph's values beside them):
/// - betweenness: Brandes (2001), exact. ``betweennessRaw`` counts each unordered pair once
///   (networkx `betweenness_centrality(normalized=False)`, igraph `betweenness(directed=False)`);
///   ``betweenness`` divides it by (n − 1)(n − 2) / 2 over the whole graph (networkx
///   `normalized=True`), and is 0 everywhere when n < 3, where no node can be between two others.
/// - closeness: Wasserman and Faust's form for disconnected graphs, networkx's default
///   `closeness_centrality`: (r / s) · (r / (n − 1)), where the node reaches r others at distances
///   summing to s; 0 for a node that reaches none. igraph's `closeness()` stops at r / s, so the
///   two agree on a connected graph and differ on a disconnected one by the factor r / (n − 1).
/// - harmonic: the sum of 1/d over the other nodes (1/∞ = 0), networkx `harmonic_centrality` and
///   igraph `harmonic_centrality(normalized=False)`; ``harmonicNormalised`` divides it by n − 1
///   (igraph's `normalized=True`), 0 when n < 2.
/// - eccentricity: the greatest distance to a node in the same component (igraph's
///   `eccentricity()`; networkx's on each component), 0 for an isolated node.
/// - the largest component's diameter and mean distance over its ordered pairs (networkx
///   `average_shortest_path_length`, igraph `average_path_length`, on that component); both 0
///   when it has fewer than two nodes.
public struct PathMeasures: Sendable, Hashable, Codable {
    /// Betweenness divided by the number of pairs of other nodes, (n − 1)(n − 2) / 2.
    public var betweenness: [Double]
    /// The sum over unordered pairs {s, t} of the share of shortest s–t paths through the node.
    public var betweennessRaw: [Double]
    /// Wasserman–Faust closeness, as networkx computes it by default.
    public var closeness: [Double]
    /// The sum of reciprocal distances to the other nodes.
    public var harmonic: [Double]
    /// ``harmonic`` divided by n − 1.
    public var harmonicNormalised: [Double]
    /// The greatest distance to another node of the same component.
    public var eccentricity: [Int]
    /// The number of other nodes each node reaches (its component's size less one).
    public var reached: [Int]
    /// The largest eccentricity in the largest component.
    public var largestComponentDiameter: Int
    /// The mean distance between two different nodes of the largest component.
    public var largestComponentMeanDistance: Double

    /// Runs the sweep on `workers` threads (by default one per active processor); the result does
    /// not depend on their number. `components` saves finding them again when already known.
    public init(_ graph: UndirectedGraph, components: ConnectedComponents? = nil, workers: Int? = nil) {
        let n = graph.nodeCount
        let sweep = ShortestPathSweep.run(graph, workers: workers)
        let components = components ?? ConnectedComponents(graph)

        // networkx rescales its ordered-pair accumulation by 1 / ((n - 1)(n - 2)) when
        // normalising, by 1/2 otherwise; n < 3 leaves it as it is, which is 0.
        let pairScale = n > 2 ? 1 / (Double(n - 1) * Double(n - 2)) : 1
        betweenness = sweep.pairDependency.map { $0 * pairScale }
        betweennessRaw = sweep.pairDependency.map { $0 * 0.5 }
        closeness = (0..<n).map { v in
            let r = sweep.reached[v]
            let s = sweep.distanceSum[v]
            guard r > 0, s > 0, n > 1 else { return 0 }
            // In networkx's order of operations, so that the last bits agree too.
            return (Double(r) / Double(s)) * (Double(r) / Double(n - 1))
        }
        harmonic = sweep.reciprocalDistanceSum
        harmonicNormalised = n > 1 ? harmonic.map { $0 / Double(n - 1) } : harmonic.map { _ in 0 }
        eccentricity = sweep.eccentricity
        reached = sweep.reached

        var diameter = 0
        var distanceTotal = 0
        if let largest = components.largest {
            for v in 0..<n where components.componentOf[v] == Int32(largest) {
                diameter = max(diameter, sweep.eccentricity[v])
                distanceTotal += sweep.distanceSum[v]
            }
        }
        let size = components.largestSize
        largestComponentDiameter = diameter
        largestComponentMeanDistance = size > 1 ? Double(distanceTotal) / (Double(size) * Double(size - 1)) : 0
    }
}
