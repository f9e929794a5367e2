import CityDiplomacyCore
import CityDiplomacyReferenceData
import GRDB
import Testing
@testable import CityDiplomacyStorage

/// Relations read with their themes and sources by their ids (a city's, a page's, a small
/// dataset's) and by their scope (a large dataset's) are the same relations.
@Suite("Relations read by ids or by scope carry the same themes and sources, in order")
struct RecordReaderTests {
    /// Five cities, a relation from each to the next two; relations cite up to three sources and
    /// list up to three themes, in orders that are neither alphabetical nor the sources' own.
    private static func dataset() throws -> DatasetContent {
        let sources = ["c", "a", "b"].map { SourceCitation(id: "rr:\($0)", title: "Source \($0)") }
        let cities = (0..<5).map { index in
            City(id: "rr:c\(index)", name: LocalizedText(en: "City \(index)"), country: CountryCode(unchecked: index % 2 == 0 ? "IR" : "TR"))
        }
        let themeLists: [[Theme]] = [[.economy, .culture], [], [.education, .economy, .culture], [.culture]]
        let sourceLists: [[SourceCitation]] = [[sources[2], sources[0], sources[1]], [sources[1]], [], [sources[0], sources[2]]]
        var relations: [BilateralRelation] = []
        for index in 0..<5 {
            for step in 1...2 where index + step < 5 {
                let n = relations.count
                relations.append(BilateralRelation(
                    id: "rr:c\(index)/c\(index + step)/sister_city", datasetID: "rr", cityID: "rr:c\(index)",
                    partnerID: "rr:c\(index + step)", kind: .sisterCity, themes: themeLists[n % 4],
                    sources: sourceLists[n % 4], position: n, importRows: [n + 2]))
            }
        }
        return DatasetContent(dataset: Dataset(id: "rr", title: LocalizedText(en: "Reader")), sources: sources, cities: cities, relations: relations)
    }

    @Test("A dataset's relations, a city's and a profile's, by ids and by scope")
    func sameEitherWay() async throws {
        let registry = try SQLiteRegistry()
        try await registry.storeCountries(try CountryDirectory.bundled().countries)
        let content = try Self.dataset()
        try await registry.store(content)
        // The fixture is not trivially read: several sources and themes, in their own orders.
        #expect(content.relations.contains { $0.sources.count == 3 } && content.relations.contains { $0.themes.count == 3 })
        try await Self.expectReadEitherWay(content, city: "rr:c2", from: registry)
        let profile = try #require(try await registry.profile(ofCity: "rr:c2"))
        #expect(profile.relations.map(\.relation) == content.relations.filter { $0.involves("rr:c2") })
        #expect(profile.relations.map(\.partner.id) == ["rr:c0", "rr:c1", "rr:c3", "rr:c4"])
    }

    /// That `content`'s relations, and those of `city`, read back as they are, by their ids (a list
    /// of any length) and by their scope (a list of none).
    static func expectReadEitherWay(
        _ content: DatasetContent, city: String, from registry: SQLiteRegistry, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let whole = RecordScope(sql: "dataset_id = ?", arguments: [content.dataset.id])
        let ofCity = RecordScope(sql: "(city_id = ? OR partner_id = ?)", arguments: [city, city])
        for limit in [0, RecordReader.idListLimit] {
            let (all, cityRelations) = try await registry.writer.read { db in
                (try RecordReader.relations(db, scope: whole, idListLimit: limit), try RecordReader.relations(db, scope: ofCity, idListLimit: limit))
            }
            #expect(all == content.relations, "limit \(limit)", sourceLocation: sourceLocation)
            #expect(cityRelations == content.relations.filter { $0.involves(city) }, "limit \(limit)", sourceLocation: sourceLocation)
        }
    }

    @Test("Relations whose stored ids are not UTF-8, or hold NUL, keep their themes and sources (another program wrote them)")
    func idsNotAsStored() async throws {
        let registry = try SQLiteRegistry()
        try await registry.storeCountries(try CountryDirectory.bundled().countries)
        let content = try Self.dataset()
        try await registry.store(content)
        // Relations 0 (c0–c1) and 3 (c1–c3): an id with a byte that is not UTF-8, and one with NUL.
        try await registry.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for (id, stored) in [(content.relations[0].id, "'rr:x' || CAST(X'FF' AS TEXT) || 'y'"), (content.relations[3].id, "'rr:n' || CAST(X'00' AS TEXT) || 'z'")] {
                try db.execute(sql: "UPDATE relation SET id = \(stored) WHERE id = ?", arguments: [id])
                try db.execute(sql: "UPDATE relation_theme SET relation_id = \(stored) WHERE relation_id = ?", arguments: [id])
                try db.execute(sql: "UPDATE citation SET record_id = \(stored) WHERE record_kind = 'relation' AND record_id = ?", arguments: [id])
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let expected = content.relations.filter { $0.involves("rr:c1") }
        #expect(expected.contains { $0.sources.count == 3 } && expected.contains { $0.themes.count == 3 })
        let city = RecordScope(sql: "(city_id = ? OR partner_id = ?)", arguments: ["rr:c1", "rr:c1"])
        let read = try await registry.writer.read { db in try RecordReader.relations(db, scope: city) }
        #expect(read.map(\.themes) == expected.map(\.themes))
        #expect(read.map(\.sources) == expected.map(\.sources))
    }

    @Test("Themes and citations of relations found by ids are searched through their keys' indexes")
    func plans() throws {
        let registry = try SQLiteRegistry()
        let lines: [[String]] = try registry.writer.read { db in
            let themes: StatementArguments = ["[]"], citations: StatementArguments = ["[]", "relation"]
            return try [(RecordReader.themesByPositionSQL, themes), (RecordReader.citationsByPositionSQL, citations)].map { sql, arguments in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { row -> String in row["detail"] }
            }
        }
        #expect(lines[0].contains { $0.hasPrefix("SEARCH t USING INDEX") }, "\(lines[0])")
        // The citations are their primary key alone (schema v15, WITHOUT ROWID).
        #expect(lines[1].contains { $0.hasPrefix("SEARCH c USING PRIMARY KEY (record_kind=? AND record_id=?)") }, "\(lines[1])")
    }
}
