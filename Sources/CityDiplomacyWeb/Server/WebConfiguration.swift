import Foundation

/// How `citydip serve` runs: where it listens and who may write.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Bearer tokens allowed to write, each with the name the change log records for it.
    /// Without tokens the observatory is read-only.
    public var writeTokens: [String: String]
    /// The largest request body accepted, in bytes.
    public var maxBodySize: Int
    /// Rendered read responses are served from memory until the registry's content changes; this
    /// is how often, in seconds, the registry is asked whether it has. Writes through the server
    /// clear the cache at once; this bounds how long a change made by another process (a
    /// `citydip import`) takes to show. 0 turns the cache off.
    public var cacheLifetime: Double
    /// Whether the sign-in cookie is marked `Secure`, so that browsers send it only over HTTPS:
    /// for an observatory served to others behind a TLS proxy. Off by default, since a plain
    /// `http://127.0.0.1` observatory could not keep a Secure cookie.
    public var secureCookies: Bool
    /// The most bytes of rendered answers the response cache holds; beyond it the cache starts
    /// again empty. Without a bound, requests that differ only in their parameters could fill
    /// the memory with copies of the same large answer.
    public var cacheBytes: Int
    /// Seconds a connection may stay silent — idle between requests, or stopped in the middle of
    /// one — before the server closes it, so that connections left open cannot pile up.
    public var idleTimeout: Double
    /// The most connections served at once; more wait to be accepted until one closes.
    public var maxConnections: Int
    /// Seconds a client has to send a request's whole head (its request line and headers), from
    /// the moment the connection opens or, kept alive, the previous response was sent; past it the
    /// connection is closed. Bounds a client that trickles a head to keep the connection from
    /// ever being idle (slowloris).
    public var requestHeadTimeout: Double
    /// The most connections one client address may hold at once; one more is closed as soon as it
    /// is accepted. Keeps one client from taking every one of ``maxConnections``. Connections from
    /// this machine (a reverse proxy on it) are not counted unless ``countsLoopbackClients``.
    public var maxConnectionsPerClient: Int
    /// Whether ``maxConnectionsPerClient`` counts connections from this machine too (tests do).
    public var countsLoopbackClients = false
    /// Bytes a second a request's body must arrive at, on average: past the head's deadline and
    /// the time its declared length takes at this rate, the connection is closed.
    public var minimumBodyRate = 32 * 1024
    /// The largest body of a document upload (`POST /documents`, `POST /api/v1/documents`): a
    /// document may have 32 MB, and base64 in JSON adds a third. Every other body keeps
    /// ``maxBodySize``.
    public var maxDocumentBodySize: Int = 48 << 20

    public init(
        host: String = "127.0.0.1", port: Int = 8080, writeTokens: [String: String] = [:],
        maxBodySize: Int = 256 * 1024, cacheLifetime: Double = 2, secureCookies: Bool = false,
        cacheBytes: Int = 64 * 1024 * 1024, idleTimeout: Double = 30, maxConnections: Int = 512,
        requestHeadTimeout: Double = 10, maxConnectionsPerClient: Int = 64
    ) {
        self.host = host
        self.port = port
        self.writeTokens = writeTokens
        self.maxBodySize = maxBodySize
        self.cacheLifetime = cacheLifetime
        self.secureCookies = secureCookies
        self.cacheBytes = cacheBytes
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.requestHeadTimeout = requestHeadTimeout
        self.maxConnectionsPerClient = maxConnectionsPerClient
    }

    /// Whether `host` is an address only this machine can reach (`127.0.0.1`, `::1`,
    /// `localhost`, an IPv4 loopback address written as IPv6): on any other, tokens and session
    /// cookies cross the network, in clear text unless a TLS proxy is in front. Also whether a
    /// client's connection comes from this machine (``ClientConnectionCounts``).
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host == "localhost" || host == "::1" || host.hasPrefix("127.") || host.hasPrefix("::ffff:127.")
    }

    /// Parses `NAME:TOKEN` pairs (from `--token` or `CITYDIP_TOKENS`, comma-separated there).
    /// A malformed pair is refused without repeating it: it may be a secret typed without its name.
    public static func tokens(_ specs: [String]) throws(WebConfigurationError) -> [String: String] {
        var tokens: [String: String] = [:]
        for spec in specs {
            let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw .missingName }
            guard parts[1].count >= 16 else { throw .shortToken(name: parts[0]) }
            tokens[parts[1]] = parts[0]
        }
        return tokens
    }
}

/// A `--token` value that cannot be used. The messages never contain the token itself.
public enum WebConfigurationError: Error, Equatable, CustomStringConvertible {
    /// No `NAME:` before the token.
    case missingName
    /// The token after `NAME:` is shorter than 16 characters.
    case shortToken(name: String)

    public var description: String {
        switch self {
        case .missingName:
            "a --token value has no NAME: prefix (expected NAME:TOKEN)"
        case let .shortToken(name):
            "the write token named '\(name)' is too short: expected NAME:TOKEN with a token of at least 16 characters"
        }
    }
}
