import CityDiplomacyCore

/// Copying everything a registry holds into another, whatever their backends: the countries,
/// every dataset with its records as edited, its import report and the time it was stored (the
/// date its citation gives), and the change log, entry by entry with its ids. The target must
/// hold none of the source's datasets and no change log, so that nothing there is replaced and
/// the log's ids stay the source's.
///
/// ```swift
/// let outcome = try await RegistryCopy.run(from: sqlite.registry, to: postgres.registry)
/// // outcome.datasets == ["iran-2018", "wikipedia"], outcome.changes == 12
/// ```
public enum RegistryCopy {
    /// What a copy moved.
    public struct Outcome: Hashable, Sendable {
        public var countries: Int
        public var datasets: [String]
        public var changes: Int
    }

    /// The source is read in one read transaction (``CityDiplomacyRegistry/snapshot()``), so that
    /// a write made there during the copy is wholly in the copy or wholly out of it, and held in
    /// memory; the target is written in one transaction (``CityDiplomacyRegistry/storeCopy(of:)``),
    /// so that a copy that fails — a dataset the target gained meanwhile, a record it refuses, a
    /// lost connection — leaves the target as it was.
    public static func run(from source: any CityDiplomacyRegistry, to target: any CityDiplomacyRegistry) async throws -> Outcome {
        var snapshot = try await source.snapshot()
        let present = Dictionary(try await target.datasetsWithoutImportReports().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A target that was opened once holds the bundled datasets it was seeded with: the same
        // copy (same content hash, unedited in the source) is left as it is, not a clash.
        let edited = Set(snapshot.changes.map(\.datasetID))
        for stored in snapshot.datasets {
            let dataset = stored.content.dataset
            guard let there = present[dataset.id] else { continue }
            guard dataset.isBundled, there.isBundled, dataset.contentHash == there.contentHash, !edited.contains(dataset.id) else {
                throw targetHolds(dataset.id)
            }
        }
        snapshot.datasets.removeAll { present[$0.content.dataset.id] != nil }
        if !(try await target.changes(limit: 1, offset: 0).isEmpty) { throw changeLogThere }
        // Checked above to say so before the source is stored; checked again inside the target's
        // transaction, since another writer may have stored meanwhile.
        do {
            try await target.storeCopy(of: snapshot)
        } catch RegistryError.datasetExists(let id) {
            throw targetHolds(id)
        } catch RegistryError.changeLogNotEmpty {
            throw changeLogThere
        }
        return Outcome(countries: snapshot.countries.count, datasets: snapshot.datasets.map(\.content.dataset.id), changes: snapshot.changes.count)
    }

    private static func targetHolds(_ id: String) -> ApplicationError {
        ApplicationError(.conflict, field: "to", "the target already holds dataset '\(id)': copy into an empty database")
    }

    private static let changeLogThere = ApplicationError(.conflict, field: "to", "the target already has a change log: copy into an empty database")
}
