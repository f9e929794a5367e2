import ArgumentParser
import CityDiplomacyAnalysis
import CityDiplomacyPresentation

/// `citydip tables --table 1|4`: the study's tables, computed from a dataset's records.
struct TablesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "Print a table of the study computed from the records: 1 (bilateral relations) or 4 (networks).",
        discussion: """
            CSV in English is a stable contract. Table 1: city,partner_city,partner_country_iso2,kind,year,source_url \
            (one row per relation; kind is sister_city or cooperation_mou; year empty where unknown). \
            Table 4: network,scope,member_cities (member cities separated by ';'; scope global or regional). \
            --lang fa gives the same tables with Persian headers, names and digits.
            """
    )

    static let availableTables = ["1", "4"]

    @Option(help: ArgumentHelp("The table: 1 or 4.", valueName: "n"))
    var table: String

    @OptionGroup var datasetOption: DatasetOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard Self.availableTables.contains(PersianTextDigits.ascii(table)) else {
            throw CLIError("unknown table '\(table)': expected one of \(Self.availableTables.joined(separator: ", "))")
        }
    }

    func run() async throws {
        let registry = try await database.open()
        let content = try await datasetOption.content(in: registry)
        let tables = StudyTables(content: content, countries: try await registry.countries())
        let tabulation = PersianTextDigits.ascii(table) == "1" ? tables.relationsTable() : tables.networksTable()
        print(TabulationRenderer(format: output.format, language: output.lang).render(tabulation), terminator: "")
    }
}
