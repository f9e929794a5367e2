import ArgumentParser
import CityDiplomacyApplication

/// `citydip count --by …`: counts, shares, cross-tabulations and rankings of any dataset.
struct CountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count",
        abstract: "Count relations (or memberships, events) by a scheme, a periodisation, kind, city or partner state.",
        discussion: """
            --by takes: scheme:ID (the partner state's category), group:ID (its group), period:ID (the period \
            of the signing date, ambiguous years by --rule), kind, status, city, partner-city, partner-country, \
            theme, decade. Give --by twice for a cross-tabulation. With --focus-country ISO the partner is the \
            end outside that country (for datasets whose relations are not listed from one side). \
            --of memberships counts by network or city; --of events by kind.
            """
    )

    @Option(help: ArgumentHelp("What to count by (repeat for a cross-tabulation).", valueName: "dimension"))
    var by: [String] = []

    @Option(help: "What to count: relations, memberships or events.")
    var of: CountedRecords = .relations

    @Option(name: .customLong("focus-country"), help: ArgumentHelp("Count relations touching this country, with the partner at the other end.", valueName: "iso"))
    var focusCountry: String?

    @Flag(help: "Order by count, highest first (a ranking).")
    var rank = false

    @Option(parsing: .unconditional, help: "Only the first N rows (1 or more).")
    var top: Int?

    @OptionGroup var parts: PartOptions
    @OptionGroup var datasetOption: DatasetOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var classification: ClassificationOptions
    @OptionGroup var database: DatabaseOptions

    var request: CountRequest {
        get throws {
            CountRequest(records: of, by: try by.map { text throws(ApplicationError) in try DimensionName(parsing: text) },
                         dataset: datasetOption.dataset, focusCountry: focusCountry, rule: classification.rule, rank: rank, top: top, aggregateParts: parts.aggregateParts)
        }
    }

    func validate() throws {
        try validatingOptions { try request.validate() }
    }

    func run() async throws {
        let workspace = try await database.workspace(classification.files)
        print(output.render(try await workspace.count(try request)), terminator: "")
    }
}
