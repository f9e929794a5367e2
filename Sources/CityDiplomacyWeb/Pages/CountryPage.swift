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
        let relations = try await CountryRelations(country: country, observatory: observatory)
        let table = RelationTable(context: c, countries: observatory.countriesByCode)
        let view = CountryPageView(
            name: c.text(country.name), code: country.code.rawValue,
            summary: c.text(.message("web.country.summary", ["relations": String(relations.selection.relations.count), "cities": String(relations.cityCount)])),
            listLink: LinkView(text: c.text(.message("web.list-them")), target: c.href("/relations", [("country", country.code.rawValue)])),
            partners: FigureView(relations.partnerChart(c, observatory: observatory), name: .partnerCountries, query: relations.query, context: c),
            citiesHeading: c.text(.message("web.its-cities-with-the-most-relations")),
            cityColumn: c.text(.message("web.city")), relationsColumn: c.text(.message("column.relations")),
            cities: relations.cities.prefix(30)
                .map { .init(city: table.cityLink($0.id, relations.selection.cities), relations: c.number($0.relations)) })
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
