import CityDiplomacyCore
import Foundation
import GRDB
import Testing
@testable import CityDiplomacyStorage

@Suite("A backup is a consistent copy of a live database, and never replaces a file")
struct BackupTests {
    typealias Folder = DatabaseFileTests.Folder

    private func seeded(_ folder: Folder) async throws -> SQLiteRegistry {
        let fixture = try StudyRegistryFixture()
        let registry = try SQLiteRegistry(path: folder.path("live.sqlite"))
        try await registry.storeCountries(fixture.countries.countries)
        try await registry.store(fixture.study)
        return registry
    }

    @Test("The copy holds every dataset and record, in one file, and opens as a registry")
    func wholeCopy() async throws {
        let folder = try Folder()
        let registry = try await seeded(folder)
        let copy = try registry.backup(to: folder.path("copy.sqlite"))
        #expect(copy.datasets == ["iran-2018"])
        #expect(copy.bytes > 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("copy") || $0.hasPrefix(".copy") }
        #expect(files == ["copy.sqlite"])
        let reopened = try SQLiteRegistry(path: folder.path("copy.sqlite"))
        #expect(try await reopened.content(ofDataset: "iran-2018") == registry.content(ofDataset: "iran-2018"))
        #expect(try await reopened.changes(limit: 100, offset: 0) == registry.changes(limit: 100, offset: 0))
    }

    @Test("A write still open in another connection is not in the copy, and does not block it")
    func uncommittedWriteLeftOut() async throws {
        let folder = try Folder()
        let registry = try await seeded(folder)
        let other = try DatabaseQueue(path: folder.path("live.sqlite"))
        // The backup runs while the other connection holds its write open, uncommitted.
        let copy = try other.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE; CREATE TABLE half_done (x); INSERT INTO half_done VALUES (1)")
            defer { try? db.execute(sql: "ROLLBACK") }
            return try registry.backup(to: folder.path("copy.sqlite"))
        }
        #expect(copy.datasets == ["iran-2018"])
        let tables = try await DatabaseQueue(path: folder.path("copy.sqlite")).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(!tables.contains("half_done"))
        #expect(tables.contains("dataset"))
    }

    @Test("A database backed up by its path is copied as it is, not brought up to date first")
    func notMigrated() async throws {
        let folder = try Folder()
        let registry = try await seeded(folder)
        _ = registry
        // As an older version would have left it: its newest migration not yet applied.
        let live = try DatabaseQueue(path: folder.path("live.sqlite"))
        let newest = try await live.write { db in
            let id = try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1") ?? ""
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [id])
            return id
        }
        try live.close()
        let copy = try SQLiteRegistry.backup(databaseAt: folder.path("live.sqlite"), to: folder.path("copy.sqlite"))
        #expect(copy.datasets == ["iran-2018"])
        for path in ["live.sqlite", "copy.sqlite"] {
            let applied = try await DatabaseQueue(path: folder.path(path)).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
            #expect(!applied.contains(newest), "\(path)")
        }
        #expect(throws: StorageError.self) { try SQLiteRegistry.backup(databaseAt: folder.path("none.sqlite"), to: folder.path("x.sqlite")) }
    }

    @Test("An existing file, or the database itself, is refused and left as it was")
    func existingRefused() async throws {
        let folder = try Folder()
        let registry = try await seeded(folder)
        let existing = folder.path("notes.txt")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: existing))
        #expect(throws: StorageError.backupExists(path: existing)) { try registry.backup(to: existing) }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me")
        #expect(throws: StorageError.self) { try registry.backup(to: folder.path("live.sqlite")) }
        #expect(throws: StorageError.self) { try registry.backup(to: folder.path("no-such-folder/copy.sqlite")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).allSatisfy { !$0.contains("partial") })
    }
}
