import CityDiplomacyImport
import CityDiplomacyPresentation

/// An import's quality report as people and scripts read it: `citydip quality --report json`,
/// `citydip import --report json` and `/api/v1/datasets/{id}/quality` all give this one shape,
/// and the observatory's quality page shows it.
///
/// The counts, the distances and the lists of names, pairs, coordinates and countries are given
/// whole; the places — one for each distinct place of the file, some 17,700 for Wikipedia's
/// lists — are a page (`{"total", "limit", "offset", "items"}`) of those of one status or of all.
/// The registry keeps the report in the importer's own Codable form; this is its presentation,
/// with snake_case keys in a fixed order like every other resource.
///
/// ```swift
/// let view = try await workspace.quality(dataset: "wikipedia-2026", places: PlaceSelection(status: .unresolved, limit: 100))
/// view.places.total            // unresolved places in all
/// view.placesByStatus          // [(.resolved, 7702), (.partResolved, …), …]
/// ```
public struct ImportQualityView: Encodable, Sendable {
    /// How far the file's coordinates lie from the gazetteer's points of the places resolved.
    public struct Distances: Encodable, Sendable {
        /// Places with both points.
        public var measured: Int
        public var upTo1km: Int
        public var from1To5km: Int
        public var from5To10km: Int
        public var from10To25km: Int
        /// None by the resolution rules; shown so that a breach would show.
        public var over25km: Int
        public var medianKilometres: Double
        public var p95Kilometres: Double
        public var maxKilometres: Double

        init(_ summary: ImportQualityReport.DistanceSummary) {
            measured = summary.measured
            upTo1km = summary.upTo1km
            from1To5km = summary.upTo5km
            from5To10km = summary.upTo10km
            from10To25km = summary.upTo25km
            over25km = summary.over25km
            medianKilometres = summary.medianKilometres
            p95Kilometres = summary.p95Kilometres
            maxKilometres = summary.maxKilometres
        }

        enum CodingKeys: String, CodingKey {
            case measured, upTo1km = "up_to_1_km", from1To5km = "from_1_to_5_km", from5To10km = "from_5_to_10_km"
            case from10To25km = "from_10_to_25_km", over25km = "over_25_km", medianKilometres = "median_kilometres", p95Kilometres = "p95_kilometres"
            case maxKilometres = "max_kilometres"
        }
    }

    /// One distinct place of the file, the city record it became, and the evidence.
    public struct Place: Encodable, Sendable, JSONValueRepresentable {
        /// As the file writes it.
        public var name: String
        public var country: String?
        /// The id of the city record.
        public var city: String
        public var status: PlaceStatusChoice
        public var geonamesID: Int?
        /// The gazetteer's name or alternate name that matched.
        public var matched: String?
        /// From the file's coordinates to the gazetteer's point.
        public var kilometres: Double?
        /// The city it is a district of.
        public var partOf: String?
        /// Why it resolved as it did, in the importer's words (English).
        public var reason: String
        /// Possible places, as `Name, CC (geonames id, population)`.
        public var candidates: [String]

        init(_ note: ImportQualityReport.PlaceNote) {
            name = note.name
            country = note.country
            city = note.city
            status = PlaceStatusChoice(note.status)
            geonamesID = note.geonamesID
            matched = note.matched
            kilometres = note.kilometres
            partOf = note.partOf
            reason = note.reason
            candidates = note.candidates
        }

        enum CodingKeys: String, CodingKey {
            case name, country, city, status, geonamesID = "geonames_id", matched, kilometres, partOf = "part_of", reason, candidates
        }

        /// The place's JSON, field for field as its synthesised `encode(to:)` gives it: a report
        /// lists places by the hundred thousand (see ``JSONValueRepresentable``).
        public var jsonValue: JSONValue {
            .object([
                (CodingKeys.name.stringValue, .string(name)),
                (CodingKeys.country.stringValue, country.map(JSONValue.string) ?? .null),
                (CodingKeys.city.stringValue, .string(city)),
                (CodingKeys.status.stringValue, .string(status.rawValue)),
                (CodingKeys.geonamesID.stringValue, geonamesID.map(JSONValue.number) ?? .null),
                (CodingKeys.matched.stringValue, matched.map(JSONValue.string) ?? .null),
                (CodingKeys.kilometres.stringValue, kilometres.map(JSONValue.double) ?? .null),
                (CodingKeys.partOf.stringValue, partOf.map(JSONValue.string) ?? .null),
                (CodingKeys.reason.stringValue, .string(reason)),
                (CodingKeys.candidates.stringValue, .array(candidates.map(JSONValue.string))),
            ])
        }
    }

    /// A name left unresolved, or resolved with low confidence.
    public struct Name: Encodable, Sendable, JSONValueRepresentable {
        public var name: String
        public var country: String?
        public var occurrences: Int
        /// The first rows it occurs in.
        public var lines: [Int]
        public var reason: String
        public var candidates: [String]

        init(_ note: ImportQualityReport.NameNote) {
            name = note.name
            country = note.country
            occurrences = note.occurrences
            lines = note.lines
            reason = note.reason
            candidates = note.candidates
        }

        enum CodingKeys: String, CodingKey { case name, country, occurrences, lines, reason, candidates }

        /// The name's JSON, field for field as its synthesised `encode(to:)` gives it: a report
        /// lists unresolved names by the hundred thousand (see ``JSONValueRepresentable``).
        public var jsonValue: JSONValue {
            .object([
                (CodingKeys.name.stringValue, .string(name)),
                (CodingKeys.country.stringValue, country.map(JSONValue.string) ?? .null),
                (CodingKeys.occurrences.stringValue, .number(occurrences)),
                (CodingKeys.lines.stringValue, .array(lines.map(JSONValue.number))),
                (CodingKeys.reason.stringValue, .string(reason)),
                (CodingKeys.candidates.stringValue, .array(candidates.map(JSONValue.string))),
            ])
        }
    }

    /// A row's coordinates that disagree with the place they name.
    public struct CoordinateIssue: Encodable, Sendable {
        public var line: Int
        public var name: String
        /// The coordinates as the file gives them.
        public var given: String
        /// The place the record was resolved to; `nil` when it was left unresolved.
        public var resolvedTo: String?
        /// The place the distance is measured to.
        public var nearest: String
        public var kilometres: Int
        public var problem: String

        init(_ note: ImportQualityReport.CoordinateNote) {
            line = note.line
            name = note.name
            given = note.given
            resolvedTo = note.resolvedTo
            nearest = note.nearest
            kilometres = note.kilometres
            problem = note.problem
        }

        enum CodingKeys: String, CodingKey {
            case line, name, given, resolvedTo = "resolved_to", nearest, kilometres, problem
        }
    }

    /// A country name the country list does not know (its cities are kept under `ZZ`).
    public struct UnknownCountry: Encodable, Sendable {
        public var country: String
        public var occurrences: Int
        public var lines: [Int]

        init(_ note: ImportQualityReport.CountryNote) {
            country = note.country
            occurrences = note.occurrences
            lines = note.lines
        }
    }

    /// A country the file names by a historical or unrecognised state's name.
    public struct CountryReading: Encodable, Sendable {
        public var country: String
        /// The ISO code of the country it was read as.
        public var readAs: String
        public var note: String
        public var occurrences: Int

        init(_ note: ImportQualityReport.CountryReadingNote) {
            country = note.country
            readAs = note.readAs
            self.note = note.note
            occurrences = note.occurrences
        }

        enum CodingKeys: String, CodingKey { case country, readAs = "read_as", note, occurrences }
    }

    /// Control or bidirectional characters taken out of a field's values.
    public struct RemovedCharacter: Encodable, Sendable {
        public var field: String
        /// As `U+001B`.
        public var character: String
        public var occurrences: Int
        public var lines: [Int]

        init(_ note: ImportQualityReport.RemovedCharacterNote) {
            field = note.field
            character = note.character
            occurrences = note.occurrences
            lines = note.lines
        }
    }

    /// A partner paired with a district and with the district's city.
    public struct DistrictAndCityPair: Encodable, Sendable {
        public var line: Int
        public var partner: String
        public var district: String
        public var city: String
        public var cityLine: Int

        init(_ note: ImportQualityReport.DistrictPairNote) {
            line = note.line
            partner = note.partner
            district = note.district
            city = note.city
            cityLine = note.cityLine
        }

        enum CodingKeys: String, CodingKey { case line, partner, district, city, cityLine = "city_line" }
    }

    /// A row whose two cities are one.
    public struct SelfPair: Encodable, Sendable {
        public var line: Int
        public var city1: String
        public var city2: String

        init(_ note: ImportQualityReport.PairNote) {
            line = note.line
            city1 = note.city1
            city2 = note.city2
        }
    }

    public var file: String
    public var format: String
    public var dataset: String
    public var contentHash: String
    public var rowsRead: Int
    public var relationsCreated: Int
    public var duplicatesMerged: Int
    public var citiesCreated: Int
    /// Distinct places resolved to the gazetteer (districts the gazetteer lists among them).
    public var citiesResolved: Int
    /// Districts of a gazetteer city that the gazetteer does not list.
    public var citiesPartOf: Int
    public var citiesAmbiguous: Int
    public var citiesUnresolved: Int
    /// Cities added because a district names them, though no row names them alone.
    public var parentsAdded: Int
    public var distances: Distances
    public var selfPairs: [SelfPair]
    public var domesticPairs: Int
    /// Domestic pairs by country code, most first (ties by code).
    public var domesticByCountry: [(code: String, pairs: Int)]
    public var unresolvedNames: [Name]
    /// Names resolved with low confidence or by choosing among namesakes.
    public var uncertainNames: [Name]
    public var coordinateIssues: [CoordinateIssue]
    public var unknownCountries: [UnknownCountry]
    /// Countries named by a historical or unrecognised state's name ("Prussia": DE).
    public var countryReadings: [CountryReading]
    /// Control and bidirectional characters taken out of the file's values.
    public var removedCharacters: [RemovedCharacter]
    /// Partners paired with both a district and its city.
    public var districtAndCityPairs: [DistrictAndCityPair]
    /// The places of each status, every status listed (a report stored before places had their
    /// evidence counts none).
    public var placesByStatus: [(status: PlaceStatusChoice, places: Int)]
    /// The places `selection` asks for.
    public var places: PageView<Place>

    /// Distinct places the file names (the cities added for their districts are not among them).
    public var placeCount: Int { citiesResolved + citiesPartOf + citiesAmbiguous + citiesUnresolved }

    public init(_ report: ImportQualityReport, places selection: PlaceSelection) {
        file = report.file
        format = report.format
        dataset = report.dataset
        contentHash = report.contentHash
        rowsRead = report.rowsRead
        relationsCreated = report.relationsCreated
        duplicatesMerged = report.duplicatesMerged
        citiesCreated = report.citiesCreated
        citiesResolved = report.citiesResolved
        citiesPartOf = report.citiesPartOf
        citiesAmbiguous = report.citiesAmbiguous
        citiesUnresolved = report.citiesUnresolved
        parentsAdded = report.parentsAdded
        distances = Distances(report.distances)
        selfPairs = report.selfPairs.map(SelfPair.init)
        domesticPairs = report.domesticPairs
        domesticByCountry = report.domesticByCountry.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        unresolvedNames = report.unresolvedNames.map(Name.init)
        uncertainNames = report.uncertainNames.map(Name.init)
        coordinateIssues = report.coordinateIssues.map(CoordinateIssue.init)
        unknownCountries = report.unknownCountries.map(UnknownCountry.init)
        countryReadings = report.countryReadings.map(CountryReading.init)
        removedCharacters = report.removedCharacters.map(RemovedCharacter.init)
        districtAndCityPairs = report.districtAndCityPairs.map(DistrictAndCityPair.init)
        var counts: [PlaceStatusChoice: Int] = [:]
        for place in report.places { counts[PlaceStatusChoice(place.status), default: 0] += 1 }
        placesByStatus = PlaceStatusChoice.allCases.map { ($0, counts[$0] ?? 0) }
        places = selection.page(of: report.places)
    }

    enum CodingKeys: String, CodingKey {
        case file, format, dataset, contentHash = "content_hash", rowsRead = "rows_read", relationsCreated = "relations_created"
        case duplicatesMerged = "duplicates_merged", citiesCreated = "cities_created", citiesResolved = "cities_resolved"
        case citiesPartOf = "cities_part_of", citiesAmbiguous = "cities_ambiguous", citiesUnresolved = "cities_unresolved"
        case parentsAdded = "parents_added", distances, selfPairs = "self_pairs", domesticPairs = "domestic_pairs"
        case domesticByCountry = "domestic_by_country", unresolvedNames = "unresolved_names", uncertainNames = "uncertain_names"
        case coordinateIssues = "coordinate_issues", unknownCountries = "unknown_countries", countryReadings = "country_readings"
        case removedCharacters = "removed_characters"
        case districtAndCityPairs = "district_and_city_pairs", placesByStatus = "places_by_status", places
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(format, forKey: .format)
        try container.encode(dataset, forKey: .dataset)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(rowsRead, forKey: .rowsRead)
        try container.encode(relationsCreated, forKey: .relationsCreated)
        try container.encode(duplicatesMerged, forKey: .duplicatesMerged)
        try container.encode(citiesCreated, forKey: .citiesCreated)
        try container.encode(citiesResolved, forKey: .citiesResolved)
        try container.encode(citiesPartOf, forKey: .citiesPartOf)
        try container.encode(citiesAmbiguous, forKey: .citiesAmbiguous)
        try container.encode(citiesUnresolved, forKey: .citiesUnresolved)
        try container.encode(parentsAdded, forKey: .parentsAdded)
        try container.encode(distances, forKey: .distances)
        try container.encode(selfPairs, forKey: .selfPairs)
        try container.encode(domesticPairs, forKey: .domesticPairs)
        var domestic = container.nestedContainer(keyedBy: NameKey.self, forKey: .domesticByCountry)
        for (code, pairs) in domesticByCountry { try domestic.encode(pairs, forKey: NameKey(code)) }
        try container.encode(unresolvedNames, forKey: .unresolvedNames)
        try container.encode(uncertainNames, forKey: .uncertainNames)
        try container.encode(coordinateIssues, forKey: .coordinateIssues)
        try container.encode(unknownCountries, forKey: .unknownCountries)
        try container.encode(countryReadings, forKey: .countryReadings)
        try container.encode(removedCharacters, forKey: .removedCharacters)
        try container.encode(districtAndCityPairs, forKey: .districtAndCityPairs)
        var byStatus = container.nestedContainer(keyedBy: NameKey.self, forKey: .placesByStatus)
        for (status, count) in placesByStatus { try byStatus.encode(count, forKey: NameKey(status.rawValue)) }
        try container.encode(places, forKey: .places)
    }
}

/// Which places of a quality report to list: those of one status (all when `nil`), `limit` at a
/// time (all when `nil`) from `offset` — as `citydip quality --status --limit --offset` and the
/// API's `status`, `limit` and `offset` ask.
public struct PlaceSelection: Hashable, Sendable {
    public var status: PlaceStatusChoice?
    public var limit: Int?
    public var offset: Int

    public init(status: PlaceStatusChoice? = nil, limit: Int? = nil, offset: Int = 0) {
        self.status = status
        self.limit = limit
        self.offset = offset
    }

    public func validate() throws(ApplicationError) {
        if let limit, limit < 1 { throw .invalid("limit", "invalid \(parameter: "limit") \(limit): expected a whole number of 1 or more") }
        guard offset >= 0 else { throw .invalid("offset", "invalid \(parameter: "offset") \(offset): expected 0 or more") }
    }

    /// The places of the file in its order, filtered and cut as asked.
    func page(of places: [ImportQualityReport.PlaceNote]) -> PageView<ImportQualityView.Place> {
        let matching = status.map { status in places.filter { PlaceStatusChoice($0.status) == status } } ?? places
        let start = min(offset, matching.count)
        let end = start + min(limit ?? matching.count, matching.count - start)
        return PageView(total: matching.count, limit: limit ?? matching.count, offset: offset,
                        items: matching[start..<end].map(ImportQualityView.Place.init))
    }
}
