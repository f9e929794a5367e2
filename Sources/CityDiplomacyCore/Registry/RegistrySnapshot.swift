import Foundation

/// Everything a registry holds, read in one transaction: the countries, every dataset with its
/// records as edited and the time it was stored, and the change log. What `citydip copy` moves
/// from one registry into another, whatever their backends.
///
/// Read in one transaction so that a write made meanwhile (an edit, a dataset stored) is either
/// wholly in it or wholly out of it: paging the change log in several reads could skip or repeat
/// an entry, and a dataset could be read before an edit the log then records.
///
/// ```swift
/// let snapshot = try await sqlite.snapshot()
/// try await postgres.storeCopy(of: snapshot)
/// ```
public struct RegistrySnapshot: Sendable {
    /// A dataset with the time it was stored: the date its citation gives (with the latest edit),
    /// which a copy must keep.
    public struct StoredDataset: Sendable {
        public var content: DatasetContent
        public var storedAt: Date

        public init(content: DatasetContent, storedAt: Date) {
            self.content = content
            self.storedAt = storedAt
        }
    }

    /// The reference list of countries, ordered by code.
    public var countries: [Country]
    /// Every dataset, ordered by id.
    public var datasets: [StoredDataset]
    /// The change log, oldest first.
    public var changes: [ChangeEntry]

    public init(countries: [Country], datasets: [StoredDataset], changes: [ChangeEntry]) {
        self.countries = countries
        self.datasets = datasets
        self.changes = changes
    }
}
