import CityDiplomacyApplication
import CityDiplomacyCore
import Hummingbird

/// `/datasets`, `/datasets/{id}`, `/datasets/{id}/quality` and `/countries`: what the registry
/// holds, what one dataset is (its provenance, licence, version and counts), how an imported
/// dataset's file resolved, and the reference list of countries.
struct DatasetController {
    let observatory: Observatory
    let responder: CachedResponder

    func addRoutes(to api: RouterGroup<ObservatoryContext>) {
        api.get("datasets") { request, _ in
            try await responder.json(request) { try await observatory.registry.datasetsWithoutImportReports().map(DatasetView.init) }
        }
        api.get("datasets/:id") { request, context in
            let id = try PageRoutes.parameter("id", context)
            return try await responder.json(request) { try await observatory.workspace.aboutDataset(id) }
        }
        api.get("datasets/:id/quality") { request, context in
            let id = try PageRoutes.parameter("id", context)
            return try await responder.json(request) {
                try await observatory.workspace.quality(dataset: id, places: try Filters(request.uri.query).placeSelection(defaultLimit: 100))
            }
        }
        api.get("countries") { request, _ in
            try await responder.json(request) { observatory.workspace.countries.map(CountryView.init) }
        }
        api.get("countries/:code") { request, context in
            let code = try PageRoutes.parameter("code", context)
            return try await responder.json(request) { try await country(code) }
        }
    }

    /// `{"country", "relations", "cities"}`: a country with how many relations and cities it has.
    struct CountrySummary: Encodable {
        var country: CountryView
        var relations: Int
        var cities: Int
    }

    private func country(_ code: String) async throws -> CountrySummary {
        guard let country = observatory.workspace.countriesByCode[CountryCode(unchecked: code.uppercased())] else {
            throw WebError.notFound("country '\(code)'", field: "code")
        }
        let relations = try await observatory.registry.countRelations(matching: RelationQuery(country: country.code))
        let cities = try await observatory.registry.countCities(matching: CityQuery(country: country.code))
        return CountrySummary(country: CountryView(country), relations: relations, cities: cities)
    }
}
