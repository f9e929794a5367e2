import Foundation

/// Fisher's exact test of a 2×2 table: the probability, with both margins fixed, of a table as
/// far from independence as the one observed or farther — exact for any counts, which is why
/// two profiles of a few dozen relations are compared by it rather than by a chi-square
/// approximation.
///
/// The two-sided p-value sums the hypergeometric probabilities of every table no more likely
/// than the observed one (the rule of R's `fisher.test` and SciPy's `fisher_exact`, with the
/// same relative tolerance of 10⁻⁷ for ties).
///
/// ```swift
/// let test = FisherExactTest(a: 8, b: 2, c: 1, d: 5)   // rows (a, b) and (c, d)
/// test.twoSided        // 0.03497
/// test.oddsRatio       // 20
/// ```
public struct FisherExactTest: Hashable, Sendable {
    public let a: Int, b: Int, c: Int, d: Int

    public init(a: Int, b: Int, c: Int, d: Int) {
        precondition(a >= 0 && b >= 0 && c >= 0 && d >= 0, "counts must not be negative")
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }

    /// The sample odds ratio ad/bc (infinite where bc is 0 and ad is not; NaN where both are).
    public var oddsRatio: Double {
        let numerator = Double(a * d), denominator = Double(b * c)
        if denominator == 0 { return numerator == 0 ? .nan : .infinity }
        return numerator / denominator
    }

    /// The possible values of the top-left cell given the margins, with each one's probability.
    private var distribution: (lower: Int, probabilities: [Double]) {
        let row = a + b, column = a + c, total = a + b + c + d
        let lower = max(0, column - (total - row)), upper = min(row, column)
        // Log-probabilities, so that large margins do not overflow the binomial coefficients.
        let logs = (lower...upper).map { x in
            Self.logChoose(row, x) + Self.logChoose(total - row, column - x) - Self.logChoose(total, column)
        }
        return (lower, logs.map { exp($0) })
    }

    /// The two-sided p-value.
    public var twoSided: Double {
        let (lower, probabilities) = distribution
        let observed = probabilities[a - lower]
        let p = probabilities.filter { $0 <= observed * (1 + 1e-7) }.reduce(0, +)
        return min(1, p)
    }

    /// The one-sided p-value for a top-left cell at least as large as observed (odds ratio > 1).
    public var greater: Double {
        let (lower, probabilities) = distribution
        return min(1, probabilities[(a - lower)...].reduce(0, +))
    }

    /// The one-sided p-value for a top-left cell at most as large as observed (odds ratio < 1).
    public var less: Double {
        let (lower, probabilities) = distribution
        return min(1, probabilities[...(a - lower)].reduce(0, +))
    }

    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n + 1)) - lgamma(Double(k + 1)) - lgamma(Double(n - k + 1))
    }
}
