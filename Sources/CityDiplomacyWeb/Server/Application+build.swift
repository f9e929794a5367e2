import CityDiplomacyCore
import Hummingbird
import Logging

/// Builds the observatory — JSON API and pages — over a registry, ready to run or to test in
/// process:
///
/// ```swift
/// let app = try await buildApplication(WebConfiguration(port: 8080), registry: registry)
/// try await app.runService()
/// ```
public func buildApplication(
    _ configuration: WebConfiguration, registry: any CityDiplomacyRegistry, logger: Logger? = nil
) async throws -> some ApplicationProtocol {
    let observatory = try await Observatory(registry: registry, configuration: configuration)
    let router = Router(context: ObservatoryContext.self)
    router.add(middleware: NotFoundMiddleware())
    API(observatory: observatory).register(on: router)
    EditAPIRoutes(observatory: observatory).register(on: router)
    PageRoutes(observatory: observatory).register(on: router)
    EditPages(observatory: observatory).register(on: router)
    var log = logger ?? Logger(label: "citydip.serve")
    if logger == nil { log.logLevel = .info }
    return Application(
        router: router,
        configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "citydip"),
        logger: log
    )
}

/// Answers a path no route knows with the observatory's 404: JSON under `/api`, a page elsewhere.
struct NotFoundMiddleware: RouterMiddleware {
    typealias Context = ObservatoryContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let missing = WebError(.notFound, "no such address: \(request.uri.path)")
            if request.uri.path.hasPrefix("/api/") { throw missing }
            throw missing.asPage(PageContext(request: request))
        }
    }
}
