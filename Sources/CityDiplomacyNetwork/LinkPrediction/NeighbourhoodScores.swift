#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The three classic neighbourhood scores of a pair of nodes not yet joined (Liben-Nowell &
/// Kleinberg 2007; Zhou, Lü & Zhang 2009), as networkx computes them on an unweighted graph:
///
/// - common neighbours: how many partners the two share, `|N(u) ∩ N(v)|`;
/// - Adamic–Adar: each shared partner `w` counted `1 / ln deg(w)`, so that a shared partner with
///   few partners says more than a hub everyone shares;
/// - resource allocation: each shared partner counted `1 / deg(w)`, discounting hubs more.
///
/// Edge weights (several relations between two cities) are not read: a partner is shared or not.
///
/// ```swift
/// let scores = NeighbourhoodScores.pair(graph, 0, 33)
/// scores.commonNeighbours   // shared partners of nodes 0 and 33
/// scores.adamicAdar
/// ```
public struct NeighbourhoodScores: Hashable, Sendable {
    public var commonNeighbours: Int
    public var adamicAdar: Double
    public var resourceAllocation: Double

    public init(commonNeighbours: Int = 0, adamicAdar: Double = 0, resourceAllocation: Double = 0) {
        self.commonNeighbours = commonNeighbours
        self.adamicAdar = adamicAdar
        self.resourceAllocation = resourceAllocation
    }

    /// The scores of the pair `u`, `v`, by merging their sorted neighbour lists.
    public static func pair(_ graph: UndirectedGraph, _ u: Int, _ v: Int) -> NeighbourhoodScores {
        var scores = NeighbourhoodScores()
        var i = graph.offsets[u], j = graph.offsets[v]
        let iEnd = graph.offsets[u + 1], jEnd = graph.offsets[v + 1]
        while i < iEnd, j < jEnd {
            let a = graph.neighbourIndex[i], b = graph.neighbourIndex[j]
            if a < b { i += 1 } else if b < a { j += 1 } else {
                scores.add(sharedPartnerDegree: graph.degree(of: Int(a)))
                i += 1; j += 1
            }
        }
        return scores
    }

    /// Adds a shared partner of degree `degree` (at least 2: it is joined to both ends).
    mutating func add(sharedPartnerDegree degree: Int) {
        commonNeighbours += 1
        adamicAdar += 1 / log(Double(degree))
        resourceAllocation += 1 / Double(degree)
    }

    /// The shared partners of `u` and `v`, ascending.
    public static func sharedPartners(_ graph: UndirectedGraph, _ u: Int, _ v: Int) -> [Int] {
        var shared: [Int] = []
        var i = graph.offsets[u], j = graph.offsets[v]
        let iEnd = graph.offsets[u + 1], jEnd = graph.offsets[v + 1]
        while i < iEnd, j < jEnd {
            let a = graph.neighbourIndex[i], b = graph.neighbourIndex[j]
            if a < b { i += 1 } else if b < a { j += 1 } else { shared.append(Int(a)); i += 1; j += 1 }
        }
        return shared
    }
}

/// The neighbourhood scores of one node with every node two steps away, found by walking its
/// partners' partners once (rather than one merge per pair): what a recommender ranks first.
///
/// ```swift
/// var walk = TwoStepNeighbourhood(nodeCount: graph.nodeCount)
/// for (node, scores) in walk.scores(from: 0, in: graph) { … }   // nodes not joined to 0
/// ```
public struct TwoStepNeighbourhood: Sendable {
    private var scores: [NeighbourhoodScores]
    private var touched: [Int] = []

    public init(nodeCount: Int) {
        scores = [NeighbourhoodScores](repeating: NeighbourhoodScores(), count: nodeCount)
    }

    /// Every node that shares at least one partner with `source` and is neither `source` nor
    /// one of its partners, with its scores, in ascending node order.
    public mutating func scores(from source: Int, in graph: UndirectedGraph) -> [(node: Int, scores: NeighbourhoodScores)] {
        for w in graph.neighbours(of: source) {
            let degree = graph.degree(of: Int(w))
            for v in graph.neighbours(of: Int(w)) where Int(v) != source {
                if scores[Int(v)].commonNeighbours == 0 { touched.append(Int(v)) }
                scores[Int(v)].add(sharedPartnerDegree: degree)
            }
        }
        var adjacent = Set<Int>()
        for w in graph.neighbours(of: source) { adjacent.insert(Int(w)) }
        touched.sort()
        var result: [(node: Int, scores: NeighbourhoodScores)] = []
        result.reserveCapacity(touched.count)
        for node in touched {
            if !adjacent.contains(node) { result.append((node, scores[node])) }
            scores[node] = NeighbourhoodScores()
        }
        touched.removeAll(keepingCapacity: true)
        return result
    }
}
