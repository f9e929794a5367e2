import Testing
@testable import CityDiplomacyNetwork

@Suite("PageRank")
struct PageRankTests {
    @Test("Matches networkx and igraph to 1e-6, isolated nodes being dangling", arguments: NetworkFixture.names)
    func matchesLibraries(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let rank = PageRank(fixture.graph)
        #expect(rank.converged)
        #expect(mismatches(rank.values, fixture.networkx.pagerank, relative: 1e-6).isEmpty)
        #expect(mismatches(rank.values, fixture.igraph.pagerank, relative: 1e-6).isEmpty)
        #expect(abs(rank.values.reduce(0, +) - 1) < 1e-12)
    }

    @Test("Weighted by relations, it matches networkx's pagerank with the pairs' counts as weights",
          arguments: NetworkFixture.names)
    func weighted(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let rank = PageRank(fixture.graph, weighted: true)
        #expect(mismatches(rank.values, try #require(fixture.networkx.pagerankWeighted), relative: 1e-6).isEmpty)
    }

    @Test("Two isolated pairs and an isolated node: 20/83 each in a pair, 3/83 alone (networkx)")
    func dangling() {
        let values = PageRank(UndirectedGraph(nodeCount: 5, edges: [(0, 1), (2, 3)])).values
        let pair = 20.0 / 83
        #expect(mismatches(values, [pair, pair, pair, pair, 3.0 / 83], relative: 1e-9).isEmpty)
        #expect(PageRank(UndirectedGraph(nodeCount: 1, edges: [])).values == [1])
        #expect(PageRank(UndirectedGraph(nodeCount: 0, edges: [])).values.isEmpty)
    }

    @Test("A path of five nodes, as networkx computes it")
    func path() {
        let values = PageRank(UndirectedGraph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 3), (3, 4)])).values
        let expected = [0.13452702702702674, 0.24594594594594646, 0.23905405405405344, 0.24594594594594646, 0.13452702702702674]
        #expect(mismatches(values, expected, relative: 1e-9).isEmpty)
    }
}
