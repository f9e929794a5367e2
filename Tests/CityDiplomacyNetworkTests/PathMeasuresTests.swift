import Testing
@testable import CityDiplomacyNetwork

@Suite("Shortest-path measures from one sweep")
struct PathMeasuresTests {
    @Test("Betweenness matches networkx normalised and raw, and igraph raw, to 1e-9", arguments: NetworkFixture.names)
    func betweenness(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let paths = PathMeasures(fixture.graph)
        #expect(mismatches(paths.betweenness, fixture.networkx.betweenness!, relative: 1e-9).isEmpty)
        #expect(mismatches(paths.betweennessRaw, fixture.networkx.betweennessRaw, relative: 1e-9).isEmpty)
        #expect(mismatches(paths.betweennessRaw, fixture.igraph.betweennessRaw, relative: 1e-9).isEmpty)
    }

    @Test("Closeness is networkx's Wasserman–Faust form; igraph's differs by r/(n-1) on disconnected graphs",
          arguments: NetworkFixture.names)
    func closeness(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let paths = PathMeasures(fixture.graph)
        #expect(mismatches(paths.closeness, fixture.networkx.closeness.map { $0! }, relative: 1e-6).isEmpty)
        let n = Double(fixture.nodeCount - 1)
        let fromIgraph = fixture.igraph.closeness.enumerated().map { v, c in (c ?? 0) * Double(paths.reached[v]) / n }
        #expect(mismatches(paths.closeness, fromIgraph, relative: 1e-6).isEmpty)
    }

    @Test("Harmonic centrality matches networkx and igraph; eccentricity is taken within the component",
          arguments: NetworkFixture.names)
    func harmonicAndEccentricity(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let paths = PathMeasures(fixture.graph)
        #expect(mismatches(paths.harmonic, fixture.networkx.harmonic, relative: 1e-6).isEmpty)
        #expect(mismatches(paths.harmonic, fixture.igraph.harmonic, relative: 1e-6).isEmpty)
        #expect(paths.eccentricity == fixture.networkx.eccentricity)
        #expect(paths.eccentricity == fixture.igraph.eccentricity)
    }

    @Test("The largest component's diameter and mean distance match both libraries", arguments: NetworkFixture.names)
    func largestComponentDistances(name: String) throws {
        let fixture = try NetworkFixture.load(name)
        let paths = PathMeasures(fixture.graph)
        #expect(paths.largestComponentDiameter == fixture.networkx.largestComponentDiameter)
        #expect(paths.largestComponentDiameter == fixture.igraph.largestComponentDiameter)
        #expect(close(paths.largestComponentMeanDistance, fixture.networkx.largestComponentMeanDistance, relative: 1e-12))
        #expect(close(paths.largestComponentMeanDistance, fixture.igraph.largestComponentMeanDistance, relative: 1e-12))
    }

    @Test("The result is the same to the last bit whatever the number of workers", arguments: NetworkFixture.names)
    func deterministicAcrossWorkers(name: String) throws {
        let graph = try NetworkFixture.load(name).graph
        let one = PathMeasures(graph, workers: 1)
        #expect(PathMeasures(graph, workers: 2) == one)
        #expect(PathMeasures(graph, workers: 3) == one)
        #expect(PathMeasures(graph, workers: 7) == one)
    }
}
