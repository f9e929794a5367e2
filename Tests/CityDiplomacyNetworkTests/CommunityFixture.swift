import Foundation
import Testing
@testable import CityDiplomacyNetwork

/// A graph with figures computed once by igraph and networkx (scripts/community-fixtures.py).
struct CommunityFixture: Decodable {
    struct ByLibrary: Decodable { let networkx: Double; let igraph: Double }
    let name: String
    let nodeCount: Int
    let edges: [[Int]]
    let partition: [Int]
    /// The partition's modularity by resolution ("0.5", "1.0", "2.0").
    let modularity: [String: ByLibrary]
    let igraphMultilevel: Double
    let igraphLeiden: Double
    let networkxLouvain: Double

    static let names = ["karate", "planted", "weighted", "disconnected"]

    static func load(_ name: String) throws -> CommunityFixture {
        let url = try #require(Bundle.module.url(forResource: "communities-\(name)", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(CommunityFixture.self, from: Data(contentsOf: url))
    }

    var graph: UndirectedGraph { UndirectedGraph(nodeCount: nodeCount, edges: edges.map { ($0[0], $0[1]) }) }
}
