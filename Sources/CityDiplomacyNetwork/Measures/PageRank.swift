/// PageRank: the share of time a random walker spends at each node, following an edge with
/// probability 0.85 (the damping) and jumping to a node chosen uniformly otherwise.
///
/// ```swift
/// let star = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (0, 2), (0, 3)])
/// let rank = PageRank(star)
/// rank.values            // [0.4797…, 0.1734…, 0.1734…, 0.1734…], summing to 1
/// ```
///
/// networkx's `pagerank(G, alpha=0.85)`, which igraph's `pagerank()` agrees with: every edge is
/// walked both ways; a node without edges (dangling) sends its whole share to every node
/// uniformly; the walk starts uniform. With `weighted`, the walker leaves a node along an edge
/// in proportion to its weight, the pair's number of relations (networkx's
/// `pagerank(G, weight="weight")` with those weights); otherwise every distinct partner is as
/// likely (networkx `weight=None`). The iteration stops when the sum of the absolute changes
/// falls below ``tolerance`` (networkx's test is below n × tol).
public struct PageRank: Sendable, Hashable, Codable {
    /// Each node's score; the scores sum to 1.
    public var values: [Double]
    /// The number of steps made.
    public var iterations: Int
    /// Whether the change fell below the tolerance within the allowed iterations.
    public var converged: Bool

    /// The default stopping threshold on the sum of absolute changes of one step.
    public static let tolerance = 1e-12

    public init(
        _ graph: UndirectedGraph, damping: Double = 0.85, weighted: Bool = false,
        tolerance: Double = Self.tolerance, maxIterations: Int = 10_000
    ) {
        let n = graph.nodeCount
        guard n > 0 else {
            values = []
            iterations = 0
            converged = true
            return
        }
        // What a node passes along each edge is its score over its (weighted) degree.
        let outgoing: [Double] = (0..<n).map { v in weighted ? graph.strength(of: v) : Double(graph.degree(of: v)) }
        let dangling = (0..<n).filter { outgoing[$0] == 0 }
        let uniform = 1 / Double(n)
        var x = [Double](repeating: uniform, count: n)
        var share = [Double](repeating: 0, count: n)
        var iterations = 0
        var converged = false
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbourIndex.withUnsafeBufferPointer { neighbours in
                graph.weights.withUnsafeBufferPointer { weights in
                    while iterations < maxIterations {
                        iterations += 1
                        var danglingSum = 0.0
                        for v in dangling { danglingSum += x[v] }
                        for v in 0..<n where outgoing[v] > 0 { share[v] = x[v] / outgoing[v] }
                        let base = damping * danglingSum * uniform + (1 - damping) * uniform
                        var change = 0.0
                        for v in 0..<n {
                            var sum = 0.0
                            if weighted {
                                for i in offsets[v]..<offsets[v + 1] { sum += share[Int(neighbours[i])] * weights[i] }
                            } else {
                                for i in offsets[v]..<offsets[v + 1] { sum += share[Int(neighbours[i])] }
                            }
                            let value = damping * sum + base
                            change += abs(value - x[v])
                            // `share` holds the previous scores' shares, so x can be overwritten.
                            x[v] = value
                        }
                        if change < tolerance {
                            converged = true
                            break
                        }
                    }
                }
            }
        }
        values = x
        self.iterations = iterations
        self.converged = converged
    }
}
