/// The graph of groups of nodes: cities grouped by country give the graph of countries, whose
/// edge between two countries weighs the city pairs (or relations) joining them, and whose
/// domestic pairs (both cities in one country) are kept apart in ``domestic``, since an
/// ``UndirectedGraph`` drops self-pairs.
///
/// ```swift
/// // Cities 0 and 1 in country 0, city 2 in country 1.
/// let cities = UndirectedGraph(nodeCount: 3, edges: [(0, 1), (0, 2), (1, 2), (1, 2)])
/// let countries = QuotientGraph(cities, groups: [0, 0, 1])
/// countries.weight(between: 0, and: 1)  // 3 relations (2 pairs with `counting: .pairs`)
/// countries.domestic[0]                 // 1
/// ```
public struct QuotientGraph: Sendable {
    /// What one edge of the node graph adds to the weight between its groups.
    public enum Counting: Sendable {
        /// Each distinct pair of nodes adds 1, however many relations join it.
        case pairs
        /// Each pair adds its weight: its number of relations.
        case relations
    }

    /// Number of groups; groups are `0..<groupCount`.
    public let groupCount: Int
    /// The groups and the weights between different groups.
    public let graph: UndirectedGraph
    /// For each group, the weight of the node pairs inside it.
    public let domestic: [Double]
    /// The weight of the node pairs with an end in no group (a negative group), left out of both.
    public let unassigned: Double
    /// How the weights were counted.
    public let counting: Counting

    /// Groups the nodes of `graph`.
    ///
    /// - Parameters:
    ///   - groups: the group of each node, negative for none.
    ///   - groupCount: the number of groups; by default one more than the largest group, but a
    ///     caller listing every country passes their number so that countries without a city
    ///     still have a row.
    public init(_ graph: UndirectedGraph, groups: [Int], groupCount: Int? = nil, counting: Counting = .relations) {
        precondition(groups.count == graph.nodeCount, "one group per node")
        let count = groupCount ?? ((groups.max() ?? -1) + 1)
        precondition(groups.allSatisfy { $0 < count }, "a group is out of range")
        var domestic = [Double](repeating: 0, count: count)
        var unassigned = 0.0
        var ends: [(Int, Int)] = []
        var weights: [Double] = []
        for edge in graph.edges {
            let w = counting == .pairs ? 1 : edge.weight
            let (a, b) = (groups[edge.a], groups[edge.b])
            if a < 0 || b < 0 {
                unassigned += w
            } else if a == b {
                domestic[a] += w
            } else {
                ends.append((a, b))
                weights.append(w)
            }
        }
        self.groupCount = count
        self.graph = UndirectedGraph(nodeCount: count, edges: ends, weights: weights)
        self.domestic = domestic
        self.unassigned = unassigned
        self.counting = counting
    }

    /// The weight between two groups; a group's domestic weight when they are the same.
    public func weight(between a: Int, and b: Int) -> Double {
        if a == b { return domestic[a] }
        let neighbours = graph.neighbours(of: a)
        // Neighbours are ascending: a binary search finds b.
        var low = neighbours.startIndex, high = neighbours.endIndex
        while low < high {
            let middle = (low + high) / 2
            if Int(neighbours[middle]) < b { low = middle + 1 } else { high = middle }
        }
        return low < neighbours.endIndex && Int(neighbours[low]) == b ? graph.weight(ofEdgeAt: low) : 0
    }

    /// All of a group's weight: its domestic pairs and its pairs with every other group.
    public func total(of group: Int) -> Double {
        domestic[group] + graph.strength(of: group)
    }
}
