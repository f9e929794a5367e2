import Foundation
import Testing
@testable import CityDiplomacyNetwork

@Suite("Network analysis: the summary and the node measures")
struct NetworkAnalysisTests {
    @Test("Zachary's karate club has its published figures")
    func karate() throws {
        let (summary, nodes) = NetworkAnalysis.measure(try NetworkFixture.load("karate").graph)
        #expect(summary.nodes == 34 && summary.edges == 78)
        #expect(summary.components == 1 && summary.isolatedNodes == 0)
        #expect(summary.largestComponentDiameter == 5)
        #expect(abs(summary.largestComponentMeanDistance - 2.4082) < 1e-4)
        #expect(abs(summary.transitivity - 0.2557) < 1e-4)
        #expect(abs(summary.averageClustering - 0.5706) < 1e-4)
        #expect(try abs(#require(summary.assortativity) + 0.4756) < 1e-4)
        #expect(summary.triangles == 45)
        #expect(summary.maxDegree == 17 && summary.maxCore == 4)
        // The instructor (0) and the administrator (33) are the two brokers.
        #expect(abs(nodes.betweenness[0] - 0.4376) < 1e-4)
        #expect(abs(nodes.betweenness[33] - 0.3041) < 1e-4)
        #expect(Ranking.ranks(of: nodes.betweenness)[0] == 1)
        #expect(Ranking.ranks(of: nodes.betweenness)[33] == 2)
    }

    @Test("Every summary figure and node column equals what the measures give alone", arguments: NetworkFixture.names)
    func assembly(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let graph = fixture.graph
        let (summary, nodes) = NetworkAnalysis.measure(graph)
        let reference = fixture.networkx
        #expect(summary.nodes == fixture.nodeCount)
        #expect(summary.selfPairs == fixture.selfPairs)
        #expect(summary.relations == Double(fixture.edges.count - fixture.selfPairs))
        #expect(summary.components == reference.components.count)
        #expect(summary.isolatedNodes == reference.degree.filter { $0 == 0 }.count)
        #expect(summary.largestComponentSize == reference.largestComponentSize)
        #expect(summary.largestComponentDiameter == reference.largestComponentDiameter)
        #expect(close(summary.largestComponentMeanDistance, reference.largestComponentMeanDistance, relative: 1e-12))
        #expect(summary.triangles * 3 == reference.triangles.reduce(0, +))
        #expect(summary.maxCore == reference.core.max())
        #expect(close(summary.degreeGini, fixture.gini, relative: 1e-12))
        #expect(nodes.degree == reference.degree)
        #expect(nodes.core == reference.core && nodes.triangles == reference.triangles)
        #expect(nodes.eccentricity == reference.eccentricity)
        #expect(mismatches(nodes.betweenness, reference.betweenness!, relative: 1e-9).isEmpty)
        #expect(mismatches(nodes.pagerank, reference.pagerank, relative: 1e-6).isEmpty)
        #expect(nodes[0].degree == nodes.degree[0] && nodes[0].pagerank == nodes.pagerank[0])
    }

    @Test("The summary alone, from bit-parallel searches, equals the one of the full measure", arguments: NetworkFixture.names)
    func summarize(name: String) throws {
        let graph = try NetworkFixture.load(name).graph
        #expect(NetworkAnalysis.summarize(graph) == NetworkAnalysis.measure(graph).summary)
    }

    @Test("A graph without nodes: every figure 0, assortativity undefined")
    func emptyGraph() {
        let (summary, nodes) = NetworkAnalysis.measure(UndirectedGraph(nodeCount: 0, edges: []))
        #expect(summary == NetworkSummary(
            nodes: 0, edges: 0, relations: 0, selfPairs: 0, isolatedNodes: 0, components: 0,
            largestComponentSize: 0, largestComponentDiameter: 0, largestComponentMeanDistance: 0,
            maxDegree: 0, meanDegree: 0, degreeGini: 0, assortativity: nil, transitivity: 0,
            averageClustering: 0, triangles: 0, maxCore: 0, maxCoreSize: 0))
        #expect(nodes.count == 0)
        #expect(NetworkAnalysis.summarize(UndirectedGraph(nodeCount: 0, edges: [])) == summary)
    }

    @Test("One isolated node: one component of one node, distances 0, PageRank and eigenvector 1")
    func oneNode() {
        let (summary, nodes) = NetworkAnalysis.measure(UndirectedGraph(nodeCount: 1, edges: [(0, 0)]))
        #expect(summary.selfPairs == 1 && summary.edges == 0 && summary.isolatedNodes == 1)
        #expect(summary.components == 1 && summary.largestComponentSize == 1)
        #expect(summary.largestComponentDiameter == 0 && summary.largestComponentMeanDistance == 0)
        #expect(summary.assortativity == nil)
        #expect(nodes[0] == NodeMeasures.Row(
            degree: 0, strength: 0, betweenness: 0, closeness: 0, harmonic: 0, eigenvector: 1, pagerank: 1,
            core: 0, clustering: 0, triangles: 0, component: 0, eccentricity: 0))
    }

    @Test("Two isolated pairs: n < 3 nowhere, yet no node is between two others; closeness counts the partner only")
    func twoPairs() {
        let (summary, nodes) = NetworkAnalysis.measure(UndirectedGraph(nodeCount: 4, edges: [(0, 1), (3, 2), (1, 0)]))
        #expect(summary.edges == 2 && summary.relations == 3)
        #expect(summary.components == 2 && summary.largestComponentSize == 2)
        #expect(summary.largestComponentDiameter == 1 && summary.largestComponentMeanDistance == 1)
        #expect(summary.assortativity == nil)
        #expect(nodes.betweenness == [0, 0, 0, 0])
        // Wasserman–Faust: (1 / 1) · (1 / 3).
        let third: Double = 1.0 / 3
        #expect(nodes.closeness == [third, third, third, third])
        #expect(nodes.harmonic == [1, 1, 1, 1])
        #expect(nodes.strength == [2, 2, 1, 1])
        #expect(nodes.eigenvector == [0.5, 0.5, 0.5, 0.5])
    }

    @Test("A single pair (n = 2): betweenness is 0, not divided by (n − 1)(n − 2) = 0")
    func onePair() {
        let paths = PathMeasures(UndirectedGraph(nodeCount: 2, edges: [(0, 1)]))
        #expect(paths.betweenness == [0, 0] && paths.betweennessRaw == [0, 0])
        #expect(paths.closeness == [1, 1] && paths.harmonicNormalised == [1, 1])
    }

    @Test("A path of four nodes: inner nodes carry two pairs each, distances 1–3")
    func path() {
        let paths = PathMeasures(UndirectedGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)]))
        #expect(paths.betweennessRaw == [0, 2, 2, 0])
        let twoThirds: Double = 2.0 / 3
        #expect(paths.betweenness == [0, twoThirds, twoThirds, 0])
        #expect(paths.closeness == [0.5, 0.75, 0.75, 0.5])
        #expect(paths.eccentricity == [3, 2, 2, 3])
        #expect(paths.largestComponentDiameter == 3)
        // Unordered pairs at distances 1, 1, 1, 2, 2, 3: 10, twice over 12 ordered pairs.
        #expect(abs(paths.largestComponentMeanDistance - 20.0 / 12) < 1e-15)
        #expect(abs(paths.harmonic[0] - (1 + 0.5 + 1.0 / 3)) < 1e-15)
    }

    @Test("A star: the centre is on every path between leaves (normalised betweenness 1)")
    func star() throws {
        let (summary, nodes) = NetworkAnalysis.measure(UndirectedGraph(nodeCount: 4, edges: [(0, 1), (0, 2), (0, 3)]))
        #expect(nodes.betweenness == [1, 0, 0, 0])
        #expect(nodes.closeness == [1, 0.6, 0.6, 0.6])
        #expect(nodes.harmonic == [3, 2, 2, 2])
        #expect(summary.largestComponentDiameter == 2 && summary.largestComponentMeanDistance == 1.5)
        #expect(try abs(#require(summary.assortativity) + 1) < 1e-15)
        #expect(summary.transitivity == 0 && summary.maxCore == 1 && summary.maxCoreSize == 4)
        #expect(abs(summary.degreeGini - 0.25) < 1e-15)
    }

    @Test("A triangle: every node alike, clustering 1, assortativity undefined")
    func triangle() {
        let (summary, nodes) = NetworkAnalysis.measure(UndirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0)]))
        #expect(nodes.betweenness == [0, 0, 0])
        #expect(nodes.closeness == [1, 1, 1])
        #expect(summary.triangles == 1 && summary.transitivity == 1 && summary.averageClustering == 1)
        #expect(summary.assortativity == nil)
        #expect(summary.maxCore == 2 && summary.maxCoreSize == 3)
    }

    @Test("The summary and node measures round-trip through JSON, an undefined assortativity left out")
    func codable() throws {
        let (summary, nodes) = NetworkAnalysis.measure(UndirectedGraph(nodeCount: 3, edges: [(0, 1), (1, 2), (2, 0)]))
        let data = try JSONEncoder().encode(summary)
        #expect(try JSONDecoder().decode(NetworkSummary.self, from: data) == summary)
        #expect(try JSONDecoder().decode(NodeMeasures.self, from: JSONEncoder().encode(nodes)) == nodes)
    }
}
