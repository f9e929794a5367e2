import CityDiplomacyCore
import Foundation
import GRDB

/// Single-record edits, each in one transaction with its change-log entry.
extension SQLiteRegistry {
    public func city(id: String) async throws -> City? {
        try await read { db in try RecordReader.cities(db, filter: "id = ?", arguments: [id]).first }
    }

    public func relation(id: String) async throws -> BilateralRelation? {
        try await read { db in try Self.fetchRelations(db, scope: RecordScope(sql: "id = ?", arguments: [id])).first }
    }

    public func membership(id: String) async throws -> NetworkMembership? {
        try await read { db in try Self.fetchMemberships(db, scope: RecordScope(sql: "id = ?", arguments: [id])).first }
    }

    public func event(id: String) async throws -> InternationalEvent? {
        try await read { db in try Self.fetchEvents(db, scope: RecordScope(sql: "id = ?", arguments: [id])).first }
    }

    public func source(id: String) async throws -> (source: SourceCitation, datasetID: String)? {
        try await read { db in
            try SourceRow.fetchOne(db, key: id).map { ($0.source, $0.datasetId) }
        }
    }

    public func revision() async throws -> String {
        try await read { db in try Self.revision(db) }
    }

    /// The registry's revision as `db`'s transaction sees it.
    static func revision(_ db: Database) throws -> String {
        // Asked several times for every page: compiled once per connection.
        try String.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT revision FROM registry_state WHERE one = 1)
                   || '/' || (SELECT count(*) || '/' || coalesce(max(stored_at), '') FROM dataset)
                   || '/' || (SELECT coalesce(max(id), 0) FROM change_log)
            """)) ?? ""
    }

    public func lastChanged(ofDataset id: String) async throws -> Date? {
        try await read { db in
            guard let stored = try Date.fetchOne(db, sql: "SELECT stored_at FROM dataset WHERE id = ?", arguments: [id]) else { return nil }
            let edited = try Date.fetchOne(db, sql: "SELECT max(at) FROM change_log WHERE dataset_id = ?", arguments: [id])
            return max(stored, edited ?? stored)
        }
    }

    public func changes(limit: Int, offset: Int) async throws -> [ChangeEntry] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM change_log ORDER BY id DESC LIMIT ? OFFSET ?", arguments: [limit, offset]).map(Self.changeEntry)
        }
    }

    /// A change-log entry from its row.
    static func changeEntry(_ row: Row) throws -> ChangeEntry {
        try ChangeEntry(id: row.decode(forColumn: "id"), at: row.decode(forColumn: "at"), actor: row.decode(forColumn: "actor"),
                        action: ChangeEntry.Action(rawValue: row.decode(forColumn: "action")) ?? .update,
                        recordKind: row.decode(RecordKind.self, forColumn: "record_kind"), recordID: row.decode(forColumn: "record_id"),
                        datasetID: row.decode(forColumn: "dataset_id"), before: row.decode(forColumn: "before"), after: row.decode(forColumn: "after"))
    }

    public func appendChanges(_ entries: [ChangeEntry]) async throws {
        try await write { db in try Self.append(entries, in: db) }
    }

    /// Adds entries to the change log with their ids, inside the caller's transaction.
    static func append(_ entries: [ChangeEntry], in db: Database) throws {
        for entry in entries {
            try db.execute(sql: """
                INSERT INTO change_log (id, at, actor, action, record_kind, record_id, dataset_id, before, after) VALUES (?,?,?,?,?,?,?,?,?)
                """, arguments: [entry.id, entry.at, entry.actor, entry.action.rawValue, entry.recordKind.rawValue, entry.recordID,
                                 entry.datasetID, entry.before, entry.after])
        }
    }

    public func apply(_ edit: RecordEdit, by actor: String) async throws -> ChangeEntry {
        try await write { db in try Self.applyLogged(edit, by: actor, in: db) }
    }

    public func apply(_ edits: [RecordEdit], by actor: String) async throws -> [ChangeEntry] {
        guard !edits.isEmpty else { return [] }
        return try await write { db in try edits.map { try Self.applyLogged($0, by: actor, in: db) } }
    }

    /// One edit and its change-log entry, inside the caller's transaction.
    private static func applyLogged(_ edit: RecordEdit, by actor: String, in db: Database) throws -> ChangeEntry {
        let (datasetID, before, after) = try apply(edit, in: db)
        let action: ChangeEntry.Action = before == nil ? .create : (after == nil ? .delete : .update)
        let at = Date()
        try db.execute(sql: """
            INSERT INTO change_log (at, actor, action, record_kind, record_id, dataset_id, before, after) VALUES (?,?,?,?,?,?,?,?)
            """, arguments: [at, actor, action.rawValue, edit.recordKind.rawValue, edit.recordID, datasetID, before, after])
        return ChangeEntry(id: Int(db.lastInsertedRowID), at: at, actor: actor, action: action, recordKind: edit.recordKind,
                           recordID: edit.recordID, datasetID: datasetID, before: before, after: after)
    }

    /// Carries out an edit; returns the dataset and the record as JSON before and after.
    private static func apply(_ edit: RecordEdit, in db: Database) throws -> (dataset: String, before: String?, after: String?) {
        switch edit {
        case let .saveRelation(relation): try save(relation, in: db)
        case let .deleteRelation(id): try delete(BilateralRelation.self, id: id, in: db)
        case let .saveMembership(membership): try save(membership, in: db)
        case let .deleteMembership(id): try delete(NetworkMembership.self, id: id, in: db)
        case let .saveEvent(event): try save(event, in: db)
        case let .deleteEvent(id): try delete(InternationalEvent.self, id: id, in: db)
        case let .saveSource(source, datasetID): try saveSource(source, datasetID: datasetID, in: db)
        case let .deleteSource(id): try deleteSource(id: id, in: db)
        case let .saveDocument(document): try saveDocument(document, in: db)
        case let .deleteDocument(id): try deleteDocument(id: id, in: db)
        case let .saveSegment(segment): try saveSegment(segment, in: db)
        case let .deleteSegment(id): try deleteSegment(id: id, in: db)
        }
    }

    /// Saves a relation, membership or event: a new one goes at the end of its dataset, a changed
    /// one keeps its place, and its row and citations are replaced whole.
    static func save<Record: EditableRecord>(_ record: Record, in db: Database) throws -> (dataset: String, before: String?, after: String?) {
        let existing = try Record.fetch(id: record.id, db)
        try checkSameDataset(existing?.datasetID, record.datasetID, id: record.id)
        try record.checkReferences(db)
        try checkSources(record.sources, of: record.id, in: record.datasetID, db)
        var saved = record
        saved.position = try existing?.position ?? nextPosition(in: Record.table, dataset: record.datasetID, db)
        if existing != nil { try remove(Record.table, Record.citingKind, record.id, db) }
        try saved.insertRow(db)
        try cite(Record.citingKind, saved.id, saved.sources, db)
        return (saved.datasetID, try existing.map(json), try json(saved))
    }

    /// Deletes a relation, membership or event with its citations; an unknown id is an error.
    static func delete<Record: EditableRecord>(_: Record.Type, id: String, in db: Database) throws -> (dataset: String, before: String?, after: String?) {
        guard let existing = try Record.fetch(id: id, db) else {
            throw RegistryError.unknownRecord(kind: Record.table, id: id)
        }
        if let attached = Record.attachedKind { try checkNoDocuments(attachedTo: id, kind: attached, db) }
        try remove(Record.table, Record.citingKind, id, db)
        return (existing.datasetID, try json(existing), nil)
    }

    private static func saveSource(_ source: SourceCitation, datasetID: String, in db: Database) throws -> (dataset: String, before: String?, after: String?) {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM dataset WHERE id = ?", arguments: [datasetID]) == true else {
            throw RegistryError.unknownDataset(datasetID, known: try String.fetchAll(db, sql: "SELECT id FROM dataset ORDER BY id"))
        }
        let existing = try SourceRow.fetchOne(db, key: source.id)
        try checkSameDataset(existing?.datasetId, datasetID, id: source.id)
        if existing != nil {
            try SourceRow(source, datasetID: datasetID).update(db)
        } else {
            try SourceRow(source, datasetID: datasetID).insert(db)
        }
        return (datasetID, try existing.map { try json($0.source) }, try json(source))
    }

    /// A source still cited by a record cannot go: the record would lose its evidence.
    private static func deleteSource(id: String, in db: Database) throws -> (dataset: String, before: String?, after: String?) {
        guard let existing = try SourceRow.fetchOne(db, key: id) else { throw RegistryError.unknownRecord(kind: "source", id: id) }
        if let citing = try Row.fetchOne(db, sql: "SELECT record_kind, record_id FROM citation WHERE source_id = ? LIMIT 1", arguments: [id]) {
            let kind: String = citing["record_kind"], record: String = citing["record_id"]
            throw RegistryError.recordInUse(kind: "source", id: id, by: "\(kind) \(record)")
        }
        // Relations that cite their dataset's common source alone have no citation row (schema
        // v16). Once none is left, the source goes, and its naming as the common source first.
        if let relation = try String.fetchOne(db, sql: """
            SELECT r.id FROM dataset_relation_source AS d JOIN relation AS r ON r.dataset_id = d.dataset_id
            WHERE d.source_id = ? AND r.cites_dataset_source ORDER BY r.position LIMIT 1
            """, arguments: [id]) {
            throw RegistryError.recordInUse(kind: "source", id: id, by: "relation \(relation)")
        }
        try db.execute(sql: "DELETE FROM dataset_relation_source WHERE source_id = ?", arguments: [id])
        try SourceRow.deleteOne(db, key: id)
        return (existing.datasetId, try json(existing.source), nil)
    }

    private static func checkSameDataset(_ existing: String?, _ new: String, id: String) throws {
        if let existing, existing != new {
            throw RegistryError.duplicateRecord(id, reason: "the id belongs to a record of dataset '\(existing)'; a record cannot move to '\(new)'")
        }
    }

    private static func checkSources(_ sources: [SourceCitation], of record: String, in datasetID: String, _ db: Database) throws {
        for source in sources {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM source WHERE id = ? AND dataset_id = ?", arguments: [source.id, datasetID]) == true else {
                throw RegistryError.danglingReference(record: record, field: "sources", value: source.id)
            }
        }
    }

    private static func nextPosition(in table: String, dataset: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT coalesce(max(position), -1) + 1 FROM \(table) WHERE dataset_id = ?", arguments: [dataset]) ?? 0
    }

    private static func cite(_ kind: CitingRecordKind, _ id: String, _ sources: [SourceCitation], _ db: Database) throws {
        for (position, source) in sources.enumerated() {
            try db.execute(sql: "INSERT OR IGNORE INTO citation (record_kind, record_id, source_id, position) VALUES (?,?,?,?)",
                           arguments: [kind.rawValue, id, source.id, position])
        }
    }

    /// Deletes a record and its citations (which have no foreign key: one table serves every kind).
    private static func remove(_ table: String, _ kind: CitingRecordKind, _ id: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM citation WHERE record_kind = ? AND record_id = ?", arguments: [kind.rawValue, id])
        try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A change-log entry's kind, stored as its name (`relation`); an unknown name read back is an
/// error, not a guess.
extension RecordKind: DatabaseValueConvertible {}
