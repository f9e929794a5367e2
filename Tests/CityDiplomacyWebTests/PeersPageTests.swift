import CityDiplomacyApplication
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CityDiplomacyWeb

@Suite("Peer cities on a city's page and in the API")
struct PeersPageTests {
    /// The use case's view as JSON objects, for comparing with the API's answer.
    static func expected(_ request: PeersRequest) async throws -> String {
        let observatory = try await Observatory(registry: try await ObservatoryFixture.registry(), configuration: WebConfiguration(cacheLifetime: 0))
        return try canonical(JSONEncoder().encode(try await observatory.workspace.peers(request).view))
    }

    /// JSON with its keys sorted, for comparing two answers.
    static func canonical(_ data: Data) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: data), options: [.sortedKeys]), as: UTF8.self)
    }

    @Test("The API answers what `citydip peers --format json` prints, and the page lists the five, linked, with the measure named")
    func apiAndPage() async throws {
        let expected = try await Self.expected(PeersRequest(city: "iran-2018:isfahan", datasets: ["iran-2018"], scheme: "study-regions", top: 3))
        let five = try await Self.expected(PeersRequest(city: "iran-2018:isfahan", datasets: ["iran-2018"], top: 5))
        try await ObservatoryFixture.withClient { client in
            try await client.execute(uri: "/api/v1/cities/iran-2018:isfahan/peers?top=3&scheme=study-regions", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.canonical(Data(response.text.utf8))
                #expect(body == expected)
                let object = try #require(try response.json() as? [String: Any])
                #expect((object["peers"] as? [Any])?.count == 3)
            }
            try await client.execute(uri: "/cities/iran-2018:isfahan", method: .get) { response in
                let html = response.text
                #expect(html.contains("<h2 id=\"peer-cities\">Peer cities</h2>"))
                #expect(html.contains("Likeness is the cosine similarity"))
                let fiveObject = try #require(try JSONSerialization.jsonObject(with: Data(five.utf8)) as? [String: Any])
                let peers = try #require(fiveObject["peers"] as? [[String: Any]])
                #expect(peers.count == 5)
                for peer in peers {
                    let id = try #require((peer["city"] as? [String: Any])?["id"] as? String)
                    #expect(html.contains("href=\"/cities/\(id)\""), "\(id)")
                }
                #expect(html.contains("href=\"/api/v1/cities/iran-2018:isfahan/peers\""))
            }
            try await client.execute(uri: "/cities/iran-2018:isfahan?lang=fa", method: .get) { response in
                let html = response.text
                let section = try #require(html.range(of: "id=\"peer-cities\"")).upperBound
                let end = html.range(of: "</table>", range: section..<html.endIndex)?.upperBound ?? html.endIndex
                let table = String(html[section..<end])
                #expect(table.contains("\u{06F0}") || table.contains("\u{06F1}"))
                // Figures in Persian digits: no ASCII digit outside tags and ids.
                // (A standard's Latin name, M49, keeps its digits as digits() keeps them.)
                let text = table.replacing(/<[^>]*>/, with: "").replacing(/[a-z0-9-]+:[a-z0-9-]+/, with: "").replacing(/[A-Z]+[0-9]+/, with: "")
                #expect(!text.contains(where: { $0.isASCII && $0.isNumber }), "\(text)")
            }
        }
    }

    @Test("Bad parameters are 400 with the field, an unknown city or scheme 404")
    func errors() async throws {
        try await ObservatoryFixture.withClient { client in
            for (query, field, status) in [("top=0", "top", HTTPResponse.Status.badRequest), ("top=x", "top", .badRequest), ("top=101", "top", .badRequest), ("scheme=none", "scheme", .notFound)] {
                try await client.execute(uri: "/api/v1/cities/iran-2018:tehran/peers?\(query)", method: .get) { response in
                    #expect(response.status == status, "\(query)")
                    let body = try response.json() as? [String: Any]
                    #expect(body?["field"] as? String == field, "\(query)")
                }
            }
            try await client.execute(uri: "/api/v1/cities/nowhere:none/peers", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
