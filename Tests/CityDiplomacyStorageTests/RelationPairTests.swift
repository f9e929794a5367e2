import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import GRDB
import Testing
@testable import CityDiplomacyStorage

/// One relation per dataset, kind and unordered pair of cities, kept by triggers since schema v17
/// (``RelationPairTriggers``) and, in a store in bulk, by the store's own checks.
@Suite("A pair of cities has one relation of a kind in a dataset, whatever writes it")
struct RelationPairTests {
    let fixture: StudyRegistryFixture

    init() throws {
        fixture = try StudyRegistryFixture()
    }

    /// A relation row of the v1 records' dataset, written as raw SQL would write it.
    private static func insert(_ id: String, dataset: String = "old", city: String, partner: String, kind: String = "sister_city", in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO relation (id, dataset_id, city_id, partner_id, kind, status, period_placements, position, flags, import_rows)
            VALUES (?, ?, ?, ?, ?, 'active', '{}', 9, '[]', '[]')
            """, arguments: [id, dataset, city, partner, kind])
    }

    /// Whether `write` is refused by the pair's rule, as the triggers refuse it.
    private static func refusedByPair(_ write: () throws -> Void) -> Bool {
        do {
            try write()
            return false
        } catch let error as DatabaseError {
            return error.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER && error.message == RelationPairTriggers.message
        } catch {
            return false
        }
    }

    @Test("A v16 database loses the pair's index for its triggers, keeps its relations, and refuses a pair twice in either order")
    func fromV16() async throws {
        SchemaHistoryTests.expectNext(SchemaMigrator.v17, after: SchemaMigrator.v16)
        let folder = try SchemaHistoryTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, _) = try await SchemaHistoryTests.openedAfter(SchemaMigrator.v16, in: folder, file: "v16.sqlite")
        let queue = try DatabaseQueue(path: path)
        let (indexes, triggers) = try await queue.read { db in
            (try db.indexes(on: "relation").map(\.name),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%pairs_unique' ORDER BY name"))
        }
        #expect(!indexes.contains("relation_on_unordered_pair"))
        #expect(triggers == RelationPairTriggers.names.sorted())
        try await queue.write { db in
            // The stored pair (Tehran, Seoul), again in its order and reversed, under new ids.
            #expect(Self.refusedByPair { try Self.insert("old:again", city: "old:tehran", partner: "old:seoul", in: db) })
            #expect(Self.refusedByPair { try Self.insert("old:reversed", city: "old:seoul", partner: "old:tehran", in: db) })
            // Another kind, or another dataset, is another relation.
            try Self.insert("old:mou", city: "old:seoul", partner: "old:tehran", kind: "mou", in: db)
            try db.execute(sql: "INSERT INTO dataset (id, title_en, is_bundled, stored_at) VALUES ('later', 'Later', 0, '2026-01-01 00:00:00.000')")
            try Self.insert("later:tehran/seoul", dataset: "later", city: "old:tehran", partner: "old:seoul", in: db)
            // A self-pair once, not twice.
            try Self.insert("old:self", city: "old:tehran", partner: "old:tehran", in: db)
            #expect(Self.refusedByPair { try Self.insert("old:self-again", city: "old:tehran", partner: "old:tehran", in: db) })
            // An update that makes a clash is refused; one that leaves the pair, or sets it to
            // what it was, is not.
            #expect(Self.refusedByPair { try db.execute(sql: "UPDATE relation SET kind = 'sister_city' WHERE id = 'old:mou'") })
            #expect(Self.refusedByPair { try db.execute(sql: "UPDATE relation SET dataset_id = 'later' WHERE id = 'old:tehran/seoul'") })
            #expect(Self.refusedByPair {
                try db.execute(sql: "UPDATE relation SET city_id = 'old:seoul', partner_id = 'old:tehran' WHERE id = 'old:self'")
            })
            try db.execute(sql: "UPDATE relation SET notes = 'checked', kind = kind, city_id = city_id WHERE id = 'old:tehran/seoul'")
            try db.execute(sql: "UPDATE relation SET city_id = partner_id, partner_id = city_id WHERE id = 'old:tehran/seoul'")
        }
        let rows = try await queue.read { db in
            try String.fetchAll(db, sql: "SELECT id || ' ' || dataset_id || ' ' || city_id || ' ' || partner_id || ' ' || kind FROM relation ORDER BY id")
        }
        #expect(rows == [
            "later:tehran/seoul later old:tehran old:seoul sister_city", "old:mou old old:seoul old:tehran mou",
            "old:self old old:tehran old:tehran sister_city", "old:tehran/seoul old old:seoul old:tehran sister_city",
        ])
    }

    @Test("An edit that gives a relation a pair another relation of its kind has, in either order, is refused by name")
    func editClash() async throws {
        let registry = try await fixture.seededRegistry()
        let study = fixture.study
        let taken = try #require(study.relations.first { $0.kind == .sisterCity && $0.cityID != $0.partnerID })
        var reversed = taken
        (reversed.id, reversed.cityID, reversed.partnerID, reversed.position) = ("iran-2018:reversed", taken.partnerID, taken.cityID, study.relations.count)
        await #expect(throws: SQLiteRegistry.duplicateRelation("iran-2018:reversed", kind: .sisterCity)) {
            _ = try await registry.apply(.saveRelation(reversed), by: "mallory")
        }
        // Another kind of relation between the two is not a clash.
        reversed.kind = .partnership
        _ = try await registry.apply(.saveRelation(reversed), by: "alice")
        #expect(try await registry.relation(id: "iran-2018:reversed")?.kind == .partnership)
        #expect(try await registry.content(ofDataset: "iran-2018")?.relations.count == study.relations.count + 1)
    }

    /// A dataset `id` of `count` relations, each between two cities of its own, numbered from `first`.
    private static func dataset(_ id: String, relations count: Int, first: Int = 0) -> DatasetContent {
        let source = SourceCitation(id: "\(id):file", title: "\(id).csv")
        let cities = (0..<(2 * count)).map { City(id: "\(id):c\(first + $0)", name: LocalizedText(en: "City \(first + $0)"), country: CountryCode(unchecked: "IR")) }
        let relations = (0..<count).map { index in
            BilateralRelation(id: "\(id):c\(first + 2 * index)/c\(first + 2 * index + 1)/sister_city", datasetID: id,
                              cityID: "\(id):c\(first + 2 * index)", partnerID: "\(id):c\(first + 2 * index + 1)",
                              kind: .sisterCity, sources: [source], position: index)
        }
        return DatasetContent(dataset: Dataset(id: id, title: LocalizedText(en: id)), sources: [source], cities: cities, relations: relations)
    }

    /// Writes a relation row with foreign keys off, as a database written so may hold one: its
    /// cities (and here its dataset) need not exist.
    private static func orphan(_ id: String, dataset: String, city: String, partner: String, in registry: SQLiteRegistry) async throws {
        try await registry.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try Self.insert(id, dataset: dataset, city: city, partner: partner, in: db)
        }
    }

    @Test("A relation whose pair a row already stored holds (of its own dataset or another) is refused by name, in bulk or not; nothing is stored",
          arguments: [1, 1_000_000])
    func pairAlreadyStored(bulkRows: Int) async throws {
        let registry = try SQLiteRegistry(bulkRows: bulkRows)
        try await registry.storeCountries(fixture.countries.countries)
        let first = Self.dataset("first", relations: 3)
        try await registry.store(first)
        // A row of the first dataset between two cities the second will bring (reversed), left
        // by a write with foreign keys off; the second carries a relation of the first between them.
        var second = Self.dataset("second", relations: 200)
        try await Self.orphan("first:left", dataset: "first", city: "second:c5", partner: "second:c4", in: registry)
        var intruder = second.relations[2]
        (intruder.id, intruder.datasetID, intruder.position) = ("first:intruder", "first", 200)
        second.relations.append(intruder)
        await #expect(throws: SQLiteRegistry.duplicateRelation("first:intruder", kind: .sisterCity)) { try await registry.store(second) }
        #expect(try await registry.datasets().map(\.id) == ["first"])
        // Without the intruder, the second is stored; a row of its own dataset's pair left the
        // same way is found too.
        second.relations.removeLast()
        try await Self.orphan("third:left", dataset: "third", city: "third:c1", partner: "third:c0", in: registry)
        try await registry.store(second)
        // Larger than the relations already stored, so that it is stored in bulk where asked.
        let third = Self.dataset("third", relations: 300)
        let inBulk = try await registry.writer.read { try SQLiteRegistry.storesInBulk(third, bulkRows: bulkRows, in: $0) }
        #expect(inBulk == (bulkRows == 1))
        await #expect(throws: SQLiteRegistry.duplicateRelation(third.relations[0].id, kind: .sisterCity)) { try await registry.store(third) }
        #expect(try await registry.datasets().map(\.id).sorted() == ["first", "second"])
        // The rule holds for any later write.
        let refused = try await registry.writer.write { db in
            Self.refusedByPair { try Self.insert("second:again", dataset: "second", city: "second:c1", partner: "second:c0", in: db) }
        }
        #expect(refused)
    }

    @Test("The triggers look a pair up in an index on the relations' ends, never through every relation")
    func pairLookupUsesIndex() async throws {
        let registry = try SQLiteRegistry()
        let plan = try await registry.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT " + RelationPairTriggers.clash(city: "?1", partner: "?2", dataset: "?3", kind: "?4", besides: "id <> ?5"),
                             arguments: ["a:x", "a:y", "a", "sister_city", "a:x/y"])
                .map { $0["detail"] as String }
        }
        let lookups = plan.filter { $0.contains("relation") }
        #expect(lookups.count == 2, "\(plan)")
        #expect(lookups.allSatisfy { $0.contains("USING INDEX relation_on_city") || $0.contains("USING INDEX relation_on_partner") }, "\(plan)")
    }

    @Test("In bulk, two relations of one pair are found among many wherever they lie, in the dataset's order", arguments: [0, 1, 63, 64, 4_999])
    func pairTwiceInBulk(at later: Int) async throws {
        let registry = try SQLiteRegistry(bulkRows: 1)
        try await registry.storeCountries(fixture.countries.countries)
        var content = Self.dataset("big", relations: 5_000)
        // Relation `later` again, reversed, at the end.
        var again = content.relations[later]
        (again.id, again.cityID, again.partnerID, again.position) = ("big:again", again.partnerID, again.cityID, 5_000)
        content.relations.append(again)
        await #expect(throws: SQLiteRegistry.duplicateRelation("big:again", kind: .sisterCity)) { try await registry.store(content) }
        #expect(try await registry.datasets().isEmpty)
        let triggers = try await registry.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%pairs_unique' ORDER BY name")
        }
        #expect(triggers == RelationPairTriggers.names.sorted())
    }

    @Test("Pairs are compared by the bytes of their ids, kind and dataset: numbered from the dataset's cities or from the relations, as a scan of every earlier relation finds them")
    func pairsByNumbers() {
        // Ids, kinds and datasets equal to Swift but not to SQLite (é and ý composed and
        // decomposed), among a few cities, so that many pairs meet again.
        let ids = ["d:a", "d:b", "d:\u{E9}", "d:e\u{301}", "d:c", "d:a "]
        let kinds: [RelationKind] = [.sisterCity, RelationKind(unchecked: "sister_cit\u{FD}"), RelationKind(unchecked: "sister_city\u{301}")]
        let datasets = ["d", "d\u{E9}", "de\u{301}"]
        // A fixed sequence (SplitMix64), so that every run checks the same rounds.
        var state: UInt64 = 17
        func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var duplicatesFound = 0
        for round in 0..<200 {
            let relations = (0..<(1 + next(12))).map { index in
                BilateralRelation(id: "r\(index)", datasetID: next(4) == 0 ? datasets[1 + next(2)] : datasets[0], cityID: ids[next(ids.count)],
                                  partnerID: ids[next(ids.count)], kind: kinds[next(4) == 0 ? 1 + next(2) : 0], position: index)
            }
            let bytes = { (text: String) in Array(text.utf8) }
            let scanned = relations.indices.first { index in
                relations[..<index].contains { earlier in
                    let (a, b) = (relations[index], earlier)
                    let samePair = bytes(a.cityID) == bytes(b.cityID) && bytes(a.partnerID) == bytes(b.partnerID)
                        || bytes(a.cityID) == bytes(b.partnerID) && bytes(a.partnerID) == bytes(b.cityID)
                    return samePair && bytes(a.kind.rawValue) == bytes(b.kind.rawValue) && bytes(a.datasetID) == bytes(b.datasetID)
                }
            }
            #expect(SQLiteRegistry.firstDuplicatePair(in: relations) == scanned, "round \(round)")
            if scanned != nil { duplicatesFound += 1 }
            let cities = ids.reversed().map { City(id: $0, name: LocalizedText(en: $0), country: CountryCode(unchecked: "IR")) }
            let content = DatasetContent(dataset: Dataset(id: "d", title: LocalizedText(en: "d")), cities: cities, relations: relations)
            let ends = SQLiteRegistry.relationEnds(of: content)
            #expect(ends.firstDangling == nil)
            #expect(SQLiteRegistry.firstDuplicatePair(in: relations, ends: ends.numbers) == scanned, "round \(round)")
        }
        // Rounds with a duplicate and without, so that both answers are checked.
        #expect((20...180).contains(duplicatesFound), "\(duplicatesFound)")
    }
}
