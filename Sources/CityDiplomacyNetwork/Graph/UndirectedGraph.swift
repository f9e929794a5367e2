/// A simple undirected graph in compressed sparse row form, the one input every network measure
/// reads: nodes are `0..<nodeCount`, each edge is stored once per end, neighbours in ascending
/// order, and each edge carries a weight (how many relations join the pair).
///
/// Built from an edge list in which pairs may repeat (several relations between two cities, or
/// one relation listed by several datasets) and ends may coincide: a repeated pair becomes one
/// edge whose weight is its number of occurrences, and a self-pair is counted in
/// ``selfPairs`` but never becomes an edge (a city is not its own partner). Both are documented
/// where the measures are shown.
///
/// ```swift
/// let graph = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (1, 2), (2, 0), (3, 3)])
/// graph.edgeCount          // 3 distinct pairs
/// graph.neighbours(of: 1)  // [0, 2]
/// graph.weight(ofEdgeAt: graph.offsets[1] + 1)  // 2: the pair 1–2 occurs twice
/// graph.selfPairs          // 1
/// ```
///
/// Hand-written rather than taken from a graph library: none of the packages this project may
/// depend on stores graphs as flat arrays (SwiftGraph keeps an array of edge objects per vertex,
/// several times the memory and cache misses on a million edges), and every measure here walks
/// neighbour lists in tight loops.
public struct UndirectedGraph: Sendable {
    /// Number of nodes; nodes are `0..<nodeCount`.
    public let nodeCount: Int
    /// Number of distinct unordered pairs of different nodes.
    public let edgeCount: Int
    /// `neighbourIndex[offsets[v]..<offsets[v + 1]]` are `v`'s neighbours, ascending.
    public let offsets: [Int]
    public let neighbourIndex: [Int32]
    /// The weight of each stored edge end, aligned with ``neighbourIndex``.
    public let weights: [Double]
    /// How many self-pairs (both ends the same node) the edge list held; they are not edges.
    public let selfPairs: Int
    /// The sum of all occurrences of distinct pairs (the edge list's length without self-pairs).
    public let totalWeight: Double

    /// A graph of `nodeCount` nodes with the given edges, each occurrence adding `1` (or the
    /// matching entry of `weights`) to its pair's weight.
    public init(nodeCount: Int, edges: some Collection<(Int, Int)>, weights edgeWeights: [Double]? = nil) {
        precondition(edgeWeights == nil || edgeWeights!.count == edges.count, "one weight per edge")
        self.nodeCount = nodeCount
        var degree = [Int](repeating: 0, count: nodeCount + 1)
        var loops = 0
        for (a, b) in edges {
            precondition(a >= 0 && a < nodeCount && b >= 0 && b < nodeCount, "edge end out of range")
            if a == b { loops += 1; continue }
            degree[a] += 1
            degree[b] += 1
        }
        var start = [Int](repeating: 0, count: nodeCount + 1)
        for v in 0..<nodeCount { start[v + 1] = start[v] + degree[v] }
        var fill = start
        var ends = [Int32](repeating: 0, count: start[nodeCount])
        var ws = [Double](repeating: 0, count: start[nodeCount])
        for (index, (a, b)) in edges.enumerated() where a != b {
            let w = edgeWeights?[index] ?? 1
            ends[fill[a]] = Int32(b); ws[fill[a]] = w; fill[a] += 1
            ends[fill[b]] = Int32(a); ws[fill[b]] = w; fill[b] += 1
        }
        // Sort each list and merge repeated neighbours, adding their weights.
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var write = 0
        var pairs: [(Int32, Double)] = []
        var total = 0.0
        for v in 0..<nodeCount {
            pairs.removeAll(keepingCapacity: true)
            for i in start[v]..<start[v + 1] { pairs.append((ends[i], ws[i])) }
            pairs.sort { $0.0 < $1.0 }
            offsets[v] = write
            var i = 0
            while i < pairs.count {
                var w = pairs[i].1
                var j = i + 1
                while j < pairs.count, pairs[j].0 == pairs[i].0 { w += pairs[j].1; j += 1 }
                ends[write] = pairs[i].0
                ws[write] = w
                if Int(pairs[i].0) > v { total += w }
                write += 1
                i = j
            }
        }
        offsets[nodeCount] = write
        ends.removeLast(ends.count - write)
        ws.removeLast(ws.count - write)
        self.offsets = offsets
        neighbourIndex = ends
        weights = ws
        edgeCount = write / 2
        selfPairs = loops
        totalWeight = total
    }

    /// The number of distinct neighbours of `node`.
    @inlinable public func degree(of node: Int) -> Int { offsets[node + 1] - offsets[node] }

    /// The sum of the weights of `node`'s edges (its number of relations, self-pairs aside).
    public func strength(of node: Int) -> Double {
        var sum = 0.0
        for i in offsets[node]..<offsets[node + 1] { sum += weights[i] }
        return sum
    }

    /// `node`'s neighbours, ascending.
    public func neighbours(of node: Int) -> ArraySlice<Int32> { neighbourIndex[offsets[node]..<offsets[node + 1]] }

    /// The weight of the stored edge end at `position` (an index into ``neighbourIndex``).
    @inlinable public func weight(ofEdgeAt position: Int) -> Double { weights[position] }

    /// Every distinct edge once, as `(a, b, weight)` with `a < b`, in node order.
    public var edges: [(a: Int, b: Int, weight: Double)] {
        var result: [(a: Int, b: Int, weight: Double)] = []
        result.reserveCapacity(edgeCount)
        for a in 0..<nodeCount {
            for i in offsets[a]..<offsets[a + 1] where Int(neighbourIndex[i]) > a {
                result.append((a, Int(neighbourIndex[i]), weights[i]))
            }
        }
        return result
    }
}
