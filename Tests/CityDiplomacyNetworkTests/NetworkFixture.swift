import Foundation
import Testing
@testable import CityDiplomacyNetwork

/// A reference graph written by scripts/network-fixtures.py: the raw edge list and what networkx
/// and igraph compute on the simple graph made from it.
struct NetworkFixture: Decodable {
    struct Values: Decodable {
        var components: [Int]
        var largestComponentSize: Int
        var largestComponentDiameter: Int
        var largestComponentMeanDistance: Double
        var degree: [Int]
        var strength: [Double]?
        var degreeHistogram: [Int]?
        var assortativity: Double?
        var triangles: [Int]
        var transitivity: Double
        var clustering: [Double]
        var averageClustering: Double
        var core: [Int]
        var betweenness: [Double]?
        var betweennessRaw: [Double]
        /// igraph leaves an isolated node's closeness undefined (null).
        var closeness: [Double?]
        var harmonic: [Double]
        var eccentricity: [Int]
        var eigenvector: [Double]
        var pagerank: [Double]
        var pagerankWeighted: [Double]?
    }

    var name: String
    var nodeCount: Int
    var edges: [[Int]]
    var selfPairs: Int
    var gini: Double
    var networkx: Values
    var igraph: Values

    static let names = ["karate", "disconnected", "heavy-tailed", "multi"]

    static func load(_ name: String) throws -> NetworkFixture {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(NetworkFixture.self, from: Data(contentsOf: url))
    }

    /// The graph as the Swift side builds it from the raw edge list.
    var graph: UndirectedGraph {
        UndirectedGraph(nodeCount: nodeCount, edges: edges.map { ($0[0], $0[1]) })
    }
}

/// Whether `a` and `b` agree to `relative` of their size, or to `absolute` near zero.
func close(_ a: Double, _ b: Double, relative: Double, absolute: Double = 1e-12) -> Bool {
    abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}

/// The nodes where two columns disagree beyond the tolerance, with both values, for messages.
func mismatches(
    _ actual: [Double], _ expected: [Double], relative: Double, absolute: Double = 1e-12
) -> [String] {
    guard actual.count == expected.count else { return ["\(actual.count) values, expected \(expected.count)"] }
    return actual.indices.compactMap { i in
        close(actual[i], expected[i], relative: relative, absolute: absolute) ? nil : "node \(i): \(actual[i]) vs \(expected[i])"
    }
}
