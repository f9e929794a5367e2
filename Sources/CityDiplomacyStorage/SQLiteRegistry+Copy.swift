import CityDiplomacyCore
import Foundation
import GRDB

/// A copy of the whole registry, out (one read transaction) and in (one write transaction).
extension SQLiteRegistry {
    /// Read in one read transaction: in WAL mode it sees the database as of its first read,
    /// whatever other connections commit meanwhile.
    public func snapshot() async throws -> RegistrySnapshot {
        try await read { db in
            let countries = try CountryRow.order(Column("code")).fetchAll(db).map(\.country)
            let stored = try Row.fetchAll(db, sql: "SELECT id, stored_at FROM dataset ORDER BY id")
            let datasets = try stored.compactMap { row -> RegistrySnapshot.StoredDataset? in
                let id: String = try row.decode(forColumn: "id")
                let storedAt: Date = try row.decode(forColumn: "stored_at")
                return try Self.fetchContent(db, ofDataset: id).map { RegistrySnapshot.StoredDataset(content: $0, storedAt: storedAt) }
            }
            let changes = try Row.fetchAll(db, sql: "SELECT * FROM change_log ORDER BY id").map(Self.changeEntry)
            return RegistrySnapshot(countries: countries, datasets: datasets, changes: changes)
        }
    }

    /// One IMMEDIATE transaction, the write lock held from its start: either the whole copy is
    /// committed or, on any failure, rolled back, leaving the database as it was. Foreign keys stay
    /// on (no dataset is stored unchecked, as a new one alone may be), deferred to the commit.
    public func storeCopy(of snapshot: RegistrySnapshot) async throws {
        var prepared: [(rows: StoreRows, storedAt: Date)] = []
        for dataset in snapshot.datasets {
            prepared.append((await StoreRows.prepare(dataset.content), dataset.storedAt))
        }
        let bulkRows = bulkRows
        try await Self.namingDuplicates(in: prepared.map(\.rows.content)) {
            try await writeWithoutTransaction { [prepared] db in
                try db.inTransaction(.immediate) {
                    if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM change_log)") == true { throw RegistryError.changeLogNotEmpty }
                    for (rows, _) in prepared {
                        let id = rows.content.dataset.id
                        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM dataset WHERE id = ?)", arguments: [id]) == true {
                            throw RegistryError.datasetExists(id)
                        }
                    }
                    for country in snapshot.countries { try CountryRow(country).upsert(db) }
                    for (rows, storedAt) in prepared {
                        let bulk = try Self.storesInBulk(rows.content, bulkRows: bulkRows, in: db)
                        try Self.storeInTransaction(rows, countries: [], storedAt: storedAt, bulk: bulk, unchecked: false, progress: nil, in: db)
                    }
                    try Self.append(snapshot.changes, in: db)
                    return .commit
                }
            }
        }
    }
}
