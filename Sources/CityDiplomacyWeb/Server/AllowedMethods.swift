import Hummingbird
import NIOCore
import Synchronization

/// The methods each address of the observatory takes, so that a method an address does not take
/// is answered 405 with them in `Allow`, as HTTP asks, where Hummingbird answers 404 as if the
/// address did not exist.
///
/// Read from the router itself once every route is registered (``learn(from:)``), so that `Allow`
/// cannot drift from the routes; kept as a second router whose every address answers GET with its
/// `Allow`, so that an address is matched by the same rules (parameters, captures) as a request.
final class AllowedMethods: Sendable {
    private let index = Mutex<RouterResponder<ObservatoryContext>?>(nil)

    func learn(from router: Router<ObservatoryContext>) {
        let table = Router(context: ObservatoryContext.self)
        for (_, routes) in Dictionary(grouping: router.routes, by: { $0.path.description }) {
            var allowed = Set(routes.map(\.method))
            if allowed.contains(.get) { allowed.insert(.head) }
            let allow = allowed.map(\.rawValue).sorted().joined(separator: ", ")
            table.get(routes[0].path) { _, _ in Response(status: .noContent, headers: [.allow: allow]) }
        }
        let responder = table.buildResponder()
        index.withLock { $0 = responder }
    }

    /// What to answer `request`, to which the router found no route: a 405 if its address takes
    /// other methods; `nil` if no route has its address.
    func refusal(of request: Request, context: ObservatoryContext) async -> WebError? {
        guard let index = index.withLock({ $0 }) else { return nil }
        var head = request.head
        head.method = .get
        guard let answer = try? await index.respond(to: Request(head: head, body: RequestBody(buffer: ByteBuffer())), context: context),
              let allow = answer.headers[.allow],
              !allow.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }).contains(request.method.rawValue)
        else { return nil }
        var error = WebError(.methodNotAllowed, "\(request.uri.path) does not take \(request.method.rawValue): it takes \(allow)", field: "method")
        error.headers[.allow] = allow
        return error
    }
}
