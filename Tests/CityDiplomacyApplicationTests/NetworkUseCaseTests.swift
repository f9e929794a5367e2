import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyStorage
import Foundation
import Testing

@Suite("The network measures as the CLI, the pages and the API ask for them")
struct NetworkUseCaseTests {
    @Test("The study's network: 68 cities, 70 pairs, Tehran first by degree and betweenness among all cities and in Iran")
    func studyNetwork() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let result = try await workspace.network(NetworkRequest(focusCountry: "IR"))
        #expect(result.datasets.map(\.id) == ["iran-2018"])
        #expect(result.summary.nodes == 68)
        #expect(result.summary.edges == 70)
        #expect(result.summary.maxDegree == 24)
        let tehran = try #require(result.nodes.firstIndex { $0.id == "iran-2018:tehran" })
        #expect(result.ranking(.degree).first == tehran)
        #expect(result.ranking(.betweenness).first == tehran)
        #expect(result.ranks[.betweenness]?[tehran] == 1)
        #expect(result.countryRanks[.degree]?[tehran] == 1)
        // The eight Iranian cities, and no other, are the focus country's nodes.
        #expect(result.focusNodes.count == 8)
        #expect(result.focusNodes.allSatisfy { result.nodes[$0].country.rawValue == "IR" })
        // Every city is somewhere on a map: the study records no coordinates, the gazetteer places them.
        let geography = try #require(result.geography)
        #expect(geography.observed.count >= 60)
    }

    @Test("The same seed gives the same communities; the focus and the list length do not change the measures")
    func deterministic() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let first = try await workspace.network(NetworkRequest(top: 3, seed: 7))
        let second = try await workspace.network(NetworkRequest(focusCountry: "Iran", top: 20, seed: 7))
        #expect(first.leiden.membership == second.leiden.membership)
        #expect(first.louvain.modularity == second.louvain.modularity)
        #expect(first.measures.betweenness == second.measures.betweenness)
        #expect(second.focus?.code.rawValue == "IR")
    }

    @Test("At country level the study is a star around Iran, and Iran's pairs divide by region into shares that add up to one")
    func countryLevel() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let result = try await workspace.network(NetworkRequest(level: .country))
        let iran = try #require(result.nodes.firstIndex { $0.id == "IR" })
        #expect(result.measures.degree[iran] == result.summary.nodes - 1)
        #expect(result.summary.maxDegree == result.summary.nodes - 1)
        let shares = try #require(result.shares)
        let row = try #require(shares.rows.first)
        #expect(row.country.rawValue == "IR")
        #expect(row.pairs == 70)
        #expect(abs(row.domestic + row.byGroup.reduce(0, +) + row.unclassified - 1) < 1e-9)
        #expect(result.geography == nil)
    }

    @Test("Bad requests are errors naming the parameter")
    func badRequests() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        await #expect(throws: ApplicationError.self) { try await workspace.network(NetworkRequest(top: 0)) }
        await #expect(throws: ApplicationError.self) { try await workspace.network(NetworkRequest(draws: 5000)) }
        await #expect(throws: ApplicationError.self) { try await workspace.network(NetworkRequest(focusCountry: "Atlantis")) }
        await #expect(throws: ApplicationError.self) { try await workspace.network(NetworkRequest(scheme: "no-such-scheme")) }
        await #expect(throws: ApplicationError.self) { try await workspace.network(NetworkRequest(datasets: ["no-such-dataset"])) }
        #expect(throws: ApplicationError.self) { try NetworkLevelChoice.parse("planet", field: "level") }
    }

    @Test("The document reads in Persian with Persian digits and no English labels; the exports carry every measure")
    func outputs() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let result = try await workspace.network(NetworkRequest(focusCountry: "IR", top: 5))
        let persian = ReportRenderer(format: .md, language: .fa).render(result.document)
        #expect(persian.contains("شبکهٔ شهرهای"))
        #expect(persian.contains("تهران"))
        #expect(persian.contains("۲۴"))
        for english in ["betweenness", "Tehran", "Louvain", "nodes", "rank"] { #expect(!persian.contains(english), "\(english) leaks into Persian") }
        let graphML = result.graphML(language: .en)
        for attribute in ["betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "core", "clustering", "louvain", "leiden", "distance_km"] {
            #expect(graphML.contains("attr.name=\"\(attribute)\""))
        }
        #expect(graphML.components(separatedBy: "<node ").count - 1 == 68)
        #expect(graphML.components(separatedBy: "<edge ").count - 1 == 70)
        let gexf = result.gexf(language: .fa)
        #expect(gexf.contains("تهران"))
        let csv = TabulationRenderer(format: .csv, language: .en).render(result.nodeTable)
        #expect(csv.split(separator: "\n").count == 69)
        #expect(csv.contains("iran-2018:tehran"))
    }
}
