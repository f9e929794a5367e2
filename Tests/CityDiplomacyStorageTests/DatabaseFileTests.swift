import CityDiplomacyCore
import Foundation
import GRDB
import Testing
@testable import CityDiplomacyStorage

/// Opening files: citydip's own (new, marked, or left by an earlier version) and other programs'.
@Suite("A database file is citydip's, new, or refused untouched")
struct DatabaseFileTests {
    /// A folder of its own for each test, removed afterwards.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-db-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    static func applicationID(at path: String) throws -> Int32 {
        try DatabaseQueue(path: path).read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0 }
    }

    @Test("A new file is created with citydip's application_id")
    func newFileIsMarked() throws {
        let folder = try Folder()
        let path = folder.path("new.sqlite")
        _ = try SQLiteRegistry(path: path)
        #expect(try Self.applicationID(at: path) == 0x4344_6970)
    }

    @Test("An empty file is taken as a new database")
    func emptyFile() async throws {
        let folder = try Folder()
        let path = folder.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let registry = try SQLiteRegistry(path: path)
        #expect(try await registry.datasets().isEmpty)
        #expect(try Self.applicationID(at: path) == DatabaseMark.applicationID)
    }

    @Test("Another program's database is refused by name, with its tables, and left byte for byte as it was")
    func foreignDatabase() throws {
        let folder = try Folder()
        let path = folder.path("shop.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customer (name) VALUES ('Ada')")
            try db.execute(sql: "CREATE TABLE invoice (id INTEGER PRIMARY KEY)")
        }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StorageError.notCityDiplomacyDatabase(path: path, applicationID: 0, tables: ["customer", "invoice"])) {
            try SQLiteRegistry(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let message = StorageError.notCityDiplomacyDatabase(path: path, applicationID: 0, tables: ["customer", "invoice"]).description
        #expect(message == "'\(path)' is not a CityDiplomacy database (it holds tables such as customer, invoice)")
    }

    @Test("A file with only a view, or with citydip's migration row beside another program's tables, is refused untouched")
    func foreignWithoutTables() throws {
        let folder = try Folder()
        let viewOnly = folder.path("view.sqlite")
        var queue = try DatabaseQueue(path: viewOnly)
        try queue.write { db in try db.execute(sql: "CREATE VIEW answer AS SELECT 42 AS value") }
        try queue.close()
        var before = try Data(contentsOf: URL(fileURLWithPath: viewOnly))
        #expect(throws: StorageError.notCityDiplomacyDatabase(path: viewOnly, applicationID: 0, tables: ["view answer"])) {
            try SQLiteRegistry(path: viewOnly)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: viewOnly)) == before)
        let mixed = folder.path("mixed.sqlite")
        queue = try DatabaseQueue(path: mixed)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES (?)", arguments: [SchemaMigrator.firstMigration])
            try db.execute(sql: "CREATE TABLE customer (id INTEGER PRIMARY KEY)")
        }
        try queue.close()
        before = try Data(contentsOf: URL(fileURLWithPath: mixed))
        #expect(throws: StorageError.self) { try SQLiteRegistry(path: mixed) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: mixed)) == before)
    }

    @Test("A file marked by another application is refused even with no tables")
    func otherApplicationID() throws {
        let folder = try Folder()
        let path = folder.path("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = 1234") }
        try queue.close()
        #expect(throws: StorageError.notCityDiplomacyDatabase(path: path, applicationID: 1234, tables: [])) {
            try SQLiteRegistry(path: path)
        }
        #expect(try Self.applicationID(at: path) == 1234)
    }

    @Test("A file that is not SQLite at all is a clear error")
    func notSQLite() throws {
        let folder = try Folder()
        let path = folder.path("notes.sqlite")
        try Data("city1,city2\nTehran,Seoul\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StorageError.cannotOpen(path: path, reason: "the file is not an SQLite database")) {
            try SQLiteRegistry(path: path)
        }
    }

    @Test("A database a newer citydip wrote is refused untouched, naming the migrations this build does not know")
    func newerSchema() throws {
        let folder = try Folder()
        let path = folder.path("newer.sqlite")
        do { _ = try SQLiteRegistry(path: path) }
        let later = "v99: a table of a later citydip"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [later]) }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let known = SchemaMigrator.migrator.migrations
        #expect(throws: StorageError.newerSchema(path: path, migrations: [later], newestKnown: known.last ?? "")) {
            try SQLiteRegistry(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let message = StorageError.newerSchema(path: path, migrations: [later], newestKnown: known.last ?? "").description
        let newest = known.last?.prefix { $0 != ":" } ?? ""
        #expect(message == "'\(path)' was written by a newer citydip: its schema has a migration this build does not know (v99; this build knows up to \(newest)). Open it with the citydip that wrote it or a newer one; it was left as it was")
        // A migration of another build, numbered within this one's, is not called newer.
        let renamed = StorageError.newerSchema(path: path, migrations: ["v5: a name another build gave"], newestKnown: known.last ?? "").description
        #expect(renamed == "'\(path)' has a migration in its schema that this build does not know (v5), though none numbered past its own (up to \(newest)): it was written by another build of citydip, which this one cannot read. It was left as it was")
        // Every migration this build knows is not "newer": the database it made opens.
        #expect(!known.isEmpty && !known.contains(later))
    }
}
