import ArgumentParser
import CityDiplomacyApplication

/// `citydip datasets`: what the database holds.
struct DatasetsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "List the datasets in the database with their record counts and provenance."
    )

    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        print(output.render(try await workspace.datasetsTable()), terminator: "")
    }
}
