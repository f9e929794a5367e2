import CSQLiteConfiguration
import CityDiplomacyCore
import Foundation
import GRDB
import Synchronization

/// The registry on an SQLite database: one file, one user, no server.
///
/// Opening a file creates it (and its folder) if needed and brings its schema up to date; the
/// database runs in WAL mode with foreign keys on. Every write is one transaction. A file that
/// holds another program's tables is refused, untouched (see ``DatabaseMark``).
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
    /// Rows in a dataset at which it is stored in bulk (see ``store(_:countries:progress:)``);
    /// tests lower it to store small datasets the way large ones are.
    let bulkRows: Int
    /// Whether other connections read while this registry writes (``admitReadersDuringWrites()``).
    let readersDuringWrites = Atomic<Bool>(false)

    /// Configures the SQLite library for the process: its memory statistics off
    /// (`citydip_sqlite_configure`). Returns SQLite's result code; `SQLITE_MISUSE` where SQLite
    /// was used first, and the library then keeps its defaults, as correct and a little slower.
    ///
    /// Call it at the start of a process, before any thread uses SQLite (`sqlite3_config` is
    /// not safe beside another thread's use): the command line does, first thing. With the
    /// statistics on, every allocation SQLite made took a library-wide mutex to count itself:
    /// with the connection's own calls (which GRDB opens without a mutex of their own), the
    /// mutexes were 4.7% of the samples of SQLite's thread in an import of 1,000,000 rows, on
    /// the path the import's end waits for; 2.1–2.4% without the statistics (perf).
    @discardableResult
    public static func configureSQLiteLibrary() -> Int32 {
        citydip_sqlite_configure()
    }

    /// Opens (creating if needed) the database file at `path`.
    public convenience init(path: String) throws(StorageError) {
        try self.init(path: path, bulkRows: 20_000)
    }

    init(path: String, bulkRows: Int) throws(StorageError) {
        self.bulkRows = bulkRows
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
                // A new database in pages of 16 KiB rather than SQLite's 4 KiB (a file whose first
                // page is written, by a table, a setting or WAL mode, keeps its size: SQLite
                // ignores this then, and in WAL mode not even `VACUUM` changes it; a database
                // made before keeps 4 KiB). Each commit then writes pages of 16 KiB into the WAL,
                // and the automatic checkpoint comes at 16 MB of it. A store of a million
                // relations writes some 600 MB of pages, each page a write into the system's
                // file cache; a quarter as many writes, and B-trees with fewer levels and fewer
                // splits, took 0.2–0.6 s off the 1,000,000-row import (11.9–12.5 s rather than
                // 12.5–13.1 s, four alternating pairs, its system time 2.9–3.1 s rather than
                // 3.5–4.9 s, 2026-12-04), the tables the same row for row. SQLite's shell made
                // the relations and their indexes of that file in 2.9–3.4 s rather than 3.1–4.0.
                // Before the pool puts the database in WAL mode, after which SQLite keeps the size.
                try db.execute(sql: "PRAGMA page_size = 16384")
                // In WAL mode NORMAL cannot corrupt the database; it syncs at checkpoints rather
                // than at every commit, which made storing an imported dataset wait on the disk.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                // Imports write tens of thousands of rows into indexed tables: a 64 MB page cache
                // keeps their B-trees in memory.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                // Multi-row inserts keep a statement journal, to undo a statement that fails
                // half-way; in a temporary file it was a quarter of the time of a store.
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                // Reads through memory-mapped pages rather than copies. It was set when an imported
                // dataset's row kept its import report (109 MB for a million rows) before the
                // columns every list of datasets reads, and reaching them walked the report's
                // overflow pages — 26,000 reads into the page cache, 25 ms, each time; mapped,
                // 2–6 ms. Since schema v14 the report is the row's last column and is walked only
                // when it is read (its quality page); mapped pages still spare large reads a copy.
                // SQLite maps at most this much of the file, and writes as before.
                try db.execute(sql: "PRAGMA mmap_size = 2147418112")
            }
            try Self.checkIsCityDiplomacyDatabase(at: url.path, named: path)
            let pool = try Self.openPool(atPath: url.path, configuration: configuration)
            // Built once here: the migrator is made anew each time it is asked for.
            let migrator = SchemaMigrator.migrator
            // A deadline of its own, as the pool's opening has: each waits for another situation.
            try Self.migrate(named: path, known: migrator.migrations, deadline: Date().addingTimeInterval(Self.openingTimeout),
                             applied: { try pool.read(migrator.appliedIdentifiers) },
                             migrate: { try migrator.migrate(pool) })
            try pool.write { db in try DatabaseMark.set(db) }
            writer = pool
        } catch let error as StorageError {
            throw error
        } catch let error as DatabaseError {
            throw StorageError.cannotOpen(path: path, reason: Self.reason(error))
        } catch {
            throw StorageError.cannotOpen(path: path, reason: "\(error)")
        }
        self.path = url.path
    }

    /// Brings the schema up to date (`migrate`), beside other processes opening the same
    /// database at the same time; most openings find it up to date (`applied` holds every `known`
    /// migration) and only read.
    ///
    /// GRDB reads which migrations ran before it runs the others, each in a transaction of its
    /// own. Where another process migrates meanwhile, this one fails: on recording a migration the
    /// other recorded first ("UNIQUE constraint failed: grdb_migrations.identifier"), on making
    /// again what the other made, or by waiting longer than its busy timeout (10 s) for the other's
    /// transaction (a migration of a million relations takes up to 25 s). Its own transaction is
    /// rolled back. Whenever more migrations are recorded after such a failure than before it,
    /// this process migrates again from what is recorded now; while the database is busy, it
    /// tries again until `deadline`. Any other failure is thrown. A migration this build does not
    /// know, recorded meanwhile by a newer citydip, is refused as when the file was first looked at
    /// (though migrations this process recorded before then stay recorded). A migration of its
    /// own that fails after this process recorded earlier ones is run once more before its error
    /// is thrown, as if another process had recorded them.
    static func migrate(
        named path: String, known: [String], deadline: Date,
        applied: () throws -> Set<String>, migrate: () throws -> Void
    ) throws {
        let knownSet = Set(known)
        while true {
            let before = try applied()
            let unknown = before.subtracting(knownSet)
            if !unknown.isEmpty {
                throw StorageError.newerSchema(path: path, migrations: unknown.sorted(), newestKnown: known.last ?? "")
            }
            if knownSet.isSubset(of: before) { return }
            do {
                try migrate()
            } catch {
                // Each round that goes on either records more (at most as many rounds as there
                // are migrations, an unknown one ending them above) or is before the deadline.
                let after = (try? applied()) ?? before
                if after.isStrictSuperset(of: before) { continue }
                if let error = error as? DatabaseError, error.resultCode == .SQLITE_BUSY, Date() < deadline {
                    // SQLite waited its busy timeout before answering so; a pause all the same,
                    // as the pool's opening makes, in case it ever answers at once.
                    Thread.sleep(forTimeInterval: 0.05)
                    continue
                }
                throw error
            }
        }
    }

    /// How long opening a database waits for another process that holds it: an import storing a
    /// large dataset through a rollback journal (``RollbackJournal``), which readers cannot read
    /// past, 10–30 s at a million relations; a migration, 6–25 s at a million.
    static let openingTimeout: TimeInterval = 60

    public func admitReadersDuringWrites() {
        readersDuringWrites.store(true, ordering: .relaxed)
    }

    /// Opens the pool, waiting up to ``openingTimeout`` while another process's import stores a
    /// large dataset through a rollback journal: a pool puts the database in WAL mode as it
    /// opens, which SQLite refuses at once, without waiting, while another connection writes in
    /// rollback mode ("database is locked" the moment `citydip datasets` was run beside such an
    /// import, found by the review).
    private static func openPool(atPath path: String, configuration: Configuration) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(openingTimeout)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Looks at an existing file before the pool opens it: opening in WAL mode, let alone
    /// migrating, would already change another program's database.
    private static func checkIsCityDiplomacyDatabase(at path: String, named name: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        // Read-write but without WAL: only a pool switches the journal mode, and nothing is written.
        // Waiting while another process holds the database (its last connection closing, an
        // import's store in rollback mode; see ``openingTimeout``): GRDB's default is to fail at
        // once with "database is locked", which two processes opening one database met (test).
        var configuration = Configuration()
        configuration.busyMode = .timeout(openingTimeout)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.read { db in
            try DatabaseMark.check(db, path: name)
            // A newer citydip's database: this build would read a schema it does not know (a
            // column moved, a table added that writes must keep up) and record no migration of its
            // own to say so. It is left untouched, and the user told which version it needs.
            let migrator = SchemaMigrator.migrator
            let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
            if !unknown.isEmpty {
                throw StorageError.newerSchema(path: name, migrations: unknown.sorted(), newestKnown: migrator.migrations.last ?? "")
            }
        }
        try queue.close()
    }

    /// A registry in memory, for tests and one-off computations.
    public convenience init() throws(StorageError) {
        try self.init(bulkRows: 20_000)
    }

    init(bulkRows: Int) throws(StorageError) {
        self.bulkRows = bulkRows
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

    /// A write that opens its transaction itself, for settings that cannot change inside one
    /// (`PRAGMA foreign_keys`).
    func writeWithoutTransaction<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await writer.writeWithoutTransaction(body)
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
    /// The file is another program's SQLite database: it is not marked as citydip's and does not
    /// hold citydip's schema. `applicationID` is its own mark (0 if none), `tables` some of its tables.
    case notCityDiplomacyDatabase(path: String, applicationID: Int32, tables: [String])
    case failed(reason: String)
    /// The file was written by a newer citydip: its schema has `migrations` this build does not
    /// know (`newestKnown` is the last it does). It is not opened, so not changed.
    case newerSchema(path: String, migrations: [String], newestKnown: String)
    /// A backup's destination already exists (see ``SQLiteRegistry/backup(to:)``).
    case backupExists(path: String)
    case cannotBackUp(path: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason): "cannot open database '\(path)': \(reason)"
        case let .notCityDiplomacyDatabase(path, applicationID, tables):
            "'\(path)' is not a CityDiplomacy database (" + Self.contents(applicationID: applicationID, tables: tables)
                + ")"
        case let .failed(reason): "database error: \(reason)"
        case let .newerSchema(path, migrations, newestKnown):
            Self.unknownSchema(path: path, migrations: migrations, newestKnown: newestKnown)
        case let .backupExists(path): "'\(path)' already exists: a backup never replaces a file; choose another path or remove it first"
        case let .cannotBackUp(path, reason): "cannot back up to '\(path)': \(reason)"
        }
    }

    /// The message of ``newerSchema(path:migrations:newestKnown:)``: a newer citydip's database, or,
    /// when none of its unknown migrations is numbered past this build's last (`v5: …` of a build
    /// that numbered its migrations otherwise), another build's.
    private static func unknownSchema(path: String, migrations: [String], newestKnown: String) -> String {
        func number(_ identifier: String) -> Int? {
            guard identifier.first == "v" else { return nil }
            return Int(identifier.dropFirst().prefix { $0.isASCII && $0.isNumber })
        }
        let names = migrations.map { String($0.prefix { $0 != ":" }) }.joined(separator: ", ")
        let known = newestKnown.prefix { $0 != ":" }
        let migration = migrations.count == 1 ? "a migration" : "migrations"
        if let newest = number(newestKnown), migrations.allSatisfy({ number($0).map { $0 <= newest } ?? false }) {
            return "'\(path)' has \(migration) in its schema that this build does not know (\(names)), though none numbered past its own (up to \(known)):"
                + " it was written by another build of citydip, which this one cannot read. It was left as it was"
        }
        return "'\(path)' was written by a newer citydip: its schema has \(migration) this build does not know (\(names); this build knows up to \(known))."
            + " Open it with the citydip that wrote it or a newer one; it was left as it was"
    }

    private static func contents(applicationID: Int32, tables: [String]) -> String {
        let marked = applicationID == 0 ? nil : String(format: "it is marked as another application's, application_id 0x%08X", UInt32(bitPattern: applicationID))
        let listed = tables.isEmpty ? nil : "it holds tables such as " + tables.prefix(5).joined(separator: ", ")
        return [marked, listed].compactMap { $0 }.joined(separator: "; ")
    }
}
