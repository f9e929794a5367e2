import CityDiplomacyApplication
import CityDiplomacyPresentation
import Hummingbird

/// The JSON API under `/api/v1`, as `openapi.yaml` describes it: one controller per resource,
/// each calling the application's use cases and answering their view models as JSON.
struct API {
    let observatory: Observatory

    func register(on router: Router<ObservatoryContext>) {
        let api = router.group("api/v1")
        api.get("openapi.yaml") { _, _ in
            Response.body(try Assets.text("openapi.yaml"), contentType: "application/yaml; charset=utf-8")
        }
        let responder = CachedResponder(observatory: observatory)
        DatasetController(observatory: observatory, responder: responder).addRoutes(to: api)
        CityController(observatory: observatory, responder: responder).addRoutes(to: api)
        RelationController(observatory: observatory, responder: responder).addRoutes(to: api)
        NetworkController(observatory: observatory, responder: responder).addRoutes(to: api)
        NetworkMeasuresController(observatory: observatory, responder: responder).addRoutes(to: api)
        ComparisonController(observatory: observatory, responder: responder).addRoutes(to: api)
        StudyController(observatory: observatory, responder: responder).addRoutes(to: api)
        SchemeController(observatory: observatory, responder: responder).addRoutes(to: api)
        ExportController(observatory: observatory, responder: responder).addRoutes(to: api)
        AlignmentController(observatory: observatory).addRoutes(to: api)
    }
}

/// Answers a GET from the response cache, or makes the answer and keeps it.
struct CachedResponder: Sendable {
    let observatory: Observatory

    /// A view model as JSON; a use case's error as its status.
    func json(_ request: Request, _ make: () async throws -> some Encodable) async throws -> Response {
        try await cached(request) {
            let value = try await WebError.answering(make)
            return (try OrderedJSONEncoder().text(of: value, pretty: false) + "\n", "application/json; charset=utf-8")
        }
    }

    func cached(_ request: Request, _ make: () async throws -> (body: String, contentType: String)) async throws -> Response {
        let key = request.uri.description
        let cache = observatory.cache
        let revision = cache.isEnabled ? try await cache.revision(asking: observatory.registry) : ""
        if case let .hit(entry) = cache.lookup(key, revision: revision) {
            return .body(entry.body, contentType: entry.contentType)
        }
        let body: String, contentType: String
        do {
            (body, contentType) = try await make()
        } catch {
            cache.abandon(key)
            throw error
        }
        cache.put(key, body: body, contentType: contentType, revision: revision)
        return .body(body, contentType: contentType)
    }
}
