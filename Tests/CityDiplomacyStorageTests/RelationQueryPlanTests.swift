import CityDiplomacyCore
import GRDB
import Testing
@testable import CityDiplomacyStorage

/// The plans SQLite makes for the registry's narrow reads: a city's or a country's relations, a
/// page by kind, year or dataset, a city by name, each through an index and never by reading
/// every relation or city. Plans do not depend on the data (the registry runs no ANALYZE), so an
/// empty database shows the plan a million relations get.
@Suite("Reads about one city or one filter go through indexes")
struct RelationQueryPlanTests {
    /// The lines of SQLite's plan for `sql`.
    static func plan(_ sql: String, _ arguments: StatementArguments) throws -> [String] {
        let registry = try SQLiteRegistry()
        return try registry.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }

    /// The plans of a page of `query` and of its count.
    static func plans(_ query: RelationQuery) throws -> (page: [String], count: [String]) {
        let filter = SQLiteRegistry.relationFilter(query)
        let page = try plan("SELECT \(filter.rowID) " + filter.sql + " ORDER BY " + filter.order + " LIMIT 5", filter.arguments)
        let count = try plan("SELECT count(*) " + filter.sql, filter.arguments)
        return (page, count)
    }

    /// Whether a line reads a whole table without an index (`SCAN r`, `SCAN city`). The scan of
    /// a subquery's rows as they are made (`CO-ROUTINE r` … `SCAN r`) reads no table.
    static func scansWithoutIndex(_ lines: [String]) -> Bool {
        let coroutines = Set(lines.filter { $0.hasPrefix("CO-ROUTINE ") }.map { $0.dropFirst("CO-ROUTINE ".count) })
        return lines.contains { $0.hasPrefix("SCAN ") && !$0.contains(" USING ") && !coroutines.contains($0.dropFirst("SCAN ".count)) }
    }

    @Test("A city's relations: the two indexes on the ends, whatever else is filtered", arguments: [
        RelationQuery(city: "Shanghai"),
        RelationQuery(datasetID: "wikipedia", city: "Shanghai", kind: .sisterCity, signedFrom: 1990, signedTo: 2000),
        RelationQuery(city: "Shanghai", country: CountryCode(unchecked: "FR")),
    ])
    func city(_ query: RelationQuery) throws {
        for lines in try [Self.plans(query).page, Self.plans(query).count] {
            #expect(lines.contains { $0.contains("relation_on_city") }, "\(lines)")
            #expect(lines.contains { $0.contains("relation_on_partner") }, "\(lines)")
            #expect(lines.contains { $0.contains("city_name_on_search_key") }, "\(lines)")
            #expect(!Self.scansWithoutIndex(lines), "\(lines)")
            #expect(!lines.contains { $0.contains("relation_on_kind") || $0.contains("relation_on_dataset_position") }, "\(lines)")
        }
    }

    @Test("A country's relations: its cities, then their relations at either end", arguments: [
        RelationQuery(country: CountryCode(unchecked: "IR")),
        RelationQuery(datasetID: "wikipedia", country: CountryCode(unchecked: "IR"), kind: .sisterCity),
    ])
    func country(_ query: RelationQuery) throws {
        for lines in try [Self.plans(query).page, Self.plans(query).count] {
            #expect(lines.contains { $0.contains("city_on_country") }, "\(lines)")
            #expect(lines.contains { $0.contains("relation_on_city") } && lines.contains { $0.contains("relation_on_partner") }, "\(lines)")
            #expect(!Self.scansWithoutIndex(lines), "\(lines)")
        }
    }

    @Test("A country's count and the order of its pages come from indexes alone, without a relation's row", arguments: [
        RelationQuery(country: CountryCode(unchecked: "IR")),
        RelationQuery(datasetID: "wikipedia", country: CountryCode(unchecked: "IR")),
    ])
    func countryCovered(_ query: RelationQuery) throws {
        for lines in try [Self.plans(query).page, Self.plans(query).count] {
            let reads = lines.filter { $0.hasPrefix("SEARCH") || $0.hasPrefix("SCAN") }
            #expect(reads.contains { $0.contains("COVERING INDEX relation_on_city") }, "\(lines)")
            #expect(reads.contains { $0.contains("COVERING INDEX relation_on_partner") }, "\(lines)")
            #expect(reads.filter { $0.hasPrefix("SEARCH") }.allSatisfy { $0.contains("COVERING INDEX") }, "\(lines)")
        }
    }

    @Test("A page by kind, by dataset or of everything is read in page order, not sorted", arguments: [
        (RelationQuery(kind: .sisterCity), "relation_on_kind"),
        (RelationQuery(datasetID: "wikipedia", kind: .sisterCity), "relation_on_kind"),
        (RelationQuery(datasetID: "wikipedia"), "relation_on_dataset_position"),
        (RelationQuery(), "relation_on_dataset_position"),
    ])
    func ordered(_ query: RelationQuery, index: String) throws {
        let (page, count) = try Self.plans(query)
        #expect(page.contains { $0.contains(index) }, "\(page)")
        #expect(!page.contains { $0.contains("TEMP B-TREE") }, "\(page)")
        #expect(!Self.scansWithoutIndex(page) && !Self.scansWithoutIndex(count), "\(page) \(count)")
    }

    @Test("Years: the partial index of the bound given")
    func years() throws {
        #expect(try Self.plans(RelationQuery(signedFrom: 1990)).count.contains { $0.contains("relation_on_signed_from") })
        #expect(try Self.plans(RelationQuery(signedTo: 1990)).count.contains { $0.contains("relation_on_signed_to") })
        let both = try Self.plans(RelationQuery(signedFrom: 1990, signedTo: 2000))
        #expect(!Self.scansWithoutIndex(both.page) && !Self.scansWithoutIndex(both.count), "\(both)")
    }

    @Test("A city by name or id: the index of search keys and the primary key", arguments: [nil, "wikipedia"])
    func cityByName(dataset: String?) throws {
        let (sql, arguments) = SQLiteRegistry.citiesNamed("Shanghai", datasetID: dataset)
        let lines = try Self.plan(sql, arguments)
        #expect(lines.contains { $0.contains("city_name_on_search_key") }, "\(lines)")
        #expect(!Self.scansWithoutIndex(lines), "\(lines)")
    }
}
