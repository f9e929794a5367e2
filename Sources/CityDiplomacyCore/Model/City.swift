/// A city, district or other local government that takes part in international relations.
///
/// Cities belong to a dataset like every record; their ``id`` is unique across datasets
/// (`iran-2018:tehran`). Names are kept in English and Persian with any other spellings as
/// aliases, so that a search for "Urumqi", "Ürümqi" or the Persian name finds the same city.
///
/// ```swift
/// let yazd = City(id: "iran-2018:yazd", name: LocalizedText.message("core.yazd"),
///                 country: CountryCode(unchecked: "IR"))
/// ```
public struct City: Identifiable, Hashable, Sendable, Codable {
    public var id: String
    public var name: LocalizedText
    /// Other spellings, transliterations and forms as printed in sources (garbled ones included,
    /// so that a reader of the source can find the record).
    public var aliases: [String]
    public var country: CountryCode
    public var coordinates: Coordinates?
    public var population: Int?
    public var geonamesID: Int?
    /// A Wikidata item such as `Q3616`.
    public var wikidataID: String?
    /// The city this place is a part of — a district, borough or ward of it, or a village or
    /// municipal part that a source names with it ("Mitte (Berlin)", "Seoul – Gangnam",
    /// "Budapest V"): the id of a city of the same dataset. Counted as itself by default, and
    /// with that city when an analysis aggregates parts.
    public var partOf: String?
    public var notes: String?
    /// The notes in Persian, where given.
    public var notesFa: String?

    public init(
        id: String, name: LocalizedText, aliases: [String] = [], country: CountryCode,
        coordinates: Coordinates? = nil, population: Int? = nil, geonamesID: Int? = nil,
        wikidataID: String? = nil, partOf: String? = nil, notes: String? = nil
    ) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.country = country
        self.coordinates = coordinates
        self.population = population
        self.geonamesID = geonamesID
        self.wikidataID = wikidataID
        self.partOf = partOf
        self.notes = notes
    }

    /// The notes in `language` (English where no Persian is recorded).
    public func notes(in language: Language) -> String? {
        language == .fa ? notesFa ?? notes : notes
    }

    /// The other spellings a reader of `language` is shown: every one in English; in Persian those
    /// in Persian script (a Latin spelling is English text on a Persian page).
    public func aliases(shownIn language: Language) -> [String] {
        language == .en ? aliases : aliases.filter { !PersianText.isLatinScript($0) }
    }

    /// Every name the city may be searched by: English, Persian and aliases.
    public var allNames: [String] {
        [name.en] + (name.fa.map { [$0] } ?? []) + aliases
    }
}

/// A point on the Earth in decimal degrees (WGS 84).
public struct Coordinates: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) throws(InvalidValue) {
        guard (-90...90).contains(latitude) else {
            throw InvalidValue(field: "latitude", value: String(latitude), expected: "a number from -90 to 90")
        }
        guard (-180...180).contains(longitude) else {
            throw InvalidValue(field: "longitude", value: String(longitude), expected: "a number from -180 to 180")
        }
        self.latitude = latitude
        self.longitude = longitude
    }
}
