import CityDiplomacyApplication
import CityDiplomacyCore
import Hummingbird

/// `/export/relations.csv`, `.geojson` and `.graphml`: the relations a filter selects, as files
/// for spreadsheets, GIS and network tools.
struct ExportController {
    let observatory: Observatory
    let responder: CachedResponder

    func addRoutes(to api: RouterGroup<ObservatoryContext>) {
        api.get("export/relations.csv") { request, _ in
            try await responder.cached(request) { (Exports.csv(try await selection(request)), "text/csv; charset=utf-8") }
        }
        api.get("export/relations.geojson") { request, _ in
            try await responder.cached(request) {
                let selection = try await selection(request)
                let locations = await observatory.workspace.locator.locations(of: selection.cities.values)
                return (Exports.geoJSON(selection, locations: locations), "application/geo+json")
            }
        }
        api.get("export/relations.graphml") { request, _ in
            try await responder.cached(request) {
                let selection = try await selection(request)
                let locations = await observatory.workspace.locator.locations(of: selection.cities.values)
                return (Exports.graphML(selection, locations: locations), "application/graphml+xml")
            }
        }
    }

    private func selection(_ request: Request) async throws -> RelationSelection {
        try await WebError.answering {
            try await observatory.workspace.relations(Filters(request.uri.query).relationFilter).selection
        }
    }
}
