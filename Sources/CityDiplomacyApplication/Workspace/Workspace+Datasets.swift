import CityDiplomacyAnalysis
import CityDiplomacyCore

extension Workspace {
    /// The dataset analyses use when none is named: the study's, else the first bundled one,
    /// else the first there is.
    public func defaultDatasetID() async throws -> String? {
        let datasets = try await registry.datasetsWithoutImportReports()
        if datasets.contains(where: { $0.id == defaults.datasetID }) { return defaults.datasetID }
        return (datasets.first(where: \.isBundled) ?? datasets.first)?.id
    }

    /// `id`, or the default dataset's when `nil`; an error where the database holds none.
    func chosenDatasetID(_ id: String?) async throws -> String {
        if let id { return id }
        guard let chosen = try await defaultDatasetID() else {
            throw ApplicationError.notFound("dataset", "the database holds no dataset (run citydip init)")
        }
        return chosen
    }

    /// Every record of dataset `id` (the default dataset when `nil`), or an error naming those
    /// there are; kept until the registry changes.
    public func content(ofDataset id: String?) async throws -> DatasetContent {
        let chosen = try await chosenDatasetID(id)
        let revision = try await registry.revision()
        let registry = self.registry
        do {
            return try await contents.value(for: chosen, revision: revision) {
                guard let content = try await registry.content(ofDataset: chosen) else { throw SnapshotMiss(id: chosen) }
                return content
            }
        } catch let miss as SnapshotMiss {
            throw try await unknownDataset(miss.id)
        }
    }

    /// Whether `content` is dataset `content.dataset.id` as read at registry revision
    /// `revision` — the records ``content(ofDataset:)`` keeps, not an aggregated or edited copy —
    /// so that what is computed from it may be kept under that revision. The caller reads the
    /// revision once and keeps its value under it: read again, it could be a later revision's,
    /// under which a computation from the older records would then be kept. Cheap: it compares
    /// where the records are stored, which copy-on-write keeps shared until a change.
    public func isAsRead(_ content: DatasetContent, at revision: String) async -> Bool {
        guard let held = await contents.existing(for: content.dataset.id, revision: revision) else { return false }
        func sameStorage<T>(_ a: [T], _ b: [T]) -> Bool {
            a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
        }
        return held.dataset == content.dataset && sameStorage(held.relations, content.relations) && sameStorage(held.cities, content.cities)
            && sameStorage(held.sources, content.sources) && sameStorage(held.networks, content.networks)
            && sameStorage(held.memberships, content.memberships) && sameStorage(held.events, content.events)
    }

    /// Datasets `ids` (every dataset when empty) as analyses read them, from the snapshot kept
    /// for the registry's current revision or from a new one; an unknown id is an error naming
    /// those there are. The snapshot reads each dataset's ``AnalysisColumns``, never its
    /// relations as records.
    public func snapshot(ofDatasets ids: [String]) async throws -> AnalysisSnapshot {
        let revision = try await registry.revision()
        let registry = self.registry
        let chosen = ids.isEmpty ? try await registry.datasetsWithoutImportReports().map(\.id) : ids
        let columns = self.columns
        do {
            return try await snapshots.value(for: ids, revision: revision) {
                // Each dataset's columns are kept on their own, so that the dashboard's totals
                // of every dataset do not read again the dataset its charts have just read.
                var read: [AnalysisColumns] = []
                for id in chosen { read.append(try await Self.columns(ofDataset: id, in: columns, of: registry, at: revision)) }
                return AnalysisSnapshot(columns: read)
            }
        } catch let miss as SnapshotMiss {
            throw try await unknownDataset(miss.id)
        }
    }

    /// What counting and the study's Tables 2–4 read of dataset `id` (the default dataset when
    /// `nil`): its cities and its relations' columns, never its relations as records; kept until
    /// the registry changes, and shared with the snapshots of ``snapshot(ofDatasets:)``. An
    /// unknown id is an error naming the datasets there are.
    public func analysisColumns(ofDataset id: String?) async throws -> AnalysisColumns {
        var chosen = id
        if chosen == nil { chosen = try await defaultDatasetID() }
        guard let chosen else {
            throw ApplicationError.notFound("dataset", "the database holds no dataset (run citydip init)")
        }
        let revision = try await registry.revision()
        do {
            return try await Self.columns(ofDataset: chosen, in: columns, of: registry, at: revision)
        } catch let miss as SnapshotMiss {
            throw try await unknownDataset(miss.id)
        }
    }

    /// Dataset `id`'s columns from `cache`, or read from `registry` and kept there.
    private static func columns(ofDataset id: String, in cache: RevisionCache<String, AnalysisColumns>, of registry: any CityDiplomacyRegistry,
                                at revision: String) async throws -> AnalysisColumns {
        try await cache.value(for: id, revision: revision) {
            guard let dataset = try await registry.analysisColumns(ofDataset: id) else { throw SnapshotMiss(id: id) }
            return dataset
        }
    }

    /// The network of cities of datasets `ids` (every dataset when empty), built once per
    /// registry revision from their snapshot: the network measures, comparison, alignment and
    /// recommendation all read it, and building it walks every relation.
    public func cityNetwork(ofDatasets ids: [String]) async throws -> CityNetworkGraph {
        let revision = try await registry.revision()
        let snapshot = try await snapshot(ofDatasets: ids)
        return try await cityNetworkGraphs.value(for: ids, revision: revision) { CityNetworkGraph(snapshot: snapshot) }
    }

    /// Checks that dataset `id` exists; the dataset is given without its import report (see
    /// ``qualityReport(dataset:)`` for that).
    public func requireDataset(_ id: String, field: String = "dataset") async throws -> Dataset {
        guard let dataset = try await registry.datasetsWithoutImportReports().first(where: { $0.id == id }) else { throw try await unknownDataset(id, field: field) }
        return dataset
    }

    /// Dataset `id` (the default dataset when `nil`) without its import report; an unknown id is
    /// an error naming those there are.
    public func describedDataset(_ id: String?) async throws -> Dataset {
        try await requireDataset(try await chosenDatasetID(id))
    }

    /// The sources dataset `id` lists, in its order, without reading its records; an unknown id
    /// is an error naming the datasets there are.
    public func sources(ofDataset id: String) async throws -> [SourceCitation] {
        guard let sources = try await registry.sources(ofDataset: id) else { throw try await unknownDataset(id) }
        return sources
    }

    /// How many records of each kind dataset `id` holds, counted where they are stored and kept
    /// until the registry changes; an unknown id is an error naming the datasets there are.
    public func recordCounts(ofDataset id: String) async throws -> DatasetRecordCounts {
        let registry = self.registry
        do {
            // Kept per revision: counting a large dataset's rows walks its indexes.
            return try await recordCountsCache.value(for: id, revision: try await registry.revision()) {
                guard let counts = try await registry.recordCounts(ofDataset: id) else { throw SnapshotMiss(id: id) }
                return counts
            }
        } catch let miss as SnapshotMiss {
            throw try await unknownDataset(miss.id)
        }
    }

    func unknownDataset(_ id: String, field: String = "dataset") async throws -> ApplicationError {
        let known = try await registry.datasetsWithoutImportReports().map(\.id)
        return .notFound(field, "unknown dataset '\(id)': expected \(known.isEmpty ? "a dataset (none is stored; run citydip init)" : known.orList())")
    }

    /// The datasets with their record counts and provenance.
    public func datasetsTable() async throws -> Tabulation {
        var rows: [[Tabulation.Cell]] = []
        for dataset in try await registry.datasetsWithoutImportReports() {
            guard let counts = try await registry.recordCounts(ofDataset: dataset.id) else { continue }
            rows.append([
                .identifier(dataset.id), .text(dataset.title), .number(counts.cities), .number(counts.relations),
                .number(counts.networks), .number(counts.memberships), .number(counts.events),
                .number(counts.sources), .identifier(dataset.sourceFile ?? ""),
            ])
        }
        return Tabulation(
            title: .message("datasets.title"),
            columns: [
                .titled("id"),
                .titled("title"),
                .titled("cities"),
                .titled("relations"),
                .titled("networks"),
                .titled("memberships"),
                .titled("events"),
                .titled("sources"),
                .titled("file"),
            ],
            rows: rows)
    }

    /// The classification schemes and periodisations available.
    public func schemesTable() -> Tabulation {
        var rows: [[Tabulation.Cell]] = classifications.schemes.values.sorted { $0.id < $1.id }.map { scheme in
            [.identifier(scheme.id), .code("scheme", label: .message("schemes.type.scheme")), .text(scheme.title),
             .number(scheme.categories.count), .number(scheme.assignments.count), .text(scheme.sourceNote)]
        }
        rows += classifications.periodisations.values.sorted { $0.id < $1.id }.map { periodisation in
            [.identifier(periodisation.id), .code("periodisation", label: .message("schemes.type.periodisation")),
             .text(periodisation.title), .number(periodisation.periods.count), .empty, .text(periodisation.sourceNote)]
        }
        return Tabulation(
            title: .message("schemes.title"),
            columns: [
                .titled("id"),
                .titled("type"),
                .titled("title"),
                .init(key: "categories", title: .message("column.categories-or-periods")),
                .titled("countries"),
                .titled("source"),
            ],
            rows: rows)
    }
}

/// A dataset asked for that the registry does not hold, found while building a snapshot.
struct SnapshotMiss: Error {
    var id: String
}
