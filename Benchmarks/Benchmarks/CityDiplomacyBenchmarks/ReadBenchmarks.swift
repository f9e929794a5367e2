import Benchmark
import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyImport
import CityDiplomacyStorage
import Foundation

/// The read paths on imported data: a dataset's statistics (`citydip stats`), one city's profile
/// (`citydip show`, the city page) and one city's relations with a limit (`citydip relations
/// --limit`, `/api/v1/relations`), on the Wikipedia import and on the synthetic 250k import.
enum ReadBenchmarks {
    /// Databases imported once and kept in the synthetic folder, so that each benchmark process
    /// (the benchmark tool runs each benchmark on its own) does not import them again.
    actor Fixtures {
        static let shared = Fixtures()
        private var registries: [String: SQLiteRegistry] = [:]

        func registry(dataset: String, file: () throws -> URL?) async throws -> SQLiteRegistry? {
            if let registry = registries[dataset] { return registry }
            let folder = BenchmarkFiles.syntheticFolder.appendingPathComponent("fixture-\(dataset)")
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
            registries[dataset] = registry
            return registry
        }
    }

    static func register() {
        let fixtures: [(dataset: String, city: String, file: @Sendable () throws -> URL?)] = [
            ("wikipedia-2026", "Shanghai", { BenchmarkFiles.wikipedia }),
            ("synthetic-250000", "Shanghai", { try BenchmarkFiles.synthetic(rows: 250_000) }),
        ]
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
            timeUnits: .milliseconds, warmupIterations: 2, maxDuration: .seconds(10), maxIterations: 50
        )
        for fixture in fixtures {
            if fixture.dataset == "wikipedia-2026", BenchmarkFiles.wikipedia == nil {
                print("Read paths on wikipedia-2026: skipped, the Wikipedia file is absent")
                continue
            }
            let open = { @Sendable in
                try await Fixtures.shared.registry(dataset: fixture.dataset, file: fixture.file)!
            }
            Benchmark("Statistics of \(fixture.dataset)", configuration: configuration, closure: { benchmark, registry in
                let content = try await registry.content(ofDataset: fixture.dataset)
                let statistics = RegistryStatistics(contents: content.map { [$0] } ?? [], top: 10)
                blackHole(statistics)
            }, setup: open)
            Benchmark("Profile of \(fixture.city) in \(fixture.dataset)", configuration: configuration, closure: { benchmark, registry in
                let cities = try await registry.findCities(named: fixture.city, datasetID: fixture.dataset)
                let profile = try await registry.profile(ofCity: cities[0].id)
                blackHole(profile)
            }, setup: open)
            Benchmark("Relations of \(fixture.city) in \(fixture.dataset), limit 100", configuration: configuration, closure: { benchmark, registry in
                let selection = try await registry.relations(
                    matching: RelationQuery(datasetID: fixture.dataset, city: fixture.city, limit: 100))
                blackHole(selection)
            }, setup: open)
        }
    }
}
