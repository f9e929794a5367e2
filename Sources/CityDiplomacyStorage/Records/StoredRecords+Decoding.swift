import Foundation
import GRDB

// Rows of the tables reads return by the thousand — a city's relations, their partners and
// their sources — decoded column by column rather than through Codable: GRDB's Codable decoding
// with snake_case keys converted each column's name for each row, and decoding was 41% of the
// CPU time of `citydip show Shanghai` on the 1,000,000-row synthetic import (perf, 3,571
// relations). Each column is read by its name, a value that is not of the column's type (a hand-edited
// database file) thrown as an error, as Codable decoding threw it, rather than stopping the process;
// JSON columns as GRDB's Codable decoding reads them (`JSONDecoder`), the empty array and object
// without it.

extension CountryRow {
    // Read by every command as it starts: through Codable, its 251 rows took 6–8 ms (perf).
    init(row: Row) throws {
        try self.init(
            code: row.decode(forColumn: "code"), alpha3: row.decode(forColumn: "alpha3"),
            nameEn: row.decode(forColumn: "name_en"), nameFa: row.decode(forColumn: "name_fa"),
            aliases: Self.json(row.decode(forColumn: "aliases")))
    }
}

extension DatasetRow {
    init(row: Row) throws {
        try self.init(
            id: row.decode(forColumn: "id"), titleEn: row.decode(forColumn: "title_en"),
            titleFa: row.decode(forColumn: "title_fa"), citation: row.decode(forColumn: "citation"),
            description: row.decode(forColumn: "description"), provenance: row.decode(forColumn: "provenance"),
            sourceFile: row.decode(forColumn: "source_file"), contentHash: row.decode(forColumn: "content_hash"),
            isBundled: row.decode(forColumn: "is_bundled"), importReport: row.decode(forColumn: "import_report"),
            storedAt: row.decode(forColumn: "stored_at"), citationFa: row.decode(forColumn: "citation_fa"),
            descriptionFa: row.decode(forColumn: "description_fa"),
            provenanceFa: row.decode(forColumn: "provenance_fa"),
            methodEn: row.decode(forColumn: "method_en"), methodFa: row.decode(forColumn: "method_fa"),
            licence: row.decode(forColumn: "licence"))
    }
}

extension CityRow {
    init(row: Row) throws {
        try self.init(
            id: row.decode(forColumn: "id"), datasetId: row.decode(forColumn: "dataset_id"),
            nameEn: row.decode(forColumn: "name_en"), nameFa: row.decode(forColumn: "name_fa"),
            aliases: Self.json(row.decode(forColumn: "aliases")), countryCode: row.decode(forColumn: "country_code"),
            latitude: row.decode(forColumn: "latitude"), longitude: row.decode(forColumn: "longitude"),
            population: row.decode(forColumn: "population"), geonamesId: row.decode(forColumn: "geonames_id"),
            wikidataId: row.decode(forColumn: "wikidata_id"), partOf: row.decode(forColumn: "part_of"),
            notes: row.decode(forColumn: "notes"), notesFa: row.decode(forColumn: "notes_fa"))
    }
}

extension RelationRow {
    init(row: Row) throws {
        try self.init(
            id: row.decode(forColumn: "id"), datasetId: row.decode(forColumn: "dataset_id"),
            cityId: row.decode(forColumn: "city_id"), partnerId: row.decode(forColumn: "partner_id"),
            kind: row.decode(forColumn: "kind"), status: row.decode(forColumn: "status"),
            signed: row.decode(forColumn: "signed"), signedYearMin: row.decode(forColumn: "signed_year_min"),
            signedYearMax: row.decode(forColumn: "signed_year_max"),
            notes: row.decode(forColumn: "notes"), notesFa: row.decode(forColumn: "notes_fa"),
            periodPlacements: Self.json(row.decode(forColumn: "period_placements")),
            position: row.decode(forColumn: "position"), flags: Self.json(row.decode(forColumn: "flags")),
            importRows: Self.json(row.decode(forColumn: "import_rows")))
    }
}

extension SourceRow {
    init(row: Row) throws {
        try self.init(
            id: row.decode(forColumn: "id"), datasetId: row.decode(forColumn: "dataset_id"),
            title: row.decode(forColumn: "title"), url: row.decode(forColumn: "url"),
            publisher: row.decode(forColumn: "publisher"), language: row.decode(forColumn: "language"),
            published: row.decode(forColumn: "published"), accessed: row.decode(forColumn: "accessed"),
            locator: row.decode(forColumn: "locator"), titleFa: row.decode(forColumn: "title_fa"),
            publisherFa: row.decode(forColumn: "publisher_fa"), locatorFa: row.decode(forColumn: "locator_fa"),
            supplement: row.decode(forColumn: "supplement"))
    }
}

extension StoredRecord {
    /// A JSON column's value.
    static func json<T: Decodable & ExpressibleByArrayLiteral>(_ text: String) throws -> T {
        text == "[]" ? [] : try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    static func json<T: Decodable & ExpressibleByDictionaryLiteral>(_ text: String) throws -> T {
        text == "{}" ? [:] : try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
