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

    /// Stores a dataset, and in the same transaction the countries it needs (added or updated), so
    /// that an import that fails leaves the country table as it was too; tells `progress` how many
    /// of its relations are stored, now and then.
    public func store(
        _ content: DatasetContent, countries: [Country], progress: (@Sendable (_ stored: Int, _ total: Int) -> Void)?
    ) async throws {
        // Keyed before the transaction, on every core: keying the names of an imported dataset's
        // cities one by one inside it took a tenth of the time of a store.
        let searchKeys = content.cities.concurrentMap(CityRow.searchKeys(of:))
        try await write { db in
            // References are checked when the transaction commits, not row by row: a district may
            // come before the city it is part of, as a file names them.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for country in countries {
                try CountryRow(country).upsert(db)
            }
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
            // Bulk inserts rather than record encoding: an imported dataset has tens of thousands
            // of rows, and Codable encoding per row dominated the time of a store.
            let citations = try BulkInsert(db, sql: "INSERT OR IGNORE INTO citation (record_kind, record_id, source_id, position)", columns: 4)
            func cite(_ kind: CitingRecordKind, _ recordID: String, _ sources: [SourceCitation]) throws {
                try storeSources(sources)
                for (position, source) in sources.enumerated() {
                    try citations.append { row in
                        row.bind(kind.rawValue)
                        row.bind(recordID)
                        row.bind(source.id)
                        row.bind(position)
                    }
                }
            }
            try storeSources(content.sources)
            // Parents before children: each table is finished before the rows that refer to it.
            let cities = try BulkInsert(db, sql: """
                INSERT INTO city (id, dataset_id, name_en, name_fa, aliases, country_code, latitude, longitude,
                                  population, geonames_id, wikidata_id, part_of, notes, notes_fa)
                """, columns: 14)
            for city in content.cities {
                try cities.append { row in
                    row.bind(city.id)
                    row.bind(datasetID)
                    row.bind(city.name.en)
                    row.bind(city.name.fa)
                    row.bind(Self.jsonArray(city.aliases))
                    row.bind(city.country.rawValue)
                    row.bind(city.coordinates?.latitude)
                    row.bind(city.coordinates?.longitude)
                    row.bind(city.population)
                    row.bind(city.geonamesID)
                    row.bind(city.wikidataID)
                    row.bind(city.partOf)
                    row.bind(city.notes)
                    row.bind(city.notesFa)
                }
            }
            try cities.finish()
            let names = try BulkInsert(db, sql: "INSERT OR IGNORE INTO city_name (city_id, search_key)", columns: 2)
            for (city, keys) in zip(content.cities, searchKeys) {
                for key in keys {
                    try names.append { row in
                        row.bind(city.id)
                        row.bind(key)
                    }
                }
            }
            try names.finish()
            let relations = try RelationInserter(db)
            for (index, relation) in content.relations.enumerated() {
                if index % 1000 == 0 { progress?(index, content.relations.count) }
                try relations.insert(relation)
                try cite(.relation, relation.id, relation.sources)
            }
            try relations.finish()
            progress?(content.relations.count, content.relations.count)
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
            try citations.finish()
        }
    }

    /// Inserts relations with their themes (not their citations) in bulk; `finish()` inserts
    /// what is still buffered.
    final class RelationInserter {
        private let relations: BulkInsert
        private let themes: BulkInsert
        /// The relations given so far, to name the one a failed insert was about.
        private var ids: [String] = []
        private var kinds: [RelationKind] = []
        private var themesOf: [(id: String, themes: [Theme])] = []

        init(_ db: Database) throws {
            relations = try BulkInsert(db, sql: """
                INSERT INTO relation (id, dataset_id, city_id, partner_id, kind, status, signed, signed_year_min,
                                      signed_year_max, notes, period_placements, position, flags, import_rows, notes_fa)
                """, columns: 15)
            themes = try BulkInsert(db, sql: "INSERT OR IGNORE INTO relation_theme (relation_id, theme, position)", columns: 3)
        }

        func insert(_ relation: BilateralRelation) throws {
            let years = relation.signed?.gregorianYears
            ids.append(relation.id)
            kinds.append(relation.kind)
            if !relation.themes.isEmpty { themesOf.append((relation.id, relation.themes)) }
            try mapFailure { () throws(BulkInsert.Failure) in
                try relations.append { row in
                    row.bind(relation.id)
                    row.bind(relation.datasetID)
                    row.bind(relation.cityID)
                    row.bind(relation.partnerID)
                    row.bind(relation.kind.rawValue)
                    row.bind(relation.status.rawValue)
                    row.bind(relation.signed?.description)
                    row.bind(years?.lowerBound)
                    row.bind(years?.upperBound)
                    row.bind(relation.notes)
                    row.bind(SQLiteRegistry.jsonObject(relation.periodPlacements))
                    row.bind(relation.position)
                    row.bind(SQLiteRegistry.jsonArray(relation.flags.map(\.rawValue)))
                    row.bind("[" + relation.importRows.map(String.init).joined(separator: ",") + "]")
                    row.bind(relation.notesFa)
                }
            }
        }

        /// Inserts the relations still buffered, then their themes.
        func finish() throws {
            try mapFailure { () throws(BulkInsert.Failure) in try relations.finish() }
            for (id, relationThemes) in themesOf {
                for (position, theme) in relationThemes.enumerated() {
                    try themes.append { row in
                        row.bind(id)
                        row.bind(theme.rawValue)
                        row.bind(position)
                    }
                }
            }
            themesOf.removeAll()
            try themes.finish()
        }

        private func mapFailure(_ body: () throws(BulkInsert.Failure) -> Void) throws {
            do {
                try body()
            } catch where [.SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY].contains(error.error.extendedResultCode) {
                throw RegistryError.duplicateRecord(ids[error.row], reason: "the same pair of cities already has a relation of kind \(kinds[error.row]), or the id is used twice")
            } catch {
                throw error.error
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
        for network in content.networks {
            if let whole = network.partOf, !networkIDs.contains(whole) {
                throw RegistryError.danglingReference(record: network.id, field: "part_of", value: whole)
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
