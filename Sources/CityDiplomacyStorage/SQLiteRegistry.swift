import CityDiplomacyCore
import Foundation
import GRDB

/// The registry on an SQLite database: one file, one user, no server.
///
/// Opening a file creates it (and its folder) if needed and brings its schema up to date; the
/// database runs in WAL mode with foreign keys on. Every write is one transaction.
///
/// ```swift
/// let registry = try SQLiteRegistry(path: "~/citydip.sqlite")
/// try await registry.storeCountries(countries.countries)
/// try await registry.store(content)
/// let datasets = try await registry.datasets()
/// ```
public final class SQLiteRegistry: CityDiplomacyRegistry {
    let writer: any DatabaseWriter
    /// Where the database lives, or `nil` in memory.
    public let path: String?

    /// Opens (creating if needed) the database file at `path`.
    public init(path: String) throws(StorageError) {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw StorageError.cannotOpen(path: path, reason: "its folder cannot be created (\(error.localizedDescription))")
        }
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            // Another citydip (or the server) may be writing: wait for it rather than fail.
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in
                // In WAL mode NORMAL cannot corrupt the database; it syncs at checkpoints rather
                // than at every commit, which made storing an imported dataset wait on the disk.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Imports write tens of thousands of rows into indexed tables: a 64 MB page cache
                // keeps their B-trees in memory.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                // Multi-row inserts keep a statement journal, to undo a statement that fails
                // half-way; in a temporary file it was a quarter of the time of a store.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
            }
            let pool = try DatabasePool(path: url.path, configuration: configuration)
            try SchemaMigrator.migrator.migrate(pool)
            writer = pool
        } catch let error as DatabaseError {
            throw StorageError.cannotOpen(path: path, reason: Self.reason(error))
        } catch {
            throw StorageError.cannotOpen(path: path, reason: "\(error)")
        }
        self.path = url.path
    }

    /// A registry in memory, for tests and one-off computations.
    public init() throws(StorageError) {
        do {
            let queue = try DatabaseQueue()
            try SchemaMigrator.migrator.migrate(queue)
            writer = queue
        } catch {
            throw StorageError.cannotOpen(path: ":memory:", reason: "\(error)")
        }
        path = nil
    }

    private static func reason(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_CANTOPEN: "the file cannot be opened or created (check the path and its permissions)"
        case .SQLITE_READONLY: "the file is read-only"
        case .SQLITE_NOTADB: "the file is not an SQLite database"
        case .SQLITE_PERM, .SQLITE_AUTH: "permission denied"
        default: error.message ?? "\(error)"
        }
    }

    /// Runs a read, turning database errors into ``StorageError``.
    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch let error as DatabaseError {
            throw StorageError.failed(reason: Self.reason(error))
        }
    }

    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await writer.write(body)
        } catch let error as DatabaseError {
            throw StorageError.failed(reason: Self.reason(error))
        } catch let failure as BulkInsert.Failure {
            throw StorageError.failed(reason: Self.reason(failure.error))
        }
    }
}

/// The database could not be opened, read or written.
public enum StorageError: Error, Hashable, Sendable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case failed(reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "cannot open database '\(path)': \(reason)"
        case let .failed(reason): "database error: \(reason)"
        }
    }
}
