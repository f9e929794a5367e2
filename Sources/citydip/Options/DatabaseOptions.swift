import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import Foundation

/// `--db`: which registry to use, and opening it (creating and seeding it on first use).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The SQLite database file (or sqlite:PATH), or a PostgreSQL database: postgres://user@host:port/name. Default: $CITYDIP_DB, else citydip/citydip.sqlite in the user's data folder.",
        valueName: "path-or-url"))
    var db: String?

    var location: RegistryLocation {
        get throws { try RegistryLocation(option: db, environment: ProcessInfo.processInfo.environment) }
    }

    func validate() throws {
        try validatingOptions { _ = try location }
    }

    /// Opens the registry; a new one gets the reference countries and the bundled datasets, and
    /// the user is told so in one line on standard error.
    func open(seed: Bool = true) async throws -> OpenedRegistry {
        let opened = try await RegistryOpening.open(try location, seed: seed)
        for line in [opened.announcement].compactMap({ $0 }) + opened.warnings.map({ "warning: " + $0 }) {
            TerminalOutput.note("citydip: \(line)\n")
        }
        return opened
    }

    /// The workspace the use cases run in: the opened registry with the classifications given.
    func workspace(_ files: ClassificationFileOptions? = nil) async throws -> Workspace {
        Workspace.prepare()
        let opened = try await open()
        return try await Workspace(registry: opened.registry, schemeFiles: files?.schemeFiles ?? [], periodisationFiles: files?.periodisationFiles ?? [])
    }
}
