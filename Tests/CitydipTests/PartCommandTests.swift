import CityDiplomacyCore
import CityDiplomacyStorage
import Foundation
import Testing

/// `--aggregate-parts` on the commands that count partners, against a database holding Berlin,
/// its districts Mitte and Pankow, Paris and Moscow (Berlin and Mitte both twinned with Paris,
/// Pankow with Moscow, Mitte with Pankow).
@Suite("citydip counts a district as itself, or with its city under --aggregate-parts")
struct PartCommandTests {
    static func prepared() async throws -> CitydipProcess {
        let citydip = CitydipProcess()
        #expect(try citydip.run(["init"]).status == 0)
        let registry = try SQLiteRegistry(path: citydip.database.path)
        let source = SourceCitation(id: "parts:file", title: "twin_cities.csv")
        func city(_ slug: String, _ name: String, _ country: String, partOf: String? = nil) -> City {
            City(id: "parts:\(slug)", name: LocalizedText(en: name), country: CountryCode(unchecked: country), partOf: partOf.map { "parts:\($0)" })
        }
        func relation(_ city: String, _ partner: String, _ position: Int, _ kind: RelationKind = .sisterCity) -> BilateralRelation {
            BilateralRelation(id: "parts:\(city)/\(partner)", datasetID: "parts", cityID: "parts:\(city)", partnerID: "parts:\(partner)",
                              kind: kind, sources: [source], position: position)
        }
        try await registry.store(DatasetContent(
            dataset: Dataset(id: "parts", title: LocalizedText(en: "Districts")), sources: [source],
            cities: [city("berlin", "Berlin", "DE"), city("mitte", "Mitte", "DE", partOf: "berlin"), city("pankow", "Pankow", "DE", partOf: "berlin"),
                     city("paris", "Paris", "FR"), city("moscow", "Moscow", "RU")],
            relations: [relation("berlin", "paris", 0), relation("mitte", "paris", 1), relation("pankow", "moscow", 2),
                        relation("mitte", "pankow", 3, .partnership)]))
        return citydip
    }

    @Test("stats: Berlin has one partner and Mitte two; aggregated, Berlin has two and the output says what changed")
    func stats() async throws {
        let citydip = try await Self.prepared()
        defer { citydip.cleanUp() }
        let apart = try citydip.run(["stats", "--dataset", "parts"])
        #expect(apart.stdout.contains("| Berlin | Germany | 1 |"))
        #expect(apart.stdout.contains("| Mitte | Germany | 2 |"))
        #expect(!apart.stdout.contains("parts into"))
        let together = try citydip.run(["stats", "--dataset", "parts", "--aggregate-parts"])
        #expect(together.status == 0)
        #expect(together.stdout.contains("| Berlin | Germany | 2 |"))
        #expect(!together.stdout.contains("| Mitte |"))
        #expect(together.stdout.contains("Districts and other parts counted with their cities: 2 parts into 1 cities; 1 relations merged with another of the same pair and kind, 1 relations within one city left out."))
        let json = try citydip.run(["stats", "--dataset", "parts", "--aggregate-parts", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["aggregated_parts"] as? [String: Any])?["internal_relations_left_out"] as? Int == 1)
    }

    @Test("count --by city: Berlin lists its districts' relations when they are aggregated, and the note says so in Persian too")
    func count() async throws {
        let citydip = try await Self.prepared()
        defer { citydip.cleanUp() }
        let together = try citydip.run(["count", "--by", "city", "--dataset", "parts", "--aggregate-parts", "--format", "csv"])
        #expect(together.stdout.contains("parts:berlin,Berlin,2,100.0"))
        let persian = try citydip.run(["count", "--by", "city", "--dataset", "parts", "--aggregate-parts", "--lang", "fa"])
        #expect(persian.stdout.contains("۲ بخش در ۱ شهر"))
    }

    @Test("show names a district's city and a city's districts; aggregated, Berlin's relations are its districts' too")
    func show() async throws {
        let citydip = try await Self.prepared()
        defer { citydip.cleanUp() }
        let mitte = try citydip.run(["show", "Mitte"])
        #expect(mitte.stdout.contains("Part of: Berlin (parts:berlin)"))
        let berlin = try citydip.run(["show", "Berlin", "--dataset", "parts"])
        #expect(berlin.stdout.contains("Parts (2): Mitte, Pankow"))
        #expect(berlin.stdout.contains("## Bilateral relations (1)"))
        let together = try citydip.run(["show", "Berlin", "--dataset", "parts", "--aggregate-parts"])
        #expect(together.stdout.contains("## Bilateral relations (2)"))
        #expect(together.stdout.contains("Counted with its 2 parts: 1 relations merged with another of the same pair and kind, 1 relations within the city left out."))
    }

    @Test("relations --city Berlin --aggregate-parts lists its relations and its districts', each pair once")
    func relations() async throws {
        let citydip = try await Self.prepared()
        defer { citydip.cleanUp() }
        let apart = try citydip.run(["relations", "--city", "Berlin", "--dataset", "parts", "--format", "csv"])
        #expect(apart.stdout.split(separator: "\n").count == 1 + 1)
        let together = try citydip.run(["relations", "--city", "Berlin", "--dataset", "parts", "--aggregate-parts", "--format", "csv"])
        let rows = together.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.hasPrefix("parts,Berlin,") })
    }
}
