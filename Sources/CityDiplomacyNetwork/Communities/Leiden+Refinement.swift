extension Leiden {
    /// Leiden's refinement: inside each community `S` of `partition`, every node starts alone;
    /// in a random order, each node still alone that is well connected to the rest of `S`
    ///
    ///     w(v, S − v) ≥ γ · k_v · (K_S − k_v) / 2m
    ///
    /// joins a sub-community `C` of `S` that is itself well connected,
    /// `w(C, S − C) ≥ γ · K_C · (K_S − K_C) / 2m`, and that it is linked to, drawn among those whose
    /// gain is not negative (staying alone gains 0) with probability ∝ exp(gain / θ). A node joins
    /// only communities it has an edge to, so every sub-community is connected.
    ///
    /// Returns the sub-communities, dense in `0..<count`.
    func refine(_ graph: WorkingGraph, partition: [Int], partitionCount: Int, random: inout SeededGenerator) -> (labels: [Int], count: Int) {
        let n = graph.nodeCount
        let twoM = 2 * graph.totalWeight
        var refined = Array(0..<n)
        guard twoM > 0 else { return (refined, n) }
        var total = graph.strengths
        var size = [Int](repeating: 1, count: n)
        var subsetTotal = [Double](repeating: 0, count: partitionCount)
        // w(C, S − C) for each sub-community C: at first, each node's weight to its own community.
        var outward = [Double](repeating: 0, count: n)
        for v in 0..<n {
            subsetTotal[partition[v]] += graph.strengths[v]
            for i in graph.offsets[v]..<graph.offsets[v + 1] where partition[Int(graph.neighbours[i])] == partition[v] {
                outward[v] += graph.weights[i]
            }
        }
        var order = Array(0..<n)
        random.shuffle(&order)

        var weightTo = [Double](repeating: 0, count: n)
        var seenBy = [Int](repeating: -1, count: n)
        var candidates: [Int] = []
        var chances: [Double] = []
        for v in order {
            let own = refined[v]
            guard size[own] == 1 else { continue }
            let s = partition[v]
            let kv = graph.strengths[v]
            let scale = resolution / twoM
            guard outward[own] >= scale * kv * (subsetTotal[s] - kv) else { continue }

            candidates.removeAll(keepingCapacity: true)
            for i in graph.offsets[v]..<graph.offsets[v + 1] {
                let u = Int(graph.neighbours[i])
                guard partition[u] == s else { continue }
                let c = refined[u]
                if seenBy[c] != v { seenBy[c] = v; weightTo[c] = 0; candidates.append(c) }
                weightTo[c] += graph.weights[i]
            }
            let alone = outward[own]
            total[own] = 0
            size[own] = 0
            // Keep the candidates that are well connected and that v does not lose by joining,
            // with their gains; staying alone (gain 0) is always one of them.
            var kept = 0
            var bestGain = 0.0
            for c in candidates {
                guard outward[c] >= scale * total[c] * (subsetTotal[s] - total[c]) else { continue }
                let gain = weightTo[c] - scale * kv * total[c]
                guard gain >= 0 else { continue }
                candidates[kept] = c
                chances.append(gain)
                kept += 1
                bestGain = max(bestGain, gain)
            }
            candidates.removeLast(candidates.count - kept)
            var chosen = own
            if kept > 0 {
                candidates.append(own)
                chances.append(0)
                // exp(gain / θ), scaled by exp(−best / θ) so that no term overflows. The best
                // term is 1, so the sum is at least 1 and a term below e^−40 (4e−18, under
                // half the sum's last bit) would be lost in it anyway: it is not computed.
                var sum = 0.0
                for j in chances.indices {
                    let exponent = (chances[j] - bestGain) / randomness
                    chances[j] = exponent < -40 ? 0 : Self.exp(exponent)
                    sum += chances[j]
                }
                var pick = random.unit() * sum
                for (j, c) in candidates.enumerated() {
                    pick -= chances[j]
                    if pick < 0 { chosen = c; break }
                }
                chances.removeAll(keepingCapacity: true)
            }

            refined[v] = chosen
            total[chosen] += kv
            size[chosen] += 1
            if chosen != own {
                outward[chosen] += alone - 2 * weightTo[chosen]
            }
        }
        return CommunityNumbering.compact(refined)
    }

    /// e^x for x ≤ 0, computed here rather than by the C library so that the refinement's draws,
    /// hence the communities for a seed, are the same on every platform. Relative error below
    /// 1e−13 (the reduction by k·ln 2 loses a few bits for large k); 0 below −700.
    static func exp(_ x: Double) -> Double {
        guard x > -700 else { return 0 }
        // e^x = 2^k · e^r with |r| ≤ ln 2 / 2, then the Taylor series of e^r to r^13 (the next
        // term is below 4e−18), by Horner's rule.
        let k = (x / 0.693_147_180_559_945_3).rounded()
        let r = x - k * 0.693_147_180_559_945_3
        var sum = 1.0
        for i in stride(from: 13, through: 1, by: -1) { sum = 1 + sum * r / Double(i) }
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }
}
