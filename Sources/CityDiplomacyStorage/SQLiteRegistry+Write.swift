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
            func cite(_ kind: CitingRecordKind, _ recordID: String, _ sources: [SourceCitation]) throws {
                try storeSources(sources)
                for (position, source) in sources.enumerated() {
                    try CitationRow(recordKind: kind, recordId: recordID, sourceId: source.id, position: position)
                        .insert(db, onConflict: .ignore)
                }
            }
            try storeSources(content.sources)
            for city in content.cities {
                try CityRow(city, datasetID: datasetID).insert(db)
                for key in CityRow.searchKeys(of: city) {
                    try CityNameRow(cityId: city.id, searchKey: key).insert(db)
                }
            }
            for relation in content.relations {
                do {
                    try RelationRow(relation).insert(db)
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE || error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                    throw RegistryError.duplicateRecord(relation.id, reason: "the same pair of cities already has a relation of kind \(relation.kind), or the id is used twice")
                }
                for (position, theme) in relation.themes.enumerated() {
                    try RelationThemeRow(relationId: relation.id, theme: theme.rawValue, position: position).insert(db, onConflict: .ignore)
                }
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
