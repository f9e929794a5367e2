import Testing
@testable import CityDiplomacyNetwork

@Suite("The largest component's distances by bit-parallel searches")
struct LargestComponentDistancesTests {
    @Test("Diameter and mean distance match networkx and igraph", arguments: NetworkFixture.names)
    func matchesLibraries(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let distances = LargestComponentDistances(fixture.graph)
        #expect(distances.size == fixture.networkx.largestComponentSize)
        #expect(distances.diameter == fixture.networkx.largestComponentDiameter)
        #expect(distances.diameter == fixture.igraph.largestComponentDiameter)
        #expect(close(distances.meanDistance, fixture.networkx.largestComponentMeanDistance, relative: 1e-12))
        #expect(close(distances.meanDistance, fixture.igraph.largestComponentMeanDistance, relative: 1e-12))
    }

    @Test("More than 64 sources, on any number of workers, give exactly the sweep's figures")
    func batches() throws {
        // A 300-node cycle with chords: several batches of 64, and levels a batch spans widely.
        var edges = (0..<300).map { ($0, ($0 + 1) % 300) }
        edges += stride(from: 0, to: 300, by: 37).map { ($0, ($0 * 7 + 11) % 300) }
        let graph = UndirectedGraph(nodeCount: 300, edges: edges)
        let paths = PathMeasures(graph)
        for workers in [1, 2, 5] {
            let distances = LargestComponentDistances(graph, workers: workers)
            #expect(distances.diameter == paths.largestComponentDiameter)
            #expect(distances.meanDistance == paths.largestComponentMeanDistance)
        }
    }

    @Test("A largest component of fewer than two nodes has diameter and mean distance 0")
    func degenerate() {
        let isolated = LargestComponentDistances(UndirectedGraph(nodeCount: 3, edges: []))
        #expect(isolated.size == 1 && isolated.diameter == 0 && isolated.meanDistance == 0)
        let empty = LargestComponentDistances(UndirectedGraph(nodeCount: 0, edges: []))
        #expect(empty.size == 0 && empty.diameter == 0 && empty.meanDistance == 0)
    }
}
