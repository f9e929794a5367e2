/// The Louvain method (Blondel, Guillaume, Lambiotte & Lefebvre 2008) for finding communities
/// that maximise modularity, on edge weights: each node in turn moves to the neighbouring
/// community that raises modularity most, until no move helps; the communities then become the
/// nodes of a smaller graph and the moving starts again, level after level, until a level moves
/// nothing.
///
/// The order in which nodes are visited is shuffled at each level by a ``SeededGenerator``, so a
/// seed fixes the result. Louvain may leave a community held together only through a node that
/// later moved away (``CommunityPartition/disconnectedCommunities(in:)`` finds them); ``Leiden``
/// does not.
///
/// ```swift
/// let found = Louvain(resolution: 1, seed: 42).communities(in: graph)
/// found.modularity  // 0.4198 on Zachary's karate club; 0.4156 with seed 0
/// ```
public struct Louvain: Sendable {
    /// γ: above 1 favours more, smaller communities; below 1 fewer, larger ones.
    public var resolution: Double
    /// Fixes the visiting order, hence the result.
    public var seed: UInt64

    public init(resolution: Double = 1, seed: UInt64 = 0) {
        self.resolution = resolution
        self.seed = seed
    }

    /// The communities of `graph`. O(m) per sweep over the nodes.
    public func communities(in graph: UndirectedGraph) -> CommunityPartition {
        var random = SeededGenerator(seed: seed)
        var working = WorkingGraph(graph)
        // The node of the current level that each input node belongs to.
        var flat = Array(0..<graph.nodeCount)
        var levels = 0
        while working.nodeCount > 1 {
            var labels = Array(0..<working.nodeCount)
            var order = Array(0..<working.nodeCount)
            random.shuffle(&order)
            guard LocalMoving.sweepUntilStable(working, labels: &labels, order: order, resolution: resolution) else { break }
            levels += 1
            let (compact, count) = CommunityNumbering.compact(labels)
            for v in flat.indices { flat[v] = compact[flat[v]] }
            if count == working.nodeCount { break }
            working = working.aggregated(by: compact, count: count)
        }
        return CommunityPartition(labels: flat, count: working.nodeCount, graph: graph, resolution: resolution,
                                  levels: levels, iterations: 1)
    }
}
