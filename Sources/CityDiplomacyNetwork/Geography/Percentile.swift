/// Percentiles of a sorted sample by linear interpolation between order statistics (Hyndman &
/// Fan's definition 7, the default of numpy, R and spreadsheets), so that a quartile reported
/// here is the one a reader recomputing it would get.
enum Percentile {
    /// The `p`-quantile (`p` in `[0, 1]`) of `sorted`, ascending; NaN for an empty sample.
    static func of(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        guard low + 1 < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[low] + (h - Double(low)) * (sorted[low + 1] - sorted[low])
    }
}
