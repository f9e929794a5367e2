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
/// 512 searches advance together, each node holding one bit per search for "reached", "on the
/// current level" and "reached from the current level". A node's neighbours are scanned once per
/// level at which any of the 512 reaches it, not once per search, and the pairs at each distance
/// are counted by population counts.
///
/// Leaves (one neighbour, in a component of more than two nodes) are left out of the searches:
/// a leaf's distances are its neighbour's plus one, so each remaining node stands for itself and
/// its leaves, with a weight, and the sums over pairs involving leaves follow in closed form (see
/// ``Layout``). Sources are grouped by their hub (the node of greatest degree among themselves
/// and their neighbours), so that a batch's searches start within two steps of each other and
/// reach any node at few different levels, and those with leaves apart from the others, so that
/// most batches need no weighting. Batches run on all workers; every sum is an integer,
/// so the result does not depend on their number.
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
        let layout = Layout(graph, components: components, largest: largest)
        let n = layout.leaves.count
        let batchCount = (n + Bits.width - 1) / Bits.width
        let workers = min(ParallelWork.workerCount(requested), batchCount)
        let totals = SharedBuffer<Int>.allocate(workers, repeating: 0)
        let diameters = SharedBuffer<Int>.allocate(workers, repeating: 0)
        defer {
            totals.deallocate()
            diameters.deallocate()
        }
        ParallelWork.run(workers) { worker in
            let state = SharedBuffer<Bits>.allocate(n, repeating: Bits())
            defer { state.deallocate() }
            var frontier = [Int32]()
            var touched = [Int32]()
            var masks: [(shift: Int, bits: Bits.Word)] = []
            var sliced = [Bits.Word](repeating: .zero, count: Int.bitWidth)
            var total = 0
            var diameter = 0
            layout.offsets.withUnsafeBufferPointer { offsets in
                layout.neighbours.withUnsafeBufferPointer { neighbours in
                    // Batches dealt round-robin: neighbouring batches cost alike, so shares even out.
                    for batch in stride(from: worker, to: batchCount, by: workers) {
                        frontier.removeAll(keepingCapacity: true)
                        // The sources' numbers of leaves, bit-sliced: the sources for which bit j is set.
                        for shift in sliced.indices { sliced[shift] = .zero }
                        var withLeaves = Bits.Word.zero
                        let batchSources = layout.sources[(batch * Bits.width)..<min(n, (batch + 1) * Bits.width)]
                        for (bit, source) in batchSources.enumerated() {
                            var word = Bits.Word.zero
                            word[bit / 64] = 1 << UInt64(bit % 64)
                            state[Int(source)].seen = word
                            state[Int(source)].current = word
                            frontier.append(source)
                            let leaves = layout.leaves[Int(source)]
                            for shift in 0..<(Int.bitWidth - leaves.leadingZeroBitCount) where leaves >> shift & 1 == 1 {
                                sliced[shift] |= word
                            }
                            if leaves > 0 { withLeaves |= word }
                        }
                        masks.removeAll(keepingCapacity: true)
                        for (shift, bits) in sliced.enumerated() where bits != .zero { masks.append((shift, bits)) }
                        var level = 0
                        while !frontier.isEmpty {
                            level += 1
                            touched.removeAll(keepingCapacity: true)
                            for v in frontier {
                                let bits = state[Int(v)].current
                                state[Int(v)].current = .zero
                                for i in offsets[Int(v)]..<offsets[Int(v) + 1] {
                                    let w = Int(neighbours[i])
                                    let next = state[w].next
                                    if next == .zero { touched.append(Int32(truncatingIfNeeded: w)) }
                                    state[w].next = next | bits
                                }
                            }
                            frontier.removeAll(keepingCapacity: true)
                            for w in touched {
                                let node = state[Int(w)]
                                let fresh = node.next & ~node.seen
                                state[Int(w)].next = .zero
                                guard fresh != .zero else { continue }
                                state[Int(w)].seen = node.seen | fresh
                                state[Int(w)].current = fresh
                                frontier.append(w)
                                // Σ over the fresh sources of their weights 1 + leaves, times this node's.
                                var weights = Bits.population(fresh)
                                let reachesLeaves = (fresh & withLeaves) != .zero
                                if reachesLeaves {
                                    for mask in masks { weights += Bits.population(fresh & mask.bits) << mask.shift }
                                }
                                let leavesHere = layout.leaves[Int(w)]
                                total += level * weights * (1 + leavesHere)
                                // A leaf of either end lengthens the longest path by one.
                                let far = level + (leavesHere > 0 ? 1 : 0) + (reachesLeaves ? 1 : 0)
                                diameter = max(diameter, far)
                            }
                        }
                        // Every node was reached: clear all for the next batch.
                        for v in 0..<n { state[v].seen = .zero }
                    }
                }
            }
            totals[worker] = total
            diameters[worker] = diameter
        }
        var betweenRemaining = 0
        var diameter = 0
        for worker in 0..<workers {
            betweenRemaining += totals[worker]
            diameter = max(diameter, diameters[worker])
        }
        // Pairs with a leaf: one step more per leaf end, and pairs within a node's own leaves.
        var leafCount = 0
        var sameGroup = 0
        for leaves in layout.leaves {
            leafCount += leaves
            sameGroup += leaves * (1 + leaves)
            // A leaf and its neighbour are 1 apart; two leaves of one node are 2 apart.
            if leaves > 0 { diameter = max(diameter, leaves > 1 ? 2 : 1) }
        }
        // Σ over ordered groups p ≠ q of (leaves of p · members of q + members of p · leaves of q),
        // where members = 1 + leaves and Σ members = size.
        let extraSteps = 2 * (leafCount * size - sameGroup)
        // Within a group: 2L ordered node–leaf pairs at 1, L(L − 1) ordered leaf pairs at 2.
        var withinGroups = 0
        for leaves in layout.leaves { withinGroups += 2 * leaves * leaves }
        let distanceTotal = betweenRemaining + extraSteps + withinGroups
        self.diameter = diameter
        meanDistance = Double(distanceTotal) / (Double(size) * Double(size - 1))
    }

    /// A node's bits, one per search of the batch, side by side so that a node's state is read
    /// from consecutive cache lines.
    struct Bits {
        typealias Word = SIMD8<UInt64>
        /// The number of searches of a batch.
        static let width = 512
        /// The searches that have reached the node.
        var seen = Word.zero
        /// The searches for which the node is on the current level.
        var current = Word.zero
        /// The searches reaching the node from the current level.
        var next = Word.zero

        @inline(__always) static func population(_ word: Word) -> Int {
            var count = 0
            for lane in 0..<Word.scalarCount { count += word[lane].nonzeroBitCount }
            return count
        }
    }

    /// The largest component without its leaves, renumbered in breadth-first order from its node
    /// of greatest degree so that neighbours tend to be near in memory, with each node's number of
    /// leaves and the order of the sources.
    ///
    /// With Lₚ the leaves of a remaining node p and wₚ = 1 + Lₚ, a leaf is one step further than
    /// its node from everything else, so the sum of distances over ordered pairs of the component
    /// is Σ_{p≠q} wₚ·w_q·d(p, q) (the searches, each source and target weighted) plus
    /// Σ_{p≠q} (Lₚ·w_q + wₚ·L_q) (a step per leaf end) plus Σₚ 2Lₚ² (within a group: 2Lₚ pairs
    /// node–leaf at 1, Lₚ(Lₚ − 1) pairs of leaves at 2).
    struct Layout: Sendable {
        let offsets: [Int]
        let neighbours: [Int32]
        /// How many leaves each remaining node stands for.
        let leaves: [Int]
        /// The sources in batch order.
        let sources: [Int32]

        init(_ graph: UndirectedGraph, components: ConnectedComponents, largest: Int) {
            func precedes(_ a: Int, _ b: Int) -> Bool {
                let da = graph.degree(of: a)
                let db = graph.degree(of: b)
                return da != db ? da > db : a < b
            }
            // A pair's two ends are both leaves; neither stands for the other.
            func isLeaf(_ v: Int) -> Bool {
                graph.degree(of: v) == 1 && graph.degree(of: Int(graph.neighbours(of: v).first!)) > 1
            }
            var root = -1
            for v in 0..<graph.nodeCount where components.componentOf[v] == Int32(largest) && !isLeaf(v) {
                if root < 0 || precedes(v, root) { root = v }
            }
            var position = [Int32](repeating: -1, count: graph.nodeCount)
            var order: [Int] = [root]
            position[root] = 0
            var head = 0
            while head < order.count {
                let v = order[head]
                head += 1
                for w in graph.neighbours(of: v) where position[Int(w)] < 0 && !isLeaf(Int(w)) {
                    position[Int(w)] = Int32(order.count)
                    order.append(Int(w))
                }
            }
            var offsets = [Int](repeating: 0, count: order.count + 1)
            var neighbours = [Int32]()
            neighbours.reserveCapacity(order.count * 4)
            var hub = [Int32](repeating: 0, count: order.count)
            var leaves = [Int](repeating: 0, count: order.count)
            for (place, v) in order.enumerated() {
                let start = neighbours.count
                var best = v
                for w in graph.neighbours(of: v) {
                    if position[Int(w)] < 0 {
                        leaves[place] += 1
                        continue
                    }
                    neighbours.append(position[Int(w)])
                    if precedes(Int(w), best) { best = Int(w) }
                }
                neighbours[start...].sort()
                offsets[place + 1] = neighbours.count
                hub[place] = position[best]
            }
            self.offsets = offsets
            self.neighbours = neighbours
            self.leaves = leaves
            // Nodes with leaves apart, so that the other batches need no weighting.
            sources = (0..<Int32(order.count)).sorted { a, b in
                let la = leaves[Int(a)] > 0
                let lb = leaves[Int(b)] > 0
                if la != lb { return lb }
                return hub[Int(a)] != hub[Int(b)] ? hub[Int(a)] < hub[Int(b)] : a < b
            }
        }
    }
}
