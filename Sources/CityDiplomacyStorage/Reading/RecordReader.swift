import CityDiplomacyCore
import Foundation
import GRDB

/// Reads cities, relations and their citations by column position, for the reads that return a
/// whole dataset (``SQLiteRegistry/content(ofDataset:)``, hence every table, count and the analysis
/// snapshot) and for pages of relations.
///
/// Hand-written beside the `Codable` records of `StoredRecords.swift` for a measured reason: on
/// the Wikipedia dataset (24,509 relations, 16,856 cities) reading the dataset through
/// `FetchableRecord`'s `Decodable` path took about 1.4 s, most of it decoding the JSON columns
/// (`flags`, `import_rows`, `period_placements`, `aliases`) one `JSONDecoder` per row and one
/// `SourceCitation` (with its dates parsed) per citation. Here columns are read by index, a JSON
/// column is parsed only when it holds more than its empty value, a list of row numbers by a
/// small scanner, and each source once per dataset.
///
/// ```swift
/// let cities = try RecordReader.cities(db, where: "dataset_id = ?", [id])
/// let relations = try RecordReader.relations(db, scope: scope)
/// ```
enum RecordReader {
    static let cityColumns = "id, dataset_id, name_en, name_fa, aliases, country_code, latitude, longitude, population, geonames_id, wikidata_id, part_of, notes, notes_fa"

    /// Cities of `filter` (an SQL condition on `city`), in `order`.
    static func cities(_ db: Database, filter: String, arguments: StatementArguments, order: String = "rowid") throws -> [City] {
        var cities: [City] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT \(cityColumns) FROM city WHERE \(filter) ORDER BY \(order)", arguments: arguments)
        while let row = try rows.next() { cities.append(try city(row)) }
        return cities
    }

    /// A city from a row of ``cityColumns``.
    static func city(_ row: Row) throws -> City {
        var coordinates: Coordinates?
        if let latitude = row[6] as Double?, let longitude = row[7] as Double? {
            coordinates = try? Coordinates(latitude: latitude, longitude: longitude)
        }
        let aliasesJSON: String = row[4]
        var city = City(id: row[0], name: LocalizedText(en: row[2], fa: row[3]), aliases: try stringList(aliasesJSON),
                        country: CountryCode(unchecked: row[5]), coordinates: coordinates, population: row[8],
                        geonamesID: row[9], wikidataID: row[10], partOf: row[11], notes: row[12])
        city.notesFa = row[13]
        return city
    }

    /// Relations of `scope`, in dataset order, with their themes and sources.
    static func relations(_ db: Database, scope: RecordScope) throws -> [BilateralRelation] {
        let citations = try self.citations(db, kind: .relation, table: "relation", scope: scope)
        var themes: [String: [Theme]] = [:]
        let themeRows = try Row.fetchCursor(db, sql: """
            SELECT relation_id, theme FROM relation_theme WHERE relation_id IN (SELECT id FROM relation WHERE \(scope.sql))
            ORDER BY relation_id, position
            """, arguments: scope.arguments)
        while let row = try themeRows.next() { themes[row[0], default: []].append(Theme(unchecked: row[1])) }

        var relations: [BilateralRelation] = []
        // One String per dataset id and per kind, status and date text, not one per row.
        var interned: [String: String] = [:]
        var dates: [String: PartialDate?] = [:]
        func intern(_ text: String) -> String {
            if let known = interned[text] { return known }
            interned[text] = text
            return text
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, dataset_id, city_id, partner_id, kind, status, signed, notes, notes_fa, period_placements, position, flags, import_rows
            FROM relation WHERE \(scope.sql) ORDER BY dataset_id, position
            """, arguments: scope.arguments)
        while let row = try rows.next() {
            let id: String = row[0]
            var signed: PartialDate?
            if let text = row[6] as String? {
                if let known = dates[text] { signed = known } else {
                    signed = PartialDate(text)
                    dates[text] = signed
                }
            }
            let placementsJSON: String = row[9]
            let flagsJSON: String = row[11]
            let importRowsJSON: String = row[12]
            var relation = BilateralRelation(
                id: id, datasetID: intern(row[1]), cityID: row[2], partnerID: row[3],
                kind: RelationKind(unchecked: intern(row[4])), status: RelationStatus(unchecked: intern(row[5])),
                signed: signed, themes: themes.isEmpty ? [] : themes[id] ?? [], notes: row[7], sources: citations[id] ?? [],
                periodPlacements: try stringMap(placementsJSON), position: row[10],
                flags: try stringList(flagsJSON).compactMap(RelationFlag.init(rawValue:)), importRows: try integerList(importRowsJSON))
            relation.notesFa = row[8]
            relations.append(relation)
        }
        return relations
    }

    /// The sources each record of `table` within `scope` cites, in citation order; each source
    /// is read once, however many records cite it.
    static func citations(_ db: Database, kind: CitingRecordKind, table: String, scope: RecordScope) throws -> [String: [SourceCitation]] {
        var sources: [String: SourceCitation] = [:]
        let sourceRows = try Row.fetchCursor(db, sql: """
            SELECT * FROM source WHERE id IN (SELECT DISTINCT citation.source_id FROM citation
              WHERE citation.record_kind = ? AND citation.record_id IN (SELECT id FROM \(table) WHERE \(scope.sql)))
            """, arguments: [kind.rawValue] + scope.arguments)
        while let row = try sourceRows.next() {
            let source = try SourceRow(row: row).source
            sources[source.id] = source
        }
        var result: [String: [SourceCitation]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT citation.record_id, citation.source_id FROM citation
            WHERE citation.record_kind = ? AND citation.record_id IN (SELECT id FROM \(table) WHERE \(scope.sql))
            ORDER BY citation.record_id, citation.position
            """, arguments: [kind.rawValue] + scope.arguments)
        while let row = try rows.next() {
            if let source = sources[row[1]] { result[row[0] as String, default: []].append(source) }
        }
        return result
    }

    // MARK: JSON columns

    private static let decoder = JSONDecoder()

    /// A JSON array of strings; `[]` without a decoder.
    static func stringList(_ json: String) throws -> [String] {
        json == "[]" ? [] : try decoder.decode([String].self, from: Data(json.utf8))
    }

    /// A JSON object of strings; `{}` without a decoder.
    static func stringMap(_ json: String) throws -> [String: String] {
        json == "{}" ? [:] : try decoder.decode([String: String].self, from: Data(json.utf8))
    }

    /// A JSON array of whole numbers, as this module writes it (`[12]`, `[3,40]`), scanned by
    /// hand; anything else goes through the decoder.
    static func integerList(_ json: String) throws -> [Int] {
        var values: [Int] = []
        var current = 0
        var digits = 0
        var utf8 = json.utf8.makeIterator()
        guard utf8.next() == UInt8(ascii: "[") else { return try decoder.decode([Int].self, from: Data(json.utf8)) }
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9") where digits < 18:
                current = current * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: ",") where digits > 0:
                values.append(current)
                current = 0
                digits = 0
            case UInt8(ascii: "]"):
                if digits > 0 { values.append(current) }
                if utf8.next() == nil, digits > 0 || values.isEmpty { return values }
                return try decoder.decode([Int].self, from: Data(json.utf8))
            default:
                return try decoder.decode([Int].self, from: Data(json.utf8))
            }
        }
        return try decoder.decode([Int].self, from: Data(json.utf8))
    }
}
