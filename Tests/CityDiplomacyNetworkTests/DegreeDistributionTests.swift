import Testing
@testable import CityDiplomacyNetwork

@Suite("Degree distribution and assortativity")
struct DegreeDistributionTests {
    @Test("Degrees, histogram and the Gini coefficient match networkx and the script's formula",
          arguments: NetworkFixture.names)
    func matchesFixtures(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let graph = fixture.graph
        let degrees = DegreeDistribution(graph)
        #expect(degrees.degrees == fixture.networkx.degree)
        #expect(degrees.degrees == fixture.igraph.degree)
        #expect(degrees.histogram == fixture.networkx.degreeHistogram)
        #expect(degrees.max == fixture.networkx.degree.max())
        #expect(close(degrees.mean, Double(fixture.networkx.degree.reduce(0, +)) / Double(fixture.nodeCount), relative: 1e-15))
        #expect(close(degrees.gini, fixture.gini, relative: 1e-12))
        let strength = (0..<graph.nodeCount).map(graph.strength(of:))
        #expect(strength == fixture.networkx.strength)
    }

    @Test("Assortativity matches networkx and igraph to 1e-6", arguments: NetworkFixture.names)
    func assortativity(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let r = try #require(DegreeAssortativity.coefficient(of: fixture.graph))
        #expect(close(r, try #require(fixture.networkx.assortativity), relative: 1e-6))
        #expect(close(r, try #require(fixture.igraph.assortativity), relative: 1e-6))
    }

    @Test("Gini is 0 for equal degrees, 0 without edges, and grows with inequality")
    func gini() {
        let cycle = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3), (3, 0)])
        #expect(DegreeDistribution(cycle).gini == 0)
        #expect(DegreeDistribution(UndirectedGraph(nodeCount: 3, edges: [])).gini == 0)
        #expect(DegreeDistribution(UndirectedGraph(nodeCount: 0, edges: [])).gini == 0)
        // Degrees [0, 1, 1, 1, 3]: 2 · 24 / (5 · 6) − 6/5.
        let star = UndirectedGraph(nodeCount: 5, edges: [(0, 1), (0, 2), (0, 3)])
        #expect(abs(DegreeDistribution(star).gini - 0.4) < 1e-15)
    }

    @Test("A star is perfectly disassortative; a path of four nodes too, with a leaf–hub correlation of −1/2")
    func disassortative() throws {
        let star = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (0, 2), (0, 3)])
        #expect(try abs(#require(DegreeAssortativity.coefficient(of: star)) + 1) < 1e-15)
        // networkx: degree_assortativity_coefficient(path_graph(4)) = -0.5.
        let path = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)])
        #expect(try abs(#require(DegreeAssortativity.coefficient(of: path)) + 0.5) < 1e-15)
    }

    @Test("Assortativity is nil where every edge end has one degree or there is no edge")
    func undefinedAssortativity() {
        let triangle = UndirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0)])
        #expect(DegreeAssortativity.coefficient(of: triangle) == nil)
        let pairs = UndirectedGraph(nodeCount: 5, edges: [(0, 1), (2, 3)])
        #expect(DegreeAssortativity.coefficient(of: pairs) == nil)
        #expect(DegreeAssortativity.coefficient(of: UndirectedGraph(nodeCount: 1, edges: [])) == nil)
        #expect(DegreeAssortativity.coefficient(of: UndirectedGraph(nodeCount: 0, edges: [])) == nil)
    }
}
