import Foundation
import GRDB

// Rows of the tables reads return by the thousand — a city's relations, their partners and
// their sources — decoded column by column rather than through Codable: GRDB's Codable decoding
// with snake_case keys converted each column's name for each row, and decoding was 41% of the
// CPU time of `citydip show Shanghai` on the 1,000,000-row synthetic import (perf, 3,571
// relations). Each column is read by its name; JSON columns as GRDB's Codable decoding reads
// them (`JSONDecoder`), the empty array and object without it.

extension CountryRow {
    // Read by every command as it starts: through Codable, its 251 rows took 6–8 ms (perf).
    init(row: Row) throws {
        self.init(code: row["code"], alpha3: row["alpha3"], nameEn: row["name_en"], nameFa: row["name_fa"],
                  aliases: try Self.json(row["aliases"]))
    }
}

extension DatasetRow {
    init(row: Row) throws {
        self.init(
            id: row["id"], titleEn: row["title_en"], titleFa: row["title_fa"], citation: row["citation"],
            description: row["description"], provenance: row["provenance"], sourceFile: row["source_file"],
            contentHash: row["content_hash"], isBundled: row["is_bundled"], importReport: row["import_report"],
            storedAt: row["stored_at"], citationFa: row["citation_fa"], descriptionFa: row["description_fa"],
            provenanceFa: row["provenance_fa"], methodEn: row["method_en"], methodFa: row["method_fa"], licence: row["licence"])
    }
}

extension CityRow {
    init(row: Row) throws {
        self.init(
            id: row["id"], datasetId: row["dataset_id"], nameEn: row["name_en"], nameFa: row["name_fa"],
            aliases: try Self.json(row["aliases"]), countryCode: row["country_code"], latitude: row["latitude"],
            longitude: row["longitude"], population: row["population"], geonamesId: row["geonames_id"],
            wikidataId: row["wikidata_id"], partOf: row["part_of"], notes: row["notes"], notesFa: row["notes_fa"])
    }
}

extension RelationRow {
    init(row: Row) throws {
        self.init(
            id: row["id"], datasetId: row["dataset_id"], cityId: row["city_id"], partnerId: row["partner_id"],
            kind: row["kind"], status: row["status"], signed: row["signed"], signedYearMin: row["signed_year_min"],
            signedYearMax: row["signed_year_max"], notes: row["notes"], notesFa: row["notes_fa"],
            periodPlacements: try Self.json(row["period_placements"]), position: row["position"],
            flags: try Self.json(row["flags"]), importRows: try Self.json(row["import_rows"]))
    }
}

extension SourceRow {
    init(row: Row) throws {
        self.init(
            id: row["id"], datasetId: row["dataset_id"], title: row["title"], url: row["url"], publisher: row["publisher"],
            language: row["language"], published: row["published"], accessed: row["accessed"], locator: row["locator"],
            titleFa: row["title_fa"], publisherFa: row["publisher_fa"], locatorFa: row["locator_fa"], supplement: row["supplement"])
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
