import Testing
@testable import CityDiplomacyNetwork

@Suite("Triangles and clustering")
struct TrianglesTests {
    @Test("Triangles per node match networkx and igraph exactly", arguments: NetworkFixture.names)
    func trianglesPerNode(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let triangles = Triangles(fixture.graph)
        #expect(triangles.perNode == fixture.networkx.triangles)
        #expect(triangles.perNode == fixture.igraph.triangles)
        #expect(triangles.total * 3 == fixture.networkx.triangles.reduce(0, +))
    }

    @Test("Transitivity, local and average clustering match both libraries to 1e-6", arguments: NetworkFixture.names)
    func clustering(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let triangles = Triangles(fixture.graph)
        for reference in [fixture.networkx, fixture.igraph] {
            #expect(close(triangles.transitivity, reference.transitivity, relative: 1e-6))
            #expect(close(triangles.averageClustering, reference.averageClustering, relative: 1e-6))
            #expect(mismatches(triangles.clustering, reference.clustering, relative: 1e-6).isEmpty)
        }
    }

    @Test("A triangle with a pendant node: one triangle, transitivity 3/5, the pendant's clustering 0")
    func pendantTriangle() {
        let graph = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 0), (2, 3)])
        let triangles = Triangles(graph)
        #expect(triangles.total == 1)
        #expect(triangles.perNode == [1, 1, 1, 0])
        #expect(triangles.transitivity == 0.6)
        let third: Double = 1.0 / 3
        #expect(triangles.clustering == [1, 1, third, 0])
        #expect(abs(triangles.averageClustering - (7.0 / 3) / 4) < 1e-15)
    }

    @Test("Without triangles, or without nodes, every figure is 0")
    func degenerate() {
        let star = Triangles(UndirectedGraph(nodeCount: 4, edges: [(0, 1), (0, 2), (0, 3)]))
        #expect(star.total == 0 && star.transitivity == 0 && star.averageClustering == 0)
        let empty = Triangles(UndirectedGraph(nodeCount: 0, edges: []))
        #expect(empty.total == 0 && empty.transitivity == 0 && empty.averageClustering == 0)
        #expect(empty.clustering.isEmpty)
    }

    @Test("A complete graph of five nodes: ten triangles, clustering 1 everywhere")
    func complete() {
        var edges: [(Int, Int)] = []
        for a in 0..<5 { for b in (a + 1)..<5 { edges.append((a, b)) } }
        let triangles = Triangles(UndirectedGraph(nodeCount: 5, edges: edges))
        #expect(triangles.total == 10)
        #expect(triangles.perNode == [6, 6, 6, 6, 6])
        #expect(triangles.transitivity == 1)
        #expect(triangles.averageClustering == 1)
    }
}
