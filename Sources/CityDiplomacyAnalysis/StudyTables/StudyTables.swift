import CityDiplomacyCore

/// The study's tables, computed from a dataset's records or from its columns.
///
/// Nothing here knows about Iran: Table 1 lists any dataset's relations in their order, Table 4
/// any dataset's networks and members. The countries are passed in to name partner states.
/// Tables 2 and 3 count relations through ``RelationCounting``: from the records
/// (``init(content:countries:)``) or from the columns (``init(columns:networks:memberships:countries:)``),
/// with the same results; Table 1 lists records and needs them.
///
/// ```swift
/// let tables = StudyTables(content: content, countries: countries)
/// let table1 = tables.relationsTable()       // one row per relation
/// let table4 = tables.networksTable()        // one row per network
/// ```
public struct StudyTables: Sendable {
    /// The records the tables read; from columns, the dataset, its cities, networks and
    /// memberships, without relations.
    public let content: DatasetContent
    /// Counts the relations for Tables 2 and 3.
    public let counting: any RelationCounting
    /// Whether ``content`` holds the dataset's relations (Table 1 lists them).
    private let hasRelations: Bool
    private let countries: [CountryCode: Country]
    private let cities: [String: City]

    public init(content: DatasetContent, countries: [Country]) {
        self.content = content
        counting = RelationAnalysis(content: content)
        hasRelations = true
        self.countries = Dictionary(countries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.cities = content.citiesByID
    }

    /// Tables 2–4 of a dataset's columns and its networks and memberships, without reading its
    /// relations as records; ``relationsTable()`` is not available from these.
    public init(columns: AnalysisColumns, networks: [CityNetwork], memberships: [NetworkMembership], countries: [Country]) {
        content = DatasetContent(dataset: columns.dataset, cities: columns.cities, networks: networks, memberships: memberships)
        counting = ColumnAnalysis(columns: columns)
        hasRelations = false
        self.countries = Dictionary(countries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        // Only the members are named by id (Table 4); Table 3 names relations' ends through the counting.
        let members = Set(memberships.map(\.cityID))
        var cities: [String: City] = [:]
        for city in columns.cities where members.contains(city.id) && cities[city.id] == nil { cities[city.id] = city }
        self.cities = cities
    }

    func countryName(_ code: CountryCode) -> LocalizedText {
        countries[code]?.name ?? LocalizedText(en: code.rawValue)
    }

    func cityName(_ id: String) -> LocalizedText {
        cities[id]?.name ?? LocalizedText(en: id)
    }

    /// Table 1: the bilateral relations, one row per relation in dataset order, with the city
    /// that lists it, the partner and its state, the kind, the year and the first source with a URL.
    public func relationsTable() -> Tabulation {
        precondition(hasRelations, "Table 1 lists the relations' records, which tables made from columns do not hold")
        return Self.relationsTable(content.relations, cities: cities, countries: countries, total: content.relations.count)
    }

    /// Table 1's rows of `relations` alone — a page of the dataset's relations, read through the
    /// registry's index rather than with the whole dataset — with `cities` naming their ends and
    /// the note counting the `total` relations of the dataset: the same rows ``relationsTable()``
    /// gives those relations.
    public static func relationsTable(_ relations: [BilateralRelation], cities: [String: City], countries: [CountryCode: Country], total: Int) -> Tabulation {
        func cityName(_ id: String) -> LocalizedText { cities[id]?.name ?? LocalizedText(en: id) }
        func countryName(_ code: CountryCode) -> LocalizedText { countries[code]?.name ?? LocalizedText(en: code.rawValue) }
        let rows: [[Tabulation.Cell]] = relations.map { relation in
            let partnerCountry = cities[relation.partnerID]?.country ?? CountryCode(unchecked: "")
            let source = relation.sources.first { $0.url != nil }
            return [
                .text(cityName(relation.cityID)),
                .text(cityName(relation.partnerID)),
                .code(partnerCountry.rawValue, label: countryName(partnerCountry)),
                .code(relation.kind.rawValue, label: relation.kind.label),
                .number(relation.signed?.gregorianYear ?? relation.signed?.gregorianYears.lowerBound),
                source.map { .link(url: $0.url!, text: LocalizedText(en: $0.url!)) } ?? .empty,
            ]
        }
        return Tabulation(
            title: .message("tables.table1.title"),
            columns: [
                .init(key: "city", title: LocalizedText.message("web.city")),
                .init(key: "partner_city", title: LocalizedText.message("analysis.partner-city")),
                .init(key: "partner_country_iso2", title: LocalizedText.message("analysis.partner-country")),
                .init(key: "kind", title: LocalizedText.message("analysis.kind")),
                .init(key: "year", title: LocalizedText.message("analysis.year")),
                .init(key: "source_url", title: LocalizedText.message("column.source")),
            ],
            rows: rows,
            notes: [
                .message("tables.table1.note", ["relations": String(total)]),
            ]
        )
    }

    /// Table 4: the networks in dataset order, their scope and their member cities.
    public func networksTable() -> Tabulation {
        let rows: [[Tabulation.Cell]] = content.networks.map { network in
            let members = content.memberships
                .filter { $0.networkID == network.id }
                .sorted { $0.position < $1.position }
                .map { Tabulation.Cell.text(cityName($0.cityID)) }
            return [
                .text(network.name),
                .code(network.scope.rawValue, label: network.scope.label),
                .list(members),
            ]
        }
        return Tabulation(
            title: .message("tables.table4.title"),
            columns: [
                .init(key: "network", title: LocalizedText.message("analysis.network-or-organisation")),
                .init(key: "scope", title: LocalizedText.message("analysis.scope")),
                .init(key: "member_cities", title: LocalizedText.message("analysis.member-cities")),
            ],
            rows: rows
        )
    }
}
