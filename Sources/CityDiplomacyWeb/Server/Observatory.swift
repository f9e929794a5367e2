import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import Synchronization

/// What every route reads: the registry, the reference data and classifications, and the cache of
/// rendered responses.
final class Observatory: Sendable {
    let registry: any CityDiplomacyRegistry
    let configuration: WebConfiguration
    let countries: [Country]
    let countriesByCode: [CountryCode: Country]
    let schemes: [String: ClassificationScheme]
    let periodisations: [String: Periodisation]
    let cache: ResponseCache
    let directory: CountryDirectory
    /// Where cities without coordinates were found in the gazetteer (`nil`: not found), by id.
    private let located = Mutex<[String: Coordinates?]>([:])

    /// The bundled gazetteer, loaded once per process (it takes most of a second, several in a
    /// debug build): the task starts when the first observatory is built, see ``init``.
    private static let gazetteer = Task<Gazetteer?, Never> { try? Gazetteer.bundled() }

    init(registry: any CityDiplomacyRegistry, configuration: WebConfiguration) async throws {
        self.registry = registry
        self.configuration = configuration
        var countries = try await registry.countries()
        if countries.isEmpty { countries = try CountryDirectory.bundled().countries }
        self.countries = countries
        countriesByCode = Dictionary(countries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let directory = CountryDirectory(countries: countries)
        self.directory = directory
        schemes = try BundledClassifications.schemes(countries: directory)
        periodisations = try BundledClassifications.periodisations()
        cache = ResponseCache(lifetime: configuration.cacheLifetime)
        // Start reading the gazetteer now, in the background, so that the first city page does
        // not wait for it (6.7 s in a debug build when it was loaded on first use).
        _ = Self.gazetteer
    }

    /// The dataset a page or table shows when none is asked for: the first bundled one (the study's).
    func defaultDatasetID() async throws -> String? {
        let datasets = try await registry.datasets()
        return (datasets.first(where: \.isBundled) ?? datasets.first)?.id
    }

    /// The content of dataset `id`, or a 404 naming the datasets there are.
    func content(ofDataset id: String?) async throws -> DatasetContent {
        var chosen = id
        if chosen == nil { chosen = try await defaultDatasetID() }
        guard let id = chosen else { throw WebError.notFound("dataset") }
        guard let content = try await registry.content(ofDataset: id) else {
            let known = try await registry.datasets().map(\.id)
            throw WebError(.notFound, "unknown dataset '\(id)': known datasets are \(known.joined(separator: ", "))", field: "dataset")
        }
        return content
    }

    /// Where a city is drawn on a map: its own coordinates, else those of the gazetteer place its
    /// English name resolves to in its country (`fromGazetteer` says which), else nowhere.
    func location(of city: City) async -> (coordinates: Coordinates, fromGazetteer: Bool)? {
        if let coordinates = city.coordinates { return (coordinates, false) }
        if let known = located.withLock({ $0[city.id] }) { return known.map { ($0, true) } }
        guard let gazetteer = await Self.gazetteer.value else { return nil }
        let resolution = PlaceResolver(gazetteer: gazetteer, countries: directory).resolve(name: city.name.en, country: city.country.rawValue)
        let found = resolution.entry?.coordinates
        located.withLock { $0[city.id] = .some(found) }
        return found.map { ($0, true) }
    }

    func countryName(_ code: CountryCode, _ language: Language) -> String {
        countriesByCode[code]?.name[language] ?? code.rawValue
    }
}
