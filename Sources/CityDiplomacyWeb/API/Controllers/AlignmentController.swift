import CityDiplomacyApplication
import CityDiplomacyPresentation
import Hummingbird

/// `POST /alignment`: the priorities as YAML in the body (`text/yaml` or `application/x-yaml`,
/// at most 64 KiB), `focus`, `dataset`, `against`, `draws`, `seed` in the query; the JSON of
/// `citydip alignment --format json`. Never cached: one caller's priorities are no other's answer.
struct AlignmentController {
    let observatory: Observatory

    static let mediaTypes: Set<String> = ["text/yaml", "application/x-yaml", "application/yaml", "text/x-yaml", "text/plain"]

    func addRoutes(to api: RouterGroup<ObservatoryContext>) {
        api.post("alignment") { request, _ in
            if let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased(),
               !Self.mediaTypes.contains(type) {
                throw WebError(.unsupportedMediaType, "the priorities are posted as text/yaml or application/x-yaml, not \(type)", field: "priorities")
            }
            let text = try await Observatory.body(request)
            let alignment = try observatory.alignmentRequest(priorities: text, Filters(request.uri.query))
            let result = try await observatory.alignment(alignment)
            return try Response.json(encoding: result.view)
        }
    }
}
