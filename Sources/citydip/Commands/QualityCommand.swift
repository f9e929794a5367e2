import ArgumentParser
import CityDiplomacyApplication

extension PlaceStatusChoice: ExpressibleByArgument {}

/// `citydip quality --dataset`: the quality report of an imported dataset, on demand.
struct QualityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Print the quality report of an imported dataset (as after its import).",
        discussion: """
            JSON (as the web API's /api/v1/datasets/{id}/quality): the counts, "distances", the lists of \
            names, pairs, coordinates and countries, "places_by_status", and "places": {"total", "limit", \
            "offset", "items"}, every distinct place of the file with its evidence — or those --status, \
            --limit and --offset select. In Markdown, places are listed only when one of these is given.
            """
    )

    @Option(help: "The imported dataset.")
    var dataset: String

    @Option(help: "The report's format: md or json.")
    var report: RecordFormat = .md

    @Option(help: "List only the places of this status.")
    var status: PlaceStatusChoice?

    // Read unconditionally so that `--limit -1` reaches validate() and is called out of range.
    @Option(parsing: .unconditional, help: "List at most this many places (1 or more; default: all).")
    var limit: Int?

    @Option(parsing: .unconditional, help: "Skip this many places of the list first.")
    var offset: Int = 0

    @OptionGroup var language: LanguageOption
    @OptionGroup var database: DatabaseOptions

    var selection: PlaceSelection {
        PlaceSelection(status: status, limit: limit, offset: offset)
    }

    func validate() throws {
        try validatingOptions { try selection.validate() }
    }

    func run() async throws {
        let workspace = try await database.workspace()
        let quality = try await workspace.qualityReport(dataset: dataset)
        let view = ImportQualityView(quality, places: selection)
        switch report {
        case .json:
            try view.printPrettyJSON()
        case .md:
            let listsPlaces = status != nil || limit != nil || offset != 0
            let names = listsPlaces ? try await workspace.cityNames(ofDataset: dataset) : [:]
            let markdown = try ImportQualityMarkdown(language: language.lang, cityNames: names)
            print(markdown.report(view, listingPlaces: listsPlaces, status: status), terminator: "")
        }
    }
}
