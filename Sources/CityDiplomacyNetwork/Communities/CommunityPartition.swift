/// The communities a detection algorithm (``Louvain`` or ``Leiden``) found in a graph: one
/// community per node, with the modularity reached and how the algorithm got there.
///
/// Communities are numbered by decreasing size, ties broken by their smallest node, so community
/// `0` is always the largest and two runs finding the same communities give equal values.
///
/// ```swift
/// let found = Louvain(seed: 7).communities(in: graph)
/// found.communityCount      // e.g. 4
/// found.membership[12]      // the community of node 12
/// found.members(of: 0)      // the nodes of the largest community, ascending
/// ```
public struct CommunityPartition: Sendable, Equatable {
    /// The community of each node, in `0..<communityCount`.
    public let membership: [Int]
    /// The number of communities (isolated nodes form communities of their own).
    public let communityCount: Int
    /// The modularity of ``membership`` at the resolution the algorithm optimised, computed
    /// afresh on the input graph (``UndirectedGraph/modularity(of:resolution:)``).
    public let modularity: Double
    /// How many levels (local moving followed by aggregation) improved the partition. For
    /// Leiden, the levels of its last iteration.
    public let levels: Int
    /// How many times the whole algorithm ran, each from the previous result, until a run changed
    /// nothing; always 1 for Louvain.
    public let iterations: Int

    /// A partition from the algorithm's own labels (dense, in `0..<count`), renumbered canonically.
    init(labels: [Int], count: Int, graph: UndirectedGraph, resolution: Double, levels: Int, iterations: Int) {
        membership = CommunityNumbering.canonical(labels, count: count)
        communityCount = (membership.max() ?? -1) + 1
        modularity = graph.modularity(of: membership, resolution: resolution)
        self.levels = levels
        self.iterations = iterations
    }

    /// The number of nodes in each community; decreasing, by construction.
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: communityCount)
        for c in membership { sizes[c] += 1 }
        return sizes
    }

    /// The nodes of `community`, ascending.
    public func members(of community: Int) -> [Int] {
        membership.indices.filter { membership[$0] == community }
    }
}
