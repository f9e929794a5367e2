import CityDiplomacyCore
import CityDiplomacyReferenceData
import CityDiplomacyStorage
import Foundation
import Testing

/// Datasets larger than one bulk statement (64 rows), as imports make them.
@Suite("Large datasets are stored whole, in bulk, or not at all")
struct BulkStoreTests {
    let countries: CountryDirectory

    init() throws {
        countries = try CountryDirectory.bundled()
    }

    /// `cityCount` cities in Iran and Turkey and a relation from each city to the next few.
    private func dataset(cities cityCount: Int, relationsPerCity: Int) throws -> DatasetContent {
        let source = SourceCitation(id: "bulk:file", title: "bulk.csv")
        let cities = try (0..<cityCount).map { index in
            City(id: "bulk:c\(index)", name: LocalizedText(en: "City \(index)", fa: index % 3 == 0 ? "شهر \(index)" : nil),
                 aliases: index % 5 == 0 ? ["Alias \(index)", ""] : [],
                 country: CountryCode(unchecked: index % 2 == 0 ? "IR" : "TR"),
                 coordinates: index % 4 == 0 ? nil : try Coordinates(latitude: Double(index % 80), longitude: Double(index % 170)),
                 population: index % 7 == 0 ? nil : index * 1000, geonamesID: index % 2 == 0 ? index : nil,
                 // An empty note stays empty, not NULL.
                 notes: index % 11 == 0 ? "" : (index % 13 == 0 ? "یادداشت \(index)" : nil))
        }
        var relations: [BilateralRelation] = []
        for index in 0..<cityCount {
            for step in 1...relationsPerCity where index + step < cityCount {
                relations.append(BilateralRelation(
                    id: "bulk:c\(index)/c\(index + step)/sister_city", datasetID: "bulk", cityID: "bulk:c\(index)",
                    partnerID: "bulk:c\(index + step)", kind: .sisterCity,
                    signed: index % 3 == 0 ? try PartialDate(parsing: "\(1990 + index % 30)") : nil,
                    themes: index % 9 == 0 ? [.culture, .economy] : [],
                    sources: [source], position: relations.count, importRows: [relations.count + 2]))
            }
        }
        return DatasetContent(dataset: Dataset(id: "bulk", title: LocalizedText(en: "Bulk")), sources: [source], cities: cities, relations: relations)
    }

    @Test("A dataset of many bulk statements and a partial last one reads back exactly", arguments: [1, 63, 64, 65, 1000])
    func roundTrip(cityCount: Int) async throws {
        let registry = try SQLiteRegistry()
        try await registry.storeCountries(countries.countries)
        let content = try dataset(cities: cityCount, relationsPerCity: 3)
        try await registry.store(content)
        let stored = try #require(try await registry.content(ofDataset: "bulk"))
        #expect(stored.cities == content.cities)
        #expect(stored.relations == content.relations)
        #expect(try await registry.findCities(named: "شهر 999", datasetID: "bulk").map(\.id) == (cityCount > 999 ? ["bulk:c999"] : []))
    }

    @Test("Countries stored with a dataset are stored with it, or not at all")
    func countriesWithDataset() async throws {
        let registry = try SQLiteRegistry()
        let withoutTurkey = countries.countries.filter { $0.code.rawValue != "TR" }
        try await registry.storeCountries(withoutTurkey)
        var broken = try dataset(cities: 10, relationsPerCity: 1)
        broken.relations.append(broken.relations[0])
        await #expect(throws: (any Error).self) { try await registry.store(broken, countries: countries.countries, progress: nil) }
        #expect(try await registry.countries().count == withoutTurkey.count)
        try await registry.store(try dataset(cities: 10, relationsPerCity: 1), countries: countries.countries, progress: nil)
        #expect(try await registry.countries().count == countries.countries.count)
    }

    @Test("A duplicate pair deep in a large dataset is named, and the database is left as it was")
    func duplicateInBulk() async throws {
        let registry = try SQLiteRegistry()
        try await registry.storeCountries(countries.countries)
        let original = try dataset(cities: 100, relationsPerCity: 2)
        try await registry.store(original)
        var content = try dataset(cities: 400, relationsPerCity: 2)
        // The pair of relation 300, reversed, among rows of the same bulk statement.
        var reversed = content.relations[300]
        swap(&reversed.cityID, &reversed.partnerID)
        reversed.id = "bulk:reversed"
        content.relations.insert(reversed, at: 310)
        do {
            try await registry.store(content)
            Issue.record("the duplicate pair was stored")
        } catch let RegistryError.duplicateRecord(id, _) {
            #expect(id == "bulk:reversed")
        }
        let after = try #require(try await registry.content(ofDataset: "bulk"))
        #expect(after.cities == original.cities)
        #expect(after.relations == original.relations)
    }
}
