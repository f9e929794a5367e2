import Testing
@testable import CityDiplomacyNetwork

@Suite("Modularity of a partition")
struct ModularityTests {
    @Test("Equals networkx's and igraph's weighted modularity at resolutions 0.5, 1 and 2", arguments: CommunityFixture.names)
    func matchesBothLibraries(name: String) throws {
        let fixture = try CommunityFixture.load(name)
        let graph = fixture.graph
        for (gamma, expected) in fixture.modularity {
            let q = graph.modularity(of: fixture.partition, resolution: try #require(Double(gamma)))
            #expect(abs(q - expected.networkx) < 1e-9, "\(name) at γ = \(gamma)")
            #expect(abs(q - expected.igraph) < 1e-9, "\(name) at γ = \(gamma)")
        }
    }

    @Test("Two separate edges split in two have modularity 1/2; labels are any integers")
    func twoEdges() {
        let graph = UndirectedGraph(nodeCount: 4, edges: [(0, 1), (2, 3)])
        #expect(graph.modularity(of: [0, 0, 1, 1]) == 0.5)
        #expect(graph.modularity(of: [-7, -7, 40, 40]) == 0.5)
        #expect(graph.modularity(of: [0, 0, 0, 0]) == 0)
    }

    @Test("A graph without edges has modularity 0")
    func noEdges() {
        #expect(UndirectedGraph(nodeCount: 3, edges: []).modularity(of: [0, 1, 2]) == 0)
    }
}
