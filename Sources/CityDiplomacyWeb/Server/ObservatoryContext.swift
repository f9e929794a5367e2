import Hummingbird

/// The request context of the observatory. It carries the largest body the server was configured
/// to accept (``WebConfiguration/maxBodySize``), set on every request by ``BodyLimitMiddleware``,
/// so that anything that collects or decodes a body with the context's limit uses that one.
public struct ObservatoryContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Starts as the default configuration's limit, until the middleware sets the configured one.
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        maxUploadSize = WebConfiguration().maxBodySize
    }
}

/// Gives every request's context the configured body limit: a context is made by Hummingbird
/// from the connection alone, so the configuration reaches it here.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = ObservatoryContext
    let maxBodySize: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.maxUploadSize = maxBodySize
        return try await next(request, context)
    }
}
