extension Leiden {
    /// Leiden's fast local moving: every node starts in a queue, in `order`; a node popped moves
    /// to the neighbouring community with the best gain, or to an empty community when being
    /// alone beats every option, and when it moves its neighbours outside its new community
    /// are queued again (unless already waiting). Ends when the queue is empty.
    func fastMove(_ graph: WorkingGraph, labels: inout [Int], order: [Int]) {
        let n = graph.nodeCount
        let twoM = 2 * graph.totalWeight
        guard twoM > 0, n > 0 else { return }
        var total = [Double](repeating: 0, count: n)
        var size = [Int](repeating: 0, count: n)
        for v in 0..<n { total[labels[v]] += graph.strengths[v]; size[labels[v]] += 1 }
        var empty = (0..<n).reversed().filter { size[$0] == 0 }

        // A ring of n places: a node is never queued twice, so it never overflows.
        var queue = order
        var head = 0
        var waiting = n
        var queued = [Bool](repeating: true, count: n)

        var weightTo = [Double](repeating: 0, count: n)
        var seenAt = [Int](repeating: -1, count: n)
        var visit = 0
        var touched: [Int] = []
        while waiting > 0 {
            let v = queue[head]
            head = head + 1 == n ? 0 : head + 1
            waiting -= 1
            queued[v] = false
            visit += 1

            let own = labels[v]
            let kv = graph.strengths[v]
            touched.removeAll(keepingCapacity: true)
            for i in graph.offsets[v]..<graph.offsets[v + 1] {
                let c = labels[Int(graph.neighbours[i])]
                if seenAt[c] != visit { seenAt[c] = visit; weightTo[c] = 0; touched.append(c) }
                weightTo[c] += graph.weights[i]
            }
            total[own] -= kv
            size[own] -= 1
            let factor = resolution * kv / twoM
            let margin = LocalMoving.tolerance * max(kv, 1)
            var best = own
            var bestGain = (seenAt[own] == visit ? weightTo[own] : 0) - factor * total[own]
            for c in touched where c != own {
                let gain = weightTo[c] - factor * total[c]
                if gain > bestGain + margin { best = c; bestGain = gain }
            }
            // An empty community gains 0. One exists whenever `own` still has other members,
            // since then fewer than n communities are in use.
            var tookEmpty = false
            if size[own] > 0, 0 > bestGain + margin { best = empty.last!; tookEmpty = true }
            total[best] += kv
            size[best] += 1
            guard best != own else { continue }
            if tookEmpty { empty.removeLast() }
            if size[own] == 0 { empty.append(own) }
            labels[v] = best
            for i in graph.offsets[v]..<graph.offsets[v + 1] {
                let u = Int(graph.neighbours[i])
                if !queued[u], labels[u] != best {
                    queued[u] = true
                    var tail = head + waiting
                    if tail >= n { tail -= n }
                    queue[tail] = u
                    waiting += 1
                }
            }
        }
    }
}
