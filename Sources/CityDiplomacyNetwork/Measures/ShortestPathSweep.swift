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
/// The search keeps no predecessor lists: on the way back a node's predecessors are found as its
/// neighbours one level nearer the source, which costs a second scan of its neighbours but no
/// allocation and less memory traffic than storing them. All scratch memory is allocated once per
/// worker and reset only where the last search wrote.
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

        let reached = SharedBuffer<Int32>.allocate(n, repeating: 0)
        let distanceSum = SharedBuffer<Int>.allocate(n, repeating: 0)
        let reciprocal = SharedBuffer<Double>.allocate(n, repeating: 0)
        let eccentricity = SharedBuffer<Int32>.allocate(n, repeating: 0)
        let total = SharedBuffer<Double>.allocate(n, repeating: 0)
        let scratches = (0..<workers).map { _ in Scratch(nodeCount: n) }
        defer {
            for buffer in [reached, eccentricity] { buffer.deallocate() }
            for buffer in [reciprocal, total] { buffer.deallocate() }
            distanceSum.deallocate()
            for scratch in scratches { scratch.deallocate() }
        }
        let outputs = Outputs(reached: reached, distanceSum: distanceSum, reciprocal: reciprocal, eccentricity: eccentricity)

        var firstBlock = 0
        while firstBlock < blockCount {
            let inRound = min(workers, blockCount - firstBlock)
            let roundStart = firstBlock
            ParallelWork.run(inRound) { worker in
                let block = roundStart + worker
                let sources = (block * blockSize)..<min(n, (block + 1) * blockSize)
                graph.offsets.withUnsafeBufferPointer { offsets in
                    graph.neighbourIndex.withUnsafeBufferPointer { neighbours in
                        for source in sources {
                            search(from: source, offsets: offsets.baseAddress!, neighbours: neighbours.baseAddress,
                                   scratch: scratches[worker], outputs: outputs)
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
        return ShortestPathSweep(
            pairDependency: total.array(),
            reached: reached.array().map(Int.init),
            distanceSum: distanceSum.array(),
            reciprocalDistanceSum: reciprocal.array(),
            eccentricity: eccentricity.array().map(Int.init)
        )
    }

    /// The per-source figures, each source writing only its own slot.
    struct Outputs: Sendable {
        let reached: SharedBuffer<Int32>
        let distanceSum: SharedBuffer<Int>
        let reciprocal: SharedBuffer<Double>
        let eccentricity: SharedBuffer<Int32>
    }

    /// One worker's memory, reused from source to source.
    struct Scratch: Sendable {
        /// Distance from the current source; -1 where unreached (restored after each search).
        let distance: SharedBuffer<Int32>
        /// Number of shortest paths from the source (a Double: counts overflow any integer).
        let paths: SharedBuffer<Double>
        /// Brandes' dependency of the source on each node.
        let dependency: SharedBuffer<Double>
        /// Nodes in the order reached, which is by distance.
        let queue: SharedBuffer<Int32>
        /// The sum of dependencies over the sources of the current block.
        let dependencySum: SharedBuffer<Double>

        init(nodeCount n: Int) {
            distance = .allocate(n, repeating: -1)
            paths = .allocate(n, repeating: 0)
            dependency = .allocate(n, repeating: 0)
            queue = .allocate(n, repeating: 0)
            dependencySum = .allocate(n, repeating: 0)
        }

        func deallocate() {
            distance.deallocate()
            paths.deallocate()
            dependency.deallocate()
            queue.deallocate()
            dependencySum.deallocate()
        }
    }

    /// Brandes (2001) from `source`, for an unweighted graph.
    @inline(__always)
    static func search(
        from source: Int, offsets: UnsafePointer<Int>, neighbours: UnsafePointer<Int32>?,
        scratch: Scratch, outputs: Outputs
    ) {
        let distance = scratch.distance.base
        let paths = scratch.paths.base
        let dependency = scratch.dependency.base
        let queue = scratch.queue.base
        let dependencySum = scratch.dependencySum.base

        distance[source] = 0
        paths[source] = 1
        dependency[source] = 0
        queue[0] = Int32(truncatingIfNeeded: source)
        var head = 0
        var tail = 1
        // Forward: distances and numbers of shortest paths, level by level.
        while head < tail {
            let v = Int(queue[head])
            head += 1
            let next = distance[v] &+ 1
            let pathsToV = paths[v]
            var i = offsets[v]
            let end = offsets[v + 1]
            while i < end {
                let w = Int(neighbours.unsafelyUnwrapped[i])
                let dw = distance[w]
                if dw < 0 {
                    distance[w] = next
                    paths[w] = pathsToV
                    dependency[w] = 0
                    queue[tail] = Int32(truncatingIfNeeded: w)
                    tail += 1
                } else if dw == next {
                    paths[w] += pathsToV
                }
                i += 1
            }
        }
        // Backward, farthest first: dependencies, and the per-source sums, level by level.
        var distances = 0
        var reciprocal = 0.0
        var level = tail > 1 ? distance[Int(queue[tail - 1])] : 0
        let eccentricity = level
        var atLevel = 0
        var index = tail - 1
        while index > 0 {
            let w = Int(queue[index])
            let dw = distance[w]
            if dw != level {
                reciprocal += Double(atLevel) / Double(level)
                level = dw
                atLevel = 0
            }
            atLevel += 1
            distances += Int(dw)
            let previous = dw &- 1
            let share = (1 + dependency[w]) / paths[w]
            var i = offsets[w]
            let end = offsets[w + 1]
            while i < end {
                let v = Int(neighbours.unsafelyUnwrapped[i])
                if distance[v] == previous { dependency[v] += paths[v] * share }
                i += 1
            }
            dependencySum[w] += dependency[w]
            // No node still to be handled looks for this one: its predecessors are nearer.
            distance[w] = -1
            index -= 1
        }
        if atLevel > 0 { reciprocal += Double(atLevel) / Double(level) }
        distance[source] = -1
        outputs.reached[source] = Int32(truncatingIfNeeded: tail - 1)
        outputs.distanceSum[source] = distances
        outputs.reciprocal[source] = reciprocal
        outputs.eccentricity[source] = eccentricity
    }
}
