import CityDiplomacyCore
import CityDiplomacyPostgres
import CityDiplomacyStorage
import Foundation
import Logging
import PostgresNIO

/// A backend the conformance suite runs against: each test gets an empty store of its own, which
/// it may open several times, as several processes would.
enum RegistryBackend: String, Sendable, CustomStringConvertible {
    case sqlite, postgres

    /// The server the PostgreSQL side runs against (a throw-away cluster that `.ci/run` starts);
    /// unset, that side is skipped, saying so.
    static let postgresURL = ProcessInfo.processInfo.environment["CITYDIP_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    var description: String { rawValue }

    /// A new, empty store.
    func makeStore() async throws -> RegistryStore {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-conformance-\(UUID().uuidString)")
            let path = folder.appendingPathComponent("registry.sqlite").path
            return RegistryStore(name: path, open: { try SQLiteRegistry(path: path) },
                                 remove: { try? FileManager.default.removeItem(at: folder) })
        case .postgres:
            let server = try PostgresLocation(url: try requireURL())
            let name = "citydip_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await Self.administer(server, "CREATE DATABASE \"\(name)\"")
            let location = PostgresLocation(host: server.host, port: server.port, socketFolder: server.socketFolder, user: server.user,
                                            password: server.password, database: String(name))
            return RegistryStore(name: location.description, open: { try await PostgresRegistry(location) },
                                 remove: { try? await Self.administer(server, "DROP DATABASE IF EXISTS \"\(name)\" WITH (FORCE)") })
        }
    }

    private func requireURL() throws -> String {
        guard let url = Self.postgresURL else { throw PostgresRegistryError.invalidURL("", reason: "CITYDIP_TEST_POSTGRES_URL is unset") }
        return url
    }

    /// Runs a statement that cannot run in a transaction (CREATE and DROP DATABASE) on the server's own database.
    private static func administer(_ server: PostgresLocation, _ sql: String) async throws {
        let configuration: PostgresConnection.Configuration = if let socket = server.socketFolder {
            .init(unixSocketPath: socket + "/.s.PGSQL.\(server.port)", username: server.user, password: server.password, database: server.database)
        } else {
            .init(host: server.host, port: server.port, username: server.user, password: server.password, database: server.database, tls: .disable)
        }
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: Logger(label: "citydip.tests"))
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "citydip.tests"))
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}

/// An empty store of one backend: opened as often as a test needs, removed when it is done.
struct RegistryStore: Sendable {
    var name: String
    var open: @Sendable () async throws -> any CityDiplomacyRegistry
    var remove: @Sendable () async -> Void

    /// Runs `body` with the store, removing it afterwards whatever happens.
    static func with<T>(_ backend: RegistryBackend, _ body: (RegistryStore) async throws -> T) async throws -> T {
        let store = try await backend.makeStore()
        do {
            let value = try await body(store)
            await store.remove()
            return value
        } catch {
            await store.remove()
            throw error
        }
    }
}
