import ArgumentParser
import CityDiplomacyStorage

/// `citydip init`: create the database and load the bundled datasets.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create (or update) the database and load the reference countries and the bundled datasets.",
        discussion: "Other commands do this on first use. --refresh replaces the bundled datasets with the copies shipped with this version."
    )

    @Flag(help: "Replace the bundled datasets already in the database with the shipped copies.")
    var refresh = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let registry: SQLiteRegistry
        do {
            registry = try SQLiteRegistry(path: database.path)
        } catch {
            throw CLIError("\(error) (choose another file with --db or $\(DatabaseOptions.environmentVariable))")
        }
        let stored = try await RegistrySeeding.seed(registry, refresh: refresh)
        let datasets = try await registry.datasets()
        print("database: \(database.path)")
        print("countries: \(try await registry.countries().count)")
        print("datasets: \(datasets.map(\.id).joined(separator: ", "))\(stored.isEmpty ? "" : " (loaded now: \(stored.joined(separator: ", ")))")")
    }
}
