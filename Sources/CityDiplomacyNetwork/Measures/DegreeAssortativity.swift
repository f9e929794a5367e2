/// Whether nodes join nodes of similar degree: the Pearson correlation of the degrees at the two
/// ends of the edges (Newman 2002), counted both ways so that it is symmetric.
///
/// ```swift
/// let star = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (0, 2), (0, 3)])
/// DegreeAssortativity.coefficient(of: star)      // -1: the hub meets only leaves
/// let triangle = UndirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0)])
/// DegreeAssortativity.coefficient(of: triangle)  // nil: every end has degree 2
/// ```
///
/// Computed on the simple graph (a pair joined by several relations is one edge), which is
/// networkx's `degree_assortativity_coefficient(G)` and igraph's
/// `assortativity_degree(directed=False)`. The correlation is undefined when every edge end has
/// the same degree (a regular graph) or when there is no edge: both libraries then give NaN,
/// and this gives `nil`, so that no NaN reaches a table or a JSON document.
public enum DegreeAssortativity {
    public static func coefficient(of graph: UndirectedGraph) -> Double? {
        guard graph.edgeCount > 0 else { return nil }
        // Two passes around the mean degree of an edge end, rather than the one-pass formula
        // whose two large terms cancel: a hub of degree 10,000 makes their difference lose
        // digits the mean-centred sums keep.
        var endSum = 0
        for v in 0..<graph.nodeCount {
            let d = graph.degree(of: v)
            endSum += d * d
        }
        let mean = Double(endSum) / Double(2 * graph.edgeCount)
        var covariance = 0.0
        var variance = 0.0
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbourIndex.withUnsafeBufferPointer { neighbours in
                for a in 0..<graph.nodeCount {
                    let da = Double(offsets[a + 1] - offsets[a]) - mean
                    for i in offsets[a]..<offsets[a + 1] {
                        let b = Int(neighbours[i])
                        let db = Double(offsets[b + 1] - offsets[b]) - mean
                        // Each edge is seen from both ends: both orientations, as the definition wants.
                        covariance += da * db
                        variance += da * da
                    }
                }
            }
        }
        guard variance > 0 else { return nil }
        return covariance / variance
    }
}
