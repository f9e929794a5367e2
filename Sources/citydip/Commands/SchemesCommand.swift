import ArgumentParser
import CityDiplomacyApplication

/// `citydip schemes`: the classification schemes and periodisations available.
struct SchemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemes",
        abstract: "List the classification schemes and periodisations (bundled, and any given with --scheme-file)."
    )

    @OptionGroup var output: OutputOptions
    @OptionGroup var files: ClassificationFileOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace(files)
        print(output.render(workspace.schemesTable()), terminator: "")
    }
}
