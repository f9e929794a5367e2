/// One breadth-first search from every node, with Brandes' dependency accumulation on the way
/// back: in a single pass over all sources it yields betweenness and, per source, what closeness,
/// harmonic centrality, eccentricity and the mean distance are made of.
///
/// ```swift
/// let sweep = ShortestPathSweep.run(graph, workers: 2)
/// sweep.pairDependency[v]   // Brandes' sum over ordered pairs (s, t) of the share of s–t paths through v
/// sweep.distanceSum[s]      // sum of distances from s to the nodes it reaches
/// ```
///
/// Sources are cut into blocks whose size depends only on the number of nodes. Rounds of blocks,
/// one per worker, run in parallel, each into its own accumulator; after every round the
/// accumulators are added to the total in block order. Within a block sources are taken in
/// order. The sum is therefore the same, to the last bit, whatever the number of workers. The
/// other figures are computed from one source at a time and written to that source's slot.
///
/// Three things make it fast without changing what it computes:
/// - nodes are renumbered by decreasing degree, so the hubs every search passes through share
///   a few cache lines, and each node's distance, path count and share sit side by side;
/// - a leaf (one neighbour, in a component of more than two nodes) is never a source: its
///   searches would be its neighbour's one step further, so the neighbour's search counts for
///   it too (Baglioni et al. 2012): its dependencies are the neighbour's, the neighbour gains one
///   pair per other node, and its distances are the neighbour's plus one. Sparse networks such
///   as sister cities' have many (a quarter of the sources in a random graph of their size and
///   degree spread);
/// - the forward pass writes each node's successors on shortest paths contiguously as it meets
///   them, so the backward pass reads only those and gathers a node's dependency from them rather
///   than scattering it to predecessors found by a second scan of every neighbour; all scratch
///   memory is allocated once per worker and reset only where the last search wrote.
struct ShortestPathSweep {
    /// Brandes' accumulation over ordered pairs: networkx's unnormalised betweenness of an
    /// undirected graph is half of it.
    var pairDependency: [Double]
    /// The number of other nodes each node reaches.
    var reached: [Int]
    /// The sum of the distances from each node to the nodes it reaches.
    var distanceSum: [Int]
    /// The sum of the reciprocal distances from each node to the nodes it reaches.
    var reciprocalDistanceSum: [Double]
    /// The greatest distance from each node to a node it reaches (0 for an isolated node).
    var eccentricity: [Int]

    /// The number of sources per block: a function of the node count alone, so that the summation
    /// order, hence every bit of the result, does not depend on the number of workers. Small
    /// enough that rounds stay balanced; large enough that merging (one pass over the nodes per
    /// block) is negligible beside the block's searches.
    static func blockSize(nodeCount: Int) -> Int { min(1024, max(16, nodeCount / 64)) }

    static func run(_ graph: UndirectedGraph, workers requested: Int? = nil) -> ShortestPathSweep {
        let n = graph.nodeCount
        let workers = min(ParallelWork.workerCount(requested), max(1, n))
        let blockSize = blockSize(nodeCount: n)
        let blockCount = (n + blockSize - 1) / blockSize
        let layout = Layout(graph)

        let outputs = Outputs(nodeCount: n)
        let total = SharedBuffer<Double>.allocate(n, repeating: 0)
        let scratches = (0..<workers).map { _ in Scratch(nodeCount: n, edgeEnds: layout.neighbours.count) }
        defer {
            outputs.deallocate()
            total.deallocate()
            for scratch in scratches { scratch.deallocate() }
        }

        var firstBlock = 0
        while firstBlock < blockCount {
            let inRound = min(workers, blockCount - firstBlock)
            let roundStart = firstBlock
            ParallelWork.run(inRound) { worker in
                let block = roundStart + worker
                layout.offsets.withUnsafeBufferPointer { offsets in
                    layout.neighbours.withUnsafeBufferPointer { neighbours in
                        layout.leafParent.withUnsafeBufferPointer { leafParent in
                            for source in (block * blockSize)..<min(n, (block + 1) * blockSize) where leafParent[source] < 0 {
                                search(
                                    from: source, offsets: offsets.baseAddress!, neighbours: neighbours.baseAddress,
                                    leafParent: leafParent.baseAddress!, leaves: Int(layout.leafCount[source]),
                                    scratch: scratches[worker], outputs: outputs
                                )
                            }
                        }
                    }
                }
            }
            // Add the round's accumulators in block order, each worker over its own node range.
            let slices = min(workers, max(1, n / 4096))
            ParallelWork.run(slices) { slice in
                for v in (n * slice / slices)..<(n * (slice + 1) / slices) {
                    var sum = total[v]
                    for worker in 0..<inRound {
                        sum += scratches[worker].dependencySum[v]
                        scratches[worker].dependencySum[v] = 0
                    }
                    total[v] = sum
                }
            }
            firstBlock += inRound
        }
        // Back to the graph's numbering.
        let position = layout.position
        return ShortestPathSweep(
            pairDependency: position.map { total[Int($0)] },
            reached: position.map { Int(outputs.reached[Int($0)]) },
            distanceSum: position.map { outputs.distanceSum[Int($0)] },
            reciprocalDistanceSum: position.map { outputs.reciprocal[Int($0)] },
            eccentricity: position.map { Int(outputs.eccentricity[Int($0)]) }
        )
    }

    /// The graph renumbered by decreasing degree (ties by number), with its leaves marked.
    struct Layout: Sendable {
        /// `position[v]` is the graph's node v's number here.
        let position: [Int32]
        let offsets: [Int]
        let neighbours: [Int32]
        /// The neighbour of a leaf whose searches its neighbour's stand for; -1 for other nodes.
        let leafParent: [Int32]
        /// How many such leaves each node stands for.
        let leafCount: [Int32]

        init(_ graph: UndirectedGraph) {
            let n = graph.nodeCount
            let order = (0..<n).sorted { a, b in
                let da = graph.degree(of: a)
                let db = graph.degree(of: b)
                return da != db ? da > db : a < b
            }
            var position = [Int32](repeating: 0, count: n)
            for (place, v) in order.enumerated() { position[v] = Int32(place) }
            var offsets = [Int](repeating: 0, count: n + 1)
            var neighbours = [Int32]()
            neighbours.reserveCapacity(graph.neighbourIndex.count)
            for (place, v) in order.enumerated() {
                let start = neighbours.count
                for w in graph.neighbours(of: v) { neighbours.append(position[Int(w)]) }
                neighbours[start...].sort()
                offsets[place + 1] = neighbours.count
            }
            var leafParent = [Int32](repeating: -1, count: n)
            var leafCount = [Int32](repeating: 0, count: n)
            for v in 0..<n where offsets[v + 1] - offsets[v] == 1 {
                let parent = Int(neighbours[offsets[v]])
                // A pair's two ends are both leaves; neither stands for the other.
                if offsets[parent + 1] - offsets[parent] > 1 {
                    leafParent[v] = Int32(parent)
                    leafCount[parent] += 1
                }
            }
            self.position = position
            self.offsets = offsets
            self.neighbours = neighbours
            self.leafParent = leafParent
            self.leafCount = leafCount
        }
    }

    /// The per-source figures, each source (or the node standing for a leaf) writing only its
    /// own slot.
    struct Outputs: Sendable {
        let reached: SharedBuffer<Int32>
        let distanceSum: SharedBuffer<Int>
        let reciprocal: SharedBuffer<Double>
        let eccentricity: SharedBuffer<Int32>

        init(nodeCount n: Int) {
            reached = .allocate(n, repeating: 0)
            distanceSum = .allocate(n, repeating: 0)
            reciprocal = .allocate(n, repeating: 0)
            eccentricity = .allocate(n, repeating: 0)
        }

        func deallocate() {
            reached.deallocate()
            distanceSum.deallocate()
            reciprocal.deallocate()
            eccentricity.deallocate()
        }
    }

    /// What a search knows of a node, side by side so that one cache line serves.
    struct NodeState {
        /// Number of shortest paths from the source (a Double: counts overflow any integer).
        var paths: Double
        /// (1 + dependency) / paths once the node's dependency is known: what each of its
        /// predecessors gains from it per path.
        var share: Double
        /// Distance from the source; -1 where unreached (restored after each search).
        var distance: Int32
    }

    /// One worker's memory, reused from source to source.
    struct Scratch: Sendable {
        let state: SharedBuffer<NodeState>
        /// Nodes in the order reached, which is by distance.
        let queue: SharedBuffer<Int32>
        /// The successors of the nodes on shortest paths, in queue order: those of the node at
        /// queue place i are `successors[successorStart[i]..<successorStart[i + 1]]`.
        let successors: SharedBuffer<Int32>
        let successorStart: SharedBuffer<Int>
        /// The sum of dependencies over the sources of the current block.
        let dependencySum: SharedBuffer<Double>

        init(nodeCount n: Int, edgeEnds: Int) {
            state = .allocate(n, repeating: NodeState(paths: 0, share: 0, distance: -1))
            queue = .allocate(n, repeating: 0)
            // Each edge is a successor link in one direction at most.
            successors = .allocate(edgeEnds / 2, repeating: 0)
            successorStart = .allocate(n + 1, repeating: 0)
            dependencySum = .allocate(n, repeating: 0)
        }

        func deallocate() {
            state.deallocate()
            queue.deallocate()
            successors.deallocate()
            successorStart.deallocate()
            dependencySum.deallocate()
        }
    }

    /// Brandes (2001) from `source`, for an unweighted graph, counting for its `leaves` too.
    ///
    /// The forward pass records each node's successors (neighbours one level further) as it
    /// scans its neighbours, so the backward pass reads only those, contiguously, and each node
    /// gathers its dependency from its successors' shares instead of scattering it to its
    /// predecessors: δ(v) = σ(v) · Σ_{w successor of v} (1 + δ(w)) / σ(w).
    @inline(__always)
    static func search(
        from source: Int, offsets: UnsafePointer<Int>, neighbours: UnsafePointer<Int32>?,
        leafParent: UnsafePointer<Int32>, leaves: Int, scratch: Scratch, outputs: Outputs
    ) {
        let state = scratch.state.base
        let queue = scratch.queue.base
        let successors = scratch.successors.base
        let successorStart = scratch.successorStart.base
        let dependencySum = scratch.dependencySum.base
        let neighbours = neighbours.unsafelyUnwrapped

        state[source] = NodeState(paths: 1, share: 0, distance: 0)
        queue[0] = Int32(truncatingIfNeeded: source)
        var head = 0
        var tail = 1
        var links = 0
        // Forward: distances, numbers of shortest paths and successors, level by level.
        while head < tail {
            let v = Int(queue[head])
            successorStart[head] = links
            head += 1
            let next = state[v].distance &+ 1
            let pathsToV = state[v].paths
            var i = offsets[v]
            let end = offsets[v + 1]
            while i < end {
                let w = neighbours[i]
                let dw = state[Int(w)].distance
                if dw < 0 {
                    state[Int(w)] = NodeState(paths: pathsToV, share: 0, distance: next)
                    queue[tail] = w
                    tail += 1
                    successors[links] = w
                    links += 1
                } else if dw == next {
                    state[Int(w)].paths += pathsToV
                    successors[links] = w
                    links += 1
                }
                i += 1
            }
        }
        successorStart[tail] = links
        let weight = Double(1 + leaves)
        var distances = 0
        var reciprocal = 0.0
        // Σ 1/(d + 1): a leaf's reciprocal distances through this source.
        var shifted = 0.0
        var level = tail > 1 ? state[Int(queue[tail - 1])].distance : 0
        let eccentricity = level
        var atLevel = 0
        var index = tail - 1
        while index > 0 {
            let w = Int(queue[index])
            let dw = state[w].distance
            if dw != level {
                reciprocal += Double(atLevel) / Double(level)
                if leaves > 0 { shifted += Double(atLevel) / Double(level + 1) }
                level = dw
                atLevel = 0
            }
            atLevel += 1
            distances += Int(dw)
            var gathered = 0.0
            for k in successorStart[index]..<successorStart[index + 1] { gathered += state[Int(successors[k])].share }
            let pathsToW = state[w].paths
            let dependency = pathsToW * gathered
            state[w].share = (1 + dependency) / pathsToW
            dependencySum[w] += leaves > 0 ? dependency * weight : dependency
            index -= 1
        }
        // Ready for the next source.
        for place in 0..<tail { state[Int(queue[place])].distance = -1 }
        if atLevel > 0 {
            reciprocal += Double(atLevel) / Double(level)
            if leaves > 0 { shifted += Double(atLevel) / Double(level + 1) }
        }
        let reached = tail - 1
        outputs.reached[source] = Int32(truncatingIfNeeded: reached)
        outputs.distanceSum[source] = distances
        outputs.reciprocal[source] = reciprocal
        outputs.eccentricity[source] = eccentricity
        guard leaves > 0 else { return }

        // Each leaf's searches: through the source to the reached - 1 other nodes, the source
        // on every one of their paths; distances one more than the source's, but 1 to the source.
        dependencySum[source] += Double(leaves) * Double(reached - 1)
        for i in offsets[source]..<offsets[source + 1] {
            let leaf = Int(neighbours[i])
            guard leafParent[leaf] == Int32(truncatingIfNeeded: source) else { continue }
            outputs.reached[leaf] = Int32(truncatingIfNeeded: reached)
            outputs.distanceSum[leaf] = distances + reached - 1
            // The source's Σ 1/(d+1) counts the leaf itself as 1/2; the leaf has the source at 1.
            outputs.reciprocal[leaf] = shifted - 0.5 + 1
            outputs.eccentricity[leaf] = eccentricity + 1
        }
    }
}
