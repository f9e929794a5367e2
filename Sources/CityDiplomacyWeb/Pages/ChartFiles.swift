import CityDiplomacyCore

/// `/charts/{name}.svg` and `/charts/{name}.csv`: a chart of the dashboard or of a country page as
/// a file — the drawing with its caption, source, fonts and colours in it, or the numbers behind
/// it — at a stable address, in the language `lang` asks for:
///
/// ```
/// GET /charts/by-period.svg?dataset=iran-2018&lang=fa
/// GET /charts/partner-countries.csv?country=IR
/// ```
///
/// A dataset's charts take `dataset` (the study's when absent) and `aggregate_parts`; the chart
/// of partner countries takes `country`; the network of countries takes `dataset` (repeatable)
/// and `focus_country`. An unknown chart, format, dataset or country is a 404; a
/// missing country or a bad value, a 400.
struct ChartFiles {
    let observatory: Observatory
    let context: PageContext

    /// What `file` (`by-region.svg`) names: the chart and the format, or a 404.
    static func parse(_ file: String, _ context: PageContext) throws(WebError) -> (name: ChartName, format: ChartFormat) {
        let parts = file.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let name = ChartName(rawValue: String(parts[0])), let format = ChartFormat(rawValue: String(parts[1])) else {
            let known = ChartName.allCases.map(\.rawValue).joined(separator: ", ")
            throw WebError.notFound(context.text(.message("chart.not-found", ["name": file, "charts": known])), field: "chart")
        }
        return (name, format)
    }

    /// The chart `name` in `format`.
    func render(_ name: ChartName, _ format: ChartFormat) async throws -> String {
        if name == .countryNetwork {
            let map = try await countryNetwork()
            switch format {
            case .svg: return try map.standaloneSVG()
            case .csv: return map.csv
            }
        }
        let chart = try await chart(name)
        switch format {
        case .svg: return try chart.standaloneSVG()
        case .csv: return chart.csv
        }
    }

    private func chart(_ name: ChartName) async throws -> BarChart {
        let c = context
        if name.isCountryChart {
            guard let code = c.filters.text("country") else {
                throw WebError.badRequest(c.text(.message("chart.country-required", ["chart": name.rawValue])), field: "country")
            }
            guard let country = observatory.countriesByCode[CountryCode(unchecked: code.uppercased())] else {
                throw WebError.notFound(c.text(.message("web.not-found.country", ["code": code])), field: "country")
            }
            return try await CountryRelations(country: country, observatory: observatory).partnerChart(c, observatory: observatory)
        }
        let aggregating = try c.aggregateParts
        let drawn: [ChartName: BarChart], dataset: String
        if aggregating {
            let content = try await observatory.content(ofDataset: c.filters.text("dataset"))
            (drawn, dataset) = (try await DatasetCharts.drawn(observatory: observatory, context: c, content: content, aggregating: true).charts, content.dataset.id)
        } else {
            // Its parts apart, from the columns, as the dashboard draws it.
            let read = try await DatasetCharts.drawn(observatory: observatory, context: c, dataset: c.filters.text("dataset"))
            (drawn, dataset) = (read.drawn.charts, read.columns.dataset.id)
        }
        guard let chart = drawn[name] else {
            throw WebError.notFound(c.text(.message("chart.not-drawn", ["name": name.rawValue, "dataset": dataset])), field: "chart")
        }
        return chart
    }

    /// The network of countries of the datasets asked for, as the network page draws it.
    private func countryNetwork() async throws -> CountryNetworkMap {
        let countries = try await observatory.countryNetwork(of: try context.filters.networkRequest())
        return await CountryNetworkFigure(countries: countries, observatory: observatory, context: context).map
    }

    /// The name a chart's file is saved under, without its extension: the chart, what it is of,
    /// and the language (`by-period-iran-2018-fa`). ASCII only, for every file system.
    static func filename(_ name: ChartName, query: [(String, String?)], language: Language) -> String {
        let subject = query.first { $0.0 == "dataset" || $0.0 == "country" }?.1
        let parts = [name.rawValue, subject, query.contains { $0.0 == "aggregate_parts" && $0.1 == "true" } ? "parts-together" : nil,
                     language == .en ? nil : language.rawValue]
        return parts.compactMap { $0 }.joined(separator: "-").map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "_" }
            .reduce(into: "") { $0.append($1) }
    }
}
