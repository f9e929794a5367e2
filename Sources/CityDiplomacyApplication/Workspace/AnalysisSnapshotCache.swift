import CityDiplomacyCore

/// The analysis snapshots a workspace has built, each kept until the registry's revision
/// changes, so that the dashboard, the statistics, the tables, counting and the network pages of
/// one server read a dataset once rather than once per request.
///
/// Requests that arrive while a snapshot is being built wait for that one build. At most
/// ``capacity`` selections of datasets are kept; the least recently used goes first.
///
/// ```swift
/// let cache = AnalysisSnapshotCache()
/// let snapshot = try await cache.snapshot(of: ["wikipedia-2026"], revision: revision) { try await read() }
/// ```
public actor AnalysisSnapshotCache {
    private struct Entry {
        var revision: String
        var build: Task<AnalysisSnapshot, any Error>
    }

    /// How many selections of datasets are kept at once.
    public let capacity: Int
    private var entries: [[String]: Entry] = [:]
    private var recent: [[String]] = []

    public init(capacity: Int = 4) {
        self.capacity = max(1, capacity)
    }

    /// The snapshot of `datasets` at `revision`: the one kept, or one `build` makes.
    public func snapshot(of datasets: [String], revision: String,
                         build: @escaping @Sendable () async throws -> AnalysisSnapshot) async throws -> AnalysisSnapshot {
        recent.removeAll { $0 == datasets }
        recent.append(datasets)
        if let entry = entries[datasets], entry.revision == revision {
            return try await entry.build.value
        }
        let task = Task { try await build() }
        entries[datasets] = Entry(revision: revision, build: task)
        while recent.count > capacity { entries[recent.removeFirst()] = nil }
        do {
            return try await task.value
        } catch {
            // A failed build is not kept: the next request tries again.
            if entries[datasets]?.revision == revision { entries[datasets] = nil }
            throw error
        }
    }

    /// Forgets every snapshot (after this process changed the registry, say).
    public func removeAll() {
        entries.removeAll()
        recent.removeAll()
    }
}
