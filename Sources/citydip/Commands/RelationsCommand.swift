import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyPresentation

/// `citydip relations`: list relations, filtered by city, country, kind and years.
struct RelationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relations",
        abstract: "List bilateral relations, filtered by city, country, kind and signing year.",
        discussion: """
            Filters combine. --city matches either end of a relation, by any name in English or Persian \
            (Arabic and Persian letter variants, ZWNJ and digits are normalised). --country is an ISO code or a country name; with \
            --city it selects the partner's country. --from/--to take Gregorian years (2006) or Solar Hijri \
            years (1385SH); a relation passes when its date may fall in the range, and undated relations \
            are left out when either is given. The web API's /api/v1/relations reads the same filters. \
            With --aggregate-parts a city's districts and other parts are counted with it: --city lists its \
            relations and theirs, each district shown as its city.
            """
    )

    @Option(help: "A city name or id; matches either end of the relation.")
    var city: String?

    @Option(help: "A country: ISO code (IR) or name, in English or Persian (Iran).")
    var country: String?

    @Option(help: "Kind of relation: sister_city, cooperation_mou, friendship, partnership.")
    var kind: String?

    @Option(help: ArgumentHelp("Earliest signing year (2006, or 1385SH for Solar Hijri).", valueName: "year"))
    var from: String?

    @Option(help: ArgumentHelp("Latest signing year (2006, or 1385SH for Solar Hijri).", valueName: "year"))
    var to: String?

    @Option(help: "Only this dataset (default: all).")
    var dataset: String?

    // Read unconditionally so that `--limit -1` reaches validate() and is called out of range,
    // rather than taken for an option and reported as a missing value.
    @Option(parsing: .unconditional, help: "At most this many relations (1 or more).")
    var limit: Int?

    @OptionGroup var parts: PartOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    var filter: RelationFilter {
        RelationFilter(dataset: dataset, city: city, country: country, kind: kind, from: from, to: to)
    }

    func validate() throws {
        try validatingOptions { try filter.validate() }
        if let limit, limit < 1 { throw CLIError("invalid --limit \(limit): out of range, expected a whole number of 1 or more") }
    }

    func run() async throws {
        let workspace = try await database.workspace()
        let result = try await workspace.relations(filter, limit: limit, aggregateParts: parts.aggregateParts)
        var table = RelationListing.table(result.selection, countries: workspace.countries)
        if let aggregation = result.aggregation { table.notes.append(aggregation.note) }
        print(output.render(table), terminator: "")
    }
}
