import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation
import Hummingbird

/// Documents through the API: `GET /api/v1/documents?dataset=&attached=`,
/// `GET /api/v1/documents/{id}`, and with a write token `POST /api/v1/documents`,
/// `POST /api/v1/documents/{id}/segments` and `DELETE /api/v1/segments/{id}` — the same use
/// cases as the document pages' forms.
struct DocumentAPIRoutes {
    let observatory: Observatory
    var access: WriteAccess { WriteAccess(tokens: observatory.configuration.writeTokens) }
    var coding: DocumentCoding { DocumentCoding(observatory: observatory) }

    func register(on router: Router<ObservatoryContext>) {
        let api = router.group("api/v1")
        api.get("documents") { request, _ in
            let filters = Filters(request.uri.query)
            let summaries = try await WebError.answering {
                try await observatory.workspace.documents(dataset: filters.text("dataset"), attachedTo: filters.text("attached"))
            }
            return try Response.json(encoding: DocumentListJSON(documents: summaries.map(DocumentSummaryJSON.init)))
        }
        api.get("documents/:id") { _, context in
            let id = try PageRoutes.parameter("id", context)
            return try Response.json(encoding: DocumentJSON(try await WebError.answering { try await observatory.workspace.documentView(id: id) }))
        }
        api.post("documents") { request, _ in
            let actor = try access.bearer(request)
            let input = try decode(DocumentInput.self, try await EditAPIRoutes(observatory: observatory).body(request, limit: observatory.configuration.maxDocumentBodySize))
            let document = try await coding.add(try input.request(actor: actor))
            let view = try await WebError.answering { try await observatory.workspace.documentView(id: document.id) }
            var response = try Response.json(encoding: DocumentJSON(view), status: .created)
            response.headers[.location] = "/api/v1/documents/\(PageContext.segment(document.id))"
            return response
        }
        api.post("documents/:id/segments") { request, context in
            let actor = try access.bearer(request)
            let id = try PageRoutes.parameter("id", context)
            let input = try decode(SegmentInput.self, try await EditAPIRoutes(observatory: observatory).body(request))
            let segment = try await coding.code(input, documentID: id, coder: actor)
            guard let document = try await observatory.registry.document(id: id) else { throw WebError.notFound("document '\(id)'", field: "id") }
            var response = try Response.json(encoding: SegmentJSON(segment, in: document), status: .created)
            response.headers[.location] = "/api/v1/documents/\(PageContext.segment(id))"
            return response
        }
        api.delete("segments/:id") { request, context in
            let actor = try access.bearer(request)
            _ = try await coding.uncode(segmentID: try PageRoutes.parameter("id", context), actor: actor)
            return Response(status: .noContent)
        }
    }

    private func decode<T: Decodable>(_ type: T.Type, _ body: Data) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            throw WebError.decoding(error)
        }
    }
}

/// `GET /api/v1/documents`.
struct DocumentListJSON: Encodable {
    let documents: [DocumentSummaryJSON]
}
