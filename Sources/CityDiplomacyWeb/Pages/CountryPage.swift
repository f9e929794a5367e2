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
            statehood: country.statehood.map(c.text),
            summary: c.text(.message("web.country.summary", ["relations": String(relations.relationCount), "cities": String(relations.cityCount)])),
            listLink: LinkView(text: c.text(.message("web.list-them")), target: c.href("/relations", [("country", country.code.rawValue)])),
            compareLink: LinkView(text: c.text(.message("web.country.compare", localized: ["country": country.name])),
                                  target: c.href("/compare", [("subject", "country:\(country.code.rawValue)")])),
            baselineLink: LinkView(text: c.text(.message("web.country.baseline", localized: ["country": country.name])),
                                   target: c.href("/baseline", [("focus", "country:\(country.code.rawValue)")])),
            alignmentLink: LinkView(text: c.text(.message("web.country.alignment", localized: ["country": country.name])),
                                    target: c.href("/alignment", [("focus", "country:\(country.code.rawValue)"), ("example", country.code.rawValue == "IR" ? "iran" : nil)])),
            map: await map(country, relations.selection, total: relations.relationCount),
            partners: FigureView(relations.partnerChart(c, observatory: observatory), name: .partnerCountries, query: relations.query, context: c),
            citiesHeading: c.text(.message("web.its-cities-with-the-most-relations")),
            cityColumn: c.text(.message("web.city")), relationsColumn: c.text(.message("column.relations")),
            cities: relations.cities.prefix(CountryRelations.listedCities)
                .map { .init(city: table.cityLink($0.id, relations.selection.cities), relations: c.number($0.relations)) })
        return try Layout.page("country", title: c.text(country.name), content: view, context: c)
    }

    /// At most this many relations are drawn: beyond, arcs hide each other and the page grows by
    /// hundreds of kilobytes.
    static let mostArcs = 600

    /// The country's cities and their partners on the world map, placed by their coordinates or
    /// the gazetteer, an arc for each relation; the cities with most relations are named first.
    private func map(_ country: Country, _ selection: RelationSelection, total: Int) async -> CountryPageView.Map {
        let c = context
        let drawn = Array(selection.relations.prefix(Self.mostArcs))
        var relationCounts: [String: Int] = [:]
        for relation in drawn {
            relationCounts[relation.cityID, default: 0] += 1
            relationCounts[relation.partnerID, default: 0] += 1
        }
        var located: [String: (coordinates: Coordinates, fromGazetteer: Bool)] = [:]
        for id in relationCounts.keys.sorted() {
            if let city = selection.cities[id], let place = await observatory.location(of: city) { located[id] = place }
        }
        var map = WorldMap(title: c.text(.message("web.map.country-title", localized: ["country": country.name])),
                           legendWords: c.mapLegendWords(home: .message("web.map.legend.country-cities", localized: ["country": country.name])),
                           rightToLeft: c.language == .fa)
        let named = relationCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        for (id, _) in named {
            guard let city = selection.cities[id], let place = located[id] else { continue }
            map.points.append(.init(coordinates: place.coordinates, label: c.text(city.name), href: c.href("/cities/\(PageContext.segment(id))"),
                                    emphasised: city.country == country.code))
        }
        var arcs = 0
        for relation in drawn {
            guard let a = located[relation.cityID], let b = located[relation.partnerID] else { continue }
            map.arcs.append(.init(from: a.coordinates, to: b.coordinates, kind: relation.kind))
            arcs += 1
        }
        let chart = map.view
        let caption = c.mapCaption(.message("web.map.country-drawn", ["drawn": String(arcs), "total": String(total)]),
                                   placedByGazetteer: located.values.count(where: \.fromGazetteer), unlabelled: chart.unlabelled)
        return CountryPageView.Map(chart: chart, caption: caption)
    }
}

/// What the `country` template shows.
struct CountryPageView {
    struct Map {
        let chart: WorldMapView
        let caption: String
    }

    struct CityRow {
        let city: LinkView
        let relations: String
    }

    let name: String
    let code: String
    /// "State since 1991-09-09 (before: Soviet Union)", for a state formed since 1945 out of another.
    let statehood: String?
    let summary: String
    let listLink: LinkView
    /// To `/compare` and `/baseline` with this country's cities as the subject, the rest to fill in.
    let compareLink: LinkView
    let baselineLink: LinkView
    /// To `/alignment`: how its cities' partners follow a set of priorities (Iran's with the example filled in).
    let alignmentLink: LinkView
    let map: Map
    let partners: FigureView
    let citiesHeading: String
    let cityColumn: String
    let relationsColumn: String
    let cities: [CityRow]
}
