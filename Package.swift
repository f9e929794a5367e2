// swift-tools-version:6.1
// CityDiplomacy — a registry and analysis toolkit for the international relations of cities.
//
// The targets are a picture of the architecture (see README "Layout"):
//   CityDiplomacyCore           domain types, Persian text rules, the registry interface — no I/O
//   CityDiplomacyReferenceData  data shipped with the product (countries, the study's dataset) and its file format
//   CityDiplomacyStorage        the registry on SQLite (GRDB)
//   CityDiplomacyPostgres       the registry on PostgreSQL (postgres-nio), for a shared deployment
//   CityDiplomacyImport         reading other people's files (Wikipedia, Wikidata, any CSV) into datasets
//   CityDiplomacyNetwork        network measures (centralities, communities, distances) on flat arrays — no dependency
//   CityDiplomacyAnalysis       tables and counts computed from records
//   CityDiplomacyPresentation   rendering of tables as CSV, Markdown and JSON, in English or Persian
//   CityDiplomacyApplication    the use cases both front ends call, returning typed view models
//   CityDiplomacyWeb            the web observatory: JSON API and server-rendered pages (Hummingbird)
//   citydip                     the command-line tool, a thin layer over the above
import PackageDescription

let package = Package(
    name: "CityDiplomacy",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "citydip", targets: ["citydip"]),
        .library(name: "CityDiplomacyCore", targets: ["CityDiplomacyCore"]),
        .library(name: "CityDiplomacyStorage", targets: ["CityDiplomacyStorage"]),
        .library(name: "CityDiplomacyPostgres", targets: ["CityDiplomacyPostgres"]),
        .library(name: "CityDiplomacyAnalysis", targets: ["CityDiplomacyAnalysis"]),
        // For Benchmarks/, which imports files as `citydip import` does.
        .library(name: "CityDiplomacyReferenceData", targets: ["CityDiplomacyReferenceData"]),
        .library(name: "CityDiplomacyImport", targets: ["CityDiplomacyImport"]),
        // For Benchmarks/, whose read paths are the use cases `citydip relations` and `show` call.
        .library(name: "CityDiplomacyApplication", targets: ["CityDiplomacyApplication"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        // The HTTP parts Hummingbird's channel handlers see (the server's connection limits).
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        // TLS to a PostgreSQL server (postgres-nio takes an NIOSSLContext).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
        // Test only: reads openapi.yaml so the API tests can hold answers to it.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.0.0"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
        // The zip container of REFI-QDA projects (.qdpx).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .target(
            name: "CityDiplomacyCore",
            // SHA-256 of files, the one hash both reference data and imports identify files by.
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            // The message catalogue: every word users read, in English and Persian.
            resources: [.copy("Resources")]
        ),
        .target(
            name: "CityDiplomacyReferenceData",
            dependencies: [
                "CityDiplomacyCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "CityDiplomacyStorage",
            dependencies: [
                "CityDiplomacyCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the bulk inserts of InsertStatement.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                "CSQLiteConfiguration",
            ]
        ),
        // SQLite's library-wide settings, which only C can make (`sqlite3_config` is variadic).
        .target(name: "CSQLiteConfiguration", dependencies: [.product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(
            name: "CityDiplomacyPostgres",
            dependencies: [
                "CityDiplomacyCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "CityDiplomacyImport",
            dependencies: [
                "CityDiplomacyCore", .product(name: "Crypto", package: "swift-crypto"),
                // Markdown documents to HTML, whose words HTMLText reads.
                .product(name: "Ink", package: "Ink"),
                // REFI-QDA projects (.qdpx) are zip files.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Graph measures on flat arrays, with no dependency: what `citydip network` computes.
        .target(name: "CityDiplomacyNetwork"),
        .target(name: "CityDiplomacyAnalysis", dependencies: ["CityDiplomacyCore", "CityDiplomacyNetwork"]),
        .target(name: "CityDiplomacyPresentation", dependencies: ["CityDiplomacyCore"]),
        .target(
            name: "CityDiplomacyApplication",
            dependencies: [
                "CityDiplomacyCore",
                "CityDiplomacyReferenceData",
                "CityDiplomacyStorage",
                "CityDiplomacyPostgres",
                "CityDiplomacyImport",
                "CityDiplomacyAnalysis",
                "CityDiplomacyNetwork",
                "CityDiplomacyPresentation",
            ]
        ),
        .target(
            name: "CityDiplomacyWeb",
            dependencies: [
                "CityDiplomacyCore",
                "CityDiplomacyReferenceData",
                "CityDiplomacyAnalysis",
                "CityDiplomacyPresentation",
                "CityDiplomacyApplication",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "citydip",
            dependencies: [
                "CityDiplomacyCore",
                "CityDiplomacyApplication",
                // For the names of import formats and the quality report it prints.
                "CityDiplomacyImport",
                "CityDiplomacyPresentation",
                "CityDiplomacyWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "CityDiplomacyCoreTests", dependencies: ["CityDiplomacyCore"]),
        // Fixtures: graphs with values computed once by igraph and networkx (scripts/network-fixtures.py).
        .testTarget(name: "CityDiplomacyNetworkTests", dependencies: ["CityDiplomacyNetwork"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "CityDiplomacyReferenceDataTests",
            dependencies: ["CityDiplomacyCore", "CityDiplomacyReferenceData"]
        ),
        .testTarget(
            name: "CityDiplomacyStorageTests",
            dependencies: [
                "CityDiplomacyCore", "CityDiplomacyStorage", "CityDiplomacyReferenceData",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // One conformance suite run against every backend of the registry (PostgreSQL where
        // CITYDIP_TEST_POSTGRES_URL names a server).
        .testTarget(
            name: "CityDiplomacyRegistryTests",
            dependencies: [
                "CityDiplomacyCore", "CityDiplomacyStorage", "CityDiplomacyPostgres", "CityDiplomacyReferenceData",
                "CityDiplomacyApplication",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "CityDiplomacyAnalysisTests",
            dependencies: [
                "CityDiplomacyCore", "CityDiplomacyAnalysis", "CityDiplomacyPresentation",
                "CityDiplomacyReferenceData",
            ]
        ),
        .testTarget(
            name: "CityDiplomacyImportTests",
            // Storage: the sample is imported end to end, into a registry as `citydip import` does.
            dependencies: ["CityDiplomacyCore", "CityDiplomacyImport", "CityDiplomacyReferenceData", "CityDiplomacyStorage"],
            // A sample of a real file (MIT), with its licence.
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CityDiplomacyApplicationTests",
            // Import: REFI-QDA projects written by hand, as MAXQDA would write them, for `qdpx import`.
            dependencies: ["CityDiplomacyCore", "CityDiplomacyApplication", "CityDiplomacyStorage", "CityDiplomacyPostgres", "CityDiplomacyPresentation",
                           "CityDiplomacyImport"]
        ),
        .testTarget(
            name: "CityDiplomacyWebTests",
            dependencies: [
                "CityDiplomacyCore", "CityDiplomacyWeb", "CityDiplomacyStorage", "CityDiplomacyReferenceData",
                "CityDiplomacyApplication",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(
            name: "CitydipTests",
            // Storage: a test writes records the commands read (districts, which no import makes yet).
            // The web observatory in process, to hold the CLI's JSON to the API's for the same database.
            dependencies: [
                "citydip", "CityDiplomacyCore", "CityDiplomacyStorage", "CityDiplomacyApplication", "CityDiplomacyWeb",
                // The study's sources, whose titles in other languages Persian output cites as printed.
                "CityDiplomacyReferenceData",
                // The import's limits, which decide whether an import starts again with large pages.
                "CityDiplomacyImport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            // The reviewed help texts, read from the source tree by HelpSnapshotTests.
            exclude: ["HelpSnapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
