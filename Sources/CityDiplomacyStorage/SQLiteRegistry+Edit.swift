import CityDiplomacyCore
import Foundation
import GRDB

/// Single-record edits, each in one transaction with its change-log entry.
extension SQLiteRegistry {
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
        try await read { db in
            try String.fetchOne(db, sql: """
                SELECT (SELECT count(*) || '/' || coalesce(max(stored_at), '') FROM dataset)
                       || '/' || (SELECT coalesce(max(id), 0) FROM change_log)
                """) ?? ""
        }
    }

    public func changes(limit: Int, offset: Int) async throws -> [ChangeEntry] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM change_log ORDER BY id DESC LIMIT ? OFFSET ?", arguments: [limit, offset]).map { row in
                ChangeEntry(id: row["id"], at: row["at"], actor: row["actor"], action: ChangeEntry.Action(rawValue: row["action"]) ?? .update,
                            recordKind: row["record_kind"], recordID: row["record_id"], datasetID: row["dataset_id"],
                            before: row["before"], after: row["after"])
            }
        }
    }

    public func apply(_ edit: RecordEdit, by actor: String) async throws -> ChangeEntry {
        try await write { db in
            let (datasetID, before, after) = try Self.apply(edit, in: db)
            let action: ChangeEntry.Action = before == nil ? .create : (after == nil ? .delete : .update)
            let at = Date()
            try db.execute(sql: """
                INSERT INTO change_log (at, actor, action, record_kind, record_id, dataset_id, before, after) VALUES (?,?,?,?,?,?,?,?)
                """, arguments: [at, actor, action.rawValue, edit.recordKind, edit.recordID, datasetID, before, after])
            return ChangeEntry(id: Int(db.lastInsertedRowID), at: at, actor: actor, action: action, recordKind: edit.recordKind,
                               recordID: edit.recordID, datasetID: datasetID, before: before, after: after)
        }
    }

    /// Carries out an edit; returns the dataset and the record as JSON before and after.
    private static func apply(_ edit: RecordEdit, in db: Database) throws -> (dataset: String, before: String?, after: String?) {
        switch edit {
        case let .saveRelation(relation):
            let existing = try fetchRelations(db, scope: RecordScope(sql: "id = ?", arguments: [relation.id])).first
            try checkSameDataset(existing?.datasetID, relation.datasetID, id: relation.id)
            try checkCities([("city", relation.cityID), ("partner", relation.partnerID)], of: relation.id, in: relation.datasetID, db)
            try checkSources(relation.sources, of: relation.id, in: relation.datasetID, db)
            var record = relation
            record.position = try existing?.position ?? nextPosition(in: "relation", dataset: relation.datasetID, db)
            if existing != nil { try removeRelation(relation.id, db) }
            let inserter = try RelationInserter(db)
            try inserter.insert(record)
            try inserter.finish()
            try cite(.relation, record.id, record.sources, db)
            return (record.datasetID, try existing.map(json), try json(record))
        case let .deleteRelation(id):
            guard let existing = try fetchRelations(db, scope: RecordScope(sql: "id = ?", arguments: [id])).first else {
                throw RegistryError.unknownRecord(kind: "relation", id: id)
            }
            try removeRelation(id, db)
            return (existing.datasetID, try json(existing), nil)
        case let .saveMembership(membership):
            let existing = try fetchMemberships(db, scope: RecordScope(sql: "id = ?", arguments: [membership.id])).first
            try checkSameDataset(existing?.datasetID, membership.datasetID, id: membership.id)
            try checkCities([("city", membership.cityID)], of: membership.id, in: membership.datasetID, db)
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM network WHERE id = ? AND dataset_id = ?", arguments: [membership.networkID, membership.datasetID]) == true else {
                throw RegistryError.danglingReference(record: membership.id, field: "network", value: membership.networkID)
            }
            try checkSources(membership.sources, of: membership.id, in: membership.datasetID, db)
            var record = membership
            record.position = try existing?.position ?? nextPosition(in: "membership", dataset: membership.datasetID, db)
            if existing != nil { try remove("membership", .membership, membership.id, db) }
            do {
                try MembershipRow(record).insert(db)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw RegistryError.duplicateRecord(record.id, reason: "the city is already a member of this network")
            }
            try cite(.membership, record.id, record.sources, db)
            return (record.datasetID, try existing.map(json), try json(record))
        case let .deleteMembership(id):
            guard let existing = try fetchMemberships(db, scope: RecordScope(sql: "id = ?", arguments: [id])).first else {
                throw RegistryError.unknownRecord(kind: "membership", id: id)
            }
            try remove("membership", .membership, id, db)
            return (existing.datasetID, try json(existing), nil)
        case let .saveEvent(event):
            let existing = try fetchEvents(db, scope: RecordScope(sql: "id = ?", arguments: [event.id])).first
            try checkSameDataset(existing?.datasetID, event.datasetID, id: event.id)
            try checkCities([("city", event.cityID)], of: event.id, in: event.datasetID, db)
            try checkSources(event.sources, of: event.id, in: event.datasetID, db)
            var record = event
            record.position = try existing?.position ?? nextPosition(in: "event", dataset: event.datasetID, db)
            if existing != nil { try remove("event", .event, event.id, db) }
            try EventRow(record).insert(db)
            try cite(.event, record.id, record.sources, db)
            return (record.datasetID, try existing.map(json), try json(record))
        case let .deleteEvent(id):
            guard let existing = try fetchEvents(db, scope: RecordScope(sql: "id = ?", arguments: [id])).first else {
                throw RegistryError.unknownRecord(kind: "event", id: id)
            }
            try remove("event", .event, id, db)
            return (existing.datasetID, try json(existing), nil)
        case let .saveSource(source, datasetID):
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
        case let .deleteSource(id):
            guard let existing = try SourceRow.fetchOne(db, key: id) else { throw RegistryError.unknownRecord(kind: "source", id: id) }
            if let citing = try Row.fetchOne(db, sql: "SELECT record_kind, record_id FROM citation WHERE source_id = ? LIMIT 1", arguments: [id]) {
                let kind: String = citing["record_kind"], record: String = citing["record_id"]
                throw RegistryError.recordInUse(kind: "source", id: id, by: "\(kind) \(record)")
            }
            try SourceRow.deleteOne(db, key: id)
            return (existing.datasetId, try json(existing.source), nil)
        }
    }

    private static func checkSameDataset(_ existing: String?, _ new: String, id: String) throws {
        if let existing, existing != new {
            throw RegistryError.duplicateRecord(id, reason: "the id belongs to a record of dataset '\(existing)'; a record cannot move to '\(new)'")
        }
    }

    private static func checkCities(_ references: [(field: String, id: String)], of record: String, in datasetID: String, _ db: Database) throws {
        for (field, id) in references {
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM city WHERE id = ? AND dataset_id = ?", arguments: [id, datasetID]) == true else {
                throw RegistryError.danglingReference(record: record, field: field, value: id)
            }
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

    private static func removeRelation(_ id: String, _ db: Database) throws {
        try remove("relation", .relation, id, db)
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
