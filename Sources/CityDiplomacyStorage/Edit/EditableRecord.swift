import CityDiplomacyCore
import GRDB

/// A kind of record that one edit saves or deletes by itself — a relation, a membership, an event —
/// and what the registry must know to do so: its table, how to read one, which references to check
/// and how to insert it.
///
/// Saving is the same for every such kind (check the dataset, the references and the sources, keep
/// the record's position, replace the old row, cite the sources), so it is written once, in
/// ``SQLiteRegistry`` `save(_:in:)`, over this protocol:
///
/// ```swift
/// let (before, after) = try SQLiteRegistry.save(relation, in: db)
/// let removed = try SQLiteRegistry.delete(BilateralRelation.self, id: relation.id, in: db)
/// ```
protocol EditableRecord: Encodable {
    /// The table, which is also the record kind the change log and the citations name.
    static var citingKind: CitingRecordKind { get }
    var id: String { get }
    var datasetID: String { get }
    var sources: [SourceCitation] { get }
    var position: Int { get set }

    /// The record with this id, or `nil`.
    static func fetch(id: String, _ db: Database) throws -> Self?
    /// Throws ``RegistryError/danglingReference(record:field:value:)`` for a city or network the
    /// record's dataset lacks.
    func checkReferences(_ db: Database) throws
    /// Inserts the row (and what belongs to it, not its citations).
    func insertRow(_ db: Database) throws
}

extension EditableRecord {
    static var table: String { citingKind.rawValue }

    /// The kind of record a document names when attached to one of these.
    static var attachedKind: RecordReference.Kind? { RecordReference.Kind(rawValue: citingKind.rawValue) }

    /// The cities a record names must be cities of its own dataset.
    static func checkCities(_ references: [(field: String, id: String)], of record: String, in datasetID: String, _ db: Database) throws {
        for (field, id) in references {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM city WHERE id = ? AND dataset_id = ?", arguments: [id, datasetID]) == true else {
                throw RegistryError.danglingReference(record: record, field: field, value: id)
            }
        }
    }
}

extension BilateralRelation: EditableRecord {
    static var citingKind: CitingRecordKind { .relation }

    static func fetch(id: String, _ db: Database) throws -> Self? {
        try SQLiteRegistry.fetchRelations(db, scope: RecordScope(sql: "id = ?", arguments: [id])).first
    }

    func checkReferences(_ db: Database) throws {
        try Self.checkCities([("city", cityID), ("partner", partnerID)], of: id, in: datasetID, db)
    }

    func insertRow(_ db: Database) throws {
        // The bulk inserter, for one row: it is what maps a clash of pairs to a typed error.
        let inserter = try SQLiteRegistry.RelationInserter(db)
        try inserter.insert(self)
        try inserter.finish()
    }
}

extension NetworkMembership: EditableRecord {
    static var citingKind: CitingRecordKind { .membership }

    static func fetch(id: String, _ db: Database) throws -> Self? {
        try SQLiteRegistry.fetchMemberships(db, scope: RecordScope(sql: "id = ?", arguments: [id])).first
    }

    func checkReferences(_ db: Database) throws {
        try Self.checkCities([("city", cityID)], of: id, in: datasetID, db)
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM network WHERE id = ? AND dataset_id = ?", arguments: [networkID, datasetID]) == true else {
            throw RegistryError.danglingReference(record: id, field: "network", value: networkID)
        }
    }

    func insertRow(_ db: Database) throws {
        do {
            try MembershipRow(self).insert(db)
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw RegistryError.duplicateRecord(id, reason: "the city is already a member of this network")
        }
    }
}

extension InternationalEvent: EditableRecord {
    static var citingKind: CitingRecordKind { .event }

    static func fetch(id: String, _ db: Database) throws -> Self? {
        try SQLiteRegistry.fetchEvents(db, scope: RecordScope(sql: "id = ?", arguments: [id])).first
    }

    func checkReferences(_ db: Database) throws {
        try Self.checkCities([("city", cityID)], of: id, in: datasetID, db)
    }

    func insertRow(_ db: Database) throws {
        try EventRow(self).insert(db)
    }
}
