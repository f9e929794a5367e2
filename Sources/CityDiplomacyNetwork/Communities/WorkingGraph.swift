/// The graph Louvain and Leiden move nodes on: the input graph at the first level, then the graph
/// of the previous level's communities. Flat arrays, like ``UndirectedGraph``, with what the
/// moves need beside the edges: each node's strength.
///
/// An aggregated node's internal weight (its self-loop) is not stored: the gain of moving a node
/// never depends on it, because the loop moves with the node. What it contributes to the node's
/// strength is kept in ``strengths``, and `m`, the total weight, stays the input graph's.
struct WorkingGraph {
    let nodeCount: Int
    let offsets: [Int]
    let neighbours: [Int32]
    let weights: [Double]
    /// `k_v`: the sum of the weights of the input edges that have an end in node `v`, counting an
    /// edge inside `v` twice, as modularity does.
    let strengths: [Double]
    /// `m`: the total weight of the input graph.
    let totalWeight: Double

    init(_ graph: UndirectedGraph) {
        nodeCount = graph.nodeCount
        offsets = graph.offsets
        neighbours = graph.neighbourIndex
        weights = graph.weights
        strengths = (0..<graph.nodeCount).map { graph.strength(of: $0) }
        totalWeight = graph.totalWeight
    }

    private init(nodeCount: Int, offsets: [Int], neighbours: [Int32], weights: [Double], strengths: [Double], totalWeight: Double) {
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.neighbours = neighbours
        self.weights = weights
        self.strengths = strengths
        self.totalWeight = totalWeight
    }

    /// The graph whose nodes are the groups of `labels` (dense, in `0..<count`): the weight
    /// between two groups is the sum of the weights between their members. O(n + m).
    func aggregated(by labels: [Int], count: Int) -> WorkingGraph {
        // Members of each group, contiguous (a counting sort), so each group's edges are summed
        // in one sweep over its members.
        var start = [Int](repeating: 0, count: count + 1)
        for c in labels { start[c + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var fill = start
        var members = [Int](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount { members[fill[labels[v]]] = v; fill[labels[v]] += 1 }

        var newOffsets = [Int](repeating: 0, count: count + 1)
        var newNeighbours: [Int32] = []
        var newWeights: [Double] = []
        newNeighbours.reserveCapacity(neighbours.count)
        newWeights.reserveCapacity(neighbours.count)
        var newStrengths = [Double](repeating: 0, count: count)
        var sum = [Double](repeating: 0, count: count)
        var seenBy = [Int](repeating: -1, count: count)
        var touched: [Int] = []
        for c in 0..<count {
            touched.removeAll(keepingCapacity: true)
            for v in members[start[c]..<start[c + 1]] {
                newStrengths[c] += strengths[v]
                for i in offsets[v]..<offsets[v + 1] {
                    let d = labels[Int(neighbours[i])]
                    if d == c { continue }
                    if seenBy[d] != c { seenBy[d] = c; touched.append(d) }
                    sum[d] += weights[i]
                }
            }
            for d in touched {
                newNeighbours.append(Int32(d))
                newWeights.append(sum[d])
                sum[d] = 0
            }
            newOffsets[c + 1] = newNeighbours.count
        }
        return WorkingGraph(nodeCount: count, offsets: newOffsets, neighbours: newNeighbours, weights: newWeights,
                            strengths: newStrengths, totalWeight: totalWeight)
    }
}
