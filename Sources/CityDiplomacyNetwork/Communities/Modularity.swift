extension UndirectedGraph {
    /// The modularity of a partition of the nodes, counting each edge with its weight:
    ///
    ///     Q = Σ_c [ L_c / m − γ (K_c / 2m)² ]
    ///
    /// where `m` is ``totalWeight``, `L_c` the weight of the edges inside community `c`, `K_c` the
    /// sum of the strengths of its nodes and `γ` the resolution. This is the definition of
    /// networkx's `community.modularity(G, communities, weight="weight", resolution=γ)` and of
    /// igraph's `modularity(membership, weights=..., resolution=γ)`, and the fixtures hold it to
    /// both within 1e-9. A graph with no edge has no structure to find: its modularity is 0
    /// (where networkx divides by zero and igraph answers NaN).
    ///
    /// ```swift
    /// let graph = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (2, 3)])
    /// graph.modularity(of: [0, 0, 1, 1])  // 0.5
    /// ```
    ///
    /// - Parameter membership: one community label per node; any integers, communities are the
    ///   distinct values.
    public func modularity(of membership: [Int], resolution: Double = 1) -> Double {
        precondition(membership.count == nodeCount, "one community per node")
        guard totalWeight > 0 else { return 0 }
        let (labels, count) = CommunityNumbering.compact(membership)
        var inside = [Double](repeating: 0, count: count)
        var strengths = [Double](repeating: 0, count: count)
        for v in 0..<nodeCount {
            let c = labels[v]
            for i in offsets[v]..<offsets[v + 1] {
                strengths[c] += weights[i]
                // Each internal edge is met from both ends; counting it at its smaller end counts it once.
                if Int(neighbourIndex[i]) > v, labels[Int(neighbourIndex[i])] == c { inside[c] += weights[i] }
            }
        }
        let m = totalWeight
        var q = 0.0
        for c in 0..<count {
            let share = strengths[c] / (2 * m)
            q += inside[c] / m - resolution * share * share
        }
        return q
    }
}
