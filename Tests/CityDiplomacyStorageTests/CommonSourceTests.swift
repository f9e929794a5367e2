import CityDiplomacyCore
import CityDiplomacyReferenceData
import Foundation
import GRDB
import Testing
@testable import CityDiplomacyStorage

/// Relations that cite their dataset's common source alone are stored without a citation row
/// each (schema v16) and read back citing it, as every other relation reads back its own rows.
@Suite("Relations citing their dataset's common source alone: stored without citation rows, read back citing it")
struct CommonSourceTests {
    /// Eight cities, a relation from each to the next two; most relations cite the file alone,
    /// others the file and a footnote, the footnote alone, the footnote and the file, or nothing;
    /// every fifth has a theme.
    private static func dataset() -> DatasetContent {
        let file = SourceCitation(id: "cs:file", title: "twins.csv")
        let footnote = SourceCitation(id: "cs:fn1", title: "Footnote 1")
        let cities = (0..<8).map { index in
            City(id: "cs:c\(index)", name: LocalizedText(en: "City \(index)"), country: CountryCode(unchecked: index % 2 == 0 ? "IR" : "TR"))
        }
        let lists: [[SourceCitation]] = [[file], [file], [file, footnote], [footnote], [], [footnote, file], [file]]
        var relations: [BilateralRelation] = []
        for index in 0..<8 {
            for step in 1...2 where index + step < 8 {
                let n = relations.count
                relations.append(BilateralRelation(
                    id: "cs:c\(index)/c\(index + step)/sister_city", datasetID: "cs", cityID: "cs:c\(index)",
                    partnerID: "cs:c\(index + step)", kind: .sisterCity, themes: n % 5 == 0 ? [.culture] : [],
                    sources: lists[n % lists.count], position: n, importRows: [n + 2]))
            }
        }
        return DatasetContent(dataset: Dataset(id: "cs", title: LocalizedText(en: "Common source")), sources: [file, footnote], cities: cities, relations: relations)
    }

    private static func registry(bulkRows: Int = 20_000) async throws -> SQLiteRegistry {
        let registry = try SQLiteRegistry(bulkRows: bulkRows)
        try await registry.storeCountries(try CountryDirectory.bundled().countries)
        return registry
    }

    /// The relations marked as citing the common source, and those with citation rows.
    private static func stored(_ registry: SQLiteRegistry) async throws -> (marked: [String], cited: [String], common: [String]) {
        try await registry.writer.read { db in
            (try String.fetchAll(db, sql: "SELECT id FROM relation WHERE cites_dataset_source ORDER BY position"),
             try String.fetchAll(db, sql: "SELECT DISTINCT record_id FROM citation WHERE record_kind = 'relation' ORDER BY record_id"),
             try String.fetchAll(db, sql: "SELECT dataset_id || ' ' || source_id FROM dataset_relation_source"))
        }
    }

    @Test("Stored one by one or in bulk: no citation row for a relation citing the file alone; read back whole, by ids and by scope", arguments: [20_000, 1])
    func roundTrip(bulkRows: Int) async throws {
        let registry = try await Self.registry(bulkRows: bulkRows)
        let content = Self.dataset()
        try await registry.store(content)
        let alone = content.relations.filter { $0.sources.map(\.id) == ["cs:file"] }
        let others = content.relations.filter { $0.sources.map(\.id) != ["cs:file"] && !$0.sources.isEmpty }
        #expect(alone.count > 3 && others.count > 3 && content.relations.contains { $0.sources.isEmpty })
        let (marked, cited, common) = try await Self.stored(registry)
        #expect(marked == alone.map(\.id))
        #expect(cited == others.map(\.id).sorted())
        #expect(common == ["cs cs:file"])
        #expect(try await registry.content(ofDataset: "cs")?.relations == content.relations)
        try await RecordReaderTests.expectReadEitherWay(content, city: "cs:c3", from: registry)
        #expect(try await registry.relation(id: alone[0].id) == alone[0])
    }

    /// As an import makes them: every relation cites the file alone, with no theme; then one
    /// relation with a theme, or one citing the footnote alone, each of which needs the
    /// relations' ids sorted again (for its theme's or its citation's row).
    @Test("The relations' ids are sorted only when a relation has a theme or a citation row to write", arguments: [
        ("file alone", false), ("one theme", true), ("one footnote", true),
    ])
    func sortedOnlyWhenNeeded(variant: String, sorted: Bool) async throws {
        var content = Self.dataset()
        for index in content.relations.indices {
            content.relations[index].sources = [content.sources[0]]
            content.relations[index].themes = []
        }
        let last = content.relations.count - 1
        if variant == "one theme" { content.relations[last].themes = [.economy] }
        if variant == "one footnote" { content.relations[last].sources = [content.sources[1]] }
        let rows = await SQLiteRegistry.StoreRows.prepare(content)
        #expect(rows.relationsByID.isEmpty == !sorted)
        for bulkRows in [20_000, 1] {
            let registry = try await Self.registry(bulkRows: bulkRows)
            try await registry.store(content)
            #expect(try await registry.content(ofDataset: "cs")?.relations == content.relations, "\(variant), bulk rows \(bulkRows)")
            let (marked, cited, _) = try await Self.stored(registry)
            #expect(marked.count == content.relations.count - (variant == "one footnote" ? 1 : 0))
            #expect(cited == (variant == "one footnote" ? [content.relations[last].id] : []))
        }
    }

    @Test("A relation of another dataset than the one stored keeps its citation row, though it cites the common source alone")
    func relationOfAnotherDataset() async throws {
        let registry = try await Self.registry()
        try await registry.store(DatasetContent(dataset: Dataset(id: "other", title: LocalizedText(en: "Other"))))
        var content = Self.dataset()
        let moved = try #require(content.relations.lastIndex { $0.sources.map(\.id) == ["cs:file"] })
        content.relations[moved].datasetID = "other"
        try await registry.store(content)
        let (marked, cited, _) = try await Self.stored(registry)
        #expect(!marked.contains(content.relations[moved].id) && cited.contains(content.relations[moved].id))
        #expect(try await registry.relation(id: content.relations[moved].id) == content.relations[moved])
    }

    @Test("Relations citing the common source's id in another Unicode form are refused, as any two forms of one source id are (the store's check before v16)")
    func otherUnicodeForm() async throws {
        let registry = try await Self.registry()
        var content = Self.dataset()
        // "é" composed, then "e" and a combining accent: one text to Swift, two ids to SQLite.
        let composed = SourceCitation(id: "cs:caf\u{E9}", title: "Café list"), combining = SourceCitation(id: "cs:cafe\u{301}", title: "Café list")
        content.sources = [composed, content.sources[1]]
        for index in content.relations.indices where content.relations[index].sources.map(\.id) == ["cs:file"] {
            content.relations[index].sources = [index % 2 == 0 ? composed : combining]
        }
        // The store refuses two sources that are one text in two forms, whichever is the common one.
        await #expect(throws: RegistryError.self) { try await registry.store(content) }
        #expect(try await registry.content(ofDataset: "cs") == nil)
    }

    @Test("Editing a relation that cited the common source gives it rows; the source cannot go while a relation cites it alone")
    func edits() async throws {
        let registry = try await Self.registry()
        let content = Self.dataset()
        try await registry.store(content)
        let alone = content.relations.filter { $0.sources.map(\.id) == ["cs:file"] }
        var edited = alone[0]
        edited.sources = [content.sources[1], content.sources[0]]
        _ = try await registry.apply(.saveRelation(edited), by: "alice")
        #expect(try await registry.relation(id: edited.id) == edited)
        #expect(try await registry.relation(id: alone[1].id) == alone[1])
        let (marked, cited, _) = try await Self.stored(registry)
        #expect(marked == alone.dropFirst().map(\.id))
        #expect(cited.contains(edited.id))
        // Refused while relations cite the file alone, even once none cites it in a row.
        for relation in content.relations where relation.sources.count > 1 || relation.id == edited.id {
            var changed = relation
            changed.sources = relation.sources.filter { $0.id != "cs:file" }
            _ = try await registry.apply(.saveRelation(changed), by: "alice")
        }
        #expect(try await registry.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM citation WHERE source_id = 'cs:file'") } == 0)
        await #expect(throws: RegistryError.recordInUse(kind: "source", id: "cs:file", by: "relation \(alone[1].id)")) {
            _ = try await registry.apply(.deleteSource(id: "cs:file"), by: "mallory")
        }
        // Once every relation cites something else, and nothing cites the file, it goes.
        for relation in try #require(try await registry.content(ofDataset: "cs")).relations where relation.sources.contains(where: { $0.id == "cs:file" }) {
            var changed = relation
            changed.sources = [content.sources[1]]
            _ = try await registry.apply(.saveRelation(changed), by: "alice")
        }
        _ = try await registry.apply(.deleteSource(id: "cs:file"), by: "alice")
        #expect(try await Self.stored(registry).common.isEmpty)
        #expect(try await registry.content(ofDataset: "cs")?.relations.allSatisfy { !$0.sources.contains { $0.id == "cs:file" } } == true)
    }

    @Test("A dataset replaced keeps no common source of its former reading")
    func replaced() async throws {
        let registry = try await Self.registry()
        var content = Self.dataset()
        try await registry.store(content)
        for index in content.relations.indices { content.relations[index].sources = [content.sources[1]] }
        try await registry.store(content)
        #expect(try await Self.stored(registry).common == ["cs cs:fn1"])
        #expect(try await registry.content(ofDataset: "cs")?.relations == content.relations)
    }

    @Test("A database naming no common source for relations marked as citing it fails the read rather than show them citing nothing")
    func missingCommonSource() async throws {
        let registry = try await Self.registry()
        try await registry.store(Self.dataset())
        try await registry.writer.write { db in try db.execute(sql: "DELETE FROM dataset_relation_source") }
        let error = await #expect(throws: StorageError.self) { _ = try await registry.content(ofDataset: "cs") }
        #expect(error.map { "\($0)" }?.contains("dataset_relation_source") == true)
    }

    @Test("A v15 database opens, its relations' citation rows read as before, and a dataset stored after it cites without them")
    func fromV15() async throws {
        SchemaHistoryTests.expectNext(SchemaMigrator.v16, after: SchemaMigrator.v15)
        let folder = try SchemaHistoryTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, registry) = try await SchemaHistoryTests.openedAfter(SchemaMigrator.v15, in: folder, file: "v15.sqlite")
        try await registry.storeCountries(try CountryDirectory.bundled().countries)
        let content = Self.dataset()
        try await registry.store(content)
        #expect(try await registry.content(ofDataset: "cs")?.relations == content.relations)
        let (marked, _, common) = try await Self.stored(registry)
        #expect(marked.count == content.relations.filter { $0.sources.map(\.id) == ["cs:file"] }.count && common == ["cs cs:file"])
        #expect(try await registry.writer.read { db in try String.fetchAll(db, sql: "SELECT record_id FROM citation WHERE record_kind = 'relation' AND record_id LIKE 'old:%'") } == ["old:tehran/seoul"])
    }
}
