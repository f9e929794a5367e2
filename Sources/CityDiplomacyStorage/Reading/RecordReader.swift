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
        try forEachCity(db, filter: filter, arguments: arguments, order: order) { cities.append($0) }
        return cities
    }

    /// Calls `body` with each city of `filter` (an SQL condition on `city`), in `order` or, without
    /// one, as SQLite finds them, for a reader that keeps them otherwise than in an array (a
    /// dictionary by id: the array between was a copy of every city, grown by doubling).
    static func forEachCity(_ db: Database, filter: String, arguments: StatementArguments, order: String?,
                            _ body: (City) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT \(cityColumns) FROM city WHERE \(filter)\(order.map { " ORDER BY \($0)" } ?? "")", arguments: arguments)
        while let row = try rows.next() { try body(try city(row)) }
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
    ///
    /// The relations are read first; their themes and citations are then found by the relations'
    /// ids (a JSON array through `json_each`) when they are few, as a city's are, and by `scope`
    /// again when they are many, as a dataset's are. Asking by `scope` three more times walked
    /// the relations of a city twice through its two indexes and once more through the table,
    /// each time: 29 ms of the 70 of Shanghai's profile at a million relations (sqlite3, timed
    /// statement by statement), against 9 ms by ids.
    static func relations(_ db: Database, scope: RecordScope, idListLimit: Int = idListLimit) throws -> [BilateralRelation] {
        var relations: [BilateralRelation] = []
        // One String per dataset id and per kind, status and date text, and one list of flags per
        // text (a handful in a dataset; a `JSONDecoder` per row was 14% of a city's profile).
        var interned: [String: String] = [:]
        var dates: [String: PartialDate?] = [:]
        var flagLists: [String: [RelationFlag]] = [:]
        var idsAsStored = true
        func intern(_ text: String) -> String {
            if let known = interned[text] { return known }
            interned[text] = text
            return text
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT id, dataset_id, city_id, partner_id, kind, status, signed, notes, notes_fa, period_placements, position, flags, import_rows,
                   length(CAST(id AS BLOB)), cites_dataset_source
            FROM relation WHERE \(scope.sql) ORDER BY dataset_id, position
            """, arguments: scope.arguments)
        // Relations that cite their dataset's common source alone, which has no citation row for
        // them (schema v16), by dataset.
        var citingCommonSource: [String: [Int]] = [:]
        while let row = try rows.next() {
            var signed: PartialDate?
            if let text = row[6] as String? {
                if let known = dates[text] { signed = known } else {
                    signed = PartialDate(text)
                    dates[text] = signed
                }
            }
            let placementsJSON: String = row[9]
            let flagsJSON: String = row[11]
            let flags: [RelationFlag]
            if let known = flagLists[flagsJSON] { flags = known } else {
                flags = try stringList(flagsJSON).compactMap(RelationFlag.init(rawValue:))
                flagLists[flagsJSON] = flags
            }
            let importRowsJSON: String = row[12]
            var relation = BilateralRelation(
                id: row[0], datasetID: intern(row[1]), cityID: row[2], partnerID: row[3],
                kind: RelationKind(unchecked: intern(row[4])), status: RelationStatus(unchecked: intern(row[5])),
                signed: signed, themes: [], notes: row[7], sources: [],
                periodPlacements: try stringMap(placementsJSON), position: row[10],
                flags: flags, importRows: try integerList(importRowsJSON))
            relation.notesFa = row[8]
            if idsAsStored, relations.count < idListLimit, RecordIDs.mayDifferFromStored(relation.id, storedBytes: row[13]) { idsAsStored = false }
            if row[14] as Bool { citingCommonSource[relation.datasetID, default: []].append(relations.count) }
            relations.append(relation)
        }
        guard !relations.isEmpty else { return relations }
        try attachCommonSources(db, citingCommonSource, to: &relations)

        // By ids only when each id read into Swift is the id stored: text that is not UTF-8 is
        // read with U+FFFD in its place, text with NUL is cut at it, and such an id (only another
        // program can write one) would find no theme or source by its text.
        if relations.count <= idListLimit, idsAsStored {
            try attachThemesAndSources(db, to: &relations)
            return relations
        }
        let records = RecordIDs(sql: "SELECT id FROM relation WHERE \(scope.sql)", arguments: scope.arguments)
        var themes: [String: [Theme]] = [:]
        let themeRows = try Row.fetchCursor(db, sql: """
            SELECT relation_id, theme FROM relation_theme WHERE relation_id IN (\(records.sql)) ORDER BY relation_id, position
            """, arguments: records.arguments)
        while let row = try themeRows.next() { themes[row[0], default: []].append(Theme(unchecked: row[1])) }
        let citations = try self.citations(db, kind: .relation, records: records)
        if themes.isEmpty && citations.isEmpty { return relations }
        for index in relations.indices {
            let id = relations[index].id
            if let cited = citations[id] { relations[index].sources = cited }
            if let listed = themes[id] { relations[index].themes = listed }
        }
        return relations
    }

    /// Gives the relations at `positions` (by dataset) their dataset's common source, which they
    /// cite alone: a stored dataset that has such relations names it (the store writes both). A
    /// database that does not name it (written by another program) fails the read rather than
    /// showing those relations as citing nothing.
    private static func attachCommonSources(_ db: Database, _ positions: [String: [Int]], to relations: inout [BilateralRelation]) throws {
        guard !positions.isEmpty else { return }
        let datasets = RecordIDs(Set(positions.keys))
        var sourceOf: [String: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT dataset_id, source_id FROM dataset_relation_source WHERE dataset_id IN (\(datasets.sql))",
                                       arguments: datasets.arguments)
        while let row = try rows.next() { sourceOf[row[0]] = row[1] }
        let sources = try self.sources(db, ids: Set(sourceOf.values))
        for (dataset, indices) in positions {
            guard let id = sourceOf[dataset], let source = sources[id] else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "relations of dataset \(dataset) cite its common source, which the database does not name (dataset_relation_source)")
            }
            for index in indices { relations[index].sources = [source] }
        }
    }

    /// Gives `relations` (few: a city's, a page's) their themes and sources, found by their ids as
    /// one JSON array whose positions (`json_each`'s `key`) say which relation each row is for, so
    /// that no row is looked up by id in a dictionary here.
    private static func attachThemesAndSources(_ db: Database, to relations: inout [BilateralRelation]) throws {
        let ids = RecordIDs.jsonArray(relations.map(\.id))
        let themeRows = try Row.fetchCursor(db, sql: themesByPositionSQL, arguments: [ids])
        while let row = try themeRows.next() { relations[row[0] as Int].themes.append(Theme(unchecked: row[1])) }

        var cited: [(index: Int, position: Int, sourceID: String)] = []
        var sourceIDs: Set<String> = []
        let rows = try Row.fetchCursor(db, sql: citationsByPositionSQL, arguments: [ids, CitingRecordKind.relation.rawValue])
        while let row = try rows.next() {
            let sourceID: String = row[2]
            sourceIDs.insert(sourceID)
            cited.append((row[0], row[1], sourceID))
        }
        guard !cited.isEmpty else { return }
        let sources = try self.sources(db, ids: sourceIDs)
        // In relation order (the rows are nearly so already), each relation's in citation order.
        cited.sort { ($0.index, $0.position, $0.sourceID) < ($1.index, $1.position, $1.sourceID) }
        for citation in cited {
            if let source = sources[citation.sourceID] { relations[citation.index].sources.append(source) }
        }
    }

    /// The themes of the relations whose ids are a JSON array (the argument), by the array's
    /// positions: (position, theme), in the array's order and each relation's.
    static let themesByPositionSQL = """
        SELECT ids.key, t.theme FROM json_each(?) AS ids
        CROSS JOIN relation_theme AS t ON t.relation_id = ids.value ORDER BY ids.key, t.position
        """

    /// The citations of records of a kind (the second argument) whose ids are a JSON array (the
    /// first), by the array's positions: (position, citation's position, source id), unordered.
    static let citationsByPositionSQL = """
        SELECT ids.key, c.position, c.source_id FROM json_each(?) AS ids
        CROSS JOIN citation AS c ON c.record_kind = ? AND c.record_id = ids.value
        """

    /// The sources with these ids, by id.
    private static func sources(_ db: Database, ids: Set<String>) throws -> [String: SourceCitation] {
        var sources: [String: SourceCitation] = [:]
        let list = RecordIDs(ids)
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM source WHERE id IN (\(list.sql))", arguments: list.arguments)
        while let row = try rows.next() {
            let source = try SourceRow(row: row).source
            sources[source.id] = source
        }
        return sources
    }

    /// How many relations' ids are passed as a list rather than asked for again by their scope:
    /// below it a list is cheaper (a city's 3,571 relations), above it the scope is (a dataset
    /// of a million: one search per id against one pass over the index).
    static let idListLimit = 20_000

    /// The sources each record of `table` within `scope` cites, in citation order.
    static func citations(_ db: Database, kind: CitingRecordKind, table: String, scope: RecordScope) throws -> [String: [SourceCitation]] {
        try citations(db, kind: kind, records: RecordIDs(sql: "SELECT id FROM \(table) WHERE \(scope.sql)", arguments: scope.arguments))
    }

    /// The sources each record of `kind` that `records` (a statement of record ids) names cites,
    /// in citation order; each source is read once, however many records cite it, and only the
    /// sources cited are read.
    static func citations(_ db: Database, kind: CitingRecordKind, records: RecordIDs) throws -> [String: [SourceCitation]] {
        // Unordered, then each record's few citations put in order here: an ORDER BY sorted every
        // citation of the scope in a temporary B-tree.
        var cited: [String: [(position: Int, sourceID: String)]] = [:]
        var sourceIDs: Set<String> = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT record_id, source_id, position FROM citation WHERE record_kind = ? AND record_id IN (\(records.sql))
            """, arguments: [kind.rawValue] + records.arguments)
        while let row = try rows.next() {
            let sourceID: String = row[1]
            sourceIDs.insert(sourceID)
            cited[row[0] as String, default: []].append((row[2], sourceID))
        }
        guard !cited.isEmpty else { return [:] }
        let sources = try self.sources(db, ids: sourceIDs)
        var result: [String: [SourceCitation]] = [:]
        result.reserveCapacity(cited.count)
        for (recordID, list) in cited {
            let ordered = list.count < 2 ? list : list.sorted { ($0.position, $0.sourceID) < ($1.position, $1.sourceID) }
            result[recordID] = ordered.compactMap { sources[$0.sourceID] }
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
