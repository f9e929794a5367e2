import Testing
@testable import CityDiplomacyNetwork

@Suite("An undirected graph built from an edge list")
struct UndirectedGraphTests {
    @Test("Repeated pairs become one edge weighted by their occurrences; self-pairs are counted, not kept")
    func repeatedPairsAndSelfPairs() {
        let graph = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 1), (2, 0), (3, 3)])
        #expect(graph.edgeCount == 3)
        #expect(graph.selfPairs == 1)
        #expect(Array(graph.neighbours(of: 1)) == [0, 2])
        #expect(graph.strength(of: 1) == 3)
        #expect(graph.degree(of: 3) == 0)
        #expect(graph.totalWeight == 4)
        #expect(graph.edges.map { [$0.a, $0.b] } == [[0, 1], [0, 2], [1, 2]])
        #expect(graph.edges.map(\.weight) == [1, 1, 2])
    }
}
