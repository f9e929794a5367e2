import ArgumentParser
import CityDiplomacyApplication

/// `citydip schemes`: the classification schemes and periodisations available; with `--scheme`,
/// one scheme's table of categories, countries and families.
struct SchemesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schemes",
        abstract: "List the classification schemes and periodisations (bundled, and any given with --scheme-file), or show one scheme's table.",
        discussion: """
            --scheme ID shows one scheme: its title and source, then one row per category in the \
            scheme's order with its id, label, countries and family — one family column per reading \
            where the grouping is a reading (the scheme's own first, then each other, with its rule \
            under the table), else one group column. A reading's id (study-civilisations:by-region) \
            shows the table of the scheme it reads and says which reading it selects. As \
            /schemes/{id} shows it; --format json gives {"id", "scheme", "reading", "title", \
            "source", "readings", "groups", "categories"}, as /api/v1/schemes/{id}.
            """
    )

    @Option(help: ArgumentHelp("Show one scheme's table: its categories with their countries and their family under each reading (an id the list gives, a reading's as SCHEME:READING).", valueName: "id"))
    var scheme: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var files: ClassificationFileOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace(files)
        guard let scheme else {
            print(output.render(workspace.schemesTable()), terminator: "")
            return
        }
        let table = try workspace.schemeTable(scheme)
        switch output.format {
        case .json: try SchemeView(table, language: output.lang).printPrettyJSON()
        default: print(SchemeRenderer(format: output.format.outputFormat, language: output.lang).render(table), terminator: "")
        }
    }
}
