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
    var countries: [Country] { workspace.countries }
    var countriesByCode: [CountryCode: Country] { workspace.countriesByCode }
    var schemes: [String: ClassificationScheme] { workspace.classifications.schemes }
    var periodisations: [String: Periodisation] { workspace.classifications.periodisations }

    init(registry: any CityDiplomacyRegistry, configuration: WebConfiguration) async throws {
        self.registry = registry
        self.configuration = configuration
        workspace = try await Workspace(registry: registry)
        // The first map page would otherwise wait for the gazetteer.
        workspace.locator.startLoading()
        cache = ResponseCache(lifetime: configuration.cacheLifetime)
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
