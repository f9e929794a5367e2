/// The recommender's score of a pair of cities not yet joined: shared partners first, then which
/// countries a city pairs with and how active a candidate is — a two-stage model without learned
/// parameters.
///
/// For a city `u` and a candidate `v` in country `C`:
///
///     score(u, v) = RA(u, v) + λ · P(u → C) · deg(v) / D(C)
///
/// - `RA(u, v)` is the resource-allocation score (each shared partner `w` counts `1 / deg(w)`):
///   the local evidence, which alone ranks candidates two steps away;
/// - `P(u → C)` is the share of `u`'s partners in country `C`, smoothed towards the share of the
///   partners of all cities of `u`'s country that are in `C` with `m` pseudo-partners
///   (`(n(u, C) + m · Q(c(u) → C)) / (deg(u) + m)`): where a city's own choices say little, its
///   country's habits speak (Japanese cities pair with American ones, French with German);
/// - `deg(v) / D(C)` is `v`'s share of the partners of its country's cities: within a country,
///   the active city is likelier (preferential attachment, within the country).
///
/// The second term is a probability of a few per cent at most, so it breaks the ties shared
/// partners leave (most candidates share one partner) and fills the list where a city has fewer
/// than `k` candidates two steps away — which, in a sparse network, most cities have.
/// `λ = 1` and `m = 1` are fixed, not fitted: the evaluation (``LinkPredictionEvaluation``) may
/// then be read as out-of-sample.
///
/// Optionally each country group has a factor the whole score is multiplied by (a body's
/// priorities), and groups can be excluded.
///
/// ```swift
/// let model = PartnerChoiceModel(graph, group: countryOfNode, groupCount: countries.count)
/// model.recommend(for: 0, count: 10).map(\.node)
/// ```
public struct PartnerChoiceModel: Sendable {
    public static let lambda = 1.0
    public static let pseudoPartners = 1.0

    public let graph: UndirectedGraph
    /// Each node's group (its country), `0..<groupCount`.
    public let group: [Int32]
    public let groupCount: Int
    /// `ends[g * groupCount + h]`: edge ends at nodes of group `g` whose other end is in `h`.
    let ends: [Double]
    /// Each group's sum of degrees.
    let groupDegree: [Double]
    /// Each group's nodes, most partners first (ties by node).
    let byDegree: [[Int]]
    let totalDegree: Double

    public init(_ graph: UndirectedGraph, group: [Int32], groupCount: Int) {
        precondition(group.count == graph.nodeCount, "one group per node")
        self.graph = graph
        self.group = group
        self.groupCount = groupCount
        var ends = [Double](repeating: 0, count: groupCount * groupCount)
        var groupDegree = [Double](repeating: 0, count: groupCount)
        var members = [[Int]](repeating: [], count: groupCount)
        for u in 0..<graph.nodeCount {
            let g = Int(group[u])
            members[g].append(u)
            groupDegree[g] += Double(graph.degree(of: u))
            for v in graph.neighbours(of: u) { ends[g * groupCount + Int(group[Int(v)])] += 1 }
        }
        self.ends = ends
        self.groupDegree = groupDegree
        totalDegree = groupDegree.reduce(0, +)
        byDegree = members.map { nodes in nodes.sorted { graph.degree(of: $0) != graph.degree(of: $1) ? graph.degree(of: $0) > graph.degree(of: $1) : $0 < $1 } }
    }

    /// `P(u → h)` for every group `h`: the smoothed share of `u`'s partners in each.
    public func groupAffinity(of u: Int) -> [Double] {
        let g = Int(group[u])
        var own = [Double](repeating: 0, count: groupCount)
        for v in graph.neighbours(of: u) { own[Int(group[Int(v)])] += 1 }
        let degree = Double(graph.degree(of: u)), m = Self.pseudoPartners
        return (0..<groupCount).map { h in
            let prior = groupDegree[g] > 0 ? ends[g * groupCount + h] / groupDegree[g] : (totalDegree > 0 ? groupDegree[h] / totalDegree : 0)
            return (own[h] + m * prior) / (degree + m)
        }
    }

    /// The second term of the score, `λ · P(u → C) · deg(v) / D(C)`, given `u`'s affinities.
    func choiceTerm(_ v: Int, affinity: [Double]) -> Double {
        let h = Int(group[v])
        guard groupDegree[h] > 0 else { return 0 }
        return Self.lambda * affinity[h] * Double(graph.degree(of: v)) / groupDegree[h]
    }

    /// The score of the pair `u`, `v` (for `u` choosing `v`).
    public func score(_ u: Int, _ v: Int) -> Double {
        NeighbourhoodScores.pair(graph, u, v).resourceAllocation + choiceTerm(v, affinity: groupAffinity(of: u))
    }

    /// One recommended partner: the node, its score and its neighbourhood scores.
    public struct Candidate: Sendable {
        public var node: Int
        public var score: Double
        public var neighbourhood: NeighbourhoodScores
    }

    /// The `count` best partners for `u` among the nodes not joined to it, best first (ties by
    /// node): each group's score multiplied by `groupFactor[group]` where given; nodes of the
    /// groups in `excludedGroups`, and those `excluded` says, are left out.
    public func recommend(for u: Int, count: Int, groupFactor: [Double]? = nil, excludedGroups: Set<Int32> = [],
                          excluded: (Int) -> Bool = { _ in false }) -> [Candidate] {
        var walk = TwoStepNeighbourhood(nodeCount: graph.nodeCount)
        return recommend(for: u, count: count, walk: &walk, groupFactor: groupFactor, excludedGroups: excludedGroups, excluded: excluded)
    }

    /// As ``recommend(for:count:groupFactor:excludedGroups:excluded:)``, reusing `walk`'s
    /// scratch arrays (one per evaluation rather than one per city).
    public func recommend(for u: Int, count: Int, walk: inout TwoStepNeighbourhood, groupFactor: [Double]? = nil,
                          excludedGroups: Set<Int32> = [], excluded: (Int) -> Bool = { _ in false }) -> [Candidate] {
        let affinity = groupAffinity(of: u)
        func factor(_ v: Int) -> Double { groupFactor?[Int(group[v])] ?? 1 }
        func allowed(_ v: Int) -> Bool { !excludedGroups.contains(group[v]) && !excluded(v) }
        var candidates: [Candidate] = []
        var seen = Set<Int>([u])
        for w in graph.neighbours(of: u) { seen.insert(Int(w)) }
        for (v, scores) in walk.scores(from: u, in: graph) {
            seen.insert(v)
            guard allowed(v) else { continue }
            candidates.append(Candidate(node: v, score: (scores.resourceAllocation + choiceTerm(v, affinity: affinity)) * factor(v), neighbourhood: scores))
        }
        // Beyond two steps only the second term speaks, and within a group it follows degree:
        // each group's `count` most active nodes not yet seen are the only ones that can enter.
        for h in 0..<groupCount where affinity[h] > 0 && !excludedGroups.contains(Int32(h)) {
            var taken = 0
            // Stop at `count`: a `where` clause would keep walking the rest of a large group for nothing.
            for v in byDegree[h] {
                if taken >= count { break }
                guard !seen.contains(v), allowed(v) else { continue }
                let term = choiceTerm(v, affinity: affinity)
                guard term > 0 else { break }
                candidates.append(Candidate(node: v, score: term * factor(v), neighbourhood: NeighbourhoodScores()))
                taken += 1
            }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
        return Array(candidates.prefix(count))
    }
}
