import CityDiplomacyNetwork

/// How well a set of relations follows declared priorities, against chance: the weighted share
/// of relations whose partner falls in a prioritised group, beside what it would be if partner
/// countries were drawn as the world draws them.
///
/// - observed: `Σ w(partner country) / (n · w_max)` over the `n` relations — 1 when every partner
///   is in the heaviest group, 0 when none is in any;
/// - world baseline: each of the `n` partners drawn independently from `world` (each country's
///   share of the relation ends of the reference dataset, the focus's own country left out);
///   its expectation is exact, its 95% interval the 2.5th and 97.5th percentiles of `draws`
///   seeded draws, and the p-value one-sided, `(1 + draws at or above the observed) / (1 + draws)`.
///
/// ```swift
/// let alignment = PriorityAlignment(partnerWeights: [3, 0, 2], world: [(3, 0.2), (0, 0.7), (2, 0.1)],
///                                   maximumWeight: 3, draws: 1000, seed: 2026)
/// alignment.observed   // 5/9
/// ```
public struct PriorityAlignment: Hashable, Sendable {
    public let relations: Int
    public let observed: Double
    /// The share of relations whose partner is in any prioritised group, unweighted.
    public let observedInAnyGroup: Double
    public let expected: Double
    public let lower: Double
    public let upper: Double
    public let pValue: Double
    public let draws: Int
    public let seed: UInt64

    /// - Parameters:
    ///   - partnerWeights: the weight of each relation's partner country (0 outside every group).
    ///   - world: each reference country's weight and its probability (summing to one).
    public init(partnerWeights: [Double], world: [(weight: Double, probability: Double)], maximumWeight: Double, draws: Int, seed: UInt64) {
        let n = partnerWeights.count
        relations = n
        self.draws = draws
        self.seed = seed
        let scale = maximumWeight > 0 ? maximumWeight : 1
        observed = n > 0 ? partnerWeights.reduce(0, +) / (Double(n) * scale) : .nan
        observedInAnyGroup = n > 0 ? Double(partnerWeights.filter { $0 > 0 }.count) / Double(n) : .nan
        expected = world.reduce(0) { $0 + $1.weight * $1.probability } / scale
        guard n > 0, !world.isEmpty else {
            lower = .nan; upper = .nan; pValue = .nan
            return
        }
        var cumulative: [Double] = []
        var sum = 0.0
        for entry in world { sum += entry.probability; cumulative.append(sum) }
        var random = SeededGenerator(seed: seed)
        var shares: [Double] = []
        shares.reserveCapacity(draws)
        var atLeast = 0
        for _ in 0..<draws {
            var total = 0.0
            for _ in 0..<n {
                let x = random.unit() * sum
                var low = 0, high = cumulative.count - 1
                while low < high {
                    let mid = (low + high) / 2
                    if cumulative[mid] > x { high = mid } else { low = mid + 1 }
                }
                total += world[low].weight
            }
            let share = total / (Double(n) * scale)
            shares.append(share)
            if share >= observed - 1e-12 { atLeast += 1 }
        }
        shares.sort()
        lower = Self.percentile(shares, 0.025)
        upper = Self.percentile(shares, 0.975)
        pValue = Double(1 + atLeast) / Double(1 + draws)
    }

    /// The `p` quantile of sorted `values`, by linear interpolation between closest ranks.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let position = p * Double(values.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, values.count - 1)
        return values[low] + (values[high] - values[low]) * (position - Double(low))
    }
}
