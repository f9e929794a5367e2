/// The triangles of a graph and the clustering figures made of them: triangles per node and in
/// all, global transitivity, and each node's local clustering with its mean.
///
/// ```swift
/// // A triangle 0–1–2 with a pendant node 3 on node 2.
/// let graph = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 0), (2, 3)])
/// let triangles = Triangles(graph)
/// triangles.total               // 1
/// triangles.perNode             // [1, 1, 1, 0]
/// triangles.transitivity        // 0.6 = 3 · 1 / (1 + 1 + 3 + 0) connected triples
/// triangles.clustering          // [1, 1, 1/3, 0]
/// triangles.averageClustering   // 0.5833… = (1 + 1 + 1/3 + 0) / 4
/// ```
///
/// Definitions, as networkx and igraph state them:
/// - transitivity: 3 × triangles / connected triples, Σ d(d − 1)/2 (networkx `transitivity`,
///   igraph `transitivity_undirected`), 0 when there is no triangle;
/// - local clustering: triangles at the node / (d(d − 1)/2), and 0 for a node of degree below 2
///   (networkx `clustering`, igraph `transitivity_local_undirected(mode="zero")`);
/// - average clustering: the mean of local clustering over all nodes, the nodes of degree below 2
///   counting 0 (networkx `average_clustering`, igraph
///   `transitivity_avglocal_undirected(mode="zero")`), 0 for a graph without nodes.
///
/// Counted with the forward algorithm (Schank and Wagner 2005, Latapy 2008): each edge is
/// oriented towards the end of higher degree (ties broken by node number), so a node keeps at
/// most √(2m) out-neighbours, and each triangle is found once, from its lowest end, by marking
/// that end's out-neighbours and scanning theirs. The work is O(m^1.5) whatever the hubs.
public struct Triangles: Sendable, Hashable, Codable {
    /// The number of triangles each node is in.
    public var perNode: [Int]
    /// The number of triangles in the graph.
    public var total: Int
    /// 3 × triangles / connected triples.
    public var transitivity: Double
    /// Each node's local clustering coefficient.
    public var clustering: [Double]
    /// The mean local clustering, nodes of degree below 2 counting 0.
    public var averageClustering: Double

    public init(_ graph: UndirectedGraph) {
        let n = graph.nodeCount
        let offsets = graph.offsets
        let neighbours = graph.neighbourIndex
        @inline(__always) func precedes(_ a: Int, _ b: Int) -> Bool {
            let da = offsets[a + 1] - offsets[a]
            let db = offsets[b + 1] - offsets[b]
            return da < db || (da == db && a < b)
        }
        // The oriented graph, as flat arrays like the graph itself.
        var outStart = [Int](repeating: 0, count: n + 1)
        for a in 0..<n {
            var count = 0
            for i in offsets[a]..<offsets[a + 1] where precedes(a, Int(neighbours[i])) { count += 1 }
            outStart[a + 1] = outStart[a] + count
        }
        var out = [Int32](repeating: 0, count: outStart[n])
        var fill = outStart
        for a in 0..<n {
            for i in offsets[a]..<offsets[a + 1] where precedes(a, Int(neighbours[i])) {
                out[fill[a]] = neighbours[i]
                fill[a] += 1
            }
        }
        var perNode = [Int](repeating: 0, count: n)
        var marked = [Bool](repeating: false, count: n)
        var total = 0
        for u in 0..<n {
            let uOut = outStart[u]..<outStart[u + 1]
            if uOut.count < 2 { continue }
            for i in uOut { marked[Int(out[i])] = true }
            for i in uOut {
                let v = Int(out[i])
                for j in outStart[v]..<outStart[v + 1] where marked[Int(out[j])] {
                    let w = Int(out[j])
                    perNode[u] += 1
                    perNode[v] += 1
                    perNode[w] += 1
                    total += 1
                }
            }
            for i in uOut { marked[Int(out[i])] = false }
        }
        self.perNode = perNode
        self.total = total

        var triples = 0
        var clustering = [Double](repeating: 0, count: n)
        var clusteringSum = 0.0
        for v in 0..<n {
            let d = offsets[v + 1] - offsets[v]
            triples += d * (d - 1) / 2
            if d >= 2 && perNode[v] > 0 {
                clustering[v] = Double(2 * perNode[v]) / Double(d * (d - 1))
            }
            clusteringSum += clustering[v]
        }
        self.clustering = clustering
        transitivity = total > 0 ? Double(3 * total) / Double(triples) : 0
        averageClustering = n > 0 ? clusteringSum / Double(n) : 0
    }
}
