import CityDiplomacyCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import OpenAPIKit
import Testing
@testable import CityDiplomacyWeb

/// The statuses `openapi.yaml` gives for what a generated client (Schemathesis, run by
/// `scripts/schemathesis.sh`) sends: an empty optional parameter is an absent one, a name the
/// registry or the reference lists lack is a 404, a value that cannot be read a 400, and a write
/// to a bundled dataset a 403 whatever its fields say.
@Suite("The server answers the statuses its OpenAPI document gives")
struct DocumentedStatusTests {
    static func error(_ response: TestResponse) throws -> [String: Any] {
        try #require(try response.json() as? [String: Any])
    }

    @Test("An optional parameter given empty is the same as an absent one, a repeated one too",
          arguments: ["/api/v1/cities/iran-2018:shiraz/recommendations?exclude_country=", "/api/v1/statistics?aggregate_parts=",
                      "/api/v1/audit?lang=&status=", "/api/v1/relations?kind=&from=&country="])
    func emptyIsAbsent(uri: String) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok, "\(response.text)")
            }
        }
    }

    @Test("A language that is none is a 400 naming lang, whatever the format", arguments: ["/api/v1/network?lang=xx", "/api/v1/compare?subject=Tehran&subject=Isfahan&lang=xx"])
    func language(uri: String) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .badRequest)
                let error = try Self.error(response)
                #expect(error["field"] as? String == "lang")
            }
        }
    }

    @Test("A country, scheme, periodisation or city that no list holds is a 404 naming its parameter", arguments: [
        ("/api/v1/relations?country=Narnia", "country"), ("/api/v1/cities?country=Narnia", "country"),
        ("/api/v1/network?focus_country=Narnia", "focus_country"), ("/api/v1/tables/3?periodisation=nowhere", "periodisation"),
        ("/api/v1/tables/2?affiliations=nowhere", "affiliations"), ("/api/v1/relations?city=Atlantis", "city"),
        ("/api/v1/cities/iran-2018:tehran/peers?scheme=nowhere", "scheme"),
    ])
    func unknownName(uri: String, field: String) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound, "\(response.text)")
                let error = try Self.error(response)
                #expect(error["field"] as? String == field)
            }
        }
    }

    @Test("A city with no relation to another city has no peers or suggestions: a 404 naming the city, not a 400",
          arguments: ["peers", "recommendations"])
    func cityOutsideTheNetwork(what: String) async throws {
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/cities/iran-2018:ahvaz/\(what)", method: .get) { response in
                #expect(response.status == .notFound)
                let error = try Self.error(response)
                #expect(error["field"] as? String == "city")
                #expect((error["error"] as? String)?.contains("no relation to another city") == true)
            }
        }
    }

    @Test("A write to a bundled dataset is a 403 before its fields are read: wrong ones too")
    func bundledBeforeFields() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens) { client in
            let created = try EditingTests.json(["dataset": "iran-2018", "city": "Atlantis", "kind": "3x"])
            try await client.execute(uri: "/api/v1/relations", method: .post, headers: ContractTests.auth, body: created) { response in
                #expect(response.status == .forbidden, "\(response.text)")
                let error = try Self.error(response)
                #expect(error["field"] as? String == "dataset")
            }
            var relation = ""
            try await client.execute(uri: "/api/v1/relations?dataset=iran-2018&limit=1", method: .get) { response in
                let page = try #require(try response.json() as? [String: Any])
                relation = try #require((page["items"] as? [[String: Any]])?.first?["id"] as? String)
            }
            let moved = try EditingTests.json(["dataset": "elsewhere", "city": "", "partner": "", "kind": ""])
            try await client.execute(uri: "/api/v1/relations/\(PageContext.segment(relation))", method: .put, headers: ContractTests.auth, body: moved) { response in
                #expect(response.status == .forbidden, "\(response.text)")
            }
        }
    }

    @Test("An edit naming a dataset, city or source the registry lacks is a 404 naming the field; with a malformed field too, a 400")
    func unknownRecordInBody() async throws {
        try await ObservatoryFixture.withClient(writeTokens: EditingTests.tokens, editableStudy: true) { client in
            let cases: [([String: Any], HTTPResponse.Status, String)] = [
                (["dataset": "nowhere", "city": "x", "partner": "y", "kind": "sister_city"], .notFound, "dataset"),
                (["dataset": "iran-2018", "city": "Atlantis", "partner": "iran-2018:tehran", "kind": "sister_city"], .notFound, "city"),
                (["dataset": "iran-2018", "city": "iran-2018:isfahan", "partner": "iran-2018:tehran", "kind": "sister_city", "sources": ["iran-2018:none"]], .notFound, "sources"),
                (["dataset": "iran-2018", "city": "Atlantis", "partner": "iran-2018:tehran", "kind": "3x"], .badRequest, "city"),
            ]
            for (fields, status, field) in cases {
                try await client.execute(uri: "/api/v1/relations", method: .post, headers: ContractTests.auth, body: try EditingTests.json(fields)) { response in
                    #expect(response.status == status, "\(fields): \(response.text)")
                    let error = try Self.error(response)
                    #expect(error["field"] as? String == field)
                }
            }
        }
    }

    @Test("The document's closed vocabularies are the model's: relation kinds, network categories")
    func vocabularies() throws {
        let document = try APIDocument.load()
        let schemas = document.components.schemas
        let kind = try #require(schemas["RelationKind"])
        #expect(kind.allowedValues?.compactMap { $0.value as? String } == RelationKind.knownTerms.map(\.term.rawValue))
        let network = try #require(schemas["Network"]?.objectContext?.properties["category"])
        #expect(Set(network.allowedValues?.compactMap { $0.value as? String } ?? []) == Set(CityNetwork.Category.allCases.map(\.rawValue)))
    }
}
