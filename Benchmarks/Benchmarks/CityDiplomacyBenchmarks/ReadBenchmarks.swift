import Benchmark
import CityDiplomacyAnalysis
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyImport
import CityDiplomacyStorage
import Foundation

/// The read paths on imported data: one city's relations with a limit of 5 and of 100 (`citydip
/// relations --city X --limit N`, `/api/v1/relations?city=X&limit=N`), one city's profile
/// (`citydip show X`, `/api/v1/cities/{id}`), a page of 100 relations filtered by country
/// (`/api/v1/relations?country=IR`), each through the use case both front ends call, on the
/// Wikipedia import and on the synthetic imports of 25k, 250k and 1M rows; and for the whole
/// dataset its analysis snapshot and statistics (`citydip stats`).
enum ReadBenchmarks {
    /// Raised whenever the import or the schema changes what a fixture holds, so that the
    /// benchmarks read databases made by this version: one left by an older version would be
    /// migrated when opened (checking every foreign key of a database migrated by v4–v7).
    static let fixtureVersion = 4

    /// Databases imported once and kept in the synthetic folder, so that each benchmark process
    /// (the benchmark tool runs each benchmark on its own) does not import them again.
    actor Fixtures {
        static let shared = Fixtures()
        private var workspaces: [String: Workspace] = [:]

        func workspace(dataset: String, file: () throws -> URL?) async throws -> Workspace? {
            if let workspace = workspaces[dataset] { return workspace }
            let folder = BenchmarkFiles.syntheticFolder.appendingPathComponent("fixture-\(dataset)-v\(fixtureVersion)")
            if !FileManager.default.fileExists(atPath: folder.path) {
                guard let source = try file() else { return nil }
                // Imported into a folder of its own and renamed when complete, with its WAL file.
                let partial = folder.appendingPathExtension("partial")
                try? FileManager.default.removeItem(at: partial)
                try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
                _ = try await MeasuredImport(file: source, format: .wikipediaCSV).run(dataset: dataset, into: partial)
                try FileManager.default.moveItem(at: partial, to: folder)
            }
            let registry = try SQLiteRegistry(path: folder.appendingPathComponent("\(dataset).sqlite").path)
            let workspace = try await Workspace(registry: registry)
            workspaces[dataset] = workspace
            return workspace
        }
    }

    static func register() {
        let largest = ProcessInfo.processInfo.environment["CITYDIP_BENCH_MAX_ROWS"].flatMap(Int.init) ?? 1_000_000
        var fixtures: [(dataset: String, file: @Sendable () throws -> URL?)] = []
        if BenchmarkFiles.wikipedia != nil {
            fixtures.append(("wikipedia-2026", { BenchmarkFiles.wikipedia }))
        } else {
            print("Read paths on wikipedia-2026: skipped, the Wikipedia file is absent")
        }
        for rows in [25_000, 250_000, 1_000_000] where rows <= largest {
            fixtures.append(("synthetic-\(rows)", { try BenchmarkFiles.synthetic(rows: rows) }))
        }
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
            timeUnits: .milliseconds, warmupIterations: 2, maxDuration: .seconds(10), maxIterations: 50
        )
        // The city with the most partners in every fixture, and the country of the study; no
        // dataset is named, as in the commands and addresses above (each fixture holds one).
        let city = "Shanghai", country = "IR"
        for fixture in fixtures {
            let open = { @Sendable in
                try await Fixtures.shared.workspace(dataset: fixture.dataset, file: fixture.file)!
            }
            for limit in [5, 100] {
                Benchmark("Relations of \(city) in \(fixture.dataset), limit \(limit)", configuration: configuration, closure: { _, workspace in
                    blackHole(try await workspace.relations(RelationFilter(city: city), limit: limit))
                }, setup: open)
            }
            Benchmark("Profile of \(city) in \(fixture.dataset)", configuration: configuration, closure: { _, workspace in
                blackHole(try await workspace.cityProfiles(named: city, dataset: nil))
            }, setup: open)
            Benchmark("Relations of \(country) in \(fixture.dataset), limit 100", configuration: configuration, closure: { _, workspace in
                blackHole(try await workspace.relations(RelationFilter(country: country), limit: 100))
            }, setup: open)
            // The whole dataset: its analysis snapshot read from the registry's columns, and
            // the statistics counted off it (`citydip stats`), as a new process pays them.
            Benchmark("Analysis snapshot of \(fixture.dataset)", configuration: configuration, closure: { _, workspace in
                let columns = try await workspace.registry.analysisColumns(ofDataset: fixture.dataset)
                blackHole(AnalysisSnapshot(columns: columns.map { [$0] } ?? []))
            }, setup: open)
            Benchmark("Statistics of \(fixture.dataset)", configuration: configuration, closure: { _, workspace in
                let columns = try await workspace.registry.analysisColumns(ofDataset: fixture.dataset)
                blackHole(RegistryStatistics(snapshot: AnalysisSnapshot(columns: columns.map { [$0] } ?? []), top: 10))
            }, setup: open)
        }
    }
}
