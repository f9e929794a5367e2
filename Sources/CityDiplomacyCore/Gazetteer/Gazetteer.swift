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
/// Ürümqi, Urumqi and its Persian spellings all find the same city.
///
/// ```swift
/// let places = gazetteer.entries(named: "Urumqi")          // [Ürümqi, CN]
/// let near = gazetteer.nearest(to: tehranCoordinates, withinKilometres: 20)
/// ```
public struct Gazetteer: Sendable {
    /// Every place, made into an entry when read.
    public var entries: GazetteerEntries { GazetteerEntries(columns: columns) }
    private let columns: GazetteerColumns
    let names: GazetteerNameIndex
    private let grid: GazetteerGrid
    private let byGeonameID: [Int: Int32]
    /// The cosine of each place's latitude, taken once for the haversines of nearest-place searches.
    private let latitudeCosines: [Double]

    public init(entries: [GazetteerEntry]) {
        self.init(columns: GazetteerColumns(entries: entries))
    }

    /// A gazetteer of the places in `columns` (``GazetteerColumns``), as a file reader builds it.
    package init(columns: GazetteerColumns) {
        self.columns = columns
        names = GazetteerNameIndex(columns)
        grid = GazetteerGrid(latitudes: columns.latitudes, longitudes: columns.longitudes)
        var byGeonameID: [Int: Int32] = [:]
        byGeonameID.reserveCapacity(columns.count)
        for (position, id) in columns.geonameIDs.enumerated() { byGeonameID[id] = Int32(position) }
        self.byGeonameID = byGeonameID
        latitudeCosines = columns.latitudes.map { cos($0 * (Double.pi / 180)) }
    }

    /// Positions of the places one of whose names has the search key of `name`, most populous
    /// first: resolution compares countries, sizes and distances by position, and copies out
    /// only the entry it answers with.
    func positions(named name: String) -> [Int] {
        let populations = columns.populations
        return names.places(key: PersianText.searchKey(name)).map(Int.init).sorted { populations[$0] > populations[$1] }
    }

    func country(at position: Int) -> CountryCode { columns.countries[position] }
    /// The places of a country. A scan: it serves the few names that need it (numbered districts).
    func positions(in country: CountryCode) -> [Int] { columns.countries.indices.filter { columns.countries[$0] == country } }
    func position(geonameID: Int) -> Int? { byGeonameID[geonameID].map(Int.init) }
    func population(at position: Int) -> Int { columns.populations[position] }
    func kilometres(from point: Coordinates, to position: Int) -> Double {
        point.kilometres(toLatitude: columns.latitudes[position], longitude: columns.longitudes[position])
    }

    /// The place with a GeoNames id, if the gazetteer has it.
    public func entry(geonameID: Int) -> GazetteerEntry? {
        byGeonameID[geonameID].map { columns.entry(at: Int($0)) }
    }

    /// Places one of whose names has the same search key as `name`, most populous first.
    public func entries(named name: String) -> [GazetteerEntry] {
        positions(named: name).map(columns.entry(at:))
    }

    /// The place nearest to a point, if one lies within the distance: none within a negative or
    /// NaN one, the nearest of all within an infinite one.
    public func nearest(to point: Coordinates, withinKilometres limit: Double, in country: CountryCode? = nil) -> (entry: GazetteerEntry, kilometres: Double)? {
        var best: (index: Int, kilometres: Double, haversine: Double)?
        scanCandidates(near: point, withinKilometres: limit, in: country) { index, a in
            // The last step, from the haversine `a` to kilometres (an arc tangent), grows with
            // `a`: a candidate whose `a` is not below the best one's cannot be nearer, and its
            // distance is not taken.
            if a >= (best?.haversine ?? .infinity) { return false }
            let distance = Coordinates.meanEarthRadius * 2 * atan2(sqrt(a), sqrt(1 - a))
            if distance <= limit, distance < (best?.kilometres ?? .infinity) { best = (index, distance, a) }
            return false
        }
        return best.map { (self.columns.entry(at: $0.index), $0.kilometres) }
    }

    /// Whether a place (of `country`, if given) lies within the distance of a point: whether
    /// ``nearest(to:withinKilometres:in:)`` finds one, answered at the first place found rather
    /// than after every candidate. An import asks it of every place given with coordinates that
    /// did not resolve near them (most places of the synthetic benchmark files): the full search
    /// was a third of the CPU time of resolving the places of a 1,000,000-row file (perf,
    /// 2026-12-04).
    public func hasPlace(near point: Coordinates, withinKilometres limit: Double, in country: CountryCode? = nil) -> Bool {
        var found = false
        scanCandidates(near: point, withinKilometres: limit, in: country) { _, a in
            found = Coordinates.meanEarthRadius * 2 * atan2(sqrt(a), sqrt(1 - a)) <= limit
            return found
        }
        return found
    }

    /// Calls `visit` with the position and haversine `a` of each place (of `country`, if given)
    /// that may lie within `limit` km of `point`, until it returns `true`: every place within the
    /// limit is visited, and a place beyond it only where rounding leaves the bounds unsure, so
    /// that `visit` must still compare the distance.
    @inline(__always)
    private func scanCandidates(near point: Coordinates, withinKilometres limit: Double, in country: CountryCode?, _ visit: (Int, Double) -> Bool) {
        guard limit >= 0 else { return }
        let radians = Double.pi / 180
        // Only the cells that meet the box of latitudes and longitudes within reach, rather than
        // every cell around the point's: 30 km reaches into one to four cells of 1°, not nine
        // (`GazetteerGrid`). A degree of latitude is at least 110 km; no place is farther than
        // half the circumference, which bounds the reach of a larger limit.
        let reach = min(limit, Coordinates.halfCircumference)
        let latitudeLimit = reach / 110
        let rows = Int(floor(max(-90, point.latitude - latitudeLimit)))...Int(floor(min(90, point.latitude + latitudeLimit)))
        let longitudeLimit = Self.longitudeReach(around: point, withinKilometres: reach, latitudeReach: latitudeLimit)
        let columns = Self.longitudeCells(around: point, reach: longitudeLimit)
        let latitudes = self.columns.latitudes, longitudes = self.columns.longitudes
        let countries = self.columns.countries, keys = self.columns.countryKeys, cosines = latitudeCosines
        // The country compared as a number (a code of other than two ASCII letters also as text):
        // reading and comparing each candidate's code as a string took 0.44 s of the 1.4 s of CPU
        // these searches took in a 250,000-row import (perf).
        let wanted = country.map(GazetteerColumns.countryKey)
        // The haversine of ``Coordinates/kilometres(toLatitude:longitude:)``, written out with the
        // cosines of the latitudes taken once (the point's here, the places' when the grid was
        // made): the same operations in the same order, so the same distances to the last bit.
        // Its last step, from the haversine `a` to kilometres, grows with `a`: a candidate whose
        // `a` is beyond the limit's cannot be within it, and is not visited. The limit's `a` is
        // raised by a part in a billion, far above the rounding of either side, so that no place
        // within the limit is skipped.
        let pointCosine = cos(point.latitude * radians)
        let limitHaversine = limit >= Coordinates.halfCircumference ? 1.0 : pow(sin(limit / (2 * Coordinates.meanEarthRadius)), 2) * (1 + 1e-9)
        for latitude in rows {
            for longitude in columns {
                for position in grid.places(inCell: GazetteerGrid.cell(latitude: latitude, longitude: longitude)) {
                    let index = Int(position)
                    if let wanted, keys[index] != wanted || (wanted == .max && countries[index] != country) { continue }
                    if abs(latitudes[index] - point.latitude) > latitudeLimit { continue }
                    // The same bound in longitude, as the shorter way round: a cell of 1° is wider
                    // than a reach of 30 km, and without it most candidates of a crowded cell had
                    // their haversine taken (two sines) only to fall outside (perf: the search and
                    // its sines were a third of the samples while a million-row import resolved
                    // its places).
                    if let longitudeLimit {
                        let apart = abs(longitudes[index] - point.longitude)
                        if min(apart, 360 - apart) > longitudeLimit { continue }
                    }
                    let dLat = (latitudes[index] - point.latitude) * radians
                    let dLng = (longitudes[index] - point.longitude) * radians
                    let a = sin(dLat / 2) * sin(dLat / 2) + pointCosine * cosines[index] * sin(dLng / 2) * sin(dLng / 2)
                    if a > limitHaversine { continue }
                    if visit(index, a) { return }
                }
            }
        }
    }

    /// The longitudes of the cells (their western edges in whole degrees, unwrapped) that a
    /// search must look at for a reach in degrees of longitude
    /// (``longitudeReach(around:withinKilometres:latitudeReach:)``): every one, once, where the
    /// reach is `nil`.
    static func longitudeCells(around point: Coordinates, reach: Double?) -> ClosedRange<Int> {
        guard let reach else { return Int(floor(point.longitude)) - 180...Int(floor(point.longitude)) + 179 }
        return Int(floor(point.longitude - reach))...Int(floor(point.longitude + reach))
    }

    /// How far in degrees of longitude, the shorter way round, a place `limit` km from `point`
    /// or closer can lie, where `latitudeReach` bounds how far in latitude it can; `nil` where it
    /// may lie at any longitude (near a pole, or a limit of half the globe).
    ///
    /// Two places `limit` km apart or closer differ in longitude by at most
    /// 2·asin(sin(limit / 2R) / cos φ), φ the latitude nearest a pole within reach (the
    /// haversine's `cos φ₁ cos φ₂ sin²(Δλ/2)` is at most its whole); that reach is widened by a
    /// part in a billion against rounding.
    static func longitudeReach(around point: Coordinates, withinKilometres limit: Double, latitudeReach: Double) -> Double? {
        let radians = Double.pi / 180
        let poleward = abs(point.latitude) + latitudeReach
        guard poleward < 90 else { return nil }
        let sine = sin(limit / (2 * Coordinates.meanEarthRadius)) / cos(poleward * radians)
        guard sine < 1 else { return nil }
        let reach = 2 * asin(sine) / radians * (1 + 1e-9) + 1e-9
        return reach < 179 ? reach : nil
    }
}

/// The places of a gazetteer as entries, each made when it is read (see ``GazetteerColumns``).
public struct GazetteerEntries: RandomAccessCollection, Sendable {
    let columns: GazetteerColumns

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.count }
    public subscript(position: Int) -> GazetteerEntry { columns.entry(at: position) }
}

extension Coordinates {
    /// The IUGG mean Earth radius in kilometres, the sphere of these distances.
    static let meanEarthRadius = 6371.0088
    /// No two places are farther apart on that sphere.
    static let halfCircumference = Double.pi * meanEarthRadius

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
        return Self.meanEarthRadius * 2 * atan2(sqrt(a), sqrt(1 - a))
    }
}
