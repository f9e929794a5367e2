import CityDiplomacyCore
import CityDiplomacyReferenceData
import Testing

/// The bundled study with its bundled schemes, periodisations and published values.
struct StudyFixture {
    let countries: CountryDirectory
    let study: DatasetContent
    let schemes: [String: ClassificationScheme]
    let periodisations: [String: Periodisation]
    let published: PublishedStudy

    init() throws {
        countries = try CountryDirectory.bundled()
        study = try #require(try BundledDatasets.load(id: "iran-2018", countries: countries))
        schemes = try BundledClassifications.schemes(countries: countries)
        periodisations = try BundledClassifications.periodisations()
        published = try #require(try BundledClassifications.publishedStudy(forDataset: "iran-2018"))
    }

    func scheme(_ id: String) throws -> ClassificationScheme { try #require(schemes[id]) }
    func periodisation(_ id: String) throws -> Periodisation { try #require(periodisations[id]) }
}
