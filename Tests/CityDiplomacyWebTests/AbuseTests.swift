import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing
@testable import CityDiplomacyWeb

@Suite("The server under abuse: parameters nobody reads, large exports, silent connections, framing and sniffing")
struct AbuseTests {
    @Test("A parameter no route reads is dropped before routing, and the rest are kept in order")
    func canonicalQuery() async throws {
        #expect(CanonicalQueryMiddleware.canonical("bust=1&dataset=b&city=c&dataset=a") == "dataset=b&city=c&dataset=a")
        #expect(CanonicalQueryMiddleware.canonical("bust=1&utm_source=x") == "")
        let router = Router(context: ObservatoryContext.self)
        router.add(middleware: CanonicalQueryMiddleware())
        router.get("echo") { request, _ in request.uri.description }
        try await Application(router: router).test(.router) { client in
            for bust in 1...10 {
                try await client.execute(uri: "/echo?bust=\(bust)&lang=fa", method: .get) { response in
                    #expect(String(buffer: response.body) == "/echo?lang=fa")
                }
            }
        }
    }

    @Test("A page asked with a cache-busting parameter neither shows it nor writes it into its links")
    func bustingParameterOnPages() async throws {
        try await ObservatoryFixture.withClient(cacheLifetime: 60) { client in
            try await client.execute(uri: "/relations?bust=12345&dataset=iran-2018", method: .get) { response in
                #expect(response.status == .ok)
                #expect(!String(buffer: response.body).contains("bust"))
            }
        }
    }

    /// The names read from query strings and forms in the sources: `text("x")`, `integer("x"…`,
    /// `fields["x"]` and the like.
    static func parametersReadInSources() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/CityDiplomacyWeb").standardized
        let pattern = try NSRegularExpression(pattern: #"\b(?:text|texts|integer|flag|all|ids)\("([a-z_]+)"|fields\["([a-z_]+)"\]"#)
        var names: Set<String> = []
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
        for file in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for group in 1...2 {
                    if let range = Range(match.range(at: group), in: text) { names.insert(String(text[range])) }
                }
            }
        }
        return names
    }

    @Test("Every parameter a route reads from a query is one the canonical query keeps")
    func knownParametersCoverTheSources() throws {
        // Read only from posted forms and JSON bodies, never from an address.
        let bodyOnly: Set<String> = [
            "awarding_body", "awarding_body_fa", "csrf", "language", "locator", "locator_fa", "next", "notes", "notes_fa", "priorities",
            "publisher", "publisher_fa", "role_en", "role_fa", "sources", "themes", "title", "title_en", "title_fa", "title_fa_source",
            "token", "url", "year",
        ]
        let read = try Self.parametersReadInSources()
        #expect(read.count > 40)
        #expect(read.subtracting(bodyOnly).subtracting(CanonicalQueryMiddleware.knownParameters).isEmpty)
    }

    @Test("The cache is bounded in bytes: a body larger than the bound is not kept, and the cache starts again empty beyond it")
    func byteBound() {
        let cache = ResponseCache(lifetime: 2, byteCapacity: 10)
        cache.put("/big", body: String(repeating: "x", count: 11), contentType: "text/plain", revision: "r1")
        #expect(cache.size.entries == 0)
        cache.put("/a", body: "aaaaaa", contentType: "text/plain", revision: "r1")
        cache.put("/a", body: "aaaaaa", contentType: "text/plain", revision: "r1")
        #expect(cache.size.entries == 1 && cache.size.bytes == 6)
        cache.put("/b", body: "bbbbbb", contentType: "text/plain", revision: "r1")
        #expect(cache.size.entries == 1 && cache.size.bytes == 6)
        guard case .hit = cache.lookup("/b", revision: "r1") else { Issue.record("the newest entry is kept"); return }
    }

    @Test("Exports are streamed, not rendered whole: no Content-Length, and the file is complete")
    func exportsStream() async throws {
        try await ObservatoryFixture.withClient(cacheLifetime: 60) { client in
            for format in ["csv", "geojson", "graphml"] {
                try await client.execute(uri: "/api/v1/export/relations.\(format)?dataset=iran-2018", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentLength] == nil)
                    #expect(response.body.readableBytes > 1000)
                }
            }
        }
    }

    @Test("Every answer, error pages too, forbids framing, sniffing and outside resources; sign-in and edit pages are not stored")
    func securityHeaders() async throws {
        try await ObservatoryFixture.withClient(writeTokens: ["editor-token-0123456789": "alice"]) { client in
            for uri in ["/", "/api/v1/statistics", "/no-such-page", "/api/v1/no-such", "/sign-in", "/edit/relations/new"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let csp = try #require(response.headers[.contentSecurityPolicy], "\(uri)")
                    #expect(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"))
                    #expect(!csp.contains("unsafe-inline"))
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    #expect(response.headers[SecurityHeadersMiddleware.xFrameOptions] == "DENY")
                    #expect(response.headers[SecurityHeadersMiddleware.referrerPolicy] == "same-origin")
                    let secret = uri == "/sign-in" || uri.hasPrefix("/edit/")
                    #expect((response.headers[.cacheControl] == "no-store") == secret, "\(uri)")
                }
            }
        }
    }

    @Test("The pages hold no inline script or style, so that the strict policy leaves them working")
    func noInlineScriptOrStyle() async throws {
        try await ObservatoryFixture.withClient { client in
            for uri in ["/", "/datasets/iran-2018", "/countries/CN", "/relations?dataset=iran-2018"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let page = String(buffer: response.body)
                    #expect(!page.contains("<script>") && !page.contains("<style") && !page.contains(" style=\"") && !page.contains(" onclick="), "\(uri)")
                }
            }
        }
    }

    @Test("Only loopback addresses count as private: any other makes serve warn about clear text")
    func loopback() {
        for host in ["127.0.0.1", "localhost", "::1", "[::1]"] { #expect(WebConfiguration.isLoopback(host)) }
        for host in ["0.0.0.0", "192.168.1.5", "::", "example.org"] { #expect(!WebConfiguration.isLoopback(host)) }
    }

    /// A channel handler that does nothing with what it reads: the test only waits for the close.
    final class Silent: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
    }

    @Test("A connection that sends half a request and stops is closed after the idle timeout")
    func halfSentRequestIsClosed() async throws {
        let registry = try await ObservatoryFixture.registry()
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let app = try await buildApplication(WebConfiguration(port: 0, idleTimeout: 1), registry: registry) { port in announce.yield(port) }
        let running = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { running.cancel() }
        var announced = ports.makeAsyncIterator()
        let port = try #require(await announced.next())
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in channel.pipeline.addHandler(Silent()) }
            .connect(host: "127.0.0.1", port: port).get()
        // On a loaded machine the server may already have closed it by the time this is written.
        try? await channel.writeAndFlush(ByteBuffer(string: "GET /api/v1/statistics HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Half: ")).get()
        // Generous: the server closes it after a second; without a timeout it never would. The
        // rest of the suite has kept this test's tasks from running for minutes on two cores.
        let closed = await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await channel.closeFuture.get()) != nil }
            group.addTask { try? await Task.sleep(for: .seconds(600)); return false }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !closed { try? await channel.close().get() }
        #expect(closed)
    }
}
