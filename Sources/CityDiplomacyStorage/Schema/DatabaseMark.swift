import GRDB

/// How a citydip database is told from any other SQLite file: SQLite's `application_id`, a 32-bit
/// number in the file's header that `file(1)` and other tools read too.
///
/// Opening a file that holds another program's tables would otherwise migrate citydip's schema
/// into it — `--db` pointed at the wrong file would quietly change it. So a file is opened only if
/// it is empty (a new database), carries the mark, or holds citydip's migrations (a database made
/// by a citydip from before the mark, which gets the mark on opening).
///
/// ```swift
/// try DatabaseMark.check(db, path: path)   // before migrating
/// try DatabaseMark.set(db)                 // after
/// ```
enum DatabaseMark {
    /// `0x43_44_69_70`, the ASCII bytes "CDip" (CityDiplomacy). Never change it: databases in the
    /// field carry it, and a new value would make every one of them look foreign.
    static let applicationID: Int32 = 0x4344_6970

    /// What a database file is, as far as opening it is concerned.
    enum Kind: Equatable {
        /// No tables yet: a new database.
        case empty
        /// Carries the mark.
        case marked
        /// Holds citydip's migrations but no mark: made by an earlier citydip.
        case unmarked
        /// Another program's database: its application id (0 if none) and some of its tables.
        case foreign(applicationID: Int32, tables: [String])
    }

    static func kind(of db: Database) throws -> Kind {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if id == applicationID { return .marked }
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
        if id != 0 { return .foreign(applicationID: id, tables: tables) }
        // Empty means nothing at all: a file holding only views, triggers or indexes, or a
        // user_version of its own, is somebody's database too.
        let objects = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") ?? 0
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if objects == 0, userVersion == 0 { return .empty }
        // An earlier citydip's database has its first migration recorded and its tables, and
        // nothing else: a migration row beside another program's tables is not enough.
        let ownTables = Set(tables).subtracting(["grdb_migrations"])
        if tables.contains("grdb_migrations"), ownTables.isSubset(of: Self.tablesOfFirstMigrations), ownTables.isSuperset(of: ["dataset", "city", "relation"]),
           try Bool.fetchOne(db, sql: "SELECT 1 FROM grdb_migrations WHERE identifier = ?", arguments: [SchemaMigrator.firstMigration]) == true {
            return .unmarked
        }
        return .foreign(applicationID: 0, tables: tables.isEmpty ? objectNames(db) : tables)
    }

    /// Throws ``StorageError/notCityDiplomacyDatabase(path:applicationID:tables:)`` for another
    /// program's database.
    /// The tables citydip's migrations before the mark created.
    static let tablesOfFirstMigrations: Set<String> = [
        "country", "dataset", "source", "city", "city_name", "relation", "relation_theme", "network", "membership",
        "event", "citation", "change_log",
    ]

    /// The names of whatever the file holds (views, triggers), for the message.
    private static func objectNames(_ db: Database) -> [String] {
        (try? String.fetchAll(db, sql: "SELECT type || ' ' || name FROM sqlite_master ORDER BY name LIMIT 5")) ?? []
    }

    static func check(_ db: Database, path: String) throws {
        if case let .foreign(id, tables) = try kind(of: db) {
            throw StorageError.notCityDiplomacyDatabase(path: path, applicationID: id, tables: tables)
        }
    }

    static func set(_ db: Database) throws {
        // A pragma takes no bound arguments; the value is our own constant.
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    }
}
