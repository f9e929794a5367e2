import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyStorage
import Foundation
import Testing

/// A country's relations are read from the indexes on the relations' ends, in two disjoint parts
/// (home city in the country; partner in it and home city not). Here every country of the study
/// and of the 800-row Wikipedia sample is held to what the unfiltered reads give, filtered by the
/// countries of the two ends in Swift: the page, its order, the count and the figures by partner
/// state and home city, with the dataset, kind and year filters and pages of several sizes.
@Suite("A country's relations are those with a city of it at either end")
struct CountryRelationQueryTests {
    static func registry() async throws -> SQLiteRegistry {
        let registry = try SQLiteRegistry()
        try await RegistrySeeding.seed(registry, refresh: false)
        _ = try await DatasetImport.run(ImportRequest(path: ColumnCountingTests.samplePath, format: .wikipediaCSV, dataset: ColumnCountingTests.sample),
                                        into: registry)
        return registry
    }

    /// The relations of `query` without its country, page or offset, kept where an end is in `country`.
    static func expected(_ query: RelationQuery, country: CountryCode, in registry: SQLiteRegistry) async throws -> [BilateralRelation] {
        var all = query
        all.country = nil
        all.limit = nil
        all.offset = 0
        let selection = try await registry.relations(matching: all)
        return selection.relations.filter { selection.cities[$0.cityID]?.country == country || selection.cities[$0.partnerID]?.country == country }
    }

    @Test("Pages, counts and figures of every country, with each filter")
    func everyCountry() async throws {
        let registry = try await Self.registry()
        let everything = try await registry.relations(matching: RelationQuery())
        let countries = Set(everything.cities.values.map(\.country)).sorted { $0.rawValue < $1.rawValue }
        #expect(countries.count > 50)
        // Some relations have both ends in one country: the two parts must not count them twice.
        let domestic = everything.relations.filter { everything.cities[$0.cityID]?.country == everything.cities[$0.partnerID]?.country }
        #expect(!domestic.isEmpty)
        let filters = [
            RelationQuery(), RelationQuery(datasetID: ColumnCountingTests.sample), RelationQuery(datasetID: "iran-2018"),
            RelationQuery(kind: .sisterCity), RelationQuery(signedFrom: 1990), RelationQuery(datasetID: ColumnCountingTests.sample, signedTo: 2000),
        ]
        for country in countries {
            for filter in filters {
                var query = filter
                query.country = country
                let expected = try await Self.expected(query, country: country, in: registry)
                #expect(try await registry.relations(matching: query).relations.map(\.id) == expected.map(\.id), "\(query)")
                #expect(try await registry.countRelations(matching: query) == expected.count, "\(query)")
                for (limit, offset) in [(1, 0), (3, 2), (100, 1)] {
                    query.limit = limit
                    query.offset = offset
                    let page = expected.dropFirst(offset).prefix(limit).map(\.id)
                    #expect(try await registry.relations(matching: query).relations.map(\.id) == Array(page), "\(query)")
                }
            }
            let ends = try await Self.expected(RelationQuery(), country: country, in: registry).map { relation in
                (relation.cityID, everything.cities[relation.cityID]!.country, relation.partnerID, everything.cities[relation.partnerID]!.country)
            }
            #expect(try await registry.countryRelationCounts(country) == CountryRelationCounts(country: country, ends: ends), "\(country)")
        }
    }
}
