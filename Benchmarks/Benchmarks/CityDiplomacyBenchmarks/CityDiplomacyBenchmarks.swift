import Benchmark

/// Every benchmark of CityDiplomacy; `swift package --package-path Benchmarks benchmark` runs them
/// in a release build. Method and figures: Docs/performance.md.
let benchmarks: @Sendable () -> Void = {
    ImportBenchmarks.register()
    ReadBenchmarks.register()
}
