import CityDiplomacyNetwork
import Foundation

/// Counts of observations by row (the subjects compared) and column (the categories of a
/// profile: regions, periods, kinds), with the statistics of whether the rows' profiles differ.
///
/// Columns no row has any count in are dropped before testing (they carry no information and
/// would leave expected counts of zero).
///
/// ```swift
/// let table = ContingencyTable([[20, 11, 10], [10, 25, 40]])
/// table.chiSquare      // 18.392
/// table.cramersV       // 0.398
/// ```
public struct ContingencyTable: Hashable, Sendable {
    /// The counts, one array per row, empty columns removed.
    public let counts: [[Int]]

    public init(_ counts: [[Int]]) {
        let width = counts.map(\.count).max() ?? 0
        let padded = counts.map { $0 + [Int](repeating: 0, count: width - $0.count) }
        let kept = (0..<width).filter { column in padded.contains { $0[column] > 0 } }
        self.counts = padded.map { row in kept.map { row[$0] } }
    }

    public var rowTotals: [Int] { counts.map { $0.reduce(0, +) } }
    public var columnTotals: [Int] {
        guard let first = counts.first else { return [] }
        return first.indices.map { column in counts.reduce(0) { $0 + $1[column] } }
    }
    public var total: Int { rowTotals.reduce(0, +) }
    public var rowCount: Int { counts.count }
    public var columnCount: Int { counts.first?.count ?? 0 }

    /// Whether a test can say anything: at least two rows with observations and two columns.
    public var isTestable: Bool { rowTotals.filter { $0 > 0 }.count >= 2 && columnCount >= 2 }

    /// Pearson's chi-square statistic, without continuity correction (0 where not testable).
    public var chiSquare: Double { Self.chiSquare(counts, rowTotals: rowTotals, columnTotals: columnTotals) }

    /// Cramér's V, √(χ² / (n · (min(r, c) − 1))): 0 for identical profiles, 1 where each row
    /// keeps to columns of its own. The effect size the p-value does not give.
    public var cramersV: Double {
        let rows = rowTotals.filter { $0 > 0 }.count
        let smaller = min(rows, columnCount) - 1
        guard smaller > 0, total > 0 else { return 0 }
        return (chiSquare / (Double(total) * Double(smaller))).squareRoot()
    }

    static func chiSquare(_ counts: [[Int]], rowTotals: [Int], columnTotals: [Int]) -> Double {
        let total = Double(rowTotals.reduce(0, +))
        guard total > 0 else { return 0 }
        var sum = 0.0
        for (row, cells) in counts.enumerated() where rowTotals[row] > 0 {
            for (column, count) in cells.enumerated() where columnTotals[column] > 0 {
                let expected = Double(rowTotals[row]) * Double(columnTotals[column]) / total
                let difference = Double(count) - expected
                sum += difference * difference / expected
            }
        }
        return sum
    }

    /// The Monte-Carlo permutation p-value of the chi-square statistic with both margins fixed:
    /// the observations' column labels are shuffled among the rows `draws` times (``SeededGenerator``),
    /// and p = (1 + tables at least as extreme) / (draws + 1), which is never 0 and is exact in
    /// expectation (Davison & Hinkley 1997; R's `chisq.test(simulate.p.value = TRUE)` does the same
    /// by Patefield's algorithm).
    public func permutationPValue(draws: Int, seed: UInt64) -> Double {
        guard isTestable else { return 1 }
        let observed = chiSquare
        let rowTotals = rowTotals, columnTotals = columnTotals
        var labels: [Int] = []
        labels.reserveCapacity(total)
        for (column, count) in columnTotals.enumerated() { labels.append(contentsOf: repeatElement(column, count: count)) }
        var random = SeededGenerator(seed: seed)
        var extreme = 0
        var simulated = [[Int]](repeating: [Int](repeating: 0, count: columnCount), count: rowCount)
        for _ in 0..<draws {
            random.shuffle(&labels)
            var position = 0
            for row in 0..<rowCount {
                for column in 0..<columnCount { simulated[row][column] = 0 }
                for _ in 0..<rowTotals[row] {
                    simulated[row][labels[position]] += 1
                    position += 1
                }
            }
            // A relative tolerance, so that a permutation equal to the observed table counts as extreme.
            if Self.chiSquare(simulated, rowTotals: rowTotals, columnTotals: columnTotals) >= observed * (1 - 1e-9) { extreme += 1 }
        }
        return Double(1 + extreme) / Double(draws + 1)
    }
}

/// Whether the profiles of two or more subjects differ — the test fit for the counts, its p-value
/// and the effect size — with the method named, so that a reader knows what was computed.
///
/// A 2×2 table is tested by ``FisherExactTest`` (exact); a larger one by the Monte-Carlo
/// permutation test of the chi-square statistic (``ContingencyTable/permutationPValue(draws:seed:)``),
/// which, unlike the chi-square distribution, holds for the small expected counts of a few
/// dozen relations spread over many categories.
///
/// ```swift
/// let test = ProfileDifference(ContingencyTable([[8, 2], [1, 5]]), draws: 10_000, seed: 2026)
/// test.method      // .fisherExact
/// test.pValue      // 0.03497
/// test.cramersV    // 0.618
/// ```
public struct ProfileDifference: Hashable, Sendable {
    public enum Method: Hashable, Sendable {
        /// Fisher's exact test, two-sided.
        case fisherExact
        /// The chi-square statistic's permutation distribution, from `draws` shuffles with `seed`.
        case monteCarloChiSquare(draws: Int, seed: UInt64)
        /// Fewer than two rows with observations, or fewer than two categories: nothing to test.
        case notTestable
    }

    public let table: ContingencyTable
    public let method: Method
    public let chiSquare: Double
    /// The p-value; 1 where not testable.
    public let pValue: Double
    public let cramersV: Double

    public init(_ table: ContingencyTable, draws: Int, seed: UInt64) {
        self.table = table
        chiSquare = table.chiSquare
        cramersV = table.cramersV
        if !table.isTestable {
            method = .notTestable
            pValue = 1
        } else if table.rowCount == 2 && table.columnCount == 2 {
            method = .fisherExact
            let c = table.counts
            pValue = FisherExactTest(a: c[0][0], b: c[0][1], c: c[1][0], d: c[1][1]).twoSided
        } else {
            method = .monteCarloChiSquare(draws: draws, seed: seed)
            pValue = table.permutationPValue(draws: draws, seed: seed)
        }
    }
}
