import ArgumentParser
import CityDiplomacyApplication

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
            --lang fa gives the same tables with Persian headers, names and digits (JSON keeps its keys and \
            codes, and adds a Persian label beside each code as KEY_label).
            """
    )

    @Option(help: ArgumentHelp("The table: 1, 2, 3 or 4.", valueName: "n"))
    var table: StudyTableNumber

    @OptionGroup var datasetOption: DatasetOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var classification: ClassificationOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace(classification.files)
        let tabulation = try await workspace.studyTable(StudyTableRequest(
            table: table, dataset: datasetOption.dataset, regions: classification.regions,
            affiliations: classification.affiliations, periodisation: classification.periodisation, rule: classification.rule))
        print(output.render(tabulation), terminator: "")
    }
}
