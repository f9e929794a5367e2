import CityDiplomacyCore

// How records appear in JSON — in the API and in the CLI's `--format json` alike: snake_case
// keys in a fixed order, names in both languages, dates as written with their Gregorian years.
// `openapi.yaml` describes these shapes; the API tests hold the server to it.

/// A name in both languages: `{"en": …, "fa": … or null}`.
public struct LocalizedTextView: Encodable, Hashable, Sendable {
    public var en: String
    public var fa: String?

    public init(_ text: LocalizedText) {
        en = text.en
        fa = text.fa
    }
}

/// A date as written, its calendar and the Gregorian years it may fall in.
public struct DateView: Encodable, Hashable, Sendable {
    public var asWritten: String
    public var calendar: String
    public var gregorianYearMin: Int
    public var gregorianYearMax: Int

    public init(_ date: PartialDate) {
        asWritten = date.description
        calendar = date.calendar == .solarHijri ? "solar_hijri" : "gregorian"
        gregorianYearMin = date.gregorianYears.lowerBound
        gregorianYearMax = date.gregorianYears.upperBound
    }

    public init?(_ date: PartialDate?) {
        guard let date else { return nil }
        self.init(date)
    }

    enum CodingKeys: String, CodingKey {
        case asWritten = "as_written", calendar, gregorianYearMin = "gregorian_year_min", gregorianYearMax = "gregorian_year_max"
    }
}

public struct CountryView: Encodable, Hashable, Sendable {
    public var code: String
    public var alpha3: String
    public var name: LocalizedTextView
    public var aliases: [String]

    public init(_ country: Country) {
        code = country.code.rawValue
        alpha3 = country.alpha3
        name = LocalizedTextView(country.name)
        aliases = country.aliases
    }
}

public struct DatasetView: Encodable, Hashable, Sendable {
    public var id: String
    public var title: LocalizedTextView
    public var citation: String?
    public var description: String?
    public var provenance: String?
    public var sourceFile: String?
    public var contentHash: String?
    public var bundled: Bool

    public init(_ dataset: Dataset) {
        id = dataset.id
        title = LocalizedTextView(dataset.title)
        citation = dataset.citation
        description = dataset.description
        provenance = dataset.provenance
        sourceFile = dataset.sourceFile
        contentHash = dataset.contentHash
        bundled = dataset.isBundled
    }

    enum CodingKeys: String, CodingKey {
        case id, title, citation, description, provenance, sourceFile = "source_file", contentHash = "content_hash", bundled
    }
}

public struct CityView: Encodable, Hashable, Sendable {
    public var id: String
    public var name: LocalizedTextView
    public var aliases: [String]
    public var countryISO2: String
    public var latitude: Double?
    public var longitude: Double?
    public var population: Int?
    public var geonamesID: Int?
    public var wikidataID: String?
    /// The id of the city this place is a district or part of.
    public var partOf: String?
    public var notes: String?

    public init(_ city: City) {
        id = city.id
        name = LocalizedTextView(city.name)
        aliases = city.aliases
        countryISO2 = city.country.rawValue
        latitude = city.coordinates?.latitude
        longitude = city.coordinates?.longitude
        population = city.population
        geonamesID = city.geonamesID
        wikidataID = city.wikidataID
        partOf = city.partOf
        notes = city.notes
    }

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, countryISO2 = "country_iso2", latitude, longitude, population
        case geonamesID = "geonames_id", wikidataID = "wikidata_id", partOf = "part_of", notes
    }
}

public struct SourceView: Encodable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var url: String?
    public var publisher: String?
    public var language: String?
    public var published: DateView?
    public var accessed: DateView?
    public var locator: String?
    /// The title, publisher and locator as Persian output writes them, where given: a client that
    /// reads a source and writes it back keeps them.
    public var titleFa: String?
    public var publisherFa: String?
    public var locatorFa: String?
    /// Whether the dataset's editors added the source beside the publication it transcribes.
    public var supplement: Bool

    public init(_ source: SourceCitation) {
        id = source.id
        title = source.title
        url = source.url
        publisher = source.publisher
        language = source.language
        published = DateView(source.published)
        accessed = DateView(source.accessed)
        locator = source.locator
        titleFa = source.titleFa
        publisherFa = source.publisherFa
        locatorFa = source.locatorFa
        supplement = source.isSupplement
    }

    enum CodingKeys: String, CodingKey {
        case id, title, url, publisher, language, published, accessed, locator, supplement
        case titleFa = "title_fa", publisherFa = "publisher_fa", locatorFa = "locator_fa"
    }
}

/// A city of a relation: the whole city where it is known, else its id.
public enum CityReferenceView: Encodable, Hashable, Sendable {
    case city(CityView)
    case id(String)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case let .city(city): try city.encode(to: encoder)
        case let .id(id):
            var container = encoder.singleValueContainer()
            try container.encode(id)
        }
    }
}

public struct RelationView: Encodable, Hashable, Sendable {
    public var id: String
    public var dataset: String
    public var city: CityReferenceView
    public var partner: CityReferenceView
    public var kind: String
    public var status: String
    public var signed: DateView?
    public var themes: [String]
    public var notes: String?
    public var flags: [String]
    public var importRows: [Int]
    public var sources: [SourceView]

    /// `relation` with its two cities inline where `cities` holds them.
    public init(_ relation: BilateralRelation, cities: [String: City]) {
        func reference(_ id: String) -> CityReferenceView { cities[id].map { .city(CityView($0)) } ?? .id(id) }
        id = relation.id
        dataset = relation.datasetID
        city = reference(relation.cityID)
        partner = reference(relation.partnerID)
        kind = relation.kind.rawValue
        status = relation.status.rawValue
        signed = DateView(relation.signed)
        themes = relation.themes.map(\.rawValue)
        notes = relation.notes
        flags = relation.flags.map(\.rawValue)
        importRows = relation.importRows
        sources = relation.sources.map(SourceView.init)
    }

    enum CodingKeys: String, CodingKey {
        case id, dataset, city, partner, kind, status, signed, themes, notes, flags, importRows = "import_rows", sources
    }
}

public struct NetworkView: Encodable, Hashable, Sendable {
    public var id: String
    public var dataset: String
    public var name: LocalizedTextView
    public var acronym: String?
    public var scope: String
    public var category: String
    public var founded: DateView?
    public var seat: String?
    public var description: LocalizedTextView?
    /// The id of the network this one is a section of.
    public var partOf: String?
    public var sources: [SourceView]

    public init(_ network: CityNetwork) {
        id = network.id
        dataset = network.datasetID
        name = LocalizedTextView(network.name)
        acronym = network.acronym
        scope = network.scope.rawValue
        category = network.category.rawValue
        founded = DateView(network.founded)
        seat = network.seat
        description = network.description.map(LocalizedTextView.init)
        partOf = network.partOf
        sources = network.sources.map(SourceView.init)
    }

    enum CodingKeys: String, CodingKey {
        case id, dataset, name, acronym, scope, category, founded, seat, description, partOf = "part_of", sources
    }
}

public struct MembershipView: Encodable, Hashable, Sendable {
    public var id: String
    public var dataset: String
    public var city: String
    public var network: String
    public var role: LocalizedTextView?
    public var since: DateView?
    public var notes: String?
    public var sources: [SourceView]

    public init(_ membership: NetworkMembership) {
        id = membership.id
        dataset = membership.datasetID
        city = membership.cityID
        network = membership.networkID
        role = membership.role.map(LocalizedTextView.init)
        since = DateView(membership.since)
        notes = membership.notes
        sources = membership.sources.map(SourceView.init)
    }
}

public struct EventView: Encodable, Hashable, Sendable {
    public var id: String
    public var dataset: String
    public var city: String
    public var kind: String
    public var title: LocalizedTextView
    public var year: Int
    public var awardingBody: String?
    /// The awarding body in Persian, where given: a client that writes the event back keeps it.
    public var awardingBodyFa: String?
    public var notes: String?
    public var notesFa: String?
    public var sources: [SourceView]

    public init(_ event: InternationalEvent) {
        id = event.id
        dataset = event.datasetID
        city = event.cityID
        kind = event.kind.rawValue
        title = LocalizedTextView(event.title)
        year = event.year
        awardingBody = event.awardingBody
        awardingBodyFa = event.awardingBodyFa
        notes = event.notes
        notesFa = event.notesFa
        sources = event.sources.map(SourceView.init)
    }

    enum CodingKeys: String, CodingKey {
        case id, dataset, city, kind, title, year, awardingBody = "awarding_body", awardingBodyFa = "awarding_body_fa", notes, notesFa = "notes_fa", sources
    }
}

/// A page of results: `{"total", "limit", "offset", "items"}`.
public struct PageView<Item: Encodable & Sendable>: Encodable, Sendable {
    public var total: Int
    public var limit: Int
    public var offset: Int
    public var items: [Item]

    public init(total: Int, limit: Int, offset: Int, items: [Item]) {
        self.total = total
        self.limit = limit
        self.offset = offset
        self.items = items
    }
}
