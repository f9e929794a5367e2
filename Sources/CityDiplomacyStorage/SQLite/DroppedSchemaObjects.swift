import GRDB

/// Indexes or triggers dropped inside a transaction, with the SQL SQLite keeps for them, so that
/// they are made again exactly as the migrations defined them. Dropped and made again in one
/// transaction, they are never missing for another connection: a rollback brings them back.
struct DroppedSchemaObjects {
    /// Each object dropped, in the order it was made.
    private(set) var dropped: [(name: String, sql: String)] = []

    /// Drops those of the objects of `type` (`index`, `trigger`) named `names` that exist and
    /// were made by a statement of their own (not the indexes of constraints).
    static func drop(_ type: String, named names: [String], in db: Database) throws -> DroppedSchemaObjects {
        // Outside a transaction, a failure before they are made again would leave them dropped
        // for good: a missing trigger would let records hashes go stale.
        precondition(db.isInsideTransaction, "schema objects are dropped for a while only inside a transaction")
        var objects = DroppedSchemaObjects()
        let placeholders = names.map { _ in "?" }.joined(separator: ",")
        for row in try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL AND name IN (\(placeholders)) ORDER BY rowid
            """, arguments: StatementArguments([type] + names)) {
            let name: String = row["name"], sql: String = row["sql"]
            try db.execute(sql: "DROP \(type.uppercased()) \(name.quotedDatabaseIdentifier)")
            objects.dropped.append((name, sql))
        }
        return objects
    }

    /// Makes the dropped objects again, in the order they were made.
    func restore(in db: Database) throws {
        for object in dropped { try db.execute(sql: object.sql) }
    }
}
