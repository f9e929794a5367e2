import ArgumentParser
import CityDiplomacyApplication

/// `citydip diff A B`: two datasets triangulated.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two datasets: relations in both, only in one, and in both with conflicting kind or year.",
        discussion: "Cities are matched through the gazetteer (GeoNames id), else by name and country; kinds are compared, not required to match."
    )

    @Argument(help: "The first dataset.")
    var datasetA: String

    @Argument(help: "The second dataset.")
    var datasetB: String

    @Option(help: "Only relations with an end in this country (ISO code or name).")
    var country: String?

    @Option(help: "Only relations of this city (any name).")
    var city: String?

    @Option(help: "Output format: md or json.")
    var format: RecordFormat = .md

    @OptionGroup var language: LanguageOption
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let diff = try await workspace.diff(DiffRequest(datasetA: datasetA, datasetB: datasetB, country: country, city: city))
        let markdown = DiffMarkdown(language: language.lang, countries: workspace.directory)
        if format == .json { try diff.printPrettyJSON() } else { print(markdown.render(diff), terminator: "") }
    }
}
