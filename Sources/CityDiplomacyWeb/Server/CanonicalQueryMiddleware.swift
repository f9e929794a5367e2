import Foundation
import Hummingbird

/// Rewrites the query of every GET and HEAD request to the parameters some route reads, before any
/// route sees it.
///
/// The response cache is keyed on the address, so an address that varied by a parameter nobody
/// reads (`?bust=1`, `?bust=2`…) was a new entry each time: ten such requests for the GeoJSON
/// export rendered it ten times and held ten copies. Unknown parameters are ignored rather than
/// refused, as a page's address often carries a tracker's or a bookmarking tool's parameters;
/// dropping them here, not only from the cache's key, keeps a page from writing them back into
/// its links and its cached copy. The parameters kept stay in the order given, as the pages write
/// them back in that order (so `a=1&b=2` and `b=2&a=1` are two entries, which the byte bound of
/// the cache covers).
struct CanonicalQueryMiddleware: RouterMiddleware {
    typealias Context = ObservatoryContext

    /// Every query parameter a route of the observatory reads. A test holds this list to the
    /// sources, so that a parameter added to a route cannot be forgotten here.
    static let knownParameters: Set<String> = [
        "affiliations", "against", "aggregate_parts", "attach", "attached", "city", "country", "dataset", "draws", "example", "exclude_country",
        "focus", "focus_country", "format", "from", "group", "include_domestic", "kind", "lang", "level", "limit", "model",
        "name", "network", "network_measures", "offset", "page", "partner", "per_page", "periodisation", "regions", "rule",
        "scheme", "seed", "status", "subject", "to", "top",
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head, let query = request.uri.query, !query.isEmpty else {
            return try await next(request, context)
        }
        let canonical = Self.canonical(query)
        guard canonical != query else { return try await next(request, context) }
        var head = request.head
        head.path = request.uri.path + (canonical.isEmpty ? "" : "?" + canonical)
        return try await next(Request(head: head, body: request.body), context)
    }

    /// The known parameters of `query`, in order, as they were encoded.
    static func canonical(_ query: String) -> String {
        let parts = query.split(separator: "&", omittingEmptySubsequences: true).compactMap { part -> (name: String, part: Substring)? in
            let raw = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let name = raw.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(raw)
            return knownParameters.contains(name) ? (name, part) : nil
        }
        return parts.map { String($0.part) }.joined(separator: "&")
    }
}
