import ArgumentParser
import CityDiplomacyApplication

/// `citydip stats`: totals of a dataset, or of all.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Totals: relations, cities, countries, relations by country, and the cities with the most partners.",
        discussion: "JSON (as the web API's /api/v1/statistics): {\"relations\", \"cities\", \"countries\", \"by_country\": {\"IR\": N, …}, \"top_cities\": [{\"city\", \"city_id\", \"country_iso2\", \"degree\"}, …], \"aggregated_parts\": null or {…}}; a city's degree is its number of distinct partners; by_country counts relations with at least one end in the country. A district or other part of a city is counted as a place of its own unless --aggregate-parts is given."
    )

    @Option(help: "Only this dataset (default: all).")
    var dataset: String?

    @Option(help: "Output format: md or json.")
    var format: RecordFormat = .md

    @Option(parsing: .unconditional, help: "How many cities to rank (1 or more).")
    var top: Int = 10

    @OptionGroup var parts: PartOptions
    @OptionGroup var language: LanguageOption
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard top > 0 else { throw CLIError("invalid --top \(top): out of range, expected a whole number of 1 or more") }
    }

    func run() async throws {
        let workspace = try await database.workspace()
        let statistics = try await workspace.statistics(dataset: dataset, top: top, aggregateParts: parts.aggregateParts)
        let markdown = StatisticsMarkdown(language: language.lang, countries: workspace.directory)
        if format == .json { try statistics.printPrettyJSON() } else { print(markdown.render(statistics), terminator: "") }
    }
}
