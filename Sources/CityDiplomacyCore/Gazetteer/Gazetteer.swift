import Foundation

/// A place of the gazetteer: a GeoNames populated place with its names in Latin and Arabic
/// script and its Persian name.
public struct GazetteerEntry: Hashable, Sendable {
    public var geonameID: Int
    public var name: String
    public var coordinates: Coordinates
    public var country: CountryCode
    public var admin1: String
    public var population: Int
    /// The place's name in Persian: a curated spelling for the places users see most (the
    /// study's own for its cities), else the Persian form among GeoNames' Arabic-script names —
    /// never an Arabic, Urdu, Pashto or Uyghur spelling (`scripts/derive-gazetteer.py`).
    public var persianName: String?
    public var alternateNames: [String]

    public init(
        geonameID: Int, name: String, coordinates: Coordinates, country: CountryCode, admin1: String, population: Int,
        persianName: String? = nil, alternateNames: [String]
    ) {
        self.geonameID = geonameID
        self.name = name
        self.coordinates = coordinates
        self.country = country
        self.admin1 = admin1
        self.population = population
        self.persianName = persianName
        self.alternateNames = alternateNames
    }
}

/// An offline gazetteer: places looked up by any of their names, or by coordinates.
///
/// Built once from the bundled GeoNames extract (`Gazetteer.bundled()` in
/// `CityDiplomacyReferenceData`); lookups compare names by ``PersianText/searchKey(_:)`` so that
/// Ürümqi, Urumqi, اورومچی and ارومچی all find the same city.
///
/// ```swift
/// let places = gazetteer.entries(named: "Urumqi")          // [Ürümqi, CN]
/// let near = gazetteer.nearest(to: tehranCoordinates, withinKilometres: 20)
/// ```
public struct Gazetteer: Sendable {
    public let entries: [GazetteerEntry]
    /// Coordinates and countries beside the entries, so that distance queries touch no strings.
    private let latitudes: [Double]
    private let longitudes: [Double]
    private let countries: [CountryCode]
    private let populations: [Int]
    private let byKey: [String: [Int32]]
    /// Entries by 1°×1° cell, for nearest-place queries.
    private let grid: [Int32: [Int32]]
    private let byGeonameID: [Int: Int32]

    public init(entries: [GazetteerEntry]) {
        self.entries = entries
        // Keying some 220,000 names is most of the cost of building the gazetteer: it runs on every core.
        let keyed = entries.concurrentMap { entry in
            var names: Set<String> = [PersianText.searchKey(entry.name)]
            if let persian = entry.persianName { names.insert(PersianText.searchKey(persian)) }
            for name in entry.alternateNames { names.insert(PersianText.searchKey(name)) }
            return names.filter { !$0.isEmpty }.sorted()
        }
        var byKey: [String: [Int32]] = [:]
        byKey.reserveCapacity(entries.count * 8)
        var grid: [Int32: [Int32]] = [:]
        var byGeonameID: [Int: Int32] = [:]
        byGeonameID.reserveCapacity(entries.count)
        for (position, keys) in keyed.enumerated() {
            byGeonameID[entries[position].geonameID] = Int32(position)
            for key in keys { byKey[key, default: []].append(Int32(position)) }
            grid[Self.cell(entries[position].coordinates), default: []].append(Int32(position))
        }
        self.byKey = byKey
        self.grid = grid
        self.byGeonameID = byGeonameID
        latitudes = entries.map(\.coordinates.latitude)
        longitudes = entries.map(\.coordinates.longitude)
        countries = entries.map(\.country)
        populations = entries.map(\.population)
    }

    static func cell(_ point: Coordinates) -> Int32 {
        cell(latitude: Int(floor(point.latitude)), longitude: Int(floor(point.longitude)))
    }

    static func cell(latitude: Int, longitude: Int) -> Int32 {
        let wrapped = ((longitude + 180) % 360 + 360) % 360
        return Int32((latitude + 90) * 360 + wrapped)
    }

    /// Positions of the places one of whose names has the search key of `name`, most populous
    /// first: resolution compares countries, sizes and distances by position, and copies out
    /// only the entry it answers with.
    func positions(named name: String) -> [Int] {
        guard let indices = byKey[PersianText.searchKey(name)] else { return [] }
        return indices.map(Int.init).sorted { populations[$0] > populations[$1] }
    }

    func country(at position: Int) -> CountryCode { countries[position] }
    /// The places of a country. A scan: it serves the few names that need it (numbered districts).
    func positions(in country: CountryCode) -> [Int] { countries.indices.filter { countries[$0] == country } }
    func position(geonameID: Int) -> Int? { byGeonameID[geonameID].map(Int.init) }
    func population(at position: Int) -> Int { populations[position] }
    func kilometres(from point: Coordinates, to position: Int) -> Double {
        point.kilometres(toLatitude: latitudes[position], longitude: longitudes[position])
    }

    /// The place with a GeoNames id, if the gazetteer has it.
    public func entry(geonameID: Int) -> GazetteerEntry? {
        byGeonameID[geonameID].map { entries[Int($0)] }
    }

    /// Places one of whose names has the same search key as `name`, most populous first.
    public func entries(named name: String) -> [GazetteerEntry] {
        let key = PersianText.searchKey(name)
        guard let indices = byKey[key] else { return [] }
        return indices.sorted { populations[Int($0)] > populations[Int($1)] }.map { entries[Int($0)] }
    }

    /// The place nearest to a point, if one lies within the distance.
    public func nearest(to point: Coordinates, withinKilometres limit: Double, in country: CountryCode? = nil) -> (entry: GazetteerEntry, kilometres: Double)? {
        let latitude = Int(floor(point.latitude))
        let longitude = Int(floor(point.longitude))
        // Cells are 1°×1°: a degree of latitude is at least 110 km, a degree of longitude shrinks
        // with the cosine of the latitude nearest the pole within reach.
        let latitudeSpan = max(1, Int(ceil(limit / 110)))
        let poleward = min(89.9, abs(point.latitude) + Double(latitudeSpan))
        let longitudeSpan = min(180, max(1, Int(ceil(limit / (111.19 * cos(poleward * Double.pi / 180))))))
        var best: (index: Int, kilometres: Double)?
        // A degree of latitude is at least 110 km: candidates farther in latitude are skipped
        // before the trigonometry.
        let latitudeLimit = limit / 110
        for dLat in -latitudeSpan...latitudeSpan {
            for dLng in -longitudeSpan...longitudeSpan {
                guard let indices = grid[Self.cell(latitude: latitude + dLat, longitude: longitude + dLng)] else { continue }
                for position in indices {
                    let index = Int(position)
                    if let country, countries[index] != country { continue }
                    if abs(latitudes[index] - point.latitude) > latitudeLimit { continue }
                    let distance = point.kilometres(toLatitude: latitudes[index], longitude: longitudes[index])
                    if distance <= limit, distance < (best?.kilometres ?? .infinity) { best = (index, distance) }
                }
            }
        }
        return best.map { (entries[$0.index], $0.kilometres) }
    }
}

extension Coordinates {
    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    public func kilometres(to other: Coordinates) -> Double {
        kilometres(toLatitude: other.latitude, longitude: other.longitude)
    }

    func kilometres(toLatitude otherLatitude: Double, longitude otherLongitude: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (otherLatitude - latitude) * radians
        let dLng = (otherLongitude - longitude) * radians
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * radians) * cos(otherLatitude * radians) * sin(dLng / 2) * sin(dLng / 2)
        return 6371.0088 * 2 * atan2(sqrt(a), sqrt(1 - a))
    }
}
