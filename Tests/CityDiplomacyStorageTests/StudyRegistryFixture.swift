import CityDiplomacyCore
import CityDiplomacyReferenceData
import CityDiplomacyStorage
import Testing

/// The reference countries, the study's dataset, and an in-memory registry holding both: what
/// the storage suites start from.
struct StudyRegistryFixture {
    let countries: CountryDirectory
    let study: DatasetContent

    init() throws {
        countries = try CountryDirectory.bundled()
        study = try #require(try BundledDatasets.load(id: "iran-2018", countries: countries))
    }

    func seededRegistry() async throws -> SQLiteRegistry {
        let registry = try SQLiteRegistry()
        try await registry.storeCountries(countries.countries)
        try await registry.store(study)
        return registry
    }
}
