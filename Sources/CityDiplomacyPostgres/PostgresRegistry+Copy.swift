import CityDiplomacyCore
import Foundation
import PostgresNIO

/// A copy of the whole registry, out (one read transaction) and in (one write transaction).
extension PostgresRegistry {
    /// Read in one REPEATABLE READ, READ ONLY transaction (as every read is): every statement sees
    /// the database as of the first, whatever other sessions commit meanwhile.
    public func snapshot() async throws -> RegistrySnapshot {
        try await read { transaction in
            let countries = try await transaction.values("SELECT record FROM country ORDER BY code", as: String.self).map {
                try RecordJSON.decode(Country.self, from: $0)
            }
            var datasets: [RegistrySnapshot.StoredDataset] = []
            for row in try await transaction.rows("SELECT id, stored_at FROM dataset ORDER BY id") {
                let (id, storedAt) = try row.decode((String, Date).self)
                guard let content = try await Self.content(ofDataset: id, in: transaction) else { continue }
                datasets.append(RegistrySnapshot.StoredDataset(content: content, storedAt: storedAt))
            }
            let changes = try await transaction.rows("""
                SELECT id, at, actor, action, record_kind, record_id, dataset_id, before, after FROM change_log ORDER BY id
                """).map(Self.changeEntry)
            return RegistrySnapshot(countries: countries, datasets: datasets, changes: changes)
        }
    }

    /// One transaction under the registry's write lock: committed whole or, on any failure,
    /// rolled back, leaving the database as it was.
    public func storeCopy(of snapshot: RegistrySnapshot) async throws {
        let prepared = try snapshot.datasets.map { (dataset: try PreparedDataset($0.content), storedAt: $0.storedAt) }
        try await write { transaction in
            if try await transaction.value("SELECT 1 FROM change_log LIMIT 1", as: Int32.self) != nil { throw RegistryError.changeLogNotEmpty }
            for (dataset, _) in prepared {
                let id = dataset.content.dataset.id
                if try await transaction.value("SELECT 1 FROM dataset WHERE id = \(id)", as: Int32.self) != nil { throw RegistryError.datasetExists(id) }
            }
            try await Self.upsert(snapshot.countries, in: transaction)
            for (dataset, storedAt) in prepared {
                try await Self.store(dataset, storedAt: storedAt, progress: nil, in: transaction)
            }
            try await Self.append(snapshot.changes, in: transaction)
        }
    }
}
