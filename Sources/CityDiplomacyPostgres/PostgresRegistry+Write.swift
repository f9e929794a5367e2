import CityDiplomacyCore
import Foundation
import PostgresNIO

extension PostgresRegistry {
    public func storeCountries(_ countries: [Country]) async throws {
        try await write { transaction in try await Self.upsert(countries, in: transaction) }
    }

    static func upsert(_ countries: [Country], in transaction: PostgresTransaction) async throws {
        for country in countries {
            let record = try RecordJSON.encode(country)
            try await transaction.execute("""
                INSERT INTO country (code, record) VALUES (\(country.code.rawValue), \(record))
                ON CONFLICT (code) DO UPDATE SET record = excluded.record
                """)
        }
    }

    /// Stores a dataset in one transaction: the countries, then the dataset's row and every
    /// record, after checking what the SQLite registry's foreign keys and unique indexes check,
    /// with the same errors. With `existing: .refuse`, a dataset of this id — looked for under
    /// the registry's write lock — fails the store.
    public func store(
        _ content: DatasetContent, countries: [Country], existing: ExistingDataset, importReport: Eventual<String>?,
        progress: (@Sendable (_ stored: Int, _ total: Int) -> Void)?
    ) async throws {
        var prepared = try PreparedDataset(content)
        if importReport != nil { prepared.report = nil }
        let datasetID = content.dataset.id
        try await write { transaction in
            // The report, if still to be encoded, is encoded from now on, beside the server's
            // writing (once the rows are prepared, as the SQLite registry does).
            importReport?.start()
            let present = try await transaction.value("SELECT 1 FROM dataset WHERE id = \(datasetID)", as: Int32.self) != nil
            if present, existing == .refuse { throw RegistryError.datasetExists(datasetID) }
            try await Self.upsert(countries, in: transaction)
            try await Self.store(prepared, storedAt: Date(), progress: progress, in: transaction)
            // A report still being encoded when the store began goes in last, in the same transaction.
            if let importReport {
                let report = await importReport.asyncValue
                try await transaction.execute("UPDATE dataset SET import_report = \(report) WHERE id = \(datasetID)")
            }
        }
    }

    /// A dataset checked and turned into rows before its transaction.
    struct PreparedDataset: Sendable {
        var content: DatasetContent
        var rows: (sources: [RecordRow], cities: [RecordRow], relations: [RecordRow], others: [RecordRow], documents: [RecordRow])
        /// The dataset's own row: its record without the import report, kept in a column of its own.
        var record: String
        var report: String?

        init(_ content: DatasetContent) throws {
            try PostgresRegistry.checkIdentities(of: content.relations)
            self.content = content
            rows = try PostgresRegistry.rows(of: content)
            var dataset = content.dataset
            report = dataset.importReport
            dataset.importReport = nil
            record = try RecordJSON.encode(dataset)
        }
    }

    /// Stores a dataset inside the caller's transaction, replacing any of its id, as stored at
    /// `storedAt`: now, or for a copy, when the source stored it.
    static func store(
        _ prepared: PreparedDataset, storedAt: Date, progress: (@Sendable (_ stored: Int, _ total: Int) -> Void)?, in transaction: PostgresTransaction
    ) async throws {
        let content = prepared.content, rows = prepared.rows
        let datasetID = content.dataset.id
        try await checkReferences(of: content, in: transaction)
        try content.checkDocuments()
        try await transaction.execute("DELETE FROM dataset WHERE id = \(datasetID)")
        try await transaction.execute("""
            INSERT INTO dataset (id, record, import_report, stored_at) VALUES (\(datasetID), \(prepared.record), \(prepared.report), \(storedAt))
            """)
        do {
            try await RecordRow.insert(rows.sources + rows.cities, in: transaction)
            progress?(0, content.relations.count)
            try await RecordRow.insert(rows.relations, in: transaction)
            progress?(content.relations.count, content.relations.count)
            try await RecordRow.insert(rows.others, in: transaction)
            try await RecordRow.insert(rows.documents, in: transaction)
        } catch where sqlState(error) == "23505" {
            throw RegistryError.duplicateRecord(datasetID, reason: reason(error))
        }
        try await insertSearchKeys(of: content.cities, datasetID: datasetID, in: transaction)
    }

    /// The rows of a dataset's records. Sources come first as listed, then those its records
    /// cite without listing, in the order first cited (relations, networks, memberships, events),
    /// as the SQLite registry stores them.
    static func rows(of content: DatasetContent) throws -> (sources: [RecordRow], cities: [RecordRow], relations: [RecordRow], others: [RecordRow], documents: [RecordRow]) {
        let datasetID = content.dataset.id
        var seen: Set<String> = []
        var sources: [RecordRow] = []
        func add(_ list: [SourceCitation]) throws {
            for source in list where seen.insert(source.id).inserted {
                sources.append(try RecordRow(source, datasetID: datasetID, position: sources.count))
            }
        }
        try add(content.sources)
        for relation in content.relations { try add(relation.sources) }
        for network in content.networks { try add(network.sources) }
        for membership in content.memberships { try add(membership.sources) }
        for event in content.events { try add(event.sources) }
        let cities = try content.cities.enumerated().map { try RecordRow($1, datasetID: datasetID, position: $0) }
        let relations = try content.relations.map(RecordRow.init)
        let others = try content.networks.map(RecordRow.init) + content.memberships.map(RecordRow.init) + content.events.map(RecordRow.init)
        // Documents and segments in the dataset's order, their positions their indexes, as SQLite stores them.
        var documents = try content.documents.enumerated().map { position, document in
            var stored = document
            stored.position = position
            return try RecordRow(stored)
        }
        documents += try content.segments.enumerated().map { position, segment in
            var stored = segment
            stored.position = position
            return try RecordRow(stored)
        }
        return (sources, cities, relations, others, documents)
    }

    /// The keys a name search finds each city by: its names and aliases, and its local id.
    static func insertSearchKeys(of cities: [City], datasetID: String, in transaction: PostgresTransaction) async throws {
        var pairs: [(String, String)] = []
        for city in cities {
            let idKey = RecordID(city.id)?.local ?? city.id
            for key in Set((city.allNames + [idKey]).map(PersianText.searchKey).filter { !$0.isEmpty }).sorted() {
                pairs.append((city.id, key))
            }
        }
        for start in stride(from: 0, to: pairs.count, by: 20_000) {
            let chunk = pairs[start..<min(start + 20_000, pairs.count)]
            var builder = SQLBuilder(sql: "INSERT INTO city_name (city_id, search_key, dataset_id) VALUES ")
            let dataset = builder.bind(datasetID)
            builder.sql += chunk.map { pair in
                "(" + builder.bind(pair.0) + "," + builder.bind(pair.1) + "," + dataset + ")"
            }.joined(separator: ",")
            builder.sql += " ON CONFLICT DO NOTHING"
            try await transaction.execute(builder.query)
        }
    }

    /// Two relations with one id, or of one unordered pair of cities and kind: the second, in the
    /// dataset's order, is named.
    static func checkIdentities(of relations: [BilateralRelation]) throws {
        struct Pair: Hashable { var low, high, kind: String }
        var ids: Set<String> = [], pairs: Set<Pair> = []
        for relation in relations {
            let (low, high) = Array(relation.partnerID.utf8).lexicographicallyPrecedes(Array(relation.cityID.utf8))
                ? (relation.partnerID, relation.cityID) : (relation.cityID, relation.partnerID)
            guard ids.insert(relation.id).inserted, pairs.insert(Pair(low: low, high: high, kind: relation.kind.rawValue)).inserted else {
                throw RegistryError.duplicateRecord(relation.id, reason: "the same pair of cities already has a relation of kind \(relation.kind), or the id is used twice")
            }
        }
    }

    /// What the SQLite registry's foreign keys refuse, named record by record as it names them.
    private static func checkReferences(of content: DatasetContent, in transaction: PostgresTransaction) async throws {
        let cityIDs = Set(content.cities.map(\.id))
        let networkIDs = Set(content.networks.map(\.id))
        let countryCodes = Set(try await transaction.values("SELECT code FROM country", as: String.self))
        for city in content.cities where !countryCodes.contains(city.country.rawValue) {
            throw RegistryError.danglingReference(record: city.id, field: "country", value: city.country.rawValue)
        }
        for relation in content.relations {
            if !cityIDs.contains(relation.cityID) {
                throw RegistryError.danglingReference(record: relation.id, field: "city", value: relation.cityID)
            }
            if !cityIDs.contains(relation.partnerID) {
                throw RegistryError.danglingReference(record: relation.id, field: "partner", value: relation.partnerID)
            }
        }
        for membership in content.memberships {
            if !cityIDs.contains(membership.cityID) {
                throw RegistryError.danglingReference(record: membership.id, field: "city", value: membership.cityID)
            }
            if !networkIDs.contains(membership.networkID) {
                throw RegistryError.danglingReference(record: membership.id, field: "network", value: membership.networkID)
            }
        }
        for network in content.networks {
            if let whole = network.partOf, !networkIDs.contains(whole) {
                throw RegistryError.danglingReference(record: network.id, field: "part_of", value: whole)
            }
        }
        for event in content.events where !cityIDs.contains(event.cityID) {
            throw RegistryError.danglingReference(record: event.id, field: "city", value: event.cityID)
        }
        let datasetID = content.dataset.id
        func checkDataset(_ record: String, _ dataset: String) throws {
            if dataset != datasetID { throw RegistryError.danglingReference(record: record, field: "dataset", value: dataset) }
        }
        for relation in content.relations { try checkDataset(relation.id, relation.datasetID) }
        for network in content.networks { try checkDataset(network.id, network.datasetID) }
        for membership in content.memberships { try checkDataset(membership.id, membership.datasetID) }
        for event in content.events { try checkDataset(event.id, event.datasetID) }
        for city in content.cities {
            guard let whole = city.partOf, !cityIDs.contains(whole) else { continue }
            let stored = try await transaction.value(
                "SELECT 1 FROM record WHERE kind = 'city' AND id = \(whole) AND dataset_id <> \(datasetID)", as: Int32.self)
            if stored == nil { throw RegistryError.danglingReference(record: city.id, field: "part_of", value: whole) }
        }
    }

    public func removeDataset(_ id: String) async throws {
        try await write { transaction in
            let removed = try await transaction.values("DELETE FROM dataset WHERE id = \(id) RETURNING id", as: String.self)
            if removed.isEmpty {
                throw RegistryError.unknownDataset(id, known: try await transaction.values("SELECT id FROM dataset ORDER BY id", as: String.self))
            }
        }
    }
}
