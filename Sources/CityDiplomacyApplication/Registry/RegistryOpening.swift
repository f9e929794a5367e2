import CityDiplomacyCore
import CityDiplomacyPostgres
import CityDiplomacyReferenceData
import CityDiplomacyStorage

/// A registry opened for use, with what opening it did: whether it was created and seeded now,
/// and warnings for the user (an older copy of a bundled dataset).
public struct OpenedRegistry: Sendable {
    public var registry: any CityDiplomacyRegistry
    public var location: RegistryLocation
    /// The bundled datasets stored while opening (a new database gets all of them).
    public var seededDatasets: [String]
    public var warnings: [String]

    /// One line for the user when opening did more than open: "created … and loaded iran-2018".
    public var announcement: String? {
        guard !seededDatasets.isEmpty else { return nil }
        return "created the database \(location) and loaded the bundled dataset\(seededDatasets.count == 1 ? "" : "s") \(seededDatasets.joined(separator: ", "))"
    }
}

/// Opening the registry a ``RegistryLocation`` names, seeding a new one with the reference
/// countries and the bundled datasets.
public enum RegistryOpening {
    /// Settings of the embedded database's library for the whole process
    /// (``SQLiteRegistry/configureSQLiteLibrary()``): to be called first thing, before any thread
    /// opens a registry.
    public static func prepareProcess() {
        SQLiteRegistry.configureSQLiteLibrary()
    }

    /// Opens the registry; with `seed`, a database lacking the countries or datasets gets them.
    public static func open(_ location: RegistryLocation, seed: Bool = true) async throws -> OpenedRegistry {
        let registry: any CityDiplomacyRegistry
        switch location {
        case let .sqlite(path):
            do {
                registry = try SQLiteRegistry(path: path)
            } catch {
                throw ApplicationError.invalid("db", "\(error) (choose another file with --db or $\(RegistryLocation.environmentVariable))")
            }
        case let .postgres(server):
            do {
                registry = try await PostgresRegistry(server)
            } catch {
                throw ApplicationError.invalid("db", "\(error) (check the server, or choose another database with --db or $\(RegistryLocation.environmentVariable))")
            }
        }
        var opened = OpenedRegistry(registry: registry, location: location, seededDatasets: [], warnings: [])
        guard seed else { return opened }
        let hasCountries = try await !registry.countries().isEmpty
        let datasets = try await registry.datasetsWithoutImportReports()
        // A new database — or one whose first seeding was interrupted — gets the reference data.
        if !hasCountries || datasets.isEmpty {
            opened.seededDatasets = try await RegistrySeeding.seed(registry, refresh: false)
        } else {
            opened.warnings = RegistrySeeding.outdatedBundledDatasets(in: datasets).map {
                "this database holds an older copy of the bundled dataset '\($0)'; run `citydip init --refresh` to update it"
            }
        }
        return opened
    }
}

/// Loading the reference countries and the bundled datasets into a registry.
public enum RegistrySeeding {
    /// Stores the countries, and every bundled dataset the registry lacks (all of them with
    /// `refresh`). Returns the ids of the datasets stored.
    @discardableResult
    public static func seed(_ registry: some CityDiplomacyRegistry, refresh: Bool) async throws -> [String] {
        let countries = try CountryDirectory.bundled()
        try await registry.storeCountries(countries.countries)
        let present = Set(try await registry.datasetsWithoutImportReports().map(\.id))
        var stored: [String] = []
        for content in try BundledDatasets.load(countries: countries) where refresh || !present.contains(content.dataset.id) {
            try await registry.store(content)
            stored.append(content.dataset.id)
        }
        return stored
    }

    /// The bundled datasets in `datasets` whose stored copy differs from the one this version ships.
    public static func outdatedBundledDatasets(in datasets: [Dataset]) -> [String] {
        let shipped = BundledDatasets.contentHashes()
        return datasets.filter { dataset in
            guard dataset.isBundled, let hash = shipped[dataset.id] else { return false }
            return hash != dataset.contentHash
        }.map(\.id)
    }
}
