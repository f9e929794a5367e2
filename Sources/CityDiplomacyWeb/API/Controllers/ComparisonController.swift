import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import Hummingbird

/// `/compare` (subjects side by side, as `citydip compare --format json` prints them, or its
/// long table as CSV with `format=csv`) and `/baseline` (a focus's share of partners in a group
/// against a reference dataset's world, as `citydip baseline --format json`).
struct ComparisonController {
    let observatory: Observatory
    let responder: CachedResponder

    enum Format: String, Choice {
        case json, csv
        static let noun = "format"
    }

    func addRoutes(to api: RouterGroup<ObservatoryContext>) {
        api.get("compare") { request, _ in
            let filters = Filters(request.uri.query)
            let format = try Self.format(filters)
            // Read whatever the format, so that a language that is none is a 400 with JSON too.
            let language = try PageContext.language(filters)
            switch format {
            case .json:
                return try await responder.json(request) { ComparisonView(try await observatory.compare(filters)) }
            case .csv:
                return try await responder.cached(request) {
                    let result = try await observatory.compare(filters)
                    return (TabulationRenderer(format: .csv, language: language).render(result.table), "text/csv; charset=utf-8")
                }
            }
        }
        api.get("baseline") { request, _ in
            let filters = Filters(request.uri.query)
            return try await responder.json(request) {
                BaselineView(try await observatory.baseline(filters), language: try PageContext.language(filters))
            }
        }
    }

    static func format(_ filters: Filters) throws(WebError) -> Format {
        try filters.choice("format") ?? .json
    }
}
