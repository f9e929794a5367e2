/// The k-core decomposition: each node's core number, the greatest k for which the node belongs
/// to a subgraph where every node has at least k neighbours, and the deepest such core.
///
/// ```swift
/// // A triangle 0–1–2 with a pendant node 3 on node 2, and an isolated node 4.
/// let graph = UndirectedGraph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 0), (2, 3)])
/// let cores = CoreDecomposition(graph)
/// cores.coreNumber     // [2, 2, 2, 1, 0]
/// cores.degeneracy     // 2: the maximum k-core is the triangle
/// cores.maxCoreSize    // 3
/// ```
///
/// Batagelj and Zaversnik's O(m) algorithm (2003): nodes are kept sorted by remaining degree in
/// buckets; the node of least remaining degree is removed and its core number fixed, and each
/// neighbour not yet removed moves down one bucket. Matches networkx `core_number` and igraph
/// `coreness()`.
public struct CoreDecomposition: Sendable, Hashable, Codable {
    /// Each node's core number (0 for an isolated node).
    public var coreNumber: [Int]
    /// The greatest core number, the degeneracy of the graph (0 for a graph without edges).
    public var degeneracy: Int
    /// The number of nodes in the maximum k-core, those whose core number is the degeneracy.
    public var maxCoreSize: Int

    public init(_ graph: UndirectedGraph) {
        let n = graph.nodeCount
        let offsets = graph.offsets
        let neighbours = graph.neighbourIndex
        var degree = (0..<n).map { offsets[$0 + 1] - offsets[$0] }
        let maxDegree = degree.max() ?? 0
        // Counting sort of the nodes by degree: `order` is sorted, `position` its inverse, and
        // `bucketStart[d]` the first place of degree d in `order`.
        var bucketStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { bucketStart[d + 1] += 1 }
        for d in 0...maxDegree { bucketStart[d + 1] += bucketStart[d] }
        var order = [Int](repeating: 0, count: n)
        var position = [Int](repeating: 0, count: n)
        var fill = bucketStart
        for v in 0..<n {
            position[v] = fill[degree[v]]
            order[position[v]] = v
            fill[degree[v]] += 1
        }
        for i in 0..<n {
            let v = order[i]
            for j in offsets[v]..<offsets[v + 1] {
                let u = Int(neighbours[j])
                let du = degree[u]
                guard du > degree[v] else { continue }
                // Swap u with the first node of its bucket, then shrink the bucket from the left:
                // u is now the last node of bucket du − 1.
                let first = bucketStart[du]
                let w = order[first]
                if w != u {
                    order[position[u]] = w
                    position[w] = position[u]
                    order[first] = u
                    position[u] = first
                }
                bucketStart[du] += 1
                degree[u] = du - 1
            }
        }
        let degeneracy = degree.max() ?? 0
        coreNumber = degree
        self.degeneracy = degeneracy
        maxCoreSize = degree.reduce(0) { $0 + ($1 == degeneracy ? 1 : 0) }
    }
}
