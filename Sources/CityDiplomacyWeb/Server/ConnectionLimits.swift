import NIOConcurrencyHelpers
import NIOCore
import HTTPTypes
import NIOHTTPTypes

/// Closes a connection whose next request has not wholly arrived within a deadline: its head
/// within ``deadline``, counted from the connection's start or, on a kept-alive connection, from
/// the moment the previous response was sent; its body within that deadline plus the time its
/// declared length takes at ``minimumBodyRate`` (a body of unknown length, chunked, as if it had
/// ``unknownBodyLength`` bytes).
///
/// The idle timeout alone does not stop a client that sends a request's head or body a byte every
/// few seconds (slowloris): the connection is never silent for long, and a few hundred of them
/// hold every connection the server serves. Sits after the HTTP decoder
/// (`HTTP1Channel.Configuration.additionalChannelHandlers`), so a head counts as arrived when the
/// decoder has read all of it, and a request when its end has.
///
/// ```swift
/// .http1(configuration: .init(additionalChannelHandlers: [RequestHeadDeadline(.seconds(10), minimumBodyRate: 32_768, unknownBodyLength: 262_144)]))
/// ```
final class RequestHeadDeadline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let deadline: TimeAmount
    /// Bytes a second a body must at least arrive at, on average, for its whole length.
    private let minimumBodyRate: Int
    /// The length assumed for a body sent without its length (chunked).
    private let unknownBodyLength: Int
    private var timer: Scheduled<Void>?
    /// Requests whose head has arrived and whose response is not yet sent: while there is one
    /// whose body has arrived too, the connection waits on the server, not on the client, and no
    /// deadline runs.
    private var unanswered = 0

    init(_ deadline: TimeAmount, minimumBodyRate: Int = 32 * 1024, unknownBodyLength: Int = 256 * 1024) {
        self.deadline = deadline
        self.minimumBodyRate = max(1, minimumBodyRate)
        self.unknownBodyLength = max(0, unknownBodyLength)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(request):
            unanswered += 1
            // The body has the head's deadline again, and the time its length takes at the
            // minimum rate: a 48 MB document 25 minutes, a form a few seconds.
            disarm()
            let length = request.headerFields[.contentLength].flatMap { Int($0) } ?? unknownBodyLength
            let seconds = Double(max(0, length)) / Double(minimumBodyRate)
            arm(context, in: deadline + .nanoseconds(Int64(min(seconds, 86_400) * 1_000_000_000)))
        case .end:
            // All of the request has arrived: the server's turn.
            disarm()
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else { return context.write(data, promise: promise) }
        // Armed once the end is written to the socket, not when the server hands it over: a large
        // answer read slowly is the idle timeout's to bound, not the next request's deadline.
        let written = promise ?? context.eventLoop.makePromise()
        written.futureResult.assumeIsolated().whenComplete { [self] _ in
            unanswered = max(0, unanswered - 1)
            if unanswered == 0, context.channel.isActive { arm(context) }
        }
        context.write(data, promise: written)
    }

    private func arm(_ context: ChannelHandlerContext, in delay: TimeAmount? = nil) {
        guard timer == nil else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: delay ?? deadline) {
            context.close(promise: nil)
        }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }
}

/// How many connections each client address holds open, shared by every connection of one
/// server; a connection beyond ``limit`` is refused.
final class ClientConnectionCounts: Sendable {
    let limit: Int
    /// Whether connections from this machine count: by default they do not, since a reverse proxy
    /// on the same machine (the deployment the README describes) brings every user's
    /// connections from 127.0.0.1, and 32 of them would lock all but a few browsers out.
    let countsLoopback: Bool
    private let counts = NIOLockedValueBox<[String: Int]>([:])

    init(limit: Int, countsLoopback: Bool = false) {
        self.limit = limit
        self.countsLoopback = countsLoopback
    }

    /// Counts a new connection from `client`, unless it already holds ``limit``: then `false`,
    /// and nothing is counted. A loopback client is not counted unless ``countsLoopback``.
    func open(_ client: String) -> Bool {
        guard countsLoopback || !WebConfiguration.isLoopback(client) else { return true }
        return counts.withLockedValue { counts in
            guard counts[client, default: 0] < limit else { return false }
            counts[client, default: 0] += 1
            return true
        }
    }

    /// A connection of `client` counted by ``open(_:)`` has closed.
    func close(_ client: String) {
        counts.withLockedValue { counts in
            let left = counts[client, default: 1] - 1
            counts[client] = left > 0 ? left : nil
        }
    }
}

/// Closes at once a connection from a client address that already holds as many as
/// ``ClientConnectionCounts/limit``, so that one client cannot take every connection the server
/// serves (``WebConfiguration/maxConnections``) and lock the others out; counts the others until
/// they close.
///
/// Behind a reverse proxy every connection comes from the proxy's address: on this machine it is
/// not counted (``ClientConnectionCounts/countsLoopback``); on another, the limit is the proxy's,
/// and should be at least as high as its pool of connections.
final class ConnectionsPerClient: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let counts: ClientConnectionCounts
    /// The address counted for this connection, until it closes.
    private var counted: String?
    private var checked = false

    init(_ counts: ClientConnectionCounts) {
        self.counts = counts
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { check(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        guard check(context) else { return }
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        release()
    }

    func channelInactive(context: ChannelHandlerContext) {
        release()
        context.fireChannelInactive()
    }

    /// Counts the connection, or closes it if its client holds enough; whether it stays open.
    @discardableResult
    private func check(_ context: ChannelHandlerContext) -> Bool {
        guard !checked else { return counted != nil || context.channel.remoteAddress?.ipAddress == nil }
        checked = true
        guard let client = context.channel.remoteAddress?.ipAddress else { return true }
        guard counts.open(client) else {
            context.close(promise: nil)
            return false
        }
        counted = client
        return true
    }

    private func release() {
        if let client = counted { counts.close(client) }
        counted = nil
    }
}
