import CityDiplomacyApplication
import Hummingbird

/// `/networks`, `/networks/{id}` with its members, `/memberships` and `/events`.
struct NetworkController {
    let observatory: Observatory
    let responder: CachedResponder

    func addRoutes(to api: RouterGroup<ObservatoryContext>) {
        api.get("networks") { request, _ in
            try await responder.json(request) {
                try await observatory.registry.networks(datasetID: try dataset(request)).map(NetworkView.init)
            }
        }
        api.get("networks/:id") { request, context in
            let id = try PageRoutes.parameter("id", context)
            return try await responder.json(request) { try await observatory.workspace.networkProfile(id: id) }
        }
        api.get("memberships") { request, _ in
            try await responder.json(request) {
                try await observatory.registry.memberships(datasetID: try dataset(request)).map(MembershipView.init)
            }
        }
        api.get("events") { request, _ in
            try await responder.json(request) {
                try await observatory.registry.events(datasetID: try dataset(request)).map(EventView.init)
            }
        }
    }

    /// The `dataset` filter, which must name a dataset there is.
    private func dataset(_ request: Request) async throws -> String? {
        guard let id = Filters(request.uri.query).text("dataset") else { return nil }
        return try await observatory.workspace.requireDataset(id).id
    }
}
