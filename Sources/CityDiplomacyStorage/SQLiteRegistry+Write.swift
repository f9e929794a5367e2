import CityDiplomacyCore
import Foundation
import GRDB

extension SQLiteRegistry {
    public func storeCountries(_ countries: [Country]) async throws {
        try await write { db in
            for country in countries {
                try CountryRow(country).upsert(db)
            }
        }
    }

    public func store(_ content: DatasetContent) async throws {
        // Keyed before the transaction, on every core: keying the names of an imported dataset's
        // cities one by one inside it took a tenth of the time of a store.
        let searchKeys = content.cities.concurrentMap(CityRow.searchKeys(of:))
        try await write { db in
            try Self.checkReferences(of: content, in: db)
            try DatasetRow.deleteOne(db, key: content.dataset.id)
            try DatasetRow(content.dataset, storedAt: Date()).insert(db)
            let datasetID = content.dataset.id
            var storedSources: Set<String> = []
            func storeSources(_ sources: [SourceCitation]) throws {
                for source in sources where storedSources.insert(source.id).inserted {
                    try SourceRow(source, datasetID: datasetID).insert(db)
                }
            }
            let insertCitation = try InsertStatement(db, sql: "INSERT OR IGNORE INTO citation (record_kind, record_id, source_id, position) VALUES (?,?,?,?)")
            func cite(_ kind: CitingRecordKind, _ recordID: String, _ sources: [SourceCitation]) throws {
                try storeSources(sources)
                for (position, source) in sources.enumerated() {
                    try insertCitation.run { values in
                        values.bind(kind.rawValue)
                        values.bind(recordID)
                        values.bind(source.id)
                        values.bind(position)
                    }
                }
            }
            try storeSources(content.sources)
            // Prepared statements rather than record encoding: an imported dataset has tens of
            // thousands of rows, and Codable encoding per row dominated the time of a store.
            let insertCity = try InsertStatement(db, sql: """
                INSERT INTO city (id, dataset_id, name_en, name_fa, aliases, country_code, latitude, longitude,
                                  population, geonames_id, wikidata_id, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
                """)
            let insertName = try InsertStatement(db, sql: "INSERT OR IGNORE INTO city_name (city_id, search_key) VALUES (?, ?)")
            for (city, keys) in zip(content.cities, searchKeys) {
                try insertCity.run { values in
                    values.bind(city.id)
                    values.bind(datasetID)
                    values.bind(city.name.en)
                    values.bind(city.name.fa)
                    values.bind(Self.jsonArray(city.aliases))
                    values.bind(city.country.rawValue)
                    values.bind(city.coordinates?.latitude)
                    values.bind(city.coordinates?.longitude)
                    values.bind(city.population)
                    values.bind(city.geonamesID)
                    values.bind(city.wikidataID)
                    values.bind(city.notes)
                }
                for key in keys {
                    try insertName.run { values in
                        values.bind(city.id)
                        values.bind(key)
                    }
                }
            }
            let relations = try RelationInserter(db)
            for relation in content.relations {
                try relations.insert(relation)
                try cite(.relation, relation.id, relation.sources)
            }
            for network in content.networks {
                try NetworkRow(network).insert(db)
                try cite(.network, network.id, network.sources)
            }
            for membership in content.memberships {
                try MembershipRow(membership).insert(db)
                try cite(.membership, membership.id, membership.sources)
            }
            for event in content.events {
                try EventRow(event).insert(db)
                try cite(.event, event.id, event.sources)
            }
        }
    }

    /// Inserts relations with their themes (not their citations) through prepared statements.
    struct RelationInserter {
        let insertRelation: InsertStatement
        let insertTheme: InsertStatement

        init(_ db: Database) throws {
            insertRelation = try InsertStatement(db, sql: """
                INSERT INTO relation (id, dataset_id, city_id, partner_id, kind, status, signed, signed_year_min,
                                      signed_year_max, notes, period_placements, position, flags, import_rows)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                """)
            insertTheme = try InsertStatement(db, sql: "INSERT OR IGNORE INTO relation_theme (relation_id, theme, position) VALUES (?,?,?)")
        }

        func insert(_ relation: BilateralRelation) throws {
            let years = relation.signed?.gregorianYears
            do {
                try insertRelation.run { values in
                    values.bind(relation.id)
                    values.bind(relation.datasetID)
                    values.bind(relation.cityID)
                    values.bind(relation.partnerID)
                    values.bind(relation.kind.rawValue)
                    values.bind(relation.status.rawValue)
                    values.bind(relation.signed?.description)
                    values.bind(years?.lowerBound)
                    values.bind(years?.upperBound)
                    values.bind(relation.notes)
                    values.bind(SQLiteRegistry.jsonObject(relation.periodPlacements))
                    values.bind(relation.position)
                    values.bind(SQLiteRegistry.jsonArray(relation.flags.map(\.rawValue)))
                    values.bind("[" + relation.importRows.map(String.init).joined(separator: ",") + "]")
                }
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE || error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw RegistryError.duplicateRecord(relation.id, reason: "the same pair of cities already has a relation of kind \(relation.kind), or the id is used twice")
            }
            for (position, theme) in relation.themes.enumerated() {
                try insertTheme.run { values in
                    values.bind(relation.id)
                    values.bind(theme.rawValue)
                    values.bind(position)
                }
            }
        }
    }

    /// A JSON array of strings, as GRDB writes `[String]` columns.
    static func jsonArray(_ values: [String]) -> String {
        "[" + values.map(jsonString).joined(separator: ",") + "]"
    }

    static func jsonObject(_ values: [String: String]) -> String {
        "{" + values.sorted { $0.key < $1.key }.map { jsonString($0.key) + ":" + jsonString($0.value) }.joined(separator: ",") + "}"
    }

    static func jsonString(_ text: String) -> String {
        JSONString.quoted(text)
    }

    /// Checks in Swift what the foreign keys would refuse, so that the message names the record.
    private static func checkReferences(of content: DatasetContent, in db: Database) throws {
        let cityIDs = Set(content.cities.map(\.id))
        let networkIDs = Set(content.networks.map(\.id))
        let countryCodes = try Set(String.fetchAll(db, sql: "SELECT code FROM country"))
        for city in content.cities where !countryCodes.contains(city.country.rawValue) {
            throw RegistryError.danglingReference(record: city.id, field: "country", value: city.country.rawValue)
        }
        for relation in content.relations {
            for (field, id) in [("city", relation.cityID), ("partner", relation.partnerID)] where !cityIDs.contains(id) {
                throw RegistryError.danglingReference(record: relation.id, field: field, value: id)
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
        for event in content.events where !cityIDs.contains(event.cityID) {
            throw RegistryError.danglingReference(record: event.id, field: "city", value: event.cityID)
        }
    }

    public func removeDataset(_ id: String) async throws {
        try await write { db in
            guard try DatasetRow.deleteOne(db, key: id) else {
                let known = try String.fetchAll(db, sql: "SELECT id FROM dataset ORDER BY id")
                throw RegistryError.unknownDataset(id, known: known)
            }
        }
    }
}
