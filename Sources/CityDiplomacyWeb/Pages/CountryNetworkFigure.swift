import CityDiplomacyApplication
import CityDiplomacyCore

/// The network of countries of a network page, drawn on the world map (``CountryNetworkMap``)
/// from the measures of the network of countries: the countries with the most city pairs, each
/// at the mean position of its located cities, and the edges between them; the same drawing as
/// the page shows is served as `/charts/country-network.svg` and `.csv`.
///
/// ```swift
/// let figure = await CountryNetworkFigure(countries: result, observatory: observatory, context: c)
/// figure.view         // what the page draws
/// figure.caption      // how much it draws
/// ```
struct CountryNetworkFigure {
    /// At most this many countries are drawn, those with the most city pairs: beyond, lines
    /// hide each other and names no longer fit.
    static let mostCountries = 40

    let map: CountryNetworkMap
    /// The map as the page draws it.
    let view: CountryNetworkMapView
    let caption: String

    /// `countries` is a network of countries (``NetworkLevelChoice/country``).
    init(countries result: NetworkResult, observatory: Observatory, context c: PageContext) async {
        let nodeOf = Dictionary(result.nodes.enumerated().map { ($0.element.country, $0.offset) }, uniquingKeysWith: { first, _ in first })
        // Where each country's cities are, among the cities the network of countries aggregates.
        var places: [CountryCode: [Coordinates]] = [:]
        let cityCount = result.cities.nodeCity.count
        for node in 0..<cityCount {
            let city = result.cities.city(at: node)
            if let place = await observatory.location(of: city) { places[city.country, default: []].append(place.coordinates) }
        }
        let byPairs = result.shares?.rows.map(\.country) ?? result.ranking(.relations).map { result.nodes[$0].country }
        let focus = result.focus?.code
        var chosen = byPairs.filter { places[$0] != nil }.prefix(Self.mostCountries).map { $0 }
        if let focus, !chosen.contains(focus), places[focus] != nil { chosen.append(focus) }
        let strength = result.values(.relations)
        let pairsWord = { (count: Int) in c.text(.message(count == 1 ? "network.map.one-pair" : "network.map.pairs", ["count": String(count)])) }
        var map = CountryNetworkMap(title: c.text(.message("network.map.title")), rightToLeft: c.language == .fa)
        var drawnNode: [Int: Int] = [:]
        for code in chosen {
            guard let node = nodeOf[code], let centre = CountryNetworkMap.centre(of: places[code] ?? []) else { continue }
            let name = c.text(result.nodes[node].name)
            drawnNode[node] = map.countries.count
            map.countries.append(.init(
                code: code.rawValue, label: name, href: c.href("/countries/\(code.rawValue)"), coordinates: centre, strength: strength[node],
                title: c.text(.message("network.map.node", ["country": name, "count": String(Int(strength[node]))])), emphasised: code == focus))
        }
        map.edges = result.weightedEdges.compactMap { edge in
            // The country with more pairs first, as the countries are drawn.
            guard let first = drawnNode[edge.a], let second = drawnNode[edge.b] else { return nil }
            let (a, b) = (min(first, second), max(first, second))
            let pairs = Int(edge.weight)
            return CountryNetworkMap.Edge(a: a, b: b, pairs: pairs,
                                          title: map.countries[a].label + " – " + map.countries[b].label + ": " + pairsWord(pairs))
        }
        map.pairSamples = CountryNetworkMap.samplePairs(upTo: map.edges.map(\.pairs).max() ?? 0).map { .init(pairs: $0, text: pairsWord($0)) }
        map.sizeNote = c.text(.message("network.map.legend.size"))
        map.caption = map.title
        map.source = c.text(.message("network.map.source", localized: ["datasets": .joined(result.datasets.map(\.title), separator: "list.and")]))
        map.csvHeader = ["network.map.csv.code", "web.country", "network.map.csv.partner-code", "chart.category.partner-countries", "network.pairs"]
            .map { c.text(.message($0)) }
        let located = places.values.reduce(0) { $0 + $1.count }
        view = map.view
        let unnamed = view.unnamed
        caption = c.text(.message("network.map.caption", ["drawn": String(map.countries.count), "countries": String(result.nodes.count),
                                                          "edges": String(map.edges.count), "located": String(located), "cities": String(cityCount)]))
            + (unnamed > 0 ? " " + c.text(.message("network.map.unnamed", ["count": String(unnamed)])) : "")
        self.map = map
    }
}
