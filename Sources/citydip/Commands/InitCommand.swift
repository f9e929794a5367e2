import ArgumentParser
import CityDiplomacyApplication

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
        let opened = try await database.open(seed: false)
        let stored = try await RegistrySeeding.seed(opened.registry, refresh: refresh)
        let datasets = try await opened.registry.datasetsWithoutImportReports()
        print("database: \(opened.location)")
        print("countries: \(try await opened.registry.countries().count)")
        print("datasets: \(datasets.map(\.id).joined(separator: ", "))\(stored.isEmpty ? "" : " (loaded now: \(stored.joined(separator: ", ")))")")
    }
}
