import ArgumentParser
import CityDiplomacyCore
import CityDiplomacyReferenceData
import CityDiplomacyStorage
import Foundation

/// `--db`: which database to use, and opening it (creating and seeding it on first use).
struct DatabaseOptions: ParsableArguments {
    static let environmentVariable = "CITYDIP_DB"

    @Option(name: .long, help: ArgumentHelp(
        "The SQLite database file. Default: $CITYDIP_DB, else citydip/citydip.sqlite in the user's data folder.",
        valueName: "path"))
    var db: String?

    var path: String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment[Self.environmentVariable], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let base = FileManager.default.urls(for: .applicationSupportDirectory, in: .userDomainMask).first
            ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".local/share")
        return base.appendingPathComponent("citydip").appendingPathComponent("citydip.sqlite").path
    }

    /// Opens the database; a new one gets the reference countries and the bundled datasets.
    func open() async throws -> SQLiteRegistry {
        let registry: SQLiteRegistry
        do {
            registry = try SQLiteRegistry(path: path)
        } catch {
            throw CLIError("\(error) (choose another file with --db or $\(Self.environmentVariable))")
        }
        // A new database — or one whose first seeding was interrupted — gets the reference data.
        let hasCountries = try await !registry.countries().isEmpty
        let hasDatasets = try await !registry.datasets().isEmpty
        if !hasCountries || !hasDatasets {
            try await RegistrySeeding.seed(registry, refresh: false)
        } else {
            warnIfBundledDatasetsChanged(try await registry.datasets())
        }
        return registry
    }

    private func warnIfBundledDatasetsChanged(_ datasets: [Dataset]) {
        let shipped = BundledDatasets.contentHashes()
        for dataset in datasets where dataset.isBundled {
            if let hash = shipped[dataset.id], hash != dataset.contentHash {
                FileHandle.standardError.write(Data(
                    "warning: this database holds an older copy of the bundled dataset '\(dataset.id)'; run `citydip init --refresh` to update it\n".utf8))
            }
        }
    }
}

/// Loading the reference countries and the bundled datasets into a registry.
enum RegistrySeeding {
    /// Stores the countries, and every bundled dataset the registry lacks (all of them with `refresh`).
    /// Returns the ids of the datasets stored.
    @discardableResult
    static func seed(_ registry: some CityDiplomacyRegistry, refresh: Bool) async throws -> [String] {
        let countries = try CountryDirectory.bundled()
        try await registry.storeCountries(countries.countries)
        let present = Set(try await registry.datasets().map(\.id))
        var stored: [String] = []
        for content in try BundledDatasets.load(countries: countries) where refresh || !present.contains(content.dataset.id) {
            try await registry.store(content)
            stored.append(content.dataset.id)
        }
        return stored
    }
}
