import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import GRDB
import Testing
@testable import CityDiplomacyStorage

/// The hash of a dataset's records the registry keeps (`dataset_records_hash`): what pages cite as
/// the dataset's version without reading every record. It must be the hash of the records as
/// they are, whatever wrote to them.
@Suite("The registry keeps each dataset's records hash, never a stale one")
struct RecordsHashTests {
    let fixture: StudyRegistryFixture

    init() throws {
        fixture = try StudyRegistryFixture()
    }

    /// The hash kept for `dataset`, read straight from the table; `nil` when none is kept.
    private func kept(_ registry: SQLiteRegistry, _ dataset: String = "iran-2018") async throws -> String? {
        try await registry.writer.read { db in try SQLiteRegistry.keptRecordsHash(db, ofDataset: dataset) }
    }

    /// Checks that the registry answers the hash of the records it reads now, and keeps it.
    private func expectCurrent(_ registry: SQLiteRegistry, _ dataset: String = "iran-2018", sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let records = try #require(try await registry.content(ofDataset: dataset), sourceLocation: sourceLocation)
        let answered = try #require(try await registry.recordsHash(ofDataset: dataset), sourceLocation: sourceLocation)
        #expect(answered == records.recordsHash, "the hash answered is not that of the records", sourceLocation: sourceLocation)
        #expect(try await kept(registry, dataset) == answered, "the hash answered is not kept", sourceLocation: sourceLocation)
        return answered
    }

    @Test("The hash kept is the hash of the records read, and equals the stored dataset's own")
    func keptEqualsComputed() async throws {
        let registry = try await fixture.seededRegistry()
        #expect(try await kept(registry) == nil, "a store keeps no hash of its own")
        let hash = try await expectCurrent(registry)
        #expect(hash == fixture.study.recordsHash)
        #expect(try await registry.recordsHash(ofDataset: "iran-2018") == hash)
        #expect(try await registry.recordsHash(ofDataset: "no-such-dataset") == nil)
    }

    @Test("A claim a write removed keeps nothing; a hash of another form, or a claim without a hash, is not cited")
    func claimsAndForms() async throws {
        let registry = try await fixture.seededRegistry()
        let current = fixture.study.recordsHash
        // A claim (no hash yet) is not a hash: the registry computes one.
        try await registry.writer.write { db in
            try db.execute(sql: "INSERT INTO dataset_records_hash (dataset_id, records_hash, format, claim) VALUES ('iran-2018', NULL, ?, 'c1')",
                           arguments: [SQLiteRegistry.recordsHashFormat])
        }
        #expect(try await kept(registry) == nil)
        #expect(try await registry.recordsHash(ofDataset: "iran-2018") == current)
        // A hash kept by a build whose canonical records differ is not cited as this build's.
        try await registry.writer.write { db in
            try db.execute(sql: "UPDATE dataset_records_hash SET records_hash = 'older-form', format = ? WHERE dataset_id = 'iran-2018'",
                           arguments: [SQLiteRegistry.recordsHashFormat - 1])
        }
        #expect(try await kept(registry) == nil)
        #expect(try await registry.recordsHash(ofDataset: "iran-2018") == current)
        #expect(try await kept(registry) == current)
        // A write to the records removes a claim as it removes a hash: what was being computed is not kept.
        try await registry.writer.write { db in
            try db.execute(sql: "UPDATE dataset_records_hash SET records_hash = NULL, claim = 'c2' WHERE dataset_id = 'iran-2018'")
            try db.execute(sql: "UPDATE relation SET notes = 'changed' WHERE id = (SELECT id FROM relation WHERE dataset_id = 'iran-2018' LIMIT 1)")
            try db.execute(sql: "UPDATE dataset_records_hash SET records_hash = 'stale' WHERE dataset_id = 'iran-2018' AND claim = 'c2'")
        }
        #expect(try await kept(registry) == nil)
        _ = try await expectCurrent(registry)
    }

    @Test("Every kind of edit clears the hash in its own transaction; the hash answered after is the new records'")
    func editsClearIt() async throws {
        let registry = try await fixture.seededRegistry()
        let study = fixture.study
        var relation = try #require(study.relations.first)
        relation.notes = "Checked again."
        var event = try #require(study.events.first)
        event.year += 1
        var source = try #require(study.sources.first)
        source.accessed = try PartialDate(parsing: "2026-11-30")
        let unused = try #require(study.relations.last)
        let membership = try #require(study.memberships.first)
        let edits: [RecordEdit] = [
            .saveRelation(relation), .saveEvent(event), .saveSource(source, datasetID: "iran-2018"),
            .deleteMembership(id: membership.id), .deleteRelation(id: unused.id),
        ]
        var previous = try await expectCurrent(registry)
        for edit in edits {
            _ = try await registry.apply(edit, by: "test")
            #expect(try await kept(registry) == nil, "\(edit.recordKind) \(edit.recordID) left the old hash kept")
            let now = try await expectCurrent(registry)
            #expect(now != previous, "\(edit.recordKind) \(edit.recordID) did not change the hash")
            previous = now
        }
    }

    @Test("A write to any table of the records, however made, clears the dataset's hash (the triggers)")
    func anyWriteClearsIt() async throws {
        let registry = try await fixture.seededRegistry()
        for (table, _) in RecordsHashTriggers.allTables {
            // The citations have no row id (schema v15): one row is named by its key.
            let statement = table == "citation"
                ? "UPDATE citation SET position = position WHERE (record_kind, record_id, source_id) = (SELECT record_kind, record_id, source_id FROM citation LIMIT 1)"
                : "UPDATE \(table) SET rowid = rowid WHERE rowid = (SELECT min(rowid) FROM \(table))"
            _ = try await expectCurrent(registry)
            let changed = try await registry.writer.write { db in
                try db.execute(sql: statement)
                return db.changesCount
            }
            #expect(changed == 1, "no row of \(table) to update")
            #expect(try await kept(registry) == nil, "an update of \(table) left the hash kept")
        }
        // An insert and a delete too, on a table that names its dataset and on one that does not.
        _ = try await expectCurrent(registry)
        let theme = try await registry.writer.write { db -> [String] in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT relation_id, theme, position FROM relation_theme LIMIT 1"))
            let values: [String] = [row["relation_id"], row["theme"], String(row["position"] as Int)]
            try db.execute(sql: "DELETE FROM relation_theme WHERE relation_id = ? AND theme = ?", arguments: [values[0], values[1]])
            return values
        }
        #expect(try await kept(registry) == nil, "a deleted theme left the hash kept")
        _ = try await expectCurrent(registry)
        try await registry.writer.write { db in
            try db.execute(sql: "INSERT INTO relation_theme (relation_id, theme, position) VALUES (?, ?, ?)",
                           arguments: [theme[0], theme[1], Int(theme[2])])
        }
        #expect(try await kept(registry) == nil, "an inserted theme left the hash kept")
    }

    @Test("Storing a dataset again and removing it clear its hash; another dataset's is kept through both")
    func storeAndRemoveClearIt() async throws {
        let registry = try SQLiteRegistry()
        try await registry.storeCountries(fixture.countries.countries)
        try await registry.store(fixture.study)
        let other = "other"
        let source = SourceCitation(id: "other:s1", title: "A source")
        let paris = City(id: "other:paris", name: LocalizedText(en: "Paris"), country: CountryCode(unchecked: "FR"))
        let lyon = City(id: "other:lyon", name: LocalizedText(en: "Lyon"), country: CountryCode(unchecked: "FR"))
        try await registry.store(DatasetContent(
            dataset: Dataset(id: other, title: LocalizedText(en: "Another")), sources: [source], cities: [paris, lyon],
            relations: [BilateralRelation(id: "other:r1", datasetID: other, cityID: paris.id, partnerID: lyon.id, kind: .sisterCity, sources: [source])]))
        let otherHash = try await expectCurrent(registry, other)
        _ = try await expectCurrent(registry)
        try await registry.store(fixture.study)
        #expect(try await kept(registry) == nil, "storing the dataset again left its hash kept")
        #expect(try await kept(registry, other) == otherHash)
        _ = try await expectCurrent(registry)
        var relation = try #require(fixture.study.relations.first)
        relation.notes = "Edited."
        _ = try await registry.apply(.saveRelation(relation), by: "test")
        #expect(try await kept(registry, other) == otherHash, "an edit of one dataset cleared another's hash")
        _ = try await expectCurrent(registry)
        try await registry.removeDataset("iran-2018")
        #expect(try await kept(registry) == nil)
        #expect(try await registry.recordsHash(ofDataset: "iran-2018") == nil)
        #expect(try await kept(registry, other) == otherHash)
    }

    @Test("A dataset stored in bulk, as an import is, is hashed as it reads back")
    func bulkStore() async throws {
        let registry = try SQLiteRegistry(bulkRows: 10)
        try await registry.storeCountries(fixture.countries.countries)
        try await registry.store(fixture.study)
        _ = try await expectCurrent(registry)
        try await registry.store(fixture.study)
        #expect(try await kept(registry) == nil)
        #expect(try await expectCurrent(registry) == fixture.study.recordsHash)
    }

    /// The registry's triggers and their SQL, by name.
    private func triggers(_ registry: SQLiteRegistry) async throws -> [String: String] {
        try await registry.writer.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").map { ($0["name"], $0["sql"]) })
        }
    }

    @Test("A store in bulk, which inserts without the hash triggers, clears the hash of every dataset it changes and no other, and leaves every trigger as it was, also when it fails",
    )
    func bulkStoreWithoutTriggers() async throws {
        let registry = try SQLiteRegistry(bulkRows: 10)
        try await registry.storeCountries(fixture.countries.countries)
        try await registry.store(fixture.study)
        // Datasets stored small (not in bulk), their hashes kept; a relation of the bulk store
        // names those in `named`.
        let (named, untouched) = (["other", "third"], ["fourth", "iran-2018"])
        for other in named + untouched.dropLast() {
            try await registry.store(DatasetContent(dataset: Dataset(id: other, title: LocalizedText(en: "Other"))))
        }
        var kept: [String: String] = [:]
        for dataset in named + untouched { kept[dataset] = try await expectCurrent(registry, dataset) }
        let before = try await triggers(registry)
        #expect(before.keys.contains("relation_insert_clears_records_hash") && before.keys.contains("city_insert_clears_records_hash"))
        // More relations than the registry holds (the study's 70), as a store in bulk needs.
        let cities = (0..<13).map { City(id: "bulk:c\($0)", name: LocalizedText(en: "City \($0)"), country: CountryCode(unchecked: "FR")) }
        var relations: [BilateralRelation] = []
        for first in cities.indices {
            for second in cities.indices where second > first {
                relations.append(BilateralRelation(id: "bulk:c\(first)/c\(second)", datasetID: "bulk", cityID: cities[first].id, partnerID: cities[second].id,
                                                   kind: .sisterCity, themes: relations.count == 1 ? [.culture] : [], position: relations.count))
            }
        }
        // Relations naming the other datasets, one with a theme and a citation of its own.
        let (file, footnote) = (SourceCitation(id: "bulk:file", title: "bulk.csv"), SourceCitation(id: "bulk:fn", title: "Footnote"))
        for index in relations.indices { relations[index].sources = [file] }
        for (offset, other) in named.enumerated() {
            relations[relations.count - 1 - offset].datasetID = other
            relations[relations.count - 1 - offset].themes = [.economy]
            relations[relations.count - 1 - offset].sources = [footnote, file]
        }
        let content = DatasetContent(dataset: Dataset(id: "bulk", title: LocalizedText(en: "Bulk")), sources: [file, footnote], cities: cities, relations: relations)
        #expect(try await registry.writer.read { db in try SQLiteRegistry.storesInBulk(content, bulkRows: 10, in: db) })

        // A failed store (two relations of one pair) changes nothing, triggers and hashes included.
        var failing = content
        failing.relations.append(BilateralRelation(id: "bulk:again", datasetID: "bulk", cityID: cities[1].id, partnerID: cities[0].id, kind: .sisterCity, position: 99))
        // Refused by the unique index made again after the rows, so after the triggers went.
        await #expect(throws: RegistryError.self) { try await registry.store(failing) }
        #expect(try await triggers(registry) == before)
        for dataset in named + untouched { #expect(try await self.kept(registry, dataset) == kept[dataset], "a failed store cleared \(dataset)'s hash") }

        try await registry.store(content)
        #expect(try await triggers(registry) == before, "the store did not leave the triggers as they were")
        for other in named {
            #expect(try await self.kept(registry, other) == nil, "a relation stored into \(other) left its hash kept")
            let now = try await expectCurrent(registry, other)
            #expect(now != kept[other], "\(other)'s records changed but not their hash")
        }
        for dataset in untouched { #expect(try await self.kept(registry, dataset) == kept[dataset], "the store cleared the hash of \(dataset), which it did not touch") }
        // The relations of the other datasets read back whole, their themes and citations too.
        for relation in relations.suffix(named.count) { #expect(try await registry.relation(id: relation.id) == relation) }
        _ = try await expectCurrent(registry, "bulk")
        // With the triggers back, a row inserted afterwards clears its dataset's hash again.
        try await registry.writer.write { db in
            try db.execute(sql: "INSERT INTO relation_theme (relation_id, theme, position) VALUES ('bulk:c0/c3', 'culture', 0)")
        }
        #expect(try await self.kept(registry, "bulk") == nil)
    }
}
