import CityDiplomacyCore
import CityDiplomacyStorage
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The observatory's registry with a dataset of Berlin, its districts Mitte and Pankow, Paris and
/// Moscow: Berlin and Mitte are both twinned with Paris, Pankow with Moscow.
enum PartsRegistry {
    static func make() async throws -> SQLiteRegistry {
        let registry = try await ObservatoryFixture.registry()
        let source = SourceCitation(id: "parts:file", title: "twin_cities.csv")
        func city(_ slug: String, _ name: String, _ persian: String, _ country: String, partOf: String? = nil) -> City {
            City(id: "parts:\(slug)", name: LocalizedText(en: name, fa: persian), country: CountryCode(unchecked: country), partOf: partOf.map { "parts:\($0)" })
        }
        func relation(_ city: String, _ partner: String, _ position: Int) -> BilateralRelation {
            BilateralRelation(id: "parts:\(city)/\(partner)", datasetID: "parts", cityID: "parts:\(city)", partnerID: "parts:\(partner)",
                              kind: .sisterCity, sources: [source], position: position)
        }
        try await registry.store(DatasetContent(
            dataset: Dataset(id: "parts", title: LocalizedText(en: "Districts")), sources: [source],
            cities: [city("berlin", "Berlin", "برلین", "DE"), city("mitte", "Mitte", "میته", "DE", partOf: "berlin"),
                     city("pankow", "Pankow", "پانکو", "DE", partOf: "berlin"), city("paris", "Paris", "پاریس", "FR"), city("moscow", "Moscow", "مسکو", "RU")],
            relations: [relation("berlin", "paris", 0), relation("mitte", "paris", 1), relation("pankow", "moscow", 2)]))
        return registry
    }
}

@Suite("A district's page says what it is part of; a city's lists its parts, and a switch counts them with it")
struct PartPagesTests {
    @Test("Berlin's page lists its districts and offers to count them with it; counted, it says so and switches back")
    func cityPage() async throws {
        try await ObservatoryFixture.withClient(registry: try await PartsRegistry.make()) { client in
            try await client.execute(uri: "/cities/parts:berlin", method: .get) { response in
                let html = response.text
                #expect(response.status == .ok)
                #expect(html.contains("Parts (2): "))
                #expect(html.contains(#"href="/cities/parts:mitte"><bdi>Mitte</bdi></a>"#))
                #expect(html.contains(#"<a href="/cities/parts:berlin?aggregate_parts=true"><bdi>Count districts with their cities</bdi></a>"#))
                #expect(html.contains("Relations (1)"))
            }
            try await client.execute(uri: "/cities/parts:berlin?aggregate_parts=true", method: .get) { response in
                let html = response.text
                #expect(html.contains("Relations (2)"))
                #expect(html.contains("Counted with its 2 parts: 1 relations merged"))
                #expect(html.contains(#"<a href="/cities/parts:berlin"><bdi>Count districts apart from their cities</bdi></a>"#))
                #expect(html.contains(#"href="/cities/parts:mitte?aggregate_parts=true""#))
            }
            try await client.execute(uri: "/cities/parts:berlin?lang=fa&aggregate_parts=true", method: .get) { response in
                let html = response.text
                #expect(html.contains("بخش‌ها (۲)"))
                #expect(html.contains("<bdi>میته</bdi></a>، <a"))
                #expect(html.contains(#"<a href="/cities/parts:berlin?lang=fa"><bdi>شمارش بخش‌ها جدا از شهرشان</bdi></a>"#))
                #expect(html.contains("همراه با ۲ بخش خود شمرده شده است"))
            }
            try await client.execute(uri: "/cities/parts:mitte", method: .get) { response in
                #expect(response.text.contains(#"<p>Part of <a href="/cities/parts:berlin"><bdi>Berlin</bdi></a></p>"#))
            }
            try await client.execute(uri: "/cities/parts:berlin?aggregate_parts=maybe", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("aggregate_parts"))
            }
            // A city whose partners are no parts and that has none offers no switch.
            try await client.execute(uri: "/cities/iran-2018:tehran", method: .get) { response in
                #expect(!response.text.contains("aggregate_parts"))
            }
        }
    }

    @Test("The dashboard ranks Berlin with its districts' partners when switched, keeps the dataset, and says so")
    func dashboard() async throws {
        try await ObservatoryFixture.withClient(registry: try await PartsRegistry.make()) { client in
            try await client.execute(uri: "/?dataset=parts", method: .get) { response in
                #expect(response.text.contains(#"<a href="/?dataset=parts&amp;aggregate_parts=true"><bdi>Count districts with their cities</bdi></a>"#))
                #expect(!response.text.contains("parts into"))
            }
            try await client.execute(uri: "/?dataset=parts&aggregate_parts=true", method: .get) { response in
                let html = response.text
                #expect(html.contains("Districts and other parts counted with their cities: 2 parts into 1 cities; 1 relations merged"))
                #expect(html.contains(#"<a href="/?dataset=parts"><bdi>Count districts apart from their cities</bdi></a>"#))
                #expect(html.contains(#"/cities/parts:berlin?aggregate_parts=true"#))
                #expect(!html.contains("Mitte (DE)"))
            }
        }
    }

    @Test("The API counts parts with their cities when asked: statistics and a city's profile say what changed")
    func api() async throws {
        try await ObservatoryFixture.withClient(registry: try await PartsRegistry.make()) { client in
            try await client.execute(uri: "/api/v1/statistics?dataset=parts", method: .get) { response in
                let object = try #require(try response.json() as? [String: Any])
                #expect(object["aggregated_parts"] is NSNull)
                let top = try #require(object["top_cities"] as? [[String: Any]])
                #expect(top.contains { $0["city_id"] as? String == "parts:mitte" })
            }
            try await client.execute(uri: "/api/v1/statistics?dataset=parts&aggregate_parts=true", method: .get) { response in
                let object = try #require(try response.json() as? [String: Any])
                let parts = try #require(object["aggregated_parts"] as? [String: Any])
                #expect(parts["parts"] as? Int == 2)
                #expect(parts["relations_merged"] as? Int == 1)
                let top = try #require(object["top_cities"] as? [[String: Any]])
                #expect(top.first?["city_id"] as? String == "parts:berlin")
                #expect(top.first?["degree"] as? Int == 2)
            }
            try await client.execute(uri: "/api/v1/cities/parts:berlin?aggregate_parts=true", method: .get) { response in
                let object = try #require(try response.json() as? [String: Any])
                #expect((object["relations"] as? [Any])?.count == 2)
                #expect((object["parts"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["parts:mitte", "parts:pankow"])
                #expect((object["aggregated_parts"] as? [String: Any])?["parts"] as? Int == 2)
            }
            try await client.execute(uri: "/api/v1/cities/parts:mitte", method: .get) { response in
                let object = try #require(try response.json() as? [String: Any])
                #expect((object["part_of"] as? [String: Any])?["id"] as? String == "parts:berlin")
            }
        }
    }
}
