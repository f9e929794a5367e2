import CityDiplomacyCore
import Foundation
import GRDB

extension SQLiteRegistry {
    public func datasets() async throws -> [Dataset] {
        try await read { db in
            try DatasetRow.order(Column("id")).fetchAll(db).map(\.dataset)
        }
    }

    /// Counted through each table's index on its dataset, without reading a record.
    public func recordCounts(ofDataset id: String) async throws -> DatasetRecordCounts? {
        try await read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM dataset WHERE id = ?", arguments: [id]) != nil else { return nil }
            func count(_ table: String) throws -> Int {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table) WHERE dataset_id = ?", arguments: [id]) ?? 0
            }
            return DatasetRecordCounts(cities: try count("city"), relations: try count("relation"), networks: try count("network"),
                                       memberships: try count("membership"), events: try count("event"), sources: try count("source"))
        }
    }

    /// In the order stored, as ``content(ofDataset:)`` gives them, without reading a record.
    public func sources(ofDataset id: String) async throws -> [SourceCitation]? {
        try await read { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM dataset WHERE id = ?", arguments: [id]) != nil else { return nil }
            return try SourceRow.filter(Column("dataset_id") == id).order(Column("rowid")).fetchAll(db).map(\.source)
        }
    }

    public func analysisColumns(ofDataset id: String) async throws -> AnalysisColumns? {
        try await AnalysisColumnsReader.columns(of: self, dataset: id)
    }

    public func importFormats() async throws -> [String: String] {
        // SQLite's own JSON reader finds the field (json_type/json_extract on one parse, kept for
        // the statement), where decoding the report in Swift scans and copies all of it.
        try await read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, CASE WHEN json_valid(import_report) AND json_type(import_report, '$.format') = 'text'
                                THEN json_extract(import_report, '$.format') ELSE '' END AS format
                FROM dataset WHERE import_report IS NOT NULL ORDER BY id
                """)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as String, $0["format"] as String) })
        }
    }

    public func datasetsWithoutImportReports() async throws -> [Dataset] {
        try await read { db in
            try DatasetRow.fetchAll(db, sql: "SELECT \(DatasetRow.columnsWithoutReport) FROM dataset ORDER BY id").map(\.dataset)
        }
    }

    public func countries() async throws -> [Country] {
        try await read { db in
            try CountryRow.order(Column("code")).fetchAll(db).map(\.country)
        }
    }

    public func content(ofDataset id: String) async throws -> DatasetContent? {
        try await read { db in try Self.fetchContent(db, ofDataset: id) }
    }

    /// The form of ``DatasetContent/recordsHash`` this build computes: raise it whenever the
    /// canonical records it hashes change, so that a hash kept by an older build is not cited as
    /// this build's (it is computed again).
    static let recordsHashFormat = 1

    /// The hash kept in `dataset_records_hash`, or, where none is kept (the dataset was stored or
    /// changed since it was last asked for), the hash of the records read, then kept if nothing
    /// changed meanwhile.
    ///
    /// The records are read and hashed in a read transaction — at a million relations that takes
    /// seconds, which a write transaction would have held the database's write lock for, making
    /// other writers wait or time out. Staleness is ruled out by a claim: a row without a hash,
    /// written first, which any write to the dataset's records deletes (the schema's triggers,
    /// ``RecordsHashTriggers``, or a store in bulk before it commits); the hash is stored into
    /// the claim only if the claim is still there, so a write after the claim leaves nothing kept.
    public func recordsHash(ofDataset id: String) async throws -> String? {
        if let kept = try await read({ db in try Self.keptRecordsHash(db, ofDataset: id) }) { return kept }
        let claim = UUID().uuidString
        let format = Self.recordsHashFormat
        let claimed = try await write { db -> Bool in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM dataset WHERE id = ?)", arguments: [id]) == true else { return false }
            try db.execute(sql: "INSERT OR REPLACE INTO dataset_records_hash (dataset_id, records_hash, format, claim) VALUES (?, NULL, ?, ?)",
                           arguments: [id, format, claim])
            return true
        }
        guard claimed, let hash = try await read({ db in try Self.fetchContent(db, ofDataset: id)?.recordsHash }) else { return nil }
        try await write { db in
            try db.execute(sql: "UPDATE dataset_records_hash SET records_hash = ? WHERE dataset_id = ? AND claim = ? AND format = ?",
                           arguments: [hash, id, claim, format])
        }
        return hash
    }

    /// The records hash kept for dataset `id` in this build's form, if one is.
    static func keptRecordsHash(_ db: Database, ofDataset id: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT records_hash FROM dataset_records_hash WHERE dataset_id = ? AND format = ? AND records_hash IS NOT NULL",
                            arguments: [id, recordsHashFormat])
    }

    /// Every record of dataset `id`, or `nil` if there is no such dataset.
    static func fetchContent(_ db: Database, ofDataset id: String) throws -> DatasetContent? {
        guard let dataset = try DatasetRow.fetchOne(db, key: id) else { return nil }
        let scope = RecordScope(sql: "dataset_id = ?", arguments: [id])
        let sources = try SourceRow.filter(Column("dataset_id") == id).order(Column("rowid")).fetchAll(db).map(\.source)
        return DatasetContent(
            dataset: dataset.dataset,
            sources: sources,
            cities: try RecordReader.cities(db, filter: "dataset_id = ?", arguments: [id]),
            relations: try Self.fetchRelations(db, scope: scope),
            networks: try Self.fetchNetworks(db, scope: scope),
            memberships: try Self.fetchMemberships(db, scope: scope),
            events: try Self.fetchEvents(db, scope: scope),
            documents: try Self.fetchDocuments(db, filter: "dataset_id = ?", arguments: [id]),
            segments: try Self.fetchSegments(db, filter: "s.dataset_id = ?", arguments: [id])
        )
    }

    public func findCities(named name: String, datasetID: String?) async throws -> [City] {
        let (sql, arguments) = Self.citiesNamed(name, datasetID: datasetID)
        return try await read { db in try CityRow.fetchAll(db, sql: sql, arguments: arguments).map(\.city) }
    }

    /// The query of ``findCities(named:datasetID:)``: the ids first, through the index on search
    /// keys; a condition on the name OR the id across a join made SQLite scan every city (a
    /// second at a million relations).
    static func citiesNamed(_ name: String, datasetID: String?) -> (sql: String, arguments: StatementArguments) {
        var sql = "SELECT city.* FROM city WHERE city.id IN \(namedCities)"
        var arguments: StatementArguments = [PersianText.searchKey(name), name]
        if let datasetID {
            sql += " AND +city.dataset_id = ?"
            arguments += [datasetID]
        }
        return (sql + " ORDER BY city.dataset_id, city.rowid", arguments)
    }

    /// The ids of the cities a name or id names (arguments: the name's search key, the text as
    /// given), found through the index on search keys and the primary key.
    static let namedCities = "(SELECT city_id FROM city_name WHERE search_key = ? UNION SELECT id FROM city WHERE id = ?)"

    public func relations(matching query: RelationQuery) async throws -> RelationSelection {
        try await read { db in
            let filter = Self.relationFilter(query)
            // The page's rows first, once: the filter is then not run again for the citations and
            // themes of the page.
            var sql = "SELECT \(filter.rowID) " + filter.sql + " ORDER BY " + filter.order
            var arguments = filter.arguments
            Self.page(&sql, &arguments, limit: query.limit, offset: query.offset)
            let rowIDs = try Int64.fetchAll(db, sql: sql, arguments: arguments)
            let relations = try Self.fetchRelations(db, rowIDs: rowIDs)
            let cityIDs = Array(Set(relations.flatMap { [$0.cityID, $0.partnerID] }))
            let cities = try Self.fetchCities(db, ids: cityIDs)
            return RelationSelection(relations: relations, cities: cities)
        }
    }

    public func countRelations(matching query: RelationQuery) async throws -> Int {
        try await read { db in
            let filter = Self.relationFilter(query)
            return try Int.fetchOne(db, sql: "SELECT count(*) " + filter.sql, arguments: filter.arguments) ?? 0
        }
    }

    /// Through the indexes on the relations' ends and the cities' countries: the ends and their
    /// states of each relation, never a relation's record (25,034 for IR at a million relations).
    /// The relations whose home city is in the country, then those whose partner is and whose
    /// home city is not, each read from the index on one end, which also holds the other (v12).
    public func countryRelationCounts(_ country: CountryCode) async throws -> CountryRelationCounts {
        try await read { db in
            let sql = """
                SELECT r1.city_id, c1.country_code, r1.partner_id, (SELECT country_code FROM city WHERE id = r1.partner_id)
                FROM city c1 JOIN relation r1 ON r1.city_id = c1.id WHERE c1.country_code = ?
                UNION ALL
                SELECT r2.city_id, (SELECT country_code FROM city WHERE id = r2.city_id), r2.partner_id, c2.country_code
                FROM city c2 JOIN relation r2 ON r2.partner_id = c2.id
                WHERE c2.country_code = ? AND r2.city_id NOT IN (SELECT id FROM city WHERE country_code = ?)
                """
            var ends: [(String, CountryCode, String, CountryCode)] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: [country.rawValue, country.rawValue, country.rawValue])
            while let row = try rows.next() {
                ends.append((row[0], CountryCode(unchecked: row[1]), row[2], CountryCode(unchecked: row[3])))
            }
            return CountryRelationCounts(country: country, ends: ends)
        }
    }

    /// Appends LIMIT and OFFSET clauses for a page of results.
    private static func page(_ sql: inout String, _ arguments: inout StatementArguments, limit: Int?, offset: Int) {
        if let limit {
            sql += " LIMIT ? OFFSET ?"
            arguments += [limit, offset]
        } else if offset > 0 {
            sql += " LIMIT -1 OFFSET ?"
            arguments += [offset]
        }
    }

    /// The FROM and WHERE clauses selecting the relations of `query` as `r`, the expression of a
    /// selected relation's row id, and the ORDER BY of its pages, written so that SQLite starts
    /// from the narrowest filter's index: a city's or a country's relations through the indexes on
    /// the ends (every other condition is marked `+`, so that no other index is taken, and the page
    /// is sorted from those rows); otherwise the kind's index (in page order), the years' partial
    /// indexes, or the index in page order. Indexes of migrations v1, v8 and v12; each plan is
    /// checked by `RelationQueryPlanTests`.
    static func relationFilter(_ query: RelationQuery) -> (sql: String, arguments: StatementArguments, order: String, rowID: String) {
        // `+` keeps a column's index out of the plan when a city or country already narrows it.
        let narrowed = query.city != nil || query.country != nil
        // The conditions besides the city and the country, on the relation named `alias`.
        func others(_ alias: String) -> (conditions: [String], arguments: StatementArguments) {
            let other = narrowed ? "+" : ""
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let datasetID = query.datasetID {
                conditions.append("\(other)\(alias).dataset_id = ?")
                arguments += [datasetID]
            }
            if let kind = query.kind {
                conditions.append("\(other)\(alias).kind = ?")
                arguments += [kind.rawValue]
            }
            if let from = query.signedFrom {
                conditions.append("\(other)\(alias).signed_year_max >= ?")
                arguments += [from]
            }
            if let to = query.signedTo {
                conditions.append("\(other)\(alias).signed_year_min <= ?")
                arguments += [to]
            }
            return (conditions, arguments)
        }
        if query.city == nil, let country = query.country {
            // The country's relations as those whose home city is in it, then those whose partner
            // is and whose home city is not: two disjoint parts, each read from one index on an end
            // that also holds the other end, the dataset and the position (v12), so that neither
            // the count nor the order of a page reads a relation's row. A union of row ids,
            // sorted by rows read one by one, took 105 ms for IR's 25,034 relations at a million;
            // this takes 25–30 ms.
            let cities = "(SELECT id FROM city WHERE country_code = ?)"
            let home = others("r1"), partner = others("r2")
            let sql = """
                FROM (SELECT r1.rowid AS row_id, r1.dataset_id, r1.position FROM relation r1
                      WHERE \((["r1.city_id IN \(cities)"] + home.conditions).joined(separator: " AND "))
                      UNION ALL
                      SELECT r2.rowid, r2.dataset_id, r2.position FROM relation r2
                      WHERE \((["r2.partner_id IN \(cities)", "r2.city_id NOT IN \(cities)"] + partner.conditions).joined(separator: " AND "))) r
                """
            var arguments: StatementArguments = [country.rawValue]
            arguments += home.arguments
            arguments += [country.rawValue, country.rawValue]
            arguments += partner.arguments
            return (sql, arguments, "r.dataset_id, r.position", "r.row_id")
        }
        var conditions: [String] = []
        var arguments: StatementArguments = []
        var from = "FROM relation r"
        switch (query.city, query.country) {
        case let (city?, country?):
            from += " JOIN city a ON a.id = r.city_id JOIN city b ON b.id = r.partner_id"
            let key = PersianText.searchKey(city)
            conditions.append("""
                ((r.city_id IN \(namedCities) AND b.country_code = ?)
                 OR (r.partner_id IN \(namedCities) AND a.country_code = ?))
                """)
            arguments += [key, city, country.rawValue, key, city, country.rawValue]
        case let (city?, nil):
            let key = PersianText.searchKey(city)
            conditions.append("(r.city_id IN \(namedCities) OR r.partner_id IN \(namedCities))")
            arguments += [key, city, key, city]
        case (nil, _):
            break
        }
        let rest = others("r")
        conditions += rest.conditions
        arguments += rest.arguments
        var sql = from
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        // Narrowed, the rows are few and sorted; otherwise the index gives them in this order and
        // a page stops at its limit.
        let order = narrowed ? "+r.dataset_id, +r.position" : "r.dataset_id, r.position"
        return (sql, arguments, order, "r.rowid")
    }

    public func cities(matching query: CityQuery) async throws -> [City] {
        try await read { db in
            var (sql, arguments) = Self.cityFilter(query)
            sql = "SELECT city.* " + sql + " ORDER BY city.dataset_id, city.name_en, city.id"
            Self.page(&sql, &arguments, limit: query.limit, offset: query.offset)
            return try CityRow.fetchAll(db, sql: sql, arguments: arguments).map(\.city)
        }
    }

    public func countCities(matching query: CityQuery) async throws -> Int {
        try await read { db in
            let (sql, arguments) = Self.cityFilter(query)
            return try Int.fetchOne(db, sql: "SELECT count(*) " + sql, arguments: arguments) ?? 0
        }
    }

    private static func cityFilter(_ query: CityQuery) -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        // A name narrows to a few cities: then the other columns' indexes are kept out (`+`).
        let other = query.name == nil ? "" : "+"
        if let name = query.name {
            conditions.append("city.id IN \(namedCities)")
            arguments += [PersianText.searchKey(name), name]
        }
        if let datasetID = query.datasetID {
            conditions.append("\(other)city.dataset_id = ?")
            arguments += [datasetID]
        }
        if let country = query.country {
            conditions.append("\(other)city.country_code = ?")
            arguments += [country.rawValue]
        }
        var sql = "FROM city"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return (sql, arguments)
    }

    public func networks(datasetID: String?) async throws -> [CityNetwork] {
        try await read { db in try Self.fetchNetworks(db, scope: Self.datasetScope(datasetID)) }
    }

    public func memberships(datasetID: String?) async throws -> [NetworkMembership] {
        try await read { db in try Self.fetchMemberships(db, scope: Self.datasetScope(datasetID)) }
    }

    public func events(datasetID: String?) async throws -> [InternationalEvent] {
        try await read { db in try Self.fetchEvents(db, scope: Self.datasetScope(datasetID)) }
    }

    private static func datasetScope(_ datasetID: String?) -> RecordScope {
        datasetID.map { RecordScope(sql: "dataset_id = ?", arguments: [$0]) } ?? RecordScope(sql: "1", arguments: [])
    }

    public func networkProfile(ofNetwork networkID: String) async throws -> NetworkProfile? {
        try await read { db in
            guard let network = try Self.fetchNetworks(db, scope: RecordScope(sql: "id = ?", arguments: [networkID])).first else { return nil }
            let memberships = try Self.fetchMemberships(db, scope: RecordScope(sql: "network_id = ?", arguments: [networkID]))
            return NetworkProfile(network: network, memberships: memberships, cities: try Self.fetchCities(db, ids: memberships.map(\.cityID)))
        }
    }

    public func profile(ofCity cityID: String) async throws -> CityProfile? {
        try await read { db in
            // The dataset without its import report, which a profile never shows and which, for a
            // file of a million rows, is tens of megabytes to read.
            guard let cityRow = try CityRow.fetchOne(db, key: cityID),
                  let dataset = try DatasetRow.fetchOne(db, sql: "SELECT \(DatasetRow.columnsWithoutReport) FROM dataset WHERE id = ?", arguments: [cityRow.datasetId])?.dataset
            else { return nil }
            let city = cityRow.city
            let relations = try Self.fetchRelations(db, scope: RecordScope(sql: "(city_id = ? OR partner_id = ?)", arguments: [cityID, cityID]))
            let partners = try Self.fetchCities(db, ids: relations.map { $0.partner(of: cityID) })
            let memberships = try Self.fetchMemberships(db, scope: RecordScope(sql: "city_id = ?", arguments: [cityID]))
            let networks = try Self.fetchNetworks(db, scope: RecordScope(sql: "id IN (SELECT network_id FROM membership WHERE city_id = ?)", arguments: [cityID]))
            let networksByID = Dictionary(uniqueKeysWithValues: networks.map { ($0.id, $0) })
            let whole: City? = try city.partOf.flatMap { id in try CityRow.fetchOne(db, key: id)?.city }
            // Through the index on part_of (migration v4).
            let parts: [City] = try CityRow.fetchAll(db, sql: "SELECT * FROM city WHERE part_of = ? ORDER BY rowid", arguments: [cityID]).map { row in row.city }
            // Each relation with its partner, in an array made once at its size: `compactMap` grew
            // it by doubling, copying relations and cities of some 400 bytes each.
            var withPartners: [(BilateralRelation, City)] = []
            withPartners.reserveCapacity(relations.count)
            for relation in relations {
                if let partner = partners[relation.partner(of: cityID)] { withPartners.append((relation, partner)) }
            }
            return CityProfile(
                city: city, dataset: dataset,
                relations: withPartners,
                memberships: memberships.compactMap { membership in
                    networksByID[membership.networkID].map { (membership, $0) }
                },
                events: try Self.fetchEvents(db, scope: RecordScope(sql: "city_id = ?", arguments: [cityID])),
                whole: whole, parts: parts
            )
        }
    }
}

/// A condition on a table's own columns that selects the records to read, with its arguments.
struct RecordScope {
    var sql: String
    var arguments: StatementArguments
}

/// A statement that yields the ids of records (`SELECT id FROM relation WHERE …`), with its
/// arguments, for `IN (…)`.
struct RecordIDs {
    var sql: String
    var arguments: StatementArguments

    init(sql: String, arguments: StatementArguments) {
        self.sql = sql
        self.arguments = arguments
    }

    /// These ids, as one JSON array through `json_each`: each id is then found through the index
    /// it is looked up by (`EXPLAIN QUERY PLAN`: SEARCH … USING INDEX), in one statement of one
    /// argument whatever their number. Chunks of 500 bound parameters through the query interface
    /// cost a statement made and compiled per chunk: a third of reading the 3,571 partners of a
    /// city's profile at a million relations (perf); the profile 77 -> 73 ms.
    init(_ ids: some Collection<String>) {
        self.init(sql: "SELECT value FROM json_each(?)", arguments: [Self.jsonArray(ids)])
    }

    /// Whether `id`, as read from the database into a `String`, may not be the text stored, of
    /// `storedBytes` bytes: it holds U+FFFD (what decoding puts for bytes that are not UTF-8) or
    /// its length differs (text is read up to a NUL).
    static func mayDifferFromStored(_ id: String, storedBytes: Int) -> Bool {
        if id.utf8.count != storedBytes { return true }
        var utf8 = id.utf8.makeIterator()
        while let byte = utf8.next() {
            if byte == 0 { return true }
            // U+FFFD is EF BF BD.
            if byte == 0xEF, utf8.next() == 0xBF, utf8.next() == 0xBD { return true }
        }
        return false
    }

    /// `ids` as a JSON array, for `json_each`.
    static func jsonArray(_ ids: some Collection<String>) -> String {
        var list: [UInt8] = [UInt8(ascii: "[")]
        for (index, id) in ids.enumerated() {
            if index > 0 { list.append(UInt8(ascii: ",")) }
            JSONString.append(id, to: &list)
        }
        list.append(UInt8(ascii: "]"))
        return String(decoding: list, as: UTF8.self)
    }
}

extension SQLiteRegistry {
    static func fetchCities(_ db: Database, ids: [String]) throws -> [String: City] {
        var cities: [String: City] = [:]
        guard !ids.isEmpty else { return cities }
        let unique = Set(ids)
        cities.reserveCapacity(unique.count)
        let list = RecordIDs(unique)
        try RecordReader.forEachCity(db, filter: "id IN (\(list.sql))", arguments: list.arguments, order: nil) { city in
            cities[city.id] = city
        }
        return cities
    }

    /// The sources of records of `kind` in `scope`, by record id, in citation order.
    static func fetchCitations(_ db: Database, kind: CitingRecordKind, table: String, scope: RecordScope) throws -> [String: [SourceCitation]] {
        try RecordReader.citations(db, kind: kind, table: table, scope: scope)
    }

    /// The relations with these row ids, which are in page order (dataset, position), in that
    /// order. The ids are written into the SQL (they are integers), a chunk at a time, each chunk
    /// fetched in the same order, so that the chunks follow one another as the ids do.
    static func fetchRelations(_ db: Database, rowIDs: [Int64]) throws -> [BilateralRelation] {
        var relations: [BilateralRelation] = []
        relations.reserveCapacity(rowIDs.count)
        for start in stride(from: 0, to: rowIDs.count, by: 10_000) {
            let chunk = rowIDs[start..<min(start + 10_000, rowIDs.count)]
            relations += try fetchRelations(db, scope: RecordScope(sql: "rowid IN (\(chunk.map(String.init).joined(separator: ",")))", arguments: []))
        }
        return relations
    }

    static func fetchRelations(_ db: Database, scope: RecordScope) throws -> [BilateralRelation] {
        try RecordReader.relations(db, scope: scope)
    }

    static func fetchNetworks(_ db: Database, scope: RecordScope) throws -> [CityNetwork] {
        let rows = try NetworkRow.fetchAll(db, sql: "SELECT * FROM network WHERE \(scope.sql) ORDER BY dataset_id, position", arguments: scope.arguments)
        let citations = try fetchCitations(db, kind: .network, table: "network", scope: scope)
        return rows.map { $0.network(sources: citations[$0.id] ?? []) }
    }

    static func fetchMemberships(_ db: Database, scope: RecordScope) throws -> [NetworkMembership] {
        let rows = try MembershipRow.fetchAll(db, sql: "SELECT * FROM membership WHERE \(scope.sql) ORDER BY dataset_id, position", arguments: scope.arguments)
        let citations = try fetchCitations(db, kind: .membership, table: "membership", scope: scope)
        return rows.map { $0.membership(sources: citations[$0.id] ?? []) }
    }

    static func fetchEvents(_ db: Database, scope: RecordScope) throws -> [InternationalEvent] {
        let rows = try EventRow.fetchAll(db, sql: "SELECT * FROM event WHERE \(scope.sql) ORDER BY dataset_id, position", arguments: scope.arguments)
        let citations = try fetchCitations(db, kind: .event, table: "event", scope: scope)
        return rows.map { $0.event(sources: citations[$0.id] ?? []) }
    }
}
