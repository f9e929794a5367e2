import CityDiplomacyNetwork

/// The share of a focus's relations whose partner falls in a group (a region, a civilisational
/// family), against the share expected had the focus's cities chosen partners as the rest of the
/// world does: the question "more than chance?" that a count alone cannot answer.
///
/// Two models of "as the world does" (``Model``): partner countries drawn in proportion to their
/// share of the world's relations (``world(observed:weights:inGroup:draws:seed:)``), or the whole
/// network rewired by double-edge swaps that keep every city's number of relations
/// (``rewired(edges:focus:eligible:inGroup:draws:seed:)``). Either way the result gives the
/// expected share, its 95% interval over the draws, and one-sided p-values with the +1
/// correction, p = (1 + draws at least as extreme) / (draws + 1), so that no finite number of
/// draws claims p = 0. The same seed gives the same figures.
///
/// ```swift
/// let baseline = PartnerBaseline.world(observed: (inGroup: 31, total: 70), weights: [3, 1], inGroup: [true, false],
///                                      draws: 10_000, seed: 2026)
/// baseline.expected.estimate     // 0.75
/// baseline.pMore                 // the chance of 31 or more of 70 in the group
/// ```
public struct PartnerBaseline: Hashable, Sendable {
    public enum Model: String, CaseIterable, Sendable {
        /// Partner countries drawn independently, each in proportion to its relations in the reference.
        case world
        /// The reference network rewired by degree-preserving double-edge swaps.
        case rewire
    }

    /// An estimate with the 2.5th and 97.5th percentiles of its draws.
    public struct Interval: Hashable, Sendable {
        public var estimate: Double
        public var lower: Double
        public var upper: Double
    }

    public let model: Model
    /// The focus's relations with a partner in the group, and with any partner counted.
    public let observedInGroup: Int
    public let observedTotal: Int
    public let expected: Interval
    /// One-sided: the chance of a share at least as high as observed (the group favoured).
    public let pMore: Double
    /// One-sided: the chance of a share at most as low as observed (the group avoided).
    public let pLess: Double
    public let draws: Int
    public let seed: UInt64

    public var observedShare: Double { observedTotal == 0 ? 0 : Double(observedInGroup) / Double(observedTotal) }

    init(model: Model, observed: (inGroup: Int, total: Int), estimate: Double, shares: [Double], draws: Int, seed: UInt64) {
        self.model = model
        observedInGroup = observed.inGroup
        observedTotal = observed.total
        self.draws = draws
        self.seed = seed
        let sorted = shares.sorted()
        let share = observed.total == 0 ? 0 : Double(observed.inGroup) / Double(observed.total)
        let tolerance = 1e-12
        expected = Interval(estimate: estimate, lower: Self.quantile(sorted, 0.025), upper: Self.quantile(sorted, 0.975))
        pMore = Double(1 + shares.filter { $0 >= share - tolerance }.count) / Double(shares.count + 1)
        pLess = Double(1 + shares.filter { $0 <= share + tolerance }.count) / Double(shares.count + 1)
    }

    /// The value below which a share `q` of the sorted values lie (the nearest rank, type 1).
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// The world model: each of the focus's `observed.total` relations takes a partner country
    /// at random, country `i` with probability `weights[i] / Σ weights` (its relations in the
    /// reference, the focus's own countries given weight 0 by the caller); `inGroup[i]` says
    /// whether country `i` is in the group. The expected share is Σ weights in the group / Σ
    /// weights, exactly; its interval and the p-values come from `draws` samples.
    public static func world(observed: (inGroup: Int, total: Int), weights: [Double], inGroup: [Bool], draws: Int, seed: UInt64) -> PartnerBaseline {
        precondition(weights.count == inGroup.count, "one weight per country")
        let all = weights.reduce(0, +)
        let grouped = zip(weights, inGroup).filter(\.1).map(\.0).reduce(0, +)
        let p = all > 0 ? grouped / all : 0
        var random = SeededGenerator(seed: seed)
        var shares: [Double] = []
        shares.reserveCapacity(draws)
        for _ in 0..<draws {
            var hits = 0
            for _ in 0..<observed.total where random.unit() < p { hits += 1 }
            shares.append(observed.total == 0 ? 0 : Double(hits) / Double(observed.total))
        }
        return PartnerBaseline(model: .world, observed: observed, estimate: p, shares: shares, draws: draws, seed: seed)
    }

    /// The rewiring model: the network `edges` (one per relation, between node numbers; parallel
    /// edges allowed, as two relations of one pair are) is rewired by double-edge swaps — (a, b)
    /// and (c, d) become (a, d) and (c, b) — rejecting any that would pair a city with itself, so
    /// that every node keeps its number of relations (Maslov & Sneppen 2002). After a burn-in of
    /// ten swaps per edge, a state is read every edge-count swaps, `draws` times.
    ///
    /// The share counted, in the observed network and in each state read: among edges with one
    /// end in `focus` and the other an `eligible` partner (not of the focus's countries), those
    /// whose partner is `inGroup`.
    public static func rewired(edges: [(Int32, Int32)], focus: [Bool], eligible: [Bool], inGroup: [Bool],
                               draws: Int, seed: UInt64) -> PartnerBaseline {
        var a = edges.map(\.0), b = edges.map(\.1)
        func share() -> (inGroup: Int, total: Int) {
            var hits = 0, total = 0
            for index in a.indices {
                let x = Int(a[index]), y = Int(b[index])
                let partner: Int
                if focus[x] && !focus[y] { partner = y } else if focus[y] && !focus[x] { partner = x } else { continue }
                guard eligible[partner] else { continue }
                total += 1
                if inGroup[partner] { hits += 1 }
            }
            return (hits, total)
        }
        let observed = share()
        var random = SeededGenerator(seed: seed)
        let count = a.count
        func swap(_ times: Int) {
            guard count >= 2 else { return }
            for _ in 0..<times {
                let i = random.index(below: count), j = random.index(below: count)
                guard i != j else { continue }
                // Either orientation of the second edge, so that both rewirings are reachable.
                if random.next() & 1 == 1 { (a[j], b[j]) = (b[j], a[j]) }
                guard a[i] != b[j], a[j] != b[i] else { continue }
                (b[i], b[j]) = (b[j], b[i])
            }
        }
        swap(10 * count)
        var shares: [Double] = []
        shares.reserveCapacity(draws)
        for _ in 0..<draws {
            swap(count)
            let state = share()
            shares.append(state.total == 0 ? 0 : Double(state.inGroup) / Double(state.total))
        }
        let mean = shares.isEmpty ? 0 : shares.reduce(0, +) / Double(shares.count)
        return PartnerBaseline(model: .rewire, observed: observed, estimate: mean, shares: shares, draws: draws, seed: seed)
    }
}
