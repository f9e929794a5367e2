import ArgumentParser
import CityDiplomacyApplication
import CityDiplomacyCore
import CityDiplomacyPresentation

/// `citydip peers CITY`: the cities most like a city, for benchmarking.
struct PeersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peers",
        abstract: "The cities most like a city — size, country group, partners, partner profile — for benchmarking.",
        discussion: """
            Likeness is the cosine similarity of feature vectors: log10(population) / 7; ln(1 + partners) / ln(1 + the \
            most partners of any city); the group of the city's country in --scheme (default un-m49), one-hot; the share \
            of its partners in each group, scaled to length one. Where either population is unknown, size is left out \
            of that comparison, and the output counts how often.
            """
    )

    @Argument(help: ArgumentHelp("The city: a name in English or Persian, an alias, or an id such as iran-2018:tabriz.", valueName: "city"))
    var city: String

    @Option(name: .customLong("dataset"), help: ArgumentHelp("A dataset whose cities are compared (repeatable; default: the city's).", valueName: "id"))
    var datasets: [String] = []

    @Option(help: ArgumentHelp("The scheme whose groups place countries and profile partners (see `citydip schemes`).", valueName: "scheme"))
    var scheme: String?

    @Option(parsing: .unconditional, help: "How many peers to list (1 to 100).")
    var top: Int = 10

    @OptionGroup var output: OutputOptions
    @OptionGroup var files: ClassificationFileOptions
    @OptionGroup var database: DatabaseOptions

    var request: PeersRequest { PeersRequest(city: city, datasets: datasets, scheme: scheme, top: top) }

    func validate() throws {
        try validatingOptions { try request.validate() }
    }

    func run() async throws {
        let workspace = try await database.workspace(files)
        let result = try await workspace.peers(request)
        switch output.format {
        case .md, .html: print(ReportRenderer(format: output.format.outputFormat, language: output.lang).render(result.document), terminator: "")
        case .csv: print(output.render(result.table), terminator: "")
        case .json: try result.view.printPrettyJSON()
        }
    }
}
