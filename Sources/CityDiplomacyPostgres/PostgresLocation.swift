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

    public init(host: String, port: Int = 5432, socketFolder: String? = nil, user: String, password: String? = nil, database: String) {
        self.host = host
        self.port = port
        self.socketFolder = socketFolder
        self.user = user
        self.password = password
        self.database = database
    }

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
        let socket = components.queryItems?.first { $0.name == "host" }?.value
        let host = components.host ?? ""
        guard !host.isEmpty || socket != nil else {
            throw .invalidURL(Self.redacting(value), reason: "it names no host (postgres://user@HOST/database)")
        }
        self.init(host: host, port: components.port ?? 5432, socketFolder: socket, user: user,
                  password: components.password, database: database)
    }

    /// The URL without its password.
    public var description: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.host = socketFolder == nil ? host : nil
        components.port = socketFolder == nil ? port : nil
        components.path = "/" + database
        if let socketFolder { components.queryItems = [URLQueryItem(name: "host", value: socketFolder)] }
        return components.string ?? "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// A URL as given, with any password replaced, for a message about a URL that could not be read.
    static func redacting(_ value: String) -> String {
        value.replacingOccurrences(of: "(://[^:/@]*):[^@]*@", with: "$1:***@", options: .regularExpression)
    }
}
