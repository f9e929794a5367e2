import Testing
@testable import CityDiplomacyNetwork

@Suite("Connected components")
struct ConnectedComponentsTests {
    @Test("Component sizes and the largest component match networkx and igraph", arguments: NetworkFixture.names)
    func matchesLibraries(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let components = ConnectedComponents(fixture.graph)
        // The script lists networkx's components by lowest node, the order they are numbered in here.
        #expect(components.sizes == fixture.networkx.components)
        #expect(components.sizes.sorted() == fixture.igraph.components)
        #expect(components.largestSize == fixture.networkx.largestComponentSize)
        #expect(components.largestSize == fixture.igraph.largestComponentSize)
    }

    @Test("Components are numbered by their lowest node; isolated nodes are components of their own")
    func numbering() {
        let graph = UndirectedGraph(nodeCount: 7, edges: [(5, 6), (1, 2), (2, 4), (0, 0)])
        let components = ConnectedComponents(graph)
        #expect(components.componentOf == [0, 1, 1, 2, 1, 3, 3])
        #expect(components.sizes == [1, 3, 1, 2])
        #expect(components.isolatedNodes == 2)
        #expect(components.largest == 1)
        #expect(components.largestNodes == [1, 2, 4])
        #expect(components.nodes(of: 3) == [5, 6])
    }

    @Test("Of components of equal size the largest is the one with the lowest node, as networkx picks")
    func tieBreak() {
        let graph = UndirectedGraph(nodeCount: 4, edges: [(2, 3), (0, 1)])
        #expect(ConnectedComponents(graph).largestNodes == [0, 1])
    }

    @Test("A graph without nodes has no component and no largest one")
    func empty() {
        let components = ConnectedComponents(UndirectedGraph(nodeCount: 0, edges: []))
        #expect(components.count == 0)
        #expect(components.largest == nil)
        #expect(components.largestSize == 0)
        #expect(components.largestNodes.isEmpty)
    }
}
