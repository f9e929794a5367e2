import CityDiplomacyApplication
import CityDiplomacyCore

/// The network measures for the pages, the chart files and the API, through the application's
/// use case, with the query's parameters read once for all three.
extension Observatory {
    /// The network the query asks for: its request as read, and the measures (from the
    /// workspace's cache when this network was measured at this revision).
    func network(_ filters: Filters) async throws -> (request: NetworkRequest, result: NetworkResult) {
        let request = try filters.networkRequest()
        return (request, try await network(request))
    }

    func network(_ request: NetworkRequest) async throws -> NetworkResult {
        try await WebError.answering {
            // Named as the web spells it, before the application names it as the CLI does.
            if let focus = request.focusCountry { _ = try workspace.country(named: focus, field: "focus_country") }
            return try await workspace.network(request)
        }
    }

    /// The network of countries of the same datasets and focus: what the map of a network page
    /// draws at either level.
    func countryNetwork(of request: NetworkRequest) async throws -> NetworkResult {
        var countries = request
        countries.level = .country
        return try await network(countries)
    }

    /// The network of the dataset a city's page is about, as `/network?dataset=…` measures it:
    /// the same request, so the same cached measures.
    func network(ofDataset id: String) async throws -> NetworkResult {
        try await network(NetworkRequest(datasets: [id]))
    }
}
