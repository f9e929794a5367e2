import CityDiplomacyCore
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Builds the observatory — JSON API and pages — over a registry, ready to run or to test in
/// process:
///
/// ```swift
/// let app = try await buildApplication(WebConfiguration(port: 8080), registry: registry) { port in
///     print("listening on \(port)")
/// }
/// try await runObservatory(app, configuration: configuration)
/// ```
///
/// `onServerRunning` is called with the port once the server has bound it, and only then: an
/// announcement made before could name an address that is not served. With
/// `loadingReferenceDataFirst`, the bundled gazetteer is loaded before the server is returned
/// (`citydip serve` does so); else it loads in the background.
public func buildApplication(
    _ configuration: WebConfiguration, registry: any CityDiplomacyRegistry, logger: Logger? = nil,
    loadingReferenceDataFirst: Bool = false,
    onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    // Pages are read while the server writes (a copy of a large dataset): the registry must not
    // take the database to itself for a large store.
    registry.admitReadersDuringWrites()
    // A broken template stops the server here, not at its first page.
    try PageTemplates.preload()
    let observatory = try await Observatory(registry: registry, configuration: configuration)
    // HEAD is answered wherever GET is, with GET's headers and no body.
    let router = Router(context: ObservatoryContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: CanonicalQueryMiddleware())
    router.add(middleware: BodyLimitMiddleware(maxBodySize: configuration.maxBodySize))
    let allowedMethods = AllowedMethods()
    router.add(middleware: NotFoundMiddleware(allowedMethods: allowedMethods))
    API(observatory: observatory).register(on: router)
    EditAPIRoutes(observatory: observatory).register(on: router)
    PageRoutes(observatory: observatory).register(on: router)
    EditPages(observatory: observatory).register(on: router)
    DocumentRoutes(observatory: observatory).register(on: router)
    DocumentAPIRoutes(observatory: observatory).register(on: router)
    allowedMethods.learn(from: router)
    var log = logger ?? Logger(label: "citydip.serve")
    if logger == nil { log.logLevel = .info }
    // Maps and GeoJSON place nothing without the gazetteer: say so once, not silently.
    let reportFailure = { @Sendable [log, locator = observatory.workspace.locator] in
        if let failure = await locator.loadFailure() {
            log.error("the bundled gazetteer could not be loaded, so cities without coordinates are not placed on maps or in exports: \(failure)")
        }
    }
    if loadingReferenceDataFirst {
        // A server that listens only once its reference data is loaded: building the gazetteer's
        // index takes most of a second on both cores, which its first requests would otherwise
        // share with it (a cold dashboard took twice as long).
        await reportFailure()
    } else {
        Task { await reportFailure() }
    }
    let clients = ClientConnectionCounts(limit: configuration.maxConnectionsPerClient, countsLoopback: configuration.countsLoopbackClients)
    let headDeadline = TimeAmount.nanoseconds(Int64(configuration.requestHeadTimeout * 1_000_000_000))
    return Application(
        router: router,
        // Connections that stay silent are closed, and only so many are served at once, so that
        // idle, half-sent or never-ending connections cannot hold the server's sockets; a request
        // head trickled to keep a connection from being silent is cut at its deadline, and one
        // client holds only so many of the connections served.
        server: .http1(configuration: .init(
            additionalChannelHandlers: [ConnectionsPerClient(clients), RequestHeadDeadline(headDeadline, minimumBodyRate: configuration.minimumBodyRate, unknownBodyLength: configuration.maxBodySize)],
            idleTimeout: .nanoseconds(Int64(configuration.idleTimeout * 1_000_000_000)))),
        configuration: ApplicationConfiguration(
            address: .hostname(configuration.host, port: configuration.port), serverName: "citydip",
            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections, logger: log)),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: log
    )
}

/// Runs a built observatory until it is stopped. A port another program holds is
/// ``ObservatoryStartError/portInUse(_:)``, which says what to do, rather than NIO's
/// `bind(descriptor:ptr:bytes:)` error.
public func runObservatory(_ app: some ApplicationProtocol, configuration: WebConfiguration) async throws {
    do {
        try await app.runService()
    } catch let error as IOError where error.errnoCode == EADDRINUSE {
        throw ObservatoryStartError.portInUse(configuration.port)
    }
}

/// Why the observatory could not start listening.
public enum ObservatoryStartError: Error, Equatable, CustomStringConvertible {
    case portInUse(Int)

    public var description: String {
        switch self {
        case let .portInUse(port): "port \(port) is in use: choose another with --port"
        }
    }
}

/// Answers a path no route knows with the observatory's 404, a method its address does not take
/// with 405, and a body larger than the limit
/// with its 413: JSON under `/api`, a page elsewhere.
struct NotFoundMiddleware: RouterMiddleware {
    typealias Context = ObservatoryContext
    /// A method the address does not take is a 405, not a 404.
    let allowedMethods: AllowedMethods

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let missing = await allowedMethods.refusal(of: request, context: context) ?? WebError(.notFound, "no such address: \(request.uri.path)")
            if request.uri.path.hasPrefix("/api/") { throw missing }
            throw missing.asPage(PageContext(request: request))
        } catch is NIOTooManyBytesError {
            // What a body read beyond the limit throws; Hummingbird would answer it with an empty
            // 413, where the API promises its JSON error.
            let tooLarge = WebError(.contentTooLarge, "the body is larger than \(context.maxUploadSize) bytes", field: "body")
            if request.uri.path.hasPrefix("/api/") { throw tooLarge }
            throw tooLarge.asPage(PageContext(request: request))
        }
    }
}
