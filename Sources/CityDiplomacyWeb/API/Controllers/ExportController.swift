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
            let selection = try await selection(request)
            return ExportStream.response(contentType: "text/csv; charset=utf-8") { emit in try await Exports.csv(selection, emit) }
        }
        api.get("export/relations.geojson") { request, _ in
            let selection = try await selection(request)
            let locations = await observatory.workspace.locator.locations(of: selection.cities.values)
            return ExportStream.response(contentType: "application/geo+json") { emit in
                try await Exports.geoJSON(selection, locations: locations, emit)
            }
        }
        api.get("export/relations.graphml") { request, _ in
            let selection = try await selection(request)
            let locations = await observatory.workspace.locator.locations(of: selection.cities.values)
            return ExportStream.response(contentType: "application/graphml+xml") { emit in
                try await Exports.graphML(selection, locations: locations, emit)
            }
        }
    }

    private func selection(_ request: Request) async throws -> RelationSelection {
        try await WebError.answering {
            try await observatory.workspace.relations(Filters(request.uri.query).relationFilter).selection
        }
    }
}
