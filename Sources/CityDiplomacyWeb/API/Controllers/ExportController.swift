import CityDiplomacyApplication
import CityDiplomacyCore
import Hummingbird

/// `/export/relations.csv`, `.geojson` and `.graphml`: the relations a filter selects, as files
/// for spreadsheets, GIS and network tools; `/datasets/{id}/segments.csv` and `project.qdpx`: a
/// dataset's coded segments for R and pandas, and its coded corpus for MAXQDA, ATLAS.ti and NVivo.
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
        api.get("datasets/:id/segments.csv") { request, context in
            let id = try PageRoutes.parameter("id", context)
            return try await responder.cached(request) {
                let workspace = observatory.workspace
                let rows = try await WebError.answering {
                    try await workspace.segmentRows(dataset: workspace.requireDataset(id).id, document: nil, codebook: workspace.codebook())
                }
                return (SegmentRow.csv(rows), "text/csv; charset=utf-8")
            }
        }
        // A zip, which the response cache (of text) does not keep: made anew, as a download.
        api.get("datasets/:id/project.qdpx") { _, context in
            let id = try PageRoutes.parameter("id", context)
            let workspace = observatory.workspace
            let export = try await WebError.answering {
                try await workspace.exportQDPX(dataset: workspace.requireDataset(id).id, codebook: workspace.codebook())
            }
            let name = export.datasetID.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
            return Response(
                status: .ok,
                headers: [.contentType: "application/zip", .contentDisposition: "attachment; filename=\"\(name).qdpx\""],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: export.data)))
        }
    }

    private func selection(_ request: Request) async throws -> RelationSelection {
        try await WebError.answering {
            try await observatory.workspace.relations(Filters(request.uri.query).relationFilter).selection
        }
    }
}
