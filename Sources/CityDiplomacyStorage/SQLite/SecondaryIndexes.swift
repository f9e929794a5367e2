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
    ///
    /// SQLite sorts each index's keys before writing it, on one thread while they fit in the page
    /// cache; with a small cache it sorts them in runs, and with worker threads (`PRAGMA threads`)
    /// sorts and merges the runs on the other cores — but only with its temporary files on disk:
    /// with `temp_store = MEMORY`, as the registry otherwise keeps it, it uses no worker threads.
    /// Measured with the `sqlite3` shell on the 1,000,000-row synthetic database, the relations'
    /// four indexes: 3.9 s with a cache of 128 MB, with or without threads; 5.2 s with 8 MB, four
    /// threads and temporary files in memory; 2.7–2.9 s with 8 MB, two or four threads and
    /// temporary files (which the system's file cache mostly keeps in memory).
    ///
    /// The sort's temporary files need space where SQLite keeps them (`SQLITE_TMPDIR`, `TMPDIR`,
    /// `/var/tmp`, `/usr/tmp`, `/tmp`, the working folder): about 34 MB for 250,000 relations and
    /// 92 MB for a million. Where it cannot open or fill them (no writable folder, a small
    /// `tmpfs`), an index is made again as before, sorted in memory on one core, rather than the
    /// import failing for want of space it did not need before.
    func recreate(in db: Database) throws {
        guard !dropped.isEmpty else { return }
        let sortOnDisk = try PragmaSettings.change(["cache_size": "-8192", "temp_store": "FILE", "threads": "4"], in: db)
        defer { try? sortOnDisk.restore(in: db) }
        var onDisk = true
        for index in dropped {
            do {
                try db.execute(sql: index.sql)
            } catch let error as DatabaseError
                where onDisk && [.SQLITE_CANTOPEN, .SQLITE_FULL, .SQLITE_IOERR].contains(error.resultCode)
                && db.isInsideTransaction {
                // The failed statement is undone and the transaction goes on: the index again,
                // and the rest, sorted in memory.
                onDisk = false
                try sortOnDisk.restore(in: db)
                try db.execute(sql: index.sql)
            }
        }
    }
}
