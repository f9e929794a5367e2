/// How the degrees (numbers of distinct partners) of a graph's nodes are spread: their greatest
/// and mean value, their inequality, and how many nodes have each degree.
///
/// ```swift
/// let star = UndirectedGraph(nodeCount: 5, edges: [(0, 1), (0, 2), (0, 3)])
/// let degrees = DegreeDistribution(star)
/// degrees.max          // 3
/// degrees.mean         // 1.2 = 2 · 3 edges / 5 nodes
/// degrees.histogram    // [1, 3, 0, 1]: one node of degree 0, three of 1, one of 3
/// degrees.gini         // 0.4
/// ```
///
/// The Gini coefficient is the standard one on the ascending degrees x₁ ≤ … ≤ xₙ:
/// G = 2 Σᵢ i·xᵢ / (n Σᵢ xᵢ) − (n + 1) / n, which is 0 when every node has the same degree and
/// approaches 1 when one node holds every edge end. Isolated nodes count (they are part of the
/// inequality), and G is 0 for a graph without nodes or without edges.
public struct DegreeDistribution: Sendable, Hashable, Codable {
    /// The degree of each node.
    public var degrees: [Int]
    /// The greatest degree (0 for a graph without nodes).
    public var max: Int
    /// The mean degree, 2m / n (0 for a graph without nodes).
    public var mean: Double
    /// The Gini coefficient of the degrees.
    public var gini: Double
    /// `histogram[d]` is the number of nodes of degree d, from 0 to ``max`` (networkx's
    /// `degree_histogram`).
    public var histogram: [Int]

    public init(_ graph: UndirectedGraph) {
        let n = graph.nodeCount
        degrees = (0..<n).map(graph.degree(of:))
        max = degrees.max() ?? 0
        mean = n > 0 ? Double(2 * graph.edgeCount) / Double(n) : 0
        var histogram = [Int](repeating: 0, count: n > 0 ? max + 1 : 0)
        for d in degrees { histogram[d] += 1 }
        self.histogram = histogram
        // The histogram is the ascending order of the degrees: Σ i·xᵢ by runs of equal degree,
        // in integers, so that G is exact up to the final division.
        var rank = 0
        var weighted = 0
        for (d, count) in histogram.enumerated() where count > 0 {
            // Ranks rank+1 … rank+count, whose sum is count · (2 · rank + count + 1) / 2.
            weighted += d * count * (2 * rank + count + 1) / 2
            rank += count
        }
        let total = 2 * graph.edgeCount
        gini = total > 0 ? 2 * Double(weighted) / (Double(n) * Double(total)) - Double(n + 1) / Double(n) : 0
    }

    /// The number of nodes without any neighbour.
    public var isolatedNodes: Int { histogram.first ?? 0 }
}
