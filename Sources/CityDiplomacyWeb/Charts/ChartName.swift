/// The charts the observatory draws, by the name in their address: `/charts/{name}.svg` and
/// `/charts/{name}.csv`, with the page's parameters (`dataset`, `aggregate_parts`, `country`,
/// `focus_country`, `lang`).
///
/// ```swift
/// ChartName(rawValue: "by-period")      // .byPeriod, a dataset's chart
/// ChartName.partnerCountries.isCountryChart   // true: it needs `country=IR`
/// ```
enum ChartName: String, CaseIterable, Sendable {
    /// A dataset's relations by region of the partner state, in the study's region scheme.
    case byRegion = "by-region"
    /// A dataset's relations by foreign-policy period, each with its discourse.
    case byPeriod = "by-period"
    case byKind = "by-kind"
    /// A dataset's cities with the most distinct partners.
    case topCities = "top-cities"
    /// The partner states of a country's cities (the country page).
    case partnerCountries = "partner-countries"
    /// The network of countries of one or more datasets on the world map (the network page):
    /// `dataset` (repeatable) and `focus_country`.
    case countryNetwork = "country-network"

    /// The dashboard's charts, in the order it shows them.
    static let datasetCharts: [ChartName] = [.byRegion, .byPeriod, .byKind, .topCities]

    var isCountryChart: Bool { self == .partnerCountries }
}

/// The files a chart is offered as on the server. (PNG is drawn by the browser, from the SVG.)
enum ChartFormat: String, CaseIterable, Sendable {
    case svg
    case csv

    var contentType: String {
        switch self {
        case .svg: "image/svg+xml; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        }
    }
}
