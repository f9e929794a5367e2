import Foundation

/// Where a PostgreSQL registry is: a server, a user and a database, as a
/// `postgres://user[:password]@host[:port]/database` URL names them.
///
/// A socket folder may stand for the host, as libpq allows: `postgres://user@/database?host=/var/run/postgresql`.
/// The password never appears in ``description``, which messages use.
///
/// ```swift
/// let location = try PostgresLocation(url: "postgres://citydip@db.example.org:5432/observatory")
/// let registry = try await PostgresRegistry(location)
/// ```
public struct PostgresLocation: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// A folder holding the server's Unix socket, used instead of `host` and `port` when set.
    public var socketFolder: String?
    public var user: String
    public var password: String?
    public var database: String
    /// Whether the connection is encrypted, as libpq's `sslmode` says it.
    public var tls: TLSMode

    /// libpq's `sslmode`, as far as a client without a certificate of its own goes.
    public enum TLSMode: String, Hashable, Sendable, CaseIterable {
        /// In clear text: the default for a loopback address or a socket, which never leave the machine.
        case disable
        /// Encrypted if the server offers it, without checking its certificate: the default
        /// elsewhere, as libpq's.
        case prefer
        /// Encrypted or refused, the certificate not checked.
        case require
        /// Encrypted, the certificate checked against the system's authorities, not its name.
        case verifyCA = "verify-ca"
        /// Encrypted, the certificate checked against the authorities and the host's name.
        case verifyFull = "verify-full"
    }

    public init(host: String, port: Int = 5432, socketFolder: String? = nil, user: String, password: String? = nil, database: String, tls: TLSMode? = nil) {
        self.host = host
        self.port = port
        self.socketFolder = socketFolder
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls ?? Self.defaultTLS(host: host, socketFolder: socketFolder)
    }

    static func defaultTLS(host: String, socketFolder: String?) -> TLSMode {
        socketFolder != nil || isLoopback(host) ? .disable : .prefer
    }

    static func isLoopback(_ host: String) -> Bool {
        ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased()) || host.hasPrefix("127.")
    }

    /// The query parameters a URL may carry; any other is refused, not ignored (a mistyped
    /// `sslmode` would otherwise connect in clear text).
    static let parameters: Set<String> = ["host", "sslmode"]

    /// Whether `value` is a URL this type reads (`postgres://` or `postgresql://`).
    public static func isPostgresURL(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://` URL; the user and the database are required, the port defaults to 5432.
    public init(url value: String) throws(PostgresRegistryError) {
        guard Self.isPostgresURL(value), let components = URLComponents(string: value) else {
            throw .invalidURL(Self.redacting(value), reason: "expected postgres://user@host:port/database")
        }
        guard let user = components.user, !user.isEmpty else {
            throw .invalidURL(Self.redacting(value), reason: "it names no user (postgres://USER@host/database)")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw .invalidURL(Self.redacting(value), reason: "it names no database (postgres://user@host/DATABASE)")
        }
        for item in components.queryItems ?? [] where !Self.parameters.contains(item.name) {
            throw .invalidURL(Self.redacting(value), reason: "'\(item.name)' is not a parameter citydip reads: expected host or sslmode")
        }
        var tls: TLSMode?
        if let mode = components.queryItems?.first(where: { $0.name == "sslmode" })?.value {
            // libpq's allow tries clear text first; prefer is its safer neighbour.
            guard let read = mode == "allow" ? .prefer : TLSMode(rawValue: mode) else {
                throw .invalidURL(Self.redacting(value), reason: "sslmode '\(mode)' is not one of disable, allow, prefer, require, verify-ca, verify-full")
            }
            tls = read
        }
        let socket = components.queryItems?.first { $0.name == "host" }?.value
        let host = components.host ?? ""
        guard !host.isEmpty || socket != nil else {
            throw .invalidURL(Self.redacting(value), reason: "it names no host (postgres://user@HOST/database)")
        }
        self.init(host: host, port: components.port ?? 5432, socketFolder: socket, user: user,
                  password: components.password, database: database, tls: tls)
    }

    /// The URL without its password.
    public var description: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.host = socketFolder == nil ? host : nil
        components.port = socketFolder == nil ? port : nil
        components.path = "/" + database
        var items: [URLQueryItem] = []
        if let socketFolder { items.append(URLQueryItem(name: "host", value: socketFolder)) }
        if tls != Self.defaultTLS(host: host, socketFolder: socketFolder) { items.append(URLQueryItem(name: "sslmode", value: tls.rawValue)) }
        if !items.isEmpty { components.queryItems = items }
        return components.string ?? "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// A URL as given, with any password replaced, for a message about a URL that could not be read.
    static func redacting(_ value: String) -> String {
        value.replacingOccurrences(of: "(://[^:/@]*):[^@]*@", with: "$1:***@", options: .regularExpression)
    }
}
