import CityDiplomacyApplication
import Hummingbird

/// `/relations`: relations filtered by the same rules as `citydip relations`, paged.
struct RelationController {
    let observatory: Observatory
    let responder: CachedResponder

    func addRoutes(to api: RouterGroup<ObservatoryContext>) {
        api.get("relations") { request, _ in
            try await responder.json(request) {
                let filters = Filters(request.uri.query)
                let (limit, offset) = try filters.paging(defaultLimit: 100)
                return try await observatory.workspace.relations(filters.relationFilter, limit: limit, offset: offset).page
            }
        }
    }
}
