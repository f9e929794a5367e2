import CityDiplomacyCore

/// A scheme's table for scripts, as `citydip schemes --scheme ID --format json` prints it and
/// `/api/v1/schemes/{id}` answers it: ids and ISO codes as they are, titles and labels in the
/// language asked for.
///
/// ```json
/// {"id": "study-civilisations:by-region", "scheme": "study-civilisations", "reading": "by-region",
///  "title": "…", "source": "…",
///  "readings": [{"id": "names-islam", "scheme": "study-civilisations", "title": "…", "rule": "…"}, …],
///  "groups": [{"id": "islamic", "label": "Islamic"}, …],
///  "categories": [{"id": "islamic-christian-turkic", "label": "Islamic-Christian-Turkic", "countries": ["KZ"],
///                  "group": "islamic", "families": {"names-islam": "islamic", "by-region": "islamic", "islam-alone": "islamic-christian-mixed"}}, …]}
/// ```
public struct SchemeView: Encodable, Sendable {
    public struct Reading: Encodable, Sendable {
        public var id: String
        /// The scheme id that selects this reading wherever a scheme is named.
        public var scheme: String
        public var title: String
        public var rule: String?
    }

    public struct Group: Encodable, Sendable {
        public var id: String
        public var label: String
    }

    public struct Category: Encodable, Sendable {
        public var id: String
        public var label: String
        /// ISO 3166-1 alpha-2 codes, in the scheme's order.
        public var countries: [String]
        /// The category's group under the id asked for: what `--by group:ID` counts it in.
        public var group: String?
        /// Its family under each reading, by reading id (empty where the scheme has no readings).
        public var families: [String: String]
        /// The readings' order, for the encoding.
        var order: [String]

        enum CodingKeys: String, CodingKey { case id, label, countries, group, families }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(label, forKey: .label)
            try container.encode(countries, forKey: .countries)
            try container.encode(group, forKey: .group)
            var nested = container.nestedContainer(keyedBy: NameKey.self, forKey: .families)
            for reading in order { if let family = families[reading] { try nested.encode(family, forKey: NameKey(reading)) } }
        }
    }

    /// The id asked for.
    public var id: String
    /// The scheme whose table this is (the id itself, or the scheme a reading's id reads).
    public var scheme: String
    /// The reading the id groups by; `nil` for a scheme with one grouping.
    public var reading: String?
    public var title: String
    public var source: String
    /// The scheme's own reading first, then the others; empty for a scheme with one grouping.
    public var readings: [Reading]
    /// Every group a category's `group` or `families` names.
    public var groups: [Group]
    public var categories: [Category]

    public init(_ table: SchemeTable, language: Language) {
        id = table.id
        scheme = table.scheme.id
        reading = table.selected?.id
        title = table.title[language]
        source = table.scheme.sourceNote[language]
        readings = table.readings.map { Reading(id: $0.id, scheme: table.schemeID(of: $0), title: $0.title[language], rule: $0.rule?[language]) }
        groups = table.groups.map { Group(id: $0.id, label: $0.label[language]) }
        categories = table.scheme.categories.map { category in
            Category(id: category.id, label: category.label[language],
                     countries: table.scheme.countries(in: category.id).map(\.rawValue),
                     group: table.family(of: category.id, in: table.selected)?.id,
                     families: Dictionary(uniqueKeysWithValues: table.readings.compactMap { reading in
                         table.family(of: category.id, in: reading).map { (reading.id, $0.id) }
                     }),
                     order: table.readings.map(\.id))
        }
    }

    enum CodingKeys: String, CodingKey { case id, scheme, reading, title, source, readings, groups, categories }
}
