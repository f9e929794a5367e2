// swift-tools-version:6.1
// Benchmarks of CityDiplomacy, outside the product: the import of the Wikipedia file and of
// synthetic files of 25k, 250k and 1M rows, and the read paths on imported data.
//
//   swift package --package-path Benchmarks benchmark            # all, release build
//   swift package --package-path Benchmarks benchmark --filter 'Import wikipedia'
//
// A package of its own so that `swift build` and `swift test` of the product never build the
// benchmark framework; see Docs/performance.md for the method and the figures.
import PackageDescription

// A package by path is known by its folder's name (CityDiplomacy in one checkout, wt-x in a
// worktree), not by its manifest's name.
let mainPackage = String(#filePath.split(separator: "/").dropLast(2).last!).lowercased()

let package = Package(
    name: "CityDiplomacyBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        // MallocInterposer: the malloc counts and memory metrics on Linux with Swift 6.3.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.0.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CityDiplomacyBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "CityDiplomacyCore", package: mainPackage),
                .product(name: "CityDiplomacyReferenceData", package: mainPackage),
                .product(name: "CityDiplomacyImport", package: mainPackage),
                .product(name: "CityDiplomacyStorage", package: mainPackage),
                .product(name: "CityDiplomacyAnalysis", package: mainPackage),
                .product(name: "CityDiplomacyApplication", package: mainPackage),
            ],
            path: "Benchmarks/CityDiplomacyBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
