/// Whether cities pair with near partners more than chance would have them do: the observed
/// distances set against those of the same cities paired at random, so that "pairing is (not)
/// influenced by proximity" becomes a figure with an interval.
///
/// Each draw is a configuration-style shuffle of the located edges' ends: every end of every
/// located edge goes into one pool, the pool is shuffled by a ``SeededGenerator`` and its
/// consecutive ends are paired. Each city keeps its number of located edges, so the baseline
/// keeps who is active and where they are, and only who pairs with whom is random. A pair of a
/// city with itself is skipped (counted in ``meanSkippedSelfPairs``); a pair drawn twice counts
/// twice.
///
/// Over `draws` draws, the baseline's mean and median distance are the average of the draws'
/// means and medians, with a 95% interval from the 2.5th and 97.5th percentiles over the draws.
/// The share of observed relations closer than the baseline median is around 0.5 when distance
/// plays no part, and near 1 when cities pair with neighbours.
///
/// ```swift
/// let test = ProximityBaseline(EdgeDistances(graph, latitudes: lat, longitudes: lon), draws: 200, seed: 1)
/// test.observed.median                        // e.g. 1450 km
/// test.baselineMedian.estimate                // e.g. 5200 km
/// test.shareCloserThanBaselineMedian.lower    // e.g. 0.78: well above 0.5
/// ```
public struct ProximityBaseline: Sendable {
    /// A figure over the draws: its average and its 2.5th and 97.5th percentiles.
    public struct Interval: Sendable, Equatable {
        public let estimate: Double
        public let lower: Double
        public let upper: Double
    }

    /// The observed distances.
    public let observed: DistanceDistribution
    /// The number of random pairings drawn.
    public let draws: Int
    /// The seed the draws came from.
    public let seed: UInt64
    /// The mean distance of a random pairing.
    public let baselineMean: Interval
    /// The median distance of a random pairing.
    public let baselineMedian: Interval
    /// The share of observed distances below a random pairing's median (strictly below: a
    /// tie does not count as closer).
    public let shareCloserThanBaselineMedian: Interval
    /// How many self-pairs a draw skipped, on average.
    public let meanSkippedSelfPairs: Double

    /// - Parameters:
    ///   - distances: the located edges and their distances.
    ///   - draws: how many random pairings; 200 gives percentiles to about a percent of the range.
    public init(_ distances: EdgeDistances, draws: Int = 200, seed: UInt64 = 0) {
        precondition(draws > 0, "at least one draw")
        self.draws = draws
        self.seed = seed
        observed = DistanceDistribution(distances.kilometres)
        let sortedObserved = distances.kilometres.sorted()

        var pool: [Int32] = []
        pool.reserveCapacity(2 * distances.pairs.count)
        for pair in distances.pairs { pool.append(Int32(pair.a)); pool.append(Int32(pair.b)) }
        var random = SeededGenerator(seed: seed)
        var means: [Double] = [], medians: [Double] = [], shares: [Double] = []
        var skipped = 0
        var drawn: [Double] = []
        drawn.reserveCapacity(distances.pairs.count)
        for _ in 0..<draws {
            random.shuffle(&pool)
            drawn.removeAll(keepingCapacity: true)
            var i = 0
            while i + 1 < pool.count {
                let (a, b) = (Int(pool[i]), Int(pool[i + 1]))
                i += 2
                if a == b { skipped += 1; continue }
                drawn.append(GreatCircle.kilometres(distances.points[a], distances.points[b]))
            }
            guard !drawn.isEmpty else { continue }
            drawn.sort()
            means.append(drawn.reduce(0, +) / Double(drawn.count))
            let median = Percentile.of(drawn, 0.5)
            medians.append(median)
            shares.append(Self.shareBelow(median, in: sortedObserved))
        }
        meanSkippedSelfPairs = Double(skipped) / Double(draws)
        baselineMean = Self.interval(means)
        baselineMedian = Self.interval(medians)
        // The point figure is measured against the baseline median itself; its interval comes from
        // each draw's own median.
        let overall = Self.interval(shares)
        shareCloserThanBaselineMedian = Interval(estimate: Self.shareBelow(baselineMedian.estimate, in: sortedObserved),
                                                 lower: overall.lower, upper: overall.upper)
    }

    /// The baseline of the edges of `graph` located by `latitudes` and `longitudes` (NaN where unknown).
    public init(_ graph: UndirectedGraph, latitudes: [Double], longitudes: [Double], draws: Int = 200, seed: UInt64 = 0) {
        self.init(EdgeDistances(graph, latitudes: latitudes, longitudes: longitudes), draws: draws, seed: seed)
    }

    /// The share of `sorted` strictly below `threshold`; NaN for an empty sample.
    static func shareBelow(_ threshold: Double, in sorted: [Double]) -> Double {
        guard !sorted.isEmpty else { return .nan }
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < threshold { low = middle + 1 } else { high = middle }
        }
        return Double(low) / Double(sorted.count)
    }

    static func interval(_ values: [Double]) -> Interval {
        guard !values.isEmpty else { return Interval(estimate: .nan, lower: .nan, upper: .nan) }
        let sorted = values.sorted()
        return Interval(estimate: values.reduce(0, +) / Double(values.count),
                        lower: Percentile.of(sorted, 0.025), upper: Percentile.of(sorted, 0.975))
    }
}
