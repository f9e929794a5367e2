extension CommunityPartition {
    /// The communities whose nodes are not all reachable from one another through edges inside
    /// the community, ascending. Louvain can leave such communities (a node that held one
    /// together moved away); Leiden cannot, and its tests hold it to that.
    ///
    /// ```swift
    /// let split = Louvain().communities(in: graph).disconnectedCommunities(in: graph)
    /// split.isEmpty  // true when every community is connected
    /// ```
    public func disconnectedCommunities(in graph: UndirectedGraph) -> [Int] {
        precondition(membership.count == graph.nodeCount, "the partition is of another graph")
        // Count each community's connected pieces with one breadth-first search per piece,
        // following only edges whose ends share a community.
        var pieces = [Int](repeating: 0, count: communityCount)
        var visited = [Bool](repeating: false, count: graph.nodeCount)
        var queue: [Int] = []
        queue.reserveCapacity(graph.nodeCount)
        for start in 0..<graph.nodeCount where !visited[start] {
            let c = membership[start]
            pieces[c] += 1
            visited[start] = true
            queue.removeAll(keepingCapacity: true)
            queue.append(start)
            var head = 0
            while head < queue.count {
                let v = queue[head]; head += 1
                for i in graph.offsets[v]..<graph.offsets[v + 1] {
                    let u = Int(graph.neighbourIndex[i])
                    if !visited[u], membership[u] == c { visited[u] = true; queue.append(u) }
                }
            }
        }
        return pieces.indices.filter { pieces[$0] > 1 }
    }
}
