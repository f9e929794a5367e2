import CityDiplomacyCore
import CityDiplomacyReferenceData
import Synchronization

/// Where a city is drawn on a map or exported as a point: its own coordinates, else those of
/// the gazetteer place its English name resolves to in its country, else nowhere.
///
/// The study's records carry no coordinates, so its cities are placed by name; the map pages and
/// the GeoJSON export both ask this one locator, and say which points were placed so.
///
/// ```swift
/// let locator = CityLocator(countries: directory)
/// locator.startLoading()                       // the gazetteer takes most of a second
/// await locator.location(of: tehran)?.method   // .gazetteer
/// ```
public final class CityLocator: Sendable {
    public enum Method: String, Sendable {
        /// The record's own coordinates.
        case record
        /// Found by name in the bundled GeoNames gazetteer.
        case gazetteer
    }

    public struct Location: Hashable, Sendable {
        public var coordinates: Coordinates
        public var method: Method
    }

    private let countries: CountryDirectory
    /// Loads the gazetteer once, when first needed or when ``startLoading()`` asks ahead.
    private let loading = Mutex<Task<Result<Gazetteer, any Error>, Never>?>(nil)
    /// Gazetteer answers by country and English name (`nil`: not found), so a place is resolved
    /// once per process, and a city renamed by an edit is looked up again.
    private let found = Mutex<[String: Coordinates?]>([:])

    public init(countries: CountryDirectory) {
        self.countries = countries
    }

    /// Starts loading the gazetteer in the background (a server does so at start, so that its
    /// first map page does not wait for it).
    public func startLoading() {
        _ = gazetteerTask()
    }

    /// Waits until the gazetteer is loaded.
    public func ready() async {
        _ = await gazetteerTask().value
    }

    /// Why the gazetteer could not be loaded, if it could not: then no city without coordinates
    /// is placed, and whoever runs the locator should say so.
    public func loadFailure() async -> String? {
        if case let .failure(error) = await gazetteerTask().value { return "\(error)" }
        return nil
    }

    private func gazetteerTask() -> Task<Result<Gazetteer, any Error>, Never> {
        loading.withLock { task in
            if let task { return task }
            let started = Task.detached(priority: .utility) { Result { try Gazetteer.bundled() } }
            task = started
            return started
        }
    }

    public func location(of city: City) async -> Location? {
        if let coordinates = city.coordinates { return Location(coordinates: coordinates, method: .record) }
        let key = "\(city.country.rawValue)|\(city.name.en)"
        if let known = found.withLock({ $0[key] }) { return known.map { Location(coordinates: $0, method: .gazetteer) } }
        guard case let .success(gazetteer) = await gazetteerTask().value else { return nil }
        let coordinates = PlaceResolver(gazetteer: gazetteer, countries: countries).locate(name: city.name.en, country: city.country.rawValue)?.coordinates
        found.withLock { $0[key] = .some(coordinates) }
        return coordinates.map { Location(coordinates: $0, method: .gazetteer) }
    }

    /// The locations of `cities` that can be placed, by id.
    public func locations(of cities: some Sequence<City>) async -> [String: Location] {
        var result: [String: Location] = [:]
        for city in cities {
            if let location = await location(of: city) { result[city.id] = location }
        }
        return result
    }
}
