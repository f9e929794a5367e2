/// The diameter and mean distance of a graph's largest component, exact, by bit-parallel
/// breadth-first searches: the whole-network distance figures of a network too large for a
/// per-node sweep (hundreds of thousands of nodes).
///
/// ```swift
/// let distances = LargestComponentDistances(graph)
/// distances.diameter        // the greatest eccentricity in the largest component
/// distances.meanDistance    // networkx average_shortest_path_length on that component
/// ```
///
/// The same figures as ``PathMeasures/largestComponentDiameter`` and
/// ``PathMeasures/largestComponentMeanDistance``, computed as in MS-BFS (Then et al., VLDB 2014):
/// 64 searches advance together, each node holding one bit per search in a machine word for
/// "reached", "at the current level" and "at the next level". A node's neighbours are scanned
/// once per level at which any of the 64 reaches it, not once per search, and the count of
/// pairs at each distance is a population count. Sources are taken in breadth-first order, so
/// that a batch holds neighbouring nodes, whose distances to any node span few levels.
/// Batches run on all workers; sums are integers, so the result does not depend on the order.
public struct LargestComponentDistances: Sendable, Hashable, Codable {
    /// The number of nodes of the largest component.
    public var size: Int
    /// The greatest distance between two of its nodes (0 when it has fewer than two).
    public var diameter: Int
    /// The mean distance over its ordered pairs of different nodes (0 when it has fewer than two).
    public var meanDistance: Double

    public init(_ graph: UndirectedGraph, components: ConnectedComponents? = nil, workers requested: Int? = nil) {
        let components = components ?? ConnectedComponents(graph)
        size = components.largestSize
        guard let largest = components.largest, size > 1 else {
            diameter = 0
            meanDistance = 0
            return
        }
        let n = graph.nodeCount
        let sources = Self.breadthFirstOrder(graph, from: components.componentOf.firstIndex(of: Int32(largest))!)
        let batchCount = (sources.count + 63) / 64
        let workers = min(ParallelWork.workerCount(requested), batchCount)
        let totals = SharedBuffer<Int>.allocate(workers, repeating: 0)
        let diameters = SharedBuffer<Int>.allocate(workers, repeating: 0)
        defer {
            totals.deallocate()
            diameters.deallocate()
        }
        ParallelWork.run(workers) { worker in
            let seen = SharedBuffer<UInt64>.allocate(n, repeating: 0)
            let current = SharedBuffer<UInt64>.allocate(n, repeating: 0)
            let next = SharedBuffer<UInt64>.allocate(n, repeating: 0)
            var frontier = [Int32]()
            var touched = [Int32]()
            var reachedNodes = [Int32]()
            defer {
                seen.deallocate()
                current.deallocate()
                next.deallocate()
            }
            var total = 0
            var diameter = 0
            graph.offsets.withUnsafeBufferPointer { offsets in
                graph.neighbourIndex.withUnsafeBufferPointer { neighbours in
                    // Batches dealt round-robin: neighbouring batches cost alike, so shares even out.
                    for batch in stride(from: worker, to: batchCount, by: workers) {
                        let batchSources = sources[(batch * 64)..<min(sources.count, (batch + 1) * 64)]
                        frontier.removeAll(keepingCapacity: true)
                        reachedNodes.removeAll(keepingCapacity: true)
                        for (bit, source) in batchSources.enumerated() {
                            seen[Int(source)] = 1 << UInt64(bit)
                            current[Int(source)] = 1 << UInt64(bit)
                            frontier.append(source)
                            reachedNodes.append(source)
                        }
                        var level = 0
                        while !frontier.isEmpty {
                            level += 1
                            touched.removeAll(keepingCapacity: true)
                            for v in frontier {
                                let bits = current[Int(v)]
                                current[Int(v)] = 0
                                for i in offsets[Int(v)]..<offsets[Int(v) + 1] {
                                    let w = Int(neighbours[i])
                                    if next[w] == 0 { touched.append(Int32(w)) }
                                    next[w] |= bits
                                }
                            }
                            frontier.removeAll(keepingCapacity: true)
                            var count = 0
                            for w in touched {
                                let fresh = next[Int(w)] & ~seen[Int(w)]
                                next[Int(w)] = 0
                                if fresh != 0 {
                                    if seen[Int(w)] == 0 { reachedNodes.append(w) }
                                    seen[Int(w)] |= fresh
                                    current[Int(w)] = fresh
                                    count += fresh.nonzeroBitCount
                                    frontier.append(w)
                                }
                            }
                            if count > 0 {
                                total += count * level
                                diameter = max(diameter, level)
                            }
                        }
                        for v in reachedNodes { seen[Int(v)] = 0 }
                    }
                }
            }
            totals[worker] = total
            diameters[worker] = diameter
        }
        var distanceTotal = 0
        var diameter = 0
        for worker in 0..<workers {
            distanceTotal += totals[worker]
            diameter = max(diameter, diameters[worker])
        }
        self.diameter = diameter
        meanDistance = Double(distanceTotal) / (Double(size) * Double(size - 1))
    }

    /// The nodes of `root`'s component in breadth-first order from it.
    static func breadthFirstOrder(_ graph: UndirectedGraph, from root: Int) -> [Int32] {
        var reached = [Bool](repeating: false, count: graph.nodeCount)
        var order: [Int32] = [Int32(root)]
        reached[root] = true
        var head = 0
        while head < order.count {
            let v = Int(order[head])
            head += 1
            for w in graph.neighbours(of: v) where !reached[Int(w)] {
                reached[Int(w)] = true
                order.append(w)
            }
        }
        return order
    }
}
