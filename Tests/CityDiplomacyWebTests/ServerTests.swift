import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import CityDiplomacyWeb

@Suite("The server keeps to its configuration: body limit, tokens never echoed, a busy port said plainly")
struct ServerTests {
    @Test("A malformed --token value is refused without repeating it", arguments: ["alicetoken1234567890", ":alicetoken1234567890"])
    func tokenWithoutName(spec: String) {
        #expect(throws: WebConfigurationError.missingName) { try WebConfiguration.tokens([spec]) }
        let message = "\(WebConfigurationError.missingName)"
        #expect(message == "a --token value has no NAME: prefix (expected NAME:TOKEN)")
        #expect(!message.contains("alicetoken"))
    }

    @Test("A short token names its owner, never the token")
    func shortToken() throws {
        #expect(throws: WebConfigurationError.shortToken(name: "alice")) { try WebConfiguration.tokens(["alice:short-secret"]) }
        #expect(!"\(WebConfigurationError.shortToken(name: "alice"))".contains("short-secret"))
        #expect(try WebConfiguration.tokens(["alice:0123456789abcdef:with-colon"]) == ["0123456789abcdef:with-colon": "alice"])
    }

    @Test("A configured body limit smaller than the default gives 413, to the API and to the forms")
    func configuredBodyLimit() async throws {
        let big = ByteBuffer(string: "{\"notes\": \"" + String(repeating: "x", count: 2000) + "\"}")
        try await ObservatoryFixture.withClient(writeTokens: ["editor-token-0123456789": "alice"], maxBodySize: 1000) { client in
            try await client.execute(uri: "/api/v1/relations", method: .post,
                                     headers: [.authorization: "Bearer editor-token-0123456789", .contentType: "application/json"], body: big) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
            try await client.execute(uri: "/edit/relations", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "notes=" + String(repeating: "x", count: 2000))) { response in
                #expect(response.status == .contentTooLarge)
                // A page saying so, not an empty answer.
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(String(buffer: response.body).contains("1000"))
            }
        }
    }

    @Test("Every request's context carries the configured limit, not the default")
    func contextCarriesLimit() async throws {
        let router = Router(context: ObservatoryContext.self)
        router.add(middleware: BodyLimitMiddleware(maxBodySize: 10))
        router.post("echo") { request, context in
            String(buffer: try await request.body.collect(upTo: context.maxUploadSize))
        }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/echo", method: .post, body: ByteBuffer(string: "0123456789")) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/echo", method: .post, body: ByteBuffer(string: "0123456789!")) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test("The server announces its port only once bound, and a port in use is one plain error")
    func busyPort() async throws {
        let registry = try await ObservatoryFixture.registry()
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let first = try await buildApplication(WebConfiguration(port: 0), registry: registry) { port in announce.yield(port) }
        let running = Task { try await first.runService(gracefulShutdownSignals: []) }
        defer { running.cancel() }
        var announced = ports.makeAsyncIterator()
        let port = try #require(await announced.next())
        #expect(port > 0)
        let configuration = WebConfiguration(port: port)
        let second = try await buildApplication(configuration, registry: registry) { _ in
            Issue.record("a server that could not bind announced itself")
        }
        await #expect(throws: ObservatoryStartError.portInUse(port)) {
            try await runObservatory(second, configuration: configuration)
        }
        #expect("\(ObservatoryStartError.portInUse(8080))" == "port 8080 is in use: choose another with --port")
    }
}
