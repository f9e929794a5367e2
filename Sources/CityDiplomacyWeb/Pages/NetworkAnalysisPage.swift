import CityDiplomacyApplication
import CityDiplomacyCore

/// `/network`: the network measures of one or more datasets, as `citydip network` gives them —
/// the whole network, the most central nodes by each measure, the focus country's nodes, the
/// communities, at country level each country's shares — with every node linked to its page,
/// the network of countries on the world map, a switch between the levels, a form for the focus
/// country, and the same data as JSON and CSV from the API:
///
/// ```
/// GET /network?dataset=iran-2018&level=country&focus_country=IR&top=20&seed=7&lang=fa
/// ```
///
/// (Not the city networks of `/networks`, which are organisations cities are members of.)
struct NetworkAnalysisPage {
    let observatory: Observatory
    let context: PageContext

    func render() async throws -> String {
        let c = context
        let result: NetworkResult, countries: NetworkResult
        do {
            result = try await observatory.network(c.filters).result
            countries = result.level == .country ? result : try await observatory.countryNetwork(of: result.request)
        } catch let error as WebError {
            throw error.asPage(c)
        }
        let figure = await CountryNetworkFigure(countries: countries, observatory: observatory, context: c)
        let sections = result.sections.map { section in
            NetworkAnalysisPageView.Section(
                sectionHeading: c.text(section.heading), paragraphs: section.paragraphs.map { c.text($0) },
                tables: section.tables.map { table in TabulationView(table.table, context: c, link: links(table.rows, in: result)) })
        }
        let view = NetworkAnalysisPageView(
            heading: c.text(result.title),
            datasetsLabel: c.text(.message("web.network-analysis.datasets")),
            datasets: result.datasets.map { LinkView(text: c.text($0.title), target: c.href("/datasets/\(PageContext.segment($0.id))")) },
            levelLabel: c.text(.message("web.network-analysis.level")),
            levels: NetworkLevelChoice.allCases.map { level in
                .init(text: c.text(.message("web.network-analysis.level.\(level.rawValue)")),
                      address: c.href(setting: "level", to: level == NetworkRequest().level ? nil : level.rawValue), current: level == result.level)
            },
            form: form(result),
            dataLabel: c.text(.message("web.network-analysis.data")),
            downloads: downloads(result),
            firstSection: sections.first,
            map: .init(mapTitle: figure.map.title, chart: figure.view, mapCaption: figure.caption,
                       downloads: FigureView.downloads(.countryNetwork, query: chartQuery(result), context: c)),
            otherSections: Array(sections.dropFirst()))
        return try Layout.page("network-analysis", title: view.heading, content: view, context: c)
    }

    /// Where a table's names lead: a city to its page, a country to its page — in a row that is
    /// a node, in a community's list of largest members, and wherever a country is given by code.
    private func links(_ rows: NetworkTable.Rows, in result: NetworkResult) -> (Int, String, Int, Tabulation.Cell) -> String? {
        let c = context
        func page(ofNode node: Int) -> String {
            result.level == .city ? c.href("/cities/\(PageContext.segment(result.nodes[node].id))")
                : c.href("/countries/\(result.nodes[node].country.rawValue)")
        }
        return { row, column, item, cell in
            switch (rows, column) {
            case let (.nodes(nodes), "city") where row < nodes.count:
                return page(ofNode: nodes[row])
            case let (.communities(members), "largest") where row < members.count && item < members[row].count:
                return page(ofNode: members[row][item])
            default:
                if column == "country_iso2" || column == "countries", case let .code(code, _) = cell { return c.href("/countries/\(code)") }
                return nil
            }
        }
    }

    /// The focus country (any country of the network) and the length of the lists, the other
    /// parameters kept.
    private func form(_ result: NetworkResult) -> NetworkAnalysisPageView.Form {
        let c = context
        var seen: Set<CountryCode> = []
        let countries = result.nodes.map(\.country).filter { seen.insert($0).inserted }
            .map { (code: $0, name: observatory.countryName($0, c.language)) }
            .sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        return .init(
            hidden: c.fields.pairs.filter { !["focus_country", "top"].contains($0.name) }.map { .init(name: $0.name, value: $0.value) },
            focusLabel: c.text(.message("web.network-analysis.focus")), noFocus: c.text(.message("web.network-analysis.no-focus")),
            countryOptions: countries.map { .init(value: $0.code.rawValue, label: $0.name, selected: $0.code == result.focus?.code) },
            topLabel: c.text(.message("web.network-analysis.top")), top: c.number(result.request.top),
            topRange: c.text(.message("web.network-analysis.top-range", ["maximum": String(NetworkRequest.maximumTop)])),
            submit: c.text(.message("web.show")))
    }

    /// The parameters of the network asked for, as the API and the chart files read them; the
    /// defaults left out.
    private func query(_ result: NetworkResult, chart: Bool = false) -> [(String, String?)] {
        let defaults = NetworkRequest()
        let request = result.request
        return request.datasets.map { ("dataset", $0) } + [("focus_country", result.focus?.code.rawValue)]
            + (chart ? [] : [("level", request.level == defaults.level ? nil : request.level.rawValue),
                             ("top", request.top == defaults.top ? nil : String(request.top)),
                             ("seed", request.seed == defaults.seed ? nil : String(request.seed))])
    }

    private func chartQuery(_ result: NetworkResult) -> [(String, String?)] { query(result, chart: true) }

    /// The measures as the API gives them: JSON, and every node as CSV.
    private func downloads(_ result: NetworkResult) -> [StudyTablePageView.Download] {
        let items = query(result).compactMap { name, value in value.map { "\(PageContext.encode(name))=\(PageContext.encode($0))" } }
        let base = "/api/v1/network?" + items.joined(separator: "&")
        let file = "network-" + result.request.datasets.joined(separator: "+") + "-" + result.level.rawValue
        return [
            .init(name: context.text(.message("web.network-analysis.json")), address: base, file: file + ".json", mediaType: "application/json"),
            .init(name: context.text(.message("web.network-analysis.csv")), address: base + "&format=csv", file: file + ".csv", mediaType: "text/csv"),
        ]
    }
}

/// What the `network-analysis` template shows.
struct NetworkAnalysisPageView {
    struct Level {
        let text: String
        let address: String
        let current: Bool
    }

    struct Form {
        struct Field {
            let name: String
            let value: String
        }

        struct Option {
            let value: String
            let label: String
            let selected: Bool
        }

        /// The page's other parameters (datasets, level, seed, language), kept.
        let hidden: [Field]
        let focusLabel: String
        let noFocus: String
        let countryOptions: [Option]
        let topLabel: String
        /// In the page's digits: the list's length reads Persian digits too.
        let top: String
        /// The lengths accepted, said when the field is pointed at.
        let topRange: String
        let submit: String
    }

    struct Section {
        let sectionHeading: String
        let paragraphs: [String]
        let tables: [TabulationView]
    }

    /// The network of countries on the world map, with its files.
    struct Map {
        let mapTitle: String
        let chart: CountryNetworkMapView
        let mapCaption: String
        let downloads: FigureView.Downloads
    }

    let heading: String
    let datasetsLabel: String
    let datasets: [LinkView]
    let levelLabel: String
    let levels: [Level]
    let form: Form
    let dataLabel: String
    let downloads: [StudyTablePageView.Download]
    /// The whole network, then the map, then the other sections.
    let firstSection: Section?
    let map: Map
    let otherSections: [Section]
}
