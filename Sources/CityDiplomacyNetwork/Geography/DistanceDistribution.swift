/// A summary of a set of distances: count, mean, quantiles and a histogram, what a table of
/// "how far apart partner cities are" shows.
///
/// Quantiles interpolate linearly between order statistics (numpy's and R's default). The
/// histogram's bins are half-open, `[lower, upper)`, the last one open-ended; the standard bins,
/// 0–250, 250–500, 500–1000, 1000–2000, 2000–4000, 4000–8000 and 8000+ km, double in width
/// beyond 250 km: a neighbouring city, one of the same region, of the same continent, and
/// the rest of the world each fall in a bin or two of their own.
///
/// ```swift
/// let summary = DistanceDistribution([120, 340, 2900, 9100])
/// summary.median                 // 1620
/// summary.histogram[0].count     // 1: 0 ≤ d < 250
/// ```
public struct DistanceDistribution: Sendable, Equatable {
    /// A histogram bin: the distances in `lower..<upper` (upper is +∞ for the last).
    public struct Bin: Sendable, Equatable {
        public let lower: Double
        public let upper: Double
        public let count: Int
    }

    /// The lower edges of the standard bins, in kilometres.
    public static let standardBinEdges: [Double] = [0, 250, 500, 1000, 2000, 4000, 8000]

    public let count: Int
    /// All statistics are NaN when ``count`` is 0.
    public let mean: Double
    public let minimum: Double
    public let p10: Double
    public let lowerQuartile: Double
    public let median: Double
    public let upperQuartile: Double
    public let p90: Double
    public let maximum: Double
    public let histogram: [Bin]

    /// - Parameter binEdges: the bins' lower edges, ascending; a distance below the first falls
    ///   in the first bin.
    public init(_ distances: [Double], binEdges: [Double] = standardBinEdges) {
        precondition(!binEdges.isEmpty && zip(binEdges, binEdges.dropFirst()).allSatisfy { $0 < $1 }, "bin edges ascend")
        let sorted = distances.sorted()
        count = sorted.count
        mean = sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count)
        minimum = sorted.first ?? .nan
        maximum = sorted.last ?? .nan
        p10 = Percentile.of(sorted, 0.1)
        lowerQuartile = Percentile.of(sorted, 0.25)
        median = Percentile.of(sorted, 0.5)
        upperQuartile = Percentile.of(sorted, 0.75)
        p90 = Percentile.of(sorted, 0.9)
        var counts = [Int](repeating: 0, count: binEdges.count)
        var bin = 0
        for d in sorted {
            while bin + 1 < binEdges.count, d >= binEdges[bin + 1] { bin += 1 }
            counts[bin] += 1
        }
        histogram = binEdges.indices.map { i in
            Bin(lower: binEdges[i], upper: i + 1 < binEdges.count ? binEdges[i + 1] : .infinity, count: counts[i])
        }
    }
}
