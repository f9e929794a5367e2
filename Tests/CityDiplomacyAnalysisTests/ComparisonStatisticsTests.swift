import CityDiplomacyAnalysis
import Testing

/// Reference values computed once with SciPy 1.17.1:
/// `scipy.stats.fisher_exact([[8, 2], [1, 5]])` → (20.0, 0.034965034965034975), with
/// `alternative='greater'` → 0.024475524475524483; `fisher_exact([[3, 1], [1, 3]])` → 0.48571428571428565;
/// `fisher_exact([[10, 20], [30, 40]])` → 0.5044757698516285; `fisher_exact([[0, 5], [5, 0]])` → 0.007936507936507938;
/// `chi2_contingency([[20, 11, 10], [10, 25, 40]], correction=False)` → statistic 18.3923396567299, p 0.00010142714217002539,
/// `scipy.stats.contingency.association(…, method='cramer')` → 0.3981892165958149; for [[8, 2], [1, 5]]: χ² 6.112169312169312, V 0.6180700462007377.
@Suite("Tests of whether two profiles differ, against SciPy's values")
struct ComparisonStatisticsTests {
    @Test("Fisher's exact test gives SciPy's two-sided and one-sided p-values")
    func fisher() {
        #expect(abs(FisherExactTest(a: 8, b: 2, c: 1, d: 5).twoSided - 0.034965034965034975) < 1e-12)
        #expect(abs(FisherExactTest(a: 8, b: 2, c: 1, d: 5).greater - 0.024475524475524483) < 1e-12)
        #expect(abs(FisherExactTest(a: 3, b: 1, c: 1, d: 3).twoSided - 0.48571428571428565) < 1e-12)
        #expect(abs(FisherExactTest(a: 10, b: 20, c: 30, d: 40).twoSided - 0.5044757698516285) < 1e-10)
        #expect(abs(FisherExactTest(a: 0, b: 5, c: 5, d: 0).twoSided - 0.007936507936507938) < 1e-12)
        #expect(FisherExactTest(a: 8, b: 2, c: 1, d: 5).oddsRatio == 20)
        // One tail and the other overlap only in the observed table.
        let test = FisherExactTest(a: 4, b: 6, c: 7, d: 3)
        #expect(test.less + test.greater > 1)
    }

    @Test("Chi-square and Cramér's V are SciPy's; empty columns are dropped")
    func chiSquare() {
        let table = ContingencyTable([[20, 11, 10, 0], [10, 25, 40, 0]])
        #expect(table.columnCount == 3)
        #expect(abs(table.chiSquare - 18.3923396567299) < 1e-9)
        #expect(abs(table.cramersV - 0.3981892165958149) < 1e-12)
        let small = ContingencyTable([[8, 2], [1, 5]])
        #expect(abs(small.chiSquare - 6.112169312169312) < 1e-9)
        #expect(abs(small.cramersV - 0.6180700462007377) < 1e-12)
    }

    @Test("A 2×2 table is tested exactly by Fisher; a larger one by a seeded permutation test near the chi-square p-value")
    func methods() {
        let exact = ProfileDifference(ContingencyTable([[8, 2], [1, 5]]), draws: 100, seed: 1)
        #expect(exact.method == .fisherExact)
        #expect(abs(exact.pValue - 0.034965034965034975) < 1e-12)
        let table = ContingencyTable([[20, 11, 10], [10, 25, 40]])
        let permuted = ProfileDifference(table, draws: 20_000, seed: 7)
        #expect(permuted.method == .monteCarloChiSquare(draws: 20_000, seed: 7))
        // The asymptotic p is 0.0001; the permutation estimate, with its +1, is of that order.
        #expect(permuted.pValue < 0.002)
        #expect(permuted.pValue >= 1.0 / 20_001)
        // The same seed, the same p; identical profiles are no evidence of a difference.
        #expect(table.permutationPValue(draws: 500, seed: 3) == table.permutationPValue(draws: 500, seed: 3))
        #expect(ContingencyTable([[5, 5, 5], [5, 5, 5]]).permutationPValue(draws: 500, seed: 3) > 0.9)
        #expect(ProfileDifference(ContingencyTable([[3, 4], [0, 0]]), draws: 10, seed: 1).method == .notTestable)
    }
}

@Suite("Baselines: the share expected as the world chooses partners")
struct PartnerBaselineTests {
    @Test("The world model expects the group's share of the weights; p-values carry the +1 and follow the seed")
    func world() {
        let baseline = PartnerBaseline.world(observed: (inGroup: 30, total: 70), weights: [1, 3], inGroup: [true, false], draws: 2_000, seed: 11)
        #expect(baseline.expected.estimate == 0.25)
        #expect(baseline.expected.lower < 0.25 && baseline.expected.upper > 0.25)
        // Binomial(70, 0.25): mean 17.5, sd 3.6; 30 is 3.4 sd above: rarely reached in 2,000 draws.
        #expect(baseline.pMore < 0.01)
        #expect(baseline.pMore >= 1.0 / 2_001)
        #expect(baseline.pLess > 0.99)
        let again = PartnerBaseline.world(observed: (inGroup: 30, total: 70), weights: [1, 3], inGroup: [true, false], draws: 2_000, seed: 11)
        #expect(again == baseline)
        let typical = PartnerBaseline.world(observed: (inGroup: 18, total: 70), weights: [1, 3], inGroup: [true, false], draws: 2_000, seed: 11)
        #expect(typical.pMore > 0.2 && typical.pLess > 0.2)
    }

    @Test("A focus whose partners cluster in a small group of a ring world holds against the rewired network; the same seed, the same figures")
    func rewire() {
        // Focus node 0 with six partners all in the group (nodes 1–6); a world of 40 other nodes
        // in a ring, of which nodes 1–6 are a small part.
        var edges: [(Int32, Int32)] = (1...6).map { (0, Int32($0)) }
        for node in 1..<46 { edges.append((Int32(node), Int32(node % 45 + 1))) }
        let focus = (0..<46).map { $0 == 0 }
        let inGroup = (0..<46).map { (1...6).contains($0) }
        let baseline = PartnerBaseline.rewired(edges: edges, focus: focus, eligible: focus.map { !$0 }, inGroup: inGroup, draws: 300, seed: 5)
        #expect(baseline.observedInGroup == 6 && baseline.observedTotal == 6)
        #expect(baseline.expected.estimate < 0.5)
        #expect(baseline.pMore < 0.05)
        #expect(baseline == PartnerBaseline.rewired(edges: edges, focus: focus, eligible: focus.map { !$0 }, inGroup: inGroup, draws: 300, seed: 5))
    }
}
