import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyStorage
import Foundation
import Testing

/// A dataset as an import of Wikipedia's list makes it: Berlin with 17 partners of its own and its
/// twelve districts with 79 relations — 5 of them with Berlin's own partners, 3 partners shared by
/// two districts each, 68 partners of one district — and one relation between two districts.
enum BerlinFixture {
    static let dataset = "berlin-import"
    static let berlin = "\(dataset):berlin"
    static let districts = ["Mitte", "Friedrichshain-Kreuzberg", "Pankow", "Charlottenburg-Wilmersdorf", "Spandau", "Steglitz-Zehlendorf",
                            "Tempelhof-Schöneberg", "Neukölln", "Treptow-Köpenick", "Marzahn-Hellersdorf", "Lichtenberg", "Reinickendorf"]
    static let countries = ["FR", "PL", "TR", "US", "CN", "JP", "RU", "IT", "ES", "GB"]

    static func id(_ slug: String) -> String { "\(dataset):\(slug)" }

    static func content() -> DatasetContent {
        let source = SourceCitation(id: id("file"), title: "twin_cities.csv")
        var cities = [City(id: berlin, name: LocalizedText(en: "Berlin", fa: "برلین"), country: CountryCode(unchecked: "DE"))]
        cities += districts.enumerated().map { index, name in
            City(id: id("d\(index)"), name: LocalizedText(en: "\(name) (Berlin)"), country: CountryCode(unchecked: "DE"), partOf: berlin)
        }
        func partner(_ slug: String, _ number: Int) -> City {
            City(id: id(slug), name: LocalizedText(en: "Partner \(slug)"), country: CountryCode(unchecked: countries[number % countries.count]))
        }
        let own = (1...17).map { partner("p\($0)", $0) }
        let shared = (1...3).map { partner("q\($0)", $0) }
        let single = (1...68).map { partner("r\($0)", $0) }
        cities += own + shared + single
        var relations: [BilateralRelation] = []
        func relate(_ city: String, _ partner: String, _ kind: RelationKind = .sisterCity) {
            relations.append(BilateralRelation(
                id: "\(city)/\(partner.dropFirst(dataset.count + 1))/\(kind.rawValue)", datasetID: dataset, cityID: city, partnerID: partner,
                kind: kind, sources: [source], position: relations.count, importRows: [relations.count + 2]))
        }
        for city in own { relate(berlin, city.id) }
        for (index, city) in own.prefix(5).enumerated() { relate(id("d\(index)"), city.id) }
        for (index, city) in shared.enumerated() {
            relate(id("d\(index)"), city.id)
            relate(id("d\(index + 3)"), city.id)
        }
        for (index, city) in single.enumerated() { relate(id("d\(index % districts.count)"), city.id) }
        relate(id("d0"), id("d2"), .partnership)
        return DatasetContent(dataset: Dataset(id: dataset, title: LocalizedText(en: "Berlin, as imported")), sources: [source],
                              cities: cities, relations: relations)
    }

    static func workspace() async throws -> Workspace {
        let registry = try SQLiteRegistry()
        try await RegistrySeeding.seed(registry, refresh: false)
        try await registry.store(content())
        return try await Workspace(registry: registry)
    }
}

@Suite("Districts are counted as themselves, and with their city when asked")
struct PartCountingTests {
    @Test("By default Berlin has its 17 partners and each district its own")
    func apart() async throws {
        let workspace = try await BerlinFixture.workspace()
        let stats = try await workspace.statistics(dataset: BerlinFixture.dataset, top: 20)
        #expect(stats.topCities.first { $0.cityID == BerlinFixture.berlin }?.degree == 17)
        #expect(stats.topCities.contains { $0.city == "Mitte (Berlin)" })
        #expect(stats.aggregation == nil)
        #expect(stats.relations == 17 + 79 + 1)
        let json = try OrderedJSONEncoder().encode(stats).serialized(pretty: false)
        #expect(json.hasSuffix(#""aggregated_parts":null}"#))
    }

    @Test("Aggregated, Berlin has 96 partners less the 8 its districts share with it or each other")
    func together() async throws {
        let workspace = try await BerlinFixture.workspace()
        let stats = try await workspace.statistics(dataset: BerlinFixture.dataset, top: 20, aggregateParts: true)
        #expect(stats.topCities.first?.cityID == BerlinFixture.berlin)
        #expect(stats.topCities.first?.degree == 17 + 79 - 8)
        #expect(!stats.topCities.contains { $0.city.hasSuffix("(Berlin)") })
        #expect(stats.relations == 17 + 79 - 8)
        #expect(stats.cities == 1 + 17 + 3 + 68)
        let parts = try #require(stats.aggregation)
        #expect((parts.parts, parts.cities, parts.relationsMerged, parts.internalRelationsLeftOut) == (12, 1, 8, 1))
        #expect(parts.note.en.hasPrefix("Districts and other parts counted with their cities: 12 parts into 1 cities; 8 relations merged"))
        let json = try OrderedJSONEncoder().encode(stats).serialized(pretty: false)
        #expect(json.hasSuffix(#""aggregated_parts":{"parts":12,"cities":1,"relations_merged":8,"internal_relations_left_out":1,"ignored_links":[]}}"#))
    }

    @Test("Counting by city: Berlin lists 17 relations, or 88 with its districts, and the table says so")
    func count() async throws {
        let workspace = try await BerlinFixture.workspace()
        let by = [try DimensionName(parsing: "city")]
        let apart = try await workspace.count(CountRequest(by: by, dataset: BerlinFixture.dataset, rank: true))
        #expect(apart.rows.first { $0[0] == .identifier(BerlinFixture.berlin) }?[2] == .number(17))
        let together = try await workspace.count(CountRequest(by: by, dataset: BerlinFixture.dataset, rank: true, aggregateParts: true))
        #expect(together.rows.first?[0] == .identifier(BerlinFixture.berlin))
        #expect(together.rows.first?[2] == .number(88))
        #expect(together.rows.count == 1)
        #expect(together.notes.contains { $0.en.contains("12 parts into 1 cities") })
        #expect(!apart.notes.contains { $0.en.contains("parts into") })
    }

    @Test("Berlin's profile lists its districts; aggregated, it counts their partners as its own")
    func profile() async throws {
        let workspace = try await BerlinFixture.workspace()
        let apart = try await workspace.cityProfile(id: BerlinFixture.berlin)
        #expect(apart.profile.relations.count == 17)
        #expect(apart.profile.parts.map(\.name.en) == BerlinFixture.districts.map { "\($0) (Berlin)" })
        #expect(apart.profile.whole == nil)
        let together = try await workspace.cityProfile(id: BerlinFixture.berlin, aggregateParts: true)
        #expect(together.profile.relations.count == 88)
        #expect(Set(together.profile.relations.map(\.partner.id)).count == 88)
        #expect(together.profile.parts.count == 12)
        let parts = try #require(together.aggregation)
        #expect((parts.parts, parts.relationsMerged, parts.internalRelationsLeftOut) == (12, 8, 1))
        #expect(parts.note.en.hasPrefix("Counted with its 12 parts: 8 relations merged"))

        let mitte = try await workspace.cityProfile(id: BerlinFixture.id("d0"))
        #expect(mitte.profile.whole?.id == BerlinFixture.berlin)
        let json = try OrderedJSONEncoder().encode(mitte).serialized(pretty: false)
        #expect(json.contains(#""part_of":{"id":"berlin-import:berlin","#))
        #expect(json.hasSuffix(#""parts":[],"aggregated_parts":null}"#))
        // A district asked about with aggregation stays itself: its relation with Pankow is now one with Berlin.
        let mitteTogether = try await workspace.cityProfile(id: BerlinFixture.id("d0"), aggregateParts: true)
        #expect(mitteTogether.profile.city.id == BerlinFixture.id("d0"))
        #expect(mitteTogether.profile.relations.contains { $0.partner.id == BerlinFixture.berlin })
    }

    @Test("Relations of Berlin: its own, or its districts' too, each merged pair once")
    func relations() async throws {
        let workspace = try await BerlinFixture.workspace()
        let apart = try await workspace.relations(RelationFilter(dataset: BerlinFixture.dataset, city: "Berlin"))
        #expect(apart.total == 17)
        #expect(apart.aggregation == nil)
        let together = try await workspace.relations(RelationFilter(dataset: BerlinFixture.dataset, city: "Berlin"), aggregateParts: true)
        #expect(together.total == 88)
        #expect(together.selection.relations.allSatisfy { $0.involves(BerlinFixture.berlin) })
        #expect(together.aggregation?.relationsMerged == 8)
        #expect(together.aggregation?.internalRelationsLeftOut == 1)
        let page = try await workspace.relations(RelationFilter(dataset: BerlinFixture.dataset, city: "Berlin"), limit: 10, offset: 80, aggregateParts: true)
        #expect(page.total == 88 && page.selection.relations.count == 8)
        let shared = try #require(together.selection.relations.first { $0.partnerID == BerlinFixture.id("p1") })
        #expect(shared.importRows.count == 2)
        let all = try await workspace.relations(RelationFilter(dataset: BerlinFixture.dataset), aggregateParts: true)
        #expect(all.total == 88)
    }

    @Test("The study's dataset has no parts: aggregated, its counts are unchanged and say so")
    func studyUnchanged() async throws {
        let workspace = try await WorkspaceFixture.workspace()
        let apart = try await workspace.statistics(dataset: "iran-2018", top: 5)
        let together = try await workspace.statistics(dataset: "iran-2018", top: 5, aggregateParts: true)
        #expect(together.relations == apart.relations && together.cities == apart.cities)
        #expect(together.topCities.map(\.degree) == apart.topCities.map(\.degree))
        #expect(together.aggregation?.parts == 0)
    }
}
