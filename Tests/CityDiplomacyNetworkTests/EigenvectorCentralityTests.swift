import Testing
@testable import CityDiplomacyNetwork

@Suite("Eigenvector centrality")
struct EigenvectorCentralityTests {
    @Test("Matches networkx on the whole graph, disconnected or not, to 1e-6", arguments: NetworkFixture.names)
    func matchesNetworkx(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let eigenvector = EigenvectorCentrality(fixture.graph)
        #expect(eigenvector.converged)
        // Absolute 1e-9 near zero: networkx stops with the small components' scores near 1e-13,
        // on their way to 0.
        #expect(mismatches(eigenvector.values, fixture.networkx.eigenvector, relative: 1e-6, absolute: 1e-9).isEmpty)
    }

    @Test("On a connected graph, igraph's scores are these divided by the greatest", arguments: ["karate", "heavy-tailed", "multi"])
    func igraphScaling(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let values = EigenvectorCentrality(fixture.graph).values
        let greatest = try #require(values.max())
        #expect(mismatches(values.map { $0 / greatest }, fixture.igraph.eigenvector, relative: 1e-6, absolute: 1e-9).isEmpty)
    }

    @Test("The scores have unit Euclidean norm; a path's are symmetric with the centre highest")
    func path() {
        let values = EigenvectorCentrality(UndirectedGraph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 3), (3, 4)])).values
        #expect(abs(values.reduce(0) { $0 + $1 * $1 } - 1) < 1e-12)
        // networkx: 1/(2√3), 1/2, 1/√3.
        let expected = [0.2886751345948129, 0.5, 0.5773502691896258, 0.5, 0.2886751345948129]
        #expect(mismatches(values, expected, relative: 1e-9).isEmpty)
    }

    @Test("Two isolated pairs share the score and an isolated node gets 0; without edges every node scores alike")
    func disconnected() {
        let pairs = EigenvectorCentrality(UndirectedGraph(nodeCount: 5, edges: [(0, 1), (2, 3)])).values
        #expect(mismatches(pairs, [0.5, 0.5, 0.5, 0.5, 0], relative: 1e-9, absolute: 1e-9).isEmpty)
        let isolated = EigenvectorCentrality(UndirectedGraph(nodeCount: 3, edges: [])).values
        #expect(mismatches(isolated, [Double](repeating: 1 / 3.0.squareRoot(), count: 3), relative: 1e-15).isEmpty)
        let one = EigenvectorCentrality(UndirectedGraph(nodeCount: 1, edges: []))
        #expect(one.values == [1] && one.converged)
        let empty = EigenvectorCentrality(UndirectedGraph(nodeCount: 0, edges: []))
        #expect(empty.values.isEmpty && empty.converged)
    }
}
