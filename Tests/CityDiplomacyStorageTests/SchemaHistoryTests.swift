import CityDiplomacyCore
import Foundation
import GRDB
import Synchronization
import Testing
@testable import CityDiplomacyStorage

/// Databases as earlier versions of citydip left them: migrated up to an older schema, with
/// records written in that schema's columns, and no application_id (it came later).
@Suite("Databases of earlier schema versions open, migrate and keep their records")
struct SchemaHistoryTests {
    /// Rows of one small dataset in the v1 schema: two countries, two cities with their search
    /// keys, a source, a relation with a theme, a network, a membership and an event, each cited.
    static let v1Records = """
        INSERT INTO country (code, alpha3, name_en, name_fa, aliases) VALUES
            ('IR', 'IRN', 'Iran', 'ایران', '[]'), ('KR', 'KOR', 'South Korea', NULL, '["Korea"]');
        INSERT INTO dataset (id, title_en, title_fa, is_bundled, stored_at) VALUES
            ('old', 'Left by citydip 0.1', NULL, 0, '2025-03-01 10:00:00.000');
        INSERT INTO source (id, dataset_id, title, url) VALUES
            ('old:s1', 'old', 'Municipal press release', 'https://example.org/press/1');
        INSERT INTO city (id, dataset_id, name_en, name_fa, aliases, country_code, latitude, longitude) VALUES
            ('old:tehran', 'old', 'Tehran', 'تهران', '[]', 'IR', 35.69, 51.42),
            ('old:seoul', 'old', 'Seoul', NULL, '["Soul"]', 'KR', NULL, NULL);
        INSERT INTO relation (id, dataset_id, city_id, partner_id, kind, status, signed, signed_year_min, signed_year_max,
                              notes, period_placements, position, flags, import_rows) VALUES
            ('old:tehran/seoul', 'old', 'old:tehran', 'old:seoul', 'sister_city', 'active', '1963', 1963, 1963,
             'named streets in each city', '{}', 0, '[]', '[]');
        INSERT INTO relation_theme (relation_id, theme, position) VALUES ('old:tehran/seoul', 'culture', 0);
        INSERT INTO network (id, dataset_id, name_en, scope, category, position) VALUES
            ('old:net', 'old', 'Asian Mayors Forum', 'regional', 'city_network', 0);
        INSERT INTO membership (id, dataset_id, city_id, network_id, position) VALUES ('old:m1', 'old', 'old:tehran', 'old:net', 0);
        INSERT INTO event (id, dataset_id, city_id, kind, title_en, year, position) VALUES
            ('old:e1', 'old', 'old:seoul', 'summit', 'Mayors summit', 2004, 0);
        INSERT INTO citation (record_kind, record_id, source_id, position) VALUES
            ('relation', 'old:tehran/seoul', 'old:s1', 0), ('membership', 'old:m1', 'old:s1', 0), ('event', 'old:e1', 'old:s1', 0);
        """

    /// The migration before the dataset's report became its last column.
    static let v13 = "v13: a relation's id unique by an index of its own, which an import can make again"

    /// Writes a database migrated only up to `migration`, as the citydip of that schema did: a
    /// pool (WAL), no application_id.
    static func oldDatabase(at path: String, upTo migration: String, extra: String = "") throws {
        let pool = try DatabasePool(path: path)
        try SchemaMigrator.migrator.migrate(pool, upTo: migration)
        try pool.write { db in
            try db.execute(sql: v1Records)
            // Every name a city is looked up by, keyed as citydip keys them.
            for (city, name) in [("old:tehran", "Tehran"), ("old:tehran", "تهران"), ("old:seoul", "Seoul"), ("old:seoul", "Soul")] {
                try db.execute(sql: "INSERT OR IGNORE INTO city_name (city_id, search_key) VALUES (?, ?)",
                               arguments: [city, PersianText.searchKey(name)])
            }
            if !extra.isEmpty { try db.execute(sql: extra) }
        }
        try pool.close()
    }

    /// That migration `later` is the one right after `earlier`, so that a database migrated up
    /// to `earlier` is the one `later` migrates.
    static func expectNext(_ later: String, after earlier: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let migrations = SchemaMigrator.migrator.migrations
        #expect(migrations.firstIndex(of: earlier) == migrations.firstIndex(of: later).map { $0 - 1 }, sourceLocation: sourceLocation)
    }

    /// A database that the citydip of `migration` made and marked, written into `folder` as
    /// `file`, then opened (migrated to the end) and checked by this one.
    static func openedAfter(_ migration: String, in folder: URL, file: String) async throws -> (path: String, registry: SQLiteRegistry) {
        let path = folder.appendingPathComponent(file).path
        try oldDatabase(at: path, upTo: migration, extra: "PRAGMA application_id = \(DatabaseMark.applicationID)")
        return (path, try await openAndCheck(path))
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-old-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Opens the old file with today's registry and checks what an older citydip stored is all there.
    static func openAndCheck(_ path: String) async throws -> SQLiteRegistry {
        let registry = try SQLiteRegistry(path: path)
        let content = try #require(try await registry.content(ofDataset: "old"))
        #expect(content.dataset.title.en == "Left by citydip 0.1")
        #expect(content.cities.map(\.name.en) == ["Tehran", "Seoul"])
        #expect(content.cities[1].aliases == ["Soul"])
        let relation = try #require(content.relations.first)
        #expect(content.relations.count == 1)
        #expect(relation.signed?.description == "1963")
        #expect(relation.themes.map(\.rawValue) == ["culture"])
        #expect(relation.sources.map(\.id) == ["old:s1"])
        #expect(content.memberships.map(\.networkID) == ["old:net"])
        #expect(content.events.map(\.year) == [2004])
        #expect(try await registry.findCities(named: "تهران", datasetID: nil).map(\.id) == ["old:tehran"])
        // Migrated to the end: v3 dropped the index its primary key made redundant; marked as citydip's.
        let state = try await DatabaseQueue(path: path).read { db in
            (try SchemaMigrator.migrator.hasCompletedMigrations(db),
             try db.indexes(on: "city_name").map(\.name).contains("city_name_on_city_id"),
             try Int32.fetchOne(db, sql: "PRAGMA application_id"))
        }
        #expect(state.0)
        #expect(!state.1)
        #expect(state.2 == DatabaseMark.applicationID)
        return registry
    }

    @Test("A v1 database (before the change log) opens, gains the change log and keeps its records")
    func fromV1() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v1.sqlite").path
        try Self.oldDatabase(at: path, upTo: SchemaMigrator.firstMigration)
        let registry = try await Self.openAndCheck(path)
        #expect(try await registry.changes(limit: 10, offset: 0).isEmpty)
        // The change log it gained takes edits.
        let entry = try await registry.apply(.deleteEvent(id: "old:e1"), by: "migration-test")
        #expect(try await registry.changes(limit: 10, offset: 0).map(\.id) == [entry.id])
        #expect(try await registry.event(id: "old:e1") == nil)
    }

    @Test("A v6 database gains supplement sources, Persian event notes and network sections, empty for what it held")
    func fromV6() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v6.sqlite").path
        let v6 = "v6: a dataset states its method and licence, for those who cite it"
        let v7 = "v7: supplement sources, Persian event notes and network sections"
        Self.expectNext(v7, after: v6)
        try Self.oldDatabase(at: path, upTo: v6, extra: """
            UPDATE dataset SET method_en = 'Read off the press releases', licence = 'CC0' WHERE id = 'old';
            INSERT INTO network (id, dataset_id, name_en, scope, category, position) VALUES
                ('old:section', 'old', 'A section of the forum', 'regional', 'city_network', 1);
            """)
        let before = try await DatabaseQueue(path: path).read { db in
            try ["source", "event", "network"].map { table in try db.columns(in: table).map(\.name) }
        }
        #expect(!before[0].contains("supplement") && !before[1].contains("notes_fa") && !before[2].contains("part_of"))
        let registry = try await Self.openAndCheck(path)
        let content = try #require(try await registry.content(ofDataset: "old"))
        // What v6 stored is kept; the new columns are empty: the study's sources, networks of their own.
        #expect(content.dataset.licence == "CC0")
        #expect(content.sources.map(\.supplement) == [nil])
        #expect(content.events.map(\.notesFa) == [nil])
        #expect(content.networks.map(\.partOf) == [nil, nil])
        // The new columns take values: an edit of the old event keeps its Persian notes, a new
        // source is the editors' supplement.
        var event = try #require(content.events.first)
        event.notesFa = "یادداشت"
        _ = try await registry.apply(.saveEvent(event), by: "migration-test")
        #expect(try await registry.event(id: "old:e1")?.notesFa == "یادداشت")
        var added = SourceCitation(id: "old:s2", title: "Added by this project")
        added.supplement = true
        _ = try await registry.apply(.saveSource(added, datasetID: "old"), by: "migration-test")
        #expect(try await registry.source(id: "old:s2")?.source.supplement == true)
        // A section refers to its network through the new column, a foreign key.
        let violations = try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE network SET part_of = 'old:net' WHERE id = 'old:section'")
            return try Array(db.foreignKeyViolations()).count
        }
        #expect(violations == 0)
        #expect(try await registry.networks(datasetID: "old").map(\.partOf) == [nil, "old:net"])
    }

    @Test("A v7 database gains the indexes of relation pages, by kind, year and dataset order, and keeps its records")
    func fromV7() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v7.sqlite").path
        let v7 = "v7: supplement sources, Persian event notes and network sections"
        let v8 = "v8: indexes for pages of relations by kind, year and dataset order"
        Self.expectNext(v8, after: v7)
        try Self.oldDatabase(at: path, upTo: v7)
        let registry = try await Self.openAndCheck(path)
        let indexes = try await DatabaseQueue(path: path).read { db in Set(try db.indexes(on: "relation").map(\.name)) }
        #expect(indexes.isSuperset(of: ["relation_on_dataset_position", "relation_on_kind", "relation_on_signed_from", "relation_on_signed_to"]))
        // The index on the dataset alone went: the one in page order starts with the dataset.
        #expect(!indexes.contains("relation_on_dataset_id"))
        // The old relation is found by each filter the indexes serve.
        for query in [RelationQuery(datasetID: "old"), RelationQuery(kind: .sisterCity), RelationQuery(signedFrom: 1960), RelationQuery(signedTo: 1970)] {
            #expect(try await registry.relations(matching: query).relations.map(\.id) == ["old:tehran/seoul"])
        }
        #expect(try await registry.relations(matching: RelationQuery(signedFrom: 1964)).relations.isEmpty)
        // Removing the dataset still removes its relations, found through the new index.
        try await registry.removeDataset("old")
        #expect(try await registry.countRelations(matching: RelationQuery()) == 0)
    }

    @Test("A v12 database keys its relations by a unique index, keeping their rows, row ids, themes and cascades")
    func fromV12() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v12.sqlite").path
        let v12 = "v12: indexes on a relation's ends that hold the other end, the dataset and the position"
        let v13 = Self.v13
        Self.expectNext(v13, after: v12)
        // Made by a citydip that marked its databases (from schema v3 on).
        try Self.oldDatabase(at: path, upTo: v12, extra: "UPDATE relation SET rowid = 7; PRAGMA application_id = \(DatabaseMark.applicationID)")
        func schema(_ db: Database) throws -> (indexes: [String], triggers: [String], primaryKey: [String]) {
            (try String.fetchAll(db, sql: "SELECT name || ':' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'relation' AND sql IS NOT NULL ORDER BY name"),
             try String.fetchAll(db, sql: "SELECT name || ':' || sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('relation', 'relation_theme') ORDER BY name"),
             try db.primaryKey("relation").columns)
        }
        let before = try DatabaseQueue(path: path).read(schema)
        #expect(before.primaryKey == ["id"])
        let registry = try await Self.openAndCheck(path)
        let after = try DatabaseQueue(path: path).read(schema)
        // The key is gone and its index is there; every other index and trigger as it was, but
        // for the unordered pair's index, whose rule triggers keep from v17 on.
        #expect(after.primaryKey == ["rowid"])
        let pairIndex = try #require(before.indexes.first { $0.hasPrefix("relation_on_unordered_pair:") })
        #expect(after.indexes == (before.indexes.filter { $0 != pairIndex } + ["relation_on_id:CREATE UNIQUE INDEX relation_on_id ON relation(id)"]).sorted())
        #expect(after.triggers == (before.triggers + zip(RelationPairTriggers.names, RelationPairTriggers.statements).map { "\($0):\($1)" }).sorted())
        #expect(after.triggers.count == 8)
        let queue = try DatabaseQueue(path: path)
        let (rowID, violations) = try await queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT rowid FROM relation WHERE id = 'old:tehran/seoul'"), try Array(db.foreignKeyViolations()).count)
        }
        #expect(rowID == 7)
        #expect(violations == 0)
        // The id is still unique, and the themes' foreign key still finds its parent.
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "INSERT INTO relation SELECT * FROM relation") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "INSERT INTO relation_theme (relation_id, theme, position) VALUES ('old:nowhere', 'culture', 0)") }
        }
        // The hash of the dataset's records is cleared by a theme's change, through the relation.
        _ = try await registry.recordsHash(ofDataset: "old")
        #expect(try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dataset_records_hash") } == 1)
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE relation_theme SET position = 1")
        }
        #expect(try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dataset_records_hash") } == 0)
        // Removing the dataset removes its relations and, by cascade, their themes.
        try await registry.removeDataset("old")
        #expect(try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM relation_theme") } == 0)
    }

    @Test("A v13 database gets its dataset's import report as the last column, every value, trigger and cascade kept")
    func fromV13() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v13.sqlite").path
        let v13 = Self.v13
        let v14 = "v14: a dataset's import report is its last column, so that its other columns are read without it"
        Self.expectNext(v14, after: v13)
        try Self.oldDatabase(at: path, upTo: v13, extra: """
            UPDATE dataset SET rowid = 5, import_report = '{"format":"wikipedia-csv"}', title_fa = 'عنوان', citation = 'Cited',
                description = 'About', provenance = 'Scraped', source_file = 'twin.csv', content_hash = 'abc', stored_at = '2026-01-02 03:04:05.000',
                citation_fa = 'ارجاع', description_fa = 'درباره', provenance_fa = 'خاستگاه', method_en = 'Read', method_fa = 'خوانده', licence = 'CC BY 4.0';
            PRAGMA application_id = \(DatabaseMark.applicationID)
            """)
        func state(_ db: Database) throws -> (columns: [String], row: [String: String], triggers: [String], rowID: Int?) {
            let columns = try db.columns(in: "dataset").map(\.name)
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM dataset WHERE id = 'old'"))
            var values: [String: String] = [:]
            for column in columns { values[column] = (row[column] as DatabaseValue).description }
            return (columns, values,
                    try String.fetchAll(db, sql: "SELECT name || ':' || sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'dataset' ORDER BY name"),
                    try Int.fetchOne(db, sql: "SELECT rowid FROM dataset WHERE id = 'old'"))
        }
        let before = try DatabaseQueue(path: path).read(state)
        #expect(before.columns.last == "licence")
        let registry = try await Self.openAndCheck(path)
        let after = try DatabaseQueue(path: path).read(state)
        #expect(after.columns == before.columns.filter { $0 != "import_report" } + ["import_report"])
        #expect(after.row == before.row)
        #expect(after.triggers == before.triggers)
        #expect(after.triggers.count == 3)
        #expect(after.rowID == 5)
        #expect(try await registry.importFormats() == ["old": "wikipedia-csv"])
        // Storing a dataset still moves the revision, and removing one still removes its records.
        let revision = try await registry.revision()
        try await DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE dataset SET licence = 'CC0' WHERE id = 'old'") }
        #expect(try await registry.revision() != revision)
        #expect(try await DatabaseQueue(path: path).read { db in try Array(db.foreignKeyViolations()).count } == 0)
        try await registry.removeDataset("old")
        #expect(try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM relation") } == 0)
    }

    @Test("A v14 database keeps its citations and city names, each table now its primary key alone, with its triggers, index and cascades")
    func fromV14() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v14.sqlite").path
        let v15 = "v15: citations and city names kept in their primary key alone (WITHOUT ROWID), not also in a table beside it"
        Self.expectNext(v15, after: SchemaMigrator.v14)
        // A second dataset's rows too, so that removing one is seen to leave the other's.
        try Self.oldDatabase(at: path, upTo: SchemaMigrator.v14, extra: """
            INSERT INTO dataset (id, title_en, is_bundled, stored_at) VALUES ('kept', 'Kept', 0, '2026-01-01 00:00:00.000');
            INSERT INTO source (id, dataset_id, title) VALUES ('kept:s1', 'kept', 'A'), ('kept:s2', 'kept', 'B');
            INSERT INTO city (id, dataset_id, name_en, aliases, country_code) VALUES ('kept:isfahan', 'kept', 'Isfahan', '[]', 'IR');
            INSERT INTO network (id, dataset_id, name_en, scope, category, position) VALUES ('kept:net', 'kept', 'Net', 'regional', 'city_network', 0);
            INSERT INTO citation (record_kind, record_id, source_id, position) VALUES ('network', 'kept:net', 'kept:s2', 0), ('network', 'kept:net', 'kept:s1', 1);
            INSERT INTO city_name (city_id, search_key) VALUES ('kept:isfahan', 'isfahan'), ('kept:isfahan', 'اصفهان');
            INSERT INTO dataset_records_hash (dataset_id, records_hash, format, claim) VALUES ('kept', 'h', 1, 'c');
            PRAGMA application_id = \(DatabaseMark.applicationID)
            """)
        func state(_ db: Database) throws -> (citations: [String], names: [String], tables: [String], others: [String]) {
            (try String.fetchAll(db, sql: "SELECT record_kind || '|' || record_id || '|' || source_id || '|' || position FROM citation ORDER BY 1"),
             try String.fetchAll(db, sql: "SELECT city_id || '|' || search_key FROM city_name ORDER BY 1"),
             try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name IN ('citation', 'city_name') ORDER BY name"),
             try String.fetchAll(db, sql: """
                SELECT type || ':' || name || ':' || sql FROM sqlite_master
                WHERE type IN ('index', 'trigger') AND tbl_name IN ('citation', 'city_name') AND sql IS NOT NULL ORDER BY name
                """))
        }
        let before = try DatabaseQueue(path: path).read(state)
        #expect(before.citations.count == 5)
        #expect(before.names.count == 6)
        #expect(before.tables.allSatisfy { !$0.contains("WITHOUT ROWID") })
        let registry = try await Self.openAndCheck(path)
        let after = try DatabaseQueue(path: path).read(state)
        #expect(after.citations == before.citations)
        #expect(after.names == before.names)
        #expect(after.others == before.others)
        #expect(after.others.count == 4)  // the citations' three triggers, the names' index
        #expect(after.tables.count == 2 && after.tables.allSatisfy { $0.hasSuffix("WITHOUT ROWID") })
        #expect(try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name LIKE '%being_remade'") } == 0)
        // The migration kept the hash of the records it copied; the triggers still clear it.
        #expect(try await DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT dataset_id FROM dataset_records_hash") } == ["kept"])
        try await DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE citation SET position = 2 WHERE source_id = 'kept:s1'") }
        #expect(try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dataset_records_hash") } == 0)
        #expect(try await registry.findCities(named: "اصفهان", datasetID: nil).map(\.id) == ["kept:isfahan"])
        // Removing a dataset removes its citations and names by cascade, and no other's.
        try await registry.removeDataset("old")
        let left = try DatabaseQueue(path: path).read(state)
        #expect(left.citations == ["network|kept:net|kept:s1|2", "network|kept:net|kept:s2|0"])
        #expect(left.names == ["kept:isfahan|isfahan", "kept:isfahan|اصفهان"])
        #expect(try await DatabaseQueue(path: path).read { db in try Array(db.foreignKeyViolations()).count } == 0)
    }

    @Test("A v13 database holding a row whose foreign key points nowhere still opens, migrated to the end, the row kept")
    func fromV13WithOrphan() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v13.sqlite").path
        try Self.oldDatabase(at: path, upTo: Self.v13,
                             extra: "PRAGMA application_id = \(DatabaseMark.applicationID)")
        // Written with foreign keys off, as a hand edit would be: a country no table holds.
        var unchecked = Configuration()
        unchecked.foreignKeysEnabled = false
        try await DatabaseQueue(path: path, configuration: unchecked).write { db in
            try db.execute(sql: "UPDATE city SET country_code = 'ZZ' WHERE id = 'old:seoul'")
        }
        _ = try await Self.openAndCheck(path)
        let country = try await DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "SELECT country_code FROM city WHERE id = 'old:seoul'") }
        #expect(country == "ZZ")
    }

    @Test("Two processes opening a v13 database at once both open it: the one that finds it migrated by the other goes on")
    func fromV13AtOnce() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Each opening a pool of its own on a thread of its own, as processes do; several
        // databases, since the openings meet in the race only some of the time.
        for round in 0..<6 {
            let path = folder.appendingPathComponent("v13-\(round).sqlite").path
            try Self.oldDatabase(at: path, upTo: Self.v13,
                                 extra: "PRAGMA application_id = \(DatabaseMark.applicationID)")
            let failures = Mutex<[String]>([])
            let group = DispatchGroup()
            for _ in 0..<6 {
                group.enter()
                Thread {
                    do { _ = try SQLiteRegistry(path: path) } catch { failures.withLock { $0.append("\(error)") } }
                    group.leave()
                }.start()
            }
            group.wait()
            #expect(failures.withLock { $0 } == [])
            #expect(try DatabaseQueue(path: path).read { db in try SchemaMigrator.migrator.hasCompletedMigrations(db) })
        }
    }

    /// A database's migrations as another process and this one record them, for
    /// ``SQLiteRegistry/migrate(named:known:deadline:applied:migrate:)``: each call of `migrate`
    /// takes the next step, which may record migrations and then fail.
    final class Migrations: Sendable {
        let state: Mutex<(recorded: Set<String>, steps: [(record: [String], error: (any Error)?)], calls: Int)>
        init(recorded: Set<String>, steps: [(record: [String], error: (any Error)?)]) {
            state = Mutex((recorded, steps, 0))
        }
        func applied() -> Set<String> { state.withLock { $0.recorded } }
        func migrate() throws {
            let error: (any Error)? = try state.withLock { state in
                guard state.calls < state.steps.count else {
                    Issue.record("migrated \(state.calls + 1) times, more than the \(state.steps.count) steps given")
                    throw Self.tooMany
                }
                let step = state.steps[state.calls]
                state.calls += 1
                state.recorded.formUnion(step.record)
                return step.error
            }
            if let error { throw error }
        }
        var calls: Int { state.withLock { $0.calls } }
        static let tooMany = DatabaseError(resultCode: .SQLITE_MISUSE, message: "more migrations than steps")
        func run(known: [String], deadline: Date = .distantFuture) throws {
            try SQLiteRegistry.migrate(named: "test.sqlite", known: known, deadline: deadline, applied: applied, migrate: migrate)
        }
    }

    static let known = ["v1", "v2", "v3"]
    static let recordedFirst = DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "UNIQUE constraint failed: grdb_migrations.identifier")
    static let busy = DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked")
    static let full = DatabaseError(resultCode: .SQLITE_FULL, message: "database or disk is full")

    @Test("Opening beside another process that migrates: again from what it recorded, again while busy, until done")
    func migratesBesideAnother() throws {
        // Failing on v2, which the other recorded first while still running v3; then waiting
        // longer than the busy timeout for it; then finding nothing left to do.
        let beside = Migrations(recorded: ["v1"], steps: [(["v2"], Self.recordedFirst), ([], Self.busy), (["v3"], nil)])
        try beside.run(known: Self.known)
        #expect(beside.calls == 3)
        #expect(beside.applied() == Set(Self.known))
        // Up to date: nothing run.
        let current = Migrations(recorded: Set(Self.known), steps: [])
        try current.run(known: Self.known)
        #expect(current.calls == 0)
    }

    @Test("Opening fails on an error of its own, on a database busy past the deadline, and on a migration it does not know")
    func migrationFailures() throws {
        // An error with nothing more recorded after it (a full disk) is thrown, not tried again.
        let full = Migrations(recorded: ["v1"], steps: [([], Self.full), (["v2", "v3"], nil)])
        #expect(#expect(throws: DatabaseError.self) { try full.run(known: Self.known) }?.resultCode == .SQLITE_FULL)
        #expect(full.calls == 1)
        // Its own migrations recorded before it failed: tried once more, then thrown.
        let partly = Migrations(recorded: ["v1"], steps: [(["v2"], Self.full), ([], Self.full), (["v3"], nil)])
        #expect(#expect(throws: DatabaseError.self) { try partly.run(known: Self.known) }?.resultCode == .SQLITE_FULL)
        #expect(partly.calls == 2)
        // Busy past the deadline.
        let busy = Migrations(recorded: ["v1"], steps: [([], Self.busy), (["v2", "v3"], nil)])
        #expect(#expect(throws: DatabaseError.self) { try busy.run(known: Self.known, deadline: .distantPast) }?.resultCode == .SQLITE_BUSY)
        #expect(busy.calls == 1)
        // A newer citydip recorded a migration this build does not know, before or meanwhile.
        let newer = Migrations(recorded: ["v1", "v2", "v3", "v4"], steps: [])
        #expect(throws: StorageError.self) { try newer.run(known: Self.known) }
        let newerMeanwhile = Migrations(recorded: ["v1"], steps: [(["v2", "v3", "v4"], Self.recordedFirst)])
        do {
            try newerMeanwhile.run(known: Self.known)
            Issue.record("a migration this build does not know was not refused")
        } catch let StorageError.newerSchema(_, migrations, newestKnown) {
            #expect(migrations == ["v4"])
            #expect(newestKnown == "v3")
        }
        #expect(newerMeanwhile.calls == 1)
    }

    @Test("A new database's datasets have their import report as the last column (a column added later must be placed before it)")
    func importReportLast() throws {
        let queue = try DatabaseQueue()
        try SchemaMigrator.migrator.migrate(queue)
        #expect(try queue.read { db in try db.columns(in: "dataset").map(\.name).last } == "import_report")
    }

    @Test("A v2 database keeps its change log through the migration")
    func fromV2() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v2.sqlite").path
        try Self.oldDatabase(at: path, upTo: SchemaMigrator.changeLogMigration, extra: """
            INSERT INTO change_log (at, actor, action, record_kind, record_id, dataset_id, before, after) VALUES
                ('2025-03-02 09:00:00.000', 'alice', 'update', 'relation', 'old:tehran/seoul', 'old', '{"notes":null}', '{"notes":"named streets in each city"}');
            """)
        let registry = try await Self.openAndCheck(path)
        let log = try await registry.changes(limit: 10, offset: 0)
        #expect(log.map(\.actor) == ["alice"])
        #expect(log.first?.action == .update)
        #expect(log.first?.after == #"{"notes":"named streets in each city"}"#)
    }
}
