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

    @Test("Leaves left out of the searches are counted back exactly: trees, stars, hubs with many leaves")
    func leaves() {
        // A random tree of 1,500 nodes grown by preferential attachment, with a few more edges:
        // hundreds of leaves, nodes with up to dozens of them, and more than one batch of 512.
        var state: UInt64 = 14
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var edges: [(Int, Int)] = [(0, 1)]
        for v in 2..<1500 {
            let end = edges[random(edges.count)]
            edges.append((v, random(2) == 0 ? end.0 : end.1))
        }
        for _ in 0..<100 { edges.append((random(1500), random(1500))) }
        let graph = UndirectedGraph(nodeCount: 1500, edges: edges)
        let paths = PathMeasures(graph)
        for workers in [1, 3] {
            let distances = LargestComponentDistances(graph, workers: workers)
            #expect(distances.diameter == paths.largestComponentDiameter)
            #expect(distances.meanDistance == paths.largestComponentMeanDistance)
        }
        let shapes: [(Int, [(Int, Int)])] = [
            (5, [(0, 1), (0, 2), (0, 3), (0, 4)]),                    // a star: one node and its leaves
            (2, [(0, 1)]),                                            // a pair: two leaves of each other
            (3, [(0, 1), (1, 2)]),                                    // a path of three
            (6, [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]),            // a path of six
            (7, [(0, 1), (0, 2), (0, 3), (3, 4), (3, 5), (3, 6)]),    // two stars joined by their centres
        ]
        for (n, edges) in shapes {
            let graph = UndirectedGraph(nodeCount: n, edges: edges)
            let paths = PathMeasures(graph)
            let distances = LargestComponentDistances(graph)
            #expect(distances.diameter == paths.largestComponentDiameter, "\(edges)")
            #expect(distances.meanDistance == paths.largestComponentMeanDistance, "\(edges)")
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
