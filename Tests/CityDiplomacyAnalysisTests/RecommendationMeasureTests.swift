import CityDiplomacyAnalysis
import Foundation
import Testing

@Suite("Priority alignment and peer similarity: the pure measures under the alignment and peers commands")
struct RecommendationMeasureTests {
    static let world: [(weight: Double, probability: Double)] = [(3, 0.2), (0, 0.7), (2, 0.1)]

    @Test("The observed and expected weighted shares are exact: (3 + 0 + 2) / (3 · 3) against (3 · 0.2 + 2 · 0.1) / 3")
    func shares() {
        let a = PriorityAlignment(partnerWeights: [3, 0, 2], world: Self.world, maximumWeight: 3, draws: 500, seed: 1)
        #expect(abs(a.observed - 5.0 / 9) < 1e-12)
        #expect(abs(a.observedInAnyGroup - 2.0 / 3) < 1e-12)
        #expect(abs(a.expected - 0.8 / 3) < 1e-12)
        #expect(a.lower <= a.expected && a.expected <= a.upper)
    }

    @Test("All partners in the heaviest group is rare under the baseline; none in any group is the least aligned possible")
    func pValues() {
        let all = PriorityAlignment(partnerWeights: [Double](repeating: 3, count: 12), world: Self.world, maximumWeight: 3, draws: 999, seed: 2)
        #expect(all.observed == 1)
        // 0.2^12 per draw: no draw reaches it, so p = 1 / (1 + draws).
        #expect(abs(all.pValue - 1.0 / 1000) < 1e-12)
        let none = PriorityAlignment(partnerWeights: [Double](repeating: 0, count: 12), world: Self.world, maximumWeight: 3, draws: 999, seed: 2)
        #expect(none.pValue == 1)
        let again = PriorityAlignment(partnerWeights: [Double](repeating: 0, count: 12), world: Self.world, maximumWeight: 3, draws: 999, seed: 2)
        #expect(again == none)
        let empty = PriorityAlignment(partnerWeights: [], world: Self.world, maximumWeight: 3, draws: 10, seed: 2)
        #expect(empty.observed.isNaN && empty.pValue.isNaN)
    }

    @Test("The baseline's mean over many draws approaches the exact expectation")
    func baselineMean() {
        let a = PriorityAlignment(partnerWeights: [Double](repeating: 1, count: 400), world: Self.world, maximumWeight: 3, draws: 400, seed: 3)
        // 400 partners per draw: the interval is narrow around 0.2667.
        #expect(a.upper - a.lower < 0.1)
        #expect(abs((a.lower + a.upper) / 2 - a.expected) < 0.02)
    }

    @Test("Cosine similarity: 1 for the same city, a hand-computed value otherwise, and size left out where a population is unknown")
    func cosine() {
        let a = PeerFeatures(population: 1_000_000, degree: 3, maximumDegree: 3, ownGroup: 0, partnerShares: [1, 0])
        #expect(abs(PeerSimilarity.cosine(a, a).similarity - 1) < 1e-12)
        // b differs in its own group and its partners: vectors [6/7, 1, 1, 0, 1, 0] and [6/7, 1, 0, 1, 0, 1].
        let b = PeerFeatures(population: 1_000_000, degree: 3, maximumDegree: 3, ownGroup: 1, partnerShares: [0, 1])
        let s = 36.0 / 49
        #expect(abs(PeerSimilarity.cosine(a, b).similarity - (s + 1) / (s + 3)) < 1e-12)
        var unknown = b
        unknown.population = nil
        let withoutSize = PeerSimilarity.cosine(a, unknown)
        #expect(!withoutSize.sizeCompared)
        #expect(abs(withoutSize.similarity - 1.0 / 3) < 1e-12)
    }
}
