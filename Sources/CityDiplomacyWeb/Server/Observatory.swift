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

    /// The bundled gazetteer, loaded once per process on first use (it takes most of a second).
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

/// Rendered GET responses, kept until the registry's revision changes, and dropped on every
/// write through the server.
///
/// The observatory is read far more than written, and its pages are computed from whole
/// datasets (seconds for a world-scale one): serving a rendered page from memory is what lets a
/// city page answer thousands of requests a second. The registry is asked for its revision at
/// most every ``WebConfiguration/cacheLifetime`` seconds, so a change made by another process
/// (a `citydip import`) shows after at most that long. When an entry is out of date, one request
/// renders it again while the others are still served the old copy, so that a change never sends
/// every connection to the database at once (under load that stampede set the p99 latency).
final class ResponseCache: Sendable {
    struct Entry: Sendable {
        var body: String
        var contentType: String
        var revision: String
        var refreshing = false
    }

    enum Lookup {
        /// Serve this.
        case hit(Entry)
        /// Serve nothing yet: render, then ``put(_:body:contentType:revision:)``.
        case miss
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let known = Mutex<(revision: String, checked: Date)?>(nil)
    /// Counts ``clear()``s, so that a revision asked for before a write is not kept after it.
    private let generation = Mutex(0)
    let lifetime: Double
    /// Beyond this many entries the cache starts again empty rather than grow without bound.
    private let capacity = 4096

    init(lifetime: Double) {
        self.lifetime = lifetime
    }

    var isEnabled: Bool { lifetime > 0 }

    /// The registry's revision, asked again when the last answer is older than the lifetime.
    func revision(asking registry: any CityDiplomacyRegistry) async throws -> String {
        let now = Date()
        if let known = known.withLock({ $0 }), now.timeIntervalSince(known.checked) < lifetime {
            return known.revision
        }
        let before = generation.withLock { $0 }
        let revision = try await registry.revision()
        if generation.withLock({ $0 }) == before {
            known.withLock { $0 = (revision, now) }
        }
        return revision
    }

    func lookup(_ key: String, revision: String) -> Lookup {
        guard isEnabled else { return .miss }
        return entries.withLock { entries in
            guard var entry = entries[key] else { return .miss }
            if entry.revision == revision || entry.refreshing { return .hit(entry) }
            entry.refreshing = true
            entries[key] = entry
            return .miss
        }
    }

    func put(_ key: String, body: String, contentType: String, revision: String) {
        guard isEnabled else { return }
        let entry = Entry(body: body, contentType: contentType, revision: revision)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }

    /// Forgets that `key` is being rendered again (the rendering failed).
    func abandon(_ key: String) {
        entries.withLock { entries in entries[key]?.refreshing = false }
    }

    /// Drops every entry and the known revision (after a write through the server).
    func clear() {
        generation.withLock { $0 += 1 }
        entries.withLock { $0.removeAll() }
        known.withLock { $0 = nil }
    }
}
