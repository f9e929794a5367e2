import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import GRDB
import Testing
@testable import CityDiplomacyStorage

/// Datasets larger than one bulk statement (64 rows), as imports make them.
@Suite("Large datasets are stored whole, in bulk, or not at all")
struct BulkStoreTests {
    let countries: CountryDirectory

    init() throws {
        countries = try CountryDirectory.bundled()
    }

    /// `cityCount` cities in Iran and Turkey and a relation from each city to the next few.
    private func dataset(cities cityCount: Int, relationsPerCity: Int) throws -> DatasetContent {
        let source = SourceCitation(id: "bulk:file", title: "bulk.csv")
        let cities = try (0..<cityCount).map { index in
            City(id: "bulk:c\(index)", name: LocalizedText(en: "City \(index)", fa: index % 3 == 0 ? "شهر \(index)" : nil),
                 aliases: index % 5 == 0 ? ["Alias \(index)", ""] : [],
                 country: CountryCode(unchecked: index % 2 == 0 ? "IR" : "TR"),
                 coordinates: index % 4 == 0 ? nil : try Coordinates(latitude: Double(index % 80), longitude: Double(index % 170)),
                 population: index % 7 == 0 ? nil : index * 1000, geonamesID: index % 2 == 0 ? index : nil,
                 // An empty note stays empty, not NULL.
                 notes: index % 11 == 0 ? "" : (index % 13 == 0 ? "یادداشت \(index)" : nil))
        }
        var relations: [BilateralRelation] = []
        for index in 0..<cityCount {
            for step in 1...relationsPerCity where index + step < cityCount {
                relations.append(BilateralRelation(
                    id: "bulk:c\(index)/c\(index + step)/sister_city", datasetID: "bulk", cityID: "bulk:c\(index)",
                    partnerID: "bulk:c\(index + step)", kind: .sisterCity,
                    signed: index % 3 == 0 ? try PartialDate(parsing: "\(1990 + index % 30)") : nil,
                    themes: index % 9 == 0 ? [.culture, .economy] : [],
                    sources: [source], position: relations.count, importRows: [relations.count + 2]))
            }
        }
        return DatasetContent(dataset: Dataset(id: "bulk", title: LocalizedText(en: "Bulk")), sources: [source], cities: cities, relations: relations)
    }

    @Test("A dataset of many bulk statements and a partial last one reads back exactly", arguments: [1, 63, 64, 65, 1000])
    func roundTrip(cityCount: Int) async throws {
        let registry = try SQLiteRegistry()
        try await registry.storeCountries(countries.countries)
        let content = try dataset(cities: cityCount, relationsPerCity: 3)
        try await registry.store(content)
        let stored = try #require(try await registry.content(ofDataset: "bulk"))
        #expect(stored.cities == content.cities)
        #expect(stored.relations == content.relations)
        #expect(try await registry.findCities(named: "شهر 999", datasetID: "bulk").map(\.id) == (cityCount > 999 ? ["bulk:c999"] : []))
    }

    @Test("Countries stored with a dataset are stored with it, or not at all")
    func countriesWithDataset() async throws {
        let registry = try SQLiteRegistry()
        let withoutTurkey = countries.countries.filter { $0.code.rawValue != "TR" }
        try await registry.storeCountries(withoutTurkey)
        var broken = try dataset(cities: 10, relationsPerCity: 1)
        broken.relations.append(broken.relations[0])
        await #expect(throws: (any Error).self) { try await registry.store(broken, countries: countries.countries, progress: nil) }
        #expect(try await registry.countries().count == withoutTurkey.count)
        try await registry.store(try dataset(cities: 10, relationsPerCity: 1), countries: countries.countries, progress: nil)
        #expect(try await registry.countries().count == countries.countries.count)
    }

    @Test("A duplicate pair deep in a large dataset is named, and the database is left as it was")
    func duplicateInBulk() async throws {
        let registry = try SQLiteRegistry()
        try await registry.storeCountries(countries.countries)
        let original = try dataset(cities: 100, relationsPerCity: 2)
        try await registry.store(original)
        var content = try dataset(cities: 400, relationsPerCity: 2)
        // The pair of relation 300, reversed, among rows of the same bulk statement.
        var reversed = content.relations[300]
        swap(&reversed.cityID, &reversed.partnerID)
        reversed.id = "bulk:reversed"
        content.relations.insert(reversed, at: 310)
        do {
            try await registry.store(content)
            Issue.record("the duplicate pair was stored")
        } catch let RegistryError.duplicateRecord(id, _) {
            #expect(id == "bulk:reversed")
        }
        let after = try #require(try await registry.content(ofDataset: "bulk"))
        #expect(after.cities == original.cities)
        #expect(after.relations == original.relations)
    }

    // In bulk: the way a dataset of 20,000 rows or more is stored (indexes dropped and made
    // again, keyed rows in key order, a new dataset with foreign keys off and its references
    // checked by the store), here for small datasets by lowering the threshold.

    /// The names of the indexes and whether foreign keys are on: what a bulk store changes for
    /// the time of its transaction and must leave as it found.
    /// The indexes, and the settings of the connection that writes (a bulk store changes its page
    /// cache, and its temporary files and threads while it makes indexes again, for a while).
    /// The differences from `before`, named, or none.
    private static func expectSameState(_ registry: SQLiteRegistry, as before: SchemaState) async throws {
        let differences = try await schemaState(registry).differences(from: before)
        #expect(differences == [])
    }

    private static func schemaState(_ registry: SQLiteRegistry) async throws -> SchemaState {
        try await registry.writer.writeWithoutTransaction { db in
            SchemaState(
                indexes: try String.fetchAll(db, sql: "SELECT type || ' ' || name || ':' || coalesce(sql, '') FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY type, name"),
                foreignKeys: try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false,
                writer: try ["cache_size", "temp_store", "threads", "synchronous", "mmap_size"].map { "\($0)=\(try Int.fetchOne(db, sql: "PRAGMA \($0)") ?? -1)" })
        }
    }

    struct SchemaState: Equatable {
        var indexes: [String]
        var foreignKeys: Bool
        var writer: [String]

        /// What differs, named, so that a failure says what.
        func differences(from other: SchemaState) -> [String] {
            (indexes == other.indexes ? [] : ["indexes and triggers: \(Set(indexes).symmetricDifference(other.indexes).sorted())"])
                + (foreignKeys == other.foreignKeys ? [] : ["foreign keys \(foreignKeys)"])
                + zip(writer, other.writer).filter { $0 != $1 }.map { "\($0) (was \($1))" }
        }
    }

    @Test("In bulk, a dataset reads back exactly, and the indexes and foreign keys are as before", arguments: [1, 65, 1000])
    func bulkRoundTrip(cityCount: Int) async throws {
        let registry = try SQLiteRegistry(bulkRows: 1)
        try await registry.storeCountries(countries.countries)
        let before = try await Self.schemaState(registry)
        #expect(before.foreignKeys)
        var content = try dataset(cities: cityCount, relationsPerCity: 3)
        // A district of a city of the dataset, and citations of two sources out of key order.
        content.cities[0].partOf = content.cities.last?.id
        let second = SourceCitation(id: "bulk:a-second", title: "second.csv")
        content.sources.append(second)
        if !content.relations.isEmpty { content.relations[0].sources = [content.sources[0], second] }
        try await registry.store(content)
        let stored = try #require(try await registry.content(ofDataset: "bulk"))
        #expect(stored.cities == content.cities)
        #expect(stored.relations == content.relations)
        #expect(stored.sources == content.sources)
        try await Self.expectSameState(registry, as: before)
        #expect(try await registry.findCities(named: "شهر 999", datasetID: "bulk").map(\.id) == (cityCount > 999 ? ["bulk:c999"] : []))
        // Replaced in bulk, through the foreign keys' cascades, by a smaller one.
        let smaller = try dataset(cities: cityCount / 2 + 1, relationsPerCity: 1)
        try await registry.store(smaller)
        let replaced = try #require(try await registry.content(ofDataset: "bulk"))
        #expect(replaced.cities == smaller.cities)
        #expect(replaced.relations == smaller.relations)
        try await Self.expectSameState(registry, as: before)
    }

    @Test("Sources the relations cite and the dataset does not list are stored once each, as first cited, in bulk or not",
          arguments: [1, 1_000_000])
    func sourcesFirstCited(bulkRows: Int) async throws {
        let registry = try SQLiteRegistry(bulkRows: bulkRows)
        try await registry.storeCountries(countries.countries)
        var content = try dataset(cities: 40, relationsPerCity: 2)
        let (listed, a, b, c) = (content.sources[0], SourceCitation(id: "bulk:z-a", title: "a"), SourceCitation(id: "bulk:b", title: "b"),
                                 SourceCitation(id: "bulk:a-c", title: "c"))
        // Cited again after others, twice in a row, beside the listed one, and once with another
        // title, which is not stored: the first citation's is.
        let citing = [[listed], [a], [a], [listed, b], [a, listed], [SourceCitation(id: "bulk:z-a", title: "a again")], [c, b], [listed]]
        for index in content.relations.indices { content.relations[index].sources = citing[index % citing.count] }
        try await registry.store(content)
        let stored = try #require(try await registry.content(ofDataset: "bulk"))
        #expect(stored.sources == [listed, a, b, c])
        #expect(stored.relations.map(\.sources.count) == content.relations.map(\.sources.count))
        #expect(SQLiteRegistry.StoreRows.citedSources(of: content.relations) == [listed, a, b, c])
        #expect(SQLiteRegistry.StoreRows.citedSources(of: []) == [])
    }

    @Test("Source ids that are one text in two Unicode forms are refused by name, listed or cited, one after the other or not, in bulk or not",
          arguments: [1, 1_000_000])
    func sourcesInTwoForms(bulkRows: Int) async throws {
        let registry = try SQLiteRegistry(bulkRows: bulkRows)
        try await registry.storeCountries(countries.countries)
        let before = try await Self.schemaState(registry)
        let composed = SourceCitation(id: "bulk:caf\u{E9}", title: "composed")
        let decomposed = SourceCitation(id: "bulk:cafe\u{301}", title: "decomposed")
        let other = SourceCitation(id: "bulk:other", title: "other")
        // Cited one after the other, cited apart, or one listed and the other cited: SQLite would
        // keep both, and Swift's readers take them as one; before, the second was left out while
        // its citations named it (with foreign keys off, a dangling citation).
        for citing in [[[composed], [decomposed]], [[composed], [other], [decomposed, other]], [[decomposed]]] {
            var content = try dataset(cities: 40, relationsPerCity: 2)
            if citing.count == 1 { content.sources.append(composed) }
            for index in content.relations.indices { content.relations[index].sources = citing[index % citing.count] }
            let cited = SQLiteRegistry.StoreRows.citedSources(of: content.relations)
            #expect(cited.map { Array($0.id.utf8) }.contains(Array(decomposed.id.utf8)))
            await #expect(throws: SQLiteRegistry.sourceInTwoForms(decomposed.id, composed.id)) { try await registry.store(content) }
            try await Self.expectSameState(registry, as: before)
        }
        // In one form each, both are stored, and read back as cited.
        var content = try dataset(cities: 40, relationsPerCity: 2)
        content.sources.append(other)
        for index in content.relations.indices { content.relations[index].sources = [[composed], [other, composed]][index % 2] }
        try await registry.store(content)
        let stored = try #require(try await registry.content(ofDataset: "bulk"))
        #expect(stored.sources.map(\.title) == [content.sources[0].title, "other", "composed"])
        #expect(stored.relations.map { $0.sources.map(\.id) } == content.relations.map { $0.sources.map(\.id) })
    }

    @Test("In bulk, a duplicate pair is named in the dataset's order and nothing is stored")
    func bulkDuplicate() async throws {
        let registry = try SQLiteRegistry(bulkRows: 1)
        try await registry.storeCountries(countries.countries)
        var content = try dataset(cities: 400, relationsPerCity: 2)
        var reversed = content.relations[300]
        swap(&reversed.cityID, &reversed.partnerID)
        reversed.id = "bulk:a-reversed"
        content.relations.insert(reversed, at: 310)
        await #expect(throws: RegistryError.duplicateRecord("bulk:a-reversed", reason: "the same pair of cities already has a relation of kind sister_city, or the id is used twice")) {
            try await registry.store(content)
        }
        #expect(try await registry.datasets().isEmpty)
    }

    @Test("A relation id used twice is named before a broken reference after it, whether stored in bulk or not, or copied",
          arguments: [1, 1_000_000])
    func duplicateIDBeforeOtherFailures(bulkRows: Int) async throws {
        var content = try dataset(cities: 300, relationsPerCity: 2)
        // The id of relation 100 again, on another pair; later, a relation to a city the dataset lacks.
        var twice = content.relations[250]
        twice.id = content.relations[100].id
        content.relations[250] = twice
        content.relations[400].partnerID = "bulk:nowhere"
        let expected = RegistryError.duplicateRecord(twice.id, reason: "the same pair of cities already has a relation of kind sister_city, or the id is used twice")
        let registry = try SQLiteRegistry(bulkRows: bulkRows)
        try await registry.storeCountries(countries.countries)
        await #expect(throws: expected) { try await registry.store(content) }
        // A copy whose second dataset holds the duplicate, among other faults (its cities clash with
        // the first's): the duplicate is named.
        let copy = try SQLiteRegistry(bulkRows: bulkRows)
        let first = try dataset(cities: 30, relationsPerCity: 1)
        content.dataset.id = "bulk-2"
        for index in content.relations.indices { content.relations[index].datasetID = "bulk-2" }
        content.relations[400].partnerID = content.relations[401].partnerID
        await #expect(throws: expected) {
            try await copy.storeCopy(of: RegistrySnapshot(
                countries: countries.countries, datasets: [.init(content: first, storedAt: Date()), .init(content: content, storedAt: Date())], changes: []))
        }
        #expect(try await registry.datasets().isEmpty)
        #expect(try await copy.datasets().isEmpty)
    }

    /// The error a store gives when `failure` makes it fail.
    private static func failure(of content: DatasetContent, storeFailingWith failure: any Error) async -> (any Error)? {
        do {
            try await SQLiteRegistry.namingDuplicates(in: [content]) { throw failure }
            return nil
        } catch {
            return error
        }
    }

    @Test("A store that fails for what it stores names a duplicate first; one that fails by itself (cancelled, a full disk) is given as it is")
    func failuresOfTheStoreItself() async throws {
        var content = try dataset(cities: 30, relationsPerCity: 2)
        content.relations[20].id = content.relations[3].id
        let duplicate = SQLiteRegistry.duplicateRelation(content.relations[20].id, kind: .sisterCity)
        let dangling = RegistryError.danglingReference(record: "bulk:x", field: "city", value: "bulk:nowhere")
        #expect(await Self.failure(of: content, storeFailingWith: dangling) as? RegistryError == duplicate)
        #expect(await Self.failure(of: content, storeFailingWith: DatabaseError(resultCode: .SQLITE_CONSTRAINT_UNIQUE)) as? RegistryError == duplicate)
        #expect(await Self.failure(of: content, storeFailingWith: CancellationError()) is CancellationError)
        let full = await Self.failure(of: content, storeFailingWith: DatabaseError(resultCode: .SQLITE_FULL))
        #expect((full as? DatabaseError)?.resultCode == .SQLITE_FULL)
        let busy = await Self.failure(of: content, storeFailingWith: DatabaseError(resultCode: .SQLITE_BUSY))
        #expect((busy as? DatabaseError)?.resultCode == .SQLITE_BUSY)
        // Without a duplicate, every failure is given as it is.
        content.relations[20].id = "bulk:once"
        #expect(await Self.failure(of: content, storeFailingWith: dangling) as? RegistryError == dangling)
        #expect((await Self.failure(of: content, storeFailingWith: DatabaseError(resultCode: .SQLITE_CONSTRAINT)) as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT)
    }

    @Test("Opening and migrating a registry leaves its writer able to sort an import's indexes on disk", arguments: [false, true])
    func sortOnDiskAfterMigrating(inFile: Bool) async throws {
        // A migration that opened the connection's temporary database (renaming a table does)
        // would make SQLite refuse to move its temporary files inside the store's transaction,
        // and every bulk store of that process would sort its indexes in memory, on one core.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-sort-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let registry = inFile ? try SQLiteRegistry(path: folder.appendingPathComponent("r.sqlite").path) : try SQLiteRegistry(bulkRows: 1)
        try await registry.writer.write { db in
            let before = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
            try db.execute(sql: "PRAGMA temp_store = FILE")
            try db.execute(sql: "PRAGMA temp_store = \(before)")
        }
    }

    @Test("Settings that cannot all be changed are put back, and the indexes are then sorted in memory")
    func settingsRefused() async throws {
        let registry = try SQLiteRegistry(bulkRows: 1)
        try await registry.writer.write { db in
            // A temporary table opens the connection's temporary database: SQLite then refuses,
            // inside the transaction, to move its temporary files.
            try db.execute(sql: "CREATE TEMP TABLE opened (x)")
            let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size")
            #expect(throws: DatabaseError.self) {
                try PragmaSettings.change(["cache_size": "-1234", "temp_store": "FILE"], in: db)
            }
            #expect(try Int.fetchOne(db, sql: "PRAGMA cache_size") == cache)
            let sort = IndexSort()
            try sort.make("CREATE INDEX sorted_in_memory ON opened(x)", in: db)
            try sort.restore(in: db)
            #expect(try Int.fetchOne(db, sql: "PRAGMA cache_size") == cache)
            #expect(try db.indexes(on: "opened").map(\.name) == ["sorted_in_memory"])
        }
    }

    @Test("In bulk, a relation whose id another dataset holds is named, and the database is left as it was")
    func bulkIDOfAnotherDataset() async throws {
        let registry = try SQLiteRegistry(bulkRows: 1)
        try await registry.storeCountries(countries.countries)
        let first = try dataset(cities: 200, relationsPerCity: 2)
        try await registry.store(first)
        let before = try await Self.schemaState(registry)
        // The same records in a dataset of another id, one relation keeping the first's id: the
        // relations' key, dropped while the new dataset's rows go in, refuses it when made again.
        func moved(_ id: String) -> String { "again" + id.dropFirst("bulk".count) }
        var second = first
        second.dataset = Dataset(id: "again", title: LocalizedText(en: "Again"))
        second.sources = first.sources.map { SourceCitation(id: moved($0.id), title: $0.title) }
        for index in second.cities.indices { second.cities[index].id = moved(second.cities[index].id) }
        for index in second.relations.indices {
            second.relations[index].id = moved(second.relations[index].id)
            second.relations[index].datasetID = "again"
            second.relations[index].cityID = moved(second.relations[index].cityID)
            second.relations[index].partnerID = moved(second.relations[index].partnerID)
            second.relations[index].sources = second.sources
        }
        second.relations[150].id = first.relations[40].id
        let clashing = second
        await #expect(throws: SQLiteRegistry.duplicateRelation(first.relations[40].id, kind: .sisterCity)) {
            try await registry.store(clashing)
        }
        #expect(try await registry.datasets().map(\.id) == ["bulk"])
        #expect(try await registry.content(ofDataset: "bulk")?.relations == first.relations)
        try await Self.expectSameState(registry, as: before)
        // Without the clash it is stored, and the key is there again, refusing a copy of a row.
        second.relations[150].id = moved(first.relations[150].id)
        try await registry.store(second)
        #expect(try await registry.content(ofDataset: "again")?.relations == second.relations)
        try await Self.expectSameState(registry, as: before)
        let copied = second.relations[0].id
        await #expect(throws: DatabaseError.self) {
            try await registry.writer.write { db in
                try db.execute(sql: "INSERT INTO relation SELECT * FROM relation WHERE id = ?", arguments: [copied])
            }
        }
    }

    @Test("In bulk, a reference the store checks itself is named, and the database is left as it was")
    func bulkDanglingReference() async throws {
        let registry = try SQLiteRegistry(bulkRows: 1)
        try await registry.storeCountries(countries.countries)
        let before = try await Self.schemaState(registry)
        var content = try dataset(cities: 200, relationsPerCity: 2)
        content.cities[150].partOf = "bulk:nowhere"
        await #expect(throws: RegistryError.danglingReference(record: "bulk:c150", field: "part_of", value: "bulk:nowhere")) {
            try await registry.store(content)
        }
        content.cities[150].partOf = nil
        content.relations[120].datasetID = "elsewhere"
        await #expect(throws: RegistryError.danglingReference(record: content.relations[120].id, field: "dataset", value: "elsewhere")) {
            try await registry.store(content)
        }
        #expect(try await registry.datasets().isEmpty)
        try await Self.expectSameState(registry, as: before)
        // A city id that differs from a relation's end only in its Unicode form is not that end,
        // for SQLite: refused by name, not stored with foreign keys off.
        content.relations[120].datasetID = "bulk"
        content.cities[7].id = "bulk:c\u{E9}"
        content.relations[0].cityID = "bulk:ce\u{301}"
        for index in content.relations.indices where content.relations[index].partnerID == "bulk:c7" || content.relations[index].cityID == "bulk:c7" {
            content.relations[index].cityID = content.relations[index].cityID == "bulk:c7" ? "bulk:c\u{E9}" : content.relations[index].cityID
            content.relations[index].partnerID = content.relations[index].partnerID == "bulk:c7" ? "bulk:c\u{E9}" : content.relations[index].partnerID
        }
        await #expect(throws: RegistryError.danglingReference(record: content.relations[0].id, field: "city", value: "bulk:ce\u{301}")) {
            try await registry.store(content)
        }
        try await Self.expectSameState(registry, as: before)
    }

    @Test("The relations' ends are looked up in parts on every core, and the first dangling end in the dataset's order is the one named")
    func firstDanglingEndAcrossParts() throws {
        var content = try dataset(cities: 120, relationsPerCity: 2)
        let count = content.relations.count
        let numbered = SQLiteRegistry.relationEnds(of: content)
        #expect(numbered.firstDangling == nil)
        #expect(content.cities.indices.allSatisfy { numbered.cityNumbers.position(of: content.cities[$0].id) == $0 })
        #expect(numbered.numbers.count == count)
        // Dangling ends in the last part, then in the middle, then in the first: each time the
        // earliest is named, the partner before the city of a later relation, whatever part
        // finishes first.
        content.relations[count - 1].cityID = "bulk:last"
        #expect(SQLiteRegistry.relationEnds(of: content).firstDangling
            == .danglingReference(record: content.relations[count - 1].id, field: "city", value: "bulk:last"))
        content.relations[count / 2].partnerID = "bulk:middle"
        #expect(SQLiteRegistry.relationEnds(of: content).firstDangling
            == .danglingReference(record: content.relations[count / 2].id, field: "partner", value: "bulk:middle"))
        content.relations[1].partnerID = "bulk:first-partner"
        content.relations[1].cityID = "bulk:first-city"
        #expect(SQLiteRegistry.relationEnds(of: content).firstDangling
            == .danglingReference(record: content.relations[1].id, field: "city", value: "bulk:first-city"))
        // Fewer relations than parts, and none.
        for size in [0, 1, 3] {
            var small = content
            small.relations = Array(content.relations.prefix(size))
            let expected: RegistryError? = size > 1 ? .danglingReference(record: small.relations[1].id, field: "city", value: "bulk:first-city") : nil
            #expect(SQLiteRegistry.relationEnds(of: small).firstDangling == expected)
        }
    }

    // In a file: a new dataset stored in bulk goes through a rollback journal when the database is
    // the store's alone, and through the WAL when another connection has it open.

    /// The size of the database's WAL, or 0 where there is none.
    private static func walBytes(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int) ?? 0
    }

    @Test("In bulk, a database of its own is written through a rollback journal, and is back in WAL mode after; through the WAL with another connection open, or for a server",
          arguments: [(false, false), (true, false), (false, true)])
    func rollbackJournal(otherConnectionOpen: Bool, server: Bool) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.sqlite").path
        let registry = try SQLiteRegistry(path: path, bulkRows: 1)
        if server { registry.admitReadersDuringWrites() }
        try await registry.storeCountries(countries.countries)
        // A reader of this registry's own, left open: the store closes its idle readers.
        _ = try await registry.datasets()
        // Another process's connection, say a running server: it holds the database open.
        let other = otherConnectionOpen ? try DatabaseQueue(path: path) : nil
        _ = try await other?.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dataset") }
        let content = try dataset(cities: 1000, relationsPerCity: 3)
        try await registry.store(content)
        // Through the journal, the rows went straight into the file and the WAL is empty; through
        // the WAL, they are in it until a checkpoint.
        #expect((Self.walBytes(path) == 0) == !(otherConnectionOpen || server))
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        #expect(try await registry.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        let stored = try #require(try await registry.content(ofDataset: "bulk"))
        #expect(stored.cities == content.cities)
        #expect(stored.relations == content.relations)
        // The other connection reads the new dataset too.
        #expect(try await other?.read { db in try String.fetchAll(db, sql: "SELECT id FROM dataset") } ?? ["bulk"] == ["bulk"])
        try other?.close()
    }

    @Test("In bulk through a rollback journal, a store that fails leaves the file as it was, in WAL mode")
    func rollbackJournalFailure() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.sqlite").path
        let registry = try SQLiteRegistry(path: path, bulkRows: 1)
        try await registry.storeCountries(countries.countries)
        let first = try dataset(cities: 300, relationsPerCity: 2)
        try await registry.store(first)
        let before = try await Self.schemaState(registry)
        // A second dataset whose last relation takes an id of the first: refused only when the
        // relations' key is made again, after every row of it has been written.
        var second = try dataset(cities: 2000, relationsPerCity: 3)
        second.dataset = Dataset(id: "second", title: LocalizedText(en: "Second"))
        second.sources = [SourceCitation(id: "second:file", title: "second.csv")]
        for index in second.relations.indices {
            second.relations[index].id = "second:" + second.relations[index].id
            second.relations[index].datasetID = "second"
            second.relations[index].sources = second.sources
        }
        for index in second.cities.indices { second.cities[index].id = "second:" + second.cities[index].id }
        for index in second.relations.indices {
            second.relations[index].cityID = "second:" + second.relations[index].cityID
            second.relations[index].partnerID = "second:" + second.relations[index].partnerID
        }
        second.relations[second.relations.count - 1].id = first.relations[0].id
        let clashing = second
        await #expect(throws: SQLiteRegistry.duplicateRelation(first.relations[0].id, kind: .sisterCity)) {
            try await registry.store(clashing)
        }
        #expect(try await registry.datasets().map(\.id) == ["bulk"])
        #expect(try await registry.content(ofDataset: "bulk")?.relations == first.relations)
        try await Self.expectSameState(registry, as: before)
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        #expect(try await registry.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try await registry.writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
    }

    @Test("A new database is made in pages of 16 KiB; one made before in 4 KiB keeps them through a store in bulk; a backup keeps its source's")
    func pageSizes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-pages-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func pageSize(_ path: String) throws -> Int? {
            try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }
        }
        let content = try dataset(cities: 1000, relationsPerCity: 3)
        let new = folder.appendingPathComponent("new.sqlite").path
        let registry = try SQLiteRegistry(path: new, bulkRows: 1)
        try await registry.storeCountries(countries.countries)
        try await registry.store(content)
        #expect(try pageSize(new) == 16384)
        // A citydip database of an earlier build: its first page written in 4 KiB, marked, empty.
        let older = folder.appendingPathComponent("older.sqlite").path
        try await DatabaseQueue(path: older).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA page_size = 4096")
            try db.execute(sql: "PRAGMA application_id = \(DatabaseMark.applicationID)")
        }
        let kept = try SQLiteRegistry(path: older, bulkRows: 1)
        try await kept.storeCountries(countries.countries)
        try await kept.store(content)
        #expect(try pageSize(older) == 4096)
        #expect(try await kept.writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"])
        #expect(try await kept.content(ofDataset: "bulk")?.relations == content.relations)
        // Backups are copies page for page.
        for (source, size) in [(registry, 16384), (kept, 4096)] {
            let copy = folder.appendingPathComponent("copy-\(size).sqlite").path
            #expect(try source.backup(to: copy).datasets.contains("bulk"))
            #expect(try pageSize(copy) == size)
            #expect(try await DatabaseQueue(path: copy).read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") } == ["ok"])
        }
    }

    @Test("A registry opened while another connection writes in rollback mode waits for it, rather than failing at once")
    func openingWaitsForRollbackWriter() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citydip-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.sqlite").path
        try await SQLiteRegistry(path: path).storeCountries(countries.countries)
        // Another process's import in the middle of its store: rollback mode, a write lock held.
        var holding = Configuration()
        holding.allowsUnsafeTransactions = true
        let writer = try DatabaseQueue(path: path, configuration: holding)
        try await writer.writeWithoutTransaction { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") == "delete")
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "DELETE FROM country WHERE code = 'IR'")
        }
        let released = Task.detached {
            try await Task.sleep(for: .milliseconds(500))
            try await writer.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
            try writer.close()
        }
        // Opening puts the database in WAL mode, which SQLite refuses at once while the lock is held.
        let registry = try SQLiteRegistry(path: path)
        try await released.value
        #expect(try await registry.countries().contains { $0.code.rawValue == "IR" })
        #expect(try await registry.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }
}
