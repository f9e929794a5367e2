import CityDiplomacyAnalysis
import CityDiplomacyCore

/// `/countries/{code}`: a country's cities in the registry and where their relations go.
struct CountryPage {
    let observatory: Observatory
    let context: PageContext

    func render(code raw: String) async throws -> String {
        let c = context
        guard let country = observatory.countriesByCode[CountryCode(unchecked: raw.uppercased())] else {
            throw WebError.notFound(c.text(.message("web.not-found.country", ["code": raw])), field: "code").asPage(c)
        }
        let selection = try await observatory.registry.relations(matching: RelationQuery(country: country.code))
        let cityCount = try await observatory.registry.countCities(matching: CityQuery(country: country.code))
        // Where the relations of this country's cities go, and which of its cities have most.
        var partnerCountries: [CountryCode: Int] = [:]
        var home: [String: Int] = [:]
        for relation in selection.relations {
            guard let a = selection.cities[relation.cityID], let b = selection.cities[relation.partnerID] else { continue }
            let (inside, outside) = a.country == country.code ? (a, b) : (b, a)
            partnerCountries[outside.country, default: 0] += 1
            home[inside.id, default: 0] += 1
            if outside.country == country.code, outside.id != inside.id { home[outside.id, default: 0] += 1 }
        }
        let topCountries = partnerCountries.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(20)
        let title = c.text(.message("web.partner-countries"))
        let chart = BarChart(title: title, bars: topCountries.map { .init(label: observatory.countryName($0.key, c.language), value: $0.value, href: c.href("/countries/\($0.key.rawValue)")) },
                             rightToLeft: c.language == .fa, format: c.number)
        let table = RelationTable(context: c, countries: observatory.countriesByCode)
        let view = CountryPageView(
            name: c.text(country.name), code: country.code.rawValue,
            summary: c.text(.message("web.country.summary", ["relations": String(selection.relations.count), "cities": String(cityCount)])),
            listLink: LinkView(text: c.text(.message("web.list-them")), target: c.href("/relations", [("country", country.code.rawValue)])),
            partners: FigureView(caption: title, chart: chart.view),
            citiesHeading: c.text(.message("web.its-cities-with-the-most-relations")),
            cityColumn: c.text(.message("web.city")), relationsColumn: c.text(.message("column.relations")),
            cities: home.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(30)
                .map { .init(city: table.cityLink($0.key, selection.cities), relations: c.number($0.value)) })
        return try Layout.page("country", title: c.text(country.name), content: view, context: c)
    }
}

/// What the `country` template shows.
struct CountryPageView {
    struct CityRow {
        let city: LinkView
        let relations: String
    }

    let name: String
    let code: String
    let summary: String
    let listLink: LinkView
    let partners: FigureView
    let citiesHeading: String
    let cityColumn: String
    let relationsColumn: String
    let cities: [CityRow]
}
