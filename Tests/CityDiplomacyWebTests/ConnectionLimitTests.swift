import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import Testing
@testable import CityDiplomacyWeb

/// The server's limits on connections, against a live server on a loopback port: a request head
/// trickled byte by byte (slowloris) is cut at its deadline, and one client address holds only
/// so many connections.
@Suite("The server's connection limits: a deadline for a request's head, and connections per client", .serialized)
struct ConnectionLimitTests {
    /// A client's connection: the channel, and the bytes the server sends, ending when it closes.
    struct Connection {
        var channel: any Channel
        var received: AsyncStream<ByteBuffer>
    }

    /// Hands what the server sends to the test, and tells it when the connection closes.
    final class Collect: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let sink: AsyncStream<ByteBuffer>.Continuation

        init(_ sink: AsyncStream<ByteBuffer>.Continuation) {
            self.sink = sink
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            sink.yield(unwrapInboundIn(data))
        }

        func channelInactive(context: ChannelHandlerContext) {
            sink.finish()
            context.fireChannelInactive()
        }
    }

    static let request = "GET /api/v1/openapi.yaml HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

    /// Runs `body` with the port of an observatory built with `configuration` (on port 0).
    static func withServer(_ configuration: WebConfiguration, _ body: (Int) async throws -> Void) async throws {
        let registry = try await ObservatoryFixture.registry()
        let (ports, announce) = AsyncStream<Int>.makeStream()
        let app = try await buildApplication(configuration, registry: registry) { port in announce.yield(port) }
        let running = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { running.cancel() }
        var announced = ports.makeAsyncIterator()
        try await body(try #require(await announced.next()))
    }

    static func connect(_ port: Int) async throws -> Connection {
        let (received, sink) = AsyncStream<ByteBuffer>.makeStream()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in channel.pipeline.addHandler(Collect(sink)) }
            .connect(host: "127.0.0.1", port: port).get()
        return Connection(channel: channel, received: received)
    }

    /// Sends one request on `connection` and reads its answer (its head, and a body of the length
    /// it gives); `nil` if the server closes the connection first.
    static func answer(on connection: Connection) async throws -> String? {
        // Refused connections may already be closed: their answer is then none.
        try? await connection.channel.writeAndFlush(ByteBuffer(string: request)).get()
        // Bytes, not text: a chunk may end inside a character (the document has Persian and
        // dashes), and text decoded chunk by chunk would never add up to the length announced.
        var received: [UInt8] = []
        var inbound = connection.received.makeAsyncIterator()
        while true {
            if let end = received.firstRange(of: Array("\r\n\r\n".utf8)) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).lowercased()
                let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                if received.count - end.upperBound >= length { return String(decoding: received, as: UTF8.self) }
            }
            guard let chunk = await inbound.next() else { return nil }
            received += chunk.readableBytesView
        }
    }

    /// Seconds until the server closes `connection` (its inbound stream ends), at most `limit`;
    /// `nil` if it is still open then. Whatever arrives meanwhile is read and dropped.
    static func secondsUntilClosed(_ connection: Connection, limit: Double, since start: ContinuousClock.Instant = .now) async -> Double? {
        await withTaskGroup(of: Double?.self) { group in
            group.addTask {
                for await _ in connection.received {}
                let elapsed = ContinuousClock.now - start
                return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            }
            group.addTask { try? await Task.sleep(for: .seconds(limit)); return nil }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    @Test("A client trickling a request's head is closed at the head deadline, though never idle, while an honest client is served")
    func slowHeadIsClosed() async throws {
        // The suite runs beside every other, whose work can keep this test's tasks (and the
        // server's) from running for minutes on two cores: in CI it has taken 300–450 s, and its
        // clocks then measure the wait as much as the server. So it bounds nothing by a time that
        // load can stretch. The idle timeout (15 minutes) is beyond any wait seen, so that a
        // connection closed before it was closed by the head deadline; the deadline (30 s) is
        // beyond the time the whole suite has kept the server from reading an honest request (at
        // 2 s and at 5 s the honest client's first request was cut in CI), and the slow client is
        // held at least that long.
        let deadline = 30.0, idleTimeout = 900.0, waited = 600.0
        try await Self.withServer(WebConfiguration(port: 0, idleTimeout: idleTimeout, requestHeadTimeout: deadline)) { port in
            // Timed from just before its connection, whatever the test does meanwhile: a task
            // started under load may begin its clock a second late.
            let connected = ContinuousClock.now
            let slow = try await Self.connect(port)
            let slowClosed = Task { await Self.secondsUntilClosed(slow, limit: waited, since: connected) }
            let trickling = Task {
                try await slow.channel.writeAndFlush(ByteBuffer(string: "GET /api/v1/openapi.yaml HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")).get()
                // A byte every 0.2 s: the connection is never silent for long.
                while !Task.isCancelled {
                    try await Task.sleep(for: .milliseconds(200))
                    try await slow.channel.writeAndFlush(ByteBuffer(string: "a")).get()
                }
            }
            defer { trickling.cancel() }
            // Meanwhile an honest client is served, twice on one kept-alive connection (the second
            // request sent at once, well within the deadline that follows the first answer)...
            let honest = try await Self.connect(port)
            #expect(try await Self.answer(on: honest)?.hasPrefix("HTTP/1.1 200") == true)
            #expect(try await Self.answer(on: honest)?.hasPrefix("HTTP/1.1 200") == true)
            // ...and closed once it has sent no new request for the deadline after its answer:
            // before the idle timeout could have closed it.
            let idle = await Self.secondsUntilClosed(honest, limit: waited)
            #expect(idle != nil, "the honest client was still connected after \(waited) s")
            // The slow client is closed at the deadline after it connected: not before, and before
            // the idle timeout (or never, as without a deadline), though it never fell silent.
            let held = await slowClosed.value
            #expect(held != nil, "the slow client was still connected after \(waited) s")
            if let held { #expect(held >= deadline - 0.5, "held \(held) s") }
            try? await slow.channel.close().get()
        }
    }

    @Test("One client holds at most its limit of connections: one more is closed at once, and accepted again once one closes")
    func connectionsPerClient() async throws {
        // Timeouts beyond any wait the rest of the suite has caused (see the head deadline's test):
        // the three connections stay open until the test closes them.
        var configuration = WebConfiguration(port: 0, idleTimeout: 900, requestHeadTimeout: 900, maxConnectionsPerClient: 3)
        // The test's client is on this machine, which is not counted by default.
        configuration.countsLoopbackClients = true
        try await Self.withServer(configuration) { port in
            var open: [Connection] = []
            for _ in 0..<3 {
                let connection = try await Self.connect(port)
                // Answered, so counted by the server before the next is opened.
                #expect(try await Self.answer(on: connection)?.hasPrefix("HTTP/1.1 200") == true)
                open.append(connection)
            }
            let fourth = try await Self.connect(port)
            #expect(try await Self.answer(on: fourth) == nil)
            #expect(await Self.secondsUntilClosed(fourth, limit: 600) != nil)
            // The three are still served.
            for connection in open { #expect(try await Self.answer(on: connection)?.hasPrefix("HTTP/1.1 200") == true) }
            try await open.removeLast().channel.close().get()
            // The server counts the close when it sees it: a moment after the client's.
            var served = false
            for _ in 0..<50 where !served {
                let next = try await Self.connect(port)
                served = try await Self.answer(on: next)?.hasPrefix("HTTP/1.1 200") == true
                if !served { try await Task.sleep(for: .milliseconds(100)) }
                try? await next.channel.close().get()
            }
            #expect(served)
            for connection in open { try? await connection.channel.close().get() }
        }
    }

    @Test("Connections from this machine, a reverse proxy's, are not counted against the limit by default")
    func loopbackNotCounted() async throws {
        try await Self.withServer(WebConfiguration(port: 0, idleTimeout: 900, requestHeadTimeout: 900, maxConnectionsPerClient: 2)) { port in
            var open: [Connection] = []
            for _ in 0..<5 {
                let connection = try await Self.connect(port)
                #expect(try await Self.answer(on: connection)?.hasPrefix("HTTP/1.1 200") == true)
                open.append(connection)
            }
            for connection in open { try? await connection.channel.close().get() }
        }
        #expect(WebConfiguration.isLoopback("127.0.0.1") && WebConfiguration.isLoopback("::1")
                && WebConfiguration.isLoopback("::ffff:127.0.0.1") && !WebConfiguration.isLoopback("10.0.0.1"))
        let counts = ClientConnectionCounts(limit: 1)
        #expect(counts.open("203.0.113.7") && !counts.open("203.0.113.7") && counts.open("127.0.0.1") && counts.open("127.0.0.1"))
    }

    @Test("A body trickled slower than the minimum rate is cut once its length's time has passed; one sent at once is answered")
    func slowBodyIsClosed() async throws {
        // As for the head's deadline (see its test): deadlines beyond the waits the rest of the
        // suite has caused, no time bounded from above, and an idle timeout beyond them all.
        let deadline = 30.0, waited = 600.0
        var configuration = WebConfiguration(port: 0, idleTimeout: 900, requestHeadTimeout: deadline)
        configuration.minimumBodyRate = 10_000
        try await Self.withServer(configuration) { port in
            // 20,000 bytes at 10,000 a second: the head's deadline, and 2 s for the body.
            let head = "POST /api/v1/relations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 20000\r\n\r\n"
            let connected = ContinuousClock.now
            let slow = try await Self.connect(port)
            let slowClosed = Task { await Self.secondsUntilClosed(slow, limit: waited, since: connected) }
            let trickling = Task {
                try await slow.channel.writeAndFlush(ByteBuffer(string: head)).get()
                while !Task.isCancelled {
                    try await Task.sleep(for: .milliseconds(200))
                    try await slow.channel.writeAndFlush(ByteBuffer(string: " ")).get()
                }
            }
            defer { trickling.cancel() }
            // A body sent whole is read, and the request answered (here: refused without a token).
            let honest = try await Self.connect(port)
            try await honest.channel.writeAndFlush(ByteBuffer(string: head.replacingOccurrences(of: "20000", with: "2") + "{}")).get()
            var received = ""
            for await chunk in honest.received {
                received += String(buffer: chunk)
                if received.contains("\r\n\r\n") { break }
            }
            #expect(received.hasPrefix("HTTP/1.1 4"), "\(received.prefix(40))")
            try? await honest.channel.close().get()
            let held = await slowClosed.value
            #expect(held != nil, "the slow body was still being read after \(waited) s")
            if let held { #expect(held >= deadline + 1.5, "held \(held) s") }
            try? await slow.channel.close().get()
        }
    }
}
