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
/// dropped and stay; a relation's id is unique by an index of its own for that reason (schema v13).
struct SecondaryIndexes {
    /// The indexes whose keys an import gives in no order: the store drops these.
    static let unordered = [
        "relation_on_city", "relation_on_partner", "relation_on_signed_from", "relation_on_signed_to",
        "city_name_on_search_key", "city_on_country",
    ]

    /// The unique index of the relations' ids, which the foreign keys of their themes refer to:
    /// dropped only by a store with foreign keys off (SQLite refuses to write a table whose
    /// foreign key names a parent without a unique index), and made again first, after every row
    /// but the themes', which go in after it (a theme's trigger finds its relation by id).
    static let relationKey = "relation_on_id"

    private let indexes: DroppedSchemaObjects

    /// Drops those of the indexes `names` that exist and were made by `CREATE INDEX`.
    static func drop(_ names: [String], in db: Database) throws -> SecondaryIndexes {
        SecondaryIndexes(indexes: try DroppedSchemaObjects.drop("index", named: names, in: db))
    }

    /// Makes the dropped indexes again, in the order they were made, under `sort`'s settings.
    func recreate(sortedBy sort: IndexSort, in db: Database) throws {
        for index in indexes.dropped { try sort.make(index.sql, in: db) }
    }
}

/// How a store's dropped indexes are sorted while made again: with the settings below, changed
/// once for them all, from the first made to ``restore(in:)``.
///
/// SQLite sorts each index's keys before writing it, on one thread while they fit in the page
/// cache; with a small cache it sorts them in runs, and with worker threads (`PRAGMA threads`)
/// sorts and merges the runs on the other cores — but only with its temporary files on disk:
/// with `temp_store = MEMORY`, as the registry otherwise keeps it, it uses no worker threads.
/// Measured with the `sqlite3` shell on the 1,000,000-row synthetic database, the relations'
/// four indexes: 3.9 s with a cache of 128 MB, with or without threads; 5.2 s with 8 MB, four
/// threads and temporary files in memory; 2.7–2.9 s with 8 MB, two or four threads and
/// temporary files (which the system's file cache mostly keeps in memory); the relations' ids
/// alone 1.5 s with 128 MB in memory, 0.7 s so. Smaller runs again, of 2 MB, which a core's own
/// cache holds while it sorts them: the four and the indexes of names and countries 2.5–2.8 s,
/// against 2.9–3.3 s with 8 MB and 2.6–2.9 s with 1 MB (three runs each, alternating,
/// 2026-12-04).
///
/// The sort's temporary files need space where SQLite keeps them (`SQLITE_TMPDIR`, `TMPDIR`,
/// `/var/tmp`, `/usr/tmp`, `/tmp`, the working folder): about 34 MB for 250,000 relations and
/// 92 MB for a million. Where it cannot fill them (a small `tmpfs`), an index is made again as
/// before, sorted in memory on one core, rather than the import failing for want of space it did
/// not need before; so are the indexes after it. (With no writable folder at all, a large import
/// fails, as it did before this sort, with "disk I/O error", the database left as it was.)
final class IndexSort {
    private var settings: PragmaSettings?
    private var onDisk = true

    /// Runs `sql`, an index's `CREATE INDEX`, sorting on disk while that works.
    func make(_ sql: String, in db: Database) throws {
        if onDisk, settings == nil {
            // Where its temporary files go first: SQLite refuses to move them inside a transaction
            // once the connection's temporary database is open, and the index is then sorted in
            // memory (nothing was changed).
            do {
                settings = try PragmaSettings.change(["temp_store": "FILE", "cache_size": "-2048", "threads": "4"], in: db)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR && db.isInsideTransaction {
                onDisk = false
            }
        }
        do {
            try db.execute(sql: sql)
        } catch let error as DatabaseError
            where onDisk && [.SQLITE_CANTOPEN, .SQLITE_FULL, .SQLITE_IOERR].contains(error.resultCode)
            && db.isInsideTransaction {
            // The failed statement is undone and the transaction goes on: the index again,
            // and the rest, sorted in memory.
            onDisk = false
            try restore(in: db)
            try db.execute(sql: sql)
        }
    }

    /// Puts the connection's settings back, if they were changed (once: a failure is not tried again).
    func restore(in db: Database) throws {
        defer { settings = nil }
        try settings?.restore(in: db)
    }
}
