/// The moving of single nodes between communities that Louvain and Leiden share, with the gain
/// they both compare: moving node `v` (strength `k_v`) into community `C` changes modularity by a
/// positive multiple of
///
///     w(v, C) − γ · k_v · K_C / 2m
///
/// where `w(v, C)` is the weight between `v` and `C`'s other nodes and `K_C` the strengths of
/// `C` without `v`. Gains are compared in those units (edge weights), as igraph does.
enum LocalMoving {
    /// A move must beat staying by more than this share of `k_v`, so that rounding noise between
    /// two equal gains never moves a node (and the sweeps always end).
    static let tolerance = 1e-12

    /// Louvain's local moving: sweeps over the nodes in `order`, moving each to its best
    /// community, until a sweep moves nothing. `labels` are dense in `0..<nodeCount`. Returns
    /// whether any node moved.
    static func sweepUntilStable(_ graph: WorkingGraph, labels: inout [Int], order: [Int], resolution: Double) -> Bool {
        let n = graph.nodeCount
        let twoM = 2 * graph.totalWeight
        guard twoM > 0 else { return false }
        var total = [Double](repeating: 0, count: n)
        for v in 0..<n { total[labels[v]] += graph.strengths[v] }
        var weightTo = [Double](repeating: 0, count: n)
        var seenBy = [Int](repeating: -1, count: n)
        var touched: [Int] = []
        var movedAny = false
        var moved = 0
        repeat {
            moved = 0
            for v in order {
                let own = labels[v]
                let kv = graph.strengths[v]
                touched.removeAll(keepingCapacity: true)
                for i in graph.offsets[v]..<graph.offsets[v + 1] {
                    let c = labels[Int(graph.neighbours[i])]
                    if seenBy[c] != v { seenBy[c] = v; weightTo[c] = 0; touched.append(c) }
                    weightTo[c] += graph.weights[i]
                }
                total[own] -= kv
                let factor = resolution * kv / twoM
                var best = own
                var bestGain = (seenBy[own] == v ? weightTo[own] : 0) - factor * total[own]
                let margin = tolerance * max(kv, 1)
                for c in touched where c != own {
                    let gain = weightTo[c] - factor * total[c]
                    if gain > bestGain + margin { best = c; bestGain = gain }
                }
                total[best] += kv
                if best != own { labels[v] = best; moved += 1 }
            }
            // A mark says "seen while visiting v"; the next sweep visits v again, so a stale mark
            // would pass for a fresh one.
            for c in 0..<n { seenBy[c] = -1 }
            if moved > 0 { movedAny = true }
        } while moved > 0
        return movedAny
    }
}
