import Testing
@testable import CityDiplomacyNetwork

@Suite("k-core decomposition")
struct CoreDecompositionTests {
    @Test("Core numbers match networkx and igraph exactly", arguments: NetworkFixture.names)
    func matchesLibraries(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let cores = CoreDecomposition(fixture.graph)
        #expect(cores.coreNumber == fixture.networkx.core)
        #expect(cores.coreNumber == fixture.igraph.core)
        #expect(cores.degeneracy == fixture.networkx.core.max())
        #expect(cores.maxCoreSize == fixture.networkx.core.filter { $0 == cores.degeneracy }.count)
    }

    @Test("A triangle with a pendant node and an isolated node: the triangle is the 2-core")
    func pendantTriangle() {
        let graph = UndirectedGraph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 0), (2, 3)])
        let cores = CoreDecomposition(graph)
        #expect(cores.coreNumber == [2, 2, 2, 1, 0])
        #expect(cores.degeneracy == 2)
        #expect(cores.maxCoreSize == 3)
    }

    @Test("A graph without edges is its own 0-core; a graph without nodes has none")
    func degenerate() {
        let isolated = CoreDecomposition(UndirectedGraph(nodeCount: 3, edges: []))
        #expect(isolated.coreNumber == [0, 0, 0])
        #expect(isolated.degeneracy == 0 && isolated.maxCoreSize == 3)
        let empty = CoreDecomposition(UndirectedGraph(nodeCount: 0, edges: []))
        #expect(empty.coreNumber.isEmpty && empty.degeneracy == 0 && empty.maxCoreSize == 0)
    }
}
