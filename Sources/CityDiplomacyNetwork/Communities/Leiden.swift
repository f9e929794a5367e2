/// The Leiden algorithm (Traag, Waltman & van Eck 2019) optimising modularity on edge weights:
/// Louvain's moving and aggregating, with a refinement between them that guarantees every
/// community is connected.
///
/// Each level does three things. Fast local moving: nodes wait in a queue, shuffled by the seed;
/// each one popped moves to the community (or a new, empty one) that raises modularity most, and
/// its neighbours outside that community join the queue again. Refinement: inside each community,
/// starting from single nodes, nodes that are well connected to the rest of their community merge
/// into well-connected sub-communities, chosen at random among those that do not lower
/// modularity with probability ∝ exp(gain / θ). Aggregation: the refined sub-communities become
/// the nodes of the next level, starting in the community their members were in. A level in which
/// every community is a single node ends the run, and runs repeat, each from the last one's
/// result, until modularity stops increasing.
///
/// ```swift
/// let found = Leiden(seed: 42).communities(in: graph)
/// found.modularity                                   // 0.4198… on Zachary's karate club
/// found.disconnectedCommunities(in: graph).isEmpty   // true, always
/// ```
public struct Leiden: Sendable {
    /// γ: above 1 favours more, smaller communities; below 1 fewer, larger ones.
    public var resolution: Double
    /// θ, how random the refinement's merges are: near 0 a node nearly always joins the
    /// sub-community it gains most with. Gains are in edge-weight units, as igraph measures them.
    public var randomness: Double
    /// Fixes the visiting orders and the refinement's draws, hence the result.
    public var seed: UInt64
    /// A bound on the runs: each run only stops early when modularity stalls, and rounding alone
    /// could make two partitions of equal modularity alternate.
    public var maximumIterations: Int

    public init(resolution: Double = 1, randomness: Double = 0.01, seed: UInt64 = 0, maximumIterations: Int = 200) {
        precondition(randomness > 0, "randomness must be positive")
        self.resolution = resolution
        self.randomness = randomness
        self.seed = seed
        self.maximumIterations = maximumIterations
    }

    /// The communities of `graph`, starting from `initial` (one label per node, any integers)
    /// or, by default, from every node alone. O(m) per sweep over the queue.
    public func communities(in graph: UndirectedGraph, startingFrom initial: [Int]? = nil) -> CommunityPartition {
        precondition(initial == nil || initial!.count == graph.nodeCount, "one community per node")
        var random = SeededGenerator(seed: seed)
        let base = WorkingGraph(graph)
        var (labels, count) = initial.map(CommunityNumbering.compact) ?? (Array(0..<graph.nodeCount), graph.nodeCount)
        var quality = graph.modularity(of: labels, resolution: resolution)
        var levels = 0
        var iterations = 0
        while iterations < maximumIterations {
            iterations += 1
            let run = self.run(on: base, from: labels, random: &random)
            let runQuality = graph.modularity(of: run.labels, resolution: resolution)
            // A run never lowers modularity by design; keeping the previous partition when it
            // does not rise also keeps rounding from undoing the last run's result.
            guard runQuality > quality + 1e-12 else { break }
            (labels, count, levels, quality) = (run.labels, run.count, run.levels, runQuality)
        }
        return CommunityPartition(labels: labels, count: count, graph: graph, resolution: resolution,
                                  levels: levels, iterations: iterations)
    }

    /// One run of the algorithm from `start` (dense labels of the input nodes): levels of moving,
    /// refining and aggregating until a level's communities are single nodes.
    private func run(on base: WorkingGraph, from start: [Int], random: inout SeededGenerator) -> (labels: [Int], count: Int, levels: Int) {
        var working = base
        var labels = start
        // The node of the current level that each input node belongs to.
        var flat = Array(0..<base.nodeCount)
        var levels = 0
        while true {
            var order = Array(0..<working.nodeCount)
            random.shuffle(&order)
            fastMove(working, labels: &labels, order: order)
            let (partition, partitionCount) = CommunityNumbering.compact(labels)
            if partitionCount == working.nodeCount {
                labels = partition
                break
            }
            levels += 1
            var (refined, refinedCount) = refine(working, partition: partition, partitionCount: partitionCount, random: &random)
            if refinedCount == working.nodeCount {
                // Nothing merged, so aggregating on the refinement would not shrink the graph and
                // the level would repeat itself: aggregate on the communities instead, as igraph does.
                (refined, refinedCount) = (partition, partitionCount)
            }
            var next = [Int](repeating: 0, count: refinedCount)
            for v in 0..<working.nodeCount { next[refined[v]] = partition[v] }
            for v in flat.indices { flat[v] = refined[flat[v]] }
            working = working.aggregated(by: refined, count: refinedCount)
            labels = next
        }
        return (flat.map { labels[$0] }, working.nodeCount, levels)
    }
}
