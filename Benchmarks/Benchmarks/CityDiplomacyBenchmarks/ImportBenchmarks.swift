import Benchmark
import CityDiplomacyImport
import Foundation

/// The import benchmarks: the Wikipedia scrape (the target: under 3 s and 500 MB), and synthetic
/// files of the same shape at 25k, 250k and 1M rows, for how the cost grows with the data.
enum ImportBenchmarks {
    /// The stages of an import, as custom metrics beside the benchmark's own wall clock.
    static let stageMetrics: [BenchmarkMetric] = [
        .custom("read+check (ms)"), .custom("gazetteer wait (ms)"), .custom("resolve+report (ms)"),
        .custom("store (ms)"), .custom("relations", polarity: .prefersLarger),
    ]

    static let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal] + stageMetrics

    static func register() {
        if let wikipedia = BenchmarkFiles.wikipedia {
            Benchmark(
                "Import wikipedia-csv twin_cities.csv",
                configuration: .init(
                    metrics: metrics, timeUnits: .milliseconds, warmupIterations: 1,
                    maxDuration: .seconds(60), maxIterations: 7
                )
            ) { benchmark in
                try await measure(wikipedia, dataset: "wikipedia-2026", benchmark)
            }
        } else {
            print("Import wikipedia-csv: skipped, ../shared/data/wikipedia-twin-cities-2026/twin_cities.csv is absent (or set CITYDIP_WIKIPEDIA_CSV)")
        }
        let largest = ProcessInfo.processInfo.environment["CITYDIP_BENCH_MAX_ROWS"].flatMap(Int.init) ?? 1_000_000
        for rows in [25_000, 250_000, 1_000_000] where rows <= largest {
            Benchmark(
                "Import synthetic \(rows) rows",
                configuration: .init(
                    metrics: metrics, timeUnits: .milliseconds,
                    // A large import is long enough to be its own average; one run of 1M rows
                    // takes minutes on this project's 2-core machine.
                    warmupIterations: rows <= 25_000 ? 1 : 0,
                    maxDuration: .seconds(rows <= 25_000 ? 60 : 900),
                    maxIterations: rows <= 25_000 ? 5 : rows <= 250_000 ? 3 : 1
                ),
                closure: { benchmark, file in
                    try await measure(file, dataset: "synthetic-\(rows)", benchmark)
                },
                setup: { try BenchmarkFiles.synthetic(rows: rows) }
            )
        }
    }

    /// One import into a new database, timed from reading the file to the stored transaction.
    static func measure(_ file: URL, dataset: String, _ benchmark: Benchmark) async throws {
        let folder = try BenchmarkFiles.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        benchmark.startMeasurement()
        var stages = try await MeasuredImport(file: file, format: .wikipediaCSV).run(dataset: dataset, into: folder)
        benchmark.stopMeasurement()
        benchmark.measurement(.custom("read+check (ms)"), stages.readAndCheck.milliseconds)
        benchmark.measurement(.custom("gazetteer wait (ms)"), stages.gazetteerWait.milliseconds)
        benchmark.measurement(.custom("resolve+report (ms)"), stages.resolve.milliseconds)
        benchmark.measurement(.custom("store (ms)"), stages.store.milliseconds)
        benchmark.measurement(.custom("relations", polarity: .prefersLarger), stages.relations)
        stages.kept.removeAll()
    }
}
