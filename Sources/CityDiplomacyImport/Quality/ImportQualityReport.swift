import CityDiplomacyCore
import Foundation

/// What an import found in a file: counts, and every name, pair and coordinate that needs a
/// person's eye. Kept with the dataset for `citydip quality`; this target holds the data only —
/// people read it through the application's `ImportQualityView`, rendered in their language.
public struct ImportQualityReport: Hashable, Sendable, Codable {
    public struct PairNote: Hashable, Sendable, Codable {
        public var line: Int
        public var city1: String
        public var city2: String
    }

    public struct NameNote: Hashable, Sendable, Codable {
        public var name: String
        public var country: String?
        public var occurrences: Int
        /// The first rows it occurs in.
        public var lines: [Int]
        public var reason: String
        /// Possible places, as `Name, CC (geonames id, population)`.
        public var candidates: [String]
    }

    public struct CoordinateNote: Hashable, Sendable, Codable {
        public var line: Int
        public var name: String
        public var given: String
        /// The place the record was resolved to; `nil` when it was left unresolved.
        public var resolvedTo: String?
        /// The place the distance is measured to: the nearest namesake not taken, or the place of
        /// another country at the coordinates.
        public var nearest: String
        public var kilometres: Int
        public var problem: String
    }

    /// A country the file names by a historical or unrecognised state's name, and what it was read as.
    public struct CountryReadingNote: Hashable, Sendable, Codable {
        public var country: String
        public var readAs: String
        public var note: String
        public var occurrences: Int
    }

    /// A relation of a district whose partner has one with the district's city too.
    public struct DistrictPairNote: Hashable, Sendable, Codable {
        /// The first row of the district's relation.
        public var line: Int
        public var partner: String
        public var district: String
        public var city: String
        /// The first row of the city's relation.
        public var cityLine: Int
    }

    /// How one distinct place of the file resolved, and on what evidence.
    public struct PlaceNote: Hashable, Sendable, Codable {
        public enum Status: String, Hashable, Sendable, Codable {
            /// A place of the gazetteer.
            case resolved
            /// A district of a gazetteer city that the gazetteer lists too.
            case partResolved = "part-resolved"
            /// A district of a gazetteer city that the gazetteer does not list.
            case part
            case ambiguous
            case unresolved
        }

        public var name: String
        public var country: String?
        /// The city record it became.
        public var city: String
        public var status: Status
        public var geonamesID: Int?
        /// The gazetteer's name or alternate name that matched.
        public var matched: String?
        /// From the file's coordinates to the gazetteer's point.
        public var kilometres: Double?
        /// The city it is a district of.
        public var partOf: String?
        public var reason: String
        public var candidates: [String]
    }

    /// The distances between the file's coordinates and the gazetteer's points of resolved places.
    public struct DistanceSummary: Hashable, Sendable, Codable {
        /// Places with both points.
        public var measured: Int
        /// Counts within 1, 5, 10 and 25 km (each bucket excludes the smaller ones).
        public var upTo1km: Int
        public var upTo5km: Int
        public var upTo10km: Int
        public var upTo25km: Int
        /// None, by the rule that nothing farther than 25 km is taken; counted so that a breach shows.
        public var over25km: Int
        public var medianKilometres: Double
        public var p95Kilometres: Double
        public var maxKilometres: Double

        enum CodingKeys: String, CodingKey {
            case measured, upTo1km, upTo5km, upTo10km, upTo25km, over25km, medianKilometres, p95Kilometres, maxKilometres
        }

        /// Reads a summary as stored; one stored before `over25km` existed had none over 25 km.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            measured = try container.decode(Int.self, forKey: .measured)
            upTo1km = try container.decode(Int.self, forKey: .upTo1km)
            upTo5km = try container.decode(Int.self, forKey: .upTo5km)
            upTo10km = try container.decode(Int.self, forKey: .upTo10km)
            upTo25km = try container.decode(Int.self, forKey: .upTo25km)
            over25km = try container.decodeIfPresent(Int.self, forKey: .over25km) ?? 0
            medianKilometres = try container.decode(Double.self, forKey: .medianKilometres)
            p95Kilometres = try container.decode(Double.self, forKey: .p95Kilometres)
            maxKilometres = try container.decode(Double.self, forKey: .maxKilometres)
        }

        public init(_ kilometres: [Double]) {
            let sorted = kilometres.sorted()
            measured = sorted.count
            upTo1km = sorted.count { $0 <= 1 }
            upTo5km = sorted.count { $0 > 1 && $0 <= 5 }
            upTo10km = sorted.count { $0 > 5 && $0 <= 10 }
            upTo25km = sorted.count { $0 > 10 && $0 <= 25 }
            over25km = sorted.count { $0 > 25 }
            func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }
            medianKilometres = sorted.isEmpty ? 0 : rounded(sorted[sorted.count / 2])
            p95Kilometres = sorted.isEmpty ? 0 : rounded(sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))])
            maxKilometres = rounded(sorted.last ?? 0)
        }
    }

    /// Control or bidirectional characters (``ControlCharacters``) taken out of one field's
    /// values: which character, how often, and the first rows it was in.
    public struct RemovedCharacterNote: Hashable, Sendable, Codable {
        public var field: String
        /// As `U+001B`.
        public var character: String
        public var occurrences: Int
        public var lines: [Int]
    }

    public struct CountryNote: Hashable, Sendable, Codable {
        public var country: String
        public var occurrences: Int
        public var lines: [Int]
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
    public var distances: DistanceSummary
    /// Every distinct place, with the evidence of its resolution.
    public var places: [PlaceNote]
    /// Relations of a district whose partner has one with the district's city too.
    public var districtAndCityPairs: [DistrictPairNote]
    public var selfPairs: [PairNote]
    public var domesticPairs: Int
    /// Domestic pairs by country, most first.
    public var domesticByCountry: [String: Int]
    public var unresolvedNames: [NameNote]
    /// Names resolved with low confidence or by choosing among namesakes.
    public var uncertainNames: [NameNote]
    public var coordinateIssues: [CoordinateNote]
    public var unknownCountries: [CountryNote]
    /// Countries named by a historical or unrecognised state's name ("Prussia": Germany).
    public var countryReadings: [CountryReadingNote]
    /// Control and bidirectional characters taken out of the file's values, by field and character.
    public var removedCharacters: [RemovedCharacterNote] = []

    enum CodingKeys: String, CodingKey {
        case file, format, dataset
        case contentHash = "content_hash"
        case rowsRead = "rows_read"
        case relationsCreated = "relations_created"
        case duplicatesMerged = "duplicates_merged"
        case citiesCreated = "cities_created"
        case citiesResolved = "cities_resolved"
        case citiesPartOf = "cities_part_of"
        case citiesAmbiguous = "cities_ambiguous"
        case citiesUnresolved = "cities_unresolved"
        case parentsAdded = "parents_added"
        case distances, places
        case districtAndCityPairs = "district_and_city_pairs"
        case selfPairs = "self_pairs"
        case domesticPairs = "domestic_pairs"
        case domesticByCountry = "domestic_by_country"
        case unresolvedNames = "unresolved_names"
        case uncertainNames = "uncertain_names"
        case coordinateIssues = "coordinate_issues"
        case unknownCountries = "unknown_countries"
        case countryReadings = "country_readings"
        case removedCharacters = "removed_characters"
    }

    /// The report as the registry stores it: compact JSON (a large import's report is a few
    /// megabytes). People and the API read it through `ImportQualityView`.
    ///
    /// With `onEveryCore: false`, its places are encoded on the calling thread only: for an
    /// import whose other core is busy storing the dataset meanwhile.
    public func json(onEveryCore: Bool = true) -> String {
        json(placesPerChunk: 10_000, onEveryCore: onEveryCore)
    }

    /// ``json()``, its places written `placesPerChunk` at a time on every core, and its places and
    /// names written by ``ReportNoteJSON`` rather than the encoder (3–4 s of both cores for a
    /// 1,000,000-row file's report, perf). The rest is encoded by the encoder, and the notes put in
    /// its empty arrays as it would have written them, so the text is the one a single encoding
    /// gives, byte for byte (`ImportQualityReportTests`).
    func json(placesPerChunk: Int, onEveryCore: Bool = true) -> String {
        let encoder = ReportNoteJSON.encoder
        func whole() -> String {
            (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "{}\n"
        }
        guard places.count > placesPerChunk || !uncertainNames.isEmpty || !unresolvedNames.isEmpty else { return whole() }
        var rest = self
        rest.places = []
        rest.uncertainNames = []
        rest.unresolvedNames = []
        guard let restData = try? encoder.encode(rest) else { return whole() }
        // `"places":[]` and the names' keys are top-level keys (no other object has them), and
        // cannot be inside a string, where every quote is escaped. Sorted keys put them in this order.
        var slots: [Range<Data.Index>] = []
        for key in ["places", "uncertain_names", "unresolved_names"] {
            guard let slot = restData.range(of: Data(#""\#(key)":[]"#.utf8), in: (slots.last?.upperBound ?? restData.startIndex)..<restData.endIndex)
            else { return whole() }
            slots.append(slot)
        }
        // Each chunk of places is written as it is copied out of them, not all of them first.
        let places = self.places
        let starts = Array(stride(from: 0, to: places.count, by: Swift.max(placesPerChunk, 1)))
        @Sendable func write(from start: Int) -> [UInt8] {
            var out: [UInt8] = []
            ReportNoteJSON.appendElements(places[start..<start + Swift.min(placesPerChunk, places.count - start)], to: &out, ReportNoteJSON.place)
            return out
        }
        var chunks: [[UInt8]?] = onEveryCore ? starts.concurrentMap(write(from:)) : starts.map(write(from:))
        var names: [[UInt8]] = [[], []]
        ReportNoteJSON.appendElements(uncertainNames, to: &names[0], ReportNoteJSON.name)
        ReportNoteJSON.appendElements(unresolvedNames, to: &names[1], ReportNoteJSON.name)
        let keys = [#""places":["#, #""uncertain_names":["#, #""unresolved_names":["#].map { Array($0.utf8) }
        let placesLength = chunks.reduce(0) { $0 + ($1?.count ?? 0) } + Swift.max(chunks.count - 1, 0)
        let length = restData.count - slots.reduce(0) { $0 + $1.count } + keys.reduce(0) { $0 + $1.count + 1 }
            + placesLength + names[0].count + names[1].count + 1
        // Written straight into the string, each chunk freed once copied: joined first and then
        // decoded, the text was held twice beside its chunks (two copies of 109 MB for a
        // 1,000,000-row file's report).
        return String(unsafeUninitializedCapacity: length) { buffer in
            var written = 0
            func write(_ bytes: some Collection<UInt8>) {
                written += UnsafeMutableBufferPointer(rebasing: buffer[written...]).initialize(fromContentsOf: bytes)
            }
            var from = restData.startIndex
            for (index, slot) in slots.enumerated() {
                write(restData[from..<slot.lowerBound])
                write(keys[index])
                if index == 0 {
                    for chunk in chunks.indices {
                        if chunk > 0 { write(CollectionOfOne(UInt8(ascii: ","))) }
                        write(chunks[chunk]!)
                        chunks[chunk] = nil
                    }
                } else {
                    write(names[index - 1])
                }
                write(CollectionOfOne(UInt8(ascii: "]")))
                from = slot.upperBound
            }
            write(restData[from...])
            write(CollectionOfOne(UInt8(ascii: "\n")))
            return written
        }
    }

    public static func decode(json: String) -> ImportQualityReport? {
        try? JSONDecoder().decode(ImportQualityReport.self, from: Data(json.utf8))
    }

    /// Distinct places the file names (the cities added for their districts are not among them).
    public var placeCount: Int { citiesResolved + citiesPartOf + citiesAmbiguous + citiesUnresolved }
}

extension ImportQualityReport {
    /// Reads a report as stored, also one stored before places had evidence and districts (those
    /// fields then read as empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        file = try container.decode(String.self, forKey: .file)
        format = try container.decode(String.self, forKey: .format)
        dataset = try container.decode(String.self, forKey: .dataset)
        contentHash = try container.decode(String.self, forKey: .contentHash)
        rowsRead = try container.decode(Int.self, forKey: .rowsRead)
        relationsCreated = try container.decode(Int.self, forKey: .relationsCreated)
        duplicatesMerged = try container.decode(Int.self, forKey: .duplicatesMerged)
        citiesCreated = try container.decode(Int.self, forKey: .citiesCreated)
        citiesResolved = try container.decode(Int.self, forKey: .citiesResolved)
        citiesPartOf = try container.decodeIfPresent(Int.self, forKey: .citiesPartOf) ?? 0
        citiesAmbiguous = try container.decodeIfPresent(Int.self, forKey: .citiesAmbiguous) ?? 0
        citiesUnresolved = try container.decode(Int.self, forKey: .citiesUnresolved)
        parentsAdded = try container.decodeIfPresent(Int.self, forKey: .parentsAdded) ?? 0
        distances = try container.decodeIfPresent(DistanceSummary.self, forKey: .distances) ?? DistanceSummary([])
        places = try container.decodeIfPresent([PlaceNote].self, forKey: .places) ?? []
        districtAndCityPairs = try container.decodeIfPresent([DistrictPairNote].self, forKey: .districtAndCityPairs) ?? []
        selfPairs = try container.decode([PairNote].self, forKey: .selfPairs)
        domesticPairs = try container.decode(Int.self, forKey: .domesticPairs)
        domesticByCountry = try container.decode([String: Int].self, forKey: .domesticByCountry)
        unresolvedNames = try container.decode([NameNote].self, forKey: .unresolvedNames)
        uncertainNames = try container.decode([NameNote].self, forKey: .uncertainNames)
        coordinateIssues = try container.decode([CoordinateNote].self, forKey: .coordinateIssues)
        unknownCountries = try container.decode([CountryNote].self, forKey: .unknownCountries)
        countryReadings = try container.decodeIfPresent([CountryReadingNote].self, forKey: .countryReadings) ?? []
        removedCharacters = try container.decodeIfPresent([RemovedCharacterNote].self, forKey: .removedCharacters) ?? []
    }
}

extension ImportQualityReport.CoordinateNote {
    enum CodingKeys: String, CodingKey { case line, name, given, resolvedTo, nearest, kilometres, problem }

    /// Reads a note as stored; one stored before `nearest` existed named the place measured to as
    /// `resolvedTo`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        line = try container.decode(Int.self, forKey: .line)
        name = try container.decode(String.self, forKey: .name)
        given = try container.decode(String.self, forKey: .given)
        let resolved = try container.decodeIfPresent(String.self, forKey: .resolvedTo)
        if let nearest = try container.decodeIfPresent(String.self, forKey: .nearest) {
            self.nearest = nearest
            resolvedTo = resolved
        } else {
            nearest = resolved ?? ""
            resolvedTo = nil
        }
        kilometres = try container.decode(Int.self, forKey: .kilometres)
        problem = try container.decode(String.self, forKey: .problem)
    }
}
