import CityDiplomacyCore
import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// The registry on a PostgreSQL server, for a deployment that several processes — the
/// observatory and people's `citydip` — share.
///
/// Opening connects once, to bring the schema up to date (``PostgresSchema``) and to say plainly
/// when the server cannot be reached; each operation then runs on a connection of its own (a few
/// are kept open between operations), in a transaction: reads in one snapshot (REPEATABLE READ),
/// writes serialised by the lock of the registry's one state row, which each write moves (its
/// revision). Records are kept as JSON with
/// the columns reads filter and order on beside them.
///
/// ```swift
/// let registry = try await PostgresRegistry(PostgresLocation(url: "postgres://citydip@localhost/citydip"))
/// try await registry.store(content, countries: countries, existing: .refuse, progress: nil)
/// let datasets = try await registry.datasets()
/// ```
public final class PostgresRegistry: CityDiplomacyRegistry {
    public let location: PostgresLocation
    let configuration: PostgresConnection.Configuration
    let logger: Logger
    /// Connections kept open between operations: a page of the observatory makes several reads.
    private let idle = IdleConnections()

    /// The connection's TLS as the location's `sslmode` asks: the server's certificate checked
    /// against the system's authorities for verify-ca (and its name for verify-full), not checked
    /// for prefer and require, which encrypt against a passive listener only, as libpq's do.
    static func tls(_ location: PostgresLocation) throws(PostgresRegistryError) -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch location.tls {
        case .disable: return .disable
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        do {
            let context = try NIOSSLContext(configuration: configuration)
            return location.tls == .prefer ? .prefer(context) : .require(context)
        } catch {
            throw .invalidURL(location.description, reason: "TLS cannot be set up: \(error)")
        }
    }

    /// Connects to the database `location` names, migrating its schema; waits at most
    /// `connectTimeout` for the server.
    public init(_ location: PostgresLocation, connectTimeout: Duration = .seconds(10)) async throws(PostgresRegistryError) {
        self.location = location
        var configuration: PostgresConnection.Configuration = if let socket = location.socketFolder {
            .init(unixSocketPath: socket.hasSuffix(".PGSQL.\(location.port)") ? socket : socket + "/.s.PGSQL.\(location.port)",
                  username: location.user, password: location.password, database: location.database)
        } else {
            .init(host: location.host, port: location.port, username: location.user, password: location.password,
                  database: location.database, tls: try Self.tls(location))
        }
        let (seconds, attoseconds) = connectTimeout.components
        configuration.options.connectTimeout = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        self.configuration = configuration
        var logger = Logger(label: "citydip.postgres")
        logger.logLevel = .critical
        self.logger = logger
        do {
            let connection = try await connect()
            defer { Task { try? await connection.close() } }
            try await PostgresSchema.migrate(connection, location: location, logger: logger)
        } catch let error as PostgresRegistryError {
            throw error
        } catch {
            throw .cannotConnect(url: location.description, reason: Self.reason(error))
        }
    }

    deinit {
        let idle = idle
        Task { await idle.closeAll() }
    }

    private func connect() async throws -> PostgresConnection {
        try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
    }

    /// What went wrong, in the server's words where it gave some.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
            }
            if let underlying = error.underlying { return "\(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }

    /// The SQLSTATE of a failed statement, if the server sent one.
    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Runs `body` on a connection of its own in a transaction — read-only in one snapshot, or a
    /// write that first takes the registry's write lock (and moves its revision) — and commits;
    /// an error rolls back and is rethrown as the registry's errors are.
    func transaction<T: Sendable>(writing: Bool, _ body: (PostgresTransaction) async throws -> T) async throws -> T {
        let connection: PostgresConnection
        do {
            if let kept = await idle.take() {
                connection = kept
            } else {
                connection = try await connect()
            }
        } catch {
            throw PostgresRegistryError.cannotConnect(url: location.description, reason: Self.reason(error))
        }
        let transaction = PostgresTransaction(connection: connection, logger: logger)
        do {
            try await transaction.execute(writing ? "BEGIN ISOLATION LEVEL READ COMMITTED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            if writing { try await transaction.execute("UPDATE registry_state SET revision = revision + 1 WHERE one = 1") }
            let value = try await body(transaction)
            try await transaction.execute("COMMIT")
            if await !idle.keep(connection) { try? await connection.close() }
            return value
        } catch {
            // Not kept: a connection that failed may be in any state.
            _ = try? await transaction.execute("ROLLBACK")
            try? await connection.close()
            switch error {
            case is RegistryError, is PostgresRegistryError: throw error
            case is PSQLError: throw PostgresRegistryError.failed(reason: Self.reason(error))
            default: throw error
            }
        }
    }

    func read<T: Sendable>(_ body: (PostgresTransaction) async throws -> T) async throws -> T {
        try await transaction(writing: false, body)
    }

    func write<T: Sendable>(_ body: (PostgresTransaction) async throws -> T) async throws -> T {
        try await transaction(writing: true, body)
    }
}

/// The connections a registry keeps open between operations, a few at most; the others are
/// closed after use.
actor IdleConnections {
    private var connections: [PostgresConnection] = []
    private let capacity = 8

    /// An open connection, if one is kept.
    func take() -> PostgresConnection? {
        while let connection = connections.popLast() {
            if !connection.isClosed { return connection }
        }
        return nil
    }

    /// Keeps `connection` for a later operation, unless enough are kept already.
    func keep(_ connection: PostgresConnection) -> Bool {
        guard connections.count < capacity, !connection.isClosed else { return false }
        connections.append(connection)
        return true
    }

    func closeAll() async {
        let all = connections
        connections = []
        for connection in all { try? await connection.close() }
    }
}

/// A connection in a transaction, with the few ways the registry queries it.
struct PostgresTransaction {
    let connection: PostgresConnection
    let logger: Logger

    func execute(_ query: PostgresQuery) async throws {
        try await connection.query(query, logger: logger)
    }

    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }

    /// The first column of every row.
    func values<T: PostgresDecodable & Sendable>(_ query: PostgresQuery, as _: T.Type = T.self) async throws -> [T] {
        var values: [T] = []
        for try await value in try await connection.query(query, logger: logger).decode(T.self) { values.append(value) }
        return values
    }

    func value<T: PostgresDecodable & Sendable>(_ query: PostgresQuery, as type: T.Type = T.self) async throws -> T? {
        try await values(query, as: type).first
    }
}
