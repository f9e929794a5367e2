import CityDiplomacyApplication
import CityDiplomacyPresentation
import Hummingbird
import NIOCore

/// An error answered to the client: JSON `{"error": …, "field": …}` under `/api`, an HTML page
/// elsewhere, always with its status code.
struct WebError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    /// The query parameter, path segment or body field at fault, if one is.
    var field: String?
    /// Whether to answer with a page rather than JSON.
    var page: PageContext?
    /// Every field error of an edit, beyond the first.
    var details: [(field: String, message: String)] = []
    /// Headers the answer carries besides its body (`Allow` with a 405).
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    /// A use case's error, with the status its kind means.
    init(_ error: ApplicationError) {
        let status: HTTPResponse.Status = switch error.kind {
        case .invalidValue: .badRequest
        case .notFound: .notFound
        case .conflict: .conflict
        }
        self.init(status, error.message, field: error.field)
    }

    /// Runs a use case, answering its errors as ``WebError``s.
    static func answering<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ApplicationError {
            throw WebError(error)
        }
    }

    static func badRequest(_ message: String, field: String) -> WebError {
        WebError(.badRequest, message, field: field)
    }

    static func notFound(_ what: String, field: String? = nil) -> WebError {
        WebError(.notFound, "\(what) not found", field: field)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        if let page {
            var response = page.errorResponse(self)
            for field in headers { response.headers.append(field) }
            return response
        }
        var fields: [(String, JSONValue)] = [("error", .string(message))]
        if let field { fields.append(("field", .string(field))) }
        if !details.isEmpty { fields.append(("errors", .object(details.map { ($0.field, .string($0.message)) }))) }
        var response = Response.json(.object(fields), status: status)
        for field in headers { response.headers.append(field) }
        if status == .unauthorized {
            response.headers[.wwwAuthenticate] = "Bearer realm=\"citydip\""
        }
        return response
    }

    /// The same error, answered as a page in `context`'s language.
    func asPage(_ context: PageContext) -> WebError {
        var error = self
        error.page = context
        return error
    }
}

extension Response {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        body(value.serialized(pretty: false) + "\n", contentType: "application/json; charset=utf-8", status: status)
    }

    /// A view model as JSON, through the one ordered encoder the CLI uses too.
    static func json(encoding value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(try OrderedJSONEncoder().encode(value), status: status)
    }

    static func body(_ text: String, contentType: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
