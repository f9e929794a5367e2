/// How well a method predicts relations it was not shown: a random share of the edges is held
/// out (seeded), each method ranks partners from the remaining edges only, and its lists are
/// checked against what was held out.
///
/// - precision@k: over the nodes with at least one held-out edge, the mean share of their `k`
///   recommendations that are held-out partners (a list shorter than `k` still counts `k`);
/// - recall@k: over the same nodes, the mean share of their held-out partners among their `k`;
/// - AUC: the probability that a held-out pair scores above a pair joined in neither set, from
///   `aucSamples` random pairs of pairs (ties count one half); 0.5 is chance.
///
/// Nothing a method sees comes from the held-out edges: the training graph is built without
/// them, and every score (the country habits of ``PartnerChoiceModel`` included) is computed on it.
///
/// ```swift
/// let split = LinkPredictionEvaluation.Split(graph, holdout: 0.1, seed: 2026)
/// let figures = LinkPredictionEvaluation.evaluate(.adamicAdar, on: split, k: 10, aucSamples: 10_000, seed: 2026)
/// figures.precision
/// ```
public enum LinkPredictionEvaluation {
    /// A method of ranking partners.
    public enum Method: String, CaseIterable, Sendable {
        /// ``PartnerChoiceModel``: resource allocation with country habits and activity.
        case recommender
        /// Adamic–Adar alone (networkx's `adamic_adar_index`), ties by node.
        case adamicAdar = "adamic-adar"
        /// Resource allocation alone.
        case resourceAllocation = "resource-allocation"
        /// Preferential attachment, `deg(u) · deg(v)`: the most active cities for everyone.
        case preferentialAttachment = "preferential-attachment"
        /// Partners drawn uniformly at random.
        case random
    }

    /// The edges held out and the graph of the others.
    public struct Split: Sendable {
        public let full: UndirectedGraph
        public let training: UndirectedGraph
        /// Held-out pairs, `a < b`.
        public let heldOut: [(a: Int, b: Int)]
        public let holdout: Double
        public let seed: UInt64

        /// Holds out `round(holdout × edges)` distinct edges, drawn by `seed`.
        public init(_ graph: UndirectedGraph, holdout: Double, seed: UInt64) {
            precondition(holdout > 0 && holdout < 1, "the share held out is between 0 and 1")
            var edges = graph.edges
            var random = SeededGenerator(seed: seed)
            random.shuffle(&edges)
            let count = Int((holdout * Double(edges.count)).rounded())
            full = graph
            heldOut = edges.prefix(count).map { ($0.a, $0.b) }.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
            let kept = edges.dropFirst(count)
            training = UndirectedGraph(nodeCount: graph.nodeCount, edges: kept.map { ($0.a, $0.b) }, weights: kept.map(\.weight))
            self.holdout = holdout
            self.seed = seed
        }
    }

    /// One method's figures.
    public struct Figures: Sendable, Hashable {
        public var method: Method
        public var k: Int
        public var precision: Double
        public var recall: Double
        public var auc: Double
        /// Nodes with at least one held-out edge: those precision and recall average over.
        public var evaluatedNodes: Int
        public var aucSamples: Int
    }

    /// `method`'s figures on `split`; `groups` (each node's country) is what the recommender reads
    /// beside the graph.
    public static func evaluate(_ method: Method, on split: Split, groups: [Int32], groupCount: Int, k: Int, aucSamples: Int,
                                seed: UInt64) -> Figures {
        let training = split.training
        var heldOutOf = [[Int]](repeating: [], count: training.nodeCount)
        for (a, b) in split.heldOut { heldOutOf[a].append(b); heldOutOf[b].append(a) }
        let model = method == .recommender ? PartnerChoiceModel(training, group: groups, groupCount: groupCount) : nil
        let byDegree = (0..<training.nodeCount).sorted { training.degree(of: $0) != training.degree(of: $1) ? training.degree(of: $0) > training.degree(of: $1) : $0 < $1 }
        var walk = TwoStepNeighbourhood(nodeCount: training.nodeCount)
        var random = SeededGenerator(seed: seed ^ 0x5EED)
        var precision = 0.0, recall = 0.0, evaluated = 0
        for u in 0..<training.nodeCount where !heldOutOf[u].isEmpty {
            let list = top(method, for: u, k: k, training: training, model: model, byDegree: byDegree, walk: &walk, random: &random)
            let truth = Set(heldOutOf[u])
            let hits = list.filter(truth.contains).count
            precision += Double(hits) / Double(k)
            recall += Double(hits) / Double(truth.count)
            evaluated += 1
        }
        let auc = sampledAUC(method, split: split, model: model, samples: aucSamples, seed: seed)
        return Figures(method: method, k: k, precision: evaluated > 0 ? precision / Double(evaluated) : 0,
                       recall: evaluated > 0 ? recall / Double(evaluated) : 0, auc: auc, evaluatedNodes: evaluated, aucSamples: aucSamples)
    }

    /// `method`'s `k` partners for `u`, best first.
    static func top(_ method: Method, for u: Int, k: Int, training: UndirectedGraph, model: PartnerChoiceModel?, byDegree: [Int],
                    walk: inout TwoStepNeighbourhood, random: inout SeededGenerator) -> [Int] {
        let adjacent = Set(training.neighbours(of: u).map(Int.init))
        switch method {
        case .recommender:
            return model!.recommend(for: u, count: k, walk: &walk).map(\.node)
        case .adamicAdar, .resourceAllocation:
            let scored = walk.scores(from: u, in: training).map { ($0.node, method == .adamicAdar ? $0.scores.adamicAdar : $0.scores.resourceAllocation) }
            return scored.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(k).map(\.0)
        case .preferentialAttachment:
            return Array(byDegree.lazy.filter { $0 != u && !adjacent.contains($0) }.prefix(k))
        case .random:
            let available = training.nodeCount - 1 - adjacent.count
            var chosen: [Int] = [], taken = Set<Int>()
            while chosen.count < min(k, available) {
                let v = random.index(below: training.nodeCount)
                if v != u, !adjacent.contains(v), taken.insert(v).inserted { chosen.append(v) }
            }
            return chosen
        }
    }

    /// The sampled AUC: each sample compares a random held-out pair with a random pair joined in
    /// neither the training nor the held-out edges, scored from both ends (the mean of `u`
    /// choosing `v` and `v` choosing `u`, the recommender's score being one-sided).
    static func sampledAUC(_ method: Method, split: Split, model: PartnerChoiceModel?, samples: Int, seed: UInt64) -> Double {
        let training = split.training, full = split.full
        // A negative pair must exist: in a complete graph (K5, say) every pair is joined and drawing one would never end.
        let unjoined = full.nodeCount * (full.nodeCount - 1) / 2 - full.edgeCount
        guard !split.heldOut.isEmpty, full.nodeCount > 2, samples > 0, unjoined > 0 else { return .nan }
        var random = SeededGenerator(seed: seed ^ 0xA0C)
        var scoreRandom = SeededGenerator(seed: seed ^ 0x5C0)
        var affinities: [Int: [Double]] = [:]
        func score(_ u: Int, _ v: Int) -> Double {
            switch method {
            case .recommender:
                let model = model!
                let ra = NeighbourhoodScores.pair(training, u, v).resourceAllocation
                if affinities[u] == nil { affinities[u] = model.groupAffinity(of: u) }
                if affinities[v] == nil { affinities[v] = model.groupAffinity(of: v) }
                return ra + (model.choiceTerm(v, affinity: affinities[u]!) + model.choiceTerm(u, affinity: affinities[v]!)) / 2
            case .adamicAdar: return NeighbourhoodScores.pair(training, u, v).adamicAdar
            case .resourceAllocation: return NeighbourhoodScores.pair(training, u, v).resourceAllocation
            case .preferentialAttachment: return Double(training.degree(of: u) * training.degree(of: v))
            case .random: return scoreRandom.unit()
            }
        }
        func joined(_ u: Int, _ v: Int) -> Bool {
            let list = full.neighbours(of: u)
            var low = list.startIndex, high = list.endIndex
            while low < high {
                let mid = (low + high) / 2
                if Int(list[mid]) < v { low = mid + 1 } else { high = mid }
            }
            return low < list.endIndex && Int(list[low]) == v
        }
        // Rejection sampling needs about n² / (2 × unjoined) draws per pair; past a generous cap
        // (a nearly complete graph) the sample stops short rather than spin.
        let maximumAttempts = max(1_000, 20 * full.nodeCount * full.nodeCount / max(2 * unjoined, 1))
        var total = 0.0, drawn = 0
        sampling: for _ in 0..<samples {
            let positive = split.heldOut[random.index(below: split.heldOut.count)]
            var x = 0, y = 0, attempts = 0
            repeat {
                attempts += 1
                if attempts > maximumAttempts { break sampling }
                x = random.index(below: full.nodeCount)
                y = random.index(below: full.nodeCount)
            } while x == y || joined(x, y)
            let p = score(positive.a, positive.b), n = score(x, y)
            total += p > n ? 1 : p == n ? 0.5 : 0
            drawn += 1
        }
        return drawn > 0 ? total / Double(drawn) : .nan
    }
}
