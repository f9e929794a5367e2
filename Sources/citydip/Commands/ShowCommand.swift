import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip show CITY`: everything known about a city, with sources.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything known about a city: relations, memberships, events, and every source.",
        discussion: """
            CITY is a name in English or Persian, an alias, or an id such as iran-2018:tehran. Where several \
            cities match (in several datasets), each is shown, with the city it is part of and its own parts. \
            With --aggregate-parts its parts' relations, memberships and events are counted as its own (and \
            partners that are districts as their cities). JSON is an array of profiles, each as the web API's \
            /api/v1/cities/{id} gives it.
            """
    )

    @Argument(help: "The city.")
    var city: String

    @Option(help: "Only look in this dataset.")
    var dataset: String?

    @Option(help: "Output format: md or json.")
    var format: RecordFormat = .md

    @Option(help: "Output language: en or fa.")
    var lang: Language = .en

    @OptionGroup var parts: PartOptions
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let workspace = try await database.workspace()
        let profiles = try await workspace.cityProfiles(named: city, dataset: dataset, aggregateParts: parts.aggregateParts)
        switch format {
        case .json:
            try profiles.printPrettyJSON()
        case .md:
            let pages = profiles.map { CityProfileReport(profile: $0.profile, countries: workspace.countries, language: lang,
                                                 aggregationNote: $0.aggregation?.note).markdown() }
            print(pages.joined(separator: "\n---\n\n"), terminator: "")
        }
    }
}
