import GRDB

/// The triggers that clear a dataset's records hash as each row is inserted
/// (``RecordsHashTriggers``), dropped while a store in bulk inserts its rows and made again before
/// it commits, in the same transaction; the hashes they would have cleared are cleared once, by
/// dataset.
///
/// Each such trigger runs a program of its own for every row inserted, even while no hash is kept
/// (its `WHEN` clause then looks at an empty table): copying the 1,000,000 relations of the
/// synthetic import with the `sqlite3` shell into a table with the two indexes a store keeps took
/// 3.38–3.61 s of CPU with the relations' trigger and 1.00–1.33 s without it (two series of
/// alternating runs, 2026-12-02), and a store's inserts run on one core, which every later step
/// waits for.
struct SuspendedHashTriggers {
    /// The tables a store in bulk inserts many rows into.
    static let tables = ["city", "relation", "relation_theme", "citation"]

    private let triggers: DroppedSchemaObjects

    /// Drops the insert triggers of ``tables``.
    static func drop(in db: Database) throws -> SuspendedHashTriggers {
        SuspendedHashTriggers(triggers: try DroppedSchemaObjects.drop("trigger", named: tables.map(RecordsHashTriggers.insertTrigger(of:)), in: db))
    }

    /// Clears the hash kept of each of `datasets` (every dataset a row inserted since the triggers
    /// were dropped belongs to), then makes the triggers again.
    func restore(clearingHashesOf datasets: some Sequence<String>, in db: Database) throws {
        let clear = try db.cachedStatement(sql: "DELETE FROM dataset_records_hash WHERE dataset_id = ?")
        for dataset in datasets { try clear.execute(arguments: [dataset]) }
        try triggers.restore(in: db)
    }
}
