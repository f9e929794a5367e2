/// Eigenvector centrality: a node is central when its neighbours are, its score being its entry in
/// the leading eigenvector of the adjacency matrix (unweighted), scaled to unit Euclidean norm.
///
/// ```swift
/// let star = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (0, 2), (0, 3)])
/// let eigenvector = EigenvectorCentrality(star)
/// eigenvector.values    // [0.7071…, 0.4082…, 0.4082…, 0.4082…]: 1/√2 and 1/√6
/// eigenvector.converged // true
/// ```
///
/// The iteration is networkx's `eigenvector_centrality`: it starts from the uniform vector and
/// multiplies by A + I (the identity keeps a bipartite graph from oscillating without changing
/// the eigenvectors), normalising each time. It stops when the sum of the absolute changes falls
/// below ``tolerance`` (networkx's test is below n × tol, looser on large graphs).
///
/// On a disconnected graph the leading eigenvector is not unique, and the result is what this
/// iteration converges to from the uniform start, the same as networkx's on the whole graph: the
/// component(s) of greatest spectral radius keep their share of the start, and the scores of the
/// other components shrink towards 0 at every step (to about 1e-13 and below where networkx
/// stops, to 0 in the limit). An isolated node scores 0 unless no component has an edge. igraph
/// computes components apart and scales the greatest score to 1; on a connected graph its
/// result is this one divided by its greatest entry.
public struct EigenvectorCentrality: Sendable, Hashable, Codable {
    /// Each node's score; the scores have unit Euclidean norm.
    public var values: [Double]
    /// The number of multiplications made.
    public var iterations: Int
    /// Whether the change fell below the tolerance within the allowed iterations.
    public var converged: Bool

    /// The default stopping threshold on the sum of absolute changes of one iteration.
    public static let tolerance = 1e-10

    public init(_ graph: UndirectedGraph, tolerance: Double = Self.tolerance, maxIterations: Int = 100_000) {
        let n = graph.nodeCount
        guard n > 0 else {
            values = []
            iterations = 0
            converged = true
            return
        }
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        var iterations = 0
        var converged = false
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbourIndex.withUnsafeBufferPointer { neighbours in
                while iterations < maxIterations {
                    iterations += 1
                    var squares = 0.0
                    for v in 0..<n {
                        var sum = x[v]
                        for i in offsets[v]..<offsets[v + 1] { sum += x[Int(neighbours[i])] }
                        next[v] = sum
                        squares += sum * sum
                    }
                    // Never 0 (the vector has a positive entry and A + I keeps it), but networkx
                    // guards against it and so does this.
                    let norm = squares > 0 ? squares.squareRoot() : 1
                    var change = 0.0
                    for v in 0..<n {
                        let value = next[v] / norm
                        change += abs(value - x[v])
                        x[v] = value
                    }
                    if change < tolerance {
                        converged = true
                        break
                    }
                }
            }
        }
        values = x
        self.iterations = iterations
        self.converged = converged
    }
}
