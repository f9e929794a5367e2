import CityDiplomacyApplication
import CityDiplomacyCore
import Hummingbird

/// `/cities` (filtered and paged) and `/cities/{id}` (a city's profile, the shape of `citydip
/// show --format json`).
struct CityController {
    let observatory: Observatory
    let responder: CachedResponder

    func addRoutes(to api: RouterGroup<ObservatoryContext>) {
        api.get("cities") { request, _ in
            try await responder.json(request) {
                let filters = Filters(request.uri.query)
                let (limit, offset) = try filters.paging(defaultLimit: 100)
                // The country and dataset rules of the relation filters: a name or a code, an
                // unknown dataset named rather than answered with an empty page.
                let workspace = observatory.workspace
                var dataset: String?
                if let id = filters.text("dataset") { dataset = try await workspace.requireDataset(id).id }
                let country = try filters.text("country").map { text throws(ApplicationError) in try workspace.country(named: text, field: "country").code }
                let query = CityQuery(datasetID: dataset, country: country, name: filters.text("name"), limit: limit, offset: offset)
                let cities = try await observatory.registry.cities(matching: query)
                let total = try await observatory.registry.countCities(matching: query)
                return PageView(total: total, limit: limit, offset: offset, items: cities.map(CityView.init))
            }
        }
        api.get("cities/:id") { request, context in
            let id = try PageRoutes.parameter("id", context)
            return try await responder.json(request) {
                try await observatory.workspace.cityProfile(id: id, aggregateParts: try Filters(request.uri.query).aggregateParts)
            }
        }
        api.get("cities/:id/recommendations") { request, context in
            let id = try PageRoutes.parameter("id", context)
            return try await responder.json(request) {
                let suggestion = try observatory.recommendationRequest(cityID: id, Filters(request.uri.query))
                guard try await observatory.registry.city(id: id) != nil else {
                    throw WebError(.notFound, "unknown city '\(id)': no city has that id (ids look like iran-2018:tehran)", field: "id")
                }
                return try await observatory.recommendations(suggestion).view
            }
        }
        api.get("cities/:id/peers") { request, context in
            let id = try PageRoutes.parameter("id", context)
            return try await responder.json(request) {
                let peers = try observatory.peersRequest(cityID: id, Filters(request.uri.query))
                guard try await observatory.registry.city(id: id) != nil else {
                    throw WebError(.notFound, "unknown city '\(id)': no city has that id (ids look like iran-2018:tehran)", field: "id")
                }
                return try await observatory.peers(peers).view
            }
        }
    }
}
