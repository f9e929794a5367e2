import CityDiplomacyAnalysis
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import Synchronization

/// What every route reads: the registry, the reference data and classifications, and the cache of
/// rendered responses.
final class Observatory: Sendable {
    let registry: any CityDiplomacyRegistry
    let configuration: WebConfiguration
    /// The use cases the API and the pages call, as the CLI calls them.
    let workspace: Workspace
    let cache: ResponseCache
    /// Datasets' charts as drawn and as rendered on the dashboard, kept per registry revision
    /// (``DatasetCharts/drawn(observatory:context:content:aggregating:)``): counting a dataset by
    /// region, period and kind, then rendering its bars, were most of a warm dashboard's time.
    let drawnCharts = RevisionCache<String, DatasetCharts.Drawn>(capacity: 32)
    /// Datasets' citation boxes as rendered, kept per registry revision (``CitationPages/boxes(_:version:)``).
    let citeBoxes = RevisionCache<String, [String]>(capacity: 32)
    var countries: [Country] { workspace.countries }
    var countriesByCode: [CountryCode: Country] { workspace.countriesByCode }
    var schemes: [String: ClassificationScheme] { workspace.classifications.schemes }
    var periodisations: [String: Periodisation] { workspace.classifications.periodisations }

    init(registry: any CityDiplomacyRegistry, configuration: WebConfiguration) async throws {
        self.registry = registry
        self.configuration = configuration
        workspace = try await Workspace(registry: registry)
        // Start reading the gazetteer now, in the background, so that the first city page does
        // not wait for it (6.7 s in a debug build when it was loaded on first use).
        workspace.locator.startLoading()
        cache = ResponseCache(lifetime: configuration.cacheLifetime, byteCapacity: configuration.cacheBytes)
    }

    /// The content of dataset `id` (the study's when `nil`), or a 404 naming the datasets there are.
    func content(ofDataset id: String?) async throws -> DatasetContent {
        try await WebError.answering { try await workspace.content(ofDataset: id) }
    }

    /// Where a city is drawn on a map: its own coordinates, else those of the gazetteer place its
    /// English name resolves to in its country (`fromGazetteer` says which), else nowhere.
    func location(of city: City) async -> (coordinates: Coordinates, fromGazetteer: Bool)? {
        await workspace.locator.location(of: city).map { ($0.coordinates, $0.method == .gazetteer) }
    }

    func countryName(_ code: CountryCode, _ language: Language) -> String {
        countriesByCode[code]?.name[language] ?? code.rawValue
    }
}
