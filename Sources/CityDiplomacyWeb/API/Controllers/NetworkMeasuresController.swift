import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation
import Hummingbird

/// `/network` (the network measures of one or more datasets, as `citydip network --format json`
/// prints them, or every node as CSV with `format=csv`) and `/network/cities/{id}` (one city's
/// measures and ranks in its dataset's network). Not `/networks`, the city networks cities are
/// members of.
struct NetworkMeasuresController {
    let observatory: Observatory
    let responder: CachedResponder

    /// What `format` takes.
    enum Format: String, Choice {
        case json, csv
        static let noun = "format"
    }

    func addRoutes(to api: RouterGroup<ObservatoryContext>) {
        api.get("network") { request, _ in
            let filters = Filters(request.uri.query)
            let format = try Self.format(filters)
            // Read whatever the format, so that a language that is none is a 400 with JSON too.
            let language = try PageContext.language(filters)
            switch format {
            case .json:
                return try await responder.json(request) { try await observatory.network(filters).result.view }
            case .csv:
                return try await responder.cached(request) {
                    let result = try await observatory.network(filters).result
                    return (TabulationRenderer(format: .csv, language: language).render(result.nodeTable), "text/csv; charset=utf-8")
                }
            }
        }
        api.get("network/cities/:id") { request, context in
            let id = try PageRoutes.parameter("id", context)
            return try await responder.json(request) {
                let filters = Filters(request.uri.query)
                // The city's own dataset when none is named: the network its page shows.
                var network = try filters.networkRequest()
                network.level = .city
                if network.datasets.isEmpty, let dataset = RecordID(id)?.dataset { network.datasets = [dataset] }
                let result = try await observatory.network(network)
                guard let view = result.cityView(cityID: id) else {
                    throw WebError.notFound("city '\(id)' in the network of \(result.datasets.map(\.id).joined(separator: ", "))", field: "id")
                }
                return view
            }
        }
    }

    /// `format`: json (the default) or csv.
    static func format(_ filters: Filters) throws(WebError) -> Format {
        try filters.choice("format") ?? .json
    }
}
