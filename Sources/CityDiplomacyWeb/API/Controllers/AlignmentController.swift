import CityDiplomacyApplication
import CityDiplomacyPresentation
import Foundation
import Hummingbird

/// `POST /alignment`: the priorities as YAML in the body (`text/yaml` or `application/x-yaml`,
/// at most 64 KiB), `focus`, `dataset`, `against`, `draws`, `seed` in the query; the JSON of
/// `citydip alignment --format json`. Never cached: one caller's priorities are no other's answer.
struct AlignmentController {
    let observatory: Observatory

    static let mediaTypes: Set<String> = ["text/yaml", "application/x-yaml", "application/yaml", "text/x-yaml", "text/plain"]

    /// A YAML or plain-text media type in UTF-8: anything else is 415, and so is a body without one.
    static func checkMediaType(_ header: String?) throws(WebError) {
        guard let header else {
            throw WebError(.unsupportedMediaType, "the priorities are posted as text/yaml or application/x-yaml; the request names no Content-Type", field: "priorities")
        }
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let type = parts.first ?? ""
        guard mediaTypes.contains(type) else {
            throw WebError(.unsupportedMediaType, "the priorities are posted as text/yaml or application/x-yaml, not \(type)", field: "priorities")
        }
        for parameter in parts.dropFirst() where parameter.hasPrefix("charset=") {
            let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            guard charset == "utf-8" || charset == "utf8" || charset == "us-ascii" else {
                throw WebError(.unsupportedMediaType, "the priorities are read as UTF-8, not \(charset)", field: "priorities")
            }
        }
    }

    func addRoutes(to api: RouterGroup<ObservatoryContext>) {
        api.post("alignment") { request, _ in
            try Self.checkMediaType(request.headers[.contentType])
            let text = try await Observatory.body(request)
            let alignment = try observatory.alignmentRequest(priorities: text, Filters(request.uri.query))
            let result = try await observatory.alignment(alignment)
            var response = try Response.json(encoding: result.view)
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }
}
