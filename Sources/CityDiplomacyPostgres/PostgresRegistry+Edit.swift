import CityDiplomacyCore
import Foundation
import PostgresNIO

/// Single-record edits, each in one transaction with its change-log entry, checked as the SQLite
/// registry checks them and refused with the same errors.
extension PostgresRegistry {
    public func apply(_ edit: RecordEdit, by actor: String) async throws -> ChangeEntry {
        try await write { transaction in try await Self.applyLogged(edit, by: actor, in: transaction) }
    }

    public func apply(_ edits: [RecordEdit], by actor: String) async throws -> [ChangeEntry] {
        guard !edits.isEmpty else { return [] }
        return try await write { transaction in
            var entries: [ChangeEntry] = []
            for edit in edits { entries.append(try await Self.applyLogged(edit, by: actor, in: transaction)) }
            return entries
        }
    }

    /// One edit and its change-log entry, inside the caller's transaction.
    private static func applyLogged(_ edit: RecordEdit, by actor: String, in transaction: PostgresTransaction) async throws -> ChangeEntry {
        let (datasetID, before, after) = try await Self.apply(edit, in: transaction)
        let action: ChangeEntry.Action = before == nil ? .create : (after == nil ? .delete : .update)
        let at = Date()
        let kind = edit.recordKind.rawValue, recordID = edit.recordID
        let id = try await transaction.value("""
            INSERT INTO change_log (at, actor, action, record_kind, record_id, dataset_id, before, after)
            VALUES (\(at), \(actor), \(action.rawValue), \(kind), \(recordID), \(datasetID), \(before), \(after)) RETURNING id
            """, as: Int64.self) ?? 0
        return ChangeEntry(id: Int(id), at: at, actor: actor, action: action, recordKind: edit.recordKind,
                           recordID: recordID, datasetID: datasetID, before: before, after: after)
    }

    public func appendChanges(_ entries: [ChangeEntry]) async throws {
        guard !entries.isEmpty else { return }
        try await write { transaction in try await Self.append(entries, in: transaction) }
    }

    /// Adds entries to the change log with their ids, inside the caller's transaction.
    static func append(_ entries: [ChangeEntry], in transaction: PostgresTransaction) async throws {
        guard !entries.isEmpty else { return }
        for entry in entries {
            let (id, action, kind) = (Int64(entry.id), entry.action.rawValue, entry.recordKind.rawValue)
            try await transaction.execute("""
                INSERT INTO change_log (id, at, actor, action, record_kind, record_id, dataset_id, before, after)
                VALUES (\(id), \(entry.at), \(entry.actor), \(action), \(kind), \(entry.recordID), \(entry.datasetID), \(entry.before), \(entry.after))
                """)
        }
        // The next edit's entry follows the last id written.
        try await transaction.execute("SELECT setval(pg_get_serial_sequence('change_log', 'id'), (SELECT max(id) FROM change_log))")
    }

    private static func apply(_ edit: RecordEdit, in transaction: PostgresTransaction) async throws -> (dataset: String, before: String?, after: String?) {
        switch edit {
        case let .saveRelation(relation):
            try await checkCities([("city", relation.cityID), ("partner", relation.partnerID)], of: relation.id, in: relation.datasetID, transaction)
            return try await save(relation, kind: .relation, row: RecordRow.init, in: transaction)
        case let .deleteRelation(id): return try await delete(BilateralRelation.self, kind: .relation, id: id, in: transaction)
        case let .saveMembership(membership):
            try await checkCities([("city", membership.cityID)], of: membership.id, in: membership.datasetID, transaction)
            let network = try await transaction.value(
                "SELECT 1 FROM record WHERE kind = 'network' AND id = \(membership.networkID) AND dataset_id = \(membership.datasetID)", as: Int32.self)
            if network == nil { throw RegistryError.danglingReference(record: membership.id, field: "network", value: membership.networkID) }
            return try await save(membership, kind: .membership, row: RecordRow.init, in: transaction)
        case let .deleteMembership(id): return try await delete(NetworkMembership.self, kind: .membership, id: id, in: transaction)
        case let .saveEvent(event):
            try await checkCities([("city", event.cityID)], of: event.id, in: event.datasetID, transaction)
            return try await save(event, kind: .event, row: RecordRow.init, in: transaction)
        case let .deleteEvent(id): return try await delete(InternationalEvent.self, kind: .event, id: id, in: transaction)
        case let .saveSource(source, datasetID): return try await saveSource(source, datasetID: datasetID, in: transaction)
        case let .deleteSource(id): return try await deleteSource(id: id, in: transaction)
        case let .saveDocument(document): return try await saveDocument(document, in: transaction)
        case let .deleteDocument(id): return try await deleteDocument(id: id, in: transaction)
        case let .saveSegment(segment): return try await saveSegment(segment, in: transaction)
        case let .deleteSegment(id): return try await deleteSegment(id: id, in: transaction)
        }
    }

    private static func checkCities(_ references: [(field: String, id: String)], of record: String, in datasetID: String, _ transaction: PostgresTransaction) async throws {
        for (field, id) in references {
            let found = try await transaction.value("SELECT 1 FROM record WHERE kind = 'city' AND id = \(id) AND dataset_id = \(datasetID)", as: Int32.self)
            if found == nil { throw RegistryError.danglingReference(record: record, field: field, value: id) }
        }
    }

    /// Saves a relation, membership or event: a new one goes at the end of its dataset, a changed
    /// one keeps its place; returns the dataset and the record as JSON before and after.
    private static func save<Record: EditedRecord>(
        _ record: Record, kind: RecordRow.Kind, row: (Record) throws -> RecordRow, in transaction: PostgresTransaction
    ) async throws -> (dataset: String, before: String?, after: String?) {
        let existing = try await cited(kind, as: Record.self, where: "id = $1", [record.id], in: transaction).first
        try checkSameDataset(existing?.datasetID, record.datasetID, id: record.id)
        for source in record.sources {
            let found = try await transaction.value(
                "SELECT 1 FROM record WHERE kind = 'source' AND id = \(source.id) AND dataset_id = \(record.datasetID)", as: Int32.self)
            if found == nil { throw RegistryError.danglingReference(record: record.id, field: "sources", value: source.id) }
        }
        var saved = record
        if let existing {
            saved.position = existing.position
        } else {
            let last = try await transaction.value(
                "SELECT max(position) FROM record WHERE kind = \(kind.rawValue) AND dataset_id = \(record.datasetID)", as: Int64?.self) ?? nil
            saved.position = Int(last ?? -1) + 1
        }
        do {
            try await RecordRow.insert([try row(saved)], replacing: true, in: transaction)
        } catch where sqlState(error) == "23505" {
            throw RegistryError.duplicateRecord(record.id, reason: "the same pair of cities already has a relation of kind \((record as? BilateralRelation)?.kind.rawValue ?? kind.rawValue), or the id is used twice")
        }
        return (saved.datasetID, try existing.map { existing in try RecordJSON.encode(existing) }, try RecordJSON.encode(saved))
    }

    private static func delete<Record: EditedRecord>(_: Record.Type, kind: RecordRow.Kind, id: String, in transaction: PostgresTransaction) async throws -> (dataset: String, before: String?, after: String?) {
        guard let existing = try await cited(kind, as: Record.self, where: "id = $1", [id], in: transaction).first else {
            throw RegistryError.unknownRecord(kind: kind.rawValue, id: id)
        }
        try await checkNoDocuments(attachedTo: id, kind: kind.rawValue, in: transaction)
        try await transaction.execute("DELETE FROM record WHERE kind = \(kind.rawValue) AND id = \(id)")
        return (existing.datasetID, try RecordJSON.encode(existing), nil)
    }

    private static func saveSource(_ source: SourceCitation, datasetID: String, in transaction: PostgresTransaction) async throws -> (dataset: String, before: String?, after: String?) {
        guard try await transaction.value("SELECT 1 FROM dataset WHERE id = \(datasetID)", as: Int32.self) != nil else {
            throw RegistryError.unknownDataset(datasetID, known: try await transaction.values("SELECT id FROM dataset ORDER BY id", as: String.self))
        }
        let existing = try await transaction.rows("SELECT data, dataset_id, position FROM record WHERE kind = 'source' AND id = \(source.id)").first
            .map { try $0.decode((String, String, Int64).self) }
        try checkSameDataset(existing?.1, datasetID, id: source.id)
        let position: Int64
        if let existing {
            position = existing.2
        } else {
            let last = try await transaction.value("SELECT max(position) FROM record WHERE kind = 'source' AND dataset_id = \(datasetID)", as: Int64?.self) ?? nil
            position = (last ?? -1) + 1
        }
        try await RecordRow.insert([try RecordRow(source, datasetID: datasetID, position: Int(position))], replacing: true, in: transaction)
        let before = try existing.map { try RecordJSON.encode(RecordJSON.decode(SourceCitation.self, from: $0.0)) }
        return (datasetID, before, try RecordJSON.encode(source))
    }

    /// A source still cited by a record cannot go: the record would lose its evidence.
    private static func deleteSource(id: String, in transaction: PostgresTransaction) async throws -> (dataset: String, before: String?, after: String?) {
        guard let existing = try await transaction.rows("SELECT data, dataset_id FROM record WHERE kind = 'source' AND id = \(id)").first
            .map({ try $0.decode((String, String).self) })
        else { throw RegistryError.unknownRecord(kind: "source", id: id) }
        if let citing = try await transaction.rows("""
            SELECT kind, id FROM record WHERE kind <> 'source' AND dataset_id = \(existing.1)
            AND data::jsonb -> 'sources' @> jsonb_build_array(jsonb_build_object('id', \(id)::text)) LIMIT 1
            """).first {
            let (kind, record) = try citing.decode((String, String).self)
            throw RegistryError.recordInUse(kind: "source", id: id, by: "\(kind) \(record)")
        }
        try await transaction.execute("DELETE FROM record WHERE kind = 'source' AND id = \(id)")
        return (existing.1, try RecordJSON.encode(RecordJSON.decode(SourceCitation.self, from: existing.0)), nil)
    }

    private static func checkSameDataset(_ existing: String?, _ new: String, id: String) throws {
        if let existing, existing != new {
            throw RegistryError.duplicateRecord(id, reason: "the id belongs to a record of dataset '\(existing)'; a record cannot move to '\(new)'")
        }
    }
}

/// A relation, membership or event, as an edit saves or deletes it.
protocol EditedRecord: Codable, CitingRecord {
    var id: String { get }
    var datasetID: String { get }
    var position: Int { get set }
}

extension BilateralRelation: EditedRecord {}
extension NetworkMembership: EditedRecord {}
extension InternationalEvent: EditedRecord {}
