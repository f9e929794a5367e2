import CityDiplomacyApplication
import Hummingbird

/// `/schemes/{id}`: a classification scheme's categories, countries and families under each
/// reading, as `citydip schemes --scheme ID --format json` prints it; `/codebook`: the themes for
/// coding agreement texts, as `citydip codebook --format json` prints them.
struct SchemeController {
    let observatory: Observatory
    let responder: CachedResponder

    func addRoutes(to api: RouterGroup<ObservatoryContext>) {
        api.get("schemes/:id") { request, context in
            let id = try PageRoutes.parameter("id", context)
            return try await responder.json(request) {
                let language = try PageContext.language(Filters(request.uri.query))
                return SchemeView(try observatory.workspace.schemeTable(id, field: "id"), language: language)
            }
        }
        api.get("codebook") { request, _ in
            try await responder.json(request) {
                // Both languages whatever is asked, but a language that is none is still an error.
                _ = try PageContext.language(Filters(request.uri.query))
                do throws(ApplicationError) {
                    return CodebookView(try observatory.workspace.codebook())
                } catch {
                    throw WebError(error)
                }
            }
        }
    }
}
