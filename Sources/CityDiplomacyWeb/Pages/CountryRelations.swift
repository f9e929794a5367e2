import CityDiplomacyCore

/// Where the relations of a country's cities go, and which of its cities have most: what the
/// country page lists and its chart of partner countries draws (on the page and as a file).
struct CountryRelations {
    let country: Country
    /// The first relations of the country's cities (in dataset order), at most
    /// ``CountryPage/mostArcs``: those the map draws. The cities listed are among its cities too.
    let selection: RelationSelection
    /// Relations of the country's cities, all of them.
    let relationCount: Int
    let cityCount: Int
    /// Partner states by relations, most first (then by code).
    let partnerCountries: [(code: CountryCode, relations: Int)]
    /// The country's cities by relations, most first (then by id).
    let cities: [(id: String, relations: Int)]

    /// How many partner states the chart draws.
    static let chartedPartners = 20
    /// How many of its cities the page lists.
    static let listedCities = 30

    /// Counted through the registry's indexes (``Workspace/countryRelationCounts(_:)``): the page
    /// reads the records of the relations it draws and of the cities it lists, not every relation
    /// of the country (25,221 for IR, 240,049 for CN at a million relations).
    init(country: Country, observatory: Observatory) async throws {
        self.country = country
        let counts = try await observatory.workspace.countryRelationCounts(country.code)
        var selection = try await observatory.registry.relations(matching: RelationQuery(country: country.code, limit: CountryPage.mostArcs))
        cityCount = try await observatory.registry.countCities(matching: CityQuery(country: country.code))
        relationCount = counts.relations
        partnerCountries = counts.partnerCountries.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        cities = counts.cities.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
        for (id, _) in cities.prefix(Self.listedCities) where selection.cities[id] == nil {
            if let city = try await observatory.registry.findCities(named: id, datasetID: nil).first(where: { $0.id == id }) { selection.cities[id] = city }
        }
        self.selection = selection
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
            source: c.text(.message("chart.source.registry", ["relations": c.number(relationCount), "country": name])),
            categoryHeading: c.text(.message("chart.category.partner-countries")),
            valueHeading: c.text(.message("chart.value.relations")),
            bars: charted.map { .init(label: observatory.countryName($0.code, c.language), value: $0.relations, href: c.href("/countries/\($0.code.rawValue)")) },
            language: c.language, emptyNote: c.text(.message("chart.no-data")))
    }

    /// The parameters the chart's files are addressed by, besides the language.
    var query: [(String, String?)] { [("country", country.code.rawValue)] }
}
