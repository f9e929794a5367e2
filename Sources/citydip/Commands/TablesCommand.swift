import ArgumentParser
import CityDiplomacyAnalysis
import CityDiplomacyCore
import CityDiplomacyPresentation
import CityDiplomacyReferenceData

/// `citydip tables --table 1|2|3|4`: the study's tables, computed from a dataset's records.
struct TablesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tables",
        abstract: "Print a table of the study computed from the records: 1 relations, 2 regions, 3 periods, 4 networks.",
        discussion: """
            CSV in English is a stable contract. Table 1: city,partner_city,partner_country_iso2,kind,year,source_url \
            (one row per relation; kind is sister_city or cooperation_mou; year empty where unknown). \
            Table 2: region,country_iso2,affiliation,relations. \
            Table 3: period,start_year,end_year,head_of_government,discourse,relations,countries_iso2 \
            (countries ';'-separated; ambiguous years placed by --rule). \
            Table 4: network,scope,member_cities (member cities separated by ';'; scope global or regional). \
            --lang fa gives the same tables with Persian headers, names and digits.
            """
    )

    static let availableTables = ["1", "2", "3", "4"]

    @Option(help: ArgumentHelp("The table: 1, 2, 3 or 4.", valueName: "n"))
    var table: String

    @OptionGroup var datasetOption: DatasetOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var classification: ClassificationOptions
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard Self.availableTables.contains(PersianTextDigits.ascii(table)) else {
            throw CLIError("unknown table '\(table)': expected one of \(Self.availableTables.joined(separator: ", "))")
        }
    }

    func run() async throws {
        let registry = try await database.open()
        let content = try await datasetOption.content(in: registry)
        let countryList = try await registry.countries()
        let tables = StudyTables(content: content, countries: countryList)
        let tabulation: Tabulation
        switch PersianTextDigits.ascii(table) {
        case "1":
            tabulation = tables.relationsTable()
        case "2":
            let schemes = try classification.schemes(countries: CountryDirectory(countries: countryList))
            tabulation = tables.regionTable(
                regions: try ClassificationOptions.scheme(classification.regions, in: schemes, option: "--regions"),
                affiliations: try ClassificationOptions.scheme(classification.affiliations, in: schemes, option: "--affiliations"))
        case "3":
            let periodisation = try ClassificationOptions.periodisation(classification.periodisation, in: classification.periodisations())
            tabulation = tables.periodTable(periodisation: periodisation, rule: try classification.ambiguityRule)
        default:
            tabulation = tables.networksTable()
        }
        print(TabulationRenderer(format: output.format, language: output.lang).render(tabulation), terminator: "")
    }
}
