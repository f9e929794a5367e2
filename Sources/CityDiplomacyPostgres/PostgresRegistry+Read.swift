import CityDiplomacyCore
import Foundation
import PostgresNIO

extension PostgresRegistry {
    public func datasets() async throws -> [Dataset] {
        try await read { transaction in
            try await transaction.rows("SELECT record, import_report FROM dataset ORDER BY id").map { row in
                let (record, report) = try row.decode((String, String?).self)
                var dataset = try RecordJSON.decode(Dataset.self, from: record)
                dataset.importReport = report
                return dataset
            }
        }
    }

    public func datasetsWithoutImportReports() async throws -> [Dataset] {
        try await read { transaction in
            try await transaction.values("SELECT record FROM dataset ORDER BY id", as: String.self).map {
                try RecordJSON.decode(Dataset.self, from: $0)
            }
        }
    }

    public func countries() async throws -> [Country] {
        try await read { transaction in
            try await transaction.values("SELECT record FROM country ORDER BY code", as: String.self).map {
                try RecordJSON.decode(Country.self, from: $0)
            }
        }
    }

    public func recordCounts(ofDataset id: String) async throws -> DatasetRecordCounts? {
        try await read { transaction in
            guard try await transaction.value("SELECT 1 FROM dataset WHERE id = \(id)", as: Int32.self) != nil else { return nil }
            var counts: [String: Int] = [:]
            for row in try await transaction.rows("SELECT kind, count(*) FROM record WHERE dataset_id = \(id) GROUP BY kind") {
                let (kind, count) = try row.decode((String, Int64).self)
                counts[kind] = Int(count)
            }
            return DatasetRecordCounts(cities: counts["city"] ?? 0, relations: counts["relation"] ?? 0, networks: counts["network"] ?? 0,
                                       memberships: counts["membership"] ?? 0, events: counts["event"] ?? 0, sources: counts["source"] ?? 0)
        }
    }

    /// In the dataset's order, as ``content(ofDataset:)`` gives them, without reading a record.
    public func sources(ofDataset id: String) async throws -> [SourceCitation]? {
        try await read { transaction in
            guard try await transaction.value("SELECT 1 FROM dataset WHERE id = \(id)", as: Int32.self) != nil else { return nil }
            let sources: [SourceCitation] = try await Self.records(.source, where: "dataset_id = $1", [id], in: transaction)
            return sources
        }
    }

    public func content(ofDataset id: String) async throws -> DatasetContent? {
        try await read { transaction in try await Self.content(ofDataset: id, in: transaction) }
    }

    /// Every record of dataset `id`, or `nil` if there is no such dataset, inside the caller's transaction.
    static func content(ofDataset id: String, in transaction: PostgresTransaction) async throws -> DatasetContent? {
        guard let dataset = try await dataset(id, withReport: true, in: transaction) else { return nil }
        let sources: [SourceCitation] = try await records(.source, where: "dataset_id = $1", [id], in: transaction)
        let byID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return DatasetContent(
            dataset: dataset,
            sources: sources,
            cities: try await records(.city, where: "dataset_id = $1", [id], in: transaction),
            relations: try await relations(where: "dataset_id = $1", [id], sources: byID, in: transaction),
            networks: try await cited(.network, where: "dataset_id = $1", [id], sources: byID, in: transaction),
            memberships: try await cited(.membership, where: "dataset_id = $1", [id], sources: byID, in: transaction),
            events: try await cited(.event, where: "dataset_id = $1", [id], sources: byID, in: transaction),
            documents: try await documents(where: "dataset_id = $1", [id], in: transaction),
            segments: try await segments(where: "s.dataset_id = $1", [id], in: transaction)
        )
    }

    public func relations(matching query: RelationQuery) async throws -> RelationSelection {
        try await read { transaction in
            var builder = Self.relationFilter(query, selecting: "r.data")
            builder.sql += " ORDER BY r.dataset_id, r.position, r.seq"
            Self.page(&builder, limit: query.limit, offset: query.offset)
            var relations = try await transaction.values(builder.query, as: String.self).map { try RecordJSON.decode(BilateralRelation.self, from: $0) }
            relations = try await Self.resolveSources(relations, in: transaction)
            let cities = try await Self.cities(ids: Array(Set(relations.flatMap { [$0.cityID, $0.partnerID] })), in: transaction)
            return RelationSelection(relations: relations, cities: cities)
        }
    }

    public func countRelations(matching query: RelationQuery) async throws -> Int {
        try await read { transaction in
            Int(try await transaction.value(Self.relationFilter(query, selecting: "count(*)").query, as: Int64.self) ?? 0)
        }
    }

    /// The ids of the cities a name or id names: through the search keys, or the id as given.
    private static func namedCities(_ name: String, _ builder: inout SQLBuilder) -> String {
        "(SELECT city_id FROM city_name WHERE search_key = \(builder.bind(PersianText.searchKey(name))) UNION SELECT id FROM record WHERE kind = 'city' AND id = \(builder.bind(name)))"
    }

    /// `SELECT <selecting>` from the relations `query` selects, as `r`, with their cities' rows
    /// `a` (the city) and `b` (the partner).
    static func relationFilter(_ query: RelationQuery, selecting: String) -> SQLBuilder {
        var builder = SQLBuilder()
        var conditions = ["r.kind = 'relation'"]
        switch (query.city, query.country) {
        case let (city?, country?):
            let code = builder.bind(country.rawValue)
            let named = namedCities(city, &builder)
            conditions.append("((r.city_id IN \(named) AND b.country_code = \(code)) OR (r.partner_id IN \(named) AND a.country_code = \(code)))")
        case let (city?, nil):
            let named = namedCities(city, &builder)
            conditions.append("(r.city_id IN \(named) OR r.partner_id IN \(named))")
        case let (nil, country?):
            let code = builder.bind(country.rawValue)
            conditions.append("(a.country_code = \(code) OR b.country_code = \(code))")
        case (nil, nil):
            break
        }
        if let datasetID = query.datasetID { conditions.append("r.dataset_id = \(builder.bind(datasetID))") }
        if let kind = query.kind { conditions.append("r.relation_kind = \(builder.bind(kind.rawValue))") }
        if let from = query.signedFrom { conditions.append("r.year_max >= \(builder.bind(from))") }
        if let to = query.signedTo { conditions.append("r.year_min <= \(builder.bind(to))") }
        builder.sql = """
            SELECT \(selecting) FROM record r
            LEFT JOIN record a ON a.kind = 'city' AND a.id = r.city_id
            LEFT JOIN record b ON b.kind = 'city' AND b.id = r.partner_id
            WHERE \(conditions.joined(separator: " AND "))
            """
        return builder
    }

    private static func page(_ builder: inout SQLBuilder, limit: Int?, offset: Int) {
        if let limit { builder.sql += " LIMIT \(builder.bind(limit))" }
        if offset > 0 { builder.sql += " OFFSET \(builder.bind(offset))" }
    }

    public func cities(matching query: CityQuery) async throws -> [City] {
        try await read { transaction in
            var builder = Self.cityFilter(query, selecting: "data")
            builder.sql += " ORDER BY dataset_id, name_en, id"
            Self.page(&builder, limit: query.limit, offset: query.offset)
            return try await transaction.values(builder.query, as: String.self).map { try RecordJSON.decode(City.self, from: $0) }
        }
    }

    public func countCities(matching query: CityQuery) async throws -> Int {
        try await read { transaction in
            Int(try await transaction.value(Self.cityFilter(query, selecting: "count(*)").query, as: Int64.self) ?? 0)
        }
    }

    private static func cityFilter(_ query: CityQuery, selecting: String) -> SQLBuilder {
        var builder = SQLBuilder()
        var conditions = ["kind = 'city'"]
        if let name = query.name { conditions.append("id IN " + namedCities(name, &builder)) }
        if let datasetID = query.datasetID { conditions.append("dataset_id = \(builder.bind(datasetID))") }
        if let country = query.country { conditions.append("country_code = \(builder.bind(country.rawValue))") }
        builder.sql = "SELECT \(selecting) FROM record WHERE " + conditions.joined(separator: " AND ")
        return builder
    }

    public func findCities(named name: String, datasetID: String?) async throws -> [City] {
        try await read { transaction in
            var builder = SQLBuilder()
            builder.sql = "SELECT data FROM record WHERE kind = 'city' AND id IN " + Self.namedCities(name, &builder)
            if let datasetID { builder.sql += " AND dataset_id = \(builder.bind(datasetID))" }
            builder.sql += " ORDER BY dataset_id, seq"
            return try await transaction.values(builder.query, as: String.self).map { try RecordJSON.decode(City.self, from: $0) }
        }
    }

    public func networks(datasetID: String?) async throws -> [CityNetwork] {
        try await read { transaction in
            try await Self.cited(.network, where: datasetID == nil ? "true" : "dataset_id = $1", datasetID.map { [$0] } ?? [], in: transaction)
        }
    }

    public func memberships(datasetID: String?) async throws -> [NetworkMembership] {
        try await read { transaction in
            try await Self.cited(.membership, where: datasetID == nil ? "true" : "dataset_id = $1", datasetID.map { [$0] } ?? [], in: transaction)
        }
    }

    public func events(datasetID: String?) async throws -> [InternationalEvent] {
        try await read { transaction in
            try await Self.cited(.event, where: datasetID == nil ? "true" : "dataset_id = $1", datasetID.map { [$0] } ?? [], in: transaction)
        }
    }

    public func networkProfile(ofNetwork networkID: String) async throws -> NetworkProfile? {
        try await read { transaction in
            guard let network = try await Self.cited(.network, as: CityNetwork.self, where: "id = $1", [networkID], in: transaction).first else { return nil }
            let memberships: [NetworkMembership] = try await Self.cited(.membership, where: "network_id = $1", [networkID], in: transaction)
            return NetworkProfile(network: network, memberships: memberships, cities: try await Self.cities(ids: memberships.map(\.cityID), in: transaction))
        }
    }

    public func profile(ofCity cityID: String) async throws -> CityProfile? {
        try await read { transaction in
            guard let city = try await Self.records(.city, as: City.self, where: "id = $1", [cityID], in: transaction).first,
                  let datasetID = try await transaction.value("SELECT dataset_id FROM record WHERE kind = 'city' AND id = \(cityID)", as: String.self),
                  let dataset = try await Self.dataset(datasetID, withReport: false, in: transaction)
            else { return nil }
            let relations = try await Self.relations(where: "(city_id = $1 OR partner_id = $1)", [cityID], in: transaction)
            let partners = try await Self.cities(ids: relations.map { $0.partner(of: cityID) }, in: transaction)
            let memberships: [NetworkMembership] = try await Self.cited(.membership, where: "city_id = $1", [cityID], in: transaction)
            let networks: [CityNetwork] = try await Self.cited(
                .network, where: "id IN (SELECT network_id FROM record WHERE kind = 'membership' AND city_id = $1)", [cityID], in: transaction)
            let networksByID = Dictionary(networks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let whole: City? = if let partOf = city.partOf {
                try await Self.records(.city, as: City.self, where: "id = $1", [partOf], in: transaction).first
            } else { nil }
            let parts: [City] = try await Self.records(.city, where: "part_of = $1", [cityID], in: transaction)
            return CityProfile(
                city: city, dataset: dataset,
                relations: relations.compactMap { relation in partners[relation.partner(of: cityID)].map { (relation, $0) } },
                memberships: memberships.compactMap { membership in networksByID[membership.networkID].map { (membership, $0) } },
                events: try await Self.cited(.event, where: "city_id = $1", [cityID], in: transaction),
                whole: whole, parts: parts
            )
        }
    }

    public func city(id: String) async throws -> City? {
        try await read { transaction in try await Self.records(.city, as: City.self, where: "id = $1", [id], in: transaction).first }
    }

    public func relation(id: String) async throws -> BilateralRelation? {
        try await read { transaction in try await Self.relations(where: "id = $1", [id], in: transaction).first }
    }

    public func membership(id: String) async throws -> NetworkMembership? {
        try await read { transaction in try await Self.cited(.membership, as: NetworkMembership.self, where: "id = $1", [id], in: transaction).first }
    }

    public func event(id: String) async throws -> InternationalEvent? {
        try await read { transaction in try await Self.cited(.event, as: InternationalEvent.self, where: "id = $1", [id], in: transaction).first }
    }

    public func source(id: String) async throws -> (source: SourceCitation, datasetID: String)? {
        try await read { transaction in
            guard let row = try await transaction.rows("SELECT data, dataset_id FROM record WHERE kind = 'source' AND id = \(id)").first else { return nil }
            let (data, datasetID) = try row.decode((String, String).self)
            return (try RecordJSON.decode(SourceCitation.self, from: data), datasetID)
        }
    }

    public func revision() async throws -> String {
        try await read { transaction in
            String(try await transaction.value("SELECT revision FROM registry_state WHERE one = 1", as: Int64.self) ?? 0)
        }
    }

    public func lastChanged(ofDataset id: String) async throws -> Date? {
        try await read { transaction in
            guard let stored = try await transaction.value("SELECT stored_at FROM dataset WHERE id = \(id)", as: Date.self) else { return nil }
            let edited = try await transaction.value("SELECT max(at) FROM change_log WHERE dataset_id = \(id)", as: Date?.self) ?? nil
            return max(stored, edited ?? stored)
        }
    }

    public func changes(limit: Int, offset: Int) async throws -> [ChangeEntry] {
        try await read { transaction in
            try await transaction.rows("""
                SELECT id, at, actor, action, record_kind, record_id, dataset_id, before, after FROM change_log
                ORDER BY id DESC LIMIT \(limit) OFFSET \(offset)
                """).map(Self.changeEntry)
        }
    }

    /// A change-log entry from its row (`id, at, actor, action, record_kind, record_id, dataset_id, before, after`).
    static func changeEntry(_ row: PostgresRow) throws -> ChangeEntry {
        let (id, at, actor, action, kind, recordID, datasetID, before, after) =
            try row.decode((Int64, Date, String, String, String, String, String, String?, String?).self)
        guard let recordKind = RecordKind(rawValue: kind) else {
            throw PostgresRegistryError.failed(reason: "change \(id) names an unknown kind of record '\(kind)'")
        }
        return ChangeEntry(id: Int(id), at: at, actor: actor, action: ChangeEntry.Action(rawValue: action) ?? .update,
                           recordKind: recordKind, recordID: recordID, datasetID: datasetID, before: before, after: after)
    }
}

// MARK: - Reading records

extension PostgresRegistry {
    static func dataset(_ id: String, withReport: Bool, in transaction: PostgresTransaction) async throws -> Dataset? {
        guard let row = try await transaction.rows("SELECT record, import_report FROM dataset WHERE id = \(id)").first else { return nil }
        let (record, report) = try row.decode((String, String?).self)
        var dataset = try RecordJSON.decode(Dataset.self, from: record)
        dataset.importReport = withReport ? report : nil
        return dataset
    }

    /// The records of `kind` matching `condition` (on the table's own columns, with `$1`… for
    /// `arguments`), in the order of their dataset and position, then the order stored.
    static func records<T: Decodable>(_ kind: RecordRow.Kind, as _: T.Type = T.self, where condition: String, _ arguments: [String], in transaction: PostgresTransaction) async throws -> [T] {
        var bindings = PostgresBindings()
        for argument in arguments { bindings.append(argument) }
        let order = kind == .city || kind == .source ? "dataset_id, seq" : "dataset_id, position, seq"
        let sql = "SELECT data FROM record WHERE kind = '\(kind.rawValue)' AND \(condition) ORDER BY \(order)"
        return try await transaction.values(PostgresQuery(unsafeSQL: sql, binds: bindings), as: String.self).map {
            try RecordJSON.decode(T.self, from: $0)
        }
    }

    static func relations(where condition: String, _ arguments: [String], sources: [String: SourceCitation]? = nil, in transaction: PostgresTransaction) async throws -> [BilateralRelation] {
        try await resolveSources(try await records(.relation, where: condition, arguments, in: transaction), known: sources, in: transaction)
    }

    static func cited<T: Decodable & CitingRecord>(_ kind: RecordRow.Kind, as _: T.Type = T.self, where condition: String, _ arguments: [String], sources: [String: SourceCitation]? = nil, in transaction: PostgresTransaction) async throws -> [T] {
        try await resolveSources(try await records(kind, as: T.self, where: condition, arguments, in: transaction), known: sources, in: transaction)
    }

    /// The records with each source they cite as it is now (an edit of a source changes it in
    /// every record that cites it).
    static func resolveSources<T: CitingRecord>(_ records: [T], known: [String: SourceCitation]? = nil, in transaction: PostgresTransaction) async throws -> [T] {
        let ids = Array(Set(records.flatMap { $0.sources.map(\.id) }))
        guard !ids.isEmpty else { return records }
        var current = known ?? [:]
        if known == nil {
            for row in try await transaction.rows("SELECT id, data FROM record WHERE kind = 'source' AND id = ANY(\(ids))") {
                let (id, data) = try row.decode((String, String).self)
                current[id] = try RecordJSON.decode(SourceCitation.self, from: data)
            }
        }
        return records.map { record in
            var record = record
            record.sources = record.sources.map { current[$0.id] ?? $0 }
            return record
        }
    }

    static func cities(ids: [String], in transaction: PostgresTransaction) async throws -> [String: City] {
        guard !ids.isEmpty else { return [:] }
        let unique = Array(Set(ids))
        var cities: [String: City] = [:]
        for data in try await transaction.values("SELECT data FROM record WHERE kind = 'city' AND id = ANY(\(unique))", as: String.self) {
            let city = try RecordJSON.decode(City.self, from: data)
            cities[city.id] = city
        }
        return cities
    }
}

/// A record that cites sources, which reads give as they are now.
protocol CitingRecord {
    var sources: [SourceCitation] { get set }
}

extension BilateralRelation: CitingRecord {}
extension CityNetwork: CitingRecord {}
extension NetworkMembership: CitingRecord {}
extension InternationalEvent: CitingRecord {}
