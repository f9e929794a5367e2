import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CityDiplomacyWeb

@Suite("Suggested partners on a city's page and in the API")
struct RecommendationPageTests {
    @Test("A city's page lists its suggested partners, each linked and with its reason, as the API gives them")
    func cityPage() async throws {
        try await ObservatoryFixture.withClient { client in
            var names: [String] = []
            try await client.execute(uri: "/api/v1/cities/iran-2018:isfahan/recommendations?top=5", method: .get) { response in
                #expect(response.status == .ok)
                let view = try #require(try response.json() as? [String: Any])
                let list = try #require(view["recommendations"] as? [[String: Any]])
                #expect(list.count == 5)
                names = list.compactMap { ($0["city"] as? [String: Any])?["name"] as? String }
            }
            try await client.execute(uri: "/cities/iran-2018:isfahan", method: .get) { response in
                let html = response.text
                #expect(html.contains("<h2 id=\"suggested-partners\">Suggested partners</h2>"))
                for name in names { #expect(html.contains("is suggested") && html.contains(name)) }
                #expect(html.contains("href=\"/api/v1/cities/iran-2018:isfahan/recommendations\""))
            }
            try await client.execute(uri: "/cities/iran-2018:isfahan?lang=fa", method: .get) { response in
                #expect(response.text.contains("\u{0634}\u{0631}\u{06CC}\u{06A9}\u{0627}\u{0646} \u{067E}\u{06CC}\u{0634}\u{0646}\u{0647}\u{0627}\u{062F}\u{06CC}"))
            }
        }
    }

    @Test("Bad parameters are 400 with the field, an unknown city or country 404, never 500")
    func errors() async throws {
        try await ObservatoryFixture.withClient { client in
            for (query, field, status) in [("top=0", "top", HTTPResponse.Status.badRequest), ("top=x", "top", .badRequest), ("exclude_country=Narnia", "exclude_country", .notFound)] {
                try await client.execute(uri: "/api/v1/cities/iran-2018:tehran/recommendations?\(query)", method: .get) { response in
                    #expect(response.status == status, "\(query)")
                    let body = try response.json() as? [String: Any]
                    #expect(body?["field"] as? String == field)
                }
            }
            try await client.execute(uri: "/api/v1/cities/nowhere:none/recommendations", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
