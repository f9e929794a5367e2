import CityDiplomacyApplication
import CityDiplomacyCore

/// The partners suggested for a city, for its page and `/api/v1/cities/{id}/recommendations`.
extension Observatory {
    /// The request the query asks for about city `id`: its own dataset unless `dataset` is given,
    /// `top`, `exclude_country` (repeatable; an empty one is left out, as any empty parameter is)
    /// and `include_domestic` (the city's own country's cities are left out unless it is true). Priorities files are read by the CLI only: a
    /// web request never names a file on the server.
    func recommendationRequest(cityID id: String, _ filters: Filters) throws(WebError) -> RecommendationRequest {
        var datasets = filters.fields.all("dataset").map { PersianText.normalized($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if datasets.isEmpty, let dataset = RecordID(id)?.dataset { datasets = [dataset] }
        return RecommendationRequest(city: id, datasets: datasets,
                                     top: try filters.integer("top", in: 1...RecommendationRequest.maximumTop) ?? RecommendationRequest(city: id).top,
                                     excludeCountries: filters.texts("exclude_country"),
                                     includeDomestic: try filters.flag("include_domestic") ?? false)
    }

    func recommendations(_ request: RecommendationRequest) async throws -> RecommendationResult {
        try await WebError.answering {
            // Named as the web spells it, before the application names it as the CLI does.
            for country in request.excludeCountries { _ = try workspace.country(named: country, field: "exclude_country") }
            return try await workspace.recommend(request)
        }
    }
}

/// The cities most like a city, for its page and `/api/v1/cities/{id}/peers`.
extension Observatory {
    /// The request the query asks for about city `id`: its own dataset unless `dataset` is given
    /// (repeatable), `top` and `scheme`, with the CLI's limits.
    func peersRequest(cityID id: String, _ filters: Filters) throws(WebError) -> PeersRequest {
        var datasets = filters.fields.all("dataset").map { PersianText.normalized($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if datasets.isEmpty, let dataset = RecordID(id)?.dataset { datasets = [dataset] }
        return PeersRequest(city: id, datasets: datasets, scheme: filters.text("scheme"),
                            top: try filters.integer("top", in: 1...PeersRequest.maximumTop) ?? PeersRequest(city: id).top)
    }

    func peers(_ request: PeersRequest) async throws -> PeersResult {
        try await WebError.answering { try await workspace.peers(request) }
    }
}
