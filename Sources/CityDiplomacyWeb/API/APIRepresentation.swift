import CityDiplomacyCore
import CityDiplomacyPresentation

/// How records appear in the JSON API: snake_case keys in a fixed order, names in both
/// languages, dates as written with their Gregorian years. Described in `openapi.yaml`.
enum APIRepresentation {
    static func text(_ value: LocalizedText?) -> JSONValue {
        guard let value else { return .null }
        return .object([("en", .string(value.en)), ("fa", value.fa.map(JSONValue.string) ?? .null)])
    }

    static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    static func date(_ value: PartialDate?) -> JSONValue {
        guard let value else { return .null }
        let years = value.gregorianYears
        return .object([
            ("as_written", .string(value.description)),
            ("calendar", .string(value.calendar == .solarHijri ? "solar_hijri" : "gregorian")),
            ("gregorian_year_min", .number(years.lowerBound)),
            ("gregorian_year_max", .number(years.upperBound)),
        ])
    }

    static func country(_ country: Country) -> JSONValue {
        .object([
            ("code", .string(country.code.rawValue)), ("alpha3", .string(country.alpha3)),
            ("name", text(country.name)), ("aliases", .array(country.aliases.map(JSONValue.string))),
        ])
    }

    static func dataset(_ dataset: Dataset) -> JSONValue {
        .object([
            ("id", .string(dataset.id)), ("title", text(dataset.title)), ("citation", optional(dataset.citation)),
            ("description", optional(dataset.description)), ("provenance", optional(dataset.provenance)),
            ("source_file", optional(dataset.sourceFile)), ("content_hash", optional(dataset.contentHash)),
            ("bundled", .bool(dataset.isBundled)),
        ])
    }

    static func city(_ city: City) -> JSONValue {
        .object([
            ("id", .string(city.id)), ("name", text(city.name)), ("aliases", .array(city.aliases.map(JSONValue.string))),
            ("country_iso2", .string(city.country.rawValue)),
            ("latitude", city.coordinates.map { .double($0.latitude) } ?? .null),
            ("longitude", city.coordinates.map { .double($0.longitude) } ?? .null),
            ("population", city.population.map(JSONValue.number) ?? .null),
            ("geonames_id", city.geonamesID.map(JSONValue.number) ?? .null),
            ("wikidata_id", optional(city.wikidataID)), ("notes", optional(city.notes)),
        ])
    }

    static func source(_ source: SourceCitation) -> JSONValue {
        .object([
            ("id", .string(source.id)), ("title", .string(source.title)), ("url", optional(source.url)),
            ("publisher", optional(source.publisher)), ("language", optional(source.language)),
            ("published", date(source.published)), ("accessed", date(source.accessed)), ("locator", optional(source.locator)),
        ])
    }

    /// A relation with its two cities inline when they are known.
    static func relation(_ relation: BilateralRelation, cities: [String: City]) -> JSONValue {
        .object([
            ("id", .string(relation.id)), ("dataset", .string(relation.datasetID)),
            ("city", cities[relation.cityID].map(city) ?? .string(relation.cityID)),
            ("partner", cities[relation.partnerID].map(city) ?? .string(relation.partnerID)),
            ("kind", .string(relation.kind.rawValue)), ("status", .string(relation.status.rawValue)),
            ("signed", date(relation.signed)), ("themes", .array(relation.themes.map { .string($0.rawValue) })),
            ("notes", optional(relation.notes)), ("flags", .array(relation.flags.map { .string($0.rawValue) })),
            ("import_rows", .array(relation.importRows.map(JSONValue.number))),
            ("sources", .array(relation.sources.map(source))),
        ])
    }

    static func network(_ network: CityNetwork) -> JSONValue {
        .object([
            ("id", .string(network.id)), ("dataset", .string(network.datasetID)), ("name", text(network.name)),
            ("acronym", optional(network.acronym)), ("scope", .string(network.scope.rawValue)),
            ("category", .string(network.category.rawValue)), ("founded", date(network.founded)),
            ("seat", optional(network.seat)), ("description", text(network.description)),
            ("sources", .array(network.sources.map(source))),
        ])
    }

    static func membership(_ membership: NetworkMembership) -> JSONValue {
        .object([
            ("id", .string(membership.id)), ("dataset", .string(membership.datasetID)),
            ("city", .string(membership.cityID)), ("network", .string(membership.networkID)),
            ("role", text(membership.role)), ("since", date(membership.since)), ("notes", optional(membership.notes)),
            ("sources", .array(membership.sources.map(source))),
        ])
    }

    static func event(_ event: InternationalEvent) -> JSONValue {
        .object([
            ("id", .string(event.id)), ("dataset", .string(event.datasetID)), ("city", .string(event.cityID)),
            ("kind", .string(event.kind.rawValue)), ("title", text(event.title)), ("year", .number(event.year)),
            ("awarding_body", optional(event.awardingBody)), ("notes", optional(event.notes)),
            ("sources", .array(event.sources.map(source))),
        ])
    }

    /// A page of results: `{"total", "limit", "offset", "items"}`.
    static func page(_ items: [JSONValue], total: Int, limit: Int, offset: Int) -> JSONValue {
        .object([("total", .number(total)), ("limit", .number(limit)), ("offset", .number(offset)), ("items", .array(items))])
    }
}
