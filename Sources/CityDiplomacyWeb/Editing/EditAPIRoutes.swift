import CityDiplomacyCore
import CityDiplomacyPresentation
import Foundation
import Hummingbird
import NIOCore

/// Writes through the API: `POST /api/v1/{kind}`, `GET|PUT|DELETE /api/v1/{kind}/{id}` for
/// relations, memberships, events and sources, and the change log at `GET /api/v1/changes`.
struct EditAPIRoutes {
    let observatory: Observatory

    func register(on router: Router<ObservatoryContext>) {
        let api = router.group("api/v1")
        let service = EditService(observatory: observatory)
        let access = WriteAccess(tokens: observatory.configuration.writeTokens)
        for kind in RecordKind.editable {
            api.get("\(kind.collection)/:id") { _, context in
                Response.json(try await service.json(kind, id: try PageRoutes.parameter("id", context)))
            }
            api.post(RouterPath(kind.collection)) { request, _ in
                let actor = try access.bearer(request)
                let input = try EditInput(json: try await body(request))
                let change = try await service.save(kind, id: nil, input: input, actor: actor)
                var response = Response.json(try await result(kind, change), status: .created)
                response.headers[.location] = "/api/v1/\(kind.collection)/\(PageContext.segment(change.recordID))"
                return response
            }
            api.put("\(kind.collection)/:id") { request, context in
                let actor = try access.bearer(request)
                let id = try PageRoutes.parameter("id", context)
                let input = try EditInput(json: try await body(request))
                return Response.json(try await result(kind, try await service.save(kind, id: id, input: input, actor: actor)))
            }
            api.delete("\(kind.collection)/:id") { request, context in
                let actor = try access.bearer(request)
                _ = try await service.delete(kind, id: try PageRoutes.parameter("id", context), actor: actor)
                return Response(status: .noContent)
            }
        }
        api.get("changes") { request, _ in
            let filters = Filters(request.uri.query)
            let (limit, offset) = try filters.paging(defaultLimit: 100)
            let changes = try await observatory.registry.changes(limit: limit, offset: offset)
            return Response.json(.array(changes.map(Self.json)))
        }
    }

    /// The saved record and its change-log entry.
    private func result(_ kind: RecordKind, _ change: ChangeEntry) async throws -> JSONValue {
        .object([(kind.rawValue, try await EditService(observatory: observatory).json(kind, id: change.recordID)), ("change", Self.json(change))])
    }

    /// The body, held to the configured size; a body declared as anything but JSON is a 415.
    func body(_ request: Request, limit: Int? = nil) async throws -> Data {
        if let declared = request.headers[.contentType],
           declared.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() != "application/json" {
            throw WebError(.unsupportedMediaType, "the body must be JSON (Content-Type: application/json), not \(declared)", field: "Content-Type")
        }
        let data: Data
        do {
            data = Data(buffer: try await request.body.collect(upTo: limit ?? observatory.configuration.maxBodySize))
        } catch is NIOTooManyBytesError {
            // What `collect(upTo:)` throws; Hummingbird would answer it with an empty 413.
            throw WebError(.contentTooLarge, "the body is larger than \(limit ?? observatory.configuration.maxBodySize) bytes", field: "body")
        }
        // Before the decoder hashes its keys (see `CombiningMarks`), escaped marks counted too.
        let run = CombiningMarks.longestRun(inJSON: String(decoding: data, as: UTF8.self))
        if let problem = CombiningMarks.problem(forRun: run.length) { throw WebError.badRequest("the body \(problem) (line \(run.line))", field: "body") }
        return data
    }

    static func json(_ change: ChangeEntry) -> JSONValue {
        .object([
            ("id", .number(change.id)), ("at", .string(ISO8601DateFormatter().string(from: change.at))), ("actor", .string(change.actor)),
            ("action", .string(change.action.rawValue)), ("record_kind", .string(change.recordKind.rawValue)), ("record_id", .string(change.recordID)),
            ("dataset", .string(change.datasetID)), ("before", APIRepresentation.optional(change.before)), ("after", APIRepresentation.optional(change.after)),
        ])
    }
}
