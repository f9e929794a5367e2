import CityDiplomacyCore
import GRDB

extension SQLiteRegistry {
    public func datasets() async throws -> [Dataset] {
        try await read { db in
            try DatasetRow.order(Column("id")).fetchAll(db).map(\.dataset)
        }
    }

    public func countries() async throws -> [Country] {
        try await read { db in
            try CountryRow.order(Column("code")).fetchAll(db).map(\.country)
        }
    }

    public func content(ofDataset id: String) async throws -> DatasetContent? {
        try await read { db in
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
                events: try Self.fetchEvents(db, scope: scope)
            )
        }
    }

    public func findCities(named name: String, datasetID: String?) async throws -> [City] {
        let key = PersianText.searchKey(name)
        return try await read { db in
            var sql = """
                SELECT DISTINCT city.* FROM city JOIN city_name ON city_name.city_id = city.id
                WHERE (city_name.search_key = ? OR city.id = ?)
                """
            var arguments: StatementArguments = [key, name]
            if let datasetID {
                sql += " AND city.dataset_id = ?"
                arguments += [datasetID]
            }
            sql += " ORDER BY city.dataset_id, city.rowid"
            return try CityRow.fetchAll(db, sql: sql, arguments: arguments).map(\.city)
        }
    }

    public func relations(matching query: RelationQuery) async throws -> RelationSelection {
        try await read { db in
            var (ids, arguments) = Self.relationFilter(query)
            ids = "SELECT r.id " + ids + " ORDER BY r.dataset_id, r.position"
            Self.page(&ids, &arguments, limit: query.limit, offset: query.offset)
            let scope = RecordScope(sql: "id IN (\(ids))", arguments: arguments)
            let relations = try Self.fetchRelations(db, scope: scope)
            let cityIDs = Array(Set(relations.flatMap { [$0.cityID, $0.partnerID] }))
            let cities = try Self.fetchCities(db, ids: cityIDs)
            return RelationSelection(relations: relations, cities: cities)
        }
    }

    public func countRelations(matching query: RelationQuery) async throws -> Int {
        try await read { db in
            let (filter, arguments) = Self.relationFilter(query)
            return try Int.fetchOne(db, sql: "SELECT count(*) " + filter, arguments: arguments) ?? 0
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

    /// The FROM and WHERE clauses selecting the relations of `query` as `r` (ends `a` and `b`).
    private static func relationFilter(_ query: RelationQuery) -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let datasetID = query.datasetID {
            conditions.append("r.dataset_id = ?")
            arguments += [datasetID]
        }
        let cityKey = query.city.map(PersianText.searchKey)
        let namedCities = "(SELECT city_id FROM city_name WHERE search_key = ? UNION SELECT id FROM city WHERE id = ?)"
        switch (query.city, query.country) {
        case let (city?, country?):
            conditions.append("""
                ((r.city_id IN \(namedCities) AND b.country_code = ?)
                 OR (r.partner_id IN \(namedCities) AND a.country_code = ?))
                """)
            arguments += [cityKey, city, country.rawValue, cityKey, city, country.rawValue]
        case let (city?, nil):
            conditions.append("(r.city_id IN \(namedCities) OR r.partner_id IN \(namedCities))")
            arguments += [cityKey, city, cityKey, city]
        case let (nil, country?):
            conditions.append("(a.country_code = ? OR b.country_code = ?)")
            arguments += [country.rawValue, country.rawValue]
        case (nil, nil):
            break
        }
        if let kind = query.kind {
            conditions.append("r.kind = ?")
            arguments += [kind.rawValue]
        }
        if let from = query.signedFrom {
            conditions.append("r.signed_year_max >= ?")
            arguments += [from]
        }
        if let to = query.signedTo {
            conditions.append("r.signed_year_min <= ?")
            arguments += [to]
        }
        var sql = "FROM relation r JOIN city a ON a.id = r.city_id JOIN city b ON b.id = r.partner_id"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return (sql, arguments)
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
        if let datasetID = query.datasetID {
            conditions.append("city.dataset_id = ?")
            arguments += [datasetID]
        }
        if let country = query.country {
            conditions.append("city.country_code = ?")
            arguments += [country.rawValue]
        }
        if let name = query.name {
            conditions.append("(city.id = ? OR city.id IN (SELECT city_id FROM city_name WHERE search_key = ?))")
            arguments += [name, PersianText.searchKey(name)]
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
            guard let city = try CityRow.fetchOne(db, key: cityID)?.city,
                  let dataset = try DatasetRow.fetchOne(db, sql: "SELECT dataset.* FROM dataset JOIN city ON city.dataset_id = dataset.id WHERE city.id = ?", arguments: [cityID])?.dataset
            else { return nil }
            let relations = try Self.fetchRelations(db, scope: RecordScope(sql: "(city_id = ? OR partner_id = ?)", arguments: [cityID, cityID]))
            let partners = try Self.fetchCities(db, ids: relations.map { $0.partner(of: cityID) })
            let memberships = try Self.fetchMemberships(db, scope: RecordScope(sql: "city_id = ?", arguments: [cityID]))
            let networks = try Self.fetchNetworks(db, scope: RecordScope(sql: "id IN (SELECT network_id FROM membership WHERE city_id = ?)", arguments: [cityID]))
            let networksByID = Dictionary(uniqueKeysWithValues: networks.map { ($0.id, $0) })
            let whole: City? = try city.partOf.flatMap { id in try CityRow.fetchOne(db, key: id)?.city }
            // Through the index on part_of (migration v4).
            let parts: [City] = try CityRow.fetchAll(db, sql: "SELECT * FROM city WHERE part_of = ? ORDER BY rowid", arguments: [cityID]).map { row in row.city }
            return CityProfile(
                city: city, dataset: dataset,
                relations: relations.compactMap { relation in
                    partners[relation.partner(of: cityID)].map { (relation, $0) }
                },
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

extension SQLiteRegistry {
    static func fetchCities(_ db: Database, ids: [String]) throws -> [String: City] {
        var cities: [String: City] = [:]
        // Chunked to stay below SQLite's limit on bound parameters.
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for row in try CityRow.filter(keys: chunk).fetchAll(db) {
                cities[row.id] = row.city
            }
        }
        return cities
    }

    /// The sources of records of `kind` in `scope`, by record id, in citation order.
    static func fetchCitations(_ db: Database, kind: CitingRecordKind, table: String, scope: RecordScope) throws -> [String: [SourceCitation]] {
        try RecordReader.citations(db, kind: kind, table: table, scope: scope)
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
