import Foundation
import Testing
@testable import CityDiplomacyNetwork

private struct KnownPairs: Decodable {
    struct Pair: Decodable {
        let a: String, b: String
        let latitudeA: Double, longitudeA: Double, latitudeB: Double, longitudeB: Double
        let kilometres: Double
    }
    let earthRadiusKilometres: Double
    let pairs: [Pair]
}

/// Three clusters of 12 cities about 100 km across, thousands of kilometres apart, and a graph
/// whose edges either stay inside clusters or join cities at random.
private struct ClusteredCities {
    let latitudes: [Double]
    let longitudes: [Double]
    let nodeCount = 36

    init() {
        var random = SeededGenerator(seed: 2024)
        let centres = [(35.0, 51.0), (48.0, 2.0), (-23.0, -46.0)]
        var latitudes: [Double] = [], longitudes: [Double] = []
        for v in 0..<36 {
            let (lat, lon) = centres[v / 12]
            latitudes.append(lat + random.unit() - 0.5)
            longitudes.append(lon + random.unit() - 0.5)
        }
        self.latitudes = latitudes
        self.longitudes = longitudes
    }

    func graph(withinClusters: Bool) -> UndirectedGraph {
        var random = SeededGenerator(seed: 7)
        var edges: [(Int, Int)] = []
        for v in 0..<nodeCount {
            for _ in 0..<2 {
                let u = withinClusters ? (v / 12) * 12 + random.index(below: 12) : random.index(below: nodeCount)
                if u != v { edges.append((v, u)) }
            }
        }
        return UndirectedGraph(nodeCount: nodeCount, edges: edges)
    }
}

@Suite("Geography: great-circle distances and the proximity baseline")
struct GeographyTests {
    @Test("Known city pairs are within 0.5 km of the haversine distances the fixture script computed")
    func knownPairs() throws {
        let url = try #require(Bundle.module.url(forResource: "great-circle-pairs", withExtension: "json", subdirectory: "Fixtures"))
        let known = try JSONDecoder().decode(KnownPairs.self, from: Data(contentsOf: url))
        #expect(known.earthRadiusKilometres == GreatCircle.meanEarthRadius)
        for pair in known.pairs {
            let d = GreatCircle.kilometres(fromLatitude: pair.latitudeA, longitude: pair.longitudeA,
                                           toLatitude: pair.latitudeB, longitude: pair.longitudeB)
            #expect(abs(d - pair.kilometres) < 0.5, "\(pair.a)–\(pair.b): \(d) km")
            let back = GreatCircle.kilometres(fromLatitude: pair.latitudeB, longitude: pair.longitudeB,
                                              toLatitude: pair.latitudeA, longitude: pair.longitudeA)
            #expect(abs(d - back) < 1e-9)
        }
    }

    @Test("Antipodes are half the circumference apart; a quarter of the equator a quarter")
    func extremes() {
        let half = GreatCircle.kilometres(fromLatitude: 0, longitude: 0, toLatitude: 0, longitude: 180)
        #expect(abs(half - .pi * GreatCircle.meanEarthRadius) < 1e-6)
        let pole = GreatCircle.kilometres(fromLatitude: 0, longitude: 10, toLatitude: 90, longitude: -70)
        #expect(abs(pole - .pi / 2 * GreatCircle.meanEarthRadius) < 1e-6)
    }

    @Test("Only edges with both ends located are measured; NaN and out-of-range coordinates are unknown")
    func edgeDistances() {
        let graph = UndirectedGraph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 3), (3, 4), (0, 1)])
        let measured = EdgeDistances(graph, latitudes: [51.5074, 48.8566, .nan, 35.6892, 95],
                                     longitudes: [-0.1278, 2.3522, 10, 51.3890, 0])
        #expect(measured.pairs.map { [$0.a, $0.b] } == [[0, 1]])
        #expect(measured.unlocated == 3)
        #expect(abs(measured.kilometres[0] - 343.56) < 0.01)
        #expect(measured.located == [true, true, false, true, false])
    }

    @Test("The distribution's quantiles interpolate between order statistics; bins are [lower, upper)")
    func distribution() {
        let summary = DistanceDistribution([120, 340, 2900, 9100, 250, 500, 8000, 0])
        #expect(summary.count == 8)
        #expect(summary.mean == 21210.0 / 8)
        #expect(summary.minimum == 0 && summary.maximum == 9100)
        // Sorted: 0 120 250 340 500 2900 8000 9100; the median is halfway between the 4th and 5th.
        #expect(summary.median == 420)
        #expect(summary.lowerQuartile == 120 + 0.75 * 130)
        #expect(summary.upperQuartile == 2900 + 0.25 * 5100)
        #expect(abs(summary.p10 - 0.7 * 120) < 1e-9)
        #expect(abs(summary.p90 - (8000 + 0.3 * 1100)) < 1e-9)
        #expect(summary.histogram.map(\.count) == [2, 2, 1, 0, 1, 0, 2])
        #expect(summary.histogram.last?.upper == .infinity)
        #expect(DistanceDistribution([]).median.isNaN)
        #expect(DistanceDistribution([5, 15, 25], binEdges: [10, 20]).histogram.map(\.count) == [2, 1])
    }

    @Test("Where edges stay inside clusters, the observed median lies far below the whole interval of the baseline's")
    func clusteredPairing() {
        let cities = ClusteredCities()
        let test = ProximityBaseline(cities.graph(withinClusters: true), latitudes: cities.latitudes,
                                     longitudes: cities.longitudes, draws: 200, seed: 1)
        #expect(test.observed.median < 150)
        #expect(test.baselineMedian.lower > 1000)
        #expect(test.baselineMedian.lower <= test.baselineMedian.estimate && test.baselineMedian.estimate <= test.baselineMedian.upper)
        #expect(test.baselineMean.lower <= test.baselineMean.estimate && test.baselineMean.estimate <= test.baselineMean.upper)
        #expect(test.observed.mean < test.baselineMean.lower)
        #expect(test.shareCloserThanBaselineMedian.estimate == 1)
        #expect(test.shareCloserThanBaselineMedian.lower > 0.95)
        #expect(test.draws == 200 && test.seed == 1)
    }

    @Test("Where edges join cities at random, the share closer than the baseline median has 0.5 inside its interval")
    func randomPairing() {
        let cities = ClusteredCities()
        let test = ProximityBaseline(cities.graph(withinClusters: false), latitudes: cities.latitudes,
                                     longitudes: cities.longitudes, draws: 200, seed: 1)
        let share = test.shareCloserThanBaselineMedian
        #expect(share.lower < 0.5 && 0.5 < share.upper)
        #expect(share.upper - share.lower < 0.6)
        #expect(test.baselineMedian.lower < test.observed.median && test.observed.median < test.baselineMedian.upper * 1.5)
    }

    @Test("The baseline is the same for the same seed and differs for another")
    func deterministic() {
        let cities = ClusteredCities()
        let graph = cities.graph(withinClusters: false)
        let first = ProximityBaseline(graph, latitudes: cities.latitudes, longitudes: cities.longitudes, draws: 50, seed: 3)
        let again = ProximityBaseline(graph, latitudes: cities.latitudes, longitudes: cities.longitudes, draws: 50, seed: 3)
        let other = ProximityBaseline(graph, latitudes: cities.latitudes, longitudes: cities.longitudes, draws: 50, seed: 4)
        #expect(first.baselineMean == again.baselineMean)
        #expect(first.baselineMedian == again.baselineMedian)
        #expect(first.shareCloserThanBaselineMedian == again.shareCloserThanBaselineMedian)
        #expect(first.meanSkippedSelfPairs == again.meanSkippedSelfPairs)
        #expect(first.baselineMean != other.baselineMean)
    }
}
