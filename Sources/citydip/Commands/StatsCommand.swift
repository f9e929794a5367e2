import ArgumentParser
import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip stats`: totals of a dataset, or of all.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Totals: relations, cities, countries, relations by country, and the cities with the most partners.",
        discussion: "JSON: {\"relations\", \"cities\", \"countries\", \"by_country\": {\"IR\": N, …}, \"top_cities\": [{\"city\", \"country_iso2\", \"degree\"}, …]}; a city's degree is its number of distinct partners; by_country counts relations with at least one end in the country."
    )

    @Option(help: "Only this dataset (default: all).")
    var dataset: String?

    @Option(help: "md or json.")
    var format: OutputFormat = .md

    @Option(help: "How many cities to rank.")
    var top: Int = 10

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard format == .md || format == .json else { throw CLIError("format '\(format.rawValue)' is not available for stats: expected md or json") }
        guard top > 0 else { throw CLIError("invalid --top \(top): expected a positive whole number") }
    }

    func run() async throws {
        let registry = try await database.open()
        let ids = try await registry.datasets().map(\.id)
        if let dataset, !ids.contains(dataset) {
            throw CLIError("unknown dataset '\(dataset)': expected one of \(ids.joined(separator: ", "))")
        }
        var contents: [DatasetContent] = []
        for id in dataset.map({ [$0] }) ?? ids {
            if let content = try await registry.content(ofDataset: id) { contents.append(content) }
        }
        let stats = RegistryStatistics(contents: contents, top: top)
        if format == .json {
            let object = JSONValue.object([
                ("relations", .number(stats.relations)),
                ("cities", .number(stats.cities)),
                ("countries", .number(stats.countries)),
                ("by_country", .object(stats.byCountry.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, .number($0.value)) })),
                ("top_cities", .array(stats.topCities.map { .object([("city", .string($0.city.name.en)), ("country_iso2", .string($0.city.country.rawValue)), ("degree", .number($0.degree))]) })),
            ])
            print(object.serialized(pretty: true))
        } else {
            var lines = ["# Statistics\(dataset.map { " of \($0)" } ?? " of all datasets")", "",
                         "relations: \(stats.relations); cities: \(stats.cities); countries: \(stats.countries)", "",
                         "| City | Country | Partners |", "|---|---|---|"]
            lines += stats.topCities.map { "| \($0.city.name.en) | \($0.city.country) | \($0.degree) |" }
            lines += ["", "Relations by country: " + stats.byCountry.sorted { $0.value > $1.value }.prefix(20).map { "\($0.key) \($0.value)" }.joined(separator: ", ")]
            print(lines.joined(separator: "\n"))
        }
    }
}
