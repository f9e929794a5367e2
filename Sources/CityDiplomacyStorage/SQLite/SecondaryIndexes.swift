import GRDB

/// Secondary indexes dropped before a bulk insert and made again after it, in the same
/// transaction.
///
/// SQLite inserts each row into every index of its table as it comes. Where the rows come in the
/// order of an index's keys (a dataset's relations by position, its cities by dataset) each goes
/// at the end of the index; where their keys come in no order (a relation's cities, a name's
/// search key) each goes to a random place in a B-tree that soon outgrows the page cache, whose
/// pages then spill into the WAL and are read back and written again. Measured on the
/// 1,000,000-row synthetic file, its rows copied table to table by `INSERT … SELECT` (so without
/// any Swift): 50 s of CPU with every index in place, 29 s with the indexes dropped and made again
/// afterwards, by sorting. The indexes are made again from the SQL SQLite keeps for them, so they
/// come back exactly as the migrations defined them; a unique index made again fails if the rows
/// break it, and the transaction with it. Indexes of constraints (primary keys, UNIQUE) cannot be
/// dropped and stay.
struct SecondaryIndexes {
    /// The indexes whose keys an import gives in no order: the store drops these.
    static let unordered = ["relation_on_unordered_pair", "relation_on_city", "relation_on_partner", "city_name_on_search_key", "city_on_country"]

    private var dropped: [(name: String, sql: String)] = []

    /// Drops those of the indexes `names` that exist and were made by `CREATE INDEX`.
    static func drop(_ names: [String], in db: Database) throws -> SecondaryIndexes {
        var indexes = SecondaryIndexes()
        let placeholders = names.map { _ in "?" }.joined(separator: ",")
        for row in try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name IN (\(placeholders)) ORDER BY rowid
            """, arguments: StatementArguments(names)) {
            let name: String = row["name"], sql: String = row["sql"]
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
            indexes.dropped.append((name, sql))
        }
        return indexes
    }

    /// Makes the dropped indexes again, in the order they were made.
    func recreate(in db: Database) throws {
        for index in dropped { try db.execute(sql: index.sql) }
    }
}
