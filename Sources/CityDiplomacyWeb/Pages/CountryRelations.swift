import CityDiplomacyCore

/// Where the relations of a country's cities go, and which of its cities have most: what the
/// country page lists and its chart of partner countries draws (on the page and as a file).
struct CountryRelations {
    let country: Country
    let selection: RelationSelection
    let cityCount: Int
    /// Partner states by relations, most first (then by code).
    let partnerCountries: [(code: CountryCode, relations: Int)]
    /// The country's cities by relations, most first (then by id).
    let cities: [(id: String, relations: Int)]

    /// How many partner states the chart draws.
    static let chartedPartners = 20

    init(country: Country, observatory: Observatory) async throws {
        self.country = country
        selection = try await observatory.registry.relations(matching: RelationQuery(country: country.code))
        cityCount = try await observatory.registry.countCities(matching: CityQuery(country: country.code))
        var partners: [CountryCode: Int] = [:]
        var home: [String: Int] = [:]
        for relation in selection.relations {
            guard let a = selection.cities[relation.cityID], let b = selection.cities[relation.partnerID] else { continue }
            let (inside, outside) = a.country == country.code ? (a, b) : (b, a)
            partners[outside.country, default: 0] += 1
            home[inside.id, default: 0] += 1
            if outside.country == country.code, outside.id != inside.id { home[outside.id, default: 0] += 1 }
        }
        partnerCountries = partners.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        cities = home.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The partner states with most relations, as a chart in `context`'s language.
    func partnerChart(_ context: PageContext, observatory: Observatory) -> BarChart {
        let c = context
        let charted = partnerCountries.prefix(Self.chartedPartners)
        let name = c.text(country.name)
        let caption = charted.count < partnerCountries.count
            ? c.text(.message("chart.partner-countries.top", ["country": name, "count": c.number(charted.count)]))
            : c.text(.message("chart.partner-countries", ["country": name]))
        return BarChart(
            caption: caption,
            source: c.text(.message("chart.source.registry", ["relations": c.number(selection.relations.count), "country": name])),
            categoryHeading: c.text(.message("chart.category.partner-countries")),
            valueHeading: c.text(.message("chart.value.relations")),
            bars: charted.map { .init(label: observatory.countryName($0.code, c.language), value: $0.relations, href: c.href("/countries/\($0.code.rawValue)")) },
            language: c.language, emptyNote: c.text(.message("chart.no-data")))
    }

    /// The parameters the chart's files are addressed by, besides the language.
    var query: [(String, String?)] { [("country", country.code.rawValue)] }
}
