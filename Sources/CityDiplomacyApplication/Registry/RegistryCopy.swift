import CityDiplomacyCore

/// Copying everything a registry holds into another, whatever their backends: the countries,
/// every dataset with its records as edited and its import report, and the change log, entry by
/// entry with its ids. The target must hold none of the source's datasets and no change log, so
/// that nothing there is replaced and the log's ids stay the source's.
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

    /// Each dataset is stored in one transaction, refused if the target gained one of its id
    /// meanwhile; the change log goes last, in one transaction.
    public static func run(from source: any CityDiplomacyRegistry, to target: any CityDiplomacyRegistry) async throws -> Outcome {
        let sourceDatasets = try await source.datasetsWithoutImportReports()
        let present = Dictionary(try await target.datasetsWithoutImportReports().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A target that was opened once holds the bundled datasets it was seeded with: the same
        // copy (same content hash, unedited in the source) is left as it is, not a clash.
        let changes = try await allChanges(of: source)
        let edited = Set(changes.map(\.datasetID))
        var datasets: [String] = []
        for dataset in sourceDatasets {
            guard let there = present[dataset.id] else { datasets.append(dataset.id); continue }
            guard dataset.isBundled, there.isBundled, dataset.contentHash == there.contentHash, !edited.contains(dataset.id) else {
                throw ApplicationError(.conflict, field: "to", "the target already holds dataset '\(dataset.id)': copy into an empty database")
            }
        }
        if !(try await target.changes(limit: 1, offset: 0).isEmpty) {
            throw ApplicationError(.conflict, field: "to", "the target already has a change log: copy into an empty database")
        }
        let countries = try await source.countries()
        try await target.storeCountries(countries)
        for id in datasets {
            guard let content = try await source.content(ofDataset: id) else { continue }
            do {
                try await target.store(content, countries: [], existing: .refuse, progress: nil)
            } catch RegistryError.datasetExists {
                throw ApplicationError(.conflict, field: "to", "the target already holds dataset '\(id)': copy into an empty database")
            }
        }
        try await target.appendChanges(changes.reversed())
        return Outcome(countries: countries.count, datasets: datasets, changes: changes.count)
    }

    /// The source's change log, newest first.
    static func allChanges(of source: any CityDiplomacyRegistry) async throws -> [ChangeEntry] {
        var changes: [ChangeEntry] = []
        while true {
            let page = try await source.changes(limit: 10_000, offset: changes.count)
            changes += page
            if page.count < 10_000 { return changes }
        }
    }
}
